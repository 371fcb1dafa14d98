// Build-time computation of "Model evaluation, bias–variance and
// generalization": its figures and every number its prose shows,
// computed by the chapter's code, seeded, and cached (src/lib/cache.ts).
// Colour is always paired with a dash pattern, a symbol or a direct
// label, so print and colour-blind readers lose nothing.
import { cached } from '../lib/cache.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { powerOfTen } from '../lib/format.ts';
import sk from '../../tests/fixtures/model-evaluation/sklearn.json' with {
  type: 'json',
};
import lrSk from '../../tests/fixtures/linear-regression/sklearn.json' with {
  type: 'json',
};
import { relativeError } from '../../code/introduction/check.ts';
import { moments, normalProbability } from '../../code/introduction/stats.ts';
import { loadDiabetes } from '../../code/linear-regression/diabetes.ts';
import { meanSquaredError } from '../../code/linear-regression/metrics.ts';
import { kFoldIndices } from '../../code/regularization/cross-validation.ts';
import {
  learningCurve,
  leastSquares,
} from '../../code/model-evaluation/cross-validation.ts';
import {
  fitPolynomial,
  predictPolynomial,
} from '../../code/model-evaluation/polynomial.ts';
import {
  CURVE,
  SPREAD,
  diabetesCrossValidation,
  diabetesHoldout,
  diabetesLearningCurve,
  diabetesSpread,
} from '../../code/model-evaluation/diabetes.ts';
import {
  CURVES,
  FITS,
  OPTIMISM,
  SINE,
  SWEEP,
  degreeSweep,
  designConditioning,
  fitsAtDegrees,
  learningCurves,
  optimismTable,
} from '../../code/model-evaluation/experiments.ts';
import { leakageStudy } from '../../code/model-evaluation/solutions/leakage.ts';
import { looMse } from '../../code/model-evaluation/solutions/loo-least-squares.ts';
import {
  ridgeFeatures,
  ridgeOptimism,
  ridgeTrace,
} from '../../code/model-evaluation/solutions/ridge-optimism.ts';
import { fixedDesign } from '../../code/model-evaluation/optimism.ts';
import { createRng } from '../../code/introduction/random.ts';

/** Smallest and largest of xs, by a loop (no spread into a call). */
function range(xs: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    min = Math.min(min, xs[i]);
    max = Math.max(max, xs[i]);
  }
  return { min, max };
}

/** Bottom margin that puts the x-axis title on its own line. */
const X_TITLE = { marginBottom: 44 };

// ---------------------------------------------------------------------
// k-fold: which samples each fold holds out.

const KFOLD_DEMO = { n: 20, k: 5 };

