// Build-time computation of "xgboost": its figures and every number its
// prose shows, computed by the chapter's code (code/xgboost) and cached
// (see src/lib/cache.ts). Seeded throughout. Colour is always paired
// with a dash pattern, a symbol or a direct label.
import { cached } from '../lib/cache.ts';
import { pairedDifference } from '../../code/statistics/paired.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import fxRaw from '../../tests/fixtures/xgboost/xgboost.json' with {
  type: 'json',
};
import benchRaw from '../../tests/fixtures/xgboost/benchmark.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  type XGBoostModel,
  fitXGBoost,
  float32Below,
  predictMargin,
} from '../../code/xgboost/booster.ts';
import {
  fromXGBoostParams,
  realData,
  rowsOf,
  xorData,
} from '../../code/xgboost/data.ts';
import { gainCurve } from '../../code/xgboost/gains.ts';
import { gradients, sigmoid32 } from '../../code/xgboost/objective.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = fxRaw as any;
const bench = benchRaw;

/** Figures are drawn 520 px wide with 16 px text, so that on a 390 px
 *  phone (a 358 px column) the text is still 11 px. */
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };
const axis = { labelArrow: 'none', labelAnchor: 'center' } as const;
const yAxis = { labelArrow: 'none', labelAnchor: 'top' } as const;

const data = once(realData);

// ---------------------------------------------------------------------
// 1. Against XGBoost 1.7.4: every fixture case refitted

/** Our model for a fixture case, on the same rows. */
function fitCase(c: any) {
  const s = c.data === 'xor' ? xorData()
    : (data() as any)[c.data];
  const train = rowsOf(s.X, s.y, 0, c.train, c.nan);
  const model = fitXGBoost(train.X, train.y,
    fromXGBoostParams(c.params, c.rounds));
  const test = c.test > 0
    ? rowsOf(s.X, s.y, c.train, c.train + c.test, c.nan) : null;
  return { model, train, test };
}

/** Does our tree k equal XGBoost's, node by node (pre-order)? */
function sameTree(m: XGBoostModel, k: number, ref: any[], nan: boolean) {
  const t = m.trees[k];
  if (t.tree.nodeCount !== ref.length) return false;
  return ref.every((r, q) => 'leaf' in r
    ? t.tree.left[q] === -1 && t.tree.value[q] === Math.fround(r.leaf)
    : t.tree.feature[q] === r.feature && t.split[q] === Math.fround(r.split)
      && (!nan || (t.tree.missingLeft[q] === 1) === r.missingLeft));
}

function maxRel(a: ArrayLike<number>, b: number[]): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) {
    m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  }
  return m;
}

const reference = once(() => fx.cases.map((c: any) => {
  const { model, train, test } = fitCase(c);
  const nodes = model.trees.reduce((s, t) => s + t.tree.nodeCount, 0);
  const same = c.trees.every((ref: any[], k: number) =>
    sameTree(model, k, ref, c.nan.length > 0));
  const dTrain = maxRel(predictMargin(model, train.X), c.trainMargin);
  const dTest = test ? maxRel(predictMargin(model, test.X), c.testMargin)
    : 0;
  let gainGap = 0; // largest relative gap of a recorded gain
  c.trees.forEach((ref: any[], k: number) => ref.forEach((r, q) => {
    if ('leaf' in r || !same) return;
    gainGap = Math.max(gainGap,
      Math.abs(model.trees[k].gain[q] - r.gain) / Math.abs(r.gain));
  }));
  return { name: c.name, method: c.params.tree_method, gainGap,
    objective: c.params.objective, n: c.train, rounds: c.rounds,
    maxBin: c.params.tree_method === 'hist' ? c.params.max_bin : null,
    nan: c.nan.length > 0, nodes, same, diff: Math.max(dTrain, dTest) };
}));

// ---------------------------------------------------------------------
// 2. Exact against histogram gains of one feature at the root

