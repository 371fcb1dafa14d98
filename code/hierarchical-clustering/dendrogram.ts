// The drawing of a dendrogram as scipy's dendrogram lays it out.
// Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkLinkage } from './checks.ts';
import { leavesList } from './tree.ts';

// #region dendrogram
/** One ⊓-shaped link per merge: x at the children's positions, y from
 *  each child's height up to the merge height. Leaves sit at x = 5,
 *  15, 25, … in leavesList order and a cluster at the mean of its
 *  children's x, as in scipy's dendrogram (icoord, dcoord). */
export function dendrogramLinks(Z: Matrix) {
  checkLinkage('dendrogramLinks', Z);
  const n = Z.rows + 1;
  const x = new Float64Array(2 * n - 1);
  const h = new Float64Array(2 * n - 1); // leaves at height 0
  leavesList(Z).forEach((leaf, pos) => { x[leaf] = 5 + 10 * pos; });
  const links: { x: number[]; y: number[] }[] = [];
  for (let k = 0; k < n - 1; k++) {
    const a = Z.data[4 * k];
    const b = Z.data[4 * k + 1];
    h[n + k] = Z.data[4 * k + 2];
    x[n + k] = (x[a] + x[b]) / 2;
    links.push({ x: [x[a], x[a], x[b], x[b]],
      y: [h[a], h[n + k], h[n + k], h[b]] });
  }
  return links;
}
// #endregion
