// Build-time computation of the initialization-and-normalization
// chapter: its figures and every number its prose shows, computed by
// the chapter's code (code/initialization-and-normalization) and cached
// (see src/lib/cache.ts). Seeded throughout. Colour is always paired
// with a dash pattern, a marker shape or a direct label.
import { cached } from '../lib/cache.ts';
import { discordantDifference } from '../../code/statistics/paired.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { percent, powerOfTen, sci } from '../lib/format.ts';
import torchRef from '../../tests/fixtures/initialization-and-normalization/torch.json' with {
  type: 'json',
};
import { createRng, type Rng } from '../../code/introduction/random.ts';
import { digitsRows } from '../../code/softmax-regression/experiments.ts';
import { depthStats } from '../../code/initialization-and-normalization/depth.ts';
import {
  deepNet,
  trainAndEvaluate,
} from '../../code/initialization-and-normalization/experiments.ts';
import { evaluate, fit } from '../../code/multilayer-perceptron/train.ts';
import type { Sequential } from '../../code/multilayer-perceptron/mlp.ts';
import type { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  initWeights,
  type Scheme,
} from '../../code/initialization-and-normalization/init.ts';
import { BatchNorm } from '../../code/initialization-and-normalization/batchnorm.ts';
import type { Tensor } from '../../code/autodiff/tensor.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };
const DASH = ['none', '6,3', '2,3', '8,3,2,3', '12,4'];
const SYMBOL = ['circle', 'square', 'triangle', 'diamond', 'cross'];

// ---------------------------------------------------------------------
// 20 layers at initialization: std of activations and of gradients.

export const DEPTH = { depth: 20, width: 80, batch: 80, seed: 3 };

const normal = (std: number) =>
  (fanIn: number, fanOut: number, rng: Rng) =>
    rng.normalArray(fanIn * fanOut, 0, std);
const scheme = (s: Scheme) =>
  (fanIn: number, fanOut: number, rng: Rng) =>
    initWeights(s, fanIn, fanOut, rng);

const SETUPS = [
  { key: 'n1', label: 'N(0, 1), tanh', activation: 'tanh',
    weights: normal(1) },
  { key: 'n001', label: 'N(0, 0.01²), tanh', activation: 'tanh',
    weights: normal(0.01) },
  { key: 'xavier', label: 'Xavier, tanh', activation: 'tanh',
    weights: scheme('xavier-normal') },
  { key: 'he', label: 'He, ReLU', activation: 'relu',
    weights: scheme('he-normal') },
  { key: 'torch', label: 'PyTorch default, ReLU', activation: 'relu',
    weights: scheme('torch-default') },
] as const;

const depth = once(() => SETUPS.map((s) => ({ key: s.key,
  label: s.label, ...depthStats({ ...DEPTH, activation: s.activation,
    weights: s.weights }, createRng(DEPTH.seed)) })));

/** The N(0, 1)-tanh network of the figure again (same generator, same
 *  draws as depthStats): the fraction of its last layer's units within
 *  0.1 of ±1, i.e. saturated. */
function saturation(): number {
  const { depth: D, width: q, batch: n } = DEPTH;
  const rng = createRng(DEPTH.seed);
  let h = rng.normalArray(n * q);
  for (let l = 0; l < D; l++) {
    const W = rng.normalArray(q * q, 0, 1);
    const z = new Float64Array(n * q);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < q; k++) {
        const a = h[i * q + k];
        for (let j = 0; j < q; j++) z[i * q + j] += a * W[k * q + j];
      }
    }
    h = z.map(Math.tanh);
  }
  let near = 0;
  for (const v of h) if (Math.abs(v) > 0.9) near++;
  return near / h.length;
}

/** Geometric mean of the layer-to-layer ratios of a series. */
function perLayerRatio(v: number[]): number {
  return (v[v.length - 1] / v[0]) ** (1 / (v.length - 1));
}

