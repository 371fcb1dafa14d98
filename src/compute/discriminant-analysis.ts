// Build-time computation of "Discriminant analysis": its figures, the
// data of its interactive demo and every number its prose shows, computed
// by the chapter's code (code/discriminant-analysis) and cached (see
// src/lib/cache.ts). Seeded throughout. Colour is always paired with a
// symbol or a direct label.
import { cached } from '../lib/cache.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/discriminant-analysis/sklearn.json' with {
  type: 'json',
};
import { Matrix, fromRows } from '../../code/linear-algebra/matrix.ts';
import { symmetricEigen } from '../../code/decompositions/eigen.ts';
import { loadWine } from '../../code/k-nearest-neighbors/wine.ts';
import { fitLogisticNewton } from '../../code/logistic-regression/fit.ts';
import { logisticHessian } from '../../code/logistic-regression/model.ts';
import { classMoments, pooledCovariance } from '../../code/discriminant-analysis/gda.ts';
import {
  impliedLogistic, ldaScores, posteriorFromScores,
} from '../../code/discriminant-analysis/lda.ts';
import { fitQda, qdaScores } from '../../code/discriminant-analysis/qda.ts';
import {
  empiricalCovariance, ledoitWolfCovariance,
} from '../../code/discriminant-analysis/shrinkage.ts';
import {
  fitLdaEigen, fitLdaSvd, ldaDecision, ldaTransform, type LdaFit,
} from '../../code/discriminant-analysis/fit-lda.ts';
import {
  cvAccuracy, fisherRatio, gaussianClasses, lda2, ldaAfter, pca2, takeRows,
  type Fitter,
} from '../../code/discriminant-analysis/experiments.ts';

const sk = skRaw as unknown as {
  versions: Record<string, string>;
  shrink: number; reg: number;
  ledoit_wolf_per_class: number[];
  lda: Record<string, unknown>[];
  qda: Record<string, unknown>[];
  qda_small: { rows: number[]; qda: { covariance: number[][];
    warnings: string[] } };
};

const CULTIVARS = ['cultivar 1', 'cultivar 2', 'cultivar 3'];
// 520 wide with 16 px text: at 358 px (a 390 px phone) the text is 11 px
const STYLE = { background: 'transparent', fontSize: '16px' };
const CLASS_STYLE = [
  { color: PALETTE[0], symbol: 'circle' },
  { color: PALETTE[1], symbol: 'square' },
  { color: PALETTE[2], symbol: 'triangle' },
] as const;
const FOLDS = 10;
const SEED = 1;

const meanSe = (a: ArrayLike<number>) => {
  const n = a.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += a[i] / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (a[i] - m) ** 2 / (n - 1);
  return { mean: m, se: Math.sqrt(v / n) };
};

// ---------------------------------------------------------------------
// LDA against PCA on the wine data

function projectionStudy() {
  const { X, y } = loadWine();
  const Zp = pca2(X, y)(X);
  const Zl = lda2(X, y)(X);
  const accP = cvAccuracy(X, y, ldaAfter(pca2), FOLDS, SEED);
  const accL = cvAccuracy(X, y, ldaAfter(lda2), FOLDS, SEED);
  const diff = accL.map((a, i) => a - accP[i]);
  const full = cvAccuracy(X, y, (Xa, ya) => {
    const f = fitLdaEigen(Xa, ya);
    return (Q) => ldaDecision(f, Q);
  }, FOLDS, SEED);
  return {
    X, y, Zp, Zl,
    fisherPca: fisherRatio(Zp, y), fisherLda: fisherRatio(Zl, y),
    fisherAll: fisherRatio(X, y),
    pca: meanSe(accP), lda: meanSe(accL), diff: meanSe(diff),
    full: meanSe(full),
    ratios: Array.from(fitLdaEigen(X, y).ratios),
  };
}

