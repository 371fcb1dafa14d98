// Build-time computation of "Automatic differentiation": its figures and
// every number its prose shows, computed by code/autodiff and cached
// (src/lib/cache.ts). Timings are measured on the machine that builds
// the book; everything else is deterministic.
import { cached } from '../lib/cache.ts';
import { PALETTE, Plot, renderPlot } from '../lib/plot.ts';
import { createRng } from '../../code/introduction/random.ts';
import { bestTime } from '../../code/linear-algebra/benchmark.ts';
import { fitBreastCancer } from '../../code/logistic-regression/breast-cancer.ts';
import { accuracy } from '../../code/logistic-regression/breast-cancer.ts';
import { smoothness } from '../../code/logistic-regression/fit.ts';
import { predictProba } from '../../code/logistic-regression/model.ts';
import { gradientDescent } from '../../code/optimization/gradient-descent.ts';
import {
  crossEntropy,
  crossEntropyComposed,
} from '../../code/autodiff/fused.ts';
import { logisticValueAndGradient } from '../../code/autodiff/logistic.ts';
import {
  gradientForward,
  gradientReverse,
} from '../../code/autodiff/modes.ts';
import { precisionStudy } from '../../code/autodiff/precision.ts';
import { Value, topologicalOrder } from '../../code/autodiff/scalar.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import fixtureJson from '../../tests/fixtures/autodiff/torch.json' with {
  type: 'json',
};

// ---------------------------------------------------------------------
// The computation graph of f = tanh(a·b + c)·a, values and adjoints.

export const GRAPH_INPUTS = { a: 0.7, b: -1.3, c: 0.4 };

function graphExample() {
  const a = new Value(GRAPH_INPUTS.a);
  const b = new Value(GRAPH_INPUTS.b);
  const c = new Value(GRAPH_INPUTS.c);
  const u = a.mul(b);
  const v = u.add(c);
  const t = v.tanh();
  const f = t.mul(a);
  const nodes = { a, b, c, u, v, t, f };
  const values = Object.fromEntries(
    Object.entries(nodes).map(([k, n]) => [k, n.data]));
  // the scalar engine keeps every node's adjoint in .grad
  f.backward();
  const grads = Object.fromEntries(
    Object.entries(nodes).map(([k, n]) => [k, n.grad]));
  return { values, grads };
}

const f3 = (x: number) => (x < 0 ? '−' : '') + Math.abs(x).toFixed(3);

type Shown = Record<string, number | undefined>;
const NODES = ['a', 'b', 'c', 'u', 'v', 't', 'f'];

/** The graph with the values and adjoints known so far; `at` framed. */
function graphSvg(values: Shown, grads: Shown, at = '',
  id = 'ad-arrow'): string {
  const W = 150, H = 64;
  const pos: Record<string, [number, number]> = {
    a: [30, 10], b: [220, 10], u: [30, 120], c: [220, 120],
    v: [125, 230], t: [125, 340], f: [30, 450],
  };
  const label: Record<string, string> = {
    a: 'a', b: 'b', c: 'c', u: 'u = a·b', v: 'v = u + c',
    t: 't = tanh v', f: 'f = t·a',
  };
  const edges = [['a', 'u'], ['b', 'u'], ['u', 'v'], ['c', 'v'],
    ['v', 't'], ['t', 'f'], ['a', 'f']];
  const mid = (k: string) => [pos[k][0] + W / 2, pos[k][1] + H / 2];
  const lines = edges.map(([s, d]) => {
    const [x1, y1] = [mid(s)[0], pos[s][1] + H];
    const [x2, y2] = [mid(d)[0], pos[d][1]];
    if (s === 'a' && d === 'f') { // the long way round, on the left
      return `<path d="M${pos.a[0]},${pos.a[1] + H / 2} C${-40},${120} ` +
        `${-40},${400} ${pos.f[0] + 20},${y2}" fill="none" ` +
        'stroke="currentColor" stroke-width="1.5" ' +
        `marker-end="url(#${id})"/>`;
    }
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" ` +
      'stroke="currentColor" stroke-width="1.5" ' +
      `marker-end="url(#${id})"/>`;
  });
  const show = (x: number | undefined) => (x === undefined ? '…' : f3(x));
  const boxes = NODES.map((k) => {
    const [x, y] = pos[k];
    const wide = k === at ? 4 : 1.5; // the node being processed
    return `<g><rect x="${x}" y="${y}" width="${W}" height="${H}" ` +
      `rx="6" fill="none" stroke="currentColor" stroke-width="${wide}"/>` +
      `<text x="${x + 8}" y="${y + 20}" font-weight="bold">` +
      `${label[k]}</text>` +
      `<text x="${x + 8}" y="${y + 39}">value ${show(values[k])}</text>` +
      `<text x="${x + 8}" y="${y + 57}" fill="${PALETTE[4]}">` +
      `adjoint ${show(grads[k])}</text></g>`;
  });
  return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-30 0 420 ' +
    '524" width="420" style="max-width:100%;height:auto" ' +
    'font-size="15" font-family="inherit" fill="currentColor">' +
    `<defs><marker id="${id}" viewBox="0 0 10 10" refX="10" ` +
    'refY="5" markerWidth="7" markerHeight="7" orient="auto">' +
    '<path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>' +
    lines.join('') + boxes.join('') + '</svg>';
}

