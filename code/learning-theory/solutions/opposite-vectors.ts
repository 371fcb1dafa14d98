// Exercise: the Rademacher complexity of A = {a, -a}, a = (1, ..., 1).
// sup over A of <xi, a'> is |xi_1 + ... + xi_n| = |W_n|, the distance
// of a simple random walk from 0 after n steps.
import { binomialLogPmf } from '../binomial.ts';
import { requireFiniteArray, requireInt } from '../checks.ts';
import type { Correlator } from '../rademacher.ts';

/** The correlator of {a, -a}: |sum_i xi_i|. */
export const oppositeCorrelator: Correlator = (xi) => {
  requireFiniteArray('oppositeCorrelator', 'xi', xi);
  let sum = 0;
  for (let i = 0; i < xi.length; i++) sum += xi[i];
  return Math.abs(sum);
};

/** R({a, -a}) = E|W_n| / n in closed form: C(n, n/2) 2^-n for even n,
 *  and the value at n - 1 for odd n. */
export function oppositeRademacher(n: number): number {
  requireInt('oppositeRademacher', 'n', n, 1);
  const even = n % 2 === 0 ? n : n - 1;
  return even === 0 ? 1 : Math.exp(binomialLogPmf(even / 2, even, 0.5));
}
