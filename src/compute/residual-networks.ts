// Build-time computation of the residual-networks chapter: its figures
// and every number its prose shows, computed by the chapter's code
// (code/residual-networks) and cached (see src/lib/cache.ts). Seeded.
//
// Cost: the chapter trains eight networks (plain and residual at 8 and
// 20 layers, shortcut options B and C, and the deep plain network at
// two more learning rates), each for a few epochs on 512 digits, plus
// one forward and backward pass through two 56-layer networks for three
// seeds and through three of the 20-layer networks: about 13 s of CPU
// on one core (BOOK_CACHE=off). That is the smallest experiment that
// still shows the paper's claims (degradation, its removal by
// shortcuts, options A/B/C), which is why it takes seconds, not one.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { percent, powerOfTen } from '../lib/format.ts';
import torchRef from '../../tests/fixtures/residual-networks/torch.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { digitsRows } from '../../code/softmax-regression/experiments.ts';
import { parameterCount } from '../../code/multilayer-perceptron/mlp.ts';
import {
  netDepth, stackNet, type Option,
} from '../../code/residual-networks/net.ts';
import {
  gradientNorms, trainCurves,
} from '../../code/residual-networks/experiments.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };

/** The training runs: digits, 512 training images, the 449 held out. */
export const RUN = { nTrain: 512, widths: [16, 24, 32], shallow: 1,
  deep: 3, epochs: 6, batchSize: 32, eta: 0.05, momentum: 0.9,
  seed: 7, netSeed: 1 };
/** The deep plain network again at these learning rates. */
export const ETAS = [0.01, 0.2];
/** Gradients at initialization: 9 blocks a stage (56 layers). */
export const GRAD = { blocks: 9, rows: 256, seeds: [1, 2, 3] };

const digits = once(() => {
  const idx = [...Array(1797).keys()];
  const trainIdx = idx.filter((i) => i % 4 !== 3);
  return { train: digitsRows(trainIdx.slice(0, RUN.nTrain)),
    test: digitsRows(idx.filter((i) => i % 4 === 3)),
    gradRows: digitsRows(trainIdx.slice(0, GRAD.rows)) };
});

const netOptions = (blocks: number, residual: boolean,
  option: Option = 'A') => ({ input: 64, classes: 10,
  widths: RUN.widths, blocks, residual, option });

/** One training run; `curve`: measure after every epoch (a figure's
 *  run), else only after the last. */
function run(blocks: number, residual: boolean, option: Option = 'A',
  eta = RUN.eta, curve = false) {
  const o = netOptions(blocks, residual, option);
  const model = stackNet(o, createRng(RUN.netSeed));
  const d = digits();
  const history = trainCurves(model, d.train, d.test, { epochs:
    RUN.epochs, batchSize: RUN.batchSize, eta, momentum: RUN.momentum,
  seed: RUN.seed, every: curve ? 1 : RUN.epochs });
  return { depth: netDepth(o), params: parameterCount(model), history,
    last: history[history.length - 1] };
}

const runs = once(() => {
  const r = {
    plainShallow: run(RUN.shallow, false, 'A', RUN.eta, true),
    plainDeep: run(RUN.deep, false, 'A', RUN.eta, true),
    resShallow: run(RUN.shallow, true, 'A', RUN.eta, true),
    resDeep: run(RUN.deep, true, 'A', RUN.eta, true),
    optionB: run(RUN.deep, true, 'B'),
    optionC: run(RUN.deep, true, 'C'),
    plainDeepEtas: ETAS.map((eta) => run(RUN.deep, false, 'A', eta)),
  };
  // what the prose says; stop the build if it no longer holds
  const tr = (x: { last: { trainError: number } }) => x.last.trainError;
  const bestPlainDeep = Math.min(tr(r.plainDeep),
    ...r.plainDeepEtas.map(tr));
  if (!(bestPlainDeep > tr(r.plainShallow) + 0.1) ||
    !(tr(r.resDeep) < tr(r.plainDeep) - 0.2) ||
    // C: behind A and B, far ahead of the plain network
    !(tr(r.optionC) > Math.max(tr(r.resDeep), tr(r.optionB)) + 0.05) ||
    !(tr(r.optionC) < tr(r.plainDeep) - 0.15) ||
    !(Math.abs(tr(r.optionB) - tr(r.resDeep)) < 0.1)) { // "close"
    throw new Error('residual-networks: the runs no longer show what ' +
      'the prose says');
  }
  return r;
});

