// Build-time computation of "boosting": its figures and every number
// its prose shows, computed by the chapter's code (code/boosting) and
// cached (see src/lib/cache.ts). Seeded throughout. Colour is always
// paired with a dash pattern, a symbol or a direct label.
import { cached } from '../lib/cache.ts';
import { meanStandardError } from '../../code/statistics/paired.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/boosting/sklearn.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { loadDiabetes } from '../../code/linear-regression/diabetes.ts';
import { loadBreastCancer } from '../../code/logistic-regression/breast-cancer.ts';
import { loadWine } from '../../code/k-nearest-neighbors/wine.ts';
import {
  SINE,
  sineData,
} from '../../code/locally-weighted-regression/synthetic.ts';
import { predictTree } from '../../code/decision-trees/predict.ts';
import {
  fitAdaBoost,
  stagedAdaBoost,
  trainingErrorBound,
} from '../../code/boosting/adaboost.ts';
import {
  type BoostingOptions,
  fitGradientBoosting,
  stagedScores,
} from '../../code/boosting/gradient-boosting.ts';
import {
  flipLabels,
  shareOn,
  wavyData,
} from '../../code/boosting/noise.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sk = skRaw as any;

/** Figures are drawn 520 px wide with 16 px text, so that on a 390 px
 *  phone (a 358 px column) the text is still 11 px. */
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };
const DASHES = ['none', '8,4', '2,3', '12,3,2,3'];
const axis = { labelArrow: 'none', labelAnchor: 'center' } as const;
/** A y axis labelled above its top end, clear of the tick labels. */
const yAxis = { labelArrow: 'none', labelAnchor: 'top' } as const;

/** The rows `idx` of X and y. */
function take(X: Matrix, y: ArrayLike<number>, idx: number[]) {
  const out = new Matrix(idx.length, X.cols);
  idx.forEach((i, t) => out.data.set(
    X.data.subarray(i * X.cols, (i + 1) * X.cols), t * X.cols));
  return { X: out, y: Float64Array.from(idx, (i) => y[i]) };
}

