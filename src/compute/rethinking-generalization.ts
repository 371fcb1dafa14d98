// Build-time computation of the rethinking-generalization chapter: its
// figures and every number its prose shows, computed by the chapter's
// code (code/rethinking-generalization) and cached (src/lib/cache.ts).
// Budget: 21 trainings of a 64-128-10 ReLU network on 300 digits until
// training error 0 (about 670 epochs of 6 minibatches in all, 10 s on
// one quiet core): the randomization tests need every
// variant trained to convergence, and nothing smaller shows the
// slowdown. Seeded throughout; colour is always paired with a dash
// pattern, a marker shape or a direct label.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { percent } from '../lib/format.ts';
import torchRef from '../../tests/fixtures/rethinking-generalization/torch.json' with {
  type: 'json',
};
// the paper's Table 1, quoted (values typed from the paper, not computed)
import paperTable from '../../tests/fixtures/rethinking-generalization/paper-table1.json' with {
  type: 'json',
};
import { figureMinWidth } from '../lib/figure-size.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { digitsRows } from '../../code/softmax-regression/experiments.ts';
import { evaluate } from '../../code/multilayer-perceptron/train.ts';
import { parameterCount } from '../../code/multilayer-perceptron/mlp.ts';
import {
  memorize, type MemorizeOptions,
} from '../../code/rethinking-generalization/memorize.ts';
import {
  corruptLabels, gaussianInputs, permutePixels, randomPermutation,
  randomPixels,
} from '../../code/rethinking-generalization/randomize.ts';
import {
  constructionSize, fitConstruction, fitConstructionAlong,
  predictConstruction,
} from '../../code/rethinking-generalization/construction.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };
const DASH = ['none', '6,3', '2,3', '8,3,2,3', '12,4'];
const SYMBOL = ['circle', 'square', 'triangle', 'diamond', 'cross'];

export const SETUP = { nTrain: 300, nTest: 500, classes: 10 };
export const NET: Omit<MemorizeOptions, 'seed'> = { hidden: 128,
  classes: 10, maxEpochs: 200, batchSize: 50, eta: 0.01 };
const SEED = 7; // the network and minibatch order, the same everywhere
const EXTRA_SEEDS = [8, 9]; // for the spread of the slowdown
// widest a figure may need on a 390 px phone (its column is 358 px)
const PHONE_COLUMN = 358;
const WIDTH = 440; // with 14 px text: 11 px at 346 px wide
export const FRACTIONS = [0, 0.2, 0.4, 0.6, 0.8, 1];
export const REG = { weightDecay: 5e-4, dropout: 0.1 };

/** 300 training and 500 test digits, disjoint, drawn once (seed 1). */
const data = once(() => {
  const idx = createRng(1).shuffle([...Array(1797).keys()]);
  return { train: digitsRows(idx.slice(0, SETUP.nTrain)),
    test: digitsRows(idx.slice(SETUP.nTrain,
      SETUP.nTrain + SETUP.nTest)) };
});

/** Trains on (X, y) and measures the test error on (Xt, yt). */
function run(X: Matrix, y: Int32Array, Xt: Matrix, yt: Int32Array,
  extra: Partial<MemorizeOptions> = {}) {
  const r = memorize(X, y, { ...NET, seed: SEED, ...extra });
  const last = r.history[r.history.length - 1];
  return { history: r.history, epochsToFit: r.epochsToFit,
    stepsPerEpoch: r.stepsPerEpoch, trainAccuracy: last.trainAccuracy,
    testAccuracy: evaluate(r.model, Xt, yt).accuracy,
    params: parameterCount(r.model) };
}

/** Labels corrupted with probability p, the test labels left true. */
const corruption = once(() => FRACTIONS.map((p) => {
  const { train, test } = data();
  const y = corruptLabels(train.y, p, SETUP.classes, createRng(12));
  return { p, ...run(train.X, y, test.X, test.y) };
}));