function graphFigure(): string {
  const { values, grads } = graphExample();
  return graphSvg(values, grads);
}

/**
 * The demo's frames: the forward pass node by node, then the backward
 * pass, each node pushing its adjoint times the local derivative to
 * its inputs (Eq. ad-adjoint). The pushes are replayed here from the
 * local derivatives; the final adjoints must equal backward()'s.
 */
function graphFrames(): { svg: string; text: string }[] {
  const { values: v, grads } = graphExample();
  const local: Record<string, [string, number][]> = { // ∂node/∂input
    u: [['a', v.b], ['b', v.a]], v: [['u', 1], ['c', 1]],
    t: [['v', 1 - v.t * v.t]], f: [['t', v.a], ['a', v.t]],
  };
  const frames: { svg: string; text: string }[] = [];
  const push = (vals: Shown, adjs: Shown, at: string, text: string) =>
    frames.push({ text,
      svg: graphSvg(vals, { ...adjs }, at, `ad-arrow-${frames.length}`) });
  const shown: Shown = {};
  push({}, {}, '', 'Start: nothing is computed yet. Press → (or Next) ' +
    'to run the forward pass.');
  for (const k of NODES) {
    shown[k] = v[k];
    push({ ...shown }, {}, k, `Forward: ${k} = ${f3(v[k])}.`);
  }
  const adj: Shown = { f: 1 };
  push(v, adj, 'f', 'Backward starts: the adjoint of f is ∂f/∂f = 1.');
  for (const k of ['f', 't', 'v', 'u']) { // reverse topological order
    const parts = local[k].map(([p, d]) => {
      adj[p] = (adj[p] ?? 0) + (adj[k] as number) * d;
      return `${p} += ${f3(adj[k] as number)} × ${f3(d)}`;
    });
    push(v, adj, k, `Backward: ${k} pushes its adjoint to its inputs: ` +
      `${parts.join('; ')}.`);
  }
  for (const k of NODES) {
    if (Math.abs((adj[k] as number) - grads[k]) > 1e-12) {
      throw new Error(`graphFrames: replayed adjoint of ${k} differs`);
    }
  }
  push(v, adj, '', `Done: a, b and c hold the gradient (${f3(grads.a)}, ` +
    `${f3(grads.b)}, ${f3(grads.c)}); a received two pushes, from u ` +
    'and from f, and added them.');
  return frames;
}

// ---------------------------------------------------------------------
// Forward mode against reverse mode, as the number of inputs grows.

export const MODE_SIZES = [4, 8, 16, 32, 64, 128, 256, 512, 1024];
const MODE_BUDGET_MS = 40;