function projectionFigure(s: ReturnType<typeof projectionStudy>): string {
  const panels = [
    `PCA: Fisher ratio ${s.fisherPca.toFixed(1)}`,
    `LDA: Fisher ratio ${s.fisherLda.toFixed(1)}`,
  ];
  // each panel's coordinates scaled to unit standard deviation on x
  const rows = [s.Zp, s.Zl].flatMap((Z, p) => {
    let m0 = 0; let m1 = 0;
    for (let i = 0; i < Z.rows; i++) {
      m0 += Z.get(i, 0) / Z.rows; m1 += Z.get(i, 1) / Z.rows;
    }
    let v = 0;
    for (let i = 0; i < Z.rows; i++) v += (Z.get(i, 0) - m0) ** 2 / Z.rows;
    const sd = Math.sqrt(v);
    return Array.from(s.y, (c, i) => ({
      x: (Z.get(i, 0) - m0) / sd, y: (Z.get(i, 1) - m1) / sd,
      c, name: CULTIVARS[c], panel: panels[p],
    }));
  });
  // direct labels: each cultivar's name beside its centroid, per panel
  const names = panels.flatMap((panel) => [0, 1, 2].map((c) => {
    const pts = rows.filter((r) => r.panel === panel && r.c === c);
    const cx = pts.reduce((t, r) => t + r.x, 0) / pts.length;
    const cy = pts.reduce((t, r) => t + r.y, 0) / pts.length;
    return { x: cx, y: cy, text: CULTIVARS[c], panel };
  }));
  return renderPlot({
    width: 520, height: 320, style: STYLE,
    marginLeft: 50, marginBottom: 46, marginRight: 10, inset: 14,
    fx: { label: null, domain: panels, padding: 0.12 },
    x: { label: 'first direction (standardised)', ticks: [-2, 0, 2],
      tickFormat: (v: number) => String(v), labelAnchor: 'center',
      labelArrow: 'none' },
    y: { label: 'second direction', ticks: [-2, 0, 2],
      tickFormat: (v: number) => String(v), labelAnchor: 'center',
      labelArrow: 'none' },
    symbol: { domain: CULTIVARS, range: CLASS_STYLE.map((c) => c.symbol) },
    color: { domain: CULTIVARS, range: CLASS_STYLE.map((c) => c.color) },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.dot(rows, { x: 'x', y: 'y', fx: 'panel', symbol: 'name',
        stroke: 'name', fill: 'name', fillOpacity: 0.45, r: 3 }),
      Plot.text(names, { x: 'x', y: 'y', fx: 'panel', text: 'text',
        fill: 'currentColor', fontWeight: 'bold', fontSize: 16,
        stroke: 'var(--plot-background)', strokeWidth: 4,
        paintOrder: 'stroke' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Agreement with scikit-learn (the same comparisons as the tests)

function maxRel(a: ArrayLike<number>, b: number[]): number {
  let m = 0; let s = 0;
  for (let i = 0; i < b.length; i++) {
    m = Math.max(m, Math.abs(a[i] - b[i])); s = Math.max(s, Math.abs(b[i]));
  }
  return m / s;
}

/** maxRel after aligning the sign of each column of the cols-column
 *  matrix a with b's, as the tests do (an eigenvector's sign is free). */
function maxRelUpToSign(a: ArrayLike<number>, b: number[], cols: number) {
  const c = Float64Array.from(a);
  for (let j = 0; j < cols; j++) {
    let dot = 0;
    for (let t = j; t < b.length; t += cols) dot += c[t] * b[t];
    if (dot < 0) for (let t = j; t < b.length; t += cols) c[t] = -c[t];
  }
  return maxRel(c, b);
}

function agreement(X: Matrix, y: Int32Array) {
  const lda = sk.lda.map((r) => {
    const shrink = r.shrinkage as number | 'auto' | null;
    const f: LdaFit = r.solver === 'svd' ? fitLdaSvd(X, y)
      : fitLdaEigen(X, y, shrink);
    const S = ldaDecision(f, X);
    const m = f.scalings.cols;
    const errs = [
      maxRel(f.priors, r.priors as number[]),
      maxRel(f.means.data, r.means as number[]),
      maxRel(f.covariance.data, r.covariance as number[]),
      maxRel(f.W.data, r.coef as number[]),
      maxRel(f.b, r.intercept as number[]),
      maxRelUpToSign(f.scalings.data, r.scalings as number[], m),
      maxRel(f.ratios, r.explained_variance_ratio as number[]),
      maxRel(S.data, r.decision_function as number[]),
      maxRel(posteriorFromScores(S).data, r.predict_proba as number[]),
      maxRelUpToSign(ldaTransform(f, X).data, r.transform as number[], m),
    ];
    return { solver: String(r.solver),
      shrinkage: shrink === null ? 'none' : String(shrink),
      worst: Math.max(...errs) };
  });
  const qda = sk.qda.map((r) => {
    const m = fitQda(X, y, r.reg_param as number);
    const S = qdaScores(m, X);
    const cov = m.covariances.flatMap((c) => Array.from(c.data));
    const errs = [
      maxRel(m.means.data, r.means as number[]),
      maxRel(cov, (r.covariance as number[][]).flat()),
      maxRel(S.data, r.decision_function as number[]),
      maxRel(posteriorFromScores(S).data, r.predict_proba as number[]),
    ];
    return { reg: r.reg_param as number, worst: Math.max(...errs) };
  });
  return { lda, qda };
}

// ---------------------------------------------------------------------
// Shared-covariance Gaussians: the logistic weights they imply

export const LOGISTIC = { n: 20_000, seed: 7,
  means: [[0, 0], [1, 0.5]], A: [[1, 0], [0.5, 0.8]], priors: [0.4, 0.6] };

function logisticStudy() {
  const means = fromRows(LOGISTIC.means);
  const A = fromRows(LOGISTIC.A);
  const priors = Float64Array.from(LOGISTIC.priors);
  const Sigma = new Matrix(2, 2);
  for (let a = 0; a < 2; a++) {
    for (let b = 0; b < 2; b++) {
      Sigma.data[a * 2 + b] = A.get(a, 0) * A.get(b, 0) +
        A.get(a, 1) * A.get(b, 1);
    }
  }
  const truth = impliedLogistic(ldaScores(means, Sigma, priors));
  const { X, y } = gaussianClasses(LOGISTIC.n, means, A, priors,
    LOGISTIC.seed);
  const m = classMoments(X, y);
  const lda = impliedLogistic(ldaScores(m.means, pooledCovariance(X, y),
    m.priors));
  const yv = Float64Array.from(y);
  const fit = fitLogisticNewton(X, yv);
  const H = logisticHessian(X, fit.theta);
  const Hinv = inverse2or3(H);
  const se = Array.from({ length: 3 }, (_, j) => Math.sqrt(Hinv[j][j]));
  return {
    n: LOGISTIC.n,
    truth: [truth.b, ...truth.w], lda: [lda.b, ...lda.w],
    logistic: [fit.b, ...fit.w], se,
    z: [fit.b - truth.b, fit.w[0] - truth.w[0], fit.w[1] - truth.w[1]]
      .map((v, j) => v / se[j]),
    zLda: [lda.b - truth.b, lda.w[0] - truth.w[0], lda.w[1] - truth.w[1]]
      .map((v, j) => v / se[j]),
  };
}

/** The inverse of a small SPD matrix, by its eigendecomposition. */
function inverse2or3(H: Matrix): number[][] {
  const { values, vectors } = symmetricEigen(H);
  const n = H.rows;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n },
    (_, j) => {
      let s = 0;
      for (let k = 0; k < n; k++) {
        s += vectors.get(i, k) * vectors.get(j, k) / values[k];
      }
      return s;
    }));
}

// ---------------------------------------------------------------------
// Singular covariances, shrinkage and scaling

function errorOf(f: () => unknown): string {
  try { f(); } catch (e) { return (e as Error).message; }
  return 'no error';
}

function singularStudy(X: Matrix, y: Int32Array) {
  const [Xs, ys] = takeRows(X, y, sk.qda_small.rows);
  const qdaMessage = errorOf(() => fitQda(Xs, ys, 0));
  const ours = fitQda(Xs, ys, sk.reg).covariances[2];
  const oursEig = symmetricEigen(ours).values;
  const skCov = new Matrix(13, 13,
    Float64Array.from(sk.qda_small.qda.covariance[2]));
  const skEig = symmetricEigen(skCov).values;
  const big = skEig[0];
  const skRank = skEig.filter((v) => v > 1e-9 * big).length;
  // LDA with d > n − K: four wines of each cultivar
  const few: number[] = [];
  for (let k = 0; k < 3; k++) {
    let c = 0;
    for (let i = 0; i < y.length && c < 4; i++) {
      if (y[i] === k) { few.push(i); c++; }
    }
  }
  const [Xf, yf] = takeRows(X, y, few);
  const ldaMessage = errorOf(() => fitLdaEigen(Xf, yf));
  const autoFit = fitLdaEigen(Xf, yf, 'auto');
  const autoAcc = accuracyOn(autoFit, X, y);
  return {
    nk: sk.qda_small.rows.filter((i) => y[i] === 2).length,
    qdaMessage, oursMin: oursEig[12], skRank,
    skSmallNonzero: skEig[skRank - 1], skWarning: sk.qda_small.qda.warnings[0],
    nFew: few.length, ldaMessage, autoAcc,
  };
}

function accuracyOn(f: LdaFit, X: Matrix, y: Int32Array): number {
  const S = ldaDecision(f, X);
  let right = 0;
  for (let i = 0; i < y.length; i++) {
    const r = S.row(i);
    let b = 0;
    for (let k = 1; k < r.length; k++) if (r[k] > r[b]) b = k;
    if (b === y[i]) right++;
  }
  return right / y.length;
}

/** The map that standardises rows with the mean and standard deviation
 *  of the rows of X (fitted on a training fold, applied to any rows). */
function standardiser(X: Matrix): (Q: Matrix) => Matrix {
  const d = X.cols;
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < d; j++) m[j] += X.data[i * d + j] / X.rows;
  }
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < d; j++) v[j] += (X.data[i * d + j] - m[j]) ** 2 / X.rows;
  }
  return (Q) => new Matrix(Q.rows, d, Q.data.map((x, t) =>
    (x - m[t % d]) / Math.sqrt(v[t % d])));
}

