// Build-time computation of "Kernels": its figures and every number its
// prose shows, computed by the chapter's code (code/kernels) and cached
// (see src/lib/cache.ts). Seeded throughout. Colour is always paired
// with a symbol, a dash pattern or a direct label.
import { cached } from '../lib/cache.ts';
import { powerOfTen } from '../lib/format.ts';
import { label, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/kernels/sklearn.json' with {
  type: 'json',
};
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { ovoValues } from '../../code/support-vector-machines/predict.ts';
import type { SvcModel } from '../../code/support-vector-machines/svc.ts';
import { gram, type KernelSpec } from '../../code/kernels/kernels.ts';
import {
  poly2Map, polyFeatureCount,
} from '../../code/kernels/feature-map.ts';
import {
  fitKernelRidge, predictKernelRidge,
} from '../../code/kernels/kernel-ridge.ts';
import {
  fitKernelPca, kpcaTransform, maxDiffUpToSign,
} from '../../code/kernels/kernel-pca.ts';
import {
  nystromFeatures, rffFeatures,
} from '../../code/kernels/approx.ts';
import { krrTiming } from '../../code/kernels/timing.ts';
import {
  APPROX, approxStudy, CENTER_N, centeringStudy, GAMMA_SETUP, gammaStudy,
  KPCA, kpcaStudy, PSD_D, PSD_KERNELS, PSD_N, psdStudy, RANKS, REAL,
  realStudy, SEEDS, SVM, svmStudy,
} from '../../code/kernels/studies.ts';

type Mat = { rows: number; cols: number; data: number[] };
const sk = skRaw as unknown as {
  versions: Record<string, string>;
  X: Mat; y: number[]; Xq: Mat;
  pairwise: Record<string, { params: object; K: Mat }>;
  krr: Record<string, { lambda: number; params: object;
    dual_coef: number[]; predict: number[] }>;
  kpca: { gamma: number; k: number; X: Mat; Xq: Mat;
    eigenvalues: number[]; scores: Mat; transform: Mat };
  nystroem: { gamma: number; indices: number[]; features: Mat };
  rff: { gamma: number; W: Mat; b: number[]; features: Mat };
};
const M = (m: Mat) => new Matrix(m.rows, m.cols, Float64Array.from(m.data));
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0;
  for (let i = 0; i < b.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};

// ---------------------------------------------------------------------
// Agreement with scikit-learn (numbers of "Against a library").
function reference() {
  const X = M(sk.X), Xq = M(sk.Xq), y = Float64Array.from(sk.y);
  const krr = Object.entries(sk.krr).map(([name, r]) => {
    const k = { kind: name, ...r.params } as KernelSpec;
    const m = fitKernelRidge(X, y, k, r.lambda);
    return { name, coef: maxDiff(m.alpha, r.dual_coef),
      predict: maxDiff(predictKernelRidge(m, Xq), r.predict) };
  });
  const pair = Object.entries(sk.pairwise).map(([name, r]) => ({
    name, diff: maxDiff(gram({ kind: name, ...r.params } as KernelSpec,
      X, Xq).data, r.K.data),
  }));
  const kp = sk.kpca;
  const m = fitKernelPca(M(kp.X), { kind: 'rbf', gamma: kp.gamma }, kp.k);
  const kpca = { values: maxDiff(m.values, kp.eigenvalues),
    scores: maxDiffUpToSign(kpcaTransform(m, M(kp.X)), M(kp.scores)),
    transform: maxDiffUpToSign(kpcaTransform(m, M(kp.Xq)),
      M(kp.transform)),
    n: kp.X.rows, k: kp.k, q: kp.Xq.rows };
  const ny = nystromFeatures(X, { kind: 'rbf', gamma: sk.nystroem.gamma },
    Int32Array.from(sk.nystroem.indices));
  const rf = rffFeatures(X, M(sk.rff.W), Float64Array.from(sk.rff.b));
  return {
    n: X.rows, d: X.cols, q: Xq.rows, krr, pair, kpca,
    nystrom: maxDiff(ny.data, sk.nystroem.features.data),
    nystromM: sk.nystroem.indices.length,
    rff: maxDiff(rf.data, sk.rff.features.data), rffM: sk.rff.W.cols,
    worst: Math.max(...krr.map((r) => Math.max(r.coef, r.predict))),
  };
}

/** φ(x)ᵀφ(z) against (xᵀz + 1)² on the fixture's rows. */
function featureMapCheck() {
  const X = M(sk.X);
  const F = poly2Map(X, 1);
  const K = gram({ kind: 'polynomial', gamma: 1, coef0: 1, degree: 2 },
    X, X);
  let d = 0;
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.rows; j++) {
      let s = 0;
      for (let t = 0; t < F.cols; t++) {
        s += F.data[i * F.cols + t] * F.data[j * F.cols + t];
      }
      d = Math.max(d, Math.abs(s - K.data[i * X.rows + j]));
    }
  }
  return { diff: d, D: F.cols, d: X.cols };
}

