// Low-rank approximation: the first k terms of the SVD (Eckart–Young).
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import { svd, type SVD } from './svd.ts';
import { requireFiniteArray } from '../introduction/checks.ts';

// #region low-rank
/** A_k = sum_(j < k) sigma_j u_j v_j^T from an SVD, Eq. (dec-ak). */
export function truncate(f: SVD, k: number): Matrix {
  checkSvd('truncate', f);
  const r = f.s.length;
  if (!Number.isInteger(k) || k < 0 || k > r) {
    throw new Error(
      `truncate: expected an integer rank k in 0..${r}, got ${k}`,
    );
  }
  const m = f.U.rows;
  const n = f.V.rows;
  const Ak = new Matrix(m, n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < m; i++) {
      const su = f.s[j] * f.U.data[i * r + j];
      for (let c = 0; c < n; c++) {
        Ak.data[i * n + c] += su * f.V.data[c * r + j];
      }
    }
  }
  return Ak;
}

/** The best rank-k approximation of A in the 2- and Frobenius norms. */
export function lowRankApprox(A: Matrix, k: number): Matrix {
  checkFinite('lowRankApprox', 'A', A);
  const r = Math.min(A.rows, A.cols);
  if (!Number.isInteger(k) || k < 0 || k > r) {
    throw new Error(
      `lowRankApprox: A is ${shapeOf(A)}, so k must be an integer ` +
        `in 0..${r}; got ${k}`,
    );
  }
  return truncate(svd(A), k);
}
// #endregion

// #region eckart-young
/** ||A - A_k||_F = sqrt(s[k]^2 + s[k+1]^2 + ...): Eq. (dec-ey-f). */
export function tailNorm(s: Float64Array, k: number): number {
  checkSorted('tailNorm', s);
  if (!Number.isInteger(k) || k < 0 || k > s.length) {
    throw new Error(
      `tailNorm: expected an integer k in 0..${s.length}, got ${k}`,
    );
  }
  const big = s[k] ?? 0; // sorted, so the largest of the tail
  if (big === 0) return 0;
  let sum = 0;
  for (let j = k; j < s.length; j++) sum += (s[j] / big) ** 2;
  return big * Math.sqrt(sum);
}

/** The Frobenius norm, scaled like norm() against overflow. */
export function frobenius(A: Matrix): number {
  checkFinite('frobenius', 'A', A);
  const big = A.data.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (big === 0) return 0;
  let sum = 0;
  for (const x of A.data) sum += (x / big) ** 2;
  return big * Math.sqrt(sum);
}
// #endregion

/** Throws unless s holds finite values >= 0, largest first. */
function checkSorted(fn: string, s: ArrayLike<number>): void {
  requireFiniteArray(fn, 's', s);
  for (let j = 0; j < s.length; j++) {
    if (s[j] < 0 || (j > 0 && s[j] > s[j - 1])) {
      throw new Error(`${fn}: s must hold singular values, >= 0 and ` +
        `largest first; got s[${j}] = ${s[j]}`);
    }
  }
}

/** Throws unless f = { U m x r, s vector(r), V n x r } as svd gives. */
function checkSvd(fn: string, f: SVD): void {
  const { U, s, V } = f ?? {};
  const ok = U instanceof Matrix && V instanceof Matrix &&
    s instanceof Float64Array && U.cols === s.length &&
    V.cols === s.length;
  if (!ok) {
    throw new Error(`${fn}: f must be an SVD: U m x r, s vector(r) ` +
      'and V n x r');
  }
  checkFinite(fn, 'U', U);
  checkFinite(fn, 'V', V);
  checkSorted(fn, s);
}
