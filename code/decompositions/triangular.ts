// Triangular solves: the last step of every factorization.
import {
  Matrix,
  checkFinite,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';

/** Throws unless T is n x n, finite, with no zero on its diagonal, and
 *  b is a finite vector(n). */
export function checkTriangular(fn: string, T: Matrix, b: Vector): void {
  if (T.rows !== T.cols || b.length !== T.rows) {
    throw new Error(
      `${fn}: expected an n x n matrix and vector(n), got ` +
        `${shapeOf(T)} and ${shapeOf(b)}`,
    );
  }
  checkFinite(fn, 'T', T);
  checkFinite(fn, 'b', b);
  for (let i = 0; i < T.rows; i++) {
    if (T.data[i * T.cols + i] === 0) {
      throw new Error(
        `${fn}: the diagonal entry (${i}, ${i}) is 0; expected a ` +
          'nonsingular triangular matrix',
      );
    }
  }
}

// #region solve-lower
/** Solves L x = b by forward substitution (reads L's lower part). */
export function solveLower(L: Matrix, b: Vector): Vector {
  checkTriangular('solveLower', L, b);
  const n = L.rows;
  const d = L.data;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= d[i * n + j] * x[j];
    x[i] = s / d[i * n + i];
  }
  return x;
}
// #endregion

// #region solve-upper
/** Solves U x = b by back substitution (reads U's upper part). */
export function solveUpper(U: Matrix, b: Vector): Vector {
  checkTriangular('solveUpper', U, b);
  const n = U.rows;
  const d = U.data;
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= d[i * n + j] * x[j];
    x[i] = s / d[i * n + i];
  }
  return x;
}
// #endregion

// #region solve-lower-transposed
/** Solves L^T x = b (back substitution on the columns of L). */
export function solveLowerTransposed(L: Matrix, b: Vector): Vector {
  checkTriangular('solveLowerTransposed', L, b);
  const n = L.rows;
  const d = L.data;
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= d[j * n + i] * x[j];
    x[i] = s / d[i * n + i];
  }
  return x;
}
// #endregion
