// Exercise: Ward's k clusters' within-cluster sum of squares read off
// the linkage matrix, without the data. Browser-safe.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { checkInt, checkLinkage } from '../checks.ts';

// #region ward-sse
/** Σ over the first n − k merges of h²/2: each Ward merge at height h
 *  adds ΔSSE = h²/2 (Eq. (hc-ward-height)) to a total that starts at
 *  0 with n singletons. */
export function sseFromHeights(Z: Matrix, k: number): number {
  checkLinkage('sseFromHeights', Z);
  const n = Z.rows + 1;
  checkInt('sseFromHeights', 'k', k, 1, n);
  let sse = 0;
  for (let r = 0; r < n - k; r++) sse += Z.data[4 * r + 2] ** 2 / 2;
  return sse;
}
// #endregion
