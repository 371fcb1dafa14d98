// QR against the normal equations on an ill-conditioned least-squares fit.
import {
  Matrix,
  matmul,
  matvec,
  norm,
  subVec,
  transpose,
  type Vector,
} from '../linear-algebra/matrix.ts';
import {
  NotPositiveDefiniteError,
  choleskyFor,
  choleskySolve,
} from './cholesky.ts';
import { checkLeastSquares, qrLeastSquares } from './least-squares.ts';
import { requireInteger } from '../introduction/checks.ts';
import { svd } from './svd.ts';

// #region monomials
/** The m x n matrix with entries t_i^j: fitting a degree n-1 polynomial
 *  at m points spread evenly over [0, 1]. (A^T A) / m tends to H_n. */
export function monomials(m: number, n: number): Matrix {
  if (!Number.isInteger(m) || !Number.isInteger(n) || n < 1 || m < n) {
    throw new Error(
      `monomials: expected integers m >= n >= 1, got m=${m}, n=${n}`,
    );
  }
  const A = new Matrix(m, n);
  for (let i = 0; i < m; i++) {
    const t = m === 1 ? 0 : i / (m - 1);
    for (let j = 0; j < n; j++) A.data[i * n + j] = t ** j;
  }
  return A;
}
// #endregion

// #region normal-equations
/** The normal equations A^T A w = A^T y solved by Cholesky. */
export function normalEquations(A: Matrix, y: Vector): Vector {
  checkLeastSquares('normalEquations', A, y);
  const G = matmul(transpose(A), A);
  const L = choleskyFor('normalEquations', G, 'A^T A:');
  return choleskySolve(L, matvec(transpose(A), y));
}
// #endregion

// #region conditioning-study
export interface ConditioningRow {
  readonly n: number;
  /** kappa_2(A) = sigma_1 / sigma_n, from our SVD. */
  readonly kappa: number;
  /** ||w - 1|| / ||1|| for QR and for the normal equations (null if
   *  Cholesky refused A^T A as not positive definite). */
  readonly qrError: number;
  readonly normalError: number | null;
}

/** Fits y = A 1 (so the true w is all ones) for n = 2 .. maxN. */
export function conditioningStudy(m = 50, maxN = 14): ConditioningRow[] {
  requireInteger('conditioningStudy', 'maxN', maxN, 2);
  requireInteger('conditioningStudy', 'm', m, maxN);
  const rows: ConditioningRow[] = [];
  for (let n = 2; n <= maxN; n++) {
    const A = monomials(m, n);
    const ones = new Float64Array(n).fill(1);
    const y = matvec(A, ones);
    const err = (w: Vector) => norm(subVec(w, ones)) / norm(ones);
    const { s } = svd(A);
    let normalError: number | null = null;
    try {
      normalError = err(normalEquations(A, y));
    } catch (e) {
      if (!(e instanceof NotPositiveDefiniteError)) throw e;
    }
    const qrError = err(qrLeastSquares(A, y).w);
    rows.push({ n, kappa: s[0] / s[n - 1], qrError, normalError });
  }
  return rows;
}
// #endregion