// ---------------------------------------------------------------------
// Figures: the RBF SVM's boundary on two moons and on circles.
const CLASS = [
  { name: 'class 0', color: PALETTE[0], symbol: 'circle' },
  { name: 'class 1', color: PALETTE[1], symbol: 'triangle' },
] as const;

function boundaryFigure(
  m: SvcModel, X: Matrix, y: Int32Array,
  box: { x0: number; x1: number; y0: number; y1: number },
): string {
  const nx = 80, ny = 60;
  const Q = new Matrix(nx * ny, 2);
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      const k = r * nx + c;
      Q.data[2 * k] = box.x0 + ((c + 0.5) * (box.x1 - box.x0)) / nx;
      Q.data[2 * k + 1] = box.y0 + ((r + 0.5) * (box.y1 - box.y0)) / ny;
    }
  }
  const values = Array.from(ovoValues(m, Q).data, (v) => -v);
  const pts = Array.from(y, (c, i) => ({
    x: X.data[2 * i], y: X.data[2 * i + 1], cls: CLASS[c].name,
  }));
  const contour = (t: number, dash?: string) => Plot.contour(values, {
    x1: box.x0, x2: box.x1, y1: box.y0, y2: box.y1, width: nx,
    height: ny, thresholds: [t], stroke: 'currentColor', fill: 'none',
    clip: true, strokeWidth: t === 0 ? 2 : 1.1,
    ...(dash ? { strokeDasharray: dash } : {}),
  });
  return renderPlot({
    width: 388, height: 300,
    marginBottom: 42,
    x: { domain: [box.x0, box.x1], label: 'x₁',
      labelAnchor: 'center', labelOffset: 32, labelArrow: 'none' },
    y: { domain: [box.y0, box.y1], label: 'x₂' },
    color: { domain: CLASS.map((c) => c.name),
      range: CLASS.map((c) => c.color) },
    symbol: { domain: CLASS.map((c) => c.name),
      range: CLASS.map((c) => c.symbol) },
    marks: [
      contour(0), contour(-1, '6,4'), contour(1, '6,4'),
      Plot.dot(pts, { x: 'x', y: 'y', symbol: 'cls', stroke: 'cls',
        fill: 'cls', fillOpacity: 0.35, r: 3 }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Figure: kernel PCA of two circles.
/** Mean of component 1 and range of component 2, per circle. */
function kpcaShape(st: ReturnType<typeof kpcaStudy>) {
  const { S, y } = st;
  const side = (c: number) => {
    let m = 0, k = 0, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== c) continue;
      m += S.data[2 * i]; k++;
      lo = Math.min(lo, S.data[2 * i + 1]);
      hi = Math.max(hi, S.data[2 * i + 1]);
    }
    return { c1: m / k, spread: hi - lo };
  };
  return { outer: side(0), inner: side(1) };
}

function kpcaAlt(st: ReturnType<typeof kpcaStudy>): string {
  const { outer, inner } = kpcaShape(st);
  const f = (v: number) => v.toFixed(2).replace('-', '−');
  return `A scatter plot of ${st.y.length} points in the plane of the ` +
    `first two kernel principal components. The outer circle (dots) ` +
    `collapses to a tight cluster at component 1 ≈ ${f(outer.c1)} ` +
    `(component 2 spans ${f(outer.spread)}); the inner circle ` +
    `(triangles) lies at component 1 ≈ ${f(inner.c1)}, spread along ` +
    `component 2 over ${f(inner.spread)}; a vertical line separates ` +
    `the two groups.`;
}

function kpcaFigure(st: ReturnType<typeof kpcaStudy>) {
  const { S, y } = st;
  const pts = Array.from(y, (c, i) => ({
    'component 1': S.data[2 * i], 'component 2': S.data[2 * i + 1],
    cls: c ? 'inner circle' : 'outer circle',
  }));
  return renderPlot({
    width: 388, height: 280,
    marginBottom: 42,
    x: { label: 'kernel principal component 1',
      labelAnchor: 'center', labelOffset: 32, labelArrow: 'none' },
    y: { label: 'component 2' },
    color: { domain: ['outer circle', 'inner circle'],
      range: [PALETTE[0], PALETTE[1]] },
    symbol: { domain: ['outer circle', 'inner circle'],
      range: ['circle', 'triangle'] },
    marks: [
      Plot.dot(pts, { x: 'component 1', y: 'component 2', symbol: 'cls',
        stroke: 'cls', fill: 'cls', fillOpacity: 0.35, r: 3 }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Figure: approximation error against rank / number of features.
function approxFigure(s: ReturnType<typeof approxStudy>) {
  const summary = (runs: number[][], method: string) =>
    runs.map((errs, k) => ({
      m: RANKS[k], method,
      mean: errs.reduce((a, b) => a + b, 0) / errs.length,
      lo: Math.min(...errs), hi: Math.max(...errs),
    }));
  const nys = summary(s.nys, 'Nyström');
  const rff = summary(s.rff, 'random features');
  const best = RANKS.map((m, k) => ({ m, mean: s.best[k],
    method: 'best rank m' }));
  const style = [
    { rows: nys, color: PALETTE[0], dash: undefined, sym: 'circle' },
    { rows: rff, color: PALETTE[4], dash: '6,3', sym: 'square' },
  ];
  const low = Math.floor(Math.log10(Math.min(...s.best)));
  const ticks = Array.from({ length: 1 - low }, (_, k) => 10 ** (low + k));
  const svg = renderPlot({
    width: 388, height: 300, marginRight: 14,
    marginBottom: 42,
    // d3's log tickFormat drops the label of 80 (its mantissa 8 is over
    // its limit) even for explicit ticks: the labels are a text mark.
    x: { type: 'log', label: 'rank or number of features m',
      ticks: RANKS, tickFormat: () => '',
      labelAnchor: 'center', labelOffset: 32, labelArrow: 'none' },
    y: { type: 'log', label: 'relative error ‖K − K̂‖ / ‖K‖ (Frobenius)',
      domain: [10 ** low, 3], ticks, tickFormat: powerOfTen },
    marks: [
      ...style.map((st) => Plot.ruleX(st.rows, { x: 'm', y1: 'lo',
        y2: 'hi', stroke: st.color, strokeWidth: 3, strokeOpacity: 0.6 })),
      ...style.map((st) => Plot.line(st.rows, { x: 'm', y: 'mean',
        stroke: st.color, strokeWidth: 1.8,
        ...(st.dash ? { strokeDasharray: st.dash } : {}) })),
      ...style.map((st) => Plot.dot(st.rows, { x: 'm', y: 'mean',
        stroke: st.color, fill: st.color, symbol: st.sym, r: 3.5 })),
      Plot.line(best, { x: 'm', y: 'mean', stroke: 'currentColor',
        strokeDasharray: '2,3', strokeWidth: 1.4 }),
      label(nys[4].m, nys[4].mean, 'Nyström', { anchor: 'start',
        dx: 6, dy: 14 }),
      label(rff[2].m, rff[2].mean, 'random features', { anchor: 'start',
        dx: 4, dy: -12 }),
      label(best[3].m, best[3].mean, 'best rank m', { anchor: 'end',
        dx: -8, dy: 10 }),
      Plot.text(RANKS, { x: (v: number) => v, text: (v: number) => String(v),
        frameAnchor: 'bottom', lineAnchor: 'top', dy: 9 }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
  const f = (v: number) => v.toPrecision(2);
  const a = RANKS[0], b = RANKS[RANKS.length - 1], L = RANKS.length - 1;
  const alt = `A log-log plot of relative approximation error against ` +
    `m from ${a} to ${b}. The random-features curve (dashed, squares) ` +
    `falls from ${f(rff[0].mean)} to ${f(rff[L].mean)}, roughly ` +
    `halving for each fourfold increase of m. The Nyström curve ` +
    `(solid, dots) falls from ${f(nys[0].mean)} to ${f(nys[L].mean)}. ` +
    `The dotted best-rank-m curve lies below both, from ` +
    `${f(best[0].mean)} to ${f(best[L].mean)}. Short vertical bars at ` +
    `each point show the range over ${s.nys[0].length} seeds.`;
  return { svg, alt, nys, rff, best };
}

// ---------------------------------------------------------------------
// Figure: the time of exact kernel ridge against n.
function timingFigure(t: ReturnType<typeof krrTiming>) {
  const big = t.rows.filter((r) => r.n >= t.from);
  const last = t.rows[t.rows.length - 1];
  // The least-squares line passes through the mean of (log n, log t).
  const mx = big.reduce((s, r) => s + Math.log(r.n), 0) / big.length;
  const my = big.reduce((s, r) => s + Math.log(r.ms), 0) / big.length;
  const fit = big.map((r) => ({
    n: r.n, ms: Math.exp(my + t.slope * (Math.log(r.n) - mx)),
  }));
  const top = Math.max(...t.rows.map((r) => r.ms), ...fit.map((r) => r.ms));
  const svg = renderPlot({
    width: 388, height: 280, marginRight: 14,
    marginBottom: 42,
    x: { type: 'log', label: 'training points n',
      ticks: t.rows.map((r) => r.n), tickFormat: (v: number) => String(v),
      labelAnchor: 'center', labelOffset: 32, labelArrow: 'none' },
    y: { type: 'log', label: 'fit time (ms)',
      domain: [t.rows[0].ms / 2, 2 * top],
      ticks: [1, 3, 10, 30, 100, 300, 1000, 3000].filter((v) =>
        v >= t.rows[0].ms / 2 && v <= 2 * top),
      tickFormat: (v: number) => String(v) },
    marks: [
      Plot.line(fit, { x: 'n', y: 'ms', stroke: PALETTE[4],
        strokeDasharray: '6,3', strokeWidth: 1.4 }),
      Plot.dot(t.rows, { x: 'n', y: 'ms', fill: PALETTE[0], r: 4 }),
      label(fit[0].n, fit[0].ms,
        `slope ${t.slope.toFixed(2)}`,
        { anchor: 'start', dx: 6, dy: -12 }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
  const first = t.rows[0];
  const alt = `A log-log plot of fit time in milliseconds against the ` +
    `number of training points from ${first.n} to ${last.n}, rising ` +
    `from ${first.ms.toFixed(1)} ms to ${last.ms.toFixed(0)} ms; a ` +
    `dashed least-squares line through the sizes from ${t.from} up is ` +
    `labelled with its slope, ${t.slope.toFixed(2)}.`;
  return { svg, alt, fit };
}

const TIMING_SIZES = [100, 200, 300, 400, 550, 750];
/** "All products of degree up to 3 of d = 100 inputs". */
const POLY_COUNT = { d: 100, degree: 3 };
/** The n at which K alone takes about 8 GB. */
const WALL_N = 32_000;

export default cached('kernels', () => {
  const svm = svmStudy();
  const approx = approxFigure(approxStudy());
  const timing = krrTiming(TIMING_SIZES, 3);
  const kpca = kpcaStudy();
  const last = timing.rows[timing.rows.length - 1];
  const timingFig = timingFigure(timing);
  const pick = <T extends { m: number }>(r: T[], m: number) =>
    r.find((x) => x.m === m)!;
  return {
    versions: sk.versions,
    reference: reference(),
    featureMap: featureMapCheck(),
    psd: psdStudy(),
    psdRank: { linear: PSD_D, poly: polyFeatureCount(PSD_D,
      (PSD_KERNELS[1].k as { degree: number }).degree) },
    moonsFigure: boundaryFigure(svm.moons.model, svm.moons.data.X,
      svm.moons.data.y, { x0: -1.5, x1: 2.5, y0: -1, y1: 1.5 }),
    circlesFigure: boundaryFigure(svm.circles.model, svm.circles.data.X,
      svm.circles.data.y, { x0: -1.4, x1: 1.4, y0: -1.3, y1: 1.3 }),
    svm: Object.fromEntries(Object.entries(svm).map(([k, v]) => [k, {
      n: v.data.y.length, train: v.train, test: v.test,
      nTest: v.nTest, nSv: v.nSv,
      se: Math.sqrt(v.test * (1 - v.test) / v.nTest) }])),
    kpcaFigure: kpcaFigure(kpca),
    kpcaAlt: kpcaAlt(kpca),
    kpcaShape: kpcaShape(kpca),
    kpca: { ...KPCA, onScores: kpca.onScores, onInputs: kpca.onInputs },
    centering: centeringStudy(),
    approxFigure: approx.svg,
    approxAlt: approx.alt,
    approxGamma: APPROX.gamma,
    approx: { seeds: SEEDS.length, ranks: RANKS,
      nys40: pick(approx.nys, 40), rff40: pick(approx.rff, 40),
      best40: pick(approx.best, 40), nys160: pick(approx.nys, 160),
      rff160: pick(approx.rff, 160) },
    approxN: APPROX.n,
    timingFigure: timingFig.svg,
    timingAlt: timingFig.alt,
    timing: { slope: timing.slope, rows: timing.rows, nMax: last.n,
      from: timing.from, above3: timing.slope > 3,
      msMax: last.ms, mbMax: last.bytes / 1e6 },
    polyFeatures: polyFeatureCount(POLY_COUNT.d, POLY_COUNT.degree),
    polyCount: POLY_COUNT,
    wall: { n: WALL_N, gb: (8 * WALL_N * WALL_N) / 1e9 },
    gamma: gammaStudy(),
    gammaSetup: GAMMA_SETUP,
    real: realStudy(),
    realSetup: { folds: REAL.folds, lambda_: REAL.lambda_ },
    psdN: PSD_N, centerN: CENTER_N, svmSetup: SVM,
  };
}, {
  reason: 'about 5 s on a quiet core; the timing figure fits kernel ' +
    'ridge three times at each n up to 750, so load stretches it',
});
