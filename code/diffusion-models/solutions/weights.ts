// Exercise solution: the weights that the true ELBO puts on each step's
// ε-error, and that L_simple sets to one.
import type { Schedule } from '../schedule.ts';
import { sigmaSquared, type SigmaChoice } from '../sample.ts';
import { checkSchedule, checkSigma } from '../checks.ts';

// #region vlb-weights
/** γ_t = β_t² / (2σ_t² α_t (1 − ᾱ_t)) for t = 2 … T (index t − 2):
 *  L_{t−1} = γ_t E‖ε − ε_θ‖², Eq. (dm-lt-eps). */
export function vlbWeights(s: Schedule,
  sigma: SigmaChoice = 'posterior'): Float64Array {
  checkSchedule('vlbWeights', s);
  checkSigma('vlbWeights', sigma);
  const w = new Float64Array(s.T - 1);
  for (let t = 2; t <= s.T; t++) {
    const b = s.beta[t - 1];
    w[t - 2] = b * b / (2 * sigmaSquared(s, t, sigma) *
      s.alpha[t - 1] * (1 - s.alphaBar[t - 1]));
  }
  return w;
}
// #endregion
