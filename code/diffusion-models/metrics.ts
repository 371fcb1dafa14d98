// Measuring a set of samples against the data: diversity as the mean
// distance between two samples, and Kynkäänniemi et al.'s precision
// and recall, which ask whether each sample lies inside the data's
// k-NN balls (fidelity) and each data point inside the samples' balls
// (coverage).
import type { Matrix } from '../linear-algebra/matrix.ts';
import { checkSet, checkSets } from './checks.ts';

function dist2(A: Matrix, i: number, B: Matrix, j: number): number {
  let s = 0;
  for (let c = 0; c < A.cols; c++) {
    const u = A.data[i * A.cols + c] - B.data[j * B.cols + c];
    s += u * u;
  }
  return s;
}

// #region diversity
/** Mean Euclidean distance over the n(n − 1)/2 pairs of rows. */
export function meanPairwiseDistance(X: Matrix): number {
  checkSet('meanPairwiseDistance', X, 2);
  let sum = 0;
  for (let i = 0; i < X.rows; i++) {
    for (let j = i + 1; j < X.rows; j++) {
      sum += Math.sqrt(dist2(X, i, X, j));
    }
  }
  return sum / (X.rows * (X.rows - 1) / 2);
}
// #endregion

// #region knn-radii
/** Squared distance from each row to its k-th nearest other row. */
function kthRadii(X: Matrix, k: number): Float64Array {
  const r = new Float64Array(X.rows);
  const d = new Float64Array(X.rows - 1);
  for (let i = 0; i < X.rows; i++) {
    let m = 0;
    for (let j = 0; j < X.rows; j++) {
      if (j !== i) d[m++] = dist2(X, i, X, j);
    }
    d.sort();
    r[i] = d[k - 1];
  }
  return r;
}

/** Share of rows of A inside at least one ball of B (centre B_j,
 *  squared radius rB[j]). */
function covered(A: Matrix, B: Matrix, rB: Float64Array): number {
  let inside = 0;
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < B.rows; j++) {
      if (dist2(A, i, B, j) <= rB[j]) { inside++; break; }
    }
  }
  return inside / A.rows;
}
// #endregion

// #region precision-recall
/** Precision: share of samples inside the data's k-NN balls; recall:
 *  share of data inside the samples' k-NN balls, Eq. (dm-pr). */
export function precisionRecall(real: Matrix, fake: Matrix, k = 3) {
  checkSets('precisionRecall', real, fake, k);
  return {
    precision: covered(fake, real, kthRadii(real, k)),
    recall: covered(real, fake, kthRadii(fake, k)),
  };
}
// #endregion
