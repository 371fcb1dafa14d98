// Build-time computation of the convolutional-networks chapter: its
// figures and every number its prose shows, computed by the chapter's
// code (code/convolutional-networks) and cached (see src/lib/cache.ts).
// Seeded throughout. Colour is always paired with a dash pattern, a
// marker shape or a direct label.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { pngDataUrl } from '../lib/png.ts';
import torchRef from '../../tests/fixtures/convolutional-networks/torch.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Tensor, noGrad } from '../../code/autodiff/tensor.ts';
import { FASHION_CLASSES, loadFashionMnist } from '../../code/pca/idx.ts';
import { loadFashionTrain } from '../../code/multilayer-perceptron/fashion.ts';
import { mlp, parameterCount } from '../../code/multilayer-perceptron/mlp.ts';
import type { Layer } from '../../code/multilayer-perceptron/layers.ts';
import {
  batchOf, evaluate, trainStep,
} from '../../code/multilayer-perceptron/train.ts';
import { adam } from '../../code/neural-optimizers/optimizers.ts';
import {
  outputSize, receptiveField,
} from '../../code/convolutional-networks/geometry.ts';
import { conv2d, conv2dDirect } from '../../code/convolutional-networks/conv.ts';
import { Conv2d, lenet } from '../../code/convolutional-networks/layers.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };

// ---------------------------------------------------------------------
// im2col + blocked product against the direct loop, timed here.

const SHAPES = [
  { name: '1→6, 5×5, 28×28', n: 16, c: 1, h: 28, co: 6, k: 5 },
  { name: '6→16, 5×5, 12×12', n: 16, c: 6, h: 12, co: 16,
    k: 5 },
  { name: '16→32, 3×3, 16×16', n: 16, c: 16, h: 16, co: 32,
    k: 3 },
];

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

const timing = once(() => SHAPES.map((s) => {
  const rng = createRng(5);
  const x = new Tensor(rng.normalArray(s.n * s.c * s.h * s.h, 0, 1),
    [s.n, s.c, s.h, s.h]);
  const w = new Tensor(rng.normalArray(s.co * s.c * s.k * s.k, 0, 1),
    [s.co, s.c, s.k, s.k]);
  const time = (f: () => Tensor) => {
    f(); // warm up
    const t: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      f();
      t.push(performance.now() - t0);
    }
    return median(t);
  };
  const direct = time(() => conv2dDirect(x, w, null));
  const im2col = time(() => noGrad(() => conv2d(x, w, null)));
  return { name: s.name, n: s.n, direct, im2col, ratio: direct / im2col };
}));

/** How to read the table: from the smallest ratio measured. */
function timingVerdict(): string {
  let low = Infinity;
  for (const t of timing()) low = Math.min(low, t.ratio);
  return low >= 2 ? 'im2col several times faster'
    : low > 1 ? 'im2col faster, by a margin that varies'
      : 'no consistent winner on this machine';
}

// ---------------------------------------------------------------------
// LeNet against an MLP on the same Fashion-MNIST images, same budget.

export const TRAIN = { images: 3000, epochs: 1, batchSize: 16,
  eta: 0.003, seed: 7, test: 2000, hidden: 64, block: 10 };

/** Minibatch training with one loss per step (for the curves). */
function train(model: Layer, X: Matrix, y: Int32Array) {
  const rng = createRng(TRAIN.seed); // the same batches for both
  const order = Array.from({ length: X.rows }, (_, i) => i);
  const rule = adam();
  const losses: number[] = [];
  const t0 = performance.now();
  for (let e = 0; e < TRAIN.epochs; e++) {
    rng.shuffle(order);
    for (let s = 0; s < X.rows; s += TRAIN.batchSize) {
      const { xb, yb } = batchOf(X, y, order.slice(s, s + TRAIN.batchSize));
      losses.push(trainStep(model, xb, yb, TRAIN.eta, rule).loss);
    }
  }
  return { losses, seconds: (performance.now() - t0) / 1000 };
}

