// Build-time computation of the neural-optimizers chapter: the paths of
// five optimizers on two surfaces, the schedules, the weight-decay
// table and the Fashion-MNIST training curves. Everything the prose
// prints comes from here.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import ref from '../../tests/fixtures/neural-optimizers/torch.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { loadFashionMnist } from '../../code/pca/idx.ts';
import { loadFashionTrain } from '../../code/multilayer-perceptron/fashion.ts';
import { mlp, parameterCount } from '../../code/multilayer-perceptron/mlp.ts';
import {
  type StepRule, batchOf, evaluate, trainStep,
} from '../../code/multilayer-perceptron/train.ts';
import {
  adagrad, adam, adamw, rmsprop, sgd,
} from '../../code/neural-optimizers/optimizers.ts';
import {
  cosine, stepDecay,
} from '../../code/gradient-descent/schedules.ts';
import { warmupCosine } from '../../code/neural-optimizers/schedules.ts';
import {
  type Surface, path, quadratic, rosenbrock,
} from '../../code/neural-optimizers/paths.ts';
import { decayRun } from '../../code/neural-optimizers/decay.ts';
import { clipGradNorm } from '../../code/neural-optimizers/clip.ts';
import { amsgrad } from '../../code/neural-optimizers/solutions/amsgrad.ts';
import { reddiRun } from '../../code/neural-optimizers/solutions/reddi.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };

/** Colour, dash and marker per method: never colour alone. */
const LOOK: Record<string, { color: string; dash: string; symbol: string }> = {
  SGD: { color: PALETTE[0], dash: 'none', symbol: 'circle' },
  momentum: { color: PALETTE[1], dash: '6,3', symbol: 'square' },
  Nesterov: { color: PALETTE[2], dash: '2,2', symbol: 'triangle' },
  AdaGrad: { color: PALETTE[5], dash: '8,2,2,2', symbol: 'times' },
  RMSProp: { color: PALETTE[3], dash: '8,3', symbol: 'diamond' },
  Adam: { color: PALETTE[4], dash: 'none', symbol: 'cross' },
};

// ---------------------------------------------------------------------
// Paths on an ill-conditioned quadratic and on Rosenbrock's valley.

const METHODS: { name: string; make: () => StepRule }[] = [
  { name: 'SGD', make: () => sgd() },
  { name: 'momentum', make: () => sgd({ momentum: 0.9 }) },
  { name: 'Nesterov', make: () => sgd({ momentum: 0.9, nesterov: true }) },
  { name: 'AdaGrad', make: () => adagrad() },
  { name: 'RMSProp', make: () => rmsprop() },
  { name: 'Adam', make: () => adam() },
];

const KAPPA = 25;
const ANGLE = Math.PI / 6; // 30°: no axis is an eigen-direction
const SURFACES = {
  quadratic: {
    s: quadratic(KAPPA, ANGLE), start: [-4, 1.5], steps: 60, min: [0, 0],
    box: { x: [-4.5, 2] as [number, number], y: [-2.5, 2.5] as [number, number] },
    levels: [0.1, 1, 5, 15, 35, 70, 120],
    grid: { SGD: [0.03, 0.05, 0.07, 0.1],
      momentum: [0.01, 0.03, 0.05, 0.07],
      Nesterov: [0.003, 0.01, 0.02, 0.05], AdaGrad: [1, 2, 4, 8],
      RMSProp: [0.1, 0.3, 0.5, 1],
      Adam: [0.3, 1, 2, 3] } as Record<string, number[]>,
  },
  rosenbrock: {
    s: rosenbrock, start: [-1.2, 1], steps: 500, min: [1, 1],
    box: { x: [-1.6, 1.6] as [number, number], y: [-0.6, 2] as [number, number] },
    levels: [0.1, 0.5, 2, 5, 15, 40, 100, 250, 500],
    grid: { SGD: [0.001, 0.002, 0.004, 0.008],
      momentum: [3e-4, 1e-3, 2e-3, 4e-3],
      Nesterov: [3e-4, 1e-3, 2e-3, 4e-3], AdaGrad: [0.1, 0.3, 1, 3],
      RMSProp: [0.003, 0.01, 0.03, 0.1],
      Adam: [0.1, 0.3, 1, 3] } as Record<string, number[]>,
  },
};
type SurfaceName = keyof typeof SURFACES;

