// Exercise solution: which reverse variance, σ_t² = β_t or β̃_t, the
// exact sampler of Gaussian data prefers, by the data's variance.
import { linearSchedule } from '../schedule.ts';
import { samplerMoments } from '../gaussian.ts';
import { requirePositive, requireInteger } from
  '../../introduction/checks.ts';

// #region sigma-choice
/** |variance of the sampler's output − v| under both choices, for
 *  1-D data N(0, v) and the linear schedule of T steps. */
export function sigmaErrors(v: number, T = 1000) {
  requirePositive('sigmaErrors', 'v', v);
  requireInteger('sigmaErrors', 'T', T, 2);
  const s = linearSchedule(T);
  const err = (c: 'beta' | 'posterior') =>
    Math.abs(samplerMoments(s, [0], [v], c).variance[0] - v);
  return { beta: err('beta'), posterior: err('posterior') };
}
// #endregion
