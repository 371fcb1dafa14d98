// Build-time computation of "Linear regression": its figures, the live
// demo's starting state and every number the prose shows, computed by
// the chapter's code, seeded, and cached (src/lib/cache.ts). Colour is
// always paired with a dash pattern, a symbol or a direct label, so
// print and colour-blind readers lose nothing.
import { cached } from '../lib/cache.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { fixed, powerOfTen } from '../lib/format.ts';
import sk from '../../tests/fixtures/linear-regression/sklearn.json' with {
  type: 'json',
};
import { relativeError } from '../../code/introduction/check.ts';
import {
  Matrix,
  matmul,
  norm,
  scale,
  subVec,
  transpose,
} from '../../code/linear-algebra/matrix.ts';
import { fitDiabetes } from '../../code/linear-regression/diabetes.ts';
import { fitGradientDescent } from '../../code/linear-regression/gd.ts';
import { r2Score } from '../../code/linear-regression/metrics.ts';
import {
  addOnesColumn,
  center,
  fitNormalEquations,
  predict,
} from '../../code/linear-regression/model.ts';
import {
  collinearityStudy,
  correlationMatrix,
  outlierExperiment,
  varianceInflationFactors,
} from '../../code/linear-regression/pitfalls.ts';
import {
  conditionNumber,
  largestEigenvalue,
  smallestEigenvalue,
} from '../../code/linear-regression/spectrum.ts';
import { linearData } from '../../code/linear-regression/synthetic.ts';
import { huberOutlier } from '../../code/linear-regression/solutions/huber.ts';
import {
  noiseVarianceStudy,
} from '../../code/linear-regression/solutions/noise-estimate.ts';
import {
  rawDesignErrors,
} from '../../code/linear-regression/solutions/qr-vs-normal.ts';

export type DiabetesFit = ReturnType<typeof fitDiabetes>;

/** The Hessian XᵀX / n of the squared loss. */
function hessian(X: Matrix): Matrix {
  return scale(matmul(transpose(X), X), 1 / X.rows);
}

// ---------------------------------------------------------------------
// The live demo's initial state, and its static fallback for print.

/** Seed and model of the demo's initial points. */
export const DEMO = { seed: 2, n: 10, slope: 0.6, intercept: 2, noise: 1 };

/** The demo's initial points, in the plot's [0, 10] × [0, 10] box. */
export function demoPoints(): [number, number][] {
  const { X, y } = linearData({
    seed: DEMO.seed,
    n: DEMO.n,
    w: [DEMO.slope],
    b: DEMO.intercept,
    noise: DEMO.noise,
    lo: 0.5,
    hi: 9.5,
  });
  return Array.from(y, (yi, i) => [
    Math.round(X.data[i] * 10) / 10,
    Math.round(Math.min(9.5, Math.max(0.5, yi)) * 10) / 10,
  ]);
}

/** The least-squares line through the demo's initial points, and R². */
export function demoInitialFit(points: [number, number][]) {
  const X = new Matrix(points.length, 1, Float64Array.from(points, (p) => p[0]));
  const y = Float64Array.from(points, (p) => p[1]);
  const { w, b } = fitNormalEquations(X, y);
  return { slope: w[0], intercept: b, r2: r2Score(y, predict(X, w, b)) };
}

