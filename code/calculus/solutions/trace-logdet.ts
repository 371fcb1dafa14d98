// Exercise: the gradients of tr(AX) and of log |det X| in X.
import {
  Matrix,
  identity,
  transpose,
} from '../../linear-algebra/matrix.ts';
import { luFactor, luSolve } from '../../linear-algebra/solve.ts';
import { logAbsDet } from '../../linear-algebra/solutions/det.ts';

/** tr(AX) = sum_ij A_ji X_ij; its gradient in X is A^T. */
export function traceAX(A: Matrix, X: Matrix): number {
  let t = 0;
  for (let i = 0; i < A.rows; i++) {
    for (let k = 0; k < A.cols; k++) {
      t += A.data[i * A.cols + k] * X.data[k * X.cols + i];
    }
  }
  return t;
}

export function traceAXGradient(A: Matrix): Matrix {
  return transpose(A);
}

/** log |det X| from the LU factors: it accepts the non-symmetric X
 * that gradientCheck's perturbations make, where Cholesky would not. */
export function logAbsDetOf(X: Matrix): number {
  return logAbsDet(luFactor(X)).logAbs;
}

/** Its gradient, X^{-T} (= X^{-1} for symmetric X), column by column. */
export function logAbsDetGradient(X: Matrix): Matrix {
  const n = X.rows;
  const f = luFactor(X);
  const I = identity(n);
  const inv = new Matrix(n, n);
  for (let j = 0; j < n; j++) {
    const col = luSolve(f, I.col(j)); // column j of X^{-1}
    for (let i = 0; i < n; i++) inv.data[i * n + j] = col[i];
  }
  return transpose(inv);
}
