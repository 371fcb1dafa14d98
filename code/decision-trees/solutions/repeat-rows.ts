// Exercise: a whole-number sample weight is the same as repeating the
// row that many times.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { checkVector, checkX } from '../checks.ts';

/** X and y with row i repeated weights[i] times (weights whole). */
export function repeatRows(
  X: Matrix, y: ArrayLike<number>, weights: ArrayLike<number>,
): { X: Matrix; y: Float64Array } {
  checkX('repeatRows', X);
  checkVector('repeatRows', 'y (one per row of X)', y, X.rows);
  checkVector('repeatRows', 'weights (one per row of X)', weights,
    X.rows);
  let n = 0;
  for (let i = 0; i < X.rows; i++) {
    if (!Number.isInteger(weights[i]) || weights[i] < 0) {
      throw new Error(`repeatRows: weights must be whole numbers >= 0, ` +
        `got weights[${i}] = ${weights[i]}`);
    }
    n += weights[i];
  }
  const out = new Matrix(n, X.cols);
  const yOut = new Float64Array(n);
  let r = 0;
  for (let i = 0; i < X.rows; i++) {
    for (let c = 0; c < weights[i]; c++, r++) {
      out.data.set(X.data.subarray(i * X.cols, (i + 1) * X.cols),
        r * X.cols);
      yOut[r] = y[i];
    }
  }
  return { X: out, y: yOut };
}