/** The demo's initial state as a static SVG: print and no-JS fallback. */
export function demoFallbackFigure(points: [number, number][]): string {
  const { slope, intercept } = demoInitialFit(points);
  const rows = points.map(([x, y]) => ({ x, y, fit: intercept + slope * x }));
  return renderPlot({
    height: 300,
    x: { label: 'x', domain: [0, 10], grid: true },
    y: { label: 'y', domain: [0, 10], grid: true },
    marks: [
      Plot.link(rows, {
        x1: 'x',
        y1: 'y',
        x2: 'x',
        y2: 'fit',
        stroke: 'currentColor',
        strokeOpacity: 0.6,
        strokeDasharray: '3,3',
      }),
      Plot.line(
        [
          { x: 0, y: intercept },
          { x: 10, y: intercept + 10 * slope },
        ],
        { x: 'x', y: 'y', stroke: PALETTE[0], strokeWidth: 2, clip: true },
      ),
      Plot.dot(rows, {
        x: 'x',
        y: 'y',
        r: 5,
        fill: PALETTE[1],
        stroke: 'currentColor',
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// Gradient descent on the standardized diabetes features.

/** Step sizes of the convergence figure, as multiples of 1/λmax. */
export const GD_ETA_FACTORS = [0.25, 1, 1.9, 2.02] as const;
/** Steps shown in the convergence figure. */
export const GD_STEPS_SHOWN = 2000;

/** Gradient descent on the diabetes data with each step size. */
export function gdConvergence(fit: DiabetesFit) {
  const lambdaMax = largestEigenvalue(hessian(fit.Z));
  const best = fit.mse / 2; // L(ŵ): the loss at the least-squares fit
  const runs = GD_ETA_FACTORS.map((factor) => {
    const run = fitGradientDescent(fit.Z, fit.y, {
      eta: factor / lambdaMax,
      maxSteps: GD_STEPS_SHOWN,
      tol: 0,
    });
    const gaps = run.losses.map((L) => L - best);
    return { factor, status: run.status, steps: run.steps, gaps };
  });
  return { lambdaMax, best, runs };
}

/** L(w_k) − L(ŵ) against k for each step size, log scale. */
export function gdConvergenceFigure(g: ReturnType<typeof gdConvergence>) {
  const dashes = ['8,4', '', '2,3', '10,3,2,3'];
  const symbols = ['circle', 'square', 'triangle', 'times'] as const;
  const label = (f: number) =>
    (f === 1 ? 'η = 1/λmax' : `η = ${f}/λmax`) +
    (f >= 2 ? ': diverges' : '');
  const marks: Plot.Markish[] = [];
  // the diverging run stops within a few steps: the prose reports it
  g.runs.filter((run) => run.status !== 'diverged').forEach((run, r) => {
    const pts = run.gaps
      .map((gap, k) => ({ k, gap }))
      .filter(({ k, gap }) => gap > 0 && (k < 20 || k % 10 === 0));
    const ends = pts.filter((_, i) => i % 25 === 12); // sparse markers
    const last = pts[pts.length - 1];
    marks.push(
      Plot.line(pts, {
        x: 'k',
        y: 'gap',
        stroke: PALETTE[r],
        strokeWidth: 1.8,
        strokeDasharray: dashes[r],
      }),
      Plot.dot(ends, {
        x: 'k',
        y: 'gap',
        symbol: symbols[r],
        stroke: PALETTE[r],
        r: 3,
      }),
      Plot.text([last], {
        x: 'k',
        y: 'gap',
        text: () => label(run.factor),
        dx: 6,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
    );
  });
  return renderPlot({
    height: 360,
    marginTop: 30,
    marginRight: 100,
    x: { label: 'step k', domain: [0, GD_STEPS_SHOWN] },
    y: {
      type: 'log',
      label: 'L(wₖ) − L(ŵ)',
      domain: [1e-7, 1e4],
      ticks: [1e-6, 1e-4, 1e-2, 1, 1e2, 1e4],
      tickFormat: powerOfTen,
      grid: true,
    },
    marks,
  });
}

// ---------------------------------------------------------------------
// The diabetes fit: coefficients and residuals.

/** The standardized coefficients as horizontal bars, largest first. */
export function coefficientFigure(fit: DiabetesFit): string {
  const rows = fit.features.map((feature, j) => ({
    feature,
    v: fit.standardized.w[j],
    text: fixed(fit.standardized.w[j], 1),
  }));
  const order = rows
    .slice()
    .sort((a, b) => Math.abs(b.v) - Math.abs(a.v))
    .map((r) => r.feature);
  const label = (positive: boolean) =>
    Plot.text(
      rows.filter((r) => r.v >= 0 === positive),
      {
        x: 'v',
        y: 'feature',
        text: 'text',
        dx: positive ? 4 : -4,
        textAnchor: positive ? 'start' : 'end',
        fill: 'currentColor',
      },
    );
  return renderPlot({
    height: 300,
    marginLeft: 50,
    marginRight: 40,
    x: {
      label: 'change in Y per standard deviation of the feature',
      grid: true,
      domain: [1.3 * Math.min(0, ...rows.map((r) => r.v)),
        1.3 * Math.max(0, ...rows.map((r) => r.v))],
    },
    y: { label: null, domain: order },
    marks: [
      Plot.barX(rows, {
        x: 'v',
        y: 'feature',
        fill: PALETTE[0],
        fillOpacity: 0.75,
      }),
      label(true),
      label(false),
      Plot.ruleX([0]),
    ],
  });
}

/** Residuals against fitted values, with the zero line. */
export function residualFigure(fit: DiabetesFit): string {
  const rows = Array.from(fit.fitted, (f, i) => ({
    fitted: f,
    residual: fit.residuals[i],
  }));
  return renderPlot({
    height: 320,
    x: { label: 'fitted value ŷ', grid: true },
    y: { label: 'residual y − ŷ', grid: true },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeDasharray: '4,3' }),
      Plot.dot(rows, {
        x: 'fitted',
        y: 'residual',
        r: 2.5,
        stroke: PALETTE[0],
        fill: 'none',
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// What goes wrong.

/** The collinearity experiments of the figure and the prose. */
export function collinearity() {
  return collinearityStudy();
}

/** Fitted (ŵ₁, ŵ₂) for uncorrelated and for correlated features. */
export function collinearityFigure(
  runs: ReturnType<typeof collinearity>,
): string {
  const rows = runs.flatMap((run) =>
    run.w1.map((w1, r) => ({
      panel: `correlation ${run.rho}`,
      w1,
      w2: run.w2[r],
      symbol: run.rho === 0 ? 'circle' : 'times',
    })),
  );
  const guide = runs.flatMap((run) => [
    { panel: `correlation ${run.rho}`, w1: -1, w2: 3 },
    { panel: `correlation ${run.rho}`, w1: 3, w2: -1 },
  ]);
  return renderPlot({
    height: 340,
    fx: { label: null },
    x: { label: 'ŵ₁', domain: [-1, 3], grid: true },
    y: { label: 'ŵ₂', domain: [-1, 3], grid: true },
    marks: [
      Plot.line(guide, {
        fx: 'panel',
        x: 'w1',
        y: 'w2',
        stroke: 'currentColor',
        strokeOpacity: 0.6,
        strokeDasharray: '4,3',
      }),
      Plot.dot(rows, {
        fx: 'panel',
        x: 'w1',
        y: 'w2',
        symbol: 'symbol',
        stroke: (d: { symbol: string }) =>
          d.symbol === 'circle' ? PALETTE[0] : PALETTE[4],
        r: 2.5,
      }),
      Plot.dot([{ w1: 1, w2: 1 }], {
        x: 'w1',
        y: 'w2',
        symbol: 'diamond',
        fill: 'currentColor',
        r: 5,
      }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

/** The outlier experiment, run once for the figure and the prose. */
export function outlier() {
  return outlierExperiment();
}

/** A clean fit and the fit after adding one far point. */
export function outlierFigure(o: ReturnType<typeof outlier>): string {
  const points = Array.from(o.x, (x, i) => ({ x, y: o.y[i] }));
  const line = (f: { w: Float64Array; b: number }) => [
    { x: 0, y: f.b },
    { x: 20, y: f.b + 20 * f.w[0] },
  ];
  const end = (f: { w: Float64Array; b: number }, text: string) =>
    Plot.text([{ x: 20, y: f.b + 20 * f.w[0] }], {
      x: 'x',
      y: 'y',
      text: () => text,
      dx: 6,
      textAnchor: 'start',
      fill: 'currentColor',
    });
  return renderPlot({
    height: 320,
    marginRight: 140,
    x: { label: 'x', domain: [0, 20], grid: true },
    y: { label: 'y', domain: [0, 12], grid: true },
    marks: [
      Plot.line(line(o.clean), { x: 'x', y: 'y', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.line(line(o.withOutlier), {
        x: 'x',
        y: 'y',
        stroke: PALETTE[4],
        strokeWidth: 2,
        strokeDasharray: '6,4',
      }),
      end(o.clean, 'without the outlier'),
      end(o.withOutlier, 'with the outlier ×'),
      Plot.dot(points, { x: 'x', y: 'y', r: 3.5, stroke: PALETTE[0] }),
      Plot.dot([{ x: o.outlier[0], y: o.outlier[1] }], {
        x: 'x',
        y: 'y',
        symbol: 'times',
        r: 7,
        stroke: PALETTE[4],
        strokeWidth: 2.5,
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// What the chapter shows.

/** Exercise 4's Huber threshold: 1.345 times the noise s.d. of
 * outlierExperiment (0.5), the usual choice for Gaussian noise. */
const HUBER = { c: 1.345, sigma: 0.5 };
const HUBER_DELTA = HUBER.c * HUBER.sigma;

/** Exercise 1's simulation: seeds, rows, weights and noise s.d. */
const NOISE_STUDY = { reps: 2000, n: 30, d: 4, sigma: 1 };

/** The largest of a list of numbers (a loop: no spread into a call). */
function maxOf(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]);
  return m;
}

function minOf(xs: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.min(m, xs[i]);
  return m;
}

/** The live demo's starting points, fit and static fallback. */
function demo() {
  const points = demoPoints();
  return {
    spec: { ...DEMO },
    points,
    start: demoInitialFit(points),
    fallback: demoFallbackFigure(points),
  };
}

/** Condition numbers of the Gram matrices, and the extremes of H. */
function conditioning(fit: DiabetesFit) {
  const gramOf = (A: Matrix) => matmul(transpose(A), A);
  const H = hessian(fit.Z);
  const lambdaMax = largestEigenvalue(H);
  const lambdaMin = smallestEigenvalue(H);
  return {
    kappaOnes: conditionNumber(gramOf(addOnesColumn(fit.X))),
    kappaCentred: conditionNumber(gramOf(center(fit.X, fit.y).Xc)),
    lambdaMax,
    lambdaMin,
    kappaStd: lambdaMax / lambdaMin,
  };
}

/** The measured late rate of each converging run against (1 − ηλmin)². */
function rates(g: ReturnType<typeof gdConvergence>, lambdaMin: number) {
  const half = GD_STEPS_SHOWN / 2;
  return g.runs.filter((run) => run.status !== 'diverged').map((run) => {
    const measured = (run.gaps[GD_STEPS_SHOWN] / run.gaps[half]) **
      (1 / half);
    const predicted = (1 - (run.factor * lambdaMin) / g.lambdaMax) ** 2;
    return {
      factor: run.factor,
      measured,
      predicted,
      error: relativeError(measured, predicted),
    };
  });
}

/** Our diabetes fit beside scikit-learn's, and the error bounds. */
function library(fit: DiabetesFit, kappaStd: number, kappaCentred: number) {
  const skW = sk.ols_raw.coef as number[];
  const errors = Array.from(fit.original.w, (w, j) =>
    relativeError(w, skW[j]));
  const worst = errors.indexOf(maxOf(errors));
  const eps = Number.EPSILON;
  // the centred, unscaled fit that the tests also compare
  const centred = fitNormalEquations(fit.X, fit.y);
  const skWv = Float64Array.from(skW);
  return {
    versions: { ...sk.versions },
    rows: fit.features.map((feature, j) => ({
      feature, ours: fit.original.w[j], sklearn: skW[j], error: errors[j],
    })),
    intercept: {
      ours: fit.original.b,
      sklearn: sk.ols_raw.intercept,
      error: relativeError(fit.original.b, sk.ols_raw.intercept),
    },
    r2: {
      ours: fit.r2,
      sklearn: sk.ols_raw.r2,
      error: relativeError(fit.r2, sk.ols_raw.r2),
    },
    maxCoefError: errors[worst],
    maxCoefFeature: fit.features[worst],
    normwise: norm(subVec(fit.original.w, skWv)) / norm(skWv),
    eps,
    stdBound: kappaStd * eps,
    stdTolerance: 100 * kappaStd * eps,
    centredBound: kappaCentred * eps,
    centredNormwise: norm(subVec(centred.w, skWv)) / norm(skWv),
    kappaXc: sk.condition_numbers.centered_raw,
  };
}

/** The diabetes data with BMI twice, as scikit-learn fitted it. */
function duplicated(fit: DiabetesFit) {
  const bmi = fit.features.indexOf('BMI');
  const coef = sk.duplicated_column.coef as number[];
  return {
    rank: sk.duplicated_column.rank,
    columns: coef.length,
    first: coef[bmi],
    second: coef[coef.length - 1],
    ours: fit.original.w[bmi],
  };
}

/** Exercise 5: descent on standardized features with BMI twice. */
function minimumNorm(fit: DiabetesFit) {
  const { Z, y } = fit;
  const bmi = fit.features.indexOf('BMI');
  const d = Z.cols;
  const Zd = new Matrix(Z.rows, d + 1);
  for (let i = 0; i < Z.rows; i++) {
    Zd.data.set(Z.row(i), (d + 1) * i);
    Zd.data[(d + 1) * i + d] = Z.get(i, bmi);
  }
  const run = fitGradientDescent(Zd, y);
  return {
    status: run.status,
    steps: run.steps,
    first: run.w[bmi] / fit.scale[bmi],
    second: run.w[d] / fit.scale[bmi],
  };
}

export default cached('linear-regression', () => {
  const fit = fitDiabetes();
  const n = fit.X.rows;
  const cond = conditioning(fit);
  const gdRuns = gdConvergence(fit);
  const diverging = gdRuns.runs.find((run) => run.status === 'diverged');
  if (!diverging) throw new Error('linear-regression: no diverging run');
  const rateRows = rates(gdRuns, cond.lambdaMin);
  const col = collinearity();
  const R = correlationMatrix(fit.X);
  const vif = varianceInflationFactors(fit.X);
  const order = Array.from(vif, (_, j) => j).sort((a, b) => vif[b] - vif[a]);
  const out = outlier();
  const huber = huberOutlier(HUBER_DELTA);
  const qr = rawDesignErrors(fit.X, fit.y);
  const feature = (name: string) => fit.features.indexOf(name);
  return {
    demo: demo(),
    gdFigure: gdConvergenceFigure(gdRuns),
    coefficientFigure: coefficientFigure(fit),
    residualFigure: residualFigure(fit),
    collinearityFigure: collinearityFigure(col),
    outlierFigure: outlierFigure(out),
    n,
    d: fit.X.cols,
    ...cond,
    kappaRatio: cond.kappaCentred / cond.kappaStd,
    half: GD_STEPS_SHOWN / 2,
    stepsShown: GD_STEPS_SHOWN,
    rates: rateRows,
    worstRate: maxOf(rateRows.map((row) => row.error)),
    fastest: rateRows[rateRows.length - 1].factor,
    diverging: { factor: diverging.factor, steps: diverging.steps },
    gdSteps: fit.gd.steps,
    gdError: norm(subVec(fit.gd.w, fit.standardized.w)) /
      norm(fit.standardized.w),
    r2: fit.r2,
    sigmaHat: Math.sqrt(fit.mse),
    yMin: minOf(fit.y),
    yMax: maxOf(fit.y),
    weights: fit.features.map((name, j) => ({
      feature: name,
      mean: fit.mean[j],
      sd: fit.scale[j],
      v: fit.standardized.w[j],
      w: fit.original.w[j],
    })),
    bStd: fit.standardized.b,
    bOrig: fit.original.b,
    library: library(fit, cond.kappaStd, cond.kappaCentred),
    dup: duplicated(fit),
    col: col.map((c) => ({
      rho: c.rho, r: c.r, rows: c.X.rows, reps: c.w1.length,
      sd1: c.sd1, se1: c.se1, predictedSd1: c.predictedSd1, sdSum: c.sdSum,
    })),
    s1s2: R.get(feature('S1'), feature('S2')),
    vifTop: order.slice(0, 3).map((j) => ({
      feature: fit.features[j], vif: vif[j],
    })),
    outlier: {
      count: out.x.length,
      clean: out.clean.w[0],
      withOutlier: out.withOutlier.w[0],
    },
    huber: { ...HUBER, delta: HUBER_DELTA, clean: huber.huber[0],
      withOutlier: huber.huber[1] },
    qr: {
      ...qr,
      kappaEps: qr.kappa * Number.EPSILON,
      kappa2Eps: qr.kappa ** 2 * Number.EPSILON,
      // digits lost: the error in units of ε, as a power of ten
      normalDigits: Math.log10(qr.normalError / Number.EPSILON),
      qrDigits: Math.log10(qr.qrError / Number.EPSILON),
      kappaDigits: Math.log10(qr.kappa),
      kappa2Digits: 2 * Math.log10(qr.kappa),
    },
    noise: { ...NOISE_STUDY, ...noiseVarianceStudy(NOISE_STUDY) },
    minNorm: minimumNorm(fit),
  };
});
