// Gaussian naive Bayes on Fisher's iris data: leave-one-out errors, the
// effect of var_smoothing, and what a feature's units do to it. Node
// only: it loads the data file.
import { loadIris } from '../calculus/iris.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { pairedDifference } from '../k-nearest-neighbors/real-data.ts';
import { fitGaussianNB, gaussianJll, type GaussianOptions } from
  './gaussian.ts';
import {
  calledAs,
  requireFiniteArray,
  requireIndex,
} from '../introduction/checks.ts';
import { checkLabels, checkMatrix } from './checks.ts';
import { argmaxRows } from './posterior.ts';

// #region loo
/** Row i: the joint log-likelihoods of flower i under the model fitted
 *  to the other n − 1 flowers (leave-one-out). */
export function looJll(X: Matrix, y: ArrayLike<number>,
  o: GaussianOptions = {}): Matrix {
  calledAs('looJll', () => fitGaussianNB(X, y, o)); // checks all three
  const { rows: n, cols: d } = X;
  let out: Matrix | undefined;
  for (let i = 0; i < n; i++) {
    const keep = Array.from({ length: n - 1 }, (_, k) => k < i ? k : k + 1);
    const Xi = new Matrix(n - 1, d, Float64Array.from(
      { length: (n - 1) * d }, (_, t) =>
        X.data[keep[Math.floor(t / d)] * d + (t % d)]));
    const model = fitGaussianNB(Xi, keep.map((k) => y[k]), o);
    const q = new Matrix(1, d, X.data.slice(i * d, (i + 1) * d));
    out ??= new Matrix(n, model.K);
    out.data.set(gaussianJll(model, q).data, i * model.K);
  }
  return out!;
}

/** 1 where flower i is misclassified by leave-one-out, else 0. */
export function looErrors(X: Matrix, y: ArrayLike<number>,
  o: GaussianOptions = {}): Float64Array {
  const yHat = argmaxRows(calledAs('looErrors', () => looJll(X, y, o)));
  return Float64Array.from(yHat, (c, i) => +(c !== y[i]));
}
// #endregion

/** The columns `cols` of X. */
export function columns(X: Matrix, cols: readonly number[]): Matrix {
  checkMatrix('columns', X);
  requireFiniteArray('columns', 'cols', cols);
  for (const j of cols) requireIndex('columns', 'cols', j, X.cols);
  const out = new Matrix(X.rows, cols.length);
  for (let i = 0; i < X.rows; i++) {
    cols.forEach((j, k) => {
      out.data[i * cols.length + k] = X.data[i * X.cols + j];
    });
  }
  return out;
}

/** Pearson correlation of columns a and b over the rows of class c. */
export function classCorrelation(X: Matrix, y: ArrayLike<number>,
  c: number, a: number, b: number): number {
  const fn = 'classCorrelation'; // Pearson, over the rows of class c
  checkMatrix(fn, X);
  const K = checkLabels(fn, y, X.rows);
  requireIndex(fn, 'c', c, K);
  requireIndex(fn, 'a', a, X.cols);
  requireIndex(fn, 'b', b, X.cols);
  const rows = Array.from({ length: X.rows }, (_, i) => i)
    .filter((i) => y[i] === c);
  const mean = (j: number) =>
    rows.reduce((s, i) => s + X.data[i * X.cols + j], 0) / rows.length;
  const [ma, mb] = [mean(a), mean(b)];
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (const i of rows) {
    const u = X.data[i * X.cols + a] - ma;
    const v = X.data[i * X.cols + b] - mb;
    sab += u * v;
    saa += u * u;
    sbb += v * v;
  }
  return sab / Math.sqrt(saa * sbb);
}

export const SMOOTHINGS = [1e-9, 1e-6, 1e-4, 1e-3, 1e-2, 0.1, 1];
export const SCALE_SMOOTHING = 1e-2;
export const MICROMETRES = 1e4; // centimetres to micrometres

// #region iris-study
/** Every number the chapter prints about Gaussian NB on iris. */
export function irisStudy() {
  const { X, y, features } = loadIris();
  const n = X.rows;
  const model = fitGaussianNB(X, y);
  const resub = argmaxRows(gaussianJll(model, X))
    .reduce((s, c, i) => s + +(c !== y[i]), 0) / n;
  const loo = looErrors(X, y);
  const petals = columns(X, [2, 3]);
  const looPetals = looErrors(petals, y);
  const sweep = SMOOTHINGS.map((v) => {
    const wrong = looErrors(X, y, { varSmoothing: v });
    return { varSmoothing: v, error: mean(wrong),
      epsilon: fitGaussianNB(X, y, { varSmoothing: v }).epsilon };
  });
  // #endregion
  // #region iris-study-units
  // sepal length in micrometres: its variance grows 10^8-fold and
  // becomes the largest, so epsilon grows about 2 x 10^7-fold
  const Xum = new Matrix(n, 4, X.data.map((v, t) =>
    t % 4 === 0 ? v * MICROMETRES : v));
  const o = { varSmoothing: SCALE_SMOOTHING };
  const cm = looErrors(X, y, o);
  const um = looErrors(Xum, y, o);
  return {
    n, d: X.cols, features, model, resub, loo: mean(loo), looErrors: loo,
    looPetals: mean(looPetals),
    petalVsAll: pairedDifference(looPetals, loo),
    correlation: [0, 1, 2].map((c) => classCorrelation(X, y, c, 2, 3)),
    sweep,
    units: { cm: mean(cm), um: mean(um), diff: pairedDifference(um, cm),
      epsilonCm: fitGaussianNB(X, y, o).epsilon,
      epsilonUm: fitGaussianNB(Xum, y, o).epsilon },
  };
}
// #endregion

function mean(v: Float64Array): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}