function scalingStudy(X: Matrix, y: Int32Array) {
  const ldaWith = (s: number | 'auto' | null): Fitter => (Xa, ya) => {
    const f = fitLdaEigen(Xa, ya, s);
    return (Q) => ldaDecision(f, Q);
  };
  // standardised with the training fold's own means and deviations
  const scaledWith = (s: number | 'auto' | null): Fitter => (Xa, ya) => {
    const z = standardiser(Xa);
    const f = fitLdaEigen(z(Xa), ya, s);
    return (Q) => ldaDecision(f, z(Q));
  };
  const row = (s: number | 'auto' | null) => ({
    raw: meanSe(cvAccuracy(X, y, ldaWith(s), FOLDS, SEED)),
    scaled: meanSe(cvAccuracy(X, y, scaledWith(s), FOLDS, SEED)),
  });
  const lw = [0, 1, 2].map((k) => {
    const idx: number[] = [];
    y.forEach((c, i) => { if (c === k) idx.push(i); });
    return ledoitWolfCovariance(takeRows(X, y, idx)[0]).alpha;
  });
  // proline's variance against the others' (MLE variances of raw X)
  const S = empiricalCovariance(X);
  const d = X.cols;
  const vars = Array.from({ length: d }, (_, j) => S.data[j * d + j]);
  const names = loadWine().features;
  const PROLINE = names.indexOf('proline');
  const MAGNESIUM = names.indexOf('magnesium');
  let rest = Infinity; // smallest ratio to a feature other than magnesium
  vars.forEach((v, j) => {
    if (j !== PROLINE && j !== MAGNESIUM) rest = Math.min(rest, vars[PROLINE] / v);
  });
  let next = 0; // the largest variance after proline's must be magnesium's
  vars.forEach((v, j) => { if (j !== PROLINE && v > vars[next]) next = j; });
  if (next !== MAGNESIUM) throw new Error('scalingStudy: magnesium is not next');
  return { none: row(null), fixed: row(sk.shrink), auto: row('auto'), lw,
    prolineRatio: Math.round(vars[PROLINE] / vars[MAGNESIUM]),
    prolineRatioRest: Math.floor(rest / 1000) * 1000,
  };
}