/** One row per fold, one cell per sample; held-out cells filled. */
function kFoldFigure(): string {
  const { n, k } = KFOLD_DEMO;
  const cells = kFoldIndices(n, k).flatMap((fold, f) => [
    ...fold.train.map((i) => ({ i, fold: `fold ${f + 1}`, test: false })),
    ...fold.test.map((i) => ({ i, fold: `fold ${f + 1}`, test: true })),
  ]);
  return renderPlot({
    height: 190,
    marginLeft: 50,
    marginBottom: 36,
    x: { label: 'sample index i', tickSize: 0 },
    y: { label: null, tickSize: 0 },
    marks: [
      Plot.cell(cells, {
        x: 'i',
        y: 'fold',
        fill: (d) => (d.test ? PALETTE[1] : 'none'),
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        inset: 1.5,
      }),
      Plot.text(cells.filter((d) => d.test), {
        x: 'i', y: 'fold', text: () => 'T', fill: 'black',
        fontWeight: 'bold',
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// Fits of degree 1, 3 and 9 to many training sets.

type Fits = ReturnType<typeof fitsAtDegrees>;

/** Per grid point: the average fit and the standard error of it. */
function averageFit(preds: Float64Array[]) {
  return preds.map((p) => {
    const m = moments(p);
    return { mean: m.mean, se: Math.sqrt(m.variance / p.length) };
  });
}

/** Some fits (thin), their average ± 2 SE (thick, band), f (dashed). */
function fitsFigure(fits: Fits): string {
  const grid = fits[0].sim.xTest;
  const panel = (degree: number) => `degree ${degree}`;
  const thin: { x: number; y: number; r: number; panel: string }[] = [];
  const mean: { x: number; y: number; lo: number; hi: number;
    panel: string }[] = [];
  for (const { degree, sim } of fits) {
    const avg = averageFit(sim.preds);
    sim.preds.forEach((p, t) => {
      for (let r = 0; r < FITS.shown; r++) {
        thin.push({ x: grid[t], y: p[r], r, panel: panel(degree) });
      }
      const { mean: m, se } = avg[t];
      mean.push({ x: grid[t], y: m, lo: m - 2 * se, hi: m + 2 * se,
        panel: panel(degree) });
    });
  }
  const truth = fits.flatMap(({ degree }) =>
    Array.from(grid, (x) => ({ x, y: SINE.f(x), panel: panel(degree) })));
  return renderPlot({
    height: 270,
    marginTop: 24,
    ...X_TITLE,
    fx: { label: null, padding: 0.14 },
    x: { label: 'x', domain: [0, 1], ticks: [0, 0.5, 1],
      tickFormat: (d: number) => `${d}` },
    y: { label: 'ŷ(x)', domain: [-1.8, 1.8], grid: true },
    marks: [
      Plot.line(thin, {
        fx: 'panel', x: 'x', y: 'y', z: 'r', stroke: PALETTE[0],
        strokeOpacity: 0.35, strokeWidth: 1, clip: true,
      }),
      Plot.areaY(mean, {
        fx: 'panel', x: 'x', y1: 'lo', y2: 'hi', fill: PALETTE[4],
        fillOpacity: 0.4, clip: true,
      }),
      Plot.line(truth, {
        fx: 'panel', x: 'x', y: 'y', stroke: 'currentColor',
        strokeDasharray: '5,4', strokeWidth: 1.6,
      }),
      Plot.line(mean, {
        fx: 'panel', x: 'x', y: 'y', stroke: PALETTE[4], strokeWidth: 2.6,
        clip: true,
      }),
    ],
  });
}

/** At the end of [0, 1] where the average fit misses f most: the gap,
 *  its standard error and their ratio. */
function endGaps(fits: Fits) {
  return fits.map(({ degree, sim }) => {
    const avg = averageFit(sim.preds);
    let worst = { degree, gap: 0, se: 0, z: 0 };
    for (const t of [0, avg.length - 1]) {
      const gap = Math.abs(avg[t].mean - SINE.f(sim.xTest[t]));
      if (gap > worst.gap) {
        worst = { degree, gap, se: avg[t].se, z: gap / avg[t].se };
      }
    }
    return worst;
  });
}

// ---------------------------------------------------------------------
// The U-shaped test error against degree.

type Sweep = ReturnType<typeof degreeSweep>;

/** Whether bias² is more than two standard errors above zero. */
const significant = (r: { bias2: number; bias2Se: number }) =>
  r.bias2 > 2 * r.bias2Se;

/** Test, training, bias², variance and σ² against the degree, log y. */
function uCurveFigure(rows: Sweep): string {
  const series = [
    { key: 'testError', color: PALETTE[4], dash: '', symbol: 'circle' },
    { key: 'trainError', color: PALETTE[0], dash: '6,3',
      symbol: 'square' },
    { key: 'variance', color: PALETTE[3], dash: '10,3,2,3',
      symbol: 'diamond' },
  ] as const;
  const noise = SINE.sigma ** 2;
  const at = (degree: number) => rows[degree];
  const text = (x: number, y: number, t: string, dy: number,
    anchor: 'start' | 'middle' | 'end' = 'middle') =>
    Plot.text([{ x, y }], {
    x: 'x', y: 'y', text: () => t, dy, textAnchor: anchor,
    fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
    strokeWidth: 4, paintOrder: 'stroke',
  });
  const marks: Plot.Markish[] = [
    Plot.ruleY([noise], { stroke: 'currentColor', strokeDasharray: '1,3' }),
  ];
  for (const s of series) {
    const pts = rows.map((r) => ({ degree: r.degree, v: r[s.key] }));
    marks.push(
      Plot.line(pts, { x: 'degree', y: 'v', stroke: s.color,
        strokeWidth: 2, strokeDasharray: s.dash }),
      Plot.dot(pts, { x: 'degree', y: 'v', stroke: s.color,
        fill: s.key === 'testError' ? 'none' : s.color,
        symbol: s.symbol, r: s.key === 'testError' ? 5 : 3.5,
        strokeWidth: 1.5 }),
    );
  }
  // bias²: the estimate ± 2 SE where it is distinguishable from zero,
  // else its upper 2-SE bound as an open downward triangle
  const sure = rows.filter(significant).map((r) => ({
    degree: r.degree, v: r.bias2, lo: r.bias2 - 2 * r.bias2Se,
    hi: r.bias2 + 2 * r.bias2Se,
  }));
  const bound = rows.filter((r) => !significant(r)).map((r) => ({
    degree: r.degree, v: r.bias2 + 2 * r.bias2Se,
  }));
  marks.push(
    Plot.line(sure, { x: 'degree', y: 'v', stroke: PALETTE[2],
      strokeWidth: 2, strokeDasharray: '2,3' }),
    Plot.ruleX(sure, { x: 'degree', y1: 'lo', y2: 'hi', stroke: PALETTE[2],
      strokeWidth: 1.5 }),
    Plot.dot(sure, { x: 'degree', y: 'v', fill: PALETTE[2],
      stroke: PALETTE[2], symbol: 'triangle', r: 4 }),
    Plot.dot(bound, { x: 'degree', y: 'v', fill: 'none',
      stroke: PALETTE[2], symbol: 'triangle', r: 4, strokeWidth: 1.5,
      rotate: 180 }),
  );
  const lastSure = sure[sure.length - 1];
  const firstBound = bound[0];
  marks.push(
    text(2, at(2).testError, 'test error', -12),
    text(1, at(1).variance, 'variance', 16),
    text(5.5, (at(5).trainError + at(6).trainError) / 2, 'training error',
      16),
    text(0, noise, 'noise σ²', -7, 'start'),
    text(lastSure.degree, lastSure.v, 'bias²', 22),
    text(firstBound.degree, firstBound.v, 'upper bounds on bias²', 18,
      'start'),
  );
  return renderPlot({
    height: 400,
    marginTop: 32,
    marginRight: 20,
    ...X_TITLE,
    x: { label: 'polynomial degree q', ticks: rows.map((r) => r.degree),
      tickFormat: (d: number) => `${d}` },
    y: {
      type: 'log', label: 'mean squared error', domain: [3e-5, 100],
      ticks: [1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100],
      tickFormat: powerOfTen, grid: true,
    },
    marks,
  });
}

// ---------------------------------------------------------------------
// Learning curves on the synthetic problem and on diabetes.

type Curves = ReturnType<typeof learningCurves>;

/** Expected training and test error against n, one panel per degree. */
function learningCurvesFigure(curves: Curves): string {
  const rows = curves.flatMap(({ degree, points }) =>
    points.flatMap((p) => [
      { n: p.n, v: p.trainError, kind: 'training',
        panel: `degree ${degree}` },
      { n: p.n, v: p.testError, kind: 'test', panel: `degree ${degree}` },
    ]));
  const style = (kind: string) => ({
    stroke: kind === 'test' ? PALETTE[4] : PALETTE[0],
    dash: kind === 'test' ? '' : '6,3',
  });
  const labels = curves.flatMap(({ degree, points }) => {
    const at = points.find((p) => p.n === 20)!;
    return [
      { n: at.n, v: at.testError, text: 'test', dy: -12,
        panel: `degree ${degree}` },
      { n: at.n, v: at.trainError, text: 'training', dy: 14,
        panel: `degree ${degree}` },
    ];
  });
  const marks: Plot.Markish[] = [
    Plot.ruleY([SINE.sigma ** 2], {
      stroke: 'currentColor', strokeDasharray: '1,3',
    }),
  ];
  for (const kind of ['training', 'test']) {
    const pts = rows.filter((r) => r.kind === kind);
    const { stroke, dash } = style(kind);
    marks.push(
      Plot.line(pts, { fx: 'panel', x: 'n', y: 'v', stroke, strokeWidth: 2,
        strokeDasharray: dash, clip: true }),
      Plot.dot(pts, { fx: 'panel', x: 'n', y: 'v', stroke, fill: stroke,
        r: 3, symbol: kind === 'test' ? 'circle' : 'square', clip: true }),
    );
  }
  for (const dy of [-12, 14]) {
    marks.push(Plot.text(labels.filter((l) => l.dy === dy), {
      fx: 'panel', x: 'n', y: 'v', text: 'text', dy, textAnchor: 'start',
      fill: 'currentColor',
    }));
  }
  return renderPlot({
    height: 330,
    marginTop: 24,
    ...X_TITLE,
    fx: { label: null, padding: 0.1 },
    x: { type: 'log', label: 'training-set size n',
      ticks: [10, 20, 40, 80, 160, 320], tickFormat: (d: number) => `${d}` },
    y: { type: 'log', label: 'mean squared error', domain: [0.02, 1],
      ticks: [0.02, 0.05, 0.1, 0.2, 0.5, 1], grid: true,
      tickFormat: (d: number) => `${d}` },
    marks,
  });
}

type DiabetesCurve = ReturnType<typeof diabetesLearningCurve>;

/** Mean training and validation MSE on diabetes against n, log y. */
function diabetesLearningFigure(pts: DiabetesCurve, cvMse: number) {
  const rows = pts.flatMap((p) => [
    { n: p.n, v: p.train, kind: 'training' },
    { n: p.n, v: p.test, kind: 'validation' },
  ]);
  const at = pts.find((p) => p.n === 25)!;
  const marks: Plot.Markish[] = [
    Plot.ruleY([cvMse], { stroke: 'currentColor', strokeDasharray: '1,3' }),
  ];
  for (const kind of ['training', 'validation']) {
    const color = kind === 'validation' ? PALETTE[4] : PALETTE[0];
    const sel = rows.filter((r) => r.kind === kind);
    marks.push(
      Plot.line(sel, { x: 'n', y: 'v', stroke: color, strokeWidth: 2,
        strokeDasharray: kind === 'validation' ? '' : '6,3', clip: true }),
      Plot.dot(sel, { x: 'n', y: 'v', stroke: color, fill: color, r: 3,
        symbol: kind === 'validation' ? 'circle' : 'square', clip: true }),
    );
  }
  marks.push(
    Plot.text([{ n: at.n, v: at.test }], { x: 'n', y: 'v',
      text: () => 'validation', dx: 6, dy: -12, textAnchor: 'start',
      fill: 'currentColor' }),
    Plot.text([{ n: at.n, v: at.train }], { x: 'n', y: 'v',
      text: () => 'training', dx: 6, dy: 14, textAnchor: 'start',
      fill: 'currentColor' }),
  );
  return renderPlot({
    height: 330,
    ...X_TITLE,
    x: { type: 'log', label: 'training-set size n',
      ticks: [12, 25, 50, 100, 200, 353], tickFormat: (d: number) => `${d}` },
    y: { type: 'log', label: 'mean squared error', domain: [50, 50000],
      ticks: [100, 300, 1000, 3000, 10000, 30000], grid: true,
      tickFormat: (d: number) => (d >= 1000 ? `${d / 1000}k` : `${d}`) },
    marks,
  });
}

// ---------------------------------------------------------------------
// How much the estimate depends on the split.

type Spread = ReturnType<typeof diabetesSpread>;

/** Histograms of hold-out and repeated 10-fold MSE estimates, each
 *  panel on its own count scale. */
function spreadFigure({ holdout, kFold }: Spread): string {
  const all = range([...holdout, ...kFold]);
  const width = 50; // one bin width for both panels
  const lo = width * Math.floor(all.min / width);
  const hi = width * Math.ceil(all.max / width);
  const thresholds = Array.from({ length: (hi - lo) / width + 1 },
    (_, i) => lo + i * width);
  const panel = (values: Float64Array, title: string, color: string,
    last: boolean) => renderPlot({
    height: last ? 170 : 140,
    marginTop: 24,
    ...(last ? X_TITLE : { marginBottom: 12 }),
    x: { label: last ? 'estimated test MSE' : null, grid: true,
      domain: [lo, hi], ...(last ? {} : { tickFormat: () => '' }) },
    y: { label: 'splits', grid: true },
    marks: [
      Plot.rectY(Array.from(values), Plot.binX<Plot.RectYOptions>(
        { y: 'count' }, { x: (v: number) => v, thresholds,
          fill: color, fillOpacity: 0.8, inset: 0.5 })),
      Plot.ruleY([0]),
      Plot.text([title], { text: (d: string) => d, frameAnchor: 'top-right',
        dy: -14, fill: 'currentColor' }),
    ],
  });
  return panel(holdout, 'one 80/20 hold-out split', PALETTE[0], false) +
    panel(kFold, '10-fold cross-validation', PALETTE[2], true);
}

// ---------------------------------------------------------------------
// Agreement with scikit-learn (the committed fixture).

type Cv = ReturnType<typeof diabetesCrossValidation>;

/** Largest relative difference of each comparison with the fixture. */
function agreement(cv: Cv) {
  const worst = (a: ArrayLike<number>, e: ArrayLike<number>) => {
    let w = 0;
    for (let i = 0; i < a.length; i++) {
      w = Math.max(w, relativeError(a[i], e[i]));
    }
    return w;
  };
  const neg = (xs: number[]) => xs.map((v) => -v);
  const ref = sk.cross_val_score;
  const h = diabetesHoldout(sk.holdout.train_rows);
  const { X, y } = loadDiabetes();
  const lcRef = sk.learning_curve;
  const lc = learningCurve(X, y, kFoldIndices(X.rows, lcRef.k),
    lcRef.sizes, leastSquares, meanSquaredError);
  const poly = sk.polynomial;
  const x = Float64Array.from({ length: poly.n }, (_, i) => i / (poly.n - 1));
  const yPoly = x.map((xi, i) =>
    Math.sin(2 * Math.PI * xi) + 0.3 * Math.sin(12.9898 * i));
  const fit = fitPolynomial(x, yPoly, poly.degree, SINE.domain);
  const ours = predictPolynomial(fit, Float64Array.from(poly.grid));
  const kfoldExact = sk.kfold.every((c: { n: number; k: number;
    test: number[][] }) => JSON.stringify(
    kFoldIndices(c.n, c.k).map((f) => f.test)) === JSON.stringify(c.test));
  let polyWorst = 0;
  ours.forEach((v, i) => {
    polyWorst = Math.max(polyWorst, Math.abs(v - poly.predictions[i]));
  });
  return {
    kfoldExact,
    worstCv: Math.max(
      worst(cv.r2.scores, ref.r2),
      worst(cv.mse.scores, neg(ref.neg_mean_squared_error)),
      worst(cv.mae.scores, neg(ref.neg_mean_absolute_error)),
      relativeError(cv.looMse, sk.leave_one_out_mse)),
    holdout: worst([h.mae, h.mse, h.rmse, h.r2],
      [sk.holdout.mae, sk.holdout.mse, sk.holdout.rmse, sk.holdout.r2]),
    worstLc: Math.max(
      worst(lc.train.flat(), neg(lcRef.train_neg_mse.flat())),
      worst(lc.test.flat(), neg(lcRef.test_neg_mse.flat()))),
    poly: polyWorst,
    condScaled: designConditioning(poly.degree, poly.n).scaled,
  };
}

// ---------------------------------------------------------------------
// The optimism table with standard errors.

function optimismRows() {
  const { reps } = OPTIMISM;
  const rows = optimismTable().map((r) => {
    const trainSe = Math.sqrt(r.sim.train.variance / reps);
    const gapSe = Math.sqrt(r.sim.gap.variance / reps);
    const theoryGap = r.theory.inSample - r.theory.train;
    return {
      degree: r.degree, d: r.d,
      theoryTrain: r.theory.train, simTrain: r.sim.train.mean, trainSe,
      zTrain: (r.sim.train.mean - r.theory.train) / trainSe,
      theoryGap, simGap: r.sim.gap.mean, gapSe,
      zGap: (r.sim.gap.mean - theoryGap) / gapSe,
    };
  });
  let zMax = 0;
  for (const r of rows) {
    zMax = Math.max(zMax, Math.abs(r.zTrain), Math.abs(r.zGap));
  }
  const comparisons = 2 * rows.length;
  // chance that the largest of `comparisons` independent |z| is >= zMax
  const pMax = 1 - normalProbability(-zMax, zMax) ** comparisons;
  return { rows, zMax, comparisons, pMax };
}

// ---------------------------------------------------------------------
// The exercises' solutions, run once for the numbers they quote.

function solutions(cv: Cv) {
  const { X, y } = loadDiabetes();
  const leak = leakageStudy();
  const n = 20;
  const lambda_ = 1e-2;
  const degree = 9;
  const x = fixedDesign(SINE, n);
  const trace = ridgeTrace(ridgeFeatures(x, degree, SINE), lambda_);
  const reps = 2000;
  const gap = ridgeOptimism(SINE, x, degree, lambda_, reps,
    createRng(4100));
  return {
    leaky: leak.leaky, honest: leak.honest, honestSe: leak.se,
    looOneFit: looMse(X, y), looFits: cv.looMse,
    ridge: {
      n, lambda_, degree, d: degree + 1, reps, trace,
      predicted: (2 * SINE.sigma ** 2 * trace) / n,
      simulated: gap.mean, se: Math.sqrt(gap.variance / reps),
    },
  };
}

// ---------------------------------------------------------------------
// Everything the page shows.

export default cached('model-evaluation', () => {
  const sweep = degreeSweep();
  const fits = fitsAtDegrees();
  const curves = learningCurves();
  const cv = diabetesCrossValidation();
  const h = diabetesHoldout();
  const sp = diabetesSpread();
  const dc = diabetesLearningCurve();
  const opt = optimismRows();
  const cond9 = designConditioning(9);
  const cond12 = designConditioning(12);
  const s2 = SINE.sigma ** 2;
  const B = SWEEP.reps;

  let best = sweep[0];
  for (const r of sweep) if (r.testError < best.testError) best = r;
  const top = sweep[sweep.length - 1];
  // from which degree on bias² stays within 2 SE of zero
  let zeroFrom = sweep.length;
  while (zeroFrom > 0 && !significant(sweep[zeroFrom - 1])) zeroFrom--;
  let largestBound = 0;
  for (const r of sweep.slice(zeroFrom)) {
    largestBound = Math.max(largestBound, r.bias2 + 2 * r.bias2Se);
  }
  const row = (q: number) => {
    const r = sweep[q];
    return {
      degree: r.degree, bias2: r.bias2, bias2Se: r.bias2Se,
      variance: r.variance, testError: r.testError,
      trainError: r.trainError, mcError: r.mcError,
    };
  };
  const gaps = endGaps(fits);
  const gapOf = (degree: number) => gaps.find((g) => g.degree === degree)!;
  const low = curves[0].points;
  const high = curves[1].points;
  const lastLow = low[low.length - 1];
  const lastHigh = high[high.length - 1];
  const spHold = moments(sp.holdout);
  const spK = moments(sp.kFold);
  const holdRange = range(sp.holdout);
  const nDiabetes = sk.data.n;
  const dDiabetes = lrSk.data.d + 1;
  const kappaC = lrSk.condition_numbers.centered_raw;
  const cvMseRange = range(cv.mse.scores);
  const cvR2Range = range(cv.r2.scores);
  const ag = agreement(cv);
  return {
    sigma: SINE.sigma, s2,
    sweep: { ...SWEEP }, fitsSpec: { shown: FITS.shown, reps: FITS.reps },
    curvesReps: CURVES.reps,
    rows: sweep.map((r) => row(r.degree)),
    best: row(best.degree), top: row(top.degree),
    constantVariance: (0.5 + s2) / SWEEP.n,
    zeroFrom, largestBound,
    pluginTop: top.bias2 + top.variance / B, varianceOverB: top.variance / B,
    fitsEnd9: gapOf(9), fitsEnd3: gapOf(3),
    cond9, cond12,
    digits12: Math.floor(-Math.log10(cond12.scaled * Number.EPSILON)),
    optimism: { n: OPTIMISM.n, reps: OPTIMISM.reps, ...opt,
      lastTrain: opt.rows[opt.rows.length - 1].simTrain,
      lastDegree: opt.rows[opt.rows.length - 1].degree },
    lastLow: { n: lastLow.n, testError: lastLow.testError,
      trainError: lastLow.trainError, level: s2 + lastLow.bias2 },
    lastHigh: { n: lastHigh.n, testError: lastHigh.testError,
      trainError: lastHigh.trainError },
    kfold: KFOLD_DEMO,
    diabetes: {
      n: nDiabetes, d: dDiabetes, trainRows: sk.holdout.train_rows,
      testRows: nDiabetes - sk.holdout.train_rows,
      holdout: { mse: h.mse, se: h.mseStandardError, rmse: h.rmse,
        mae: h.mae, r2: h.r2 },
      trainMse: cv.trainMse,
      cv: { mse: cv.mse.mean, mseSe: cv.mse.standardError,
        mseMin: cvMseRange.min, mseMax: cvMseRange.max, mae: cv.mae.mean,
        r2: cv.r2.mean, r2Min: cvR2Range.min, r2Max: cvR2Range.max,
        loo: cv.looMse },
      cvOverTrain: cv.mse.mean / cv.trainMse - 1,
      optimismShare: (2 * dDiabetes) / nDiabetes,
      spread: { repeats: SPREAD.repeats, k: SPREAD.k,
        holdMin: holdRange.min, holdMax: holdRange.max,
        holdSd: Math.sqrt(spHold.variance), holdMean: spHold.mean,
        kSd: Math.sqrt(spK.variance),
        ratio: Math.sqrt(spHold.variance / spK.variance),
        relSd: Math.sqrt(spHold.variance) / spHold.mean },
      curveK: CURVE.k,
      first: dc[0], last: dc[dc.length - 1],
    },
    sk: {
      versions: sk.versions, polyDegree: sk.polynomial.degree,
      polyGrid: sk.polynomial.grid.length,
      condRaw: sk.polynomial.cond_raw,
      lcSizes: sk.learning_curve.sizes.length, lcK: sk.learning_curve.k,
      lcFirst: sk.learning_curve.sizes[0],
      kappaC, tol: 100 * kappaC ** 2 * Number.EPSILON,
    },
    agreement: ag,
    solutions: solutions(cv),
    kFoldFigure: kFoldFigure(),
    fitsFigure: fitsFigure(fits),
    uCurveFigure: uCurveFigure(sweep),
    learningCurvesFigure: learningCurvesFigure(curves),
    diabetesLearningFigure: diabetesLearningFigure(dc, cv.mse.mean),
    spreadFigure: spreadFigure(sp),
  };
});
