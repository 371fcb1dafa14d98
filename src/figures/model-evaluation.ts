// Build-time figures of the model-evaluation chapter, computed by its
// code, seeded. Colour is always paired with a dash pattern, a symbol or
// a direct label, so print and colour-blind readers lose nothing. The
// simulations are memoized: the prose and the figures share one run.
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { powerOfTen } from '../lib/format.ts';
import sk from '../../tests/fixtures/model-evaluation/sklearn.json' with {
  type: 'json',
};
import { relativeError } from '../../code/introduction/check.ts';
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
  diabetesCrossValidation,
  diabetesHoldout,
  diabetesLearningCurve,
  diabetesSpread,
} from '../../code/model-evaluation/diabetes.ts';
import {
  SINE,
  SWEEP,
  degreeSweep,
  designConditioning,
  fitsAtDegrees,
  learningCurves,
  optimismTable,
} from '../../code/model-evaluation/experiments.ts';


export const sweep = once(degreeSweep);
export const fits = once(fitsAtDegrees);
export const curves = once(learningCurves);
export const diabetesCv = once(() => diabetesCrossValidation());
export const diabetesCurve = once(() => diabetesLearningCurve());
export const spread = once(() => diabetesSpread());
export const optimism = once(optimismTable);
export const holdout = once(() => diabetesHoldout());

// ---------------------------------------------------------------------
// k-fold: which samples each fold holds out.

export const KFOLD_DEMO = { n: 20, k: 5 };