function depthFigure(what: 'activationStd' | 'gradientStd'): string {
  const rows = depth().flatMap((s, k) => s[what].map((v, l) => ({
    layer: l + 1, std: v, setup: s.label, k })));
  // each label at a layer where its line stands apart from the others
  const at = what === 'activationStd'
    ? [[4, -12], [7, 0], [17, 14], [10, 14], [13, -12]]
    : [[5, -10], [14, 0], [4, -12], [16, 14], [8, 0]];
  const labels = depth().map((s, k) => ({ layer: at[k][0],
    std: s[what][at[k][0] - 1], text: s.label, dy: at[k][1], k }));
  return renderPlot({
    width: 640, height: 360, style: STYLE, marginLeft: 56,
    marginRight: 16, marginTop: 30, marginBottom: 44,
    x: { label: 'layer', domain: [1, 20], ticks: [1, 5, 10, 15, 20] },
    y: { type: 'log', label: what === 'activationStd'
      ? 'std of activations' : 'std of gradient ∂L/∂h',
    domain: [1e-24, 1e8], ticks: [1e-24, 1e-20, 1e-16, 1e-12, 1e-8, 1e-4,
      1, 1e4, 1e8], tickFormat: powerOfTen, grid: true },
    marks: [
      ...depth().map((_, k) => Plot.line(rows.filter((r) => r.k === k), {
        x: 'layer', y: 'std', stroke: PALETTE[k], strokeWidth: 2,
        strokeDasharray: DASH[k] })),
      Plot.dot(rows.filter((r) => r.layer % 3 === 1), { x: 'layer',
        y: 'std', symbol: (r: { k: number }) => SYMBOL[r.k],
        stroke: (r: { k: number }) => PALETTE[r.k], r: 3.5 }),
      ...labels.map((l) => Plot.text([l], { x: 'layer', y: 'std',
        text: 'text', dy: l.dy, dx: l.dy === 0 ? 8 : 0,
        textAnchor: l.dy === 0 ? 'start' : 'middle',
        fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
        strokeWidth: 4, paintOrder: 'stroke' })),
    ],
  });
}

// ---------------------------------------------------------------------
// Digits: a deep ReLU network with and without batch normalization.

export const BN = { hidden: 8, width: 32, epochs: 4, batchSize: 32,
  eta: 0.05, seed: 9, netSeed: 5, nTrain: 1344, raggedEpochs: 4 };

const digits = once(() => {
  const idx = [...Array(1797).keys()];
  const trainIdx = idx.filter((i) => i % 4 !== 3);
  return { trainAll: digitsRows(trainIdx),
    train: digitsRows(trainIdx.slice(0, BN.nTrain)), // 42 × 32 rows
    test: digitsRows(idx.filter((i) => i % 4 === 3)) };
});

/** A network of the batch norm experiments; `k`: another seed. */
function bnNet(s: Scheme, batchNorm: boolean, k = 0) {
  const sizes = [64, ...Array(BN.hidden).fill(BN.width), 10];
  return deepNet({ sizes, scheme: s, batchNorm },
    createRng(BN.netSeed + k));
}

/** Options of `fit` for seed `k` (network and shuffles). */
const bnOptions = (epochs: number, k = 0) => ({ epochs,
  batchSize: BN.batchSize, eta: BN.eta, seed: BN.seed + 100 * k });

interface Data { X: Matrix; y: Int32Array }

/** trainAndEvaluate (code/…/experiments.ts) without the measurements a
 *  run does not print: `fit` one epoch at a time with the same shuffles,
 *  then the test set only, in evaluation mode, and only after the
 *  epochs `measure` accepts (NaN after the others). Evaluation changes
 *  no state (no dropout here, no running averages), so every number is
 *  the one trainAndEvaluate gives. */
function trainTest(model: Sequential, train: Data, test: Data,
  o: { epochs: number; batchSize: number; eta: number; seed: number },
  measure: (epoch: number) => boolean = () => true) {
  const history = [];
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const [r] = fit(model, train.X, train.y, { ...o, epochs: 1,
      seed: o.seed + epoch });
    let te = { loss: NaN, accuracy: NaN };
    if (measure(epoch)) {
      model.train(false);
      te = evaluate(model, test.X, test.y);
      model.train(true);
    }
    history.push({ epoch, trainModeLoss: r.trainLoss,
      testLoss: te.loss, testAccuracy: te.accuracy });
  }
  return history;
}

/** A second set of running averages that a batch smaller than the
 *  others leaves alone: the control that separates the small batch's
 *  gradient step from its statistics. Training mode uses the batch's
 *  statistics, never the running ones, so one training run serves both
 *  (the parameters are the same); evaluate with `useTwin` for the
 *  control. Each update is BatchNorm's own, to the last bit: forward
 *  runs on zeroed averages, which leaves ρ·μ and ρ·v·n/(n − 1) in them,
 *  and both sets get (1 − ρ)·old + that, Eq. (in-bn-running). */
