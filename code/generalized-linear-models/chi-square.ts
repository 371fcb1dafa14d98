// The upper tail of the χ² distribution, P(χ²_k >= x), for the p-values
// of deviance tests: a regularized incomplete gamma function, by its
// series below the mean and its continued fraction above (Press et al.,
// Numerical Recipes, §6.2). Browser-safe.
import { requireFinite, requirePositive } from '../introduction/checks.ts';
import { logGamma } from '../probability/special.ts';

// #region chi-square-tail
/** P(χ²_k >= x) = Q(k/2, x/2), the regularized upper gamma. */
export function chiSquareTail(x: number, k: number): number {
  checkChi('chiSquareTail', x, k);
  if (x === 0) return 1;
  const a = k / 2;
  const z = x / 2;
  // log of z^a e^(−z) / Γ(a): the factor both expansions share
  const front = a * Math.log(z) - z - logGamma(a);
  if (z < a + 1) {
    // P(a, z) = front · Σ_n z^n / (a (a + 1) … (a + n))
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && term > sum * 1e-17; n++) {
      term *= z / (a + n);
      sum += term;
    }
    return 1 - Math.exp(front) * sum;
  }
  // Q(a, z) = front · 1/(z + 1 − a − 1(1 − a)/(z + 3 − a − …)), Lentz
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let f = d;
  for (let n = 1; n < 1000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    f *= d * c;
    if (Math.abs(d * c - 1) < 1e-16) break;
  }
  return Math.exp(front) * f;
}
// #endregion

function checkChi(fn: string, x: number, k: number): void {
  requireFinite(fn, 'x', x);
  if (x < 0) throw new Error(`${fn}: x must be >= 0, got ${x}`);
  requirePositive(fn, 'k (degrees of freedom)', k);
}
