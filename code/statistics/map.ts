// Maximum a posteriori estimates with conjugate priors: a Beta prior on
// a Bernoulli probability, and a Gaussian prior on a Gaussian mean.
import { moments } from '../introduction/stats.ts';
import {
  requireFinite,
  requireFiniteArray,
  requirePositive,
} from '../introduction/checks.ts';
import { countOnes, requireBits } from './likelihood.ts';

// #region beta-bernoulli
export interface BetaParams {
  a: number;
  b: number;
}

/** Beta(a, b) prior + 0/1 data -> Beta posterior: Eq. (stat-beta-post). */
export function betaBernoulliPosterior(
  prior: BetaParams,
  xs: ArrayLike<number>,
): BetaParams {
  requirePositive('betaBernoulliPosterior', 'prior.a', prior.a);
  requirePositive('betaBernoulliPosterior', 'prior.b', prior.b);
  requireBits('betaBernoulliPosterior', xs);
  const k = countOnes(xs);
  return { a: prior.a + k, b: prior.b + xs.length - k };
}

/** The mode (a-1)/(a+b-2): the MAP estimate, Eq. (stat-beta-map). */
export function betaMode({ a, b }: BetaParams): number {
  requirePositive('betaMode', 'a', a);
  requirePositive('betaMode', 'b', b);
  if (a < 1 || b < 1 || a + b <= 2) {
    throw new Error(
      `betaMode: needs a >= 1, b >= 1 and a + b > 2 for a unique ` +
        `mode, got a=${a}, b=${b}`,
    );
  }
  return (a - 1) / (a + b - 2);
}

/** The mean a/(a+b): the posterior mean, Eq. (stat-beta-mean). */
export function betaMean({ a, b }: BetaParams): number {
  requirePositive('betaMean', 'a', a);
  requirePositive('betaMean', 'b', b);
  return a / (a + b);
}
// #endregion

// #region gaussian-mean-map
export interface GaussianMeanPosterior {
  mean: number; // the MAP estimate and the posterior mean
  variance: number; // the posterior variance of mu
  weight: number; // w in Eq. (stat-shrinkage): the data's share
}

/**
 * Posterior of mu for x_i ~ N(mu, sigma2), sigma2 known, under the
 * prior mu ~ N(mu0, tau2): Eq. (stat-gauss-post).
 */
export function gaussianMeanPosterior(
  xs: ArrayLike<number>,
  sigma2: number,
  mu0: number,
  tau2: number,
): GaussianMeanPosterior {
  const fn = 'gaussianMeanPosterior';
  requireFiniteArray(fn, 'xs', xs);
  requirePositive(fn, 'sigma2', sigma2);
  requireFinite(fn, 'mu0', mu0);
  requirePositive(fn, 'tau2', tau2);
  const n = xs.length;
  const xbar = n >= 2 ? moments(xs).mean : xs[0];
  const precision = n / sigma2 + 1 / tau2; // Eq. (stat-gauss-post-var)
  const weight = n / sigma2 / precision;
  return {
    mean: weight * xbar + (1 - weight) * mu0, // Eq. (stat-shrinkage)
    variance: 1 / precision,
    weight,
  };
}
// #endregion
