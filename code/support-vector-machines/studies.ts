// The chapter's experiments, each a function of no arguments so that
// its numbers are fixed (seeds, sizes, C and γ below); the figures and
// the prose print what they return. Node only (reads data files).
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadBreastCancer } from '../logistic-regression/breast-cancer.ts';
import { plattByCv } from './calibrate.ts';
import { blobs, twoMoons } from './data.ts';
import { dualMatrix, type Kernel } from './kernel.ts';
import { hingeObjective, pegasos } from './pegasos.ts';
import { plattProbability } from './platt.ts';
import { ovoValues, predictSvc } from './predict.ts';
import { breastCancerScaled } from './real-data.ts';
import { solveDual } from './smo.ts';
import { fitBinary, fitSvc } from './svc.ts';

const signs = (y: Int32Array) => Int8Array.from(y, (c) => (c ? 1 : -1));

// #region margin-study
/** A linear SVM on 40 overlapping blobs, C = 1: w, b and the α. */
export function marginStudy() {
  const { X, y } = blobs(40, 2, 7);
  const C = 1;
  const fit = fitBinary(X, signs(y), C, { kind: 'linear' }, 1e-8);
  const w = new Float64Array(2); // Eq. (sv-w)
  for (let i = 0; i < X.rows; i++) {
    w[0] += fit.coef[i] * X.data[2 * i];
    w[1] += fit.coef[i] * X.data[2 * i + 1];
  }
  const kind = Array.from(fit.alpha, (a) =>
    a === 0 ? 'none' : a >= C ? 'bounded' : 'free');
  return { X, y, C, w, b: fit.b, alpha: fit.alpha, kind };
}
// #endregion

// #region convergence-study
/**
 * One linear problem, two solvers: SMO on the dual (its violation
 * m − M and dual objective per step) and Pegasos on the primal with
 * λ = 1/(nC); P* = −λ D* by strong duality, Eq. (sv-strong-duality).
 */
export function convergenceStudy() {
  const { X, y } = blobs(200, 2.5, 11);
  const n = X.rows, C = 0.5, lambda_ = 1 / (n * C);
  const s = signs(y);
  const { Q, QD } = dualMatrix({ kind: 'linear' }, X, s);
  const smo = solveDual({ Q, QD, y: s, Cp: C, Cn: C },
    { eps: 1e-8, record: true });
  const pStar = -lambda_ * smo.objective;
  const peg = pegasos(X, s, { lambda_, iterations: 20_000, seed: 5,
    every: 50 });
  return {
    n, C, lambda_, pStar, smoIterations: smo.iterations,
    smoGap: smo.gaps, smoSub: smo.objectives.map((v) =>
      lambda_ * (v - smo.objective)),
    pegasos: peg.trace.map((r) => ({ t: r.t, sub: r.objective - pStar })),
    pegasosFinal: hingeObjective(X, s, peg.w, peg.b, lambda_) - pStar,
  };
}
// #endregion

/** Mean and standard error of per-row 0/1 values (or differences). */
function meanSe(v: number[]) {
  const n = v.length;
  const m = v.reduce((a, b) => a + b, 0) / n;
  const s2 = v.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
  return { mean: m, se: Math.sqrt(s2 / n) };
}

/** γ = 1 / (d · Var(X)), scikit-learn's gamma='scale'. */
function gammaScale(X: Matrix): number {
  let m = 0, s = 0;
  for (const v of X.data) m += v;
  m /= X.data.length;
  for (const v of X.data) s += (v - m) ** 2;
  return 1 / (X.cols * (s / X.data.length));
}

// #region scaling-study
/** RBF SVM on the breast cancer data with and without scaling. */
export function scalingStudy() {
  const d = breastCancerScaled(200);
  const raw = unscaledCancer(200);
  const run = (X: Matrix, Xt: Matrix) => {
    const gamma = gammaScale(X);
    const m = fitSvc(X, d.y, { C: 1, kernel: { kind: 'rbf', gamma } });
    const p = predictSvc(m, Xt);
    return { gamma, nSV: m.support.length,
      right: Array.from(p, (c, i) => (c === d.yrest[i] ? 1 : 0)) };
  };
  const scaled = run(d.X, d.Xrest), unscaled = run(raw.X, raw.Xrest);
  return {
    nTrain: d.X.rows, nTest: d.Xrest.rows,
    scaled: { ...meanSe(scaled.right), nSV: scaled.nSV },
    unscaled: { ...meanSe(unscaled.right), nSV: unscaled.nSV },
    difference: meanSe(scaled.right.map((v, i) => v - unscaled.right[i])),
  };
}
// #endregion

