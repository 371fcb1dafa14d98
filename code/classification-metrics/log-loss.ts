// Scores of probabilities: the log-loss (clipped as scikit-learn clips
// it, or straight from the logits) and the Brier score.
import { logLikelihoodTerm } from '../logistic-regression/sigmoid.ts';
import {
  requireLabelsScores,
  requireProbabilityArray,
} from './checks.ts';

// #region log-loss
/** scikit-learn 1.2.1's eps = 'auto' for float64: 2⁻⁵². */
export const LOG_LOSS_EPS = Number.EPSILON;

/** −(1/n) Σ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)], Eq. (cm-log-loss),
 *  with pᵢ clipped to [ε, 1 − ε] so that no term is infinite. */
export function logLoss(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  eps = LOG_LOSS_EPS,
): number {
  requireLabelsScores('logLoss', y, p, 'p');
  requireProbabilityArray('logLoss', p);
  if (!(eps > 0 && eps < 0.5)) {
    throw new Error(`logLoss: eps must be in (0, 1/2), got ${eps}`);
  }
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const pi = Math.min(Math.max(p[i], eps), 1 - eps); // clip
    sum -= y[i] === 1 ? Math.log(pi) : Math.log1p(-pi);
  }
  return sum / y.length;
}

/** The same from the logits zᵢ, p = σ(z): exact for any finite z,
 *  Eq. (logr-margin-loss); no clipping needed. */
export function logLossFromLogits(
  y: ArrayLike<number>,
  z: ArrayLike<number>,
): number {
  requireLabelsScores('logLossFromLogits', y, z, 'z');
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    sum -= logLikelihoodTerm(z[i], y[i]);
  }
  return sum / y.length;
}
// #endregion

// #region brier
/** Brier score (1/n) Σ (pᵢ − yᵢ)², Eq. (cm-brier). */
export function brierScore(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
): number {
  requireLabelsScores('brierScore', y, p, 'p');
  requireProbabilityArray('brierScore', p);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (p[i] - y[i]) ** 2;
  return sum / y.length;
}
// #endregion