const study = once(() => {
  const all = loadFashionTrain();
  const n = TRAIN.images;
  const X = new Matrix(n, 784, all.X.data.slice(0, n * 784));
  const y = all.y.slice(0, n);
  const test = loadFashionMnist(TRAIN.test);
  const cnn = lenet(createRng(TRAIN.seed), TRAIN.hidden);
  const net = mlp([784, TRAIN.hidden, 10], 'relu', createRng(TRAIN.seed));
  const runs = [
    { key: 'cnn', model: cnn, ...train(cnn, X, y) },
    { key: 'mlp', model: net, ...train(net, X, y) },
  ];
  const evals = runs.map((r) => evaluate(r.model, test.X, test.y));
  return { cnn, test, runs, evals };
});

/** Accuracies, their binomial standard errors and the paired one. */
function comparison() {
  const { test, evals, runs } = study();
  const m = test.y.length;
  const [a, b] = evals;
  let onlyCnn = 0, onlyMlp = 0;
  for (let i = 0; i < m; i++) {
    const ca = a.pred[i] === test.y[i], cb = b.pred[i] === test.y[i];
    if (ca && !cb) onlyCnn++;
    if (cb && !ca) onlyMlp++;
  }
  const diff = (onlyCnn - onlyMlp) / m;
  // paired: the variance of the mean of d_i ∈ {−1, 0, 1}
  const seDiff = Math.sqrt(((onlyCnn + onlyMlp) / m - diff * diff) / m);
  const se = (p: number) => Math.sqrt(p * (1 - p) / m);
  const verdict = Math.abs(diff) <= 2 * seDiff
    ? 'about as accurate (the difference is within two standard errors)'
    : diff > 0 ? 'more accurate, by more than two standard errors'
      : 'less accurate, by more than two standard errors';
  const cnnParams = parameterCount(study().cnn);
  const mlpParams = parameterCount(runs[1].model);
  const frac = cnnParams / mlpParams;
  return { verdict, paramRatioText: frac < 0.5
    ? 'fewer than half' : `${Math.round(100 * frac)} % of`,
 cnn: a.accuracy, mlp: b.accuracy, seCnn: se(a.accuracy),
    seMlp: se(b.accuracy), diff, seDiff, onlyCnn, onlyMlp,
    cnnSeconds: runs[0].seconds, mlpSeconds: runs[1].seconds,
    cnnParams, mlpParams,
    // multiply-adds per image: conv 1, conv 2 and the two Linear layers
    macRatio: (6 * 25 * 24 * 24 + 16 * 150 * 8 * 8 + 256 * TRAIN.hidden +
      TRAIN.hidden * 10) / (784 * TRAIN.hidden + TRAIN.hidden * 10),
    steps: runs[0].losses.length };
}