const GAIN_ROWS = 200;
const GAIN_BINS = 16;
const GAIN_FEATURE = 2; // BMI
const PENALTY = { lambda: 1, alpha: 0, minChildWeight: 1 };

const gainStudy = once(() => {
  const { X, y } = rowsOf(data().diabetes.X, data().diabetes.y, 0,
    GAIN_ROWS);
  const F = new Float64Array(y.length).fill(150);
  const { g, h } = gradients('reg:squarederror', y, F);
  const x = Float64Array.from({ length: y.length },
    (_, i) => X.data[i * X.cols + GAIN_FEATURE]);
  const exact = gainCurve(x, g, h, PENALTY);
  const hist = gainCurve(x, g, h, PENALTY, GAIN_BINS);
  const top = (c: typeof exact) => c.reduce((a, b) =>
    b.gain > a.gain ? b : a);
  return { exact, hist, bestExact: top(exact), bestHist: top(hist) };
});

function gainFigure(): string {
  const { exact, hist, bestExact } = gainStudy();
  const k = 1e3; // gains in thousands
  const ex = exact.map((p) => ({ BMI: p.split, gain: p.gain / k }));
  const hi = hist.map((p) => ({ BMI: p.split, gain: p.gain / k }));
  return renderPlot({
    width: WIDTH, height: 330, style: STYLE, marginLeft: 56,
    marginBottom: 44, marginTop: 30,
    x: { label: 'split value s of BMI (go left if BMI < s)', ...axis },
    y: { label: 'gain (thousands)', grid: true, ...yAxis },
    marks: [
      Plot.line(ex, { x: 'BMI', y: 'gain', stroke: PALETTE[0],
        strokeWidth: 1.5 }),
      Plot.dot(hi, { x: 'BMI', y: 'gain', r: 5, symbol: 'square',
        stroke: PALETTE[1], fill: PALETTE[1], fillOpacity: 0.25,
        strokeWidth: 2 }),
      Plot.dot([bestExact], { x: (p) => p.split, y: (p) => p.gain / k,
        r: 4, fill: PALETTE[0] }),
      label(31, 0.97 * bestExact.gain / k, 'every split (line),', {}),
      label(31, 0.89 * bestExact.gain / k,
        `best at s = ${bestExact.split.toFixed(2)} (dot)`, {}),
      label(31, 0.78 * bestExact.gain / k,
        `${GAIN_BINS} bins (squares)`, {}),
    ],
  });
}

function gainAlt(): string {
  const { hist } = gainStudy();
  return `Gain against the split value of BMI at the root, for ` +
    `${GAIN_ROWS} diabetes patients. A solid line joins the gains of ` +
    `every split between two distinct BMI values; it is low at both ` +
    `ends and rises to a broad peak in the upper twenties. ` +
    `${hist.length} square markers, the histogram's candidates, lie ` +
    `exactly on the line at a subset of its points; the highest square ` +
    `is just below and to the left of the line's peak.`;
}

// ---------------------------------------------------------------------
// 3. Held-out log loss against rounds for three values of λ

const LAMBDAS = [0, 1, 30];
const L_ROUNDS = 60;
const L_TRAIN = 369;

const cancerSplit = once(() => {
  const { X, y } = data().breast_cancer;
  const order = createRng(27).shuffle(
    Array.from({ length: X.rows }, (_, i) => i));
  const take = (idx: number[]) => {
    const out = new Matrix(idx.length, X.cols);
    idx.forEach((i, t) => out.data.set(
      X.data.subarray(i * X.cols, (i + 1) * X.cols), t * X.cols));
    return { X: out, y: Float64Array.from(idx, (i) => y[i]) };
  };
  return { train: take(order.slice(0, L_TRAIN)),
    test: take(order.slice(L_TRAIN)) };
});

