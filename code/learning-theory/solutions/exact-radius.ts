// Exercise: the exact deviation radius of one fixed hypothesis. Its
// mistakes on n examples are X ~ Binomial(n, L); the smallest r = j/n
// with P(|X/n - L| > r) <= delta, beside Hoeffding's radius.
import { binomialCdf, binomialSf } from '../binomial.ts';
import { requireDelta, requireFinite, requireInt } from '../checks.ts';

/** P(|X/n - L| > r) for X ~ Binomial(n, L), exactly. */
export function deviationTail(n: number, L: number, r: number) {
  requireInt('deviationTail', 'n', n, 1);
  requireFinite('deviationTail', 'L', L);
  requireFinite('deviationTail', 'r', r);
  if (L < 0 || L > 1 || r < 0) {
    throw new Error(`deviationTail: expected L in [0, 1] and r >= 0, ` +
      `got L = ${L}, r = ${r}`);
  }
  const lo = Math.ceil(n * (L - r) - 1e-9) - 1; // X < n (L - r)
  const hi = Math.floor(n * (L + r) + 1e-9); // X > n (L + r)
  return (lo >= 0 ? binomialCdf(Math.min(lo, n), n, L) : 0) +
    (hi < n ? binomialSf(Math.max(hi, 0), n, L) : 0);
}

/** The smallest r = j/n whose exact tail is at most delta. */
export function exactRadius(n: number, delta: number, L = 0.5) {
  requireInt('exactRadius', 'n', n, 1);
  requireDelta('exactRadius', delta);
  requireFinite('exactRadius', 'L', L);
  if (L < 0 || L > 1) {
    throw new Error(`exactRadius: L must be in [0, 1], got ${L}`);
  }
  let j = 0;
  while (deviationTail(n, L, j / n) > delta) j += 1;
  return j / n;
}
