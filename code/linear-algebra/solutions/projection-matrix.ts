// Exercise: the projection matrix P = A (A^T A)^-1 A^T.
import { calledAs } from '../../introduction/checks.ts';
import {
  Matrix, checkFinite, matmul, shapeOf, transpose,
} from '../matrix.ts';
import { luFactor, luSolve } from '../solve.ts';

/** P, from one LU factorization of A^T A and one solve per column of
 * A^T: column j of (A^T A)^-1 A^T solves (A^T A) x = (A^T)_{:,j}. */
export function projectionMatrix(A: Matrix): Matrix {
  checkTall(A);
  const At = transpose(A);
  const f = calledAs('projectionMatrix', () =>
    luFactor(matmul(At, A))); // Eq. (la-normal)
  const d = A.cols;
  const n = A.rows;
  const X = new Matrix(d, n); // (A^T A)^-1 A^T, column by column
  for (let j = 0; j < n; j++) {
    const col = new Float64Array(d);
    for (let i = 0; i < d; i++) col[i] = At.data[i * n + j];
    const x = luSolve(f, col);
    for (let i = 0; i < d; i++) X.data[i * n + j] = x[i];
  }
  return matmul(A, X); // Eq. (la-projection)
}

/** Throws unless A is a finite m x n Matrix with m >= n. */
function checkTall(A: Matrix): void {
  if (!(A instanceof Matrix) || A.cols > A.rows) {
    throw new Error('projectionMatrix: expected A m x n with m >= n, ' +
      `got A ${shapeOf(A)}`);
  }
  checkFinite('projectionMatrix', 'A', A);
}