/** The same rows in their original units. */
function unscaledCancer(n: number) {
  const { X } = loadBreastCancer();
  const cut = n * X.cols;
  return { X: new Matrix(n, X.cols, X.data.slice(0, cut)),
    Xrest: new Matrix(X.rows - n, X.cols, X.data.slice(cut)) };
}

export const GRID_C = [0.1, 1, 10, 100, 1000];
export const GRID_GAMMA = [0.01, 0.1, 1, 10, 100];

// #region grid-study
/** Test error of RBF SVMs on two moons over a grid of C and γ. */
export function gridStudy() {
  const train = twoMoons(200, 0.3, 3), test = twoMoons(2000, 0.3, 4);
  const cells: { C: number; gamma: number; error: number;
    se: number; nSV: number }[] = [];
  for (const C of GRID_C) {
    for (const gamma of GRID_GAMMA) {
      const m = fitSvc(train.X, train.y, { C, kernel: { kind: 'rbf',
        gamma } });
      const p = predictSvc(m, test.X);
      const wrong = Array.from(p, (c, i) => (c === test.y[i] ? 0 : 1));
      const { mean, se } = meanSe(wrong);
      cells.push({ C, gamma, error: mean, se, nSV: m.support.length });
    }
  }
  return { nTrain: 200, nTest: 2000, cells };
}
// #endregion

// #region imbalance-study
/**
 * 200 points of class 0 against 12 of class 1 (linear kernel, C = 1),
 * with equal weights and with scikit-learn's 'balanced' weights
 * n / (K n_k); recall of class 1 on 4000 balanced test points.
 */
export function imbalanceStudy() {
  const all = blobs(400, 2, 21), test = blobs(4000, 2, 22);
  const keep: number[] = [];
  all.y.forEach((c, i) => { if (c === 0 || i < 212) keep.push(i); });
  const X = new Matrix(keep.length, 2);
  keep.forEach((r, k) => X.data.set(all.X.data.subarray(2 * r, 2 * r + 2),
    2 * k));
  const y = Int32Array.from(keep, (i) => all.y[i]);
  const n1 = y.reduce((a, c) => a + c, 0), n0 = y.length - n1;
  const weights = [y.length / (2 * n0), y.length / (2 * n1)];
  const run = (classWeight: number[]) => {
    const m = fitSvc(X, y, { C: 1, kernel: { kind: 'linear' },
      classWeight });
    const p = predictSvc(m, test.X);
    const hit: number[] = [];
    p.forEach((c, i) => {
      if (test.y[i] === 1) hit.push(c === 1 ? 1 : 0);
    });
    const right = Array.from(p, (c, i) => (c === test.y[i] ? 1 : 0));
    return { recall: meanSe(hit), accuracy: meanSe(right) };
  };
  return { n0, n1, weights, nTest: test.X.rows, plain: run([1, 1]),
    balanced: run(weights) };
}
// #endregion

// #region platt-study
/**
 * libsvm's recipe on the breast cancer rows: Platt's sigmoid on 5-fold
 * decision values, the SVM refitted on all 200 rows; on the other 369
 * rows, where P > ½ and f > 0 disagree.
 */
export function plattStudy() {
  const d = breastCancerScaled(200);
  const opts = { C: 1, kernel: { kind: 'rbf', gamma: 1 / 30 } as Kernel,
    eps: 1e-8 };
  const cv = plattByCv(d.X, d.y, opts, 5, 1);
  const m = fitSvc(d.X, d.y, opts);
  const f = ovoValues(m, d.Xrest).data.map((v) => -v); // class 1 > 0
  const p = plattProbability(f, cv.A, cv.B);
  const rows: { f: number; p: number; y: number }[] = [];
  let disagree = 0;
  f.forEach((v, i) => {
    if ((p[i] > 0.5) !== (v > 0)) disagree++;
    rows.push({ f: v, p: p[i], y: d.yrest[i] });
  });
  return { A: cv.A, B: cv.B, threshold: -cv.B / cv.A, disagree,
    nTest: f.length, rows };
}
// #endregion