/** Per-point log loss of the model's first m trees on (X, y). */
function pointLoss(model: XGBoostModel, m: number, X: Matrix,
  y: ArrayLike<number>): Float64Array {
  const F = predictMargin({ ...model, trees: model.trees.slice(0, m) }, X);
  return F.map((f, i) => {
    const p = Math.min(Math.max(sigmoid32(f), 1e-7), 1 - 1e-7);
    return -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
  });
}

const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
};

const lambdaStudy = once(() => {
  const { train, test } = cancerSplit();
  return LAMBDAS.map((lambda) => {
    const model = fitXGBoost(train.X, train.y, {
      objective: 'binary:logistic', rounds: L_ROUNDS, maxDepth: 4,
      eta: 0.3, lambda });
    const curve = Array.from({ length: L_ROUNDS }, (_, m) =>
      mean(pointLoss(model, m + 1, test.X, test.y)));
    let best = 0;
    curve.forEach((v, m) => { if (v < curve[best]) best = m; });
    const last = pointLoss(model, L_ROUNDS, test.X, test.y);
    const leaves = model.trees.reduce((s, t) =>
      s + t.tree.left.filter((l) => l === -1).length, 0);
    return { lambda, curve, bestRound: best + 1, best: curve[best],
      final: curve[L_ROUNDS - 1], last, leaves };
  });
});

/** Mean and standard error of paired differences a − b. */
function paired(a: Float64Array, b: Float64Array) {
  const { mean: diff, se } = pairedDifference(a, b);
  return { diff, se };
}

function lambdaFigure(): string {
  const s = lambdaStudy();
  const dashes = ['none', '8,4', '2,3'];
  const rows = s.flatMap((r) => r.curve.map((v, m) => ({
    round: m + 1, loss: v, lambda: `λ = ${r.lambda}` })));
  return renderPlot({
    width: WIDTH, height: 330, style: STYLE, marginLeft: 56,
    marginBottom: 44, marginTop: 30, marginRight: 70,
    x: { label: 'round m', ...axis },
    y: { label: 'held-out log loss', type: 'log', grid: true,
      ticks: [0.08, 0.1, 0.15, 0.2, 0.3, 0.5], tickFormat: '~g',
      ...yAxis },
    marks: [
      ...s.map((r, k) => Plot.line(rows.filter((q) =>
        q.lambda === `λ = ${r.lambda}`), { x: 'round', y: 'loss',
        stroke: PALETTE[k], strokeWidth: 2,
        strokeDasharray: dashes[k] })),
      ...s.map((r, k) => label(L_ROUNDS, r.final, `λ = ${r.lambda}`,
        { dx: 6, dy: [-8, 8, 0][k] })), // the top two lie close
    ],
  });
}

// ---------------------------------------------------------------------
// 4. A learned default direction: gains with missing left or right

const MISS_FEATURE = 22; // worst perimeter
const MISS_ROWS = 150;

const missingStudy = once(() => {
  const { X, y } = rowsOf(data().breast_cancer.X, data().breast_cancer.y,
    0, MISS_ROWS, [MISS_FEATURE]);
  const F = new Float64Array(y.length); // base_score 0.5: margin 0
  const { g, h } = gradients('binary:logistic', y, F);
  const x = Float64Array.from({ length: y.length },
    (_, i) => X.data[i * X.cols + MISS_FEATURE]);
  const left = gainCurve(x, g, h, PENALTY, 0, true);
  const right = gainCurve(x, g, h, PENALTY, 0, false);
  let nMissing = 0;
  let malignantMissing = 0;
  x.forEach((v, i) => {
    if (Number.isNaN(v)) { nMissing++; malignantMissing += y[i]; }
  });
  const top = (c: typeof left) => c.reduce((a, b) =>
    b.gain > a.gain ? b : a);
  const model = fitXGBoost(X, y, { objective: 'binary:logistic',
    rounds: 1, maxDepth: 1 });
  const bestRight = top(right);
  // the first split value at which missing-left gains at least as much
  const leftAt = new Map(left.map((p) => [p.split, p.gain]));
  const cross = right.find((p) =>
    (leftAt.get(p.split) ?? -Infinity) >= p.gain)!.split;
  let below = 0, belowMal = 0, above = 0, aboveMal = 0;
  x.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    if (v < bestRight.split) { below++; belowMal += y[i]; }
    else { above++; aboveMal += y[i]; }
  });
  const leftAtBest = left.find((p) => p.split === bestRight.split)!;
  return { left, right, bestLeft: leftAtBest, bestRight, cross,
    shareBelow: belowMal / below, shareAbove: aboveMal / above,
    nMissing, malignantMissing, n: y.length,
    rootFeature: model.trees[0].tree.feature[0],
    rootMissingLeft: model.trees[0].tree.missingLeft[0] === 1,
    rootSplit: model.trees[0].split[0] };
});

