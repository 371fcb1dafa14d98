// Exercise solution: Hart's condensed nearest neighbour rule, a subset
// of the training rows that 1-NN can use in place of all of them.
// Browser-safe.
import { Matrix, checkFinite } from '../../linear-algebra/matrix.ts';
import { bruteForceNeighbors } from '../brute.ts';
import { checkLabels } from '../checks.ts';

// #region condense
/** Hart (1968): start from row 0; pass over the rows, adding every row
 *  that 1-NN on the kept rows gets wrong; stop after a pass that adds
 *  none. Returns the kept rows, in increasing order. */
export function condense(X: Matrix, y: Int32Array): number[] {
  checkLabels('condense', X, y);
  checkFinite('condense', 'X', X);
  const kept = new Uint8Array(X.rows);
  kept[0] = 1;
  let keep = [0];
  for (let added = true; added;) {
    added = false;
    for (let i = 0; i < X.rows; i++) {
      if (kept[i]) continue;
      const S = rowsOf(X, keep);
      const q = new Matrix(1, X.cols, X.data.slice(i * X.cols,
        (i + 1) * X.cols));
      const nearest = keep[bruteForceNeighbors(S, q, 1).indices[0]];
      if (y[nearest] !== y[i]) {
        kept[i] = 1;
        keep = [...keep, i].sort((a, b) => a - b);
        added = true;
      }
    }
  }
  return keep;
}
// #endregion

/** The listed rows of X, in that order. */
function rowsOf(X: Matrix, rows: number[]): Matrix {
  const S = new Matrix(rows.length, X.cols);
  rows.forEach((i, r) => S.data.set(X.data.subarray(i * X.cols,
    (i + 1) * X.cols), r * X.cols));
  return S;
}
