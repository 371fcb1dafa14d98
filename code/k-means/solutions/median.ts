// Exercise: the update step for the L1 objective is the median.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { checkCenters, checkLabels } from '../checks.ts';

/** k-medians' update step: each coordinate of a centre becomes the
 *  median of that coordinate over its cluster (the lower middle value
 *  for an even count; an empty cluster keeps its centre). */
export function medianUpdate(X: Matrix, labels: Int32Array,
  C: Matrix): Matrix {
  checkCenters('medianUpdate', X, C);
  checkLabels('medianUpdate', labels, X.rows, C.rows);
  const d = X.cols;
  const out = new Matrix(C.rows, d, C.data.slice());
  for (let m = 0; m < C.rows; m++) {
    for (let j = 0; j < d; j++) {
      const v: number[] = [];
      for (let i = 0; i < X.rows; i++) {
        if (labels[i] === m) v.push(X.data[i * d + j]);
      }
      if (v.length === 0) continue;
      v.sort((a, b) => a - b);
      out.data[m * d + j] = v[(v.length - 1) >> 1];
    }
  }
  return out;
}
