// The naive agglomerative algorithm: O(n³) time, any linkage.
// Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkDistances, checkMethod } from './checks.ts';
import { updaterFor, type Method } from './lance-williams.ts';

// #region naive
/** Agglomerative clustering from the distance matrix D: n − 1 times,
 *  merge the two closest clusters and update their distances by Eq.
 *  (hc-lance-williams). Returns the linkage matrix: rows [id a,
 *  id b, height, size], a < b. */
export function naiveLinkage(D: Matrix, method: Method): Matrix {
  checkDistances('naiveLinkage', D);
  checkMethod('naiveLinkage', method);
  const update = updaterFor(method);
  const n = D.rows;
  const d = D.data.slice(); // the working copy, overwritten
  const id = Int32Array.from({ length: n }, (_, i) => i); // −1: gone
  const size = new Float64Array(n).fill(1);
  const Z = new Matrix(n - 1, 4);
  for (let k = 0; k < n - 1; k++) {
    const [x, y, best] = closestPair(d, id, n); // O(n²)
    Z.data.set([Math.min(id[x], id[y]), Math.max(id[x], id[y]), best,
      size[x] + size[y]], 4 * k);
    for (let i = 0; i < n; i++) { // Eq. (hc-lance-williams): O(n)
      if (id[i] < 0 || i === x || i === y) continue;
      d[i * n + y] = d[y * n + i] = update(d[i * n + x], d[i * n + y],
        best, size[x], size[y], size[i]);
    }
    size[y] += size[x]; // slot y holds the merged cluster
    id[x] = -1;
    id[y] = n + k;
  }
  return Z;
}
// #endregion

// #region closest-pair
/** The closest pair x < y of live slots: the first in row order on a
 *  tie, as SciPy's naive loop. */
function closestPair(d: Float64Array, id: Int32Array, n: number) {
  let best = Infinity, x = -1, y = -1;
  for (let i = 0; i < n; i++) {
    if (id[i] < 0) continue;
    for (let j = i + 1; j < n; j++) {
      if (id[j] >= 0 && d[i * n + j] < best) {
        best = d[i * n + j]; x = i; y = j;
      }
    }
  }
  return [x, y, best];
}
// #endregion