/** QDA's smallest log-density log N(x_i | μ_k, Σ_k) on wine, over every
 *  training point and every class (the posterior's underflow risk). */
function minLogDensity(X: Matrix, y: Int32Array): number {
  const m = fitQda(X, y, 0);
  const S = qdaScores(m, X); // log π_k + log N + (d/2) log 2π
  let min = Infinity;
  for (let i = 0; i < X.rows; i++) {
    for (let k = 0; k < S.cols; k++) {
      const logN = S.data[i * S.cols + k] - Math.log(m.priors[k]) -
        (X.cols / 2) * Math.log(2 * Math.PI);
      min = Math.min(min, logN);
    }
  }
  return min;
}

// ---------------------------------------------------------------------
// The live figure's data

const DEMO_FEATURES = [0, 6]; // alcohol, flavanoids

function demoData(X: Matrix, y: Int32Array) {
  const X2 = new Matrix(X.rows, 2);
  for (let i = 0; i < X.rows; i++) {
    X2.data[2 * i] = X.get(i, DEMO_FEATURES[0]);
    X2.data[2 * i + 1] = X.get(i, DEMO_FEATURES[1]);
  }
  const values = Array.from({ length: 21 }, (_, i) => i / 20);
  const cv = (fit: (v: number) => Fitter) => values.map((v) =>
    meanSe(cvAccuracy(X2, y, fit(v), FOLDS, SEED)));
  const cvLda = cv((v) => (Xa, ya) => {
    const f = fitLdaEigen(Xa, ya, v);
    return (Q) => ldaDecision(f, Q);
  });
  const cvQda = cv((v) => (Xa, ya) => {
    const f = fitQda(Xa, ya, v);
    return (Q) => qdaScores(f, Q);
  });
  return {
    x: Array.from(X2.data), y: Array.from(y), names: CULTIVARS,
    axes: ['alcohol (% vol)', 'flavanoids'] as [string, string],
    box: [10.8, 15.0, 0, 5.6] as [number, number, number, number],
    ticks: [[11, 12, 13, 14, 15], [0, 1, 2, 3, 4, 5]] as [number[], number[]],
    values, cvLda: cvLda.map((c) => c.mean), cvQda: cvQda.map((c) => c.mean),
    seLda: cvLda.map((c) => c.se), seQda: cvQda.map((c) => c.se),
  };
}