const gradients = once(() => {
  const g = GRAD.seeds.map((seed) => {
    const d = digits().gradRows;
    const norms = (residual: boolean) => gradientNorms(stackNet(
      netOptions(GRAD.blocks, residual), createRng(seed)), d.X, d.y);
    return { plain: norms(false), residual: norms(true) };
  });
  // the prose says the plain stack's factor is orders of magnitude
  // larger than the residual one's, for every seed
  if (g.some((s) => !(spread(s.plain) > 100 * spread(s.residual)))) {
    throw new Error('residual-networks: the gradient figure no longer ' +
      'shows what the prose says');
  }
  return g;
});

/** The gradient's growth from the last block back to the stem at
 *  initialization, for the 20-layer networks of the training runs
 *  (their seed): no shortcut, option A, option C. */
const shortcutSpreads = once(() => {
  const d = digits().gradRows;
  const at = (residual: boolean, option: Option) => spread(
    gradientNorms(stackNet(netOptions(RUN.deep, residual, option),
      createRng(RUN.netSeed)), d.X, d.y));
  const s = { plain: at(false, 'A'), A: at(true, 'A'),
    C: at(true, 'C') };
  // the prose: C's factor is well above A's, and nearer (in ratio)
  // to the plain network's than to A's
  if (!(s.C > 1.5 * s.A) || !(s.C * s.C > s.A * s.plain)) {
    throw new Error('residual-networks: the shortcut gradients no ' +
      'longer show what the prose says');
  }
  return s;
});

type Curve = { epoch: number; trainError: number; testError: number };

/** Training (solid) and test (dashed) error of two networks. */
function curvesFigure(a: Curve[], b: Curve[], names: [string, string]) {
  const rows = [a, b].flatMap((h, k) => h.flatMap((e) => [
    { epoch: e.epoch, error: e.trainError, k, set: 'train' },
    { epoch: e.epoch, error: e.testError, k, set: 'test' }]));
  const line = (k: number, set: string) => Plot.line(rows.filter((r) =>
    r.k === k && r.set === set), { x: 'epoch', y: 'error',
    stroke: PALETTE[k], strokeWidth: set === 'train' ? 2.5 : 1.5,
    strokeDasharray: set === 'train' ? 'none' : '6,4' });
  const labels = [0, 1].map((k) => ({ ...placeLabel(rows, k),
    text: names[k] }));
  return renderPlot({
    width: 640, height: 380, style: STYLE, marginLeft: 56,
    marginRight: 16, marginTop: 24, marginBottom: 44,
    x: { label: 'epoch', domain: [1, RUN.epochs], tickFormat: 'd',
      ticks: [...Array(RUN.epochs).keys()].map((i) => i + 1) },
    y: { label: 'error', domain: [0, 0.9], grid: true,
      tickFormat: (v: number) => `${Math.round(100 * v)}%` },
    marks: [
      line(0, 'train'), line(0, 'test'), line(1, 'train'), line(1, 'test'),
      Plot.dot(rows, { x: 'epoch', y: 'error',
        symbol: (r: { k: number }) => r.k === 0 ? 'circle' : 'square',
        fill: (r: { k: number; set: string }) => r.set === 'train'
          ? PALETTE[r.k] : 'none',
        stroke: (r: { k: number }) => PALETTE[r.k], r: 3.5 }),
      ...labels.map((l) => Plot.text([l], { x: 'epoch', y: 'error',
        text: 'text', textAnchor: 'start', dx: 4,
        fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
        strokeWidth: 4, paintOrder: 'stroke' })),
    ],
  });
}

