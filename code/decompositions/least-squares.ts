// Least squares by QR: min ||Xw - y|| without forming X^T X.
import {
  Matrix,
  checkFinite,
  norm,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { applyQt, householderQR } from './householder.ts';
import { solveUpper } from './triangular.ts';

/** Throws unless X (m x n, m >= n) and y (vector(m)) are finite. */
export function checkLeastSquares(fn: string, X: Matrix, y: Vector): void {
  if (X.rows < X.cols) {
    throw new Error(
      `${fn}: expected at least as many rows as columns, got X ` +
        `${shapeOf(X)}; a wide X has many least-squares solutions, ` +
        'use minNormLeastSquares for the shortest one',
    );
  }
  if (y.length !== X.rows) {
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so y must be vector(${X.rows}); ` +
        `got y ${shapeOf(y)}`,
    );
  }
  checkFinite(fn, 'X', X);
  checkFinite(fn, 'y', y);
}

// #region qr-least-squares
/** Minimizes ||Xw - y|| by R w = (Q^T y)_(0..n-1): Eq. (dec-qr-ls). */
export function qrLeastSquares(X: Matrix, y: Vector): {
  w: Vector;
  /** ||y - Xw||, read off as ||(Q^T y)_(n..m-1)||. */
  residualNorm: number;
} {
  checkLeastSquares('qrLeastSquares', X, y);
  const { rows: m, cols: n } = X;
  const f = householderQR(X);
  checkFullRank(f.R, m);
  const c = applyQt(f, y);
  const top = new Matrix(n, n, f.R.data.slice(0, n * n));
  const w = solveUpper(top, c.slice(0, n));
  const residualNorm = m > n ? norm(c.slice(n)) : 0;
  return { w, residualNorm };
}
// #endregion

// #region check-full-rank
/** Refuses when some |r_jj| <= max(m, n) eps max_i |r_ii|. */
function checkFullRank(R: Matrix, m: number): void {
  const n = R.cols;
  let big = 0;
  for (let j = 0; j < n; j++) {
    big = Math.max(big, Math.abs(R.data[j * n + j]));
  }
  const tol = Math.max(m, n) * Number.EPSILON * big;
  for (let j = 0; j < n; j++) {
    const r = Math.abs(R.data[j * n + j]);
    if (r > tol) continue;
    throw new Error(
      `qrLeastSquares: X (${m}x${n}) is rank deficient: |r_jj| = ` +
        `${r.toExponential(2)} in column ${j} (0-based), not above ` +
        `${tol.toExponential(2)}; its columns are dependent, so use ` +
        'minNormLeastSquares (SVD) instead',
    );
  }
}
// #endregion
