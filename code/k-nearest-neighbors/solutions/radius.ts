// Exercise solution: every training row within distance r of a query,
// found with the k-d tree of the chapter. Browser-safe.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { checkP, checkSearch } from '../checks.ts';
import { fromReduced, reducedDistance } from '../distance.ts';
import { before } from '../heap.ts';
import { boxBound, type KdTree } from '../kd-tree.ts';

// #region radius
/** The rows of tree.X within distance r of row q of Q, nearest first,
 *  ties by index: the tree search with a fixed radius in place of the
 *  k-th best distance, so no heap is needed. */
export function radiusNeighbors(
  tree: KdTree, Q: Matrix, q: number, r: number, p = 2,
): { indices: number[]; distances: number[] } {
  checkRadius(tree, Q, q, r, p);
  const { X, order, start, end, nodes } = tree;
  const found: { i: number; rho: number }[] = [];
  const visit = (t: number): void => {
    if (fromReduced(boxBound(tree, t, Q.data, q, p), p) > r) return;
    if (2 * t + 1 < nodes) return visit(2 * t + 1), visit(2 * t + 2);
    for (let s = start[t]; s < end[t]; s++) {
      const rho = reducedDistance(Q.data, q, X.data, order[s], X.cols, p);
      if (fromReduced(rho, p) <= r) found.push({ i: order[s], rho });
    }
  };
  visit(0);
  found.sort((a, b) => (before(a.rho, a.i, b.rho, b.i) ? -1 : 1));
  return {
    indices: found.map((f) => f.i),
    distances: found.map((f) => fromReduced(f.rho, p)),
  };
}
// #endregion

function checkRadius(
  tree: KdTree, Q: Matrix, q: number, r: number, p: number,
): void {
  const fn = 'radiusNeighbors';
  checkSearch(fn, tree.X, Q, 1, p);
  checkP(fn, p);
  if (!Number.isInteger(q) || q < 0 || q >= Q.rows) {
    throw new Error(`${fn}: q must be a row of Q in [0, ${Q.rows}), ` +
      `got ${q}`);
  }
  if (!(r >= 0 && Number.isFinite(r))) {
    throw new Error(`${fn}: r must be finite and >= 0, got ${r}`);
  }
}
