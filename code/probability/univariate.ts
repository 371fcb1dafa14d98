// The basic univariate distributions: Bernoulli, categorical and
// normal. Log-probabilities first, because products of many small
// probabilities underflow and sums of their logs do not.
import type { Rng } from '../introduction/random.ts';
import { logSumExp } from '../calculus/softmax.ts';
import {
  calledAs, requireFinite, requireFiniteArray, requireIndex,
  requirePositive, requireProbabilities, requireProbability,
} from '../introduction/checks.ts';

function requireBit(fn: string, x: number): void {
  if (x !== 0 && x !== 1) {
    throw new Error(`${fn}: x must be 0 or 1, got ${x}`);
  }
}

// #region bernoulli
/** log P(X = x) for X ~ Bernoulli(p), x in {0, 1}: Eq. (prob-bern). */
export function bernoulliLogPmf(x: number, p: number): number {
  requireBit('bernoulliLogPmf', x);
  requireProbability('bernoulliLogPmf', 'p', p);
  // log1p(-p) keeps log(1 - p) accurate when p is tiny
  return x === 1 ? Math.log(p) : Math.log1p(-p);
}

/** One draw of Bernoulli(p): 1 with probability p, else 0. */
export function bernoulliSample(rng: Rng, p: number): number {
  requireProbability('bernoulliSample', 'p', p);
  return rng.uniform() < p ? 1 : 0; // P(U < p) = p for U ~ U[0, 1)
}
// #endregion

// #region bernoulli-logit
/** log(1 + e^z) without overflow: max(z, 0) + log1p(e^-|z|). */
export function softplus(z: number): number {
  requireFinite('softplus', 'z', z);
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** log P(X = x) with p = sigma(z) given as the logit z. */
export function bernoulliLogPmfLogit(x: number, z: number): number {
  requireBit('bernoulliLogPmfLogit', x);
  requireFinite('bernoulliLogPmfLogit', 'z', z);
  return x * z - softplus(z); // Eq. (prob-bern-logit)
}
// #endregion

// #region categorical
/** log P(X = k) for X ~ Categorical(probs): Eq. (prob-cat). */
export function categoricalLogPmf(
  k: number,
  probs: ArrayLike<number>,
): number {
  requireProbabilities('categoricalLogPmf', 'probs', probs);
  requireIndex('categoricalLogPmf', 'k', k, probs.length);
  return Math.log(probs[k]);
}

/** log P(X = k) with probs = softmax(z): z_k - logSumExp(z). */
export function categoricalLogPmfLogits(
  k: number,
  z: ArrayLike<number>,
): number {
  requireFiniteArray('categoricalLogPmfLogits', 'z', z);
  requireIndex('categoricalLogPmfLogits', 'k', k, z.length);
  return z[k] - logSumExp(z); // Eq. (prob-cat-logit)
}
// #endregion

// #region categorical-sample
/** One draw of Categorical(probs) by inverting the CDF, Eq. (prob-icdf). */
export function categoricalSample(
  rng: Rng,
  probs: ArrayLike<number>,
): number {
  requireProbabilities('categoricalSample', 'probs', probs);
  const u = rng.uniform();
  let cdf = 0;
  for (let k = 0; k < probs.length; k++) {
    cdf += probs[k];
    if (u < cdf) return k;
  }
  // rounding left the CDF a hair below 1 and u above it: the last
  // category with positive probability owns the gap
  let k = probs.length - 1;
  while (probs[k] === 0) k--;
  return k;
}
// #endregion

// #region normal
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log p(x) for X ~ N(mean, sd^2): Eq. (prob-normal-log). */
export function normalLogPdf(x: number, mean = 0, sd = 1): number {
  requireFinite('normalLogPdf', 'x', x);
  requireFinite('normalLogPdf', 'mean', mean);
  requirePositive('normalLogPdf', 'sd', sd);
  const z = (x - mean) / sd;
  return -0.5 * z * z - Math.log(sd) - LOG_SQRT_2PI;
}

/** The density itself, p(x) = exp(log p(x)): Eq. (prob-normal). */
export function normalPdf(x: number, mean = 0, sd = 1): number {
  return calledAs('normalPdf', () => Math.exp(normalLogPdf(x, mean, sd)));
}
// #endregion