function curvesFigure(): string {
  const rows: { images: number; loss: number; model: string }[] = [];
  for (const r of study().runs) {
    const L = r.losses;
    for (let s = 0; s < L.length; s += TRAIN.block) {
      const part = L.slice(s, s + TRAIN.block);
      let sum = 0;
      for (const v of part) sum += v;
      // the last minibatch of an epoch may be short: count what was seen
      const steps = s + part.length;
      const perEpoch = Math.ceil(TRAIN.images / TRAIN.batchSize);
      const done = Math.floor(steps / perEpoch);
      rows.push({ images: done * TRAIN.images +
        Math.min((steps - done * perEpoch) * TRAIN.batchSize,
          TRAIN.images),
        loss: sum / part.length,
        model: r.key === 'cnn' ? 'LeNet' : 'MLP' });
    }
  }
  // direct labels at the first point (visible on a phone without
  // scrolling): the higher curve's label above and right of it, the
  // other's below and left, where its own falling line does not pass
  const first = ['LeNet', 'MLP'].map((m) =>
    rows.find((r) => r.model === m) as (typeof rows)[number]);
  const up = first[0].loss >= first[1].loss ? 0 : 1;
  return renderPlot({
    width: 640, height: 290, style: STYLE, marginLeft: 56,
    marginRight: 20, marginTop: 40, marginBottom: 44,
    x: { label: 'training images seen', grid: true, ticks: 5 },
    y: { label: `training loss (mean of ${TRAIN.block} steps)`, grid: true,
      ticks: 5, nice: true },
    marks: [
      ...['LeNet', 'MLP'].map((m, k) => Plot.line(
        rows.filter((r) => r.model === m), { x: 'images', y: 'loss',
          stroke: PALETTE[k], strokeWidth: 2.2,
          strokeDasharray: k === 0 ? 'none' : '6,3' })),
      Plot.dot(rows, { x: 'images', y: 'loss', r: 2.8,
        symbol: (r: { model: string }) => r.model === 'LeNet' ? 'circle'
          : 'triangle',
        stroke: (r: { model: string }) => r.model === 'LeNet' ? PALETTE[0]
          : PALETTE[1] }),
      ...first.map((r, k) => Plot.text([r], { x: 'images', y: 'loss',
        text: 'model', fill: 'currentColor',
        dx: k === up ? 8 : 2, textAnchor: k === up ? 'start' : 'end',
        dy: k === up ? -12 : 18 })),
    ],
  });
}

// ---------------------------------------------------------------------
// Learned first-layer filters and one image's feature maps.

/** Scales a to [0, 1] with 0 at mid-grey (filters) or min–max. */
function toGrey(a: ArrayLike<number>, centred: boolean): Float64Array {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < a.length; i++) {
    lo = Math.min(lo, a[i]);
    hi = Math.max(hi, a[i]);
  }
  const g = new Float64Array(a.length);
  const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  for (let i = 0; i < a.length; i++) {
    g[i] = centred ? 0.5 + a[i] / (2 * m)
      : (a[i] - lo) / ((hi - lo) || 1);
  }
  return g;
}

export const SHOWN = 0; // the test image whose maps are drawn

