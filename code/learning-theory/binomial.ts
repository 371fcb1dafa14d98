// @unshown: exact binomial probabilities, summed term by term from the
// probability chapter's log-gamma; the tests check them against SciPy.
// The binomial distribution, exactly: the number of violations of a
// bound in R independent repetitions, and the exact error of one fixed
// hypothesis on m examples, are binomial counts.
import { logGamma } from '../probability/special.ts';
import { requireFinite, requireInt } from './checks.ts';

/** log P(X = k) for X ~ Binomial(n, p). */
export function binomialLogPmf(k: number, n: number, p: number): number {
  check('binomialLogPmf', n, p);
  requireInt('binomialLogPmf', 'k', k, 0, n);
  if (p === 0 || p === 1) return k === n * p ? 0 : -Infinity;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) +
    k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** P(X <= k), summed term by term. */
export function binomialCdf(k: number, n: number, p: number): number {
  check('binomialCdf', n, p);
  requireInt('binomialCdf', 'k', k, 0, n);
  let sum = 0;
  for (let j = 0; j <= k; j++) sum += Math.exp(binomialLogPmf(j, n, p));
  return Math.min(1, sum);
}

/** P(X > k), summed directly so that a small tail keeps its digits. */
export function binomialSf(k: number, n: number, p: number): number {
  check('binomialSf', n, p);
  requireInt('binomialSf', 'k', k, 0, n);
  let sum = 0;
  for (let j = n; j > k; j--) sum += Math.exp(binomialLogPmf(j, n, p));
  return Math.min(1, sum);
}

/** The smallest k with P(X <= k) >= q (SciPy's binom.ppf). */
export function binomialQuantile(q: number, n: number, p: number) {
  check('binomialQuantile', n, p);
  requireFinite('binomialQuantile', 'q', q);
  if (!(q >= 0 && q <= 1)) {
    throw new Error(`binomialQuantile: q must be in [0, 1], got ${q}`);
  }
  let cdf = 0;
  for (let k = 0; k < n; k++) {
    cdf += Math.exp(binomialLogPmf(k, n, p));
    if (cdf >= q) return k;
  }
  return n;
}

function check(fn: string, n: number, p: number) {
  requireInt(fn, 'n', n);
  requireFinite(fn, 'p', p);
  if (p < 0 || p > 1) {
    throw new Error(`${fn}: p must be in [0, 1], got ${p}`);
  }
}