/** A seeded permutation of 0..n−1 cut into pieces of the given sizes. */
function split(n: number, sizes: number[], seed: number): number[][] {
  const order = createRng(seed).shuffle(
    Array.from({ length: n }, (_, i) => i));
  const out: number[][] = [];
  let at = 0;
  for (const s of sizes) { out.push(order.slice(at, at + s)); at += s; }
  return out;
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Mean and standard error of the mean of paired differences. */
function pairedSe(d: ArrayLike<number>) {
  const { mean: diff, se } = meanStandardError(d);
  return { diff, se };
}

// ---------------------------------------------------------------------
// 1. The fit on 1-D data after m rounds

const SINE_ROUNDS = [1, 3, 10, 30, 100];
const SINE_OPTS: BoostingOptions = { nEstimators: 100, eta: 0.3,
  maxDepth: 2, minSamplesLeaf: 3 };

const sineStudy = once(() => {
  const data = sineData();
  const model = fitGradientBoosting(data.X, data.y, SINE_OPTS);
  const gridN = 201;
  const gx = Float64Array.from({ length: gridN }, (_, i) => i / (gridN - 1));
  const onGrid = stagedScores(model, new Matrix(gridN, 1, gx));
  const atData = stagedScores(model, data.X);
  const mse = atData.map((F) => mean(F.map((f, i) => (data.y[i] - f) ** 2)));
  return { data, gx, onGrid, atData, mse };
});

function sineFigure(): string {
  const { data, gx, onGrid, atData } = sineStudy();
  const shown = [1, 10, 100];
  const panel = (m: number) => `after ${m} round${m === 1 ? '' : 's'}`;
  const points = shown.flatMap((m) => Array.from(data.y, (y, i) => ({
    x: data.X.data[i], y, fit: atData[m - 1][i], panel: panel(m) })));
  const curve = shown.flatMap((m) => Array.from(gx, (x, i) => ({
    x, F: onGrid[m - 1][i], panel: panel(m) })));
  return renderPlot({
    width: WIDTH, height: 620, style: STYLE, marginLeft: 50,
    marginBottom: 44, marginTop: 28,
    fy: { label: null, axis: null, domain: shown.map(panel), padding: 0.12 },
    x: { label: 'x', domain: [0, 1], ticks: 5, ...axis },
    y: { label: 'y', domain: [-1.8, 1.8], ticks: [-1, 0, 1], ...yAxis },
    marks: [
      Plot.link(points, { x1: 'x', x2: 'x', y1: 'y', y2: 'fit',
        fy: 'panel', stroke: PALETTE[4], strokeOpacity: 0.7, clip: true }),
      Plot.dot(points, { x: 'x', y: 'y', fy: 'panel', r: 2.5, clip: true,
        stroke: 'currentColor', strokeOpacity: 0.8 }),
      Plot.line(curve, { x: 'x', y: 'F', fy: 'panel', stroke: PALETTE[0],
        strokeWidth: 2.5 }),
      Plot.text(shown.map((m) => ({ panel: panel(m) })), { fy: 'panel',
        frameAnchor: 'top-right', text: 'panel', dx: -4, dy: 4,
        fill: 'currentColor' }),
    ],
  });
}

const DEMO_ROUND = 10;

/** The demo's static figure (print, no JavaScript): one panel. */
function demoFallback(): string {
  const { data, gx, onGrid, atData } = sineStudy();
  const m = DEMO_ROUND;
  const points = Array.from(data.y, (y, i) => ({ x: data.X.data[i], y,
    fit: atData[m - 1][i] }));
  const curve = Array.from(gx, (x, i) => ({ x, F: onGrid[m - 1][i] }));
  return renderPlot({
    width: WIDTH, height: 340, style: STYLE, marginLeft: 50,
    marginBottom: 44, marginTop: 28,
    x: { label: 'x', domain: [0, 1], ticks: 5, ...axis },
    y: { label: 'y', domain: [-1.8, 1.8], ticks: [-1, 0, 1], ...yAxis },
    marks: [
      Plot.link(points, { x1: 'x', x2: 'x', y1: 'y', y2: 'fit',
        stroke: PALETTE[4], strokeOpacity: 0.7, clip: true }),
      Plot.dot(points, { x: 'x', y: 'y', r: 2.5, stroke: 'currentColor',
        clip: true }),
      Plot.line(curve, { x: 'x', y: 'F', stroke: PALETTE[0],
        strokeWidth: 2.5 }),
    ],
  });
}

function demo() {
  const { data } = sineStudy();
  return {
    data: { x: Array.from(data.X.data), y: Array.from(data.y),
      rounds: SINE_OPTS.nEstimators!, eta: SINE_OPTS.eta!,
      maxDepth: SINE_OPTS.maxDepth!,
      minSamplesLeaf: SINE_OPTS.minSamplesLeaf! },
    fallback: demoFallback(),
    m: DEMO_ROUND,
  };
}

// ---------------------------------------------------------------------
// 2. Shrinkage against the number of rounds (diabetes)

const ETAS = [1, 0.3, 0.1, 0.03];
const SHRINK_ROUNDS = 500;
const TREE = { maxDepth: 2, minSamplesLeaf: 5 };

const diabetesSplit = once(() => {
  const { X, y } = loadDiabetes();
  const [a, b, c] = split(X.rows, [200, 100, X.rows - 300], 2026);
  return { train: take(X, y, [...a, ...b]), fit: take(X, y, a),
    validation: take(X, y, b), test: take(X, y, c) };
});

function testMse(F: Float64Array, y: Float64Array) {
  return mean(F.map((f, i) => (y[i] - f) ** 2));
}

const shrinkStudy = once(() => {
  const { train, test } = diabetesSplit();
  return ETAS.map((eta) => {
    const model = fitGradientBoosting(train.X, train.y,
      { ...TREE, eta, nEstimators: SHRINK_ROUNDS });
    const staged = stagedScores(model, test.X);
    const curve = staged.map((F) => testMse(F, test.y));
    let best = 0;
    curve.forEach((v, m) => { if (v < curve[best]) best = m; });
    const sq = (m: number) => staged[m].map((f, i) => (test.y[i] - f) ** 2);
    return { eta, curve, bestRound: best + 1, bestMse: curve[best],
      finalMse: curve[SHRINK_ROUNDS - 1], sq };
  });
});

function shrinkFigure(): string {
  const rows = shrinkStudy().flatMap((s) => s.curve.map((v, m) => ({
    round: m + 1, mse: v, eta: `η = ${s.eta}` })));
  const ends = shrinkStudy().map((s, k) => label(SHRINK_ROUNDS,
    s.finalMse, `η = ${s.eta}`, { dx: 4, dy: [-6, 0, 6, 12][k] }));
  return renderPlot({
    width: WIDTH, height: 360, style: STYLE, marginLeft: 62,
    marginRight: 82, marginBottom: 44, marginTop: 28,
    x: { type: 'log', label: 'rounds m', domain: [1, SHRINK_ROUNDS],
      ticks: [1, 3, 10, 30, 100, 300], tickFormat: (v: number) => String(v),
      ...axis },
    y: { label: 'held-out MSE', domain: [2500, 6500], ...yAxis },
    marks: [
      ...ETAS.map((eta, k) => Plot.line(rows.filter(
        (r) => r.eta === `η = ${eta}`), { x: 'round', y: 'mse',
        stroke: PALETTE[k], strokeWidth: 2, strokeDasharray: DASHES[k] })),
      ...ends,
    ],
  });
}

// ---------------------------------------------------------------------
// 3. Early stopping and subsampling (diabetes)

const earlyStudy = once(() => {
  const { fit, validation, test } = diabetesSplit();
  const stopped = fitGradientBoosting(fit.X, fit.y, { ...TREE, eta: 0.1,
    nEstimators: 1000, validation, nIterNoChange: 10 });
  const full = fitGradientBoosting(fit.X, fit.y, { ...TREE, eta: 0.1,
    nEstimators: 1000 });
  const last = (m: typeof full) => stagedScores(m, test.X).at(-1)!;
  const a = last(stopped);
  const b = last(full);
  const d = Float64Array.from(test.y, (y, i) => (y - a[i]) ** 2 -
    (y - b[i]) ** 2);
  return { rounds: stopped.trees.length, maxRounds: 1000, patience: 10,
    stoppedMse: testMse(a, test.y), fullMse: testMse(b, test.y),
    ...pairedSe(d), nTest: test.y.length };
});

const SUB_SPLITS = 10;
const subsampleStudy = once(() => {
  const { X, y } = loadDiabetes();
  const diffs: number[] = [];
  const pairs: { full: number; half: number }[] = [];
  for (let s = 0; s < SUB_SPLITS; s++) {
    const [a, c] = split(X.rows, [300, X.rows - 300], 100 + s);
    const tr = take(X, y, a);
    const te = take(X, y, c);
    const opts = { ...TREE, eta: 0.1, nEstimators: 200, seed: s };
    const mse = (sub: number) => testMse(stagedScores(
      fitGradientBoosting(tr.X, tr.y, { ...opts, subsample: sub }),
      te.X).at(-1)!, te.y);
    const p = { full: mse(1), half: mse(0.5) };
    pairs.push(p);
    diffs.push(p.half - p.full);
  }
  return { splits: SUB_SPLITS, rounds: 200, ...pairedSe(diffs),
    full: mean(pairs.map((p) => p.full)),
    half: mean(pairs.map((p) => p.half)) };
});

// ---------------------------------------------------------------------
// 4. AdaBoost's training error and its bound (breast cancer)

const BOUND_ROUNDS = 100;
const boundStudy = once(() => {
  const { X, y } = loadBreastCancer();
  const model = fitAdaBoost(X, y, { nEstimators: BOUND_ROUNDS });
  const error = stagedAdaBoost(model, X).map((p) =>
    mean(p.map((c, i) => (c !== y[i] ? 1 : 0))));
  const bound = trainingErrorBound(model.errors);
  return { error, bound, n: X.rows, firstError: model.errors[0],
    rounds: model.alphas.length };
});

function boundFigure(): string {
  const { error, bound } = boundStudy();
  const rows = error.flatMap((e, m) => [
    { round: m + 1, value: bound[m], curve: 'bound' },
    ...(e > 0 ? [{ round: m + 1, value: e, curve: 'training error' }] : []),
  ]);
  // drawn narrower than the others: it sits in a folded "Deeper" box,
  // whose column is 327 px on a 390 px phone (16 px × 327/470 ≈ 11 px)
  return renderPlot({
    width: 470, height: 320, style: STYLE, marginLeft: 62,
    marginBottom: 44, marginTop: 28, marginRight: 20,
    x: { label: 'rounds m', domain: [0, BOUND_ROUNDS], ...axis },
    y: { type: 'log', label: 'share of training points', domain: [1e-3, 1],
      ticks: [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1],
      tickFormat: (v: number) => String(v), ...yAxis },
    marks: [
      Plot.line(rows.filter((r) => r.curve === 'bound'), { x: 'round',
        y: 'value', stroke: PALETTE[0], strokeWidth: 2,
        strokeDasharray: '8,4' }),
      Plot.line(rows.filter((r) => r.curve === 'training error'),
        { x: 'round', y: 'value', stroke: PALETTE[4], strokeWidth: 2,
          curve: 'step-after' }),
      label(40, bound[39], 'bound (dashed)', { dy: -14 }),
      // at the end of the solid line (its last nonzero value is 1/n)
      label(36, 0.0018, 'training error (solid)'),
    ],
  });
}

// ---------------------------------------------------------------------
// 5. Label noise: AdaBoost on clean and on flipped labels

const NOISE = { n: 300, share: 0.2, rounds: 400, seed: 5, nTest: 5000 };
const noiseStudy = once(() => {
  const tr = wavyData(NOISE.n, 21);
  const te = wavyData(NOISE.nTest, 22);
  const noisy = flipLabels(tr.y, NOISE.share, NOISE.seed);
  const errors = (staged: Float64Array[]) => staged.map((p) =>
    Float64Array.from(p, (c, i) => (c !== te.y[i] ? 1 : 0)));
  const ada = (y: Float64Array) => fitAdaBoost(tr.X, y,
    { nEstimators: NOISE.rounds });
  const noisyAda = ada(noisy.y);
  const clean = errors(stagedAdaBoost(ada(tr.y), te.X));
  const dirty = errors(stagedAdaBoost(noisyAda, te.X));
  // review: AdaBoost at the log-loss run's learning rate, so that the
  // two losses are compared at the same step size
  const slow = errors(stagedAdaBoost(fitAdaBoost(tr.X, noisy.y,
    { nEstimators: NOISE.rounds, eta: 0.1 }), te.X));
  const gb = fitGradientBoosting(tr.X, noisy.y, { loss: 'log_loss',
    eta: 0.1, maxDepth: 1, nEstimators: NOISE.rounds });
  const logLoss = errors(stagedScores(gb, te.X).map((F) =>
    F.map((f) => (f > 0 ? 1 : 0))));
  // AdaBoost's weights after the last round, Eq. (ada-update) unrolled
  const logW = new Float64Array(NOISE.n);
  noisyAda.stumps.forEach((h, m) => predictTree(h, tr.X).forEach(
    (c, i) => { if (c !== noisy.y[i]) logW[i] += noisyAda.alphas[m]; }));
  let top = -Infinity;
  for (const v of logW) top = Math.max(top, v);
  const M = NOISE.rounds - 1;
  const curves = { clean: clean.map(mean), noisy: dirty.map(mean),
    logLoss: logLoss.map(mean) };
  return { ...NOISE, curves,
    weightShare: shareOn(logW.map((v) => Math.exp(v - top)),
      noisy.flipped),
    clean1: curves.clean[M], noisy1: curves.noisy[M],
    log1: curves.logLoss[M],
    noisyVsClean: pairedSe(dirty[M].map((e, i) => e - clean[M][i])),
    noisyVsLog: pairedSe(dirty[M].map((e, i) => e - logLoss[M][i])),
    slow1: mean(slow[M]),
    slowVsLog: pairedSe(slow[M].map((e, i) => e - logLoss[M][i])),
    noisyBest: curves.noisy.slice(0, 50).reduce((a, b) => Math.min(a, b)),
  };
});

function noiseFigure(): string {
  const { curves } = noiseStudy();
  const names = [['clean', 'AdaBoost, clean labels'],
    ['noisy', 'AdaBoost, 20 % flipped'],
    ['logLoss', 'log loss, 20 % flipped']] as const;
  const rows = names.flatMap(([key, name]) => curves[key].map((v, m) =>
    ({ round: m + 1, error: v, name })));
  return renderPlot({
    width: WIDTH, height: 360, style: STYLE, marginLeft: 62,
    marginBottom: 44, marginTop: 28, marginRight: 20,
    x: { type: 'log', label: 'rounds m', domain: [1, NOISE.rounds],
      ticks: [1, 3, 10, 30, 100, 300], tickFormat: (v: number) => String(v),
      ...axis },
    y: { label: 'test error', domain: [0, 0.4],
      tickFormat: (v: number) => `${Math.round(v * 100)} %`, ...yAxis },
    marks: [
      ...names.map(([, name], k) => Plot.line(rows.filter(
        (r) => r.name === name), { x: 'round', y: 'error',
        stroke: [PALETTE[2], PALETTE[4], PALETTE[0]][k], strokeWidth: 2,
        strokeDasharray: DASHES[k] })),
      label(60, 0.035, 'clean labels', { dy: -14 }),
      label(300, 0.16, '20 % of labels flipped',
        { anchor: 'end', dy: -8 }),
      label(4, 0.215, 'log loss, η = 0.1 (dotted)', { dy: -12 }),
    ],
  });
}

// ---------------------------------------------------------------------
// 6. Exponential and log loss as functions of the margin

function lossFigure(): string {
  const zs = Array.from({ length: 121 }, (_, i) => -2 + i * 0.04);
  const rows = zs.flatMap((z) => [
    { z, loss: Math.exp(-z), name: 'exponential' },
    { z, loss: Math.log2(1 + Math.exp(-z)), name: 'log loss (bits)' },
    { z, loss: z <= 0 ? 1 : 0, name: '0–1' },
  ]);
  const styles = [['exponential', PALETTE[4], 'none'],
    ['log loss (bits)', PALETTE[0], '8,4'], ['0–1', 'currentColor', '2,3']];
  return renderPlot({
    width: WIDTH, height: 320, style: STYLE, marginLeft: 50,
    marginBottom: 44, marginTop: 28,
    x: { label: 'margin y f(x)', domain: [-2, 2.8], ...axis },
    y: { label: 'loss', domain: [0, 7.5], ...yAxis },
    marks: [
      ...styles.map(([name, color, dash]) => Plot.line(rows.filter(
        (r) => r.name === name), { x: 'z', y: 'loss', stroke: color,
        strokeWidth: 2, strokeDasharray: dash })),
      label(-1.95, Math.exp(1.95), 'exponential', { dx: 6 }),
      label(-1.9, 2.9, 'log loss', { dy: 12 }),
      label(1.2, 1, '0–1', { dy: -10 }),
    ],
  });
}

// ---------------------------------------------------------------------
// 7. Against scikit-learn: the largest gaps, from the tests' own fits

const referenceTable = once(() => {
  const d = loadDiabetes();
  const b = loadBreastCancer();
  const w = loadWine();
  const rowsOf = (n: number, keep: (i: number) => boolean) =>
    Array.from({ length: n }, (_, i) => i).filter(keep);
  const gap = (staged: Float64Array[], want: number[][]) => {
    let g = 0;
    staged.forEach((F, m) => F.forEach((f, i) => {
      g = Math.max(g, Math.abs(f - want[m][i]));
    }));
    return g;
  };
  const gb = (name: string, s: any, X: Matrix, y: ArrayLike<number>,
    keep: (i: number) => boolean, want: number[][]) => {
    const t = take(X, y, rowsOf(X.rows, keep));
    const model = fitGradientBoosting(t.X, t.y, { loss: s.loss,
      nEstimators: s.n_estimators, eta: s.learning_rate,
      maxDepth: s.max_depth, minSamplesLeaf: s.min_samples_leaf,
      alpha: s.alpha });
    return { name, rounds: s.n_estimators, depth: s.max_depth,
      leaf: s.min_samples_leaf, gap: gap(stagedScores(model, X), want) };
  };
  const r = sk.regression;
  return [
    gb('squared error', r.squared_error.settings, d.X, d.y,
      (i) => i < 300, r.squared_error.staged),
    gb('absolute error', r.absolute_error.settings, d.X, d.y,
      (i) => i < 300, r.absolute_error.staged),
    gb('Huber, q = 0.9', r.huber.settings, d.X, d.y,
      (i) => i < 300, r.huber.staged),
    gb('log loss, 2 classes', sk.binary.settings, b.X,
      b.y, (i) => i < 400, sk.binary.staged),
    gb('log loss, 3 classes', sk.multiclass.settings, w.X, w.y,
      (i) => i % 3 !== 2, sk.multiclass.staged),
  ];
});

export default cached('boosting', () => ({
  sineFigure: sineFigure(),
  demo: demo(),
  sineRounds: SINE_ROUNDS.map((m) => ({ m,
    mse: sineStudy().mse[m - 1] })),
  sineN: sineStudy().data.y.length,
  sineNoiseVar: SINE.noise ** 2,
  sizes: (() => {
    const shape = (X: Matrix) => [X.rows, X.cols];
    return { diabetes: shape(loadDiabetes().X),
      cancer: shape(loadBreastCancer().X), wine: shape(loadWine().X) };
  })(),
  split: { train: diabetesSplit().train.y.length,
    test: diabetesSplit().test.y.length,
    fit: diabetesSplit().fit.y.length,
    validation: diabetesSplit().validation.y.length },
  gbRounds: sk.binary.settings.n_estimators,
  gbEta: sk.binary.settings.learning_rate,
  adaRounds: sk.adaboost_binary.n_estimators,
  seedCount: 10,
  seedGap: Math.max(sk.regression.squared_error.seeds,
    sk.regression.absolute_error.seeds, sk.regression.huber.seeds,
    sk.binary.seeds, sk.multiclass.seeds),
  sineEta: SINE_OPTS.eta!,
  shrinkFigure: shrinkFigure(),
  shrink: shrinkStudy().map(({ eta, bestRound, bestMse, finalMse }) =>
    ({ eta, bestRound, bestMse, finalMse })),
  shrinkRounds: SHRINK_ROUNDS,
  early: earlyStudy(),
  subsample: subsampleStudy(),
  boundFigure: boundFigure(),
  bound: { n: boundStudy().n, rounds: boundStudy().rounds,
    firstError: boundStudy().firstError,
    error10: boundStudy().error[9], bound10: boundStudy().bound[9],
    error100: boundStudy().error[BOUND_ROUNDS - 1],
    bound100: boundStudy().bound[BOUND_ROUNDS - 1],
    zeroAt: boundStudy().error.findIndex((e) => e === 0) + 1 },
  noiseFigure: noiseFigure(),
  noise: (({ curves, ...rest }) => rest)(noiseStudy()),
  lossFigure: lossFigure(),
  reference: referenceTable(),
  friedman: Math.max(sk.regression.squared_error.friedman_mse,
    sk.regression.absolute_error.friedman_mse,
    sk.regression.huber.friedman_mse, sk.binary.friedman_mse,
    sk.multiclass.friedman_mse),
  adaWeightsBinary: sk.adaboost_binary.weights.slice(0, 3),
  sklearnVersion: sk.versions.sklearn,
}), { reason: 'about 2,000 boosted trees for the shrinkage, early ' +
  'stopping and subsampling studies on diabetes; 8 s of CPU, more ' +
  'wall time on a shared machine' });