function missingFigure(): string {
  const s = missingStudy();
  const rows = (c: typeof s.left, side: string) => c.map((p) => ({
    perimeter: p.split, gain: p.gain, side }));
  return renderPlot({
    width: WIDTH, height: 330, style: STYLE, marginLeft: 56,
    marginBottom: 44, marginTop: 30,
    x: { label: 'split value s of worst perimeter', ...axis },
    y: { label: 'gain', grid: true, ...yAxis },
    marks: [
      Plot.line(rows(s.left, 'missing left'), { x: 'perimeter',
        y: 'gain', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.line(rows(s.right, 'missing right'), { x: 'perimeter',
        y: 'gain', stroke: PALETTE[1], strokeWidth: 2,
        strokeDasharray: '8,4' }),
      label(125, 0.95 * s.bestRight.gain, 'missing right (dashed)', {}),
      label(125, 0.83 * s.bestRight.gain, 'missing left (solid)', {}),
    ],
  });
}

// ---------------------------------------------------------------------
// 5. Pitfalls: min_child_weight on log loss, base_score, bins

const hessStudy = once(() => {
  const { train } = cancerSplit();
  const model = fitXGBoost(train.X, train.y, {
    objective: 'binary:logistic', rounds: 20, maxDepth: 4 });
  const F = predictMargin(model, train.X);
  const { h } = gradients('binary:logistic', train.y, F);
  const small = h.filter((v) => v < 0.01).length;
  let H = 0;
  h.forEach((v) => { H += v; });
  return { rounds: 20, n: h.length, small, meanH: H / h.length,
    rowsForOne: Math.ceil(h.length / H) };
});

const baseStudy = once(() => {
  const { X, y } = rowsOf(data().diabetes.X, data().diabetes.y, 0, 300);
  const test = rowsOf(data().diabetes.X, data().diabetes.y, 300, 442);
  const rmse = (base: number, rounds: number) => {
    const m = fitXGBoost(X, y, { rounds, maxDepth: 3, baseScore: base });
    const F = predictMargin(m, test.X);
    return Math.sqrt(mean(F.map((f, i) => (f - test.y[i]) ** 2)));
  };
  return { mean: mean(y), train: y.length, eta: 0.3,
    leftAfter: (1 - 0.3) ** 10, leftEarly: (1 - 0.3) ** 3, atHalf: rmse(0.5, 10),
    atMean: rmse(mean(y), 10), rounds: 10, early: 3,
    atHalfEarly: rmse(0.5, 3), atMeanEarly: rmse(mean(y), 3) };
});

const BIN_GRID = [2, 4, 8, 32, 255];

const binStudy = once(() => {
  const { train, test } = cancerSplit();
  return BIN_GRID.map((maxBin) => {
    const model = fitXGBoost(train.X, train.y, {
      objective: 'binary:logistic', treeMethod: 'hist', rounds: 30,
      maxDepth: 4, maxBin });
    const points = pointLoss(model, 30, test.X, test.y);
    return { maxBin, loss: mean(points), points };
  });
});

/** Each bin count's held-out loss minus 255 bins', with its paired
 *  standard error over the test tumours. */
function binGaps() {
  const b = binStudy();
  const ref = b[b.length - 1].points;
  return b.slice(0, -1).map((q) => ({ maxBin: q.maxBin,
    ...paired(q.points, ref) }));
}

/** The γ example: the xor case's gains (from XGBoost's dump) and the
 *  root threshold of exact and of hist without γ. */
function xorStudy() {
  const c = fx.cases.find((k: any) => k.name === 'xor-exact-gamma');
  const t = c.trees[0];
  const { X, y } = xorData();
  const root = (treeMethod: 'exact' | 'hist') => fitXGBoost(X, y, {
    treeMethod, rounds: 1, maxDepth: 1, baseScore: 5.5 }).trees[0]
    .split[0];
  return { n: c.train, gamma: c.params.gamma, rootGain: t[0].gain,
    childGain: t[1].gain, exactSplit: root('exact'),
    histSplit: root('hist') };
}

/** Guards for sentences of the prose that the numbers must support. */
function checkClaims(ls: ReturnType<typeof lambdaStudy>,
  gap: { diff: number; se: number }) {
  const claims: [boolean, string][] = [
    [Math.abs(gap.diff) < 2 * gap.se, 'λ gap under two standard errors'],
    [ls[2].bestRound === L_ROUNDS, 'λ = 30 still falling at the end'],
    [ls[2].final < Math.min(ls[0].final, ls[1].final),
      'λ = 30 ends below the others'],
    [binGaps().every((q) => Math.abs(q.diff) < 2 * q.se),
      'bin differences within two standard errors'],
  ];
  for (const [ok, what] of claims) {
    if (!ok) throw new Error(`xgboost compute: prose claim fails: ${what}`);
  }
}

export default cached('xgboost', () => {
  const ls = lambdaStudy();
  const gap = paired(ls[0].last, ls[2].last);
  checkClaims(ls, gap);
  const fxDiabetes = fx.cases[0];
  const firstSplit = fxDiabetes.trees[0][0].split;
  return {
    xgboostVersion: fx.versions.xgboost,
    reference: reference(),
    gainGap: reference().reduce((m: number, q: any) =>
      Math.max(m, q.gainGap), 0),
    gainGapDiabetes: reference()[0].gainGap,
    gainFigure: gainFigure(),
    gain: { rows: GAIN_ROWS, bins: GAIN_BINS,
      nExact: gainStudy().exact.length, nHist: gainStudy().hist.length,
      bestExact: gainStudy().bestExact, bestHist: gainStudy().bestHist },
    lambdaFigure: lambdaFigure(),
    lambda: ls.map(({ lambda, bestRound, best, final, leaves }) =>
      ({ lambda, bestRound, best, final, leaves })),
    lambdaTrain: L_TRAIN, lambdaTest: cancerSplit().test.y.length,
    lambdaRounds: L_ROUNDS,
    lambdaGap: gap,
    xor: xorStudy(),
    gainAlt: gainAlt(),
    missingFigure: missingFigure(),
    missing: (({ left, right, ...rest }) => rest)(missingStudy()),
    hess: hessStudy(),
    base: baseStudy(),
    bins: binStudy().map(({ maxBin, loss }) => ({ maxBin, loss })),
    binGaps: binGaps(),
    float32: { printed: firstSplit, stored: Math.fround(firstSplit),
      below: float32Below(Math.fround(firstSplit)) },
    bench: { ratio: bench.ratio, ours: bench.ours.fit_ms,
      theirs: bench.theirs?.fit_ms ?? null, machine: bench.machine,
      load: bench.load_average, date: bench.date, node: bench.node,
      n: bench.n, d: bench.d, rounds: bench.rounds,
      depth: bench.max_depth, maxBin: bench.max_bin,
      rmsDiff: bench.agreement?.rms_difference ?? null,
      rmseOurs: bench.agreement?.train_rmse_ours ?? null,
      rmseTheirs: bench.agreement?.train_rmse_xgboost ?? null },
  };
});
