// Exercise: the Wald interval for a proportion, the Agresti-Coull
// ("plus four") interval, and the exact coverage of each.
import {
  requireFunction, requireInteger, requireProbability,
} from '../../introduction/checks.ts';
import type { Interval } from '../intervals.ts';
import { countOnes, requireBits } from '../likelihood.ts';
import { normalQuantile } from '../normal-quantile.ts';

// #region wald
/** p-hat +- z sqrt(p-hat (1 - p-hat) / n) from 0/1 data. */
export function waldInterval(xs: ArrayLike<number>, level = 0.95) {
  requireBits('waldInterval', xs);
  const n = xs.length;
  return around(countOnes(xs) / n, n, level, 'waldInterval');
}

/** The same around (k + 2)/(n + 4), Eq. (stat-beta-mean), a = b = 2. */
export function plusFourInterval(xs: ArrayLike<number>, level = 0.95) {
  requireBits('plusFourInterval', xs);
  const k = countOnes(xs);
  return around((k + 2) / (xs.length + 4), xs.length + 4, level,
    'plusFourInterval');
}

/** centre +- z_{1-alpha/2} sqrt(centre (1 - centre) / m). */
function around(centre: number, m: number, level: number, fn: string) {
  checkLevel(fn, level);
  const half = normalQuantile((1 + level) / 2) *
    Math.sqrt((centre * (1 - centre)) / m);
  return { lo: centre - half, hi: centre + half };
}
// #endregion

// #region exact-coverage
/** P(interval covers p) for Binomial(n, p): a sum over k = 0..n. */
export function exactCoverage(n: number, p: number,
  interval: (xs: ArrayLike<number>) => Interval): number {
  checkBinomial(n, p, interval);
  let total = 0;
  let logC = 0; // log of n choose k
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    const xs = Array.from({ length: n }, (_, i) => (i < k ? 1 : 0));
    const { lo, hi } = interval(xs);
    if (lo <= p && p <= hi) {
      total += Math.exp(logC + k * Math.log(p) +
        (n - k) * Math.log1p(-p));
    }
  }
  return total;
}
// #endregion

function checkLevel(fn: string, level: number): void {
  requireProbability(fn, 'level', level);
  if (level === 0 || level === 1) {
    throw new Error(`${fn}: level must be in (0, 1), got ${level}`);
  }
}

function checkBinomial(n: number, p: number, interval: unknown): void {
  requireFunction('exactCoverage', 'interval', interval);
  requireInteger('exactCoverage', 'n', n, 1);
  requireProbability('exactCoverage', 'p', p);
  if (p === 0 || p === 1) {
    throw new Error(`exactCoverage: p must be in (0, 1), got ${p}`);
  }
}
