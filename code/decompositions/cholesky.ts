// Cholesky: a symmetric positive definite A as L L^T, L lower triangular.
import {
  Matrix,
  checkFinite,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import {
  checkTriangular,
  solveLower,
  solveLowerTransposed,
} from './triangular.ts';

// #region cholesky-error
/** Thrown when A is not (numerically) positive definite. */
export class NotPositiveDefiniteError extends Error {
  /** The 0-based column where the pivot was not positive. */
  readonly column: number;
  /** The value under the square root there, Eq. (dec-chol-diag). */
  readonly pivot: number;
  constructor(message: string, column: number, pivot: number) {
    super(message);
    this.name = 'NotPositiveDefiniteError';
    this.column = column;
    this.pivot = pivot;
  }
}
// #endregion

// #region check-symmetric
/** Throws unless A is square, finite and symmetric up to rounding. */
export function checkSymmetric(fn: string, A: Matrix): void {
  if (A.rows !== A.cols) {
    throw new Error(
      `${fn}: expected a square symmetric matrix, got A ${shapeOf(A)}`,
    );
  }
  checkFinite(fn, 'A', A);
  const n = A.rows;
  const d = A.data;
  const big = d.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const tol = 1e-10 * big; // >> rounding, << any real asymmetry
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const gap = Math.abs(d[i * n + j] - d[j * n + i]);
      if (gap > tol) {
        throw new Error(
          `${fn}: expected a symmetric A, but a(${i},${j}) = ` +
            `${d[i * n + j]} and a(${j},${i}) = ${d[j * n + i]}`,
        );
      }
    }
  }
}
// #endregion

// #region cholesky
/**
 * The lower-triangular L with A = L L^T, column by column:
 * Eqs. (dec-chol-diag) and (dec-chol-off).
 */
export function cholesky(A: Matrix): Matrix {
  checkSymmetric('cholesky', A);
  const n = A.rows;
  const a = A.data;
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j];
    for (let k = 0; k < j; k++) s -= L[j * n + k] ** 2;
    if (!(s > 0)) throw notPositive(A, j, s); // Eq. (dec-chol-diag)
    const ljj = Math.sqrt(s);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j];
      for (let k = 0; k < j; k++) t -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = t / ljj; // Eq. (dec-chol-off)
    }
  }
  return new Matrix(n, n, L);
}
// #endregion

/**
 * cholesky(A) for a caller `fn` that knows what A is: a failure is a
 * NotPositiveDefiniteError whose message starts with `${fn}: ${what}`.
 */
export function choleskyFor(fn: string, A: Matrix, what: string): Matrix {
  checkSymmetric(fn, A);
  try {
    return cholesky(A);
  } catch (e) {
    if (!(e instanceof NotPositiveDefiniteError)) throw e;
    throw new NotPositiveDefiniteError(`${fn}: ${what} ${e.message}`,
      e.column, e.pivot);
  }
}

function notPositive(A: Matrix, j: number, s: number) {
  return new NotPositiveDefiniteError(
    `cholesky: A (${shapeOf(A)}) is not positive definite: at column ` +
      `${j} (0-based) a_jj - sum_k l_jk^2 = ${s.toExponential(3)}, ` +
      'expected a positive number',
    j,
    s,
  );
}

// #region cholesky-solve
/** Solves A x = b from A = L L^T: L y = b, then L^T x = y. */
export function choleskySolve(L: Matrix, b: Vector): Vector {
  checkTriangular('choleskySolve', L, b);
  return solveLowerTransposed(L, solveLower(L, b));
}
// #endregion
