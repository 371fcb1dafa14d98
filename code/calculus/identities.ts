// The matrix-calculus identities of the chapter as code: each function
// with its gradient and Hessian, so that the tests can check every
// formula against finite differences.
import {
  Matrix,
  add,
  checkFinite,
  dot,
  matmul,
  matvec,
  scale,
  scaleVec,
  shapeOf,
  subVec,
  transpose,
  type Vector,
} from '../linear-algebra/matrix.ts';

/** Throws unless A is n x n and x has length n. */
function checkSquare(fn: string, A: Matrix, x?: Vector): void {
  if (!(A instanceof Matrix) || A.rows !== A.cols) {
    throw new Error(`${fn}: expected a square matrix A, got ${A}`);
  }
  if (x !== undefined && x.length !== A.cols) {
    throw new Error(
      `${fn}: A is ${shapeOf(A)}, so x must be vector(${A.cols}); ` +
        `got ${shapeOf(x)}`,
    );
  }
  checkFinite(fn, 'A', A);
  if (x !== undefined) checkFinite(fn, 'x', x);
}

/** Throws unless A is m x n, b has length m and x has length n. */
function checkSystem(fn: string, A: Matrix, b: Vector, x?: Vector) {
  if (!(A instanceof Matrix)) {
    throw new Error(`${fn}: A must be a Matrix, got ${typeof A}`);
  }
  const bad = b.length !== A.rows || (x && x.length !== A.cols);
  if (bad) {
    throw new Error(
      `${fn}: A is ${shapeOf(A)}, so b must be vector(${A.rows}) and ` +
        `x vector(${A.cols}); got b ${shapeOf(b)}` +
        (x ? ` and x ${shapeOf(x)}` : ''),
    );
  }
  checkFinite(fn, 'A', A);
  checkFinite(fn, 'b', b);
  if (x) checkFinite(fn, 'x', x);
}

// #region quadratic-form
/** xᵀAx for square A. */
export function quadraticForm(A: Matrix, x: Vector): number {
  checkSquare('quadraticForm', A, x);
  return dot(x, matvec(A, x));
}

/** (A + Aᵀ)x: Eq. (calc-quad-gradient). */
export function quadraticFormGradient(A: Matrix, x: Vector): Vector {
  checkSquare('quadraticFormGradient', A, x);
  return matvec(add(A, transpose(A)), x);
}

/** A + Aᵀ, the same at every x: Eq. (calc-quad-hessian). */
export function quadraticFormHessian(A: Matrix): Matrix {
  checkSquare('quadraticFormHessian', A);
  return add(A, transpose(A));
}
// #endregion

// #region least-squares
/** ‖Ax − b‖², the squared length of the residual. */
export function leastSquares(A: Matrix, b: Vector, x: Vector): number {
  checkSystem('leastSquares', A, b, x);
  const r = subVec(matvec(A, x), b);
  return dot(r, r);
}

/** 2Aᵀ(Ax − b): Eq. (calc-ls-gradient). */
export function leastSquaresGradient(
  A: Matrix,
  b: Vector,
  x: Vector,
): Vector {
  checkSystem('leastSquaresGradient', A, b, x);
  const r = subVec(matvec(A, x), b);
  return scaleVec(matvec(transpose(A), r), 2);
}

/** 2AᵀA, the same at every x: Eq. (calc-ls-hessian). */
export function leastSquaresHessian(A: Matrix): Matrix {
  checkFinite('leastSquaresHessian', 'A', A);
  return scale(matmul(transpose(A), A), 2);
}
// #endregion
