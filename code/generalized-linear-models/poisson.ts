// The Poisson distribution: its probabilities and a seeded sampler,
// which the probability chapter did not need and this chapter does.
// Browser-safe: no node imports.
import type { Rng } from '../introduction/random.ts';
import { requirePositive } from '../introduction/checks.ts';
import { logGamma } from '../probability/special.ts';

// #region poisson-pmf
/** log P(Y = k) = k log μ − μ − log k!, Eq. (glm-poisson). */
export function poissonLogPmf(k: number, mu: number): number {
  requirePositive('poissonLogPmf', 'μ', mu);
  if (!(Number.isInteger(k) && k >= 0)) {
    throw new Error(`poissonLogPmf: expected a count k >= 0, got ${k}`);
  }
  return k * Math.log(mu) - mu - logGamma(k + 1);
}
// #endregion

// #region poisson-sample
/** The largest mean poissonSample accepts: it takes about μ steps. */
export const MAX_POISSON_MEAN = 1000;

/**
 * One Poisson(μ) draw: the number of arrivals of a unit-rate Poisson
 * process in [0, μ], whose gaps are Exp(1) = −log(1 − U).
 */
export function poissonSample(rng: Rng, mu: number): number {
  requirePositive('poissonSample', 'μ', mu);
  if (mu > MAX_POISSON_MEAN) {
    throw new Error(
      `poissonSample: μ must be <= ${MAX_POISSON_MEAN}, got ${mu}`,
    );
  }
  let t = -Math.log1p(-rng.uniform()); // the first arrival
  let k = 0;
  // P(k > 10 μ + 100) < 1e−40 for μ <= 1000: a bound, not a tuning knob
  while (t <= mu) {
    if (++k > 10 * mu + 100) {
      throw new Error(`poissonSample: over ${k} arrivals for μ = ${mu}`);
    }
    t -= Math.log1p(-rng.uniform());
  }
  return k;
}
// #endregion
