// Build-time computation of the multilayer-perceptron chapter: its
// figures and every number its prose shows, computed by the chapter's
// code (code/multilayer-perceptron) and cached (see src/lib/cache.ts).
// Seeded throughout. Colour is always paired with a dash pattern, a
// direct label or printed numbers.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { pngDataUrl } from '../lib/png.ts';
import torchRef from '../../tests/fixtures/multilayer-perceptron/torch.json' with {
  type: 'json',
};
import bench from '../../tests/fixtures/multilayer-perceptron/benchmark.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  FASHION_CLASSES,
  loadFashionMnist,
} from '../../code/pca/idx.ts';
import { digitsRows } from '../../code/softmax-regression/experiments.ts';
import { confusionMatrix } from '../../code/softmax-regression/metrics.ts';
import {
  ACTIVATIONS,
  type ActivationName,
} from '../../code/multilayer-perceptron/activations.ts';
import { fitOneD, target } from '../../code/multilayer-perceptron/approx.ts';
import { loadFashionTrain } from '../../code/multilayer-perceptron/fashion.ts';
import type { Linear } from '../../code/multilayer-perceptron/layers.ts';
import {
  mlp,
  parameterCount,
} from '../../code/multilayer-perceptron/mlp.ts';
import { deadFraction } from '../../code/multilayer-perceptron/pitfalls.ts';
import { evaluate, fit } from '../../code/multilayer-perceptron/train.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };

// ---------------------------------------------------------------------
// The six activations and their derivatives, one panel each.

const ACT_TITLES: Record<ActivationName, string> = {
  relu: 'ReLU', leakyRelu: 'Leaky ReLU (0.01)', sigmoid: 'sigmoid σ',
  tanh: 'tanh', gelu: 'GELU (exact)', geluTanh: 'GELU (tanh approx.)',
};

