// Sample mean and sample covariance of the rows of a data matrix: how
// we estimate mu and Sigma from data.
import {
  Matrix, checkFinite, type Vector,
} from '../linear-algebra/matrix.ts';

// #region sample-mean
/** The mean of the rows of X (n x d): Eq. (prob-sample-mean). */
export function sampleMean(X: Matrix): Vector {
  checkFinite('sampleMean', 'X', X);
  const { rows: n, cols: d } = X;
  const mu = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) mu[j] += X.data[i * d + j] / n;
  }
  return mu;
}

// #endregion

// #region sample-cov
/** The d x d sample covariance, divisor n - ddof: Eq. (prob-sample-cov). */
export function sampleCovariance(X: Matrix, ddof = 1): Matrix {
  checkFinite('sampleCovariance', 'X', X);
  const { rows: n, cols: d } = X;
  if (!(ddof === 0 || ddof === 1) || n - ddof < 1) {
    throw new Error(`sampleCovariance: expected ddof 0 or 1 and more ` +
      `than ddof rows, got ddof ${ddof} and ${n} rows`);
  }
  const mu = sampleMean(X);
  const S = new Matrix(d, d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const dj = X.data[i * d + j] - mu[j];
      for (let k = 0; k <= j; k++) {
        S.data[j * d + k] += dj * (X.data[i * d + k] - mu[k]);
      }
    }
  }
  for (let j = 0; j < d; j++) {
    for (let k = 0; k <= j; k++) {
      S.data[j * d + k] /= n - ddof;
      S.data[k * d + j] = S.data[j * d + k]; // symmetric by construction
    }
  }
  return S;
}
// #endregion