/** The three input randomizations (test images transformed alike). */
const inputs = once(() => {
  const { train, test } = data();
  const perm = randomPermutation(train.X.cols, createRng(11));
  return {
    shuffled: run(permutePixels(train.X, perm), train.y,
      permutePixels(test.X, perm), test.y),
    randomPixels: run(randomPixels(train.X, createRng(13)), train.y,
      randomPixels(test.X, createRng(14)), test.y),
    gaussian: run(gaussianInputs(train.X, createRng(15)), train.y,
      gaussianInputs(test.X, createRng(16)), test.y),
  };
});

/** True labels, p = 0.8 and random labels again with two more seeds:
 *  for the network, the minibatch order and the corrupted labels (drawn
 *  with seed 100 + s, so the p = 0.8 labels nest in the p = 1 ones). */
const seeds = once(() => EXTRA_SEEDS.map((seed) => {
  const { train, test } = data();
  const corrupt = (p: number) => corruptLabels(train.y, p,
    SETUP.classes, createRng(100 + seed));
  const t = run(train.X, train.y, test.X, test.y, { seed });
  const m = run(train.X, corrupt(0.8), test.X, test.y, { seed });
  const r = run(train.X, corrupt(1), test.X, test.y, { seed });
  return { seed, trueEpochs: t.epochsToFit, randomEpochs: r.epochsToFit,
    midEpochs: m.epochsToFit, trueTest: t.testAccuracy,
    randomTest: r.testAccuracy };
}));

/** Table 1, small: weight decay and dropout, true and random labels. */
const regularized = once(() => {
  const { train, test } = data();
  const yr = corruptLabels(train.y, 1, SETUP.classes, createRng(12));
  const c = corruption();
  const none = { t: c[0], r: c[c.length - 1] };
  const rows = [
    { key: 'none', label: 'none', ...none },
    { key: 'wd', label: 'weight decay',
      t: run(train.X, train.y, test.X, test.y,
        { weightDecay: REG.weightDecay }),
      r: run(train.X, yr, test.X, test.y,
        { weightDecay: REG.weightDecay }) },
    { key: 'drop', label: 'dropout',
      t: run(train.X, train.y, test.X, test.y, { dropout: REG.dropout }),
      r: run(train.X, yr, test.X, test.y, { dropout: REG.dropout }) },
  ];
  return rows.map((row) => ({ key: row.key, label: row.label,
    trueTrain: row.t.trainAccuracy, trueTest: row.t.testAccuracy,
    trueEpochs: row.t.epochsToFit, randomTrain: row.r.trainAccuracy,
    randomTest: row.r.testAccuracy, randomEpochs: row.r.epochsToFit }));
});

/** The construction of Theorem 1 on the 300 digits, random labels. */
const construction = once(() => {
  const { train } = data();
  const n = train.X.rows;
  const y = corruptLabels(train.y, 1, SETUP.classes, createRng(12));
  const Y = new Matrix(n, 1, Float64Array.from(y)); // the labels as reals
  const net = fitConstruction(train.X, Y, createRng(21));
  const out = predictConstruction(net, train.X);
  let maxErr = 0, right = 0;
  for (let i = 0; i < n; i++) {
    maxErr = Math.max(maxErr, Math.abs(out.data[i] - y[i]));
    if (Math.round(out.data[i]) === y[i]) right++;
  }
  return { n, d: train.X.cols, size: constructionSize(net), maxErr,
    accuracy: right / n };
});

/** Our construction against the fixture (NumPy's solve, PyTorch's
 *  network): largest |ours − theirs| / (1 + |theirs|). */
function agreement() {
  const { n, d } = torchRef;
  const X = new Matrix(n, d, Float64Array.from(torchRef.X));
  const XNew = new Matrix(torchRef.XNew.length / d, d,
    Float64Array.from(torchRef.XNew));
  const rel = (a: ArrayLike<number>, b: number[]) => {
    let m = 0;
    for (let i = 0; i < b.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
    }
    return m;
  };
  let weights = 0, outputs = 0, maxW = 0;
  for (const ref of [torchRef.real, torchRef.oneHot]) {
    const net = fitConstructionAlong(X, new Matrix(n, ref.k,
      Float64Array.from(ref.Y)), Float64Array.from(torchRef.a));
    weights = Math.max(weights, rel(net.W.data, ref.W), rel(net.b, ref.b));
    outputs = Math.max(outputs,
      rel(predictConstruction(net, X).data, ref.out),
      rel(predictConstruction(net, XNew).data, ref.outNew));
    for (const w of ref.W) maxW = Math.max(maxW, Math.abs(w));
  }
  return { weights, outputs, maxW };
}

