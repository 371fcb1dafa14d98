// The E step in log space: the log density of every point under every
// component from the Cholesky factor of its covariance, and the
// responsibilities by log-sum-exp. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  NotPositiveDefiniteError, cholesky,
} from '../decompositions/cholesky.ts';
import { checkData, checkParams, type GmmParams } from './checks.ts';

// #region log-gaussian
/** log π_m + log N(x_i | μ_m, Σ_m) for every i and m, Eq. (gm-log-
 *  gaussian): with Σ_m = L Lᵀ, the quadratic form is ‖L⁻¹(x − μ)‖²
 *  (one forward substitution) and log det Σ_m = 2 Σ_j log L_jj. */
export function logJoint(X: Matrix, p: GmmParams,
  fn = 'logJoint'): Matrix {
  checkData(fn, X);
  checkParams(fn, p, X.cols);
  const { data: x, rows: n, cols: d } = X;
  const k = p.weights.length;
  const out = new Matrix(n, k);
  const z = new Float64Array(d);
  const c = -0.5 * d * Math.log(2 * Math.PI);
  for (let m = 0; m < k; m++) {
    const L = factor(fn, p.covs[m], m).data;
    let halfLogDet = 0; // ½ log det Σ_m, Eq. (gm-logdet)
    for (let j = 0; j < d; j++) halfLogDet += Math.log(L[j * d + j]);
    const mu = p.means.data.subarray(m * d, (m + 1) * d);
    const base = Math.log(p.weights[m]) + c - halfLogDet;
    for (let i = 0; i < n; i++) {
      let q = 0; // ‖z‖² with L z = x_i − μ_m
      for (let j = 0; j < d; j++) {
        let s = x[i * d + j] - mu[j];
        for (let t = 0; t < j; t++) s -= L[j * d + t] * z[t];
        z[j] = s / L[j * d + j];
        q += z[j] * z[j];
      }
      out.data[i * k + m] = base - 0.5 * q;
    }
  }
  return out;
}
// #endregion

// #region collapse-error
/** The Cholesky factor of component m's covariance; a covariance that
 *  is not positive definite is a collapsed component, and the error
 *  says so in the caller's name. */
function factor(fn: string, S: Matrix, m: number): Matrix {
  try {
    return cholesky(S);
  } catch (e) {
    if (!(e instanceof NotPositiveDefiniteError)) {
      throw new Error(`${fn}: covs[${m}]: ${(e as Error).message}`);
    }
    throw new Error(`${fn}: the covariance of component ${m} is not ` +
      'positive definite: the component has collapsed onto too few ' +
      'points (its likelihood grows without bound). Use regCovar > 0 ' +
      `(scikit-learn's reg_covar, 1e-6 by default) or fewer ` +
      `components. (${e.message})`);
  }
}
// #endregion

// #region e-step
/** The E step, Eq. (gm-resp): log r_im = a_im − logsumexp_l a_il with
 *  a = logJoint; the row's log-sum-exp is log p(x_i), so the mean of
 *  those is the mean log-likelihood, Eq. (gm-loglik) over n. */
export function eStep(X: Matrix, p: GmmParams, fn = 'eStep') {
  const A = logJoint(X, p, fn);
  const { rows: n, cols: k } = A;
  const resp = new Matrix(n, k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lse = logSumExp(A.data, i * k, k); // Eq. (gm-lse)
    total += lse;
    for (let m = 0; m < k; m++) {
      resp.data[i * k + m] = Math.exp(A.data[i * k + m] - lse);
    }
  }
  return { resp, meanLogLik: total / n };
}

/** log Σ_m exp(a_m) over a[start .. start + k), the largest term
 *  factored out so that no exp overflows and one term is exp(0) = 1. */
function logSumExp(a: Float64Array, start: number, k: number): number {
  let top = -Infinity;
  for (let m = 0; m < k; m++) top = Math.max(top, a[start + m]);
  if (top === -Infinity) return -Infinity;
  let s = 0;
  for (let m = 0; m < k; m++) s += Math.exp(a[start + m] - top);
  return top + Math.log(s);
}
// #endregion
