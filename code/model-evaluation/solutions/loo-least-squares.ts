// Exercise: leave-one-out MSE of least squares from a single fit.
import { householderQR, thinQ } from '../../decompositions/householder.ts';
import { qrLeastSquares } from '../../decompositions/least-squares.ts';
import { Matrix, matvec } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { addOnesColumn, checkXy } from '../../linear-regression/model.ts';

/**
 * (1/n) Σ (r_i / (1 − P_ii))²: the leave-one-out MSE of least squares
 * with intercept, from one QR of [1 X]. P_ii = ‖row i of Q‖².
 */
export function looMse(X: Matrix, y: Vector): number {
  checkXy('looMse', X, y);
  const A = addOnesColumn(X);
  const Q = thinQ(householderQR(A));
  const yHat = matvec(A, qrLeastSquares(A, y).w);
  let sum = 0;
  for (let i = 0; i < A.rows; i++) {
    let pii = 0; // the leverage of row i
    for (let j = 0; j < Q.cols; j++) pii += Q.get(i, j) ** 2;
    if (1 - pii < 1e-8) {
      throw new Error(`looMse: row ${i} has leverage ${pii}; ` +
        'leaving it out leaves its prediction undetermined');
    }
    sum += ((y[i] - yHat[i]) / (1 - pii)) ** 2;
  }
  return sum / A.rows;
}