// ---------------------------------------------------------------------
// Figures

const VARIANTS = () => {
  const c = corruption();
  const v = inputs();
  return [
    { label: 'true labels', r: c[0] },
    { label: 'random labels', r: c[c.length - 1] },
    { label: 'shuffled pixels', r: v.shuffled },
    { label: 'random pixels', r: v.randomPixels },
    { label: 'Gaussian', r: v.gaussian },
  ];
};

function lossFigure(): string {
  const rows = VARIANTS().flatMap((v, k) => v.r.history.map((h) => ({
    step: h.epoch * v.r.stepsPerEpoch, loss: h.loss, k })));
  const ends = VARIANTS().map((v, k) => {
    const h = v.r.history[v.r.history.length - 1];
    return { step: h.epoch * v.r.stepsPerEpoch, loss: h.loss, k,
      text: v.label };
  });
  // labels: the random-labels line's above it; the four short runs
  // end together, so their labels are stacked to the right
  const order = [...ends].filter((e) => e.k !== 1)
    .sort((a, b) => b.loss - a.loss);
  const placed = [
    // at step ~100, inside what a phone shows first, above the line
    { ...rows.filter((r) => r.k === 1).reduce((best, r) =>
      Math.abs(r.step - 100) < Math.abs(best.step - 100) ? r : best),
    text: ends[1].text, dx: 0, dy: -12, anchor: 'middle' as const },
    ...order.map((e, i) => ({ ...e, dx: 10, dy: 0,
      anchor: 'start' as const,
      y: 0.5 / 1.7 ** i })),
  ];
  return renderPlot({
    width: WIDTH, height: 340, style: STYLE, marginLeft: 56,
    marginRight: 20, marginTop: 32, marginBottom: 44,
    x: { label: 'minibatch steps', domain: [0, ends[1].step + 10] },
    y: { type: 'log', label: 'training loss', grid: true,
      domain: [0.03, 3], ticks: [0.03, 0.1, 0.3, 1, 3],
      tickFormat: (v: number) => String(v) },
    marks: [
      ...VARIANTS().map((_, k) => Plot.line(rows.filter((r) => r.k === k),
        { x: 'step', y: 'loss', stroke: PALETTE[k], strokeWidth: 2,
          strokeDasharray: DASH[k] })),
      Plot.dot(ends, { x: 'step', y: 'loss',
        symbol: (r: { k: number }) => SYMBOL[r.k],
        stroke: (r: { k: number }) => PALETTE[r.k], r: 4 }),
      ...placed.map((l) => Plot.text([l], { x: 'step',
        y: l.k === 1 ? 'loss' : 'y', text: 'text', dx: l.dx, dy: l.dy,
        textAnchor: l.anchor, fill: 'currentColor',
        stroke: 'var(--sl-color-bg, white)', strokeWidth: 4,
        paintOrder: 'stroke' })),
      ...placed.filter((l) => l.k !== 1).map((l) => Plot.link([l], {
        x1: 'step', y1: 'loss', x2: (d: { step: number }) => d.step + 2,
        y2: 'y', stroke: 'currentColor', strokeOpacity: 0.4 })),
    ],
  });
}

