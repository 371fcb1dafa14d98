// The Gaussian kernel and the weights it gives the training points.
// Browser-safe.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';

// #region check-tau
/** Throws, naming `fn`, unless τ is a number > 0 (Infinity allowed). */
export function checkTau(fn: string, tau: number): void {
  if (typeof tau !== 'number' || !(tau > 0)) {
    throw new Error(
      `${fn}: the bandwidth tau must be a number > 0 (Infinity for ` +
        `ordinary least squares), got ${tau}`,
    );
  }
}

/** Throws, naming `fn`, unless x0 is a finite vector(X.cols). */
export function checkQuery(fn: string, X: Matrix, x0: Vector): void {
  if (!(x0 instanceof Float64Array) || x0.length !== X.cols) {
    const got = x0 instanceof Float64Array ? shapeOf(x0) : typeof x0;
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so the query x0 must be ` +
        `vector(${X.cols}); got ${got}`,
    );
  }
  checkFinite(fn, 'x0', x0);
}

/** Throws, naming `fn`, unless x, z are finite, of one length, τ > 0. */
function checkPair(fn: string, x: Vector, z: Vector, tau: number) {
  checkTau(fn, tau);
  if (!(x instanceof Float64Array) || !(z instanceof Float64Array) ||
    x.length !== z.length) {
    throw new Error(`${fn}: x and z must be Float64Arrays of one length`);
  }
  checkFinite(fn, 'x', x);
  checkFinite(fn, 'z', z);
}
// #endregion

// #region kernel
/** ‖a − b‖² for two vectors of length d, at offsets ia and ib. */
function squaredDistance(
  a: Float64Array,
  ia: number,
  b: Float64Array,
  ib: number,
  d: number,
): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += (a[ia + j] - b[ib + j]) ** 2;
  return s;
}

/** k(x, z) = exp(−‖x − z‖² / (2τ²)), Eq. (lwr-kernel). */
export function gaussianKernel(x: Vector, z: Vector, tau: number): number {
  checkPair('gaussianKernel', x, z, tau);
  const d2 = squaredDistance(x, 0, z, 0, x.length);
  return Math.exp(-d2 / (2 * tau * tau));
}
// #endregion

// #region kernel-weights
/**
 * The weights k(x_i, x0) of Eq. (lwr-kernel), divided by the largest
 * of them, so that the nearest point has weight 1 and the others
 * cannot all underflow to 0. The common factor cancels in
 * Eq. (lwr-normal).
 */
export function kernelWeights(X: Matrix, x0: Vector, tau: number): Vector {
  const fn = 'kernelWeights';
  checkTau(fn, tau);
  checkFinite(fn, 'X', X);
  checkQuery(fn, X, x0);
  const { rows: n, cols: d, data } = X;
  const d2 = new Float64Array(n);
  let nearest = Infinity;
  for (let i = 0; i < n; i++) {
    d2[i] = squaredDistance(data, i * d, x0, 0, d);
    nearest = Math.min(nearest, d2[i]);
  }
  const k = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    k[i] = Math.exp(-(d2[i] - nearest) / (2 * tau * tau));
  }
  return k;
}
// #endregion