function modeTimes() {
  const rng = createRng(12);
  const warm = Float64Array.from({ length: 64 }, () => rng.normal());
  bestTime(() => gradientForward(warm), 100); // let the JIT settle
  bestTime(() => gradientReverse(warm), 100); // before the first size
  return MODE_SIZES.map((n) => {
    const x = Float64Array.from({ length: n }, () => rng.normal());
    return {
      n,
      forward: bestTime(() => gradientForward(x), MODE_BUDGET_MS),
      reverse: bestTime(() => gradientReverse(x), MODE_BUDGET_MS),
    };
  });
}

/** log₂ of each doubling's time ratio over the last 4 sizes: the
 *  local slopes the least-squares slope averages. */
function localSlopes(rows: { n: number; t: number }[]): number[] {
  const last = rows.slice(-4);
  return last.slice(1).map((r, i) =>
    Math.log(r.t / last[i].t) / Math.log(r.n / last[i].n));
}

/** Least-squares slope of log t against log n over the last 4 sizes. */
function slope(rows: { n: number; t: number }[]): number {
  const pts = rows.slice(-4).map((r) => [Math.log(r.n), Math.log(r.t)]);
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let sxy = 0, sxx = 0;
  for (const [x, y] of pts) { sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2; }
  return sxy / sxx;
}

function modesFigure(times: ReturnType<typeof modeTimes>): string {
  const rows = times.flatMap((r) => [
    { n: r.n, t: r.forward, mode: 'forward (dual numbers)' },
    { n: r.n, t: r.reverse, mode: 'reverse (graph)' }]);
  const style = {
    'forward (dual numbers)': { color: PALETTE[4], dash: '6 3',
      symbol: 'square' },
    'reverse (graph)': { color: PALETTE[0], dash: 'none',
      symbol: 'circle' },
  } as const;
  const marks = Object.entries(style).flatMap(([mode, s]) => {
    const data = rows.filter((r) => r.mode === mode);
    return [
      Plot.line(data, { x: 'n', y: 't', stroke: s.color,
        strokeWidth: 2, strokeDasharray: s.dash }),
      Plot.dot(data, { x: 'n', y: 't', fill: s.color, r: 3.5,
        symbol: s.symbol }),
    ];
  });
  const at = times[5]; // n = 128: room above and below the lines
  const texts = [
    Plot.text([{ n: at.n, t: at.forward }], { x: 'n', y: 't',
      text: () => '■ forward mode (d passes)', dx: -10, dy: -10,
      textAnchor: 'end', fill: 'currentColor' }),
    Plot.text([{ n: at.n, t: at.reverse }], { x: 'n', y: 't',
      text: () => '● reverse mode (1 pass each way)', dx: 10, dy: 14,
      textAnchor: 'start', fill: 'currentColor' }),
  ];
  let lo = Infinity, hi = 0;
  for (const r of rows) { lo = Math.min(lo, r.t); hi = Math.max(hi, r.t); }
  const decades: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi));
    e++) decades.push(10 ** e);
  return renderPlot({
    marginLeft: 60,
    marginTop: 30,
    marginBottom: 42,
    x: { type: 'log', base: 2, label: 'number of inputs d',
      labelAnchor: 'center', labelArrow: 'none',
      ticks: [4, 16, 64, 256, 1024], tickFormat: (d: number) => String(d) },
    y: { type: 'log', label: 'milliseconds per gradient', grid: true,
      domain: [decades[0], decades[decades.length - 1]], ticks: decades,
      tickFormat: (d: number) => String(+d.toPrecision(1)) },
    marks: [...marks, ...texts],
  });
}

// ---------------------------------------------------------------------
// Logistic regression on the breast-cancer data, by the engine.