/** Each method at the η of its grid with the lowest final f. */
const paths = once(() => {
  const out: Record<string, { name: string; eta: number; grid: number[];
    points: [number, number][]; f: number }[]> = {};
  for (const key of Object.keys(SURFACES) as SurfaceName[]) {
    const c = SURFACES[key];
    out[key] = METHODS.map((m) => {
      const runs = c.grid[m.name].map((eta) => {
        const points = path(c.s, m.make(), c.start, eta, c.steps);
        const [x, y] = points[points.length - 1];
        return { eta, points, f: c.s.f(x, y) };
      });
      const best = runs.reduce((a, b) => (b.f < a.f ? b : a));
      return { name: m.name, grid: c.grid[m.name], ...best };
    });
  }
  return out;
});

/** Sample points for contour lines: Plot.contour over the box. */
function pathsFigure(key: SurfaceName): string {
  const c = SURFACES[key];
  const s: Surface = c.s;
  const runs = paths()[key];
  const cols = 2;
  const panel = (k: number) => ({ col: k % cols, row: Math.floor(k / cols) });
  const marks: Plot.Markish[] = [ // drawn in every panel
    Plot.contour({
      value: (x: number, y: number) => s.f(x, y),
      x1: c.box.x[0], x2: c.box.x[1], y1: c.box.y[0], y2: c.box.y[1],
      thresholds: c.levels, stroke: 'currentColor', strokeOpacity: 0.25,
      fill: 'none', pixelSize: 6,
    }),
    Plot.dot([{ x: c.min[0], y: c.min[1] }], { x: 'x', y: 'y',
      symbol: 'star', fill: 'currentColor', r: 5 }),
  ];
  runs.forEach((r, k) => {
    const { col, row } = panel(k);
    const look = LOOK[r.name];
    const pts = r.points.map(([x, y]) => ({ x, y, col, row }));
    const every = Math.max(1, Math.floor(pts.length / 15));
    marks.push(
      Plot.line(pts, { x: 'x', y: 'y', fx: 'col', fy: 'row',
        stroke: look.color, strokeWidth: 1.6, strokeDasharray: look.dash,
        clip: true }),
      Plot.dot(pts.filter((_, i) => i % every === 0), { x: 'x', y: 'y',
        fx: 'col', fy: 'row', symbol: look.symbol, stroke: look.color,
        r: 3, clip: true }),
      Plot.text([{ col, row }], { fx: 'col', fy: 'row', frameAnchor: 'top-left',
        dx: 4, dy: 4, fill: 'currentColor', fontSize: 12,
        text: () => `${r.name}, η = ${r.eta}` }),
    );
  });
  return renderPlot({
    width: 640, height: 660, style: STYLE, marginLeft: 40, marginTop: 26,
    marginBottom: 36, marginRight: 8,
    fx: { axis: null, padding: 0.08 }, fy: { axis: null, padding: 0.12 },
    x: { domain: c.box.x, label: 'θ₁', ticks: 4 },
    y: { domain: c.box.y, label: 'θ₂', ticks: 4 },
    marks: [Plot.frame({ strokeOpacity: 0.3 }), ...marks],
  });
}

// ---------------------------------------------------------------------
// Schedules: the rate of each step for a base rate of 1.

const SCHED = { steps: 100, stepSize: 30, gamma: 0.5, warmup: 10 };

function scheduleFigure(): string {
  const S = SCHED;
  const list = [
    { name: `step (every ${S.stepSize}, γ = ${S.gamma})`,
      f: stepDecay(1, S.gamma, S.stepSize), look: LOOK.SGD },
    { name: 'cosine', f: cosine(1, S.steps), look: LOOK.momentum },
    { name: `warm-up ${S.warmup}, then cosine`,
      f: warmupCosine(S.warmup, S.steps), look: LOOK.AdaGrad },
  ];
  const rows = list.flatMap((l) => Array.from({ length: S.steps + 1 },
    (_, k) => ({ step: k, rate: l.f(k), schedule: l.name })));
  const labelAt = [12, 22, 2]; // clear of the other two lines
  return renderPlot({
    width: 640, height: 270, style: STYLE, marginLeft: 48,
    marginBottom: 40, marginTop: 26,
    x: { label: 'step k', ticks: 5 },
    y: { label: 'η_k / η', domain: [0, 1.05], ticks: 5, grid: true },
    marks: [
      ...list.map((l) => Plot.line(rows.filter((r) => r.schedule === l.name),
        { x: 'step', y: 'rate', stroke: l.look.color, strokeWidth: 2,
          strokeDasharray: l.look.dash })),
      ...list.map((l, i) => Plot.text([{ step: labelAt[i],
        rate: l.f(labelAt[i]) }], { x: 'step', y: 'rate',
        text: () => l.name, fill: 'currentColor',
        dy: [-9, 14, 0][i], // cosine's label under its own line, ending
        dx: [4, 0, 8][i], // where the line is lowest, clear of it
        textAnchor: i === 1 ? 'end' : 'start', fontSize: 12 })),
    ],
  });
}