function twinStats(bn: BatchNorm) {
  const forward = bn.forward.bind(bn);
  const twin = { mean: bn.runningMean.slice(), v: bn.runningVar.slice() };
  bn.forward = (x: Tensor) => {
    if (!bn.training) return forward(x);
    const mean = bn.runningMean.slice(), v = bn.runningVar.slice();
    bn.runningMean.fill(0);
    bn.runningVar.fill(0);
    const out = forward(x);
    const keep = 1 - bn.momentum, full = x.shape[0] >= BN.batchSize;
    for (let j = 0; j < bn.d; j++) {
      const tm = bn.runningMean[j], tv = bn.runningVar[j];
      bn.runningMean[j] = keep * mean[j] + tm;
      bn.runningVar[j] = keep * v[j] + tv;
      if (full) {
        twin.mean[j] = keep * twin.mean[j] + tm;
        twin.v[j] = keep * twin.v[j] + tv;
      }
    }
    return out;
  };
  return { useTwin: () => {
    bn.runningMean.set(twin.mean);
    bn.runningVar.set(twin.v);
  } };
}

/** Ragged batches for seed k: all training digits, so that each epoch
 *  ends with a small batch; test accuracy after epoch raggedEpochs with
 *  the running averages as trained and with the control's. */
function raggedRun(k: number) {
  const d = digits();
  const model = bnNet('torch-default', true, k);
  const twins = model.layers.filter((l) => l instanceof BatchNorm)
    .map((l) => twinStats(l as BatchNorm));
  const last = (e: number) => e === BN.raggedEpochs;
  const ragged = trainTest(model, d.trainAll, d.test,
    bnOptions(BN.raggedEpochs, k), last)[BN.raggedEpochs - 1]
    .testAccuracy;
  for (const t of twins) t.useTwin();
  model.train(false);
  const keepStats = evaluate(model, d.test.X, d.test.y).accuracy;
  return { ragged, keepStats };
}

/** Seeds of the ragged-batch comparison (0 is the figure's). */
const RAGGED_SEEDS = [0, 1, 2];

const BN_RUNS = [
  { key: 'plain', label: 'PyTorch default init', scheme: 'torch-default',
    bn: false },
  { key: 'he', label: 'He init', scheme: 'he-normal', bn: false },
  { key: 'bn', label: 'PyTorch default + BatchNorm',
    scheme: 'torch-default', bn: true },
] as const;

const bn = once(() => {
  const d = digits();
  const runs = BN_RUNS.map((r) => ({ ...r,
    history: trainTest(bnNet(r.scheme, r.bn), d.train, d.test,
      bnOptions(BN.epochs)) }));
  const atEpoch = (h: { testAccuracy: number }[]) =>
    h[BN.raggedEpochs - 1].testAccuracy;
  const seeds = RAGGED_SEEDS.map((k) => ({
    clean: k === 0 ? atEpoch(runs[2].history)
      : atEpoch(trainTest(bnNet('torch-default', true, k), d.train,
        d.test, bnOptions(BN.raggedEpochs, k),
        (e) => e === BN.raggedEpochs)),
    ...raggedRun(k),
  }));
  // the prose says: the default start without normalization stays at
  // chance (loss ≈ log 10) every epoch, and batch normalization is
  // ahead of He after the first epoch and the last: stop the build if not
  const [plain, he, withBn] = runs.map((r) => r.history);
  const ahead = (i: number) =>
    withBn[i].testAccuracy > he[i].testAccuracy;
  if (plain.some((e) => e.testAccuracy > 0.15 ||
    Math.abs(e.trainModeLoss - Math.log(10)) > 0.01) ||
    !ahead(0) || !ahead(BN.epochs - 1)) {
    throw new Error('initialization-and-normalization: the batch norm ' +
      'figure no longer shows what the prose says');
  }
  // the prose says the small batch hurts and that protecting the
  // running averages does not help: stop the build if that changes
  for (const e of seeds) {
    if (Math.max(e.ragged, e.keepStats) > e.clean - 0.2) {
      throw new Error('initialization-and-normalization: the ragged-' +
        `batch claim no longer holds: ${JSON.stringify(e)}`);
    }
  }
  return { runs, seeds };
});