function epochsFigure(): string {
  const c = corruption();
  const pts = c.map((r) => ({ p: r.p, epochs: r.epochsToFit ?? NaN }));
  const extra = seeds().flatMap((s) => [
    { p: 0, epochs: s.trueEpochs ?? NaN },
    { p: 0.8, epochs: s.midEpochs ?? NaN },
    { p: 1, epochs: s.randomEpochs ?? NaN }]);
  return renderPlot({
    width: WIDTH, height: 300, style: STYLE, marginLeft: 56,
    marginRight: 20, marginTop: 32, marginBottom: 44,
    x: { label: 'fraction of labels corrupted', domain: [-0.03, 1.03],
      ticks: FRACTIONS },
    y: { label: 'epochs to training error 0', grid: true, zero: true },
    marks: [
      Plot.line(pts, { x: 'p', y: 'epochs', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(pts, { x: 'p', y: 'epochs', fill: PALETTE[0], r: 4,
        symbol: 'circle' }),
      Plot.dot(extra, { x: 'p', y: 'epochs', stroke: PALETTE[1], r: 4,
        symbol: 'square' }),
      Plot.text([{ p: 0.02, epochs: extra[0].epochs }], { x: 'p',
        y: 'epochs', text: () => 'squares: seeds 8 and 9', dx: 8,
        dy: -14, textAnchor: 'start', fill: 'currentColor' }),
    ],
  });
}

function testErrorFigure(): string {
  const pts = corruption().map((r) => ({ p: r.p,
    err: 1 - r.testAccuracy }));
  const chance = 1 - 1 / SETUP.classes;
  return renderPlot({
    width: WIDTH, height: 300, style: STYLE, marginLeft: 56,
    marginRight: 20, marginTop: 32, marginBottom: 44,
    x: { label: 'fraction of labels corrupted', domain: [-0.03, 1.03],
      ticks: FRACTIONS },
    y: { label: 'test error at training error 0', domain: [0, 1],
      grid: true, tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    marks: [
      Plot.ruleY([chance], { stroke: 'currentColor',
        strokeDasharray: '4,4' }),
      Plot.text([{ p: 0, err: chance }], { x: 'p', y: 'err',
        text: () => 'chance, 90%', dy: -10, textAnchor: 'start',
        fill: 'currentColor' }),
      Plot.line(pts, { x: 'p', y: 'err', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(pts, { x: 'p', y: 'err', fill: PALETTE[0], r: 4 }),
    ],
  });
}

const pct = (x: number) => percent(x, 1);

function sampleSd(a: number[]): number {
  let m = 0;
  for (const v of a) m += v / a.length;
  let s = 0;
  for (const v of a) s += (v - m) ** 2 / (a.length - 1);
  return Math.sqrt(s);
}

/** Stops the build if a claim the prose makes no longer holds. */
function guard(ok: boolean, claim: string): void {
  if (!ok) throw new Error(`rethinking-generalization: ${claim}`);
}

function checkClaims() {
  const c = corruption(), v = inputs(), s = seeds(), tab = regularized();
  const t = c[0], rl = c[c.length - 1], chance = 1 / SETUP.classes;
  const se = Math.sqrt(chance * (1 - chance) / SETUP.nTest);
  guard([...c, v.shuffled, v.randomPixels, v.gaussian]
    .every((r) => r.trainAccuracy === 1), 'every variant fits');
  guard(tab.every((r) => r.trueTrain === 1 && r.randomTrain === 1),
    'every regularized run fits');
  guard(tab.slice(1).every((r) =>
    r.randomEpochs! > tab[0].randomEpochs!) &&
    tab.every((r) => Math.abs(r.trueTest - tab[0].trueTest) < 0.015),
  'regularizers slow random labels, leave true-label test accuracy');
  guard(s.every((e) => e.randomEpochs! > 2 * e.trueEpochs!) &&
    rl.epochsToFit! > 2 * t.epochsToFit!, 'random labels slower');
  guard(c.slice(1).every((r) => r.epochsToFit! > t.epochsToFit!),
    'corruption slows fitting');
  // the dip at p = 1 for seed 7 is within the spread: the three seeds'
  // epochs at p = 0.8 and at p = 1 overlap; from p = 0.4 on, seed 7's
  // epochs stay inside the range the seeds span at 0.8 and 1
  const mids = [c[c.length - 2].epochsToFit!,
    ...s.map((e) => e.midEpochs!)];
  const ends = [rl.epochsToFit!, ...s.map((e) => e.randomEpochs!)];
  guard(Math.min(...mids) <= Math.max(...ends) &&
    rl.epochsToFit! < c[c.length - 2].epochsToFit!,
  'the dip at p = 1 for seed 7 is within the seeds\' spread');
  const lo = Math.min(...mids, ...ends), hi = Math.max(...mids, ...ends);
  guard(c.slice(2).every((r) => r.epochsToFit! >= lo &&
    r.epochsToFit! <= hi), 'epochs level off from p = 0.4');
  guard(c.every((r, i) => i === 0 || r.testAccuracy <
    c[i - 1].testAccuracy), 'test accuracy falls with corruption');
  const noise = [rl.testAccuracy, v.randomPixels.testAccuracy,
    v.gaussian.testAccuracy, ...s.map((e) => e.randomTest)];
  guard(noise.every((a) => Math.abs(a - chance) < 0.05) &&
    [rl.testAccuracy, ...s.map((e) => e.randomTest)]
      .some((a) => Math.abs(a - chance) > se),
  'chance on randomized data; runs scatter by more than one SE');
  guard(sampleSd([rl.testAccuracy, ...s.map((e) => e.randomTest)]) > se,
    'random-label runs scatter by more than the binomial SE');
  const trues = [t.testAccuracy, ...s.map((e) => e.trueTest)];
  guard(v.shuffled.testAccuracy >= Math.min(...trues) &&
    v.shuffled.testAccuracy <= Math.max(...trues),
  'shuffled pixels within the spread of true labels');
  guard([v.randomPixels, v.gaussian, v.shuffled].every((r) =>
    Math.abs(r.epochsToFit! - t.epochsToFit!) <= 2),
  'input randomizations fit as fast as true labels');
  guard([v.randomPixels, v.gaussian].every((r) =>
    r.epochsToFit! < rl.epochsToFit!),
  'noise inputs fit faster than random labels (as in the paper)');
  for (const f of [lossFigure(), epochsFigure(), testErrorFigure()]) {
    guard((figureMinWidth(f) ?? 0) <= PHONE_COLUMN,
      'every figure fits a 390 px phone without scrolling');
  }
}

/** The paper's Table 1 (quoted): per model, test accuracy with neither
 *  regularizer, with the best regularized setting, on random labels. */
function paper() {
  const rows = paperTable.rows;
  const models = [...new Set(rows.map((r) => r.model))];
  const what = (r: { crop: boolean; wd: boolean }) =>
    r.crop && r.wd ? 'crops and weight decay' : r.crop ? 'crops'
      : 'weight decay';
  const perModel = models.map((m) => {
    const mine = rows.filter((r) => r.model === m);
    const none = mine.find((r) => !r.crop && !r.wd && !r.random)!;
    const rand = mine.find((r) => r.random)!;
    const best = mine.filter((r) => !r.random && (r.crop || r.wd))
      .reduce((a, b) => (b.test > a.test ? b : a));
    return { model: m, params: none.params, none: none.test,
      best: best.test, bestWhat: what(best), random: rand.test,
      randomTrain: rand.train };
  });
  const minTrain = Math.min(...rows.map((r) => r.train));
  const gains = perModel.map((m) => m.best - m.none);
  const nones = perModel.map((m) => m.none);
  return {
    perModel, minTrain, cifarTrain: 50000, // CIFAR10's training images
    minParams: Math.min(...rows.map((r) => r.params)),
    maxParams: Math.max(...rows.map((r) => r.params)),
    maxGain: Math.max(...gains), minGain: Math.min(...gains),
    archSpread: Math.max(...nones) - Math.min(...nones),
    randomMin: Math.min(...perModel.map((m) => m.random)),
    randomMax: Math.max(...perModel.map((m) => m.random)),
    text: perModel.map((m) => `${m.model}, ${m.none.toFixed(2)}% ` +
      `without either and ${m.best.toFixed(2)}% with ${m.bestWhat} ` +
      `(${m.random.toFixed(2)}% on random labels)`).join('; '),
  };
}

export default cached('rethinking-generalization', () => {
  checkClaims();
  const c = corruption();
  const v = inputs();
  const s = seeds();
  const t = c[0], rl = c[c.length - 1];
  const ratios = [rl.epochsToFit! / t.epochsToFit!,
    ...s.map((e) => e.randomEpochs! / e.trueEpochs!)];
  const k = construction();
  return {
    lossFigure: lossFigure(), epochsFigure: epochsFigure(),
    testErrorFigure: testErrorFigure(),
    setup: { ...SETUP, ...NET, seed: SEED, params: t.params,
      steps: t.stepsPerEpoch, extraSeeds: EXTRA_SEEDS.join(' and ') },
    variants: VARIANTS().map((x) => ({ label: x.label,
      epochs: x.r.epochsToFit, steps: (x.r.epochsToFit ?? NaN) *
        x.r.stepsPerEpoch, train: x.r.trainAccuracy,
      test: x.r.testAccuracy })),
    allFit: [...c, v.shuffled, v.randomPixels, v.gaussian]
      .every((r) => r.trainAccuracy === 1),
    // epochs to fit for 0.4 <= p <= 0.8
    midEpochs: { min: Math.min(...c.slice(2, 5).map((r) => r.epochsToFit!)),
      max: Math.max(...c.slice(2, 5).map((r) => r.epochsToFit!)) },
    corruption: c.map((r) => ({ p: r.p, epochs: r.epochsToFit,
      test: r.testAccuracy, testText: pct(r.testAccuracy) })),
    seeds: s,
    ratio: { seed7: ratios[0], min: Math.min(...ratios),
      max: Math.max(...ratios) },
    randomTests: [rl.testAccuracy, ...s.map((e) => e.randomTest)]
      .map(pct).join(', '),
    // sample standard deviation of those three test accuracies
    randomTestSd: sampleSd([rl.testAccuracy,
      ...s.map((e) => e.randomTest)]),
    // the range the seeds span at p = 0.8 and 1 (the plateau)
    plateau: { min: Math.min(...[c[c.length - 2], rl].map((r) =>
      r.epochsToFit!), ...s.flatMap((e) => [e.midEpochs!,
      e.randomEpochs!])), max: Math.max(...[c[c.length - 2], rl]
      .map((r) => r.epochsToFit!), ...s.flatMap((e) => [e.midEpochs!,
      e.randomEpochs!])) },
    midEpochsText: [c[c.length - 2].epochsToFit,
      ...s.map((e) => e.midEpochs)].join(', '),
    paper: paper(),
    trueTests: [t.testAccuracy, ...s.map((e) => e.trueTest)]
      .map(pct).join(', '),
    randomEpochsText: [rl.epochsToFit, ...s.map((e) => e.randomEpochs)]
      .join(', '),
    trueEpochsText: [t.epochsToFit, ...s.map((e) => e.trueEpochs)]
      .join(', '),
    chance: 1 / SETUP.classes,
    // binomial standard error of an accuracy of 1/c on the test images
    chanceSe: Math.sqrt((1 / SETUP.classes) * (1 - 1 / SETUP.classes) /
      SETUP.nTest),
    fixture: { n: torchRef.n, d: torchRef.d,
      nNew: torchRef.XNew.length / torchRef.d },
    lossAlt: 'Training loss on a log scale against minibatch steps for ' +
      'true labels, random labels, shuffled pixels, random pixels and ' +
      'Gaussian inputs; every run ends where its training error ' +
      `reaches 0: ${VARIANTS().map((x) => `${x.label} after ` +
        `${(x.r.epochsToFit ?? NaN) * x.r.stepsPerEpoch} steps`)
        .join(', ')}.`,
    epochsAlt: 'Epochs until training error 0 against the fraction of ' +
      'labels corrupted: ' + c.map((r) => `${r.p}: ${r.epochsToFit}`)
      .join(', ') + '; squares for two more seeds at 0, 0.8 and 1.',
    testAlt: 'Test error at training error 0 against the fraction of ' +
      'labels corrupted, rising from ' + pct(1 - c[0].testAccuracy) +
      ' to ' + pct(1 - rl.testAccuracy) + ', with chance (90%) dashed.',
    table: regularized(), reg: REG,
    construction: k,
    agreement: agreement(),
    // the random-label run's training accuracy when true labels fit
    randomAtTrueFit: rl.history[t.epochsToFit! - 1].trainAccuracy,
  };
}, { reason: 'trains 21 small networks on 300 digits until every ' +
  'training label is fitted (random labels included)' });
