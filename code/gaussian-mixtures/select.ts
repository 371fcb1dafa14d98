// Choosing k and the covariance type: parameter counts, BIC and AIC.
// Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkCovType, checkData, checkInt, type CovType, type GmmParams,
} from './checks.ts';
import { eStep } from './estep.ts';

// #region n-parameters
/** Free parameters of a k-component mixture in d dimensions, counted
 *  as scikit-learn's _n_parameters: k − 1 weights, k d means and the
 *  covariances' free entries, Eq. (gm-nparams). */
export function nParameters(k: number, d: number,
  covType: CovType): number {
  checkInt('nParameters', 'k', k, 1);
  checkInt('nParameters', 'd', d, 1);
  checkCovType('nParameters', covType);
  const cov = { full: k * d * (d + 1) / 2, tied: d * (d + 1) / 2,
    diag: k * d, spherical: k }[covType];
  return k - 1 + k * d + cov;
}
// #endregion

// #region bic
/** BIC, Eq. (gm-bic), and AIC, Eq. (gm-aic), of the mixture p on X:
 *  −2 log-likelihood plus a penalty per free parameter. */
export function informationCriteria(X: Matrix, p: GmmParams,
  covType: CovType) {
  checkData('informationCriteria', X);
  checkCovType('informationCriteria', covType);
  const n = X.rows;
  const logLik = n * eStep(X, p, 'informationCriteria').meanLogLik;
  const q = nParameters(p.weights.length, X.cols, covType);
  return { logLik, nParams: q, bic: -2 * logLik + q * Math.log(n),
    aic: -2 * logLik + 2 * q };
}
// #endregion
