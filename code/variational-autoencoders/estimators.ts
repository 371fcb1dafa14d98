// Two unbiased estimators of ∂/∂m₁ E[g(z)], z ~ N(m, I) in k
// dimensions, g(z) = Σⱼ zⱼ², every mⱼ = m: the true gradient is 2m.
// Reparameterization differentiates g through z = m + ε; the score
// function (REINFORCE) multiplies g by ∂ log q / ∂m₁ = ε₁.
import type { Rng } from '../introduction/random.ts';
import { checkEstimator, checkToy } from './checks.ts';

export type Estimator = 'reparam' | 'score';

// #region estimators
/** One estimate from S draws: the mean over draws of 2 z₁,
 *  Eq. (vae-grad-reparam), or of g(z) ε₁, Eq. (vae-grad-score). */
export function gradientEstimate(kind: Estimator, k: number, m: number,
  S: number, rng: Rng): number {
  checkEstimator(kind, k, m, S, rng);
  let sum = 0;
  for (let s = 0; s < S; s++) {
    const eps1 = rng.normal();
    let g = (m + eps1) ** 2; // g(z) = Σ zⱼ², z = m + ε
    if (kind === 'score') {
      for (let j = 1; j < k; j++) g += (m + rng.normal()) ** 2;
    }
    sum += kind === 'reparam' ? 2 * (m + eps1) : g * eps1;
  }
  return sum / S;
}
// #endregion

// #region variance-theory
/** Variance of one draw of each estimator, Eq. (vae-var-score):
 *  4 for reparameterization, a quadratic in k for the score. */
export function estimatorVariance(kind: Estimator, k: number,
  m: number): number {
  checkToy('estimatorVariance', kind, k, m);
  if (kind === 'reparam') return 4;
  const a = m * m, r = k - 1; // r dimensions only add noise
  return a * a + 18 * a + 15 + 2 * r * (a + 1) * (a + 3) +
    r * (2 + 4 * a) + r * r * (a + 1) ** 2 - 4 * a;
}
// #endregion

// #region study
/** reps independent estimates: their mean and variance, each with
 *  its standard error (the variance's from the spread of the squared
 *  deviations). */
export function estimatorStudy(kind: Estimator, k: number, m: number,
  S: number, reps: number, rng: Rng) {
  checkEstimator(kind, k, m, S, rng, reps);
  const g = new Float64Array(reps);
  for (let r = 0; r < reps; r++) g[r] = gradientEstimate(kind, k, m, S,
    rng);
  const mean = meanOf(g);
  const sq = g.map((v) => (v - mean) ** 2);
  const variance = meanOf(sq) * reps / (reps - 1);
  return { mean, meanSE: Math.sqrt(variance / reps), variance,
    varianceSE: Math.sqrt(spread(sq) / reps) };
}
// #endregion

function meanOf(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

function spread(x: Float64Array): number { // sample variance
  const mu = meanOf(x);
  let s = 0;
  for (const v of x) s += (v - mu) ** 2;
  return s / (x.length - 1);
}