// ---------------------------------------------------------------------
// Weight decay: Adam with L2 against AdamW (weights that feel only noise).

// σ₁ = 10, not 1: with σ₁ = 1 Adam-with-L2's shrinkage ηλθ/σ₁ equals
// AdamW's ηλθ by a coincidence of units (review finding 4).
const DECAY = { lambda: 0.1, eta: 0.01, steps: 300, scales: [10, 0.01] };

function decayTable() {
  const D = DECAY;
  const l2 = decayRun(adam({ weightDecay: D.lambda }), D.scales, D.eta,
    D.steps);
  const w = decayRun(adamw({ weightDecay: D.lambda }), D.scales, D.eta,
    D.steps);
  return {
    ...D, adamL2: Array.from(l2), adamw: Array.from(w),
    pure: (1 - D.eta * D.lambda) ** D.steps,
    // what L2 would leave of θ₁ if its shrinkage were ηλθ/σ₁ per step
    l2Pred: (1 - D.eta * D.lambda / D.scales[0]) ** D.steps,
  };
}

/** Adam against AMSGrad on Reddi et al.'s online problem. */
function reddi() {
  const C = 3, beta2 = 1 / (1 + C * C), eta = 0.5, T = 3000;
  return { C, beta2, eta, T,
    adam: reddiRun(adam({ beta1: 0, beta2 }), C, eta, T),
    amsgrad: reddiRun(amsgrad(0, beta2), C, eta, T) };
}

// ---------------------------------------------------------------------
// Fashion-MNIST: a 784-32-10 ReLU network, five optimizers, each at the
// best rate of a three-value grid (validation loss after one epoch).

const FASHION = { train: 2000, valid: 1000, test: 2000, hidden: 32,
  batchSize: 50, epochs: 3, seed: 21, window: 10 };

const FASHION_METHODS: { name: string; make: () => StepRule;
  grid: number[] }[] = [
  { name: 'SGD', make: () => sgd(), grid: [0.03, 0.1, 0.3] },
  { name: 'momentum', make: () => sgd({ momentum: 0.9 }),
    grid: [0.01, 0.03, 0.1] },
  { name: 'AdaGrad', make: () => adagrad(), grid: [0.01, 0.03, 0.1] },
  { name: 'RMSProp', make: () => rmsprop(), grid: [1e-3, 3e-3, 1e-2] },
  { name: 'Adam', make: () => adam(), grid: [3e-3, 1e-2, 3e-2] },
];

function rows(X: Matrix, from: number, to: number): Matrix {
  return new Matrix(to - from, X.cols,
    X.data.slice(from * X.cols, to * X.cols));
}