function bnFigure(): string {
  const rows = bn().runs.flatMap((r, k) => r.history.map((e) => ({
    epoch: e.epoch, accuracy: e.testAccuracy, run: r.label, k })));
  // labels at epoch 1, where a phone shows the figure's left part first:
  // the default run above its flat line, He below its rising one, and
  // BatchNorm high enough to clear its own line's climb
  const dys = [-10, 18, -60];
  const first = rows.filter((r) => r.epoch === 1)
    .map((r) => ({ ...r, dy: dys[r.k] }));
  return renderPlot({
    width: 640, height: 300, style: STYLE, marginLeft: 52,
    marginRight: 16, marginTop: 30, marginBottom: 44,
    x: { label: 'epoch', domain: [1, BN.epochs],
      ticks: [...Array(BN.epochs).keys()].map((i) => i + 1),
      tickFormat: 'd' },
    y: { label: 'test accuracy (eval mode)', domain: [0, 1], grid: true },
    marks: [
      ...bn().runs.map((_, k) => Plot.line(rows.filter((o) => o.k === k),
        { x: 'epoch', y: 'accuracy', stroke: PALETTE[k], strokeWidth: 2,
          strokeDasharray: DASH[k] })),
      Plot.dot(rows, { x: 'epoch', y: 'accuracy',
        symbol: (r: { k: number }) => SYMBOL[r.k],
        stroke: (r: { k: number }) => PALETTE[r.k], r: 3.5 }),
      ...first.map((l) => Plot.text([l], { x: 'epoch', y: 'accuracy',
        text: 'run', textAnchor: 'start', dx: 8, dy: l.dy,
        fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
        strokeWidth: 4, paintOrder: 'stroke' })),
    ],
  });
}

// ---------------------------------------------------------------------
// Dropout on a small training set: the train/eval gap.

export const DROP = { nTrain: 200, sizes: [64, 64, 64, 10], p: 0.5,
  epochs: 20, batchSize: 20, eta: 0.1, seed: 4, netSeed: 8 };

const dropout = once(() => {
  const d = digits();
  const trainIdx = [...Array(1797).keys()].filter((i) => i % 4 !== 3);
  const small = digitsRows(trainIdx.slice(0, DROP.nTrain));
  const model = (p: number) => deepNet({ sizes: DROP.sizes,
    scheme: 'he-normal', dropout: p }, createRng(DROP.netSeed));
  const net = model(DROP.p);
  const withDrop = trainAndEvaluate(net, small, d.test, DROP);
  // the pitfall: test predictions with dropout still on
  const forgot = evaluate(net, d.test.X, d.test.y).accuracy;
  const plain = model(0); // no Dropout layer: trainTest is exact
  const without = trainTest(plain, small, d.test, DROP);
  net.train(false);
  plain.train(false);
  const noDropTrain = evaluate(plain, small.X, small.y).loss;
  const a = evaluate(net, d.test.X, d.test.y).pred;
  const b = evaluate(plain, d.test.X, d.test.y).pred;
  // paired: both on the same test images; count where they disagree
  let onlyA = 0, onlyB = 0;
  for (let i = 0; i < a.length; i++) {
    const ra = a[i] === d.test.y[i], rb = b[i] === d.test.y[i];
    if (ra && !rb) onlyA++;
    if (rb && !ra) onlyB++;
  }
  return { withDrop, without, forgot, onlyA, onlyB, noDropTrain };
});

