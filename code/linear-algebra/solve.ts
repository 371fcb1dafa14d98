// Solving Ax = b by Gaussian elimination with partial pivoting, PA = LU.
import {
  Matrix,
  checkFinite,
  dot,
  shapeOf,
  type Vector,
} from './matrix.ts';

// #region lu-type
/** The factors of PA = LU, stored in one matrix as LAPACK does. */
export interface LU {
  /** Below the diagonal: L (its unit diagonal is implied). On and
   *  above: U. */
  readonly lu: Matrix;
  /** Row i of PA is row perm[i] of A. */
  readonly perm: Int32Array;
  /** det P: +1 or -1, the parity of the row swaps. */
  readonly sign: number;
  /** The 1-norm of A, its largest absolute column sum: for condEst. */
  readonly norm1: number;
}
// #endregion

// #region singular-error
/** Thrown when A is singular, or too close to singular to solve. */
export class SingularMatrixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SingularMatrixError';
  }
}
// #endregion

function checkSquare(fn: string, A: Matrix): void {
  if (A.rows !== A.cols) {
    throw new Error(
      `${fn}: expected a square matrix A (n x n), got A ${shapeOf(A)}`,
    );
  }
  checkFinite(fn, 'A', A);
}

/** Throws unless f holds n x n factors, a permutation and a norm. */
function checkFactors(fn: string, f: LU): void {
  const { lu, perm, norm1 } = f ?? {};
  if (!(lu instanceof Matrix) || !(perm instanceof Int32Array) ||
    lu.cols !== lu.rows || perm.length !== lu.rows) {
    const got = lu instanceof Matrix ? shapeOf(lu) : typeof lu;
    throw new Error(
      `${fn}: expected n x n factors lu and an Int32Array perm of ` +
        `length n, got ${got} and ${perm?.length}`,
    );
  }
  checkFinite(fn, 'lu', lu);
  const seen = new Uint8Array(perm.length);
  for (const p of perm) {
    if (!(p >= 0 && p < perm.length) || seen[p]++ > 0) {
      throw new Error(`${fn}: perm must be a permutation of ` +
        `0..${perm.length - 1}, got [${perm.join(', ')}]`);
    }
  }
  if (!(Number.isFinite(norm1) && norm1 >= 0)) {
    throw new Error(`${fn}: norm1 must be finite and >= 0, got ${norm1}`);
  }
}

function checkRhs(fn: string, n: number, b: Vector): void {
  if (b.length !== n) {
    throw new Error(
      `${fn}: A is ${n}x${n}, so b must be vector(${n}); ` +
        `got b ${shapeOf(b)}`,
    );
  }
  checkFinite(fn, 'b', b);
}

/** ||A||_1 = max_j sum_i |a_ij|. */
function norm1(A: Matrix): number {
  const sums = new Float64Array(A.cols);
  for (let t = 0; t < A.data.length; t++) {
    sums[t % A.cols] += Math.abs(A.data[t]);
  }
  return sums.reduce((m, s) => Math.max(m, s), 0);
}

// #region pivot
/** The row p >= k with the largest |d[p][k]|: i* of Eq. (la-pivot). */
function pivotRow(d: Float64Array, n: number, k: number): number {
  let p = k;
  for (let i = k + 1; i < n; i++) {
    if (Math.abs(d[i * n + k]) > Math.abs(d[p * n + k])) p = i;
  }
  return p;
}

function swapRows(d: Float64Array, n: number, p: number, k: number) {
  for (let j = 0; j < n; j++) {
    const t = d[p * n + j];
    d[p * n + j] = d[k * n + j];
    d[k * n + j] = t;
  }
}
// #endregion

// #region eliminate
/** Step k of elimination on the n x n array d, in place. */
function eliminate(d: Float64Array, n: number, k: number): void {
  const pivot = d[k * n + k];
  for (let i = k + 1; i < n; i++) {
    const l = d[i * n + k] / pivot; // Eq. (la-multiplier)
    d[i * n + k] = l; // L is stored where the zero would go
    if (l === 0) continue;
    for (let j = k + 1; j < n; j++) {
      d[i * n + j] -= l * d[k * n + j]; // Eq. (la-update)
    }
  }
}
// #endregion

// #region lu-factor
/** Factors PA = LU with partial pivoting; throws if A is singular. */
export function luFactor(A: Matrix): LU {
  return factor('luFactor', A);
}

function factor(fn: string, A: Matrix): LU {
  checkSquare(fn, A);
  const n = A.rows;
  const d = A.data.slice();
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const big = d.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const tol = n * Number.EPSILON * big; // Eq. (la-pivot-tol)
  let sign = 1;
  for (let k = 0; k < n; k++) {
    const p = pivotRow(d, n, k);
    const pivot = Math.abs(d[p * n + k]);
    if (pivot <= tol) throw tinyPivot(fn, A, k, pivot, tol);
    if (p !== k) {
      swapRows(d, n, p, k);
      [perm[p], perm[k]] = [perm[k], perm[p]];
      sign = -sign;
    }
    eliminate(d, n, k);
  }
  return { lu: new Matrix(n, n, d), perm, sign, norm1: norm1(A) };
}
// #endregion

