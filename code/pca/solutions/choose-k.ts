// Exercise: the smallest k whose components explain a given share.
import { requireFiniteArray } from '../../introduction/checks.ts';

// #region choose-k
/** Smallest k with sum of ratio[0..k-1] >= share, Eq. (pca-cumulative). */
export function chooseK(ratio: ArrayLike<number>, share: number): number {
  requireFiniteArray('chooseK', 'ratio', ratio);
  if (!(share > 0 && share <= 1)) {
    throw new Error(`chooseK: share must be in (0, 1], got ${share}`);
  }
  for (let j = 0; j < ratio.length; j++) {
    if (ratio[j] < 0) {
      throw new Error(`chooseK: ratio[${j}] must be >= 0, got ${ratio[j]}`);
    }
  }
  let cumulative = 0;
  for (let k = 1; k <= ratio.length; k++) {
    cumulative += ratio[k - 1];
    if (cumulative >= share * (1 - 1e-12)) return k; // rounding slack
  }
  throw new Error(`chooseK: the ratios sum to ${cumulative}, less ` +
    `than the share ${share}`);
}
// #endregion
