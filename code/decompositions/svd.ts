// The thin SVD A = U diag(s) V^T by one-sided Jacobi (Hestenes).
import {
  Matrix,
  checkFinite,
  norm,
  shapeOf,
  transpose,
} from '../linear-algebra/matrix.ts';
import { ConvergenceError, checkSweeps } from './eigen.ts';

// #region svd-type
/** A = U diag(s) V^T with k = min(m, n); U is m x k, V is n x k. */
export interface SVD {
  readonly U: Matrix;
  /** Singular values, largest first, all >= 0. */
  readonly s: Float64Array;
  readonly V: Matrix;
  /** Sweeps used; cosines[t]: in sweep t, the largest over all pairs
   *  |w_p . w_q| / (||w_p|| ||w_q||), Eq. (dec-hestenes). */
  readonly sweeps: number;
  readonly cosines: number[];
}
// #endregion

// #region svd
/** Thin SVD of any m x n matrix; a wide A goes through its transpose. */
export function svd(A: Matrix, maxSweeps = 40): SVD {
  checkFinite('svd', 'A', A);
  checkSweeps('svd', maxSweeps);
  if (A.rows >= A.cols) return tallSvd(A, maxSweeps);
  const t = tallSvd(transpose(A), maxSweeps); // A^T = U' S V'^T
  return { ...t, U: t.V, V: t.U }; // so A = V' S U'^T
}
// #endregion

// #region tall-svd
/** W holds the columns of A / big as rows, so each is contiguous. */
function tallSvd(A: Matrix, maxSweeps: number): SVD {
  const { rows: m, cols: n } = A;
  const big = A.data.reduce((mx, x) => Math.max(mx, Math.abs(x)), 0);
  const w = transpose(A).data.map((x) => (big === 0 ? 0 : x / big));
  const vt = new Float64Array(n * n); // rows of V^T, rotated alike
  for (let i = 0; i < n; i++) vt[i * n + i] = 1;
  const cosines: number[] = [];
  const tol = Math.sqrt(m) * Number.EPSILON; // Eq. (dec-hes-skip)
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let worst = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const cos = orthogonalize(w, vt, m, n, p, q, tol);
        worst = Math.max(worst, cos);
      }
    }
    cosines.push(worst);
    if (worst <= tol) {
      return finish(w, vt, m, n, big, sweep, cosines);
    }
  }
  throw new ConvergenceError(
    `svd: not converged after ${maxSweeps} sweeps on a ${shapeOf(A)} ` +
      `matrix; largest column cosine ` +
      `${cosines[maxSweeps - 1].toExponential(2)}`,
  );
}
// #endregion

// #region orthogonalize
/**
 * Rotates rows p and q of w (columns of A) until they are orthogonal;
 * returns their cosine before the turn.
 * Eqs. (dec-hestenes) to (dec-hes-t).
 */
function orthogonalize(
  w: Float64Array, vt: Float64Array, m: number, n: number,
  p: number, q: number, tol: number,
): number {
  // Each column scaled by its largest entry, as in Eq. (la-norm), so
  // that no square underflows, however small one column is.
  let mx = 0;
  let my = 0;
  for (let i = 0; i < m; i++) {
    mx = Math.max(mx, Math.abs(w[p * m + i]));
    my = Math.max(my, Math.abs(w[q * m + i]));
  }
  if (mx === 0 || my === 0) return 0; // a zero column: orthogonal
  let gpp = 0; // g_pp / mx^2, Eq. (dec-hestenes)
  let gqq = 0; // g_qq / my^2
  let gpq = 0; // g_pq / (mx my)
  for (let i = 0; i < m; i++) {
    const x = w[p * m + i] / mx;
    const y = w[q * m + i] / my;
    gpp += x * x;
    gqq += y * y;
    gpq += x * y;
  }
  const cos = Math.abs(gpq) / (Math.sqrt(gpp) * Math.sqrt(gqq));
  if (cos <= tol) return cos; // orthogonal enough: no turn
  // Eq. (dec-hes-t) with the scales put back: zeta is unchanged
  const zeta = ((my / mx) * gqq - (mx / my) * gpp) / (2 * gpq);
  const sign = zeta >= 0 ? 1 : -1;
  const t = sign / (Math.abs(zeta) + Math.hypot(1, zeta));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = c * t;
  turn(w, m, p, q, c, s);
  turn(vt, n, p, q, c, s);
  return cos;
}

/** Rows p, q of an array with rows of length len: (x, y) <- (cx - sy,
 *  sx + cy). */
function turn(
  d: Float64Array, len: number, p: number, q: number,
  c: number, s: number,
): void {
  for (let i = 0; i < len; i++) {
    const x = d[p * len + i];
    const y = d[q * len + i];
    d[p * len + i] = c * x - s * y;
    d[q * len + i] = s * x + c * y;
  }
}
// #endregion

// #region svd-finish
/** s_j = ||w_j||, u_j = w_j / s_j, sorted; zero columns completed. */
function finish(
  w: Float64Array, vt: Float64Array, m: number, n: number,
  big: number, sweeps: number, cosines: number[],
): SVD {
  const len = Array.from({ length: n }, (_, j) =>
    norm(w.subarray(j * m, (j + 1) * m)));
  const order = Array.from({ length: n }, (_, j) => j)
    .sort((i, j) => len[j] - len[i]);
  const U = new Matrix(m, n);
  const V = new Matrix(n, n);
  const s = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const j = order[k];
    s[k] = big * len[j];
    for (let i = 0; i < m; i++) {
      U.data[i * n + k] = len[j] === 0 ? 0 : w[j * m + i] / len[j];
    }
    for (let i = 0; i < n; i++) V.data[i * n + k] = vt[j * n + i];
  }
  for (let k = 0; k < n; k++) if (s[k] === 0) completeColumn(U, k);
  return { U, s, V, sweeps, cosines };
}
// #endregion

// #region complete-column
/**
 * Column k of U for a zero singular value: any unit vector orthogonal
 * to the other columns. Orthogonalize each e_i against them (twice,
 * for accuracy) and keep the longest remainder.
 */
function completeColumn(U: Matrix, k: number): void {
  const { rows: m, cols: n } = U;
  let best = new Float64Array(m);
  let bestLength = -1;
  for (let i = 0; i < m; i++) {
    const x = new Float64Array(m);
    x[i] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        let d = 0;
        for (let r = 0; r < m; r++) d += U.data[r * n + j] * x[r];
        for (let r = 0; r < m; r++) x[r] -= d * U.data[r * n + j];
      }
    }
    const length = norm(x);
    if (length > bestLength) [best, bestLength] = [x, length];
  }
  for (let r = 0; r < m; r++) U.data[r * n + k] = best[r] / bestLength;
}
// #endregion
