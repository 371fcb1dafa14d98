// Build-time computation of "Locally weighted linear regression": its
// figures and every number its prose shows, computed by the chapter's
// code (code/locally-weighted-regression) and cached (see
// src/lib/cache.ts). Seeded throughout. Colour is always paired with a
// dash pattern, a symbol, a panel title or a direct label, so print and
// colour-blind readers lose nothing.
import { cached } from '../lib/cache.ts';
import { fixed, powerOfTen, sci } from '../lib/format.ts';
import { label, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import sk from '../../tests/fixtures/locally-weighted-regression/sklearn.json' with {
  type: 'json',
};
import { relativeError } from '../../code/introduction/check.ts';
import { Matrix, norm, subVec } from '../../code/linear-algebra/matrix.ts';
import { conditionNumber } from '../../code/linear-regression/spectrum.ts';
import { amise } from '../../code/locally-weighted-regression/bias-variance.ts';
import {
  KERNEL_SHOWN,
  SHOWN,
  equivalentKernels,
  shownFit,
  sine,
  sineBiasVariance,
  sineCv,
} from '../../code/locally-weighted-regression/examples.ts';
import {
  HDL_TAUS,
  hdlStudy,
} from '../../code/locally-weighted-regression/hdl.ts';
import { kernelWeights } from '../../code/locally-weighted-regression/kernel.ts';
import {
  equilibrate,
  equivalentKernel,
  localLinearFit,
  localSystem,
  lwrPredict,
} from '../../code/locally-weighted-regression/local-fit.ts';
import {
  MIN_HOLD_OUT_GAP,
  leaveOneOut,
} from '../../code/locally-weighted-regression/loo.ts';
import {
  SINE,
  SINE_ROUGHNESS,
  grid,
  sineTruth,
} from '../../code/locally-weighted-regression/synthetic.ts';
import { looBrute } from '../../code/locally-weighted-regression/solutions/loo-brute.ts';
import { nadarayaWatsonWeights } from '../../code/locally-weighted-regression/solutions/nadaraya-watson.ts';
import { robustLwr } from '../../code/locally-weighted-regression/solutions/robust.ts';

/** An x axis whose title sits centred below the tick labels. */
const below = { labelAnchor: 'center', labelArrow: 'none',
  labelOffset: 34 } as const;

type Row = Record<string, number | string>;

/** x and a vector of values as plot rows. */
function rowsOf(x: ArrayLike<number>, y: ArrayLike<number>): Row[] {
  return Array.from(x, (xi, i) => ({ x: xi, y: y[i] }));
}


// ---------------------------------------------------------------------
// The synthetic example: y = sin(2πx) + noise.

/** Where the fitted curves are drawn: 201 points on [0, 1]. */
const CURVE = grid(0, 1, 201);

/** The weights, the local line at x0 and the curve it helps trace. */
function weightsFigure(): string {
  const { X, y } = sine();
  const fit = shownFit();
  const { x0, tau } = SHOWN;
  const points = Array.from(X.data, (x, i) => ({ x, y: y[i], k: fit.k[i] }));
  const half = 2.5 * tau;
  const line = [x0 - half, x0 + half].map((x) => ({
    x,
    y: fit.theta[0] + fit.theta[1] * (x - x0),
  }));
  const curve = rowsOf(CURVE.data, lwrPredict(X, y, CURVE, tau));
  const base = -1.9; // the kernel is drawn along the bottom
  const bell = Array.from(CURVE.data, (x) => ({
    x,
    y: base + 0.6 * Math.exp(-((x - x0) ** 2) / (2 * tau * tau)),
  }));
  const flank = x0 + 2.2 * tau; // low on the bell's right flank
  return renderPlot({
    height: 350,
    marginRight: 20,
    marginBottom: 44,
    x: { label: 'x', domain: [0, 1], grid: true, ...below },
    y: { label: 'y', domain: [-2, 1.8], grid: true },
    marks: [
      Plot.ruleX([x0], { stroke: 'currentColor', strokeDasharray: '3,3' }),
      Plot.line(curve, {
        x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: 0.45,
        strokeWidth: 1.2,
      }),
      Plot.line(bell, {
        x: 'x', y: 'y', stroke: PALETTE[2], strokeWidth: 1.5,
        strokeDasharray: '6,3',
      }),
      Plot.dot(points, {
        x: 'x', y: 'y', r: (d: Row) => 1.5 + 4.5 * (d.k as number),
        fill: PALETTE[0], fillOpacity: (d: Row) => 0.15 + 0.8 * (d.k as number),
        stroke: PALETTE[0], strokeOpacity: 0.7,
      }),
      Plot.line(line, { x: 'x', y: 'y', stroke: PALETTE[4], strokeWidth: 3 }),
      Plot.dot([{ x: x0, y: fit.yHat }], {
        x: 'x', y: 'y', symbol: 'diamond', r: 6, fill: PALETTE[4],
        stroke: 'currentColor',
      }),
      label(x0 + half, line[1].y, 'local line', { dx: 6, dy: 4 }),
      label(flank, base + 0.6 * Math.exp(-(2.2 ** 2) / 2),
        'kernel weights k(x, x₀)', { dx: 6, dy: -6 }),
      label(x0, 1.65, 'x₀', { dx: 4 }),
    ],
  });
}

/** Bandwidths of the small-multiples figure; Infinity is the line. */
const TAUS_SHOWN = [0.01, 0.05, 0.2, Infinity] as const;

/** τ as text for titles and tables. */
function tauText(tau: number): string {
  return tau === Infinity ? 'τ = ∞ (least squares)' : `τ = ${tau}`;
}

/** One panel per τ: data, truth (dashed) and the fitted curve. */
function bandwidthFigure(): string {
  const { X, y } = sine();
  const truth = Array.from(CURVE.data, (x) => ({ x, y: sineTruth(x) }));
  const fits = TAUS_SHOWN.flatMap((tau) => {
    const yHat = lwrPredict(X, y, CURVE, tau);
    return Array.from(CURVE.data, (x, i) => ({
      panel: tauText(tau), x, y: yHat[i],
    }));
  });
  const panels = TAUS_SHOWN.map(tauText);
  const dots = panels.flatMap((panel) =>
    Array.from(X.data, (x, i) => ({ panel, x, y: y[i] })));
  const truthRows = panels.flatMap((panel) =>
    truth.map((r) => ({ panel, ...r })));
  const col = (p: string) => panels.indexOf(p) % 2;
  const row = (p: string) => Math.floor(panels.indexOf(p) / 2);
  const at = { fx: (d: Row) => col(d.panel as string),
    fy: (d: Row) => row(d.panel as string) };
  return renderPlot({
    height: 450,
    marginTop: 24,
    marginBottom: 44,
    fx: { axis: null, padding: 0.08 },
    fy: { axis: null, padding: 0.12 },
    x: { label: 'x', domain: [0, 1], grid: true, ...below },
    y: { label: 'y', domain: [-1.9, 1.9], grid: true },
    marks: [
      Plot.dot(dots, { ...at, x: 'x', y: 'y', r: 2, stroke: PALETTE[0],
        strokeOpacity: 0.6 }),
      Plot.line(truthRows, { ...at, x: 'x', y: 'y', z: 'panel',
        stroke: 'currentColor', strokeDasharray: '4,3', strokeOpacity: 0.7 }),
      Plot.line(fits, { ...at, x: 'x', y: 'y', z: 'panel',
        stroke: PALETTE[4], strokeWidth: 2 }),
      Plot.text(panels.map((panel) => ({ panel })), {
        ...at, frameAnchor: 'top-left', dx: 4, dy: -14,
        text: 'panel', fill: 'currentColor', fontWeight: 'bold',
      }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

/** The two equivalent kernels against x_i. */
function equivalentKernelFigure(
  ks: ReturnType<typeof equivalentKernels>,
): string {
  const { X } = sine();
  const symbols = ['circle', 'triangle'] as const;
  const dashes = ['', '5,3'];
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor' })];
  ks.forEach((k, s) => {
    const rows = rowsOf(X.data, k.l);
    const peak = rows.reduce((a, b) => ((b.y as number) > (a.y as number)
      ? b : a));
    marks.push(
      Plot.line(rows, { x: 'x', y: 'y', stroke: PALETTE[s * 4],
        strokeDasharray: dashes[s], strokeWidth: 1.5 }),
      Plot.dot(rows, { x: 'x', y: 'y', symbol: symbols[s],
        stroke: PALETTE[s * 4], r: 2.5 }),
      k.x0 === 0
        ? label(peak.x as number, peak.y as number,
          `x₀ = ${k.x0} (boundary)`, { dx: 10 })
        : label(peak.x as number, peak.y as number,
          `x₀ = ${k.x0} (interior)`, { anchor: 'middle', dy: -12 }),
    );
  });
  return renderPlot({
    height: 310,
    marginBottom: 44,
    marginLeft: 56,
    x: { label: 'training input xᵢ', domain: [0, 0.8], grid: true,
      ...below },
    y: { label: 'weight lᵢ(x₀) of yᵢ in ŷ(x₀)', grid: true,
      labelAnchor: 'center', labelArrow: 'none' },
    marks,
  });
}

// ---------------------------------------------------------------------
// Bias and variance, exactly and for large n.

/** Mean bias², variance and their sum against τ, log–log. */
function biasVarianceFigure(
  bv: ReturnType<typeof sineBiasVariance>,
): string {
  const series = [
    { name: 'bias²', v: bv.bias2, dash: '6,3', symbol: 'triangle' },
    { name: 'variance', v: bv.variance, dash: '2,3', symbol: 'square' },
    { name: 'bias² + variance', v: bv.total, dash: '', symbol: 'circle' },
  ];
  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    const rows = rowsOf(bv.taus, s.v);
    marks.push(
      Plot.line(rows, { x: 'x', y: 'y', stroke: PALETTE[i],
        strokeDasharray: s.dash, strokeWidth: 2 }),
      Plot.dot(rows, { x: 'x', y: 'y', symbol: s.symbol,
        stroke: PALETTE[i], r: 2.5 }),
    );
  });
  const approx = rowsOf(bv.taus, bv.approx).filter((r) =>
    (r.y as number) < 0.3);
  const last = bv.taus.length - 1;
  const best = bv.taus.indexOf(bv.best);
  return renderPlot({
    height: 350,
    marginRight: 110,
    marginBottom: 44,
    x: { type: 'log', label: 'bandwidth τ', grid: true,
      ticks: [0.01, 0.02, 0.05, 0.1, 0.2], tickFormat: String, ...below },
    y: { type: 'log', label: 'mean over x₀ ∈ [0, 1]', domain: [1e-5, 0.3],
      ticks: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], tickFormat: powerOfTen,
      grid: true },
    marks: [
      Plot.line(approx, { x: 'x', y: 'y', stroke: 'currentColor',
        strokeOpacity: 0.6, strokeDasharray: '1,3' }),
      ...marks,
      Plot.ruleX([bv.tauStar], { stroke: 'currentColor',
        strokeDasharray: '4,4', strokeOpacity: 0.7 }),
      label(bv.tauStar, 1.6e-5, `τ* = ${fixed(bv.tauStar, 3)}`,
        { dx: 4 }),
      Plot.dot([{ x: bv.best, y: bv.total[best] }], { x: 'x', y: 'y',
        symbol: 'diamond', r: 7, fill: PALETTE[2],
        stroke: 'currentColor' }),
      label(bv.best, bv.total[best], `minimum, τ = ${fixed(bv.best, 3)}`,
        { anchor: 'middle', dy: -18 }),
      ...series.map((s, i) => label(bv.taus[last],
        s.v[last] * [0.7, 1, 1.4][i], s.name, { dx: 6 })),
      label(bv.taus[1], bv.approx[1] * 0.62, 'large-n formula',
        { dx: 0 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Real data: the cholesterol ratio against HDL.

/** The data, the line, the 1/x fit and the chosen local fit. */
function hdlFigure(h: ReturnType<typeof hdlStudy>): string {
  const { X, y } = h;
  const lo = 20;
  const hi = 100;
  const Q = grid(lo, hi, 161);
  const local = lwrPredict(X, y, Q, h.cv.best);
  const line = lwrPredict(X, y, Q, Infinity);
  const inverse = new Matrix(X.rows, 1, X.data.map((x) => 1 / x));
  const Qi = new Matrix(Q.rows, 1, Q.data.map((x) => 1 / x));
  const reciprocal = lwrPredict(inverse, y, Qi, Infinity);
  const curves = [
    { name: `local, τ = ${fixed(h.cv.best, 1)}`, v: local, dash: '',
      width: 2.5 },
    { name: 'straight line', v: line, dash: '7,4', width: 2 },
    { name: 'a + b / x', v: reciprocal, dash: '2,3', width: 2 },
  ];
  const end = Q.rows - 1;
  return renderPlot({
    height: 370,
    marginRight: 110,
    marginBottom: 44,
    x: { label: 'HDL cholesterol S3 (mg/dL)', domain: [lo, hi], grid: true,
      ...below },
    y: { label: 'total / HDL cholesterol S4', grid: true },
    marks: [
      Plot.dot(rowsOf(X.data, y), { x: 'x', y: 'y', r: 2.2,
        stroke: PALETTE[0], strokeOpacity: 0.55 }),
      ...curves.map((c, i) => Plot.line(rowsOf(Q.data, c.v), {
        x: 'x', y: 'y', stroke: PALETTE[[4, 3, 2][i]],
        strokeDasharray: c.dash, strokeWidth: c.width,
      })),
      ...curves.map((c, i) => label(hi, c.v[end] + [0.25, 0, -0.25][i],
        c.name, { dx: 6 })),
    ],
  });
}

/** Leave-one-out error against τ, with the two global models. */
function cvFigure(h: ReturnType<typeof hdlStudy>): string {
  const rows = rowsOf(h.cv.taus, h.cv.mse);
  const best = rows.find((r) => r.x === h.cv.best) as Row;
  const refs = [
    { v: h.line.mse, text: 'straight line', dash: '7,4' },
    { v: h.reciprocal.mse, text: 'a + b / x', dash: '2,3' },
  ];
  return renderPlot({
    height: 310,
    marginRight: 100,
    marginBottom: 44,
    x: { type: 'log', label: 'bandwidth τ (mg/dL)', grid: true,
      ticks: [1, 2, 5, 10, 20, 50, 100], tickFormat: String, ...below },
    y: { label: 'leave-one-out mean squared error', grid: true,
      domain: [0.64, 0.77] },
    marks: [
      ...refs.map((r, i) => Plot.ruleY([r.v], {
        stroke: PALETTE[[3, 2][i]], strokeDasharray: r.dash,
        strokeWidth: 1.5 })),
      ...refs.map((r) => label(100, r.v, r.text, { dx: 6 })),
      Plot.line(rows, { x: 'x', y: 'y', stroke: PALETTE[4],
        strokeWidth: 2 }),
      Plot.dot(rows, { x: 'x', y: 'y', stroke: PALETTE[4], r: 3 }),
      Plot.dot([best], { x: 'x', y: 'y', symbol: 'diamond', r: 7,
        fill: PALETTE[4], stroke: 'currentColor' }),
      Plot.text([best], { x: 'x', y: 'y', dy: 16, fill: 'currentColor',
        text: () => `chosen τ = ${fixed(h.cv.best, 1)}` }),
    ],
  });
}

// ---------------------------------------------------------------------
// The numbers the prose shows.

/** Mean bias² and variance against the large-n formula. */
function formulaRatios(bv: ReturnType<typeof sineBiasVariance>) {
  const large = (tau: number) =>
    amise(tau, SINE.n, SINE.noise, SINE_ROUGHNESS);
  let min = Infinity;
  let max = -Infinity;
  bv.taus.forEach((tau, t) => {
    const ratio = bv.variance[t] / large(tau).variance;
    [min, max] = [Math.min(min, ratio), Math.max(max, ratio)];
  });
  const last = bv.taus.length - 1;
  return { varMin: min, varMax: max, tauLast: bv.taus[last],
    biasOver: large(bv.taus[last]).bias2 / bv.bias2[last] };
}

/** κ of the raw and the equilibrated local system at x0 = 0.5. */
const KAPPA_X0 = 0.5;
function kappaRows(): string[][] {
  const { X } = sine();
  const x0 = Float64Array.of(KAPPA_X0);
  return [0.3, 0.1, 0.03, 0.01, 0.003].map((tau) => {
    const { A } = localSystem(X, x0, kernelWeights(X, x0, tau));
    return [String(tau), sci(conditionNumber(A), 2),
      fixed(conditionNumber(equilibrate(A).As), 2)];
  });
}

/** Our local fits beside scikit-learn's, with the tests' tolerances. */
function libraryAgreement(h: ReturnType<typeof hdlStudy>) {
  const fits = sk.local_fits.fits.map((f) => {
    const x0 = Float64Array.of(f.x0);
    const { theta } = localLinearFit(h.X, h.y, x0, f.tau);
    const ref = Float64Array.of(f.prediction, f.slope);
    const { A } = localSystem(h.X, x0, kernelWeights(h.X, x0, f.tau));
    const tol = 100 * conditionNumber(equilibrate(A).As) * Number.EPSILON;
    return { ...f, ours: theta[0],
      err: norm(subVec(theta, ref)) / norm(ref), tol };
  });
  let worst = 0;
  let loosest = 0;
  let tightest = Infinity;
  for (const f of fits) {
    worst = Math.max(worst, f.err);
    loosest = Math.max(loosest, f.tol);
    tightest = Math.min(tightest, f.tol);
  }
  let looErr = Math.max(relativeError(h.line.mse, sk.loo.line_mse),
    relativeError(h.reciprocal.mse, sk.loo.reciprocal_mse));
  let dfErr = 0;
  h.cv.mse.forEach((m, t) => {
    looErr = Math.max(looErr, relativeError(m, sk.loo.mse[t]));
    dfErr = Math.max(dfErr, relativeError(h.cv.df[t], sk.loo.trace[t]));
  });
  const rows = fits
    .filter((f) => f.tau === 8 && [22, 51, 99, 105].includes(f.x0))
    .map((f) => [fixed(f.tau, 0), fixed(f.x0, 0), fixed(f.ours, 12),
      fixed(f.prediction, 12), sci(f.err, 2)]);
  return { nFits: fits.length,
    nTaus: new Set(fits.map((f) => f.tau)).size,
    nQueries: new Set(fits.map((f) => f.x0)).size,
    worst, loosest, tightest, looErr, dfErr, rows,
    versions: sk.versions };
}

/** Exercise 1: local constant against local line at the two ends. */
function localConstantRows(): string[][] {
  const { X } = sine();
  const tau = SHOWN.tau;
  const moments = (l: Float64Array, x0: number) => {
    let bias = -sineTruth(x0);
    let sq = 0;
    l.forEach((li, i) => {
      bias += li * sineTruth(X.data[i]);
      sq += li * li;
    });
    return [fixed(bias, 3), fixed(SINE.noise * Math.sqrt(sq), 3)];
  };
  return [0, 0.5].map((x0) => {
    const q = Float64Array.of(x0);
    const nw = moments(nadarayaWatsonWeights(X, q, tau), x0);
    const ll = moments(equivalentKernel(X, q, tau), x0);
    return [String(x0), nw[0], ll[0], nw[1], ll[1]];
  });
}

/** Exercises 3 and 6 on the sine data at τ = SHOWN.tau. */
function exerciseStudies() {
  const { X, y } = sine();
  const tau = SHOWN.tau;
  const loo = leaveOneOut(X, y, tau);
  const brute = looBrute(X, y, tau);
  let looGap = 0;
  brute.forEach((b, i) => {
    looGap = Math.max(looGap, relativeError(b, loo.residuals[i]));
  });
  const i = ROBUST_OUTLIER;
  const spiked = y.slice();
  spiked[i] += 10;
  const plain = lwrPredict(X, y, X, tau);
  const plainSpiked = lwrPredict(X, spiked, X, tau);
  const robust = robustLwr(X, y, X, tau);
  const robustSpiked = robustLwr(X, spiked, X, tau);
  let clean = 0;
  robust.forEach((r, j) => { clean = Math.max(clean, Math.abs(r - plain[j])); });
  return { looGap, outlier: i, sii: loo.leverage[i],
    plainMove: plainSpiked[i] - plain[i],
    robustMove: robustSpiked[i] - robust[i], clean };
}

/** The example whose target Exercise 6 spoils. */
const ROBUST_OUTLIER = 50;

export default cached('locally-weighted-regression', () => {
  const { y: ySine } = sine();
  const shown = shownFit();
  const kernels = equivalentKernels();
  const bv = sineBiasVariance();
  const cv = sineCv();
  const h = hdlStudy();
  const at = (x: number) =>
    localLinearFit(h.X, h.y, Float64Array.of(x), h.cv.best).theta[1];
  let whole = 0;
  h.y.forEach((v) => { whole += Number(Number.isInteger(v)); });
  const hdlRows = [0, 4, 9, 14, 20].map((t) => ['local line',
    fixed(HDL_TAUS[t], 1), fixed(h.cv.df[t], 1), fixed(h.cv.mse[t], 4)]);
  hdlRows.push(['straight line', '∞', fixed(h.line.df, 1),
    fixed(h.line.mse, 4)]);
  hdlRows.push(['a + b/x', '∞ (in 1/x)', fixed(h.reciprocal.df, 1),
    fixed(h.reciprocal.mse, 4)]);
  return {
    sine: { n: ySine.length, noise: SINE.noise,
      shown: { x0: SHOWN.x0, tau: SHOWN.tau, yHat: shown.yHat,
        slope: shown.theta[1] },
      kernel: { tau: KERNEL_SHOWN.tau, interior: KERNEL_SHOWN.x0[0],
        boundary: KERNEL_SHOWN.x0[1], boundaryMin: kernels[1].min },
      tausShown: TAUS_SHOWN.slice(0, 3).map(String),
      best: bv.best, tauStar: bv.tauStar, ...formulaRatios(bv),
      cvBest: cv.best, cvDf: cv.bestRun.df },
    kernelAt: [Math.exp(-0.5), Math.exp(-2), Math.exp(-4.5)],
    minHoldOutGap: MIN_HOLD_OUT_GAP,
    hdl: { n: h.X.rows, taus: HDL_TAUS.length, best: h.cv.best,
      bestDf: h.cv.bestRun.df, bestMse: h.cv.bestRun.mse,
      gain: 1 - h.cv.bestRun.mse / h.line.mse,
      df0: h.cv.df[0], mse0: h.cv.mse[0],
      lineMse: h.line.mse, reciprocalMse: h.reciprocal.mse,
      lineVsLocal: h.lineVsLocal, reciprocalVsLocal: h.reciprocalVsLocal,
      lineVsReciprocal: h.lineVsReciprocal,
      slope30: at(30), slope80: at(80),
      whole, wholeShare: whole / h.y.length,
      refits: HDL_TAUS.length * h.X.rows + 2 * h.X.rows,
      rows: hdlRows },
    library: libraryAgreement(h),
    kappa: { x0: KAPPA_X0, rows: kappaRows() },
    dataFactor: { one: 2 ** (5 / 4), ten: 2 ** (14 / 4) },
    exercises: { localConstant: localConstantRows(), ...exerciseStudies() },
    weightsFigure: weightsFigure(),
    bandwidthFigure: bandwidthFigure(),
    equivalentKernelFigure: equivalentKernelFigure(kernels),
    biasVarianceFigure: biasVarianceFigure(bv),
    hdlFigure: hdlFigure(h),
    cvFigure: cvFigure(h),
  };
});
