// The book's one numerically stable log-sum-exp and softmax, and the
// softmax Jacobian. Softmax regression, probability and the neural
// network chapters import them from here.
import { Matrix } from '../linear-algebra/matrix.ts';

/** Throws unless z is a non-empty array of finite numbers. */
function checkScores(fn: string, z: ArrayLike<number>, name = 'z') {
  if (z === null || typeof z !== 'object' || !('length' in z)) {
    throw new Error(`${fn}: ${name} must be an array of numbers, ` +
      `got ${z}`);
  }
  if (z.length === 0) {
    throw new Error(`${fn}: ${name} needs at least one score, got ` +
      'length 0');
  }
  for (let i = 0; i < z.length; i++) {
    if (typeof z[i] !== 'number' || !Number.isFinite(z[i])) {
      throw new Error(
        `${fn}: expected finite scores, got ${name}[${i}] = ${z[i]}`,
      );
    }
  }
}

function maxOf(z: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < z.length; i++) m = Math.max(m, z[i]);
  return m;
}

// #region log-sum-exp
/** log sum_i exp(z_i), shifted by the max: Eq. (calc-lse-shift). */
export function logSumExp(z: ArrayLike<number>): number {
  checkScores('logSumExp', z);
  const m = maxOf(z);
  let s = 0; // the largest term is exp(0) = 1, so 1 <= s <= k
  for (let i = 0; i < z.length; i++) s += Math.exp(z[i] - m);
  return m + Math.log(s);
}
// #endregion

// #region softmax
/** p_i = exp(z_i - m) / sum_j exp(z_j - m): Eq. (calc-softmax). */
export function softmax(z: ArrayLike<number>): Float64Array {
  checkScores('softmax', z);
  const m = maxOf(z);
  const p = new Float64Array(z.length);
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    p[i] = Math.exp(z[i] - m); // in (0, 1]: cannot overflow
    s += p[i];
  }
  for (let i = 0; i < p.length; i++) p[i] /= s;
  return p;
}

/** log softmax(z)_i = z_i - logSumExp(z), without forming p. */
export function logSoftmax(z: ArrayLike<number>): Float64Array {
  checkScores('logSoftmax', z);
  const lse = logSumExp(z);
  return Float64Array.from(z, (zi) => zi - lse); // Eq. (calc-log-softmax)
}
// #endregion

// #region softmax-jacobian
/** J = diag(p) - p p^T, the k x k Jacobian of softmax at z. */
export function softmaxJacobian(z: ArrayLike<number>): Matrix {
  checkScores('softmaxJacobian', z);
  const p = softmax(z);
  const n = p.length;
  const J = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      // Eq. (calc-softmax-jacobian)
      J.data[i * n + j] = (i === j ? p[i] : 0) - p[i] * p[j];
    }
  }
  return J;
}

/** J^T v = p * (v - p.v) in O(n), without forming J. */
export function softmaxVjp(
  z: ArrayLike<number>,
  v: ArrayLike<number>,
): Float64Array {
  checkScores('softmaxVjp', z);
  checkScores('softmaxVjp', v, 'v');
  if (v.length !== z.length) {
    throw new Error(
      `softmaxVjp: expected v of length ${z.length} like z, ` +
        `got ${v.length}`,
    );
  }
  const p = softmax(z);
  let pv = 0;
  for (let i = 0; i < p.length; i++) pv += p[i] * v[i];
  return p.map((pi, i) => pi * (v[i] - pv)); // Eq. (calc-softmax-vjp)
}
// #endregion
