// Trustworthiness (Venna & Kaski 2001): are the map's near neighbours
// also near in the data?
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkData, checkInt } from './checks.ts';

// #region order
/** Indices j != i sorted by ||a_i - a_j|| (ties by index). */
function neighbourOrder(A: Matrix, i: number, dist: Float64Array,
  idx: number[]): number[] {
  const { rows: n, cols: d, data: a } = A;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let c = 0; c < d; c++) {
      const t = a[i * d + c] - a[j * d + c];
      s += t * t;
    }
    dist[j] = s;
  }
  idx.length = 0;
  for (let j = 0; j < n; j++) if (j !== i) idx.push(j);
  return idx.sort((u, v) => dist[u] - dist[v] || u - v);
}
// #endregion

// #region trustworthiness
/** T(k), Eq. (tsne-trust): 1 when no map neighbour is a stranger. */
export function trustworthiness(X: Matrix, Y: Matrix, k = 5): number {
  checkTrust('trustworthiness', X, Y, k);
  const n = X.rows;
  const dist = new Float64Array(n), idx: number[] = [];
  const rank = new Int32Array(n); // rank[j] = r(i, j), 1-based
  let penalty = 0;
  for (let i = 0; i < n; i++) {
    const byX = neighbourOrder(X, i, dist, idx);
    for (let r = 0; r < n - 1; r++) rank[byX[r]] = r + 1;
    const byY = neighbourOrder(Y, i, dist, idx);
    for (let r = 0; r < k; r++) penalty += Math.max(0, rank[byY[r]] - k);
  }
  return 1 - (2 / (n * k * (2 * n - 3 * k - 1))) * penalty;
}
// #endregion

function checkTrust(fn: string, X: Matrix, Y: Matrix, k: number) {
  checkData(fn, X, 'X');
  checkData(fn, Y, 'Y');
  if (Y.rows !== X.rows) {
    throw new Error(`${fn}: Y must have as many rows as X (${X.rows}), ` +
      `got ${Y.rows}`);
  }
  checkInt(fn, 'k', k, 1, Math.ceil(X.rows / 2) - 1);
}
