// Exercise: standard errors of the unpenalized fit, from the inverse
// Hessian and from the bootstrap.
import { cholesky, choleskySolve } from '../../decompositions/cholesky.ts';
import { takeRows } from '../../gradient-descent/batches.ts';
import type { Rng } from '../../introduction/random.ts';
import { moments } from '../../introduction/stats.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { fitLogisticNewton } from '../fit.ts';
import { logisticHessian } from '../model.ts';

/** √diag(H⁻¹) at θ, H = ÃᵀVÃ: the inverse observed information. */
export function hessianStandardErrors(X: Matrix, theta: Vector): Vector {
  const L = cholesky(logisticHessian(X, theta));
  return theta.map((_, j) => {
    const e = new Float64Array(theta.length);
    e[j] = 1;
    return Math.sqrt(choleskySolve(L, e)[j]); // (H⁻¹)ⱼⱼ
  });
}

/** The standard deviation of θ over B refits to resampled rows. */
export function bootstrapStandardErrors(X: Matrix, y: Vector, B: number,
  rng: Rng): Vector {
  const n = X.rows;
  const thetas = Array.from({ length: X.cols + 1 },
    () => new Float64Array(B));
  for (let b = 0; b < B; b++) {
    const rows = Array.from({ length: n }, () => rng.int(0, n));
    const sample = takeRows(X, y, rows);
    const { theta } = fitLogisticNewton(sample.X, sample.y);
    theta.forEach((t, j) => (thetas[j][b] = t));
  }
  return Float64Array.from(thetas, (t) => Math.sqrt(moments(t).variance));
}
