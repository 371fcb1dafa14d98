// The symmetric eigendecomposition A = V diag(lambda) V^T by cyclic Jacobi.
import { Matrix, norm, shapeOf } from '../linear-algebra/matrix.ts';
import { checkSymmetric } from './cholesky.ts';
import { requireFinites } from '../introduction/checks.ts';

// #region eigen-types
export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  readonly values: Float64Array;
  /** n x n, orthonormal; column j belongs to values[j]. */
  readonly vectors: Matrix;
  /** Sweeps used; offNorms[s] = off(A) / ||A||_F after sweep s. */
  readonly sweeps: number;
  readonly offNorms: number[];
}
// #endregion

// #region convergence-error
/** Thrown when an iteration hits its sweep limit unconverged. */
export class ConvergenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConvergenceError';
  }
}
// #endregion

// #region jacobi-rotation
/**
 * c and s of the rotation that zeroes a_pq, from the 2 x 2 block
 * [[app, apq], [apq, aqq]]: Eqs. (dec-jacobi-tau) and (dec-jacobi-t).
 */
export function jacobiRotation(
  app: number, apq: number, aqq: number,
): { c: number; s: number; t: number } {
  requireFinites('jacobiRotation', { app, apq, aqq });
  const tau = (aqq - app) / (2 * apq);
  const sign = tau >= 0 ? 1 : -1;
  // hypot: no overflow for huge tau, where t -> 1 / (2 tau)
  const t = sign / (Math.abs(tau) + Math.hypot(1, tau));
  const c = 1 / Math.sqrt(1 + t * t);
  return { c, s: t * c, t };
}
// #endregion

// #region rotate
/** A <- J^T A J and V <- V J for the rotation J in plane (p, q). */
function rotate(
  a: Float64Array, v: Float64Array, n: number,
  p: number, q: number, c: number, s: number, t: number,
): void {
  const app = a[p * n + p];
  const aqq = a[q * n + q];
  const apq = a[p * n + q];
  for (let k = 0; k < n; k++) { // columns p and q: A J
    const akp = a[k * n + p];
    const akq = a[k * n + q];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) { // rows p and q: J^T (A J)
    const apk = a[p * n + k];
    const aqk = a[q * n + k];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
    const vkp = v[k * n + p];
    const vkq = v[k * n + q];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
  a[p * n + p] = app - t * apq; // Eq. (dec-jacobi-diag)
  a[q * n + q] = aqq + t * apq;
  a[p * n + q] = 0; // zero by the choice of t, Eq. (dec-jacobi-t)
  a[q * n + p] = 0;
}
// #endregion

// #region symmetric-eigen
/** Cyclic Jacobi: sweeps over all pairs p < q until none needs one. */
export function symmetricEigen(
  A: Matrix,
  maxSweeps = 30,
): SymmetricEigen {
  checkSymmetric('symmetricEigen', A);
  checkSweeps('symmetricEigen', maxSweeps);
  const n = A.rows;
  const { a, big } = scaledSymmetricCopy(A);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const normF = norm(a); // ||A||_F: a is A, scaled, row after row
  const offNorms: number[] = [];
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let turns = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        // Eq. (dec-jacobi-skip): a_pq is negligible next to its block
        const rp = Math.sqrt(Math.abs(app)); // two roots: no underflow
        const rq = Math.sqrt(Math.abs(aqq));
        if (Math.abs(apq) <= Number.EPSILON * rp * rq) continue;
        const { c, s, t } = jacobiRotation(app, apq, aqq);
        rotate(a, v, n, p, q, c, s, t);
        turns++;
      }
    }
    offNorms.push(normF === 0 ? 0 : offDiagonal(a, n) / normF);
    if (turns === 0) return sortedEigen(a, v, n, big, sweep, offNorms);
  }
  throw new ConvergenceError(
    `symmetricEigen: not converged after ${maxSweeps} sweeps on a ` +
      `${shapeOf(A)} matrix; off(A)/||A||_F = ` +
      `${offNorms[offNorms.length - 1].toExponential(2)}`,
  );
}
// #endregion

// #region eigen-helpers
/** (A + A^T) / 2 divided by max |a_ij|: no overflow in the squares. */
function scaledSymmetricCopy(A: Matrix): {
  a: Float64Array;
  big: number;
} {
  const n = A.rows;
  const big = A.data.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const a = new Float64Array(n * n);
  if (big === 0) return { a, big: 1 };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      a[i * n + j] = (A.data[i * n + j] + A.data[j * n + i]) / 2 / big;
    }
  }
  return { a, big };
}

/** off(A) = sqrt of the sum of squares off the diagonal. */
function offDiagonal(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) s += a[i * n + j] ** 2;
  }
  return Math.sqrt(s);
}

/** The diagonal (times big) as eigenvalues, largest first. */
function sortedEigen(
  a: Float64Array, v: Float64Array, n: number, big: number,
  sweeps: number, offNorms: number[],
): SymmetricEigen {
  const order = Array.from({ length: n }, (_, i) => i)
    .sort((i, j) => a[j * n + j] - a[i * n + i]);
  const values = Float64Array.from(order, (i) => big * a[i * n + i]);
  const vectors = new Matrix(n, n);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < n; j++) {
      vectors.data[r * n + j] = v[r * n + order[j]];
    }
  }
  return { values, vectors, sweeps, offNorms };
}

export function checkSweeps(fn: string, maxSweeps: number): void {
  if (!Number.isInteger(maxSweeps) || maxSweeps < 1) {
    throw new Error(
      `${fn}: expected maxSweeps to be a positive integer, ` +
        `got ${maxSweeps}`,
    );
  }
}
// #endregion