/** One row per fold, one cell per sample; held-out cells filled. */
export function kFoldFigure(): string {
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

/** Some fits (thin), their average (thick) and f (dashed), per degree. */
export function fitsFigure(): string {
  const grid = fits()[0].sim.xTest;
  const panel = (degree: number) => `degree ${degree}`;
  const thin: { x: number; y: number; r: number; panel: string }[] = [];
  const mean: { x: number; y: number; panel: string }[] = [];
  for (const { degree, sim } of fits()) {
    sim.preds.forEach((p, t) => {
      for (let r = 0; r < 20; r++) {
        thin.push({ x: grid[t], y: p[r], r, panel: panel(degree) });
      }
      const avg = p.reduce((a, b) => a + b, 0) / p.length;
      mean.push({ x: grid[t], y: avg, panel: panel(degree) });
    });
  }
  const truth = fits().flatMap(({ degree }) =>
    Array.from(grid, (x) => ({ x, y: SINE.f(x), panel: panel(degree) })));
  return renderPlot({
    height: 260,
    marginTop: 24,
    fx: { label: null, padding: 0.14 },
    x: { label: 'x', domain: [0, 1], ticks: [0, 0.5, 1],
      tickFormat: (d: number) => `${d}` },
    y: { label: 'ŷ(x)', domain: [-1.8, 1.8], grid: true },
    marks: [
      Plot.line(thin, {
        fx: 'panel', x: 'x', y: 'y', z: 'r', stroke: PALETTE[0],
        strokeOpacity: 0.35, strokeWidth: 1, clip: true,
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

// ---------------------------------------------------------------------
// The U-shaped test error against degree.

/** Test, training, bias², variance and σ² against the degree, log y. */
export function uCurveFigure(): string {
  const rows = sweep();
  const series = [
    { key: 'testError', label: 'test error', color: PALETTE[4],
      dash: '', symbol: 'circle', dy: -7 },
    { key: 'trainError', label: 'training error', color: PALETTE[0],
      dash: '6,3', symbol: 'square', dy: -5 },
    { key: 'bias2', label: 'bias²', color: PALETTE[2], dash: '2,3',
      symbol: 'triangle', dy: 6 },
    { key: 'variance', label: 'variance', color: PALETTE[3],
      dash: '10,3,2,3', symbol: 'diamond', dy: 8 },
  ] as const;
  const marks: Plot.Markish[] = [
    Plot.ruleY([SINE.sigma ** 2], {
      stroke: 'currentColor', strokeDasharray: '1,3',
    }),
    Plot.text([{ x: SWEEP.maxDegree, y: SINE.sigma ** 2 }], {
      x: 'x', y: 'y', text: () => 'noise σ²', dy: -8, textAnchor: 'end',
      fill: 'currentColor',
    }),
  ];
  for (const s of series) {
    const pts = rows.map((r) => ({ degree: r.degree, v: r[s.key] }));
    const last = pts[pts.length - 1];
    marks.push(
      Plot.line(pts, { x: 'degree', y: 'v', stroke: s.color,
        strokeWidth: 2, strokeDasharray: s.dash }),
      Plot.dot(pts, { x: 'degree', y: 'v', stroke: s.color,
        fill: s.key === 'testError' ? 'none' : s.color,
        symbol: s.symbol, r: s.key === 'testError' ? 5 : 3.5,
        strokeWidth: 1.5 }),
      Plot.text([last], { x: 'degree', y: 'v', text: () => s.label,
        dx: 8, dy: s.dy, textAnchor: 'start', fill: 'currentColor' }),
    );
  }
  return renderPlot({
    height: 380,
    marginRight: 100,
    x: { label: 'polynomial degree p', ticks: rows.map((r) => r.degree) },
    y: {
      type: 'log', label: 'mean squared error', domain: [5e-5, 100],
      ticks: [1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100],
      tickFormat: powerOfTen, grid: true,
    },
    marks,
  });
}

// ---------------------------------------------------------------------
// Learning curves on the synthetic problem and on diabetes.

/** Expected training and test error against n, one panel per degree. */
export function learningCurvesFigure(): string {
  const rows = curves().flatMap(({ degree, points }) =>
    points.flatMap((p) => [
      { n: p.n, v: p.trainError, kind: 'training', panel: `degree ${degree}` },
      { n: p.n, v: p.testError, kind: 'test', panel: `degree ${degree}` },
    ]));
  const style = (kind: string) => ({
    stroke: kind === 'test' ? PALETTE[4] : PALETTE[0],
    dash: kind === 'test' ? '' : '6,3',
  });
  const labels = curves().flatMap(({ degree, points }) => {
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
    height: 320,
    marginTop: 24,
    fx: { label: null, padding: 0.1 },
    x: { type: 'log', label: 'training-set size n',
      ticks: [10, 20, 40, 80, 160, 320], tickFormat: (d: number) => `${d}` },
    y: { type: 'log', label: 'mean squared error', domain: [0.02, 1],
      ticks: [0.02, 0.05, 0.1, 0.2, 0.5, 1], grid: true,
      tickFormat: (d: number) => `${d}` },
    marks,
  });
}

/** Mean training and validation MSE on diabetes against n, log y. */
export function diabetesLearningFigure(): string {
  const pts = diabetesCurve();
  const cvMse = diabetesCv().mse.mean;
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
    height: 320,
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

/** Histograms of hold-out and repeated 10-fold MSE estimates. */
export function spreadFigure(): string {
  const { holdout, kFold } = spread();
  const methods = ['one 80/20 hold-out split', '10-fold cross-validation'];
  const rows = [
    ...Array.from(holdout, (v) => ({ v, method: methods[0] })),
    ...Array.from(kFold, (v) => ({ v, method: methods[1] })),
  ];
  return renderPlot({
    height: 300,
    marginTop: 24,
    facet: { data: rows, y: 'method' },
    fy: { domain: methods, axis: null, padding: 0.15 },
    color: { domain: methods, range: [PALETTE[0], PALETTE[2]] },
    x: { label: 'estimated test MSE', grid: true },
    y: { label: 'splits', grid: true },
    marks: [
      Plot.rectY(rows, Plot.binX<Plot.RectYOptions>({ y: 'count' }, {
        x: 'v', thresholds: 40,
        fill: 'method', fillOpacity: 0.8, inset: 0.5,
      })),
      Plot.ruleY([0]),
      Plot.text(methods, { fy: (d: string) => d, text: (d: string) => d,
        frameAnchor: 'top-right', dy: 4, fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Agreement with scikit-learn (the committed fixture).

/** Largest relative difference of each comparison with the fixture. */
export const agreement = once(() => {
  const worst = (a: ArrayLike<number>, e: ArrayLike<number>) => {
    let w = 0;
    for (let i = 0; i < a.length; i++) {
      w = Math.max(w, relativeError(a[i], e[i]));
    }
    return w;
  };
  const neg = (xs: number[]) => xs.map((v) => -v);
  const cv = diabetesCv();
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
  const cond = designConditioning(poly.degree, poly.n);
  return {
    kfoldExact,
    cvR2: worst(cv.r2.scores, ref.r2),
    cvMse: worst(cv.mse.scores, neg(ref.neg_mean_squared_error)),
    cvMae: worst(cv.mae.scores, neg(ref.neg_mean_absolute_error)),
    loo: relativeError(cv.looMse, sk.leave_one_out_mse),
    holdout: worst([h.mae, h.mse, h.rmse, h.r2],
      [sk.holdout.mae, sk.holdout.mse, sk.holdout.rmse, sk.holdout.r2]),
    lcTrain: worst(lc.train.flat(), neg(lcRef.train_neg_mse.flat())),
    lcTest: worst(lc.test.flat(), neg(lcRef.test_neg_mse.flat())),
    poly: Math.max(...Array.from(ours, (v, i) =>
      Math.abs(v - poly.predictions[i]))),
    condRaw: cond.raw,
    condScaled: cond.scaled,
  };
});
