// QR by Householder reflections: A = QR, Q orthogonal, R upper triangular.
import {
  Matrix,
  checkFinite,
  norm,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';

// #region qr-type
/** A = QR with Q = H_0 H_1 ... H_(k-1), k = min(m, n), kept factored. */
export interface QR {
  readonly m: number;
  readonly n: number;
  /** The k x n upper-trapezoidal factor R. */
  readonly R: Matrix;
  /** Reflector j is H_j = I - beta_j v_j v_j^T on rows j..m-1. */
  readonly v: readonly Float64Array[];
  readonly beta: Float64Array;
}
// #endregion

// #region householder-vector
/**
 * v (with v_0 = 1) and beta such that (I - beta v v^T) x = alpha e_1,
 * alpha = -sign(x_0) ||x||: Eqs. (dec-house-alpha), (dec-house-beta).
 * beta = 0 (H = I) when there is nothing below x_0 to eliminate.
 */
export function householderVector(x: Vector): {
  v: Vector;
  beta: number;
  alpha: number;
} {
  checkFinite('householderVector', 'x', x);
  if (x.length === 0) {
    throw new Error('householderVector: expected a non-empty x');
  }
  const v = new Float64Array(x.length);
  v[0] = 1;
  let below = 0;
  for (let i = 1; i < x.length; i++) below += Math.abs(x[i]);
  if (below === 0) return { v, beta: 0, alpha: x[0] };
  const length = norm(x); // scaled: no overflow
  const alpha = x[0] >= 0 ? -length : length; // Eq. (dec-house-alpha)
  const v0 = x[0] - alpha; // |x_0| + ||x||: no cancellation
  for (let i = 1; i < x.length; i++) v[i] = x[i] / v0;
  const beta = (alpha - x[0]) / alpha; // Eq. (dec-house-beta)
  return { v, beta, alpha };
}
// #endregion

// #region reflect
/** B <- (I - beta v v^T) B for B = rows r0.., columns c0.. of d. */
function reflect(
  d: Float64Array, n: number, r0: number, c0: number,
  v: Vector, beta: number,
): void {
  const w = new Float64Array(n); // w = beta v^T B, one row at a time
  for (let i = 0; i < v.length; i++) {
    const vi = beta * v[i];
    const row = (r0 + i) * n;
    for (let c = c0; c < n; c++) w[c] += vi * d[row + c];
  }
  for (let i = 0; i < v.length; i++) { // B -= v w: Eq. (dec-house-apply)
    const row = (r0 + i) * n;
    for (let c = c0; c < n; c++) d[row + c] -= v[i] * w[c];
  }
}
// #endregion

// #region householder-qr
/** Householder QR of any m x n matrix: Eq. (dec-qr-steps). */
export function householderQR(A: Matrix): QR {
  checkFinite('householderQR', 'A', A);
  const { rows: m, cols: n } = A;
  const k = Math.min(m, n);
  const d = A.data.slice();
  const vs: Float64Array[] = [];
  const beta = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const x = new Float64Array(m - j);
    for (let i = j; i < m; i++) x[i - j] = d[i * n + j];
    const h = householderVector(x);
    vs.push(h.v);
    beta[j] = h.beta;
    if (h.beta === 0) continue; // H_j = I
    reflect(d, n, j, j + 1, h.v, h.beta); // the columns right of j
    d[j * n + j] = h.alpha; // column j becomes alpha e_1, exactly
    for (let i = j + 1; i < m; i++) d[i * n + j] = 0;
  }
  return { m, n, R: new Matrix(k, n, d.slice(0, k * n)), v: vs, beta };
}
// #endregion

// #region apply-q
/** Q^T b = H_(k-1) ... H_0 b, without forming Q. */
export function applyQt(f: QR, b: Vector): Vector {
  checkQR('applyQt', f);
  checkLength('applyQt', f, b);
  const y = b.slice();
  for (let j = 0; j < f.beta.length; j++) reflectVector(f, j, y);
  return y;
}

/** Q x = H_0 ... H_(k-1) x: the reflectors in reverse order. */
export function applyQ(f: QR, x: Vector): Vector {
  checkQR('applyQ', f);
  checkLength('applyQ', f, x);
  const y = x.slice();
  for (let j = f.beta.length - 1; j >= 0; j--) reflectVector(f, j, y);
  return y;
}

function reflectVector(f: QR, j: number, y: Float64Array): void {
  const v = f.v[j];
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * y[j + i];
  s *= f.beta[j];
  for (let i = 0; i < v.length; i++) y[j + i] -= s * v[i];
}
// #endregion

/** Throws unless f has k = min(m, n) reflectors of the right sizes. */
function checkQR(fn: string, f: QR): void {
  const { m, n, R, v, beta } = f ?? {};
  const k = Math.min(m, n);
  const ok = Number.isInteger(m) && Number.isInteger(n) && k >= 1 &&
    R instanceof Matrix && R.rows === k && R.cols === n &&
    beta instanceof Float64Array && beta.length === k &&
    Array.isArray(v) && v.length === k &&
    v.every((vj, j) => vj instanceof Float64Array && vj.length === m - j);
  if (!ok) {
    throw new Error(`${fn}: f is not the QR of an m x n matrix: expected ` +
      'R k x n, beta vector(k) and k reflectors v_j of length m - j, ' +
      'k = min(m, n)');
  }
  checkFinite(fn, 'R', R);
  checkFinite(fn, 'beta', beta);
  v.forEach((vj, j) => checkFinite(fn, `v[${j}]`, vj));
}

function checkLength(fn: string, f: QR, b: Vector): void {
  if (b.length !== f.m) {
    throw new Error(
      `${fn}: Q is ${f.m}x${f.m}, so the vector must be ` +
        `vector(${f.m}); got ${shapeOf(b)}`,
    );
  }
  checkFinite(fn, 'the vector', b);
}

// #region thin-q
/** The first k = min(m, n) columns of Q: Q e_j for each j. */
export function thinQ(f: QR): Matrix {
  checkQR('thinQ', f);
  const k = f.beta.length;
  const Q = new Matrix(f.m, k);
  for (let j = 0; j < k; j++) {
    const e = new Float64Array(f.m);
    e[j] = 1;
    const q = applyQ(f, e);
    for (let i = 0; i < f.m; i++) Q.data[i * k + j] = q[i];
  }
  return Q;
}
// #endregion