const fashion = once(() => {
  const F = FASHION;
  const all = loadFashionTrain();
  const t10k = loadFashionMnist(F.test);
  const train = { X: rows(all.X, 0, F.train), y: all.y.slice(0, F.train) };
  const valid = { X: rows(all.X, F.train, F.train + F.valid),
    y: all.y.slice(F.train, F.train + F.valid) };
  const t0 = performance.now();
  /** One epoch of minibatch steps; the loss of each step. */
  const epoch = (model: ReturnType<typeof mlp>, rule: StepRule,
    eta: number, seed: number) => {
    const order = Array.from({ length: F.train }, (_, i) => i);
    createRng(seed).shuffle(order);
    const losses: number[] = [];
    for (let s = 0; s < F.train; s += F.batchSize) {
      const { xb, yb } = batchOf(train.X, train.y,
        order.slice(s, s + F.batchSize));
      losses.push(trainStep(model, xb, yb, eta, rule).loss);
    }
    return losses;
  };
  const results = FASHION_METHODS.map((m) => {
    const tried = m.grid.map((eta) => {
      const model = mlp([784, F.hidden, 10], 'relu', createRng(F.seed));
      const rule = m.make();
      const losses = epoch(model, rule, eta, F.seed + 1);
      return { eta, model, rule, losses,
        valid: evaluate(model, valid.X, valid.y).loss };
    });
    const best = tried.reduce((a, b) => (b.valid < a.valid ? b : a));
    for (let e = 2; e <= F.epochs; e++) {
      best.losses.push(...epoch(best.model, best.rule, best.eta,
        F.seed + e));
    }
    const test = evaluate(best.model, t10k.X, t10k.y);
    return { name: m.name, grid: m.grid, eta: best.eta,
      validLosses: tried.map((t) => t.valid), losses: best.losses,
      testLoss: test.loss, testAccuracy: test.accuracy,
      se: Math.sqrt(test.accuracy * (1 - test.accuracy) / F.test) };
  });
  const seconds = (performance.now() - t0) / 1000;
  const byAcc = [...results].sort((a, b) => b.testAccuracy - a.testAccuracy);
  const [best, worst] = [byAcc[0], byAcc[byAcc.length - 1]];
  const gap = { best: best.name, worst: worst.name,
    diff: best.testAccuracy - worst.testAccuracy,
    se: Math.hypot(best.se, worst.se),
    second: byAcc[1].name,
    diff12: best.testAccuracy - byAcc[1].testAccuracy,
    se12: Math.hypot(best.se, byAcc[1].se) };
  const params = parameterCount(mlp([784, F.hidden, 10], 'relu',
    createRng(F.seed)));
  return { results, seconds, params, gap,
    stepsPerEpoch: Math.ceil(F.train / F.batchSize) };
});

function fashionFigure(): string {
  const F = FASHION;
  const { results, stepsPerEpoch } = fashion();
  const pts = results.flatMap((r) => {
    const out = [];
    for (let s = 0; s + F.window <= r.losses.length; s += F.window) {
      let sum = 0;
      for (let i = s; i < s + F.window; i++) sum += r.losses[i];
      out.push({ epoch: (s + F.window) / stepsPerEpoch,
        loss: sum / F.window, method: r.name });
    }
    return out;
  });
  // direct labels at the right end, nudged apart so they never overlap
  const ends = results.map((r) => {
    const mine = pts.filter((p) => p.method === r.name);
    return { method: r.name, loss: mine[mine.length - 1].loss,
      epoch: F.epochs };
  }).sort((a, b) => a.loss - b.loss);
  let lo = Infinity, hi = -Infinity;
  for (const p of pts) { lo = Math.min(lo, p.loss); hi = Math.max(hi, p.loss); }
  const gap = 0.065 * (hi - lo); // about 16 px of the plot's height
  ends.forEach((e, i) => {
    if (i > 0) e.loss = Math.max(e.loss, ends[i - 1].loss + gap);
  });
  return renderPlot({
    width: 640, height: 340, style: STYLE, marginLeft: 48,
    marginRight: 104, marginBottom: 40, marginTop: 30,
    x: { label: 'epoch', ticks: F.epochs, domain: [0, F.epochs] },
    y: { label: `training loss (mean of ${F.window} steps)`, grid: true,
      ticks: 5 },
    marks: [
      ...results.map((r) => Plot.line(pts.filter((p) => p.method === r.name),
        { x: 'epoch', y: 'loss', stroke: LOOK[r.name].color,
          strokeWidth: 1.8, strokeDasharray: LOOK[r.name].dash,
          marker: 'none' })),
      ...results.map((r) => Plot.dot(pts.filter((p) => p.method === r.name),
        { x: 'epoch', y: 'loss', stroke: LOOK[r.name].color,
          symbol: LOOK[r.name].symbol, r: 3 })),
      // each label carries its line's marker, so labels nudged away from
      // their line ends still match by shape, not by order or colour
      ...ends.map((e) => Plot.dot([e], { x: 'epoch', y: 'loss', dx: 12,
        stroke: LOOK[e.method].color, symbol: LOOK[e.method].symbol,
        r: 3 })),
      Plot.text(ends, { x: 'epoch', y: 'loss', text: 'method', dx: 20,
        textAnchor: 'start', fill: 'currentColor', fontSize: 12 }),
    ],
  });
}

