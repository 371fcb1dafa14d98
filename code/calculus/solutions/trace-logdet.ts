// Exercise: the gradients of tr(AX) and of log |det X| in X.
import { calledAs } from '../../introduction/checks.ts';
import {
  Matrix,
  checkFinite,
  identity,
  shapeOf,
  transpose,
} from '../../linear-algebra/matrix.ts';
import { luFactor, luSolve } from '../../linear-algebra/solve.ts';
import { logAbsDet } from '../../linear-algebra/solutions/det.ts';

/** tr(AX) = sum_ij A_ji X_ij; its gradient in X is A^T. */
export function traceAX(A: Matrix, X: Matrix): number {
  checkPair(A, X);
  let t = 0;
  for (let i = 0; i < A.rows; i++) {
    for (let k = 0; k < A.cols; k++) {
      t += A.data[i * A.cols + k] * X.data[k * X.cols + i];
    }
  }
  return t;
}

export function traceAXGradient(A: Matrix): Matrix {
  return calledAs('traceAXGradient', () => transpose(A));
}

/** log |det X| from the LU factors: it accepts the non-symmetric X
 * that gradientCheck's perturbations make, where Cholesky would not. */
export function logAbsDetOf(X: Matrix): number {
  return calledAs('logAbsDetOf', () => logAbsDet(luFactor(X)).logAbs);
}

/** Its gradient, X^{-T} (= X^{-1} for symmetric X), column by column. */
export function logAbsDetGradient(X: Matrix): Matrix {
  const n = X.rows;
  const f = calledAs('logAbsDetGradient', () => luFactor(X));
  const I = identity(n);
  const inv = new Matrix(n, n);
  for (let j = 0; j < n; j++) {
    const col = luSolve(f, I.col(j)); // column j of X^{-1}
    for (let i = 0; i < n; i++) inv.data[i * n + j] = col[i];
  }
  return transpose(inv);
}

/** Throws unless A (m x k) and X (k x m) are finite: AX is square. */
function checkPair(A: Matrix, X: Matrix): void {
  const fn = 'traceAX';
  const ok = A instanceof Matrix && X instanceof Matrix &&
    X.rows === A.cols && X.cols === A.rows;
  if (!ok) {
    throw new Error(`${fn}: expected A m x k and X k x m, got A ` +
      `${shapeOf(A)} and X ${shapeOf(X)}`);
  }
  checkFinite(fn, 'A', A);
  checkFinite(fn, 'X', X);
}
