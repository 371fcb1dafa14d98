// EM for a Gaussian mixture from given initial parameters, stopped as
// scikit-learn's GaussianMixture stops. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkCovType, checkData, checkInt, checkNumber, checkParams,
  type CovType, type GmmParams,
} from './checks.ts';
import { eStep } from './estep.ts';
import { mStep } from './mstep.ts';

export interface EmOptions {
  covType?: CovType; // 'full'
  tol?: number; // stop when the mean log-likelihood moves < tol; 1e-3
  maxIter?: number; // 100
  regCovar?: number; // the covariance floor; 1e-6
}

export interface EmResult {
  params: GmmParams;
  /** Mean log-likelihood at the last E step (scikit-learn's
   *  lower_bound_: the parameters before the last M step). */
  lowerBound: number;
  nIter: number;
  converged: boolean;
  /** The mean log-likelihood at every E step. */
  trace: number[];
  /** Responsibilities and mean log-likelihood of the final params. */
  resp: Matrix;
  meanLogLik: number;
}

// #region em
/** EM: an E step, Eq. (gm-resp), then an M step, Eqs. (gm-m-weights)
 *  to (gm-m-spherical), until the mean log-likelihood changes by less
 *  than tol, or maxIter iterations; then one more E step. */
export function fitGmm(X: Matrix, init: GmmParams,
  options: EmOptions = {}): EmResult {
  const o = emOptions('fitGmm', X, init, options);
  let p = init;
  let lowerBound = -Infinity;
  let converged = false;
  let nIter = 0;
  const trace: number[] = [];
  while (nIter < o.maxIter) {
    nIter++;
    const prev = lowerBound;
    const { resp, meanLogLik } = eStep(X, p, 'fitGmm');
    p = mStep(X, resp, o.covType, o.regCovar);
    lowerBound = meanLogLik;
    trace.push(meanLogLik);
    if (Math.abs(lowerBound - prev) < o.tol) {
      converged = true;
      break;
    }
  }
  const last = eStep(X, p, 'fitGmm');
  return { params: p, lowerBound, nIter, converged, trace,
    resp: last.resp, meanLogLik: last.meanLogLik };
}
// #endregion

function emOptions(fn: string, X: Matrix, init: GmmParams,
  o: EmOptions) {
  checkData(fn, X);
  checkParams(fn, init, X.cols);
  if (typeof o !== 'object' || o === null) {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
  const r = { covType: o.covType ?? 'full', tol: o.tol ?? 1e-3,
    maxIter: o.maxIter ?? 100, regCovar: o.regCovar ?? 1e-6 };
  checkCovType(fn, r.covType);
  checkNumber(fn, 'tol', r.tol, 0);
  checkInt(fn, 'maxIter', r.maxIter, 1);
  checkNumber(fn, 'regCovar', r.regCovar, 0);
  return r;
}
