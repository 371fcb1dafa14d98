// Why the SVD route: on data with a known spectrum, the relative error
// of the smallest variance found by each route.
import { householderQR, thinQ } from '../decompositions/householder.ts';
import { randomOrthogonal } from '../decompositions/examples.ts';
import { createRng } from '../introduction/random.ts';
import { Matrix, matmul, transpose } from '../linear-algebra/matrix.ts';
import { centre, fitPca } from './pca.ts';

// #region known-spectrum
/**
 * n x d centred data Xc = Q diag(s) V^T with orthonormal, centred Q and
 * orthogonal V, so that lambda_j = s_j^2 / (n - 1) exactly.
 */
export function knownSpectrum(
  n: number, s: readonly number[], seed: number,
): Matrix {
  checkSpectrum('knownSpectrum', n, s, seed);
  const d = s.length;
  const G = new Matrix(n, d, createRng(seed).normalArray(n * d));
  const Q = thinQ(householderQR(centre(G).Xc)); // columns sum to ~0
  const QS = new Matrix(n, d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      QS.data[i * d + j] = Q.data[i * d + j] * s[j];
    }
  }
  return matmul(QS, transpose(randomOrthogonal(seed + 1, d)));
}
// #endregion

// #region route-errors
/** Relative error of the smallest variance, by each route. */
export function routeErrors(
  n: number, s: readonly number[], seed: number,
): { svd: number; covariance: number } {
  checkSpectrum('routeErrors', n, s, seed);
  const X = knownSpectrum(n, s, seed);
  const d = s.length;
  const exact = s[d - 1] ** 2 / (n - 1);
  const error = (method: 'svd' | 'covariance') => {
    const ev = fitPca(X, d, { method }).explainedVariance;
    return Math.abs(ev[d - 1] - exact) / exact;
  };
  return { svd: error('svd'), covariance: error('covariance') };
}
// #endregion

function checkSpectrum(
  fn: string, n: number, s: readonly number[], seed: number,
): void {
  if (!Array.isArray(s) || s.length < 1) {
    throw new Error(`${fn}: s must be a non-empty array of numbers`);
  }
  if (!Number.isInteger(n) || n < s.length + 1) {
    throw new Error(`${fn}: n must be an integer >= ${s.length + 1} ` +
      `(one more than s.length), got ${n}`);
  }
  for (let j = 0; j < s.length; j++) {
    const ok = Number.isFinite(s[j]) && s[j] > 0 &&
      (j === 0 || s[j] < s[j - 1]);
    if (!ok) {
      throw new Error(`${fn}: s must be positive and decreasing, got ` +
        `s[${j}] = ${s[j]}`);
    }
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`${fn}: seed must be an integer >= 0, got ${seed}`);
  }
}
