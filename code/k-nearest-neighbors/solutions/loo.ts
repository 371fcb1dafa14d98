// Exercise solution: leave-one-out predictions of k-NN for a grid of k
// from one search of the kMax + 1 nearest neighbours of every training
// row among all of them. Browser-safe.
import type { Matrix } from '../../linear-algebra/matrix.ts';
import { emptyNeighbors } from '../brute.ts';
import { checkLabels } from '../checks.ts';
import { argmaxRows, voteScores } from '../classifier.ts';
import { kneighbors, knnIndex, type KnnOptions } from '../model.ts';

// #region loo
/** Per k in ks, each row's label predicted from the other n − 1 rows.
 *  Row i's list loses i itself wherever it stands (a duplicate with a
 *  lower index comes first, Eq. (knn-order)); if i is not among its
 *  kMax + 1 nearest at all, the last of them goes instead. */
export function looByK(
  X: Matrix, y: Int32Array, ks: number[],
  options: Omit<KnnOptions, 'k'> = {},
): Int32Array[] {
  const K = checkLabels('looByK', X, y);
  const kMax = checkLooGrid(X, ks);
  const index = knnIndex('looByK', X, { ...options, k: kMax + 1 });
  const all = kneighbors(index, X); // every row is among the rows
  const others = emptyNeighbors(X.rows, kMax);
  for (let i = 0; i < X.rows; i++) {
    let t = 0; // entries kept for row i
    for (let s = 0; s <= kMax && t < kMax; s++) {
      const at = i * (kMax + 1) + s;
      if (all.indices[at] === i) continue; // the row itself
      others.indices[i * kMax + t] = all.indices[at];
      others.distances[i * kMax + t] = all.distances[at];
      t++;
    }
  }
  return ks.map((k) =>
    argmaxRows(voteScores(others, y, K, index.weights, k)));
}
// #endregion

/** Every k must leave one row out and still find k others: 1..n − 1. */
function checkLooGrid(X: Matrix, ks: number[]): number {
  const n = X.rows;
  if (!Array.isArray(ks) || ks.length === 0 || ks.some((k) =>
    !Number.isInteger(k) || k < 1 || k > n - 1)) {
    throw new Error(`looByK: ks must be a non-empty list of integers ` +
      `in [1, n − 1 = ${n - 1}], got [${Array.isArray(ks) ? ks.join(', ')
        : ks}]`);
  }
  let kMax = 1;
  for (const k of ks) kMax = Math.max(kMax, k);
  return kMax;
}
