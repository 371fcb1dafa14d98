// Gaussian discriminant analysis fitted by maximum likelihood: the class
// priors, the class means, the pooled and the per-class covariances.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkClasses, checkMatrix } from './checks.ts';

// #region class-moments
export interface ClassMoments {
  counts: Int32Array; // n_k
  priors: Float64Array; // π_k, Eq. (da-prior)
  means: Matrix; // K x d, row k is μ_k, Eq. (da-mean)
}

/** Maximum-likelihood priors and means of the K classes. */
export function classMoments(X: Matrix, y: Int32Array): ClassMoments {
  const K = checkClasses('classMoments', X, y);
  const { rows: n, cols: d } = X;
  const counts = new Int32Array(K);
  const means = new Matrix(K, d);
  for (let i = 0; i < n; i++) {
    counts[y[i]]++;
    for (let j = 0; j < d; j++) {
      means.data[y[i] * d + j] += X.data[i * d + j];
    }
  }
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < d; j++) means.data[k * d + j] /= counts[k];
  }
  const priors = Float64Array.from(counts, (c) => c / n); // Eq. (da-prior)
  return { counts, priors, means };
}
// #endregion

// #region scatter
/** S_k = Σ_{i: y_i = k} (x_i − μ_k)(x_i − μ_k)ᵀ, one d x d per class. */
export function classScatters(X: Matrix, y: Int32Array): Matrix[] {
  checkClasses('classScatters', X, y);
  const { counts, means } = classMoments(X, y);
  const d = X.cols;
  const S = Array.from(counts, () => new Matrix(d, d));
  const r = new Float64Array(d);
  for (let i = 0; i < X.rows; i++) {
    const k = y[i];
    for (let j = 0; j < d; j++) {
      r[j] = X.data[i * d + j] - means.data[k * d + j];
    }
    const s = S[k].data;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) s[a * d + b] += r[a] * r[b];
    }
  }
  return S;
}
// #endregion

// #region covariances
/** Pooled covariance Σ S_k / (n − shift): shift 0 is the MLE. */
export function pooledCovariance(
  X: Matrix, y: Int32Array, shift = 0,
): Matrix {
  const K = checkClasses('pooledCovariance', X, y);
  checkShift('pooledCovariance', 'shift', shift, X.rows);
  const S = classScatters(X, y);
  const d = X.cols;
  const out = new Matrix(d, d);
  for (let k = 0; k < K; k++) {
    for (let t = 0; t < d * d; t++) out.data[t] += S[k].data[t];
  }
  for (let t = 0; t < d * d; t++) out.data[t] /= X.rows - shift;
  return out; // Eq. (da-pooled) for shift = 0; n − K unbiased
}

/** Per-class covariances S_k / (n_k − ddof): ddof 0 is the MLE. */
export function classCovariances(
  X: Matrix, y: Int32Array, ddof = 0,
): Matrix[] {
  checkShift('classCovariances', 'ddof', ddof, 2);
  checkClasses('classCovariances', X, y, ddof + 1);
  const { counts } = classMoments(X, y);
  return classScatters(X, y).map((S, k) => new Matrix(S.rows, S.cols,
    S.data.map((v) => v / (counts[k] - ddof)))); // Eq. (da-class-cov)
}
// #endregion

function checkShift(fn: string, name: string, v: number, n: number) {
  if (!Number.isInteger(v) || v < 0 || v >= n) {
    throw new Error(`${fn}: ${name} must be an integer in ` +
      `0..${n - 1}, got ${v}`);
  }
}

/** The column means of X (every row weighted 1/n). */
export function columnMeans(X: Matrix): Float64Array {
  checkMatrix('columnMeans', 'X', X);
  const { rows: n, cols: d } = X;
  const m = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) m[j] += X.data[i * d + j] / n;
  }
  return m;
}
