// Single linkage through a minimum spanning tree (Prim, O(n²)), as
// SciPy computes it. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkDistances } from './checks.ts';
import { sortAndLabel } from './linkage-matrix.ts';

// #region mst
/** Prim's algorithm from point 0 on the complete graph of distances
 *  D: each step adds the outside point y nearest to the tree, at
 *  height best[y]. The edge is recorded from the point added last
 *  (x), which joins the same single-linkage clusters (see the text). */
export function mstSingleLinkage(D: Matrix): Matrix {
  checkDistances('mstSingleLinkage', D);
  const n = D.rows;
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity); // distance to tree
  const merges = new Matrix(n - 1, 4);
  let x = 0;
  for (let k = 0; k < n - 1; k++) {
    inTree[x] = 1;
    let y = -1;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      if (inTree[i]) continue;
      best[i] = Math.min(best[i], D.data[x * n + i]);
      if (best[i] < min) { min = best[i]; y = i; }
    }
    merges.data.set([x, y, min, 0], 4 * k);
    x = y;
  }
  return sortAndLabel(merges);
}
// #endregion