/** How far solver "svd" and solver "eigen" differ on the same data. */
function solverGap(X: Matrix, y: Int32Array) {
  const a = ldaDecision(fitLdaSvd(X, y), X);
  const b = ldaDecision(fitLdaEigen(X, y), X);
  const Pa = posteriorFromScores(a);
  const Pb = posteriorFromScores(b);
  let gap = 0;
  for (let t = 0; t < Pa.data.length; t++) {
    gap = Math.max(gap, Math.abs(Pa.data[t] - Pb.data[t]));
  }
  let differ = 0;
  for (let i = 0; i < X.rows; i++) {
    const ra = a.row(i);
    const rb = b.row(i);
    if (ra.indexOf(Math.max(ra[0], ra[1], ra[2])) !==
      rb.indexOf(Math.max(rb[0], rb[1], rb[2]))) differ++;
  }
  return { gap, differ };
}

export default cached('discriminant-analysis', () => {
  const s = projectionStudy();
  const { X, y } = s;
  const counts = Array.from(classMoments(X, y).counts);
  return {
    n: X.rows, d: X.cols, counts,
    countMin: Math.min(...counts), countMax: Math.max(...counts),
    minLogDensity: minLogDensity(X, y),
    projectionFigure: projectionFigure(s),
    proj: { fisherPca: s.fisherPca, fisherLda: s.fisherLda,
      fisherAll: s.fisherAll, pca: s.pca, lda: s.lda, diff: s.diff,
      full: s.full, ratios: s.ratios },
    folds: FOLDS,
    agree: agreement(X, y),
    solvers: solverGap(X, y),
    logistic: logisticStudy(),
    singular: singularStudy(X, y),
    scaling: scalingStudy(X, y),
    shrink: sk.shrink, reg: sk.reg,
    skLw: sk.ledoit_wolf_per_class,
    demo: demoData(X, y),
    versions: sk.versions,
  };
});
