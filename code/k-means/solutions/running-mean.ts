// Exercise: MacQueen's sequential update with η = 1/v gives the mean.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { checkCenters, checkLabels } from '../checks.ts';

/** Visits the points in order; each moves its cluster's centre by
 *  (x − c) / v, v the points the centre has seen (the first sets it).
 *  Returns the centres: the cluster means, up to rounding. */
export function sequentialMeans(X: Matrix, labels: Int32Array,
  C0: Matrix): Matrix {
  checkCenters('sequentialMeans', X, C0);
  checkLabels('sequentialMeans', labels, X.rows, C0.rows);
  const d = X.cols;
  const C = new Matrix(C0.rows, d, C0.data.slice());
  const v = new Float64Array(C0.rows);
  for (let i = 0; i < X.rows; i++) {
    const m = labels[i];
    v[m]++;
    for (let j = 0; j < d; j++) { // c ← c + η (x − c), η = 1/v
      const at = m * d + j;
      C.data[at] += (X.data[i * d + j] - C.data[at]) / v[m];
    }
  }
  return C;
}
