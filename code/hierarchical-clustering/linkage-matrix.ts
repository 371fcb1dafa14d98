// From merges found out of order to SciPy's linkage matrix: sort by
// height (stably), then name each cluster by a union–find pass.
// Browser-safe.
import { Matrix, checkFinite } from '../linear-algebra/matrix.ts';
import { checkInt } from './checks.ts';

// #region sort-and-label
/** merges: rows [a, b, height, ·] where a and b are any points of the
 *  two clusters merged. Returns the linkage matrix: rows in increasing
 *  height (ties in the order found), clusters named n, n + 1, … in the
 *  order they form, the smaller id first, and each new size. */
export function sortAndLabel(merges: Matrix): Matrix {
  checkMerges(merges);
  const m = merges.rows;
  const n = m + 1;
  const order = Array.from({ length: m }, (_, k) => k);
  order.sort((p, q) => merges.data[4 * p + 2] - merges.data[4 * q + 2]);
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const size = new Float64Array(2 * n - 1).fill(1);
  const find = (a: number): number => {
    let root = a;
    while (parent[root] !== root) root = parent[root];
    while (parent[a] !== root) [a, parent[a]] = [parent[a], root];
    return root;
  };
  const Z = new Matrix(m, 4);
  order.forEach((row, k) => {
    const a = find(merges.data[4 * row]);
    const b = find(merges.data[4 * row + 1]);
    parent[a] = parent[b] = n + k;
    size[n + k] = size[a] + size[b];
    Z.data.set([Math.min(a, b), Math.max(a, b),
      merges.data[4 * row + 2], size[n + k]], 4 * k);
  });
  return Z;
}
// #endregion

function checkMerges(merges: Matrix): void {
  const fn = 'sortAndLabel';
  if (!(merges instanceof Matrix) || merges.cols !== 4 ||
    merges.rows < 1) {
    throw new Error(`${fn}: merges must be an (n - 1) x 4 Matrix`);
  }
  checkFinite(fn, 'merges', merges);
  const n = merges.rows + 1;
  for (let k = 0; k < merges.rows; k++) {
    checkInt(fn, `merges[${k}][0]`, merges.data[4 * k], 0, n - 1);
    checkInt(fn, `merges[${k}][1]`, merges.data[4 * k + 1], 0, n - 1);
    const h = merges.data[4 * k + 2];
    if (!Number.isFinite(h) || h < 0) {
      throw new Error(`${fn}: merges[${k}][2] (a height) must be a ` +
        `finite number >= 0, got ${h}`);
    }
  }
}
