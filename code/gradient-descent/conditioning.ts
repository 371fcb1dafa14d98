// The spectrum of the least-squares Hessian XᵀX/n, the step-size
// bounds it sets, and what standardizing the features does to it.
import {
  checkFinite,
  matmul,
  scale,
  shapeOf,
  transpose,
  type Matrix,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { symmetricEigen } from '../decompositions/eigen.ts';

// #region hessian-spectrum
/** Eigenvalues of H = XᵀX/n, Eq. (lr-hessian), largest first. */
export function hessianSpectrum(X: Matrix): Vector {
  checkFinite('hessianSpectrum', 'X', X);
  const H = scale(matmul(transpose(X), X), 1 / X.rows);
  return symmetricEigen(H).values; // Jacobi: every eigenvalue
}

/** κ(H) = λmax/λmin, Infinity if H is singular to working precision. */
export function conditionOf(spectrum: Vector): number {
  checkSpectrum(spectrum);
  const top = spectrum[0];
  const low = spectrum[spectrum.length - 1];
  if (!(top > 0)) {
    throw new Error(`conditionOf: H must be nonzero, got λmax = ${top}`);
  }
  return low > top * spectrum.length * Number.EPSILON ? top / low
    : Infinity;
}
// #endregion

// #region step-bounds
/**
 * The largest stable steps: 2/λmax(H) for the full batch,
 * Eq. (lr-step-size), and 2/max_i ‖x_i‖², which keeps every batch
 * size stable on data that a linear model fits exactly,
 * Eq. (gd-sample-bound).
 */
export function stepBounds(X: Matrix): { batch: number; sample: number } {
  checkFinite('stepBounds', 'X', X);
  const { rows: n, cols: d, data } = X;
  let biggest = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += data[i * d + j] ** 2;
    biggest = Math.max(biggest, s);
  }
  if (biggest === 0) {
    throw new Error(`stepBounds: X (${shapeOf(X)}) is all zeros`);
  }
  return { batch: 2 / hessianSpectrum(X)[0], sample: 2 / biggest };
}
// #endregion

// #region epochs-needed
/**
 * Batch GD steps to shrink the error by eps with η = 1/λmax: the
 * slowest direction contracts by 1 − 1/κ, Eq. (gd-steps-needed).
 */
export function stepsNeeded(kappa: number, eps: number): number {
  if (!(kappa >= 1 && kappa < Infinity && eps > 0 && eps < 1)) {
    throw new Error(`stepsNeeded: expected kappa >= 1 and 0 < eps < 1, ` +
      `got ${kappa}, ${eps}`);
  }
  if (kappa === 1) return 1; // one step lands on the minimum
  return Math.ceil(Math.log(eps) / Math.log(1 - 1 / kappa));
}
// #endregion

/** Eigenvalues, largest first: finite, non-increasing, one at least. */
function checkSpectrum(spectrum: Vector): void {
  const fn = 'conditionOf';
  checkFinite(fn, 'spectrum', spectrum);
  const i = spectrum.findIndex((v, j) => j > 0 && v > spectrum[j - 1]);
  if (spectrum.length === 0 || i > 0) {
    throw new Error(`${fn}: spectrum must hold eigenvalues, largest ` +
      `first; got ${spectrum.length === 0 ? 'none' : `spectrum[${i}]`}`);
  }
}