function tinyPivot(
  fn: string,
  A: Matrix,
  k: number,
  pivot: number,
  tol: number,
): SingularMatrixError {
  return new SingularMatrixError(
    `${fn}: A (${shapeOf(A)}) is singular to working precision: ` +
      `in column ${k} (0-based) the largest pivot candidate is ` +
      `${pivot.toExponential(2)}, not above n*eps*max|a_ij| = ` +
      `${tol.toExponential(2)}`,
  );
}

// #region substitution
/** Solves Ly = Pb, L unit lower triangular: Eq. (la-forward). */
function forward(lu: Matrix, perm: Int32Array, b: Vector): Vector {
  const n = lu.rows;
  const d = lu.data;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]];
    for (let j = 0; j < i; j++) s -= d[i * n + j] * y[j];
    y[i] = s;
  }
  return y;
}

/** Solves Ux = y, U upper triangular: Eq. (la-back). */
function back(lu: Matrix, y: Vector): Vector {
  const n = lu.rows;
  const d = lu.data;
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let j = i + 1; j < n; j++) s -= d[i * n + j] * x[j];
    x[i] = s / d[i * n + i];
  }
  return x;
}
// #endregion

// #region lu-solve
/** Solves Ax = b given PA = LU: Ly = Pb, then Ux = y. */
export function luSolve(f: LU, b: Vector): Vector {
  checkFactors('luSolve', f);
  checkRhs('luSolve', f.lu.rows, b);
  return back(f.lu, forward(f.lu, f.perm, b));
}
// #endregion

// #region solve-transposed
/** Solves A^T z = c from PA = LU, Eq. (la-transposed-solve). */
function solveTransposed(f: LU, c: Vector): Vector {
  const n = f.lu.rows;
  const d = f.lu.data;
  const w = new Float64Array(n); // U^T w = c, forward
  for (let i = 0; i < n; i++) {
    let s = c[i];
    for (let j = 0; j < i; j++) s -= d[j * n + i] * w[j];
    w[i] = s / d[i * n + i];
  }
  const v = new Float64Array(n); // L^T v = w, backward
  for (let i = n - 1; i >= 0; i--) {
    let s = w[i];
    for (let j = i + 1; j < n; j++) s -= d[j * n + i] * v[j];
    v[i] = s;
  }
  const z = new Float64Array(n); // z = P^T v
  for (let i = 0; i < n; i++) z[f.perm[i]] = v[i];
  return z;
}
// #endregion

// #region cond-est
/**
 * A lower bound on the condition number ||A||_1 ||A^-1||_1 from the
 * factors, in O(n^2) (Hager's method, Eq. (la-hager)).
 */
export function condEst(f: LU): number {
  checkFactors('condEst', f);
  const n = f.lu.rows;
  let x = new Float64Array(n).fill(1 / n); // ||x||_1 = 1
  let best = 0; // the largest ||A^-1 x||_1 seen
  for (let step = 0; step < 5; step++) {
    const y = back(f.lu, forward(f.lu, f.perm, x)); // y = A^-1 x
    const size = y.reduce((s, v) => s + Math.abs(v), 0);
    if (size <= best) break;
    best = size;
    const z = solveTransposed(f, y.map((v) => (v >= 0 ? 1 : -1)));
    let j = 0;
    for (let i = 1; i < n; i++) if (Math.abs(z[i]) > Math.abs(z[j])) j = i;
    if (Math.abs(z[j]) <= dot(z, x)) break; // no vertex is better
    x = new Float64Array(n);
    x[j] = 1; // the vertex e_j
  }
  return best * f.norm1;
}
// #endregion

// #region solve
/** Solves Ax = b; throws SingularMatrixError if A is (near) singular. */
export function solve(A: Matrix, b: Vector): Vector {
  checkSquare('solve', A);
  checkRhs('solve', A.rows, b);
  const f = factor('solve', A);
  const kappa = condEst(f);
  if (kappa * Number.EPSILON >= 1) {
    throw new SingularMatrixError(
      `solve: A (${shapeOf(A)}) is singular to working precision: ` +
        `its estimated condition number ${kappa.toExponential(2)} ` +
        `is at least 1/eps = ${(1 / Number.EPSILON).toExponential(2)}, ` +
        'so x would have no correct digits',
    );
  }
  return luSolve(f, b);
}
// #endregion

// #region no-pivot
/** Elimination without row swaps. Only to show why we pivot. */
export function solveNoPivot(A: Matrix, b: Vector): Vector {
  checkSquare('solveNoPivot', A);
  checkRhs('solveNoPivot', A.rows, b);
  const n = A.rows;
  const d = A.data.slice();
  for (let k = 0; k < n; k++) {
    if (d[k * n + k] === 0) {
      throw new SingularMatrixError(
        `solveNoPivot: zero pivot in column ${k} (0-based) of A ` +
          `(${shapeOf(A)})`,
      );
    }
    eliminate(d, n, k);
  }
  const lu = new Matrix(n, n, d);
  const noSwaps = Int32Array.from({ length: n }, (_, i) => i);
  return back(lu, forward(lu, noSwaps, b));
}
// #endregion
