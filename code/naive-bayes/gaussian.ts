// Gaussian naive Bayes: per class, an independent normal for each
// feature, with scikit-learn's variance smoothing.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkColumns,
  checkLabels,
  checkMatrix,
  checkPrior,
} from './checks.ts';
import { classLogPrior } from './posterior.ts';

// #region gaussian-model
export interface GaussianNB {
  K: number; // classes
  d: number; // features
  classCount: Float64Array; // n_c
  classLogPrior: Float64Array; // log π_c
  theta: Matrix; // K x d means μ_cj
  variance: Matrix; // K x d variances σ²_cj, smoothed
  epsilon: number; // what was added to every variance
}

export interface GaussianOptions {
  /** ε = varSmoothing × the largest feature variance; default 1e-9. */
  varSmoothing?: number;
  /** Fixed class probabilities (default: the class shares). */
  priors?: ArrayLike<number>;
}
// #endregion

// #region gaussian-moments
/** n_c, the class means μ_cj and the mean squared deviations (divisor
 *  n_c) of every feature: Eq. (nb-gauss-mle). */
export function classMoments(X: Matrix, y: ArrayLike<number>,
  K: number) {
  checkMoments(X, y, K);
  const { rows: n, cols: d } = X;
  const count = new Float64Array(K);
  const theta = new Matrix(K, d);
  const variance = new Matrix(K, d);
  for (let i = 0; i < n; i++) {
    count[y[i]] += 1;
    for (let j = 0; j < d; j++) {
      theta.data[y[i] * d + j] += X.data[i * d + j];
    }
  }
  for (let t = 0; t < K * d; t++) theta.data[t] /= count[Math.floor(t / d)];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const r = X.data[i * d + j] - theta.data[y[i] * d + j];
      variance.data[y[i] * d + j] += r * r;
    }
  }
  for (let t = 0; t < K * d; t++) {
    variance.data[t] /= count[Math.floor(t / d)];
  }
  return { count, theta, variance };
}
// #endregion

// #region gaussian-fit
/** Class moments plus ε = varSmoothing × the largest feature variance
 *  on every variance: Eq. (nb-var-smoothing). */
export function fitGaussianNB(
  X: Matrix,
  y: ArrayLike<number>,
  o: GaussianOptions = {},
): GaussianNB {
  const { K, varSmoothing } = checkGaussianFit(X, y, o);
  const { count, theta, variance } = classMoments(X, y, K);
  const epsilon = varSmoothing * largestVariance(X);
  for (let t = 0; t < variance.data.length; t++) {
    variance.data[t] += epsilon;
  }
  checkVariances('fitGaussianNB', variance, epsilon);
  return { K, d: X.cols, classCount: count, theta, variance, epsilon,
    classLogPrior: classLogPrior(count, o.priors === undefined ? {}
      : { classPrior: o.priors }) };
}
// #endregion

// #region largest-variance
/** max_j of the variance of column j over all rows (divisor n). */
export function largestVariance(X: Matrix): number {
  checkMatrix('largestVariance', X);
  let best = 0;
  for (let j = 0; j < X.cols; j++) {
    let mean = 0;
    for (let i = 0; i < X.rows; i++) mean += X.data[i * X.cols + j];
    mean /= X.rows;
    let v = 0;
    for (let i = 0; i < X.rows; i++) {
      v += (X.data[i * X.cols + j] - mean) ** 2;
    }
    best = Math.max(best, v / X.rows);
  }
  return best;
}
// #endregion

// #region gaussian-jll
/** J_ic = log π_c + Σ_j log N(x_ij; μ_cj, σ²_cj): Eq. (nb-gauss-jll). */
export function gaussianJll(model: GaussianNB, X: Matrix): Matrix {
  checkMatrix('gaussianJll', X);
  checkColumns('gaussianJll', model.d, X.cols);
  const { K, d, theta, variance } = model;
  const out = new Matrix(X.rows, K);
  for (let c = 0; c < K; c++) {
    let logNorm = 0; // −½ Σ_j log(2π σ²_cj), the same for every row
    for (let j = 0; j < d; j++) {
      logNorm -= 0.5 * Math.log(2 * Math.PI * variance.data[c * d + j]);
    }
    for (let i = 0; i < X.rows; i++) {
      let q = 0; // Σ_j (x_ij − μ_cj)² / σ²_cj
      for (let j = 0; j < d; j++) {
        const r = X.data[i * d + j] - theta.data[c * d + j];
        q += (r * r) / variance.data[c * d + j];
      }
      out.data[i * K + c] = model.classLogPrior[c] + logNorm - 0.5 * q;
    }
  }
  return out;
}
// #endregion

/** Validates fitGaussianNB's arguments; returns K and varSmoothing. */
function checkGaussianFit(X: Matrix, y: ArrayLike<number>,
  o: GaussianOptions) {
  const fn = 'fitGaussianNB';
  checkMatrix(fn, X);
  const K = checkLabels(fn, y, X.rows);
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
  const varSmoothing = o.varSmoothing ?? 1e-9;
  if (!(Number.isFinite(varSmoothing) && varSmoothing >= 0)) {
    throw new Error(`${fn}: varSmoothing must be a finite number >= 0, ` +
      `got ${varSmoothing}`);
  }
  if (o.priors !== undefined) checkPrior(fn, o.priors, K);
  return { K, varSmoothing };
}

/** Validates classMoments' arguments. */
function checkMoments(X: Matrix, y: ArrayLike<number>, K: number) {
  checkMatrix('classMoments', X);
  if (checkLabels('classMoments', y, X.rows) !== K) {
    throw new Error(`classMoments: y must hold the labels 0..K−1 of ` +
      `K = ${K} classes`);
  }
}

/** Throws if a smoothed variance is 0: a constant feature in a class
 *  with no smoothing to lift it. */
function checkVariances(fn: string, V: Matrix, epsilon: number): void {
  for (let t = 0; t < V.data.length; t++) {
    if (!(V.data[t] > 0)) {
      const c = Math.floor(t / V.cols);
      throw new Error(`${fn}: feature ${t - c * V.cols} is constant in ` +
        `class ${c} and epsilon = ${epsilon}; use varSmoothing > 0 ` +
        'or drop the feature');
    }
  }
}
