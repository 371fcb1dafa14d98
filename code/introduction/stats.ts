// Small statistics for checking the generator: sample moments with
// their standard errors, histograms, and Pearson's chi-square test.
import {
  requireFinite,
  requireFiniteArray,
  requireInteger,
  requireInterval,
  requireProbabilities,
} from './checks.ts';

// #region moments
export interface Moments {
  n: number;
  mean: number;
  variance: number; // with divisor n - 1
  skewness: number;
  kurtosis: number; // excess kurtosis: 0 for a normal
}

/** Sample mean, variance, skewness and excess kurtosis of xs. */
export function moments(xs: ArrayLike<number>): Moments {
  requireFiniteArray('moments', 'xs', xs);
  const n = xs.length;
  if (n < 2) throw new Error(`moments: need n >= 2 values, got ${n}`);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i] / n;
  let m2 = 0, m3 = 0, m4 = 0; // central moments, divisor n
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    m2 += (d * d) / n;
    m3 += (d * d * d) / n;
    m4 += (d * d * d * d) / n;
  }
  const variance = (m2 * n) / (n - 1);
  const skewness = m3 / m2 ** 1.5;
  const kurtosis = m4 / (m2 * m2) - 3;
  return { n, mean, variance, skewness, kurtosis };
}
// #endregion

// #region histogram
/** Counts of xs in `bins` equal bins over [lo, hi); others dropped. */
export function histogram(
  xs: ArrayLike<number>,
  lo: number,
  hi: number,
  bins: number,
): number[] {
  if (!(lo < hi) || !Number.isInteger(bins) || bins < 1) {
    throw new Error(
      `histogram: need lo < hi and an integer bins >= 1, got ` +
        `lo=${lo}, hi=${hi}, bins=${bins}`,
    );
  }
  checkHistogram(xs, lo, hi);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < xs.length; i++) {
    const k = Math.floor(((xs[i] - lo) / (hi - lo)) * bins);
    if (k >= 0 && k < bins) counts[k]++;
  }
  return counts;
}
// #endregion

// #region chi-square
export interface ChiSquare {
  statistic: number; // Eq. (rng-chi-square)
  dof: number; // bins - 1
  z: number; // Eq. (rng-wilson-hilferty): about N(0, 1) if fit is right
}

/** Pearson's chi-square of counts against bin probabilities probs. */
export function chiSquare(counts: number[], probs: number[]): ChiSquare {
  if (counts.length !== probs.length || counts.length < 2) {
    throw new Error(
      `chiSquare: need >= 2 bins and as many probabilities, got ` +
        `${counts.length} counts, ${probs.length} probabilities`,
    );
  }
  checkChiSquare(counts, probs);
  const n = counts.reduce((a, b) => a + b, 0);
  let statistic = 0;
  for (let k = 0; k < counts.length; k++) {
    const expected = n * probs[k];
    statistic += (counts[k] - expected) ** 2 / expected;
  }
  const dof = counts.length - 1;
  const c = 2 / (9 * dof);
  const z = (Math.cbrt(statistic / dof) - (1 - c)) / Math.sqrt(c);
  return { statistic, dof, z };
}
// #endregion

// #region normal-bins
/** The standard normal density phi(x). */
export function normalDensity(x: number): number {
  requireFinite('normalDensity', 'x', x);
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** P(a <= Z < b) for Z ~ N(0, 1), by Simpson's rule, panels <= 0.01. */
export function normalProbability(a: number, b: number): number {
  requireInterval('normalProbability', a, b, ['a', 'b']);
  const m = 2 * Math.max(1, Math.ceil((b - a) / 0.02)); // even count
  const w = (b - a) / m;
  let sum = normalDensity(a) + normalDensity(b);
  for (let i = 1; i < m; i++) {
    sum += (i % 2 === 1 ? 4 : 2) * normalDensity(a + i * w);
  }
  return (sum * w) / 3;
}
// #endregion

// Input checks of the functions above.

function checkHistogram(xs: ArrayLike<number>, lo: number, hi: number) {
  requireInterval('histogram', lo, hi);
  if (xs.length > 0) requireFiniteArray('histogram', 'xs', xs);
  else if (!Array.isArray(xs) && !ArrayBuffer.isView(xs)) {
    throw new Error(`histogram: xs must be an array, got ${typeof xs}`);
  }
}

/** Counts >= 0; probabilities > 0 (each bin is expected) summing to 1. */
function checkChiSquare(counts: number[], probs: number[]): void {
  const fn = 'chiSquare';
  requireFiniteArray(fn, 'counts', counts);
  counts.forEach((c, k) => requireInteger(fn, `counts[${k}]`, c));
  requireProbabilities(fn, 'probs', probs);
  const k = probs.findIndex((p) => !(p > 0));
  if (k >= 0) {
    throw new Error(`${fn}: probs[${k}] = ${probs[k]}; every bin needs ` +
      'a probability > 0');
  }
}