/** A direct label for network k, starting between epochs 1.2 and 3
 *  (a phone shows the left part first), at most 0.12 from one of its
 *  two lines and nearer to them than to the other network's, wherever
 *  it is farthest from every line over the ~1 epoch the text spans. */
function placeLabel(rows: { epoch: number; error: number; k: number;
  set: string }[], k: number) {
  const lineOf = (j: number, set: string) => rows.filter((r) =>
    r.k === j && r.set === set).map((r) => r.error);
  const mine = [lineOf(k, 'train'), lineOf(k, 'test')];
  const other = [lineOf(1 - k, 'train'), lineOf(1 - k, 'test')];
  const at = (v: number[], x: number) => { // linear interpolation
    const i = Math.min(Math.floor(x), v.length) - 1;
    const t = x - 1 - i;
    return i + 1 >= v.length ? v[v.length - 1]
      : v[i] * (1 - t) + v[i + 1] * t;
  };
  let best = { epoch: 2, error: at(mine[0], 2), clear: -1 };
  for (let e = 1.2; e <= 3.001; e += 0.1) {
    for (let y = 0.02; y <= 0.871; y += 0.01) {
      const d = Math.min(...mine.map((v) => Math.abs(at(v, e) - y)));
      if (d > 0.12 || other.some((v) => Math.abs(at(v, e) - y) < d)) {
        continue;
      }
      let clear = Infinity;
      for (let x = e; x <= e + 1; x += 0.05) {
        for (const v of [...mine, ...other]) {
          clear = Math.min(clear, Math.abs(at(v, x) - y));
        }
      }
      if (clear > best.clear) best = { epoch: e, error: y, clear };
    }
  }
  return { epoch: best.epoch, error: best.error };
}

function gradientFigure(): string {
  const g = gradients()[0];
  const rows = (['plain', 'residual'] as const).flatMap((key, k) =>
    g[key].map((v, l) => ({ l, v, k })));
  const last = g.plain.length - 1;
  const labels = [
    { l: 4, v: g.plain[4], text: 'plain', dy: -12 },
    { l: 4, v: g.residual[4], text: 'residual (identity)', dy: 20 },
  ];
  return renderPlot({
    width: 640, height: 320, style: STYLE, marginLeft: 56,
    marginRight: 16, marginTop: 24, marginBottom: 44,
    x: { label: 'block output l (0: the stem)', domain: [0, last] },
    y: { type: 'log', label: '‖∂L/∂xₗ‖', grid: true,
      tickFormat: powerOfTen, ticks: [1e-2, 1e-1, 1, 1e1, 1e2, 1e3,
        1e4, 1e5], domain: [1e-2, 1e5] },
    marks: [
      ...[0, 1].map((k) => Plot.line(rows.filter((r) => r.k === k), {
        x: 'l', y: 'v', stroke: PALETTE[k], strokeWidth: 2,
        strokeDasharray: k === 0 ? 'none' : '6,3' })),
      Plot.dot(rows.filter((r) => r.l % 3 === 0), { x: 'l', y: 'v',
        symbol: (r: { k: number }) => r.k === 0 ? 'circle' : 'square',
        stroke: (r: { k: number }) => PALETTE[r.k], r: 3.5 }),
      ...labels.map((l) => Plot.text([l], { x: 'l', y: 'v',
        text: 'text', textAnchor: 'start', dx: 4, dy: l.dy,
        fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
        strokeWidth: 4, paintOrder: 'stroke' })),
    ],
  });
}

function binomialSe(p: number, n: number): number {
  return Math.sqrt(p * (1 - p) / n);
}

function geoMean(v: number[]): number {
  let s = 0;
  for (const x of v) s += Math.log(x);
  return Math.exp(s / v.length);
}

