// Exercise: standard errors of the unpenalized fit, from the inverse
// Hessian and from the bootstrap.
import { cholesky, choleskySolve } from '../../decompositions/cholesky.ts';
import { takeRows } from '../../gradient-descent/batches.ts';
import {
  calledAs,
  requireInteger,
} from '../../introduction/checks.ts';
import type { Rng } from '../../introduction/random.ts';
import { moments } from '../../introduction/stats.ts';
import { Matrix, checkFinite } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { fitLogisticNewton } from '../fit.ts';
import {
  checkLabels,
  checkTheta,
  logisticHessian,
} from '../model.ts';

/** √diag(H⁻¹) at θ, H = ÃᵀVÃ: the inverse observed information. */
export function hessianStandardErrors(X: Matrix, theta: Vector): Vector {
  checkStandardErrors(X, theta);
  const L = calledAs('hessianStandardErrors',
    () => cholesky(logisticHessian(X, theta))); // fails unless H > 0
  return theta.map((_, j) => {
    const e = new Float64Array(theta.length);
    e[j] = 1;
    return Math.sqrt(choleskySolve(L, e)[j]); // (H⁻¹)ⱼⱼ
  });
}

/** The standard deviation of θ over B refits to resampled rows. */
export function bootstrapStandardErrors(X: Matrix, y: Vector, B: number,
  rng: Rng): Vector {
  checkBootstrap(X, y, B);
  const n = X.rows;
  const thetas = Array.from({ length: X.cols + 1 },
    () => new Float64Array(B));
  for (let b = 0; b < B; b++) {
    const rows = Array.from({ length: n }, () => rng.int(0, n));
    const sample = takeRows(X, y, rows);
    const { theta } = calledAs('bootstrapStandardErrors',
      () => fitLogisticNewton(sample.X, sample.y)); // may separate
    theta.forEach((t, j) => (thetas[j][b] = t));
  }
  return Float64Array.from(thetas, (t) => Math.sqrt(moments(t).variance));
}

// Input checks of the functions above.

function checkStandardErrors(X: Matrix, theta: Vector): void {
  const fn = 'hessianStandardErrors';
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, got ${typeof X}`);
  }
  checkFinite(fn, 'X', X);
  checkTheta(fn, X, theta);
}

function checkBootstrap(X: Matrix, y: Vector, B: number): void {
  const fn = 'bootstrapStandardErrors';
  checkLabels(fn, X, y);
  requireInteger(fn, 'B', B, 2); // a standard deviation needs two
}