function logisticStudy() {
  const bc = fitBreastCancer(); // Newton, the logistic chapter's fit
  const { Z, y } = bc;
  const lambda_ = bc.fit.lambda_;
  const L = smoothness(Z, lambda_);
  const mu = lambda_; // the penalty makes L(θ) λ-strongly convex in w
  const eta = 4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2;
  const beta = ((Math.sqrt(L / mu) - 1) / (Math.sqrt(L / mu) + 1)) ** 2;
  const vg = (th: Float64Array) =>
    logisticValueAndGradient(Z, y, th, lambda_);
  const start = performance.now();
  const run = gradientDescent((th) => vg(th).value,
    (th) => vg(th).gradient, new Float64Array(Z.cols + 1),
    { eta, momentum: beta, maxIter: 5000, tol: 1e-8 });
  const seconds = (performance.now() - start) / 1000;
  let maxDiff = 0, maxTheta = 0;
  for (let j = 0; j < run.x.length; j++) {
    maxDiff = Math.max(maxDiff, Math.abs(run.x[j] - bc.fit.theta[j]));
    maxTheta = Math.max(maxTheta, Math.abs(bc.fit.theta[j]));
  }
  const p = predictProba(Z, run.x.slice(1), run.x[0]);
  return { n: Z.rows, d: Z.cols, params: Z.cols + 1, lambda_, L, eta,
    beta,
    iterations: run.iterations, seconds, maxDiff, maxTheta,
    accuracy: accuracy(y, p), newtonAccuracy: bc.accuracy,
    newtonIterations: bc.fit.run.iterations };
}

// ---------------------------------------------------------------------
// Fused against composed cross-entropy: graph size and time.

function fusedStudy() {
  const rng = createRng(21);
  const n = 256, c = 10;
  const z = Float64Array.from({ length: n * c }, () => 2 * rng.normal());
  const t = Int32Array.from({ length: n }, () => rng.int(0, c));
  // recorded ops: the graph's nodes that carry a backward rule (the
  // logits and the constants are nodes without one)
  const nodes = (f: typeof crossEntropy) =>
    topologicalOrder(f(new Tensor(z, [n, c], true), t))
      .filter((v) => v.backwardFn !== null).length;
  const time = (f: typeof crossEntropy) => bestTime(() => {
    f(new Tensor(z, [n, c], true), t).backward();
  }, 100);
  return { n, c,
    fusedNodes: nodes(crossEntropy),
    composedNodes: nodes(crossEntropyComposed),
    fusedMs: time(crossEntropy), composedMs: time(crossEntropyComposed) };
}

// ---------------------------------------------------------------------
// Float32 or float64: the measurements and the sentence they support.

function precision() {
  const p = precisionStudy(128, 300);
  const engineBeats32 = p.msEngine < p.ms32;
  return { ...p, speed32: p.ms64 / p.ms32,
    checkRatio: p.err32 / p.err64, engineBeats32,
    engineSentence: engineBeats32
      ? 'faster than the float32 loop: on this machine the memory ' +
        'layout of the kernel gains more than the narrower type'
      : 'not faster than the float32 loop on this machine, so the ' +
        'narrower type would buy speed here' };
}

// ---------------------------------------------------------------------
// What the chapter shows.

export default cached('autodiff', () => {
  const times = modeTimes();
  const fw = times.map((r) => ({ n: r.n, t: r.forward }));
  const rv = times.map((r) => ({ n: r.n, t: r.reverse }));
  const last = times[times.length - 1];
  const graph = graphExample();
  return {
    graphFigure: graphFigure(),
    graphFrames: graphFrames(),
    graph,
    graphInputs: GRAPH_INPUTS,
    modesFigure: modesFigure(times),
    modeSizes: MODE_SIZES,
    slopeForward: slope(fw),
    slopeReverse: slope(rv),
    localForwardMin: Math.min(...localSlopes(fw)), // three numbers
    localForwardMax: Math.max(...localSlopes(fw)),
    nMax: last.n,
    forwardMs: last.forward,
    reverseMs: last.reverse,
    speedup: last.forward / last.reverse,
    precision: precision(),
    logistic: logisticStudy(),
    fused: fusedStudy(),
    torchVersion: fixtureJson.versions['python3-torch (Debian)'],
    torchCases: Object.keys(fixtureJson.cases).length,
  };
}, { reason: 'times forward mode up to 1024 inputs and runs 500 ' +
  'heavy-ball steps through the engine on 569 samples' });
