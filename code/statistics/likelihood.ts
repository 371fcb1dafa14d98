// Log-likelihoods of an i.i.d. sample, their gradients (the score), and
// the maximum-likelihood estimates in closed form: Gaussian, Bernoulli.
import { moments } from '../introduction/stats.ts';
import {
  bernoulliLogPmf,
  normalLogPdf,
} from '../probability/univariate.ts';
import {
  requireFinite,
  requireFiniteArray,
  requirePositive,
  requireProbability,
} from '../introduction/checks.ts';

// #region gaussian-log-likelihood
/** Eq. (stat-gauss-ll): the sum of log N(x_i; mu, sigma2). */
export function gaussianLogLikelihood(
  xs: ArrayLike<number>,
  mu: number,
  sigma2: number,
): number {
  checkGaussian('gaussianLogLikelihood', xs, mu, sigma2);
  const sd = Math.sqrt(sigma2);
  let ll = 0;
  for (let i = 0; i < xs.length; i++) ll += normalLogPdf(xs[i], mu, sd);
  return ll;
}

/** The gradient in (mu, sigma2), Eq. (stat-gauss-score). */
export function gaussianScore(
  xs: ArrayLike<number>,
  mu: number,
  sigma2: number,
): Float64Array {
  checkGaussian('gaussianScore', xs, mu, sigma2);
  const n = xs.length;
  let s1 = 0; // sum of (x_i - mu)
  let s2 = 0; // sum of (x_i - mu)^2
  for (let i = 0; i < n; i++) {
    s1 += xs[i] - mu;
    s2 += (xs[i] - mu) ** 2;
  }
  return Float64Array.of(
    s1 / sigma2,
    -n / (2 * sigma2) + s2 / (2 * sigma2 * sigma2),
  );
}
// #endregion

// #region gaussian-mle
export interface GaussianFit {
  n: number;
  mu: number; // Eq. (stat-gauss-mle-mu): the sample mean
  sigma2: number; // Eq. (stat-gauss-mle-var): divisor n, not n - 1
}

/** The Gaussian MLE; refuses samples with no spread. */
export function gaussianMle(xs: ArrayLike<number>): GaussianFit {
  checkSample('gaussianMle', xs);
  const { n, mean, variance } = moments(xs); // variance has divisor n-1
  const sigma2 = (variance * (n - 1)) / n;
  if (!(sigma2 > 0)) {
    throw new Error(
      'gaussianMle: all values are equal, so the likelihood grows ' +
        'without bound as sigma2 -> 0; the MLE does not exist',
    );
  }
  return { n, mu: mean, sigma2 };
}
// #endregion

// #region bernoulli-log-likelihood
/** Eq. (stat-bern-ll): the sum of log P(X = x_i) over 0/1 data. */
export function bernoulliLogLikelihood(
  xs: ArrayLike<number>,
  p: number,
): number {
  requireBits('bernoulliLogLikelihood', xs);
  requireProbability('bernoulliLogLikelihood', 'p', p);
  let ll = 0;
  for (let i = 0; i < xs.length; i++) ll += bernoulliLogPmf(xs[i], p);
  return ll;
}

/** k/p - (n - k)/(1 - p), the derivative in p: Eq. (stat-bern-score). */
export function bernoulliScore(xs: ArrayLike<number>, p: number): number {
  requireBits('bernoulliScore', xs);
  requireProbability('bernoulliScore', 'p', p);
  if (!(p > 0 && p < 1)) {
    throw new Error(`bernoulliScore: p must be in (0, 1), got ${p}`);
  }
  const k = countOnes(xs);
  return k / p - (xs.length - k) / (1 - p);
}

/** The number of ones in 0/1 data. */
export function countOnes(xs: ArrayLike<number>): number {
  requireBits('countOnes', xs);
  let k = 0;
  for (let i = 0; i < xs.length; i++) k += xs[i];
  return k;
}

/** The MLE k/n, Eq. (stat-bern-mle). */
export function bernoulliMle(xs: ArrayLike<number>): number {
  requireBits('bernoulliMle', xs);
  return countOnes(xs) / xs.length;
}
// #endregion

// Input checks of the functions above.

/** Throws unless xs holds at least two finite numbers. */
function checkSample(fn: string, xs: ArrayLike<number>): void {
  requireFiniteArray(fn, 'xs', xs);
  if (xs.length < 2) {
    throw new Error(`${fn}: need n >= 2 values, got ${xs.length}`);
  }
}

function checkGaussian(
  fn: string,
  xs: ArrayLike<number>,
  mu: number,
  sigma2: number,
): void {
  requireFiniteArray(fn, 'xs', xs);
  requireFinite(fn, 'mu', mu);
  requirePositive(fn, 'sigma2', sigma2);
}

/** Throws unless xs is a non-empty array of 0s and 1s. */
export function requireBits(fn: string, xs: ArrayLike<number>): void {
  requireFiniteArray(fn, 'xs', xs);
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] !== 0 && xs[i] !== 1) {
      throw new Error(`${fn}: every x must be 0 or 1, got xs[${i}] = ` +
        `${xs[i]}`);
    }
  }
}
