// Exercise: the exact deviation radius of one fixed hypothesis. Its
// mistakes on m examples are X ~ Binomial(m, L); the smallest r = j/m
// with P(|X/m - L| > r) <= delta, beside Hoeffding's radius.
import { binomialCdf, binomialSf } from '../binomial.ts';
import { requireDelta, requireFinite, requireInt } from '../checks.ts';

/** P(|X/m - L| > r) for X ~ Binomial(m, L), exactly. */
export function deviationTail(m: number, L: number, r: number) {
  requireInt('deviationTail', 'm', m, 1);
  requireFinite('deviationTail', 'L', L);
  requireFinite('deviationTail', 'r', r);
  if (L < 0 || L > 1 || r < 0) {
    throw new Error(`deviationTail: expected L in [0, 1] and r >= 0, ` +
      `got L = ${L}, r = ${r}`);
  }
  const lo = Math.ceil(m * (L - r) - 1e-9) - 1; // X < m (L - r)
  const hi = Math.floor(m * (L + r) + 1e-9); // X > m (L + r)
  return (lo >= 0 ? binomialCdf(Math.min(lo, m), m, L) : 0) +
    (hi < m ? binomialSf(Math.max(hi, 0), m, L) : 0);
}

/** The smallest r = j/m whose exact tail is at most delta. */
export function exactRadius(m: number, delta: number, L = 0.5) {
  requireInt('exactRadius', 'm', m, 1);
  requireDelta('exactRadius', delta);
  requireFinite('exactRadius', 'L', L);
  if (L < 0 || L > 1) {
    throw new Error(`exactRadius: L must be in [0, 1], got ${L}`);
  }
  let j = 0;
  while (deviationTail(m, L, j / m) > delta) j += 1;
  return j / m;
}
