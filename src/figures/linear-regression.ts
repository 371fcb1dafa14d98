// Build-time figures of the linear-regression chapter, computed by its
// code, seeded. Colour is always paired with a dash pattern, a symbol or
// a direct label, so print and colour-blind readers lose nothing.
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { fixed, powerOfTen } from '../lib/format.ts';
import {
  Matrix,
  matmul,
  scale,
  transpose,
} from '../../code/linear-algebra/matrix.ts';
import type { fitDiabetes } from '../../code/linear-regression/diabetes.ts';
import { gradientDescent } from '../../code/linear-regression/gd.ts';
import { r2Score } from '../../code/linear-regression/metrics.ts';
import {
  center,
  fitNormalEquations,
  predict,
} from '../../code/linear-regression/model.ts';
import {
  collinearityExperiment,
  correlationMatrix,
  outlierExperiment,
} from '../../code/linear-regression/pitfalls.ts';
import { solve } from '../../code/linear-algebra/solve.ts';
import { largestEigenvalue } from '../../code/linear-regression/spectrum.ts';
import { linearData } from '../../code/linear-regression/synthetic.ts';

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
    const run = gradientDescent(fit.Z, fit.y, {
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
  g.runs.forEach((run, r) => {
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

/** Correlations of the two features in the collinearity figure. */
export const COLLINEAR_RHOS = [0, 0.95] as const;

/** The collinearity experiment for each correlation in COLLINEAR_RHOS. */
export function collinearity() {
  return COLLINEAR_RHOS.map((rho) => {
    const e = collinearityExperiment({ rho, seed: 6 });
    const sd = (xs: number[]) => {
      const m = xs.reduce((s, v) => s + v, 0) / xs.length;
      const ss = xs.reduce((s, v) => s + (v - m) ** 2, 0);
      return Math.sqrt(ss / (xs.length - 1));
    };
    const sums = e.w1.map((v, r) => v + e.w2[r]);
    // Eq. (lr-cov) with σ = 1: the predicted s.d. of ŵ₁ for this design
    const { Xc } = center(e.X, new Float64Array(e.X.rows));
    const inverse11 = solve(matmul(transpose(Xc), Xc), Float64Array.of(1, 0));
    return {
      rho,
      ...e,
      r: correlationMatrix(e.X).get(0, 1),
      sd1: sd(e.w1),
      predictedSd1: Math.sqrt(inverse11[0]),
      sdSum: sd(sums),
    };
  });
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
