// Quadratic discriminant analysis: one Gaussian per class, each with its
// own covariance, regularised towards the identity as scikit-learn does.
import { Matrix } from '../linear-algebra/matrix.ts';
import { choleskyFor } from '../decompositions/cholesky.ts';
import { solveLower } from '../decompositions/triangular.ts';
import { classCovariances, classMoments } from './gda.ts';
import { checkClasses, checkIn, checkQueries } from './checks.ts';

// #region fit-qda
export interface Qda {
  means: Matrix; // K x d
  priors: Float64Array;
  covariances: Matrix[]; // Σ_k(λ) of Eq. (da-qda-reg)
  factors: Matrix[]; // Cholesky L_k, Σ_k(λ) = L_k L_kᵀ
  logDets: Float64Array; // log |Σ_k(λ)|
}

/** Σ_k(λ) = (1 − λ) Σ_k + λ I with Σ_k divided by n_k − 1. */
export function fitQda(X: Matrix, y: Int32Array, regParam = 0): Qda {
  const fn = 'fitQda';
  checkClasses(fn, X, y, 2);
  checkIn(fn, 'regParam', regParam, 0, 1);
  const { means, priors, counts } = classMoments(X, y);
  const d = X.cols;
  const covariances = classCovariances(X, y, 1).map((S) => {
    const R = new Matrix(d, d, S.data.map((v) => (1 - regParam) * v));
    for (let j = 0; j < d; j++) R.data[j * d + j] += regParam;
    return R; // Eq. (da-qda-reg)
  });
  const factors = covariances.map((C, k) => choleskyFor(fn, C,
    `the covariance of class ${k} (n_k = ${counts[k]}, d = ${d}, ` +
    `regParam ${regParam}):`));
  const logDets = Float64Array.from(factors, (L) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += 2 * Math.log(L.data[j * d + j]);
    return s;
  });
  return { means, priors, covariances, factors, logDets };
}
// #endregion

// #region qda-scores
/** δ_k(x) = −½ log|Σ_k| − ½ ‖L_k⁻¹(x − μ_k)‖² + log π_k. */
export function qdaScores(m: Qda, X: Matrix): Matrix {
  checkQueries('qdaScores', X, m.means.cols);
  const K = m.priors.length;
  const S = new Matrix(X.rows, K);
  for (let k = 0; k < K; k++) {
    const mu = m.means.row(k);
    for (let i = 0; i < X.rows; i++) {
      const r = X.row(i).map((v, j) => v - mu[j]);
      const z = solveLower(m.factors[k], r); // Eq. (da-qda-score)
      let q = 0;
      for (const t of z) q += t * t;
      S.data[i * K + k] =
        -0.5 * m.logDets[k] - 0.5 * q + Math.log(m.priors[k]);
    }
  }
  return S;
}
// #endregion