function dropoutFigure(): string {
  const { withDrop, without } = dropout();
  const lines = [
    { name: 'training, train mode', pick: withDrop, f: 'trainModeLoss' },
    { name: 'training, eval mode', pick: withDrop, f: 'trainLoss' },
    { name: 'test, eval mode', pick: withDrop, f: 'testLoss' },
    { name: 'test, no dropout', pick: without, f: 'testLoss' },
  ] as const;
  const rows = lines.flatMap((l, k) => l.pick.map((e) => ({
    epoch: e.epoch, loss: (e as Record<string, number>)[l.f],
    curve: l.name, k })));
  // each label at an epoch where its curve stands apart
  // (all within the first 14 epochs, which a phone shows first)
  const at = [[3, -12, 'start'], [11, 18, 'middle'], [8, 16, 'middle'],
    [4, 16, 'start']] as const;
  const labels = lines.map((_, k) => ({ ...rows.find((r) => r.k === k &&
    r.epoch === at[k][0]), dy: at[k][1], anchor: at[k][2] }));
  return renderPlot({
    width: 640, height: 320, style: STYLE, marginLeft: 52,
    marginRight: 16, marginTop: 30, marginBottom: 44,
    x: { label: 'epoch', domain: [1, DROP.epochs] },
    y: { label: 'cross-entropy loss', grid: true, domain: [0, 2.5] },
    marks: [
      ...lines.map((_, k) => Plot.line(rows.filter((r) => r.k === k), {
        x: 'epoch', y: 'loss', stroke: PALETTE[k], strokeWidth: 2,
        strokeDasharray: DASH[k] })),
      Plot.dot(rows.filter((r) => r.epoch % 5 === 0), { x: 'epoch',
        y: 'loss', symbol: (r: { k: number }) => SYMBOL[r.k],
        stroke: (r: { k: number }) => PALETTE[r.k], r: 3.5 }),
      ...labels.map((l) => Plot.text([l], { x: 'epoch', y: 'loss',
        text: 'curve', textAnchor: l.anchor, dy: l.dy,
        fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
        strokeWidth: 4, paintOrder: 'stroke' })),
    ],
  });
}

function binomialSe(p: number, n: number): number {
  return Math.sqrt(p * (1 - p) / n);
}

/** SE of the difference of two accuracies on the same n examples, from
 *  the counts each got right and the other wrong (paired). */
function pairedSe(onlyA: number, onlyB: number, n: number): number {
  return discordantDifference(onlyA, onlyB, n).se;
}

