// The pseudo-inverse and the shortest least-squares solution, from the SVD.
import {
  Matrix,
  checkFinite,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { svd, type SVD } from './svd.ts';

// #region rank-tolerance
/** sigma_i <= max(m, n) eps sigma_1 counts as 0: Eq. (dec-rank-tol). */
function rankTolerance(f: SVD): number {
  const m = f.U.rows;
  const n = f.V.rows;
  return Math.max(m, n) * Number.EPSILON * (f.s[0] ?? 0);
}

/** The numerical rank: the number of sigma_i above the tolerance. */
export function rank(A: Matrix): number {
  checkFinite('rank', 'A', A);
  const f = svd(A);
  const tol = rankTolerance(f);
  return f.s.filter((si) => si > tol).length;
}
// #endregion

// #region pseudo-inverse
/** A^+ = V diag(1/sigma_i, or 0 below tol) U^T: Eq. (dec-pinv). */
export function pseudoInverse(A: Matrix): Matrix {
  checkFinite('pseudoInverse', 'A', A);
  const f = svd(A);
  const tol = rankTolerance(f);
  const { rows: m, cols: n } = A;
  const k = f.s.length;
  const P = new Matrix(n, m);
  for (let j = 0; j < k; j++) {
    if (!(f.s[j] > tol)) break; // sorted: the rest are zero too
    const inv = 1 / f.s[j];
    for (let r = 0; r < n; r++) {
      const vr = inv * f.V.data[r * k + j];
      for (let c = 0; c < m; c++) {
        P.data[r * m + c] += vr * f.U.data[c * k + j];
      }
    }
  }
  return P;
}
// #endregion

// #region min-norm
/** The shortest w among the minimizers of ||Xw - y||: w = X^+ y. */
export function minNormLeastSquares(X: Matrix, y: Vector): Vector {
  if (y.length !== X.rows) {
    throw new Error(
      `minNormLeastSquares: X is ${shapeOf(X)}, so y must be ` +
        `vector(${X.rows}); got y ${shapeOf(y)}`,
    );
  }
  checkFinite('minNormLeastSquares', 'X', X);
  checkFinite('minNormLeastSquares', 'y', y);
  const f = svd(X);
  const tol = rankTolerance(f);
  const k = f.s.length;
  const w = new Float64Array(X.cols);
  for (let j = 0; j < k && f.s[j] > tol; j++) {
    let uy = 0; // u_j^T y / sigma_j: Eq. (dec-min-norm)
    for (let i = 0; i < X.rows; i++) uy += f.U.data[i * k + j] * y[i];
    uy /= f.s[j];
    for (let r = 0; r < X.cols; r++) w[r] += uy * f.V.data[r * k + j];
  }
  return w;
}
// #endregion
