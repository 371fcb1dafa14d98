// Leave-one-out cross-validation of the bandwidth, from one local fit
// per training point. Browser-safe.
import { Matrix, dot } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { checkXy } from '../linear-regression/model.ts';
import { checkTau } from './kernel.ts';
import { equivalentKernel } from './local-fit.ts';

// #region loo
/**
 * 1 − S_ii below this would leave the held-out residual, which
 * divides by it, with fewer than about 8 correct digits.
 */
export const MIN_HOLD_OUT_GAP = 1e-8;

export interface LooResult {
  /** ŷ_i = l(x_i)ᵀy, the in-sample fit. */
  fitted: Vector;
  /** S_ii = l_i(x_i), the weight of y_i in its own fit. */
  leverage: Vector;
  /** y_i − ŷ_{−i}(x_i), Eq. (lwr-loo). */
  residuals: Vector;
  /** The mean squared held-out residual. */
  mse: number;
  /** Effective degrees of freedom tr S, Eq. (lwr-df). */
  df: number;
}

/** Held-out residuals without refitting, Eq. (lwr-loo). */
export function leaveOneOut(X: Matrix, y: Vector, tau: number): LooResult {
  const fn = 'leaveOneOut';
  checkXy(fn, X, y);
  checkTau(fn, tau);
  const n = X.rows;
  const fitted = new Float64Array(n);
  const leverage = new Float64Array(n);
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = equivalentKernel(X, X.row(i), tau); // l(x_i)
    fitted[i] = dot(l, y);
    leverage[i] = l[i];
    const gap = 1 - l[i];
    if (!(gap > MIN_HOLD_OUT_GAP)) throw alone(fn, i, l[i], tau);
    residuals[i] = (y[i] - fitted[i]) / gap; // Eq. (lwr-loo)
  }
  const mse = dot(residuals, residuals) / n;
  const df = leverage.reduce((s, v) => s + v, 0); // Eq. (lwr-df)
  return { fitted, leverage, residuals, mse, df };
}

function alone(fn: string, i: number, sii: number, tau: number) {
  return new Error(
    `${fn}: point ${i} has S_ii = ${sii}: with tau = ${tau} its own ` +
      `target decides its fit, and 1 - S_ii must exceed ` +
      `${MIN_HOLD_OUT_GAP}; increase tau`,
  );
}
// #endregion

// #region select-bandwidth
/** Leave-one-out error and tr S for each τ, and the τ that wins. */
export function selectBandwidth(X: Matrix, y: Vector, taus: number[]) {
  if (!Array.isArray(taus) || taus.length === 0) {
    throw new Error('selectBandwidth: expected a non-empty array of taus');
  }
  checkXy('selectBandwidth', X, y);
  taus.forEach((tau) => checkTau('selectBandwidth', tau));
  const runs = taus.map((tau) => leaveOneOut(X, y, tau));
  let best = 0;
  runs.forEach((r, t) => {
    if (r.mse < runs[best].mse) best = t;
  });
  return {
    taus,
    mse: runs.map((r) => r.mse),
    df: runs.map((r) => r.df),
    best: taus[best],
    bestRun: runs[best],
  };
}
// #endregion
