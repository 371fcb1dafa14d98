// The bootstrap sample of one tree, kept as counts: count[i] is how
// often sample i was drawn, and a tree fitted with these counts as
// sample weights is the tree fitted on the bootstrap sample itself.
import type { Rng } from '../introduction/random.ts';
import { checkCount } from './checks.ts';

// #region bootstrap
/** n draws with replacement from 0..n−1, as counts per sample. */
export function bootstrapCounts(n: number, rng: Rng): Float64Array {
  checkCount('bootstrapCounts', 'n', n, 1);
  const count = new Float64Array(n);
  for (let t = 0; t < n; t++) count[rng.int(0, n)] += 1;
  return count;
}

/** Eq. (rf-inbag): the chance that a sample is drawn at least once. */
export function inBagFraction(n: number): number {
  checkCount('inBagFraction', 'n', n, 1);
  // 1 − (1 − 1/n)^n, with log1p and expm1 so that large n loses
  // nothing to rounding
  return -Math.expm1(n * Math.log1p(-1 / n));
}
// #endregion