function activationsFigure(): string {
  const names = Object.keys(ACTIVATIONS) as ActivationName[];
  const rows = [];
  for (const [k, name] of names.entries()) {
    for (let i = 0; i <= 120; i++) {
      const x = -3 + i / 20;
      const { f, df } = ACTIVATIONS[name];
      const panel = ACT_TITLES[name];
      const at = { col: k % 3, row: Math.floor(k / 3), panel, x };
      rows.push({ ...at, curve: 'φ(x)', value: f(x) });
      rows.push({ ...at, curve: "φ′(x)", value: df(x) });
    }
  }
  const titles = names.map((n, k) => ({ col: k % 3,
    row: Math.floor(k / 3), text: ACT_TITLES[n] }));
  return renderPlot({
    width: 640, height: 420, style: STYLE, marginLeft: 36,
    marginTop: 26, marginRight: 8,
    fx: { axis: null, padding: 0.12 }, fy: { axis: null, padding: 0.18 },
    x: { label: 'x', domain: [-3, 3], ticks: [-2, 0, 2], tickFormat: 'd' },
    y: { label: 'value', domain: [-1.2, 3.1], ticks: [-1, 0, 1, 2, 3],
      grid: true },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.line(rows.filter((r) => r.curve === 'φ(x)'), { fx: 'col',
        fy: 'row', x: 'x', y: 'value', z: 'panel', stroke: PALETTE[0],
        strokeWidth: 2.2 }),
      Plot.line(rows.filter((r) => r.curve !== 'φ(x)'), { fx: 'col',
        fy: 'row', x: 'x', y: 'value', z: 'panel', stroke: PALETTE[1],
        strokeWidth: 2, strokeDasharray: '5,3' }),
      Plot.text(titles, { fx: 'col', fy: 'row', frameAnchor: 'top',
        dy: -18, text: 'text', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Universal approximation in 1-D: 2, 8 and 32 tanh units.

const APPROX_Q = [2, 8, 32];
const APPROX = { steps: 3000, eta: 0.05, seed: 7 };
const approx = once(() => APPROX_Q.map((q) => ({ q,
  ...fitOneD(q, APPROX.steps, APPROX.eta, APPROX.seed) })));

function approxFigure(): string {
  const rows = [];
  for (const [k, r] of approx().entries()) {
    const panel = `${r.q} hidden units`;
    for (let i = 0; i < r.xs.length; i++) {
      rows.push({ k, panel, x: r.xs[i], truth: target(r.xs[i]),
        network: r.fitted[i] });
    }
  }
  const titles = approx().map((r, k) => ({ k,
    text: `q = ${r.q}, MSE ${r.mse.toFixed(4)}` }));
  return renderPlot({
    width: 640, height: 250, style: STYLE, marginLeft: 52,
    marginTop: 30, marginBottom: 40,
    fx: { axis: null, padding: 0.1 },
    x: { label: 'x', domain: [-1, 1], ticks: [-0.5, 0, 0.5] },
    y: { label: 'f(x)', grid: true, ticks: 4 },
    marks: [
      Plot.line(rows, { fx: 'k', x: 'x', y: 'truth', stroke: 'currentColor',
        strokeOpacity: 0.6, strokeDasharray: '4,3', strokeWidth: 1.5 }),
      Plot.line(rows, { fx: 'k', x: 'x', y: 'network', stroke: PALETTE[0],
        strokeWidth: 2.4 }),
      Plot.text(titles, { fx: 'k', frameAnchor: 'top', dy: -20,
        text: 'text', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Fashion-MNIST: 784-64-10 ReLU, minibatch SGD, tested on t10k.

const FASHION = { hidden: 64, epochs: 10, batchSize: 64, eta: 0.1,
  seed: 11 };

const fashion = once(() => {
  const train = loadFashionTrain();
  const test = loadFashionMnist();
  const model = mlp([784, FASHION.hidden, 10], 'relu',
    createRng(FASHION.seed));
  const t0 = performance.now();
  const history = fit(model, train.X, train.y, { ...FASHION,
    seed: FASHION.seed + 1, test: { X: test.X, y: test.y } });
  const seconds = (performance.now() - t0) / 1000;
  const final = evaluate(model, test.X, test.y);
  const confusion = confusionMatrix(test.y, final.pred, 10);
  return { train, test, model, history, seconds, final, confusion };
});

interface Row { epoch: number; set: string; value: number }

/** One learning curve figure: train and test of one quantity. */
function curvesFigure(what: 'loss' | 'accuracy'): string {
  const h = fashion().history;
  const rows: Row[] = h.flatMap((e) => [
    { epoch: e.epoch, set: 'train',
      value: what === 'loss' ? e.trainLoss : e.trainAccuracy },
    { epoch: e.epoch, set: 'test',
      value: what === 'loss' ? e.testLoss : e.testAccuracy },
  ]);
  const last = rows.filter((r) => r.epoch === h.length);
  const top = last[0].value > last[1].value ? 'train' : 'test';
  return renderPlot({
    width: 640, height: 260, style: STYLE, marginLeft: 52,
    marginRight: 56, marginTop: 24, marginBottom: 44,
    x: { label: 'epoch', ticks: h.map((e) => e.epoch), tickFormat: 'd' },
    y: { label: what === 'loss' ? 'cross-entropy loss' : 'accuracy',
      grid: true, ticks: 5, nice: true },
    marks: [
      ...(['train', 'test'] as const).map((set, k) => Plot.line(
        rows.filter((r) => r.set === set), { x: 'epoch', y: 'value',
          stroke: PALETTE[k], strokeWidth: 2,
          strokeDasharray: k === 0 ? 'none' : '5,3' })),
      Plot.dot(rows, { x: 'epoch', y: 'value',
        symbol: (r: Row) => (r.set === 'train' ? 'circle' : 'triangle'),
        stroke: (r: Row) => (r.set === 'train' ? PALETTE[0] : PALETTE[1]),
        r: 3 }),
      ...[true, false].map((up) => Plot.text(
        last.filter((r) => (r.set === top) === up), { x: 'epoch',
          y: 'value', text: 'set', dx: 8, dy: up ? -7 : 7,
          textAnchor: 'start', fill: 'currentColor' })),
    ],
  });
}

function confusionFigure(): string {
  const C = fashion().confusion;
  const names = FASHION_CLASSES;
  const cells: { truth: string; guess: string; n: number;
    hit: boolean }[] = [];
  for (let k = 0; k < 10; k++) {
    for (let c = 0; c < 10; c++) {
      cells.push({ truth: names[k], guess: names[c], n: C.get(k, c),
        hit: k === c });
    }
  }
  return renderPlot({
    width: 640, height: 560, style: { ...STYLE, fontSize: '12px' },
    marginLeft: 86, marginTop: 92, marginRight: 40,
    x: { label: 'predicted class', domain: names, axis: 'top',
      tickRotate: -45, labelAnchor: 'center', labelArrow: 'none',
      labelOffset: 84 },
    y: { label: 'true class', domain: names, labelArrow: 'none' },
    marks: [
      Plot.cell(cells.filter((c) => c.n > 0), { x: 'guess', y: 'truth',
        fill: (c) => (c.hit ? PALETTE[0] : PALETTE[4]),
        fillOpacity: (c) => (c.hit ? 0.25 : Math.min(0.9,
          0.1 + c.n / 150)), inset: 0.5 }),
      ...[true, false].map((hit) => Plot.text(
        cells.filter((c) => c.n > 0 && c.hit === hit),
        { x: 'guess', y: 'truth', text: (c) => String(c.n),
          fill: 'currentColor', fontWeight: hit ? 'normal' : 'bold' })),
    ],
  });
}

/** The first 12 misclassified test images, true → predicted above. */
function misclassifiedFigure(): string {
  const { test, final } = fashion();
  const wrong = [];
  for (let i = 0; i < test.y.length && wrong.length < 12; i++) {
    if (final.pred[i] !== test.y[i]) wrong.push(i);
  }
  const cols = 4, side = 120;
  const laid = wrong.map((i, k) => ({
    x: k % cols, y: Math.floor(k / cols),
    title: `${FASHION_CLASSES[test.y[i]]} →`,
    guess: FASHION_CLASSES[final.pred[i]],
    src: pngDataUrl({ rows: 28, cols: 28,
      data: test.X.data.subarray(i * 784, i * 784 + 784) }),
  }));
  const rows = Math.ceil(laid.length / cols);
  return renderPlot({
    width: cols * (side + 40), height: rows * (side + 44) + 6,
    style: STYLE, margin: 4, marginTop: 40,
    x: { axis: null, domain: [-0.5, cols - 0.5] },
    y: { axis: null, domain: [rows - 0.5, -0.5] },
    marks: [
      Plot.image(laid, { x: 'x', y: 'y', src: 'src', width: side,
        height: side, imageRendering: 'pixelated' }),
      Plot.text(laid, { x: 'x', y: 'y', text: 'title',
        dy: -side / 2 - 22, fill: 'currentColor' }),
      Plot.text(laid, { x: 'x', y: 'y', text: 'guess',
        dy: -side / 2 - 7, fill: 'currentColor', fontWeight: 'bold' }),
    ],
  });
}

/** The commonest confusion (off the diagonal). */
function worstPair() {
  const C = fashion().confusion;
  let best = { k: 0, c: 0, n: -1 };
  for (let k = 0; k < 10; k++) {
    for (let c = 0; c < 10; c++) {
      if (k !== c && C.get(k, c) > best.n) best = { k, c, n: C.get(k, c) };
    }
  }
  return { truth: FASHION_CLASSES[best.k], guess: FASHION_CLASSES[best.c],
    n: best.n };
}

/** All errors, and the share of them among the four upper-body classes
 *  (T-shirt/top 0, pullover 2, coat 4, shirt 6). */
function errorShares() {
  const C = fashion().confusion;
  const tops = [0, 2, 4, 6];
  let errors = 0, among = 0;
  for (let k = 0; k < 10; k++) {
    for (let c = 0; c < 10; c++) {
      if (k === c) continue;
      errors += C.get(k, c);
      if (tops.includes(k) && tops.includes(c)) among += C.get(k, c);
    }
  }
  return { errors, topsShare: among / errors };
}

// ---------------------------------------------------------------------
// Digits (8 x 8): 64-32-10 ReLU; and two pitfalls on them.

const DIGITS = { hidden: 32, epochs: 30, batchSize: 32, eta: 0.1,
  seed: 21 };

const digitsSplit = once(() => {
  const idx = [...Array(1797).keys()];
  return { train: digitsRows(idx.filter((i) => i % 4 !== 3)),
    test: digitsRows(idx.filter((i) => i % 4 === 3)) };
});

/** Trains on the digits with the given eta and input scale. */
function digitsRun(eta: number, pixelScale = 1) {
  const { train, test } = digitsSplit();
  const scaled = (X: Matrix) => new Matrix(X.rows, X.cols,
    X.data.map((v) => v * pixelScale));
  const model = mlp([64, DIGITS.hidden, 10], 'relu',
    createRng(DIGITS.seed));
  try {
    const h = fit(model, scaled(train.X), train.y, { ...DIGITS, eta,
      test: { X: scaled(test.X), y: test.y } });
    const last = h[h.length - 1];
    return { ok: true, accuracy: last.testAccuracy, loss: last.testLoss,
      dead: deadFraction(model.layers[0] as Linear, scaled(train.X)) };
  } catch (e) {
    return { ok: false, accuracy: NaN, loss: NaN, dead: NaN,
      error: (e as Error).message.slice(0, 120) };
  }
}

const digits = once(() => ({
  base: digitsRun(DIGITS.eta),
  tooHigh: digitsRun(3),
  raw: digitsRun(DIGITS.eta, 16), // pixels 0..16, not scaled to [0, 1]
  nTest: digitsSplit().test.y.length,
}));

// ---------------------------------------------------------------------

const binomialSe = (p: number, n: number) => Math.sqrt(p * (1 - p) / n);

/** The benchmark fixture's numbers as the prose quotes them. */
function benchNumbers() {
  const every = bench.ours.rss_every_100_steps_mb;
  return { ours: bench.ours.epoch_ms / 1000,
    theirs: (bench.theirs?.epoch_ms ?? NaN) / 1000, ratio: bench.ratio,
    oursCpu: bench.ours.epoch_cpu_ms / 1000,
    theirsCpu: (bench.theirs?.epoch_cpu_ms ?? NaN) / 1000,
    ratioCpu: bench.ratio_cpu,
    load: bench.load_average, date: bench.date, n: bench.n,
    rssStart: Math.round(bench.ours.rss_start_mb),
    rssAfter300: Math.round(every[3]), at: 300,
    // how far the later samples (every 100 steps) stray from each other
    lateSpread: every.slice(3).reduce((a, v) => Math.max(a, v)) -
      every.slice(3).reduce((a, v) => Math.min(a, v)),
    epochs: bench.epochs,
    steps: Math.ceil(bench.n / bench.batch),
    // X as float64: n × 784 × 8 bytes, in MiB
    dataMiB: Math.round(bench.n * bench.sizes[0] * 8 / 2 ** 20) };
}

export default cached('multilayer-perceptron', () => {
  const f = fashion();
  const d = digits();
  const last = f.history[f.history.length - 1];
  return {
    activationsFigure: activationsFigure(),
    approxFigure: approxFigure(),
    approxMse: approx().map((r) => r.mse),
    approx: APPROX,
    lossFigure: curvesFigure('loss'),
    accuracyFigure: curvesFigure('accuracy'),
    confusionFigure: confusionFigure(),
    misclassifiedFigure: misclassifiedFigure(),
    fashion: { ...FASHION, nTrain: f.train.y.length,
      nTest: f.test.y.length, params: parameterCount(f.model),
      seconds: f.seconds, accuracy: f.final.accuracy,
      se: binomialSe(f.final.accuracy, f.test.y.length),
      loss: f.final.loss, trainLoss: last.trainLoss,
      trainAccuracy: last.trainAccuracy,
      firstTestAccuracy: f.history[0].testAccuracy,
      // the test accuracy over the last five epochs: how much the
      // number depends on where training stopped
      lastTestMin: f.history.slice(-5)
        .reduce((m, e) => Math.min(m, e.testAccuracy), Infinity),
      lastTestMax: f.history.slice(-5)
        .reduce((m, e) => Math.max(m, e.testAccuracy), -Infinity),
      perClass: f.test.y.length / 10,
      worst: worstPair(), ...errorShares() },
    digits: { ...DIGITS, nTest: d.nTest,
      accuracy: d.base.accuracy, se: binomialSe(d.base.accuracy, d.nTest),
      dead: d.base.dead, tooHigh: d.tooHigh, raw: d.raw },
    torchVersion: torchRef.versions.torch,
    bench: benchNumbers(),
    torchSteps: torchRef.sgd.losses.length,
    torchSizes: torchRef.sgd.sizes.join('-'),
    torchEta: torchRef.sgd.eta,
    torchBatch: torchRef.sgd.batches[0].length,
  };
}, { reason: 'trains a 784-64-10 network for 10 epochs on 12,000 ' +
  'Fashion-MNIST images at build time' });
