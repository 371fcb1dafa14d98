// The Hilbert matrix: a famous, honest test of a linear solver.
import { Matrix, matvec, norm, subVec } from './matrix.ts';
import { SingularMatrixError, condEst, luFactor, solve } from './solve.ts';
import { requireInteger } from '../introduction/checks.ts';

// #region hilbert
/** The n x n Hilbert matrix: h_ij = 1 / (i + j + 1), 0-based. */
export function hilbert(n: number): Matrix {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`hilbert: expected a positive integer n, got ${n}`);
  }
  const H = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) H.data[i * n + j] = 1 / (i + j + 1);
  }
  return H;
}
// #endregion

// #region hilbert-study
export interface HilbertRow {
  readonly n: number;
  /** condEst's estimate of the 1-norm condition number. */
  readonly cond: number;
  /** ||x - 1|| / ||1|| for the computed solution x of Hx = H1. */
  readonly error: number;
}

/** Solves Hx = H1 for n = 2, 3, ... until solve refuses. */
export function hilbertStudy(maxN = 20): {
  rows: HilbertRow[];
  refused: { n: number; message: string } | null;
} {
  requireInteger('hilbertStudy', 'maxN', maxN, 2);
  const rows: HilbertRow[] = [];
  for (let n = 2; n <= maxN; n++) {
    const H = hilbert(n);
    const ones = new Float64Array(n).fill(1);
    try {
      const x = solve(H, matvec(H, ones));
      const error = norm(subVec(x, ones)) / norm(ones);
      rows.push({ n, cond: condEst(luFactor(H)), error });
    } catch (e) {
      if (!(e instanceof SingularMatrixError)) throw e;
      return { rows, refused: { n, message: e.message } };
    }
  }
  return { rows, refused: null };
}
// #endregion