function mapsFigure(): string {
  const { cnn, test } = study();
  const conv = cnn.layers[1] as Conv2d;
  const x = new Tensor(test.X.data.slice(SHOWN * 784, SHOWN * 784 + 784),
    [1, 1, 28, 28]);
  const maps = noGrad(() => conv.forward(x).relu()); // [1, 6, 24, 24]
  const side = 76;
  const items: { x: number; y: number; src: string; t: string }[] = [
    { x: 0, y: 1.5, t: 'input', src: pngDataUrl({ rows: 28, cols: 28,
      data: x.data }) },
  ];
  for (let q = 0; q < 6; q++) { // filters in rows 0 and 2, maps below
    const col = 1 + (q % 3), row = 2 * Math.floor(q / 3);
    items.push({ x: col, y: row, t: `filter ${q + 1}`,
      src: pngDataUrl({ rows: 5, cols: 5, data: toGrey(
        conv.w.data.subarray(q * 25, q * 25 + 25), true) }) });
    items.push({ x: col, y: row + 1, t: `map ${q + 1}`,
      src: pngDataUrl({ rows: 24, cols: 24, data: toGrey(
        maps.data.subarray(q * 576, q * 576 + 576), false) }) });
  }
  return renderPlot({
    width: 4 * (side + 10) + 8, height: 4 * (side + 24) + 24,
    style: { ...STYLE, fontSize: '13px' }, margin: 4, marginTop: 22,
    x: { axis: null, domain: [-0.5, 3.5] },
    y: { axis: null, domain: [3.5, -0.5] },
    marks: [
      Plot.image(items, { x: 'x', y: 'y', src: 'src', width: side,
        height: side, imageRendering: 'pixelated' }),
      Plot.text(items, { x: 'x', y: 'y', text: 't', dy: -side / 2 - 8,
        fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Receptive fields of LeNet's layers on the 28×28 input.

const RF_LAYERS = [
  { name: 'conv 1', k: 5 }, { name: 'pool 1', k: 2, s: 2 },
  { name: 'conv 2', k: 5 }, { name: 'pool 2', k: 2, s: 2 },
];

function rfFigure(): string {
  const rf = receptiveField(RF_LAYERS);
  const lines = Array.from({ length: 29 }, (_, i) => i);
  // the top-left unit of each layer: its field starts at pixel (0, 0)
  // a label at its square's lower right corner; when the next square
  // is within 2 pixels, both labels go right of the larger one and
  // this one above its edge, so that they do not collide
  const near = (k: number) => k + 1 < rf.length &&
    rf[k + 1].rho - rf[k].rho <= 2;
  const boxes = rf.map((l, k) => ({ k, r: l.rho,
    lx: near(k) ? rf[k + 1].rho : l.rho, dy: near(k) ? -8 : 8,
    name: `${RF_LAYERS[k].name}: ${l.rho}×${l.rho}` }));
  return renderPlot({
    width: 380, height: 380, style: STYLE, marginLeft: 36,
    marginRight: 14, marginTop: 34, marginBottom: 40,
    x: { label: 'input column', domain: [0, 28],
      ticks: [0, 7, 14, 21, 28] },
    y: { label: 'input row', domain: [28, 0], ticks: [0, 7, 14, 21, 28] },
    marks: [
      Plot.ruleX(lines, { x: (v: number) => v, stroke: 'currentColor',
        strokeOpacity: 0.15 }),
      Plot.ruleY(lines, { y: (v: number) => v, stroke: 'currentColor',
        strokeOpacity: 0.15 }),
      ...boxes.map((b) => Plot.rect([b], { x1: 0, y1: 0, x2: 'r',
        y2: 'r', fill: 'none', stroke: PALETTE[b.k], strokeWidth: 2.5,
        strokeDasharray: ['none', '6,3', '2,3', '10,3,2,3'][b.k] })),
      ...boxes.map((b) => Plot.text([b], { x: 'lx', y: 'r',
        text: 'name', dx: 4, dy: b.dy, textAnchor: 'start',
        fill: 'currentColor' })),
    ],
  });
}

export default cached('convolutional-networks', () => {
  const c = comparison();
  const rf = receptiveField(RF_LAYERS);
  return {
    torchVersion: torchRef.versions.torch,
    nSizes: torchRef.sizes.length,
    nConv: torchRef.conv.length,
    timing: timing(),
    timingTrend: timing().every((t, k, a) => k === 0 ||
      t.ratio > a[k - 1].ratio)
      ? 'grows from the first row to the last'
      : 'varies from row to row without a clear trend',
    timingVerdict: timingVerdict(),
    // a dense layer from 784 pixels to six 24×24 maps: weights + biases
    denseParams: 784 * 6 * 24 * 24 + 6 * 24 * 24,
    // Exercise "Transposed convolution": the geometry of its test
    tconv: { k: 3, p: 1, s: 2, d: 2, h: [9, 10],
      oh: [9, 10].map((h) => outputSize(h, 3, 1, 2, 2)),
      otherH: 8, other: outputSize(8, 3, 1, 2, 2) },
    train: TRAIN,
    c,
    rf: rf.map((l) => l.rho),
    jump: rf.map((l) => l.jump),
    shownClass: FASHION_CLASSES[study().test.y[SHOWN]],
    curvesFigure: curvesFigure(),
    mapsFigure: mapsFigure(),
    rfFigure: rfFigure(),
    rfAlt: 'A 28 by 28 grid of input pixels with four nested squares ' +
      'anchored at the top-left corner, the receptive fields of one ' +
      'unit after each layer of the network: ' + rf.map((l, k) =>
      `${RF_LAYERS[k].name}, ${l.rho} by ${l.rho}`).join('; ') + '.',
  };
}, { reason: 'trains LeNet and an MLP on 3,000 Fashion-MNIST images; ' +
  'about 8 s of CPU alone, longer when it shares the cores' });