/** Ratio of the gradient at the stem to the one at the last block. */
function spread(v: number[]): number {
  return v[0] / v[v.length - 1];
}

export default cached('residual-networks', () => {
  const r = runs();
  const nTest = digits().test.y.length;
  const row = (x: ReturnType<typeof run>) => ({ depth: x.depth,
    params: x.params, train: x.last.trainError, test: x.last.testError,
    testSe: binomialSe(x.last.testError, nTest) });
  const g = gradients();
  const ratios = (key: 'plain' | 'residual') => g.map((s) =>
    spread(s[key]));
  const pct = (x: number) => percent(x);
  return {
    run: { ...RUN, widthsText: RUN.widths.join(', '), nTest,
      etas: ETAS },
    plainFigure: curvesFigure(r.plainShallow.history,
      r.plainDeep.history, [`plain-${r.plainShallow.depth}`,
        `plain-${r.plainDeep.depth}`]),
    residualFigure: curvesFigure(r.resShallow.history,
      r.resDeep.history, [`residual-${r.resShallow.depth}`,
        `residual-${r.resDeep.depth}`]),
    gradientFigure: gradientFigure(),
    plainAlt: `Training and test error against epoch for plain ` +
      `networks of ${r.plainShallow.depth} and ${r.plainDeep.depth} ` +
      `layers. The shallow network's training error falls to ` +
      `${pct(r.plainShallow.last.trainError)}; the deep one's stays ` +
      `far above it and ends at ${pct(r.plainDeep.last.trainError)}. ` +
      'The test errors follow the training errors.',
    residualAlt: `Training and test error against epoch for residual ` +
      `networks of ${r.resShallow.depth} and ${r.resDeep.depth} ` +
      `layers. Both training errors fall, to ` +
      `${pct(r.resShallow.last.trainError)} and ` +
      `${pct(r.resDeep.last.trainError)}.`,
    gradientAlt: 'Norm of the gradient of the loss at the output of ' +
      `each block of ${netDepth({ widths: RUN.widths,
        blocks: GRAD.blocks })}-layer networks at initialization, log ` +
      `scale. In the plain network it grows about ` +
      `${Math.round(ratios('plain')[0])}-fold from the last block ` +
      'back to the stem; in the residual network about ' +
      `${Math.round(ratios('residual')[0])}-fold.`,
    table: { plainShallow: row(r.plainShallow),
      plainDeep: row(r.plainDeep), resShallow: row(r.resShallow),
      resDeep: row(r.resDeep), optionB: row(r.optionB),
      optionC: row(r.optionC) },
    etaRuns: r.plainDeepEtas.map((x, k) => ({ eta: ETAS[k],
      train: x.last.trainError })),
    grad: { depth: netDepth({ widths: RUN.widths, blocks: GRAD.blocks }),
      blocks: 3 * GRAD.blocks, rows: GRAD.rows, nSeeds: GRAD.seeds.length,
      plainMin: Math.min(...ratios('plain')),
      plainMax: Math.max(...ratios('plain')),
      resMin: Math.min(...ratios('residual')),
      resMax: Math.max(...ratios('residual')),
      // per block: the geometric mean of the seeds' factors, 27th root
      plainPerBlock: geoMean(ratios('plain')) **
        (1 / (g[0].plain.length - 1)),
      resPerBlock: geoMean(ratios('residual')) **
        (1 / (g[0].residual.length - 1)) },
    spreads: shortcutSpreads(),
    fixtures: { n: torchRef.identity.n, d: torchRef.identity.dIn,
      dOut: torchRef.projection.dOut },
    torchVersion: torchRef.versions.torch,
  };
}, { reason: 'trains eight networks of 8 and 20 layers (plain, residual, ' +
  'options B and C, two more learning rates) for 6 epochs on 512 ' +
  'digits; about 13 s of CPU on one core (BOOK_CACHE=off), more wall ' +
  'time when the cores are shared' });
