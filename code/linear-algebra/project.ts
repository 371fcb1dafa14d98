// Orthogonal projection onto the column space of A (normal equations).
import {
  Matrix,
  checkFinite,
  matmul,
  matvec,
  shapeOf,
  subVec,
  transpose,
  type Vector,
} from './matrix.ts';
import { SingularMatrixError, solve } from './solve.ts';

// #region project
/** b split into p in the column space of A and a residual r. */
export interface Projection {
  /** The projection p = Ac, Eq. (la-projection). */
  readonly p: Vector;
  /** The coefficients c of the normal equations. */
  readonly coeffs: Vector;
  /** r = b - p, orthogonal to every column of A. */
  readonly residual: Vector;
}

/** Projects b onto span of the columns of A (n x d, n >= d). */
export function project(A: Matrix, b: Vector): Projection {
  if (b.length !== A.rows || A.cols > A.rows) {
    throw new Error(
      `project: expected A m x n with m >= n and b vector(m), ` +
        `got A ${shapeOf(A)} and b ${shapeOf(b)}`,
    );
  }
  checkFinite('project', 'A', A);
  checkFinite('project', 'b', b);
  const At = transpose(A);
  const gram = matmul(At, A); // A^T A
  const coeffs = solveNormal(A, gram, matvec(At, b)); // Eq. (la-normal)
  const p = matvec(A, coeffs);
  return { p, coeffs, residual: subVec(b, p) };
}
// #endregion

// #region solve-normal
/** Solves A^T A c = A^T b, explaining a failure in terms of A. */
function solveNormal(A: Matrix, gram: Matrix, rhs: Vector): Vector {
  try {
    return solve(gram, rhs);
  } catch (e) {
    if (!(e instanceof SingularMatrixError)) throw e;
    throw new SingularMatrixError(
      `project: the columns of A (${shapeOf(A)}) are linearly ` +
        `dependent, or nearly: A^T A cannot be solved (${e.message})`,
    );
  }
}
// #endregion