/** "a, b and c" from percentages. */
function listText(xs: number[]): string {
  const t = xs.map((x) => percent(x));
  return `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
}

export default cached('initialization-and-normalization', () => {
  const dep = Object.fromEntries(depth().map((s) => [s.key, {
    act1: s.activationStd[0], act20: s.activationStd[19],
    grad1: s.gradientStd[0], grad20: s.gradientStd[19],
    actRatio: perLayerRatio(s.activationStd),
    gradRatio: perLayerRatio([...s.gradientStd].reverse()) }]));
  const b = bn();
  const nTest = digits().test.y.length;
  const lastOf = (h: { testAccuracy: number }[]) => h[h.length - 1];
  const dr = dropout();
  const dl = dr.withDrop[dr.withDrop.length - 1];
  const nl = dr.without[dr.without.length - 1];
  const sciText = (x: number) => sci(x, 1);
  const at20 = (k: string, f: 'act20' | 'grad1') => sciText(dep[k][f]);
  const acc = (x: number) => x.toFixed(2);
  const bh = (k: 'plain' | 'he' | 'bn') => b.runs.find((r) => r.key === k)
    ?.history ?? [];
  // He's curve may peak before the last epoch: say so in the alt text
  const heEnd = () => {
    const h = bh('he');
    const top = h.reduce((m, e) => Math.max(m, e.testAccuracy), 0);
    const end = lastOf(h).testAccuracy;
    return top > end ? `${acc(top)}, then ends at ${acc(end)}`
      : acc(end);
  };
  return {
    activationAlt: 'Standard deviation of the activations of layers 1 ' +
      'to 20 on a log scale, for five initializations. N(0, 1) with ' +
      'tanh and He with ReLU stay near 1; Xavier with tanh falls slowly ' +
      `from ${acc(dep.xavier.act1)} to ${acc(dep.xavier.act20)}; ` +
      "PyTorch's default with ReLU falls on a straight line to " +
      `${at20('torch', 'act20')}; N(0, 0.01 squared) with tanh falls on ` +
      `a steeper straight line to ${at20('n001', 'act20')}.`,
    gradientAlt: 'Standard deviation of the gradient with respect to ' +
      'the activations of layers 1 to 20, log scale. All lines meet ' +
      'near 1 at layer 20. Going down to layer 1, N(0, 1) with tanh ' +
      `grows to ${at20('n1', 'grad1')}, Xavier with tanh and He with ` +
      "ReLU stay within a factor of a few of 1, PyTorch's default with " +
      `ReLU falls to ${at20('torch', 'grad1')} and N(0, 0.01 squared) ` +
      `with tanh to ${at20('n001', 'grad1')}.`,
    bnAlt: `Test accuracy in evaluation mode after each of ${BN.epochs} ` +
      "epochs for three networks. PyTorch's default init without " +
      `normalization stays at ${acc(lastOf(bh('plain')).testAccuracy)}; ` +
      `He init rises from ${acc(bh('he')[0].testAccuracy)} to ` +
      heEnd() + "; PyTorch's default with " +
      `BatchNorm rises from ${acc(bh('bn')[0].testAccuracy)} to ` +
      `${acc(lastOf(bh('bn')).testAccuracy)}.`,
    dropoutAlt: 'Cross-entropy loss against epoch for four curves. The ' +
      'training loss measured in training mode, with dropout on, stays ' +
      'above the other training curve and ends at ' +
      `${acc(dl.trainModeLoss)}; the training loss ` +
      'measured in evaluation mode falls lower, to ' +
      `${acc(dl.trainLoss)}; the test loss of the dropout network ends ` +
      `at ${acc(dl.testLoss)}; the test loss of the network without ` +
      `dropout ends at ${acc(nl.testLoss)}.`,
    activationFigure: depthFigure('activationStd'),
    gradientFigure: depthFigure('gradientStd'),
    bnFigure: bnFigure(),
    dropoutFigure: dropoutFigure(),
    depth: { ...DEPTH, ...dep,
      // predicted std factors: Eq. (in-forward) with tanh ≈ identity
      smallFactor: 0.01 * Math.sqrt(DEPTH.width),
      bigStd: Math.sqrt(DEPTH.width),
      saturated: saturation() },
    // the arithmetic of the derivation's examples
    factor: { slow: 0.9, slowAfter: 0.9 ** DEPTH.depth,
      sixthAfter: (1 / 6) ** DEPTH.depth, invSqrt6: 1 / Math.sqrt(6),
      layersFor1000: 2 * Math.log(1000) / Math.log(6),
      layersFor1000Int: Math.ceil(2 * Math.log(1000) / Math.log(6)) },
    fixtures: { bnRows: torchRef.batchnorm.n, bnCols: torchRef.batchnorm.d,
      lnRows: torchRef.layernorm.n, lnCols: torchRef.layernorm.d,
      dropP: torchRef.dropout.p,
      fanIns: torchRef.linearDefault.map((c: { fanIn: number }) =>
        c.fanIn) },
    bn: { ...BN, nTest, nTrainAll: digits().trainAll.y.length,
      // std divided by √6 in each hidden layer, Eq. (in-torch-default)
      shrink: Math.round(6 ** (BN.hidden / 2)),
      lastBatch: digits().trainAll.y.length % BN.batchSize,
      runs: Object.fromEntries(b.runs.map((r) => {
        const e = lastOf(r.history);
        return [r.key, { accuracy: e.testAccuracy,
          se: binomialSe(e.testAccuracy, nTest),
          first: r.history[0].testAccuracy,
          trainModeLoss: r.history[r.history.length - 1].trainModeLoss }];
      })),
      // after epoch raggedEpochs, one entry per seed
      ragged: { seeds: b.seeds, nSeeds: b.seeds.length,
        cleanText: listText(b.seeds.map((e) => e.clean)),
        raggedText: listText(b.seeds.map((e) => e.ragged)),
        keepText: listText(b.seeds.map((e) => e.keepStats)),
      } },
    drop: { ...DROP, nTest, sizesText: DROP.sizes.join('-'),
      trainMode: dl.trainModeLoss, trainEval: dl.trainLoss,
      test: dl.testLoss, testAccuracy: dl.testAccuracy,
      testSe: binomialSe(dl.testAccuracy, nTest),
      noDropTest: nl.testLoss, noDropAccuracy: nl.testAccuracy,
      noDropSe: binomialSe(nl.testAccuracy, nTest),
      noDropTrain: dr.noDropTrain, forgot: dr.forgot,
      forgotSe: binomialSe(dr.forgot, nTest),
      // accuracy difference in paired standard errors of the difference
      diffSe: pairedSe(dr.onlyA, dr.onlyB, nTest),
      diffZ: (nl.testAccuracy - dl.testAccuracy) /
        pairedSe(dr.onlyA, dr.onlyB, nTest) },
    torchVersion: torchRef.versions.torch,
  };
});