/** Largest over smallest chosen rate on each surface. */
function etaSpan(p: ReturnType<typeof paths>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, runs] of Object.entries(p)) {
    let lo = Infinity, hi = 0;
    for (const r of runs) { lo = Math.min(lo, r.eta); hi = Math.max(hi, r.eta); }
    out[key] = Math.round(hi / lo); // a ratio of grid values
  }
  return out;
}

/** Exercise 5: the turn, in degrees, of the gradient (100, 1) when
 *  each of its two one-entry tensors is clipped to length 1. */
function clipTurn(): number {
  const a = new Tensor([0], [1], true), b = new Tensor([0], [1], true);
  a.grad = Float64Array.of(100);
  b.grad = Float64Array.of(1);
  clipGradNorm([a], 1);
  clipGradNorm([b], 1);
  const angle = (x: number, y: number) => Math.atan2(y, x) * 180 / Math.PI;
  return angle(a.grad[0], b.grad[0]) - angle(100, 1);
}

/** Numbers of the bias-correction discussion, for Adam's defaults. */
function biasNumbers() {
  const b1 = 0.9, b2 = 0.999;
  return {
    // first step without correction, and with only m corrected, in η
    uncorrected: (1 - b1) / Math.sqrt(1 - b2),
    mOnly: 1 / Math.sqrt(1 - b2),
    // t at which 1 − β₂ᵗ reaches 1/2 and 0.95 (continuous t)
    vHalf: Math.log(2) / -Math.log(b2),
    v95: Math.log(20) / -Math.log(b2),
    // first integer t with 1 − β₁ᵗ > 0.99
    m99: Math.ceil(Math.log(0.01) / Math.log(b1)),
    // first integer t with 1 − β₂ᵗ ≥ 1/2
    vHalfInt: Math.ceil(Math.log(0.5) / Math.log(b2)),
  };
}

/** Adam's step, in units of η, on a gradient of 1 after `quiet` steps
 *  of gradient 10⁻³: above 1, toward Kingma & Ba's bound
 *  (1 − β₁)/√(1 − β₂). */
function adamJump(quiet = 3000) {
  const p = new Tensor([0], [1], true);
  const rule = adam();
  for (let t = 0; t < quiet; t++) {
    p.grad = Float64Array.of(1e-3);
    rule([p], 1);
  }
  const before = p.data[0];
  p.grad = Float64Array.of(1);
  rule([p], 1);
  return { quiet, step: before - p.data[0] };
}

export default cached('neural-optimizers', () => {
  const t0 = performance.now();
  const p = paths();
  const f = fashion();
  const out = {
    quadraticFigure: pathsFigure('quadratic'),
    rosenbrockFigure: pathsFigure('rosenbrock'),
    kappa: KAPPA, angleDeg: ANGLE * 180 / Math.PI,
    quadSteps: SURFACES.quadratic.steps,
    rosenSteps: SURFACES.rosenbrock.steps,
    quadStart: SURFACES.quadratic.start,
    rosenStart: SURFACES.rosenbrock.start,
    paths: Object.fromEntries(Object.entries(p).map(([k, runs]) => [k,
      runs.map((r) => ({ name: r.name, eta: r.eta, f: r.f,
        grid: r.grid.join(', ') }))])),
    scheduleFigure: scheduleFigure(),
    sched: SCHED,
    decay: decayTable(),
    reddi: reddi(),
    fashionFigure: fashionFigure(),
    fashion: { ...FASHION, params: f.params,
      stepsPerEpoch: f.stepsPerEpoch, seconds: f.seconds, gap: f.gap,
      results: f.results.map((r) => ({ name: r.name,
        grid: r.grid.join(', '),
        eta: r.eta, validLosses: r.validLosses, testLoss: r.testLoss,
        testAccuracy: r.testAccuracy, se: r.se })) },
    torchVersion: ref.versions.torch,
    torchSteps: ref.batches.length,
    torchSizesText: ref.sizes.join('-'),
    etaSpan: etaSpan(p),
    bias: biasNumbers(),
    adamJump: adamJump(),
    clipTurn: clipTurn(),
    computeSeconds: 0,
  };
  out.computeSeconds = (performance.now() - t0) / 1000;
  return out;
});
