// Exercise: the projection matrix P = A (A^T A)^-1 A^T.
import { Matrix, matmul, transpose } from '../matrix.ts';
import { luFactor, luSolve } from '../solve.ts';

/** P, from one LU factorization of A^T A and one solve per column of
 * A^T: column j of (A^T A)^-1 A^T solves (A^T A) x = (A^T)_{:,j}. */
export function projectionMatrix(A: Matrix): Matrix {
  const At = transpose(A);
  const f = luFactor(matmul(At, A)); // Eq. (la-normal)
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
