// Feature standardization, and mapping a model fitted on standardized
// features back to the original units.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import type { LinearFit } from './model.ts';

// #region standardize
/**
 * z_ij = (x_ij − x̄_j) / s_j with s_j the population standard
 * deviation (divide by n), Eq. (lr-standardize).
 */
export function standardize(
  X: Matrix,
): { Z: Matrix; mean: Vector; scale: Vector } {
  checkFinite('standardize', 'X', X);
  const { rows: n, cols: d, data } = X;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let t = 0; t < n * d; t++) mean[t % d] += data[t];
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let t = 0; t < n * d; t++) {
    scale[t % d] += (data[t] - mean[t % d]) ** 2;
  }
  for (let j = 0; j < d; j++) {
    scale[j] = Math.sqrt(scale[j] / n);
    // constant up to rounding: nothing to scale
    if (!(scale[j] > 1e-12 * Math.abs(mean[j]))) {
      throw new Error(
        `standardize: column ${j} of X (${shapeOf(X)}) is constant ` +
          `(standard deviation ${scale[j]}); remove it`,
      );
    }
  }
  const Z = new Matrix(n, d);
  for (let t = 0; t < n * d; t++) {
    Z.data[t] = (data[t] - mean[t % d]) / scale[t % d];
  }
  return { Z, mean, scale };
}
// #endregion

// #region unstandardize
/**
 * The model fitted on standardized features, in the original units:
 * w_j = v_j / s_j and b = b_z − Σ_j v_j x̄_j / s_j, Eq. (lr-unscale).
 */
export function unstandardize(
  fit: LinearFit,
  mean: Vector,
  scale: Vector,
): LinearFit {
  const d = fit.w.length;
  if (mean.length !== d || scale.length !== d) {
    throw new Error(
      `unstandardize: w is ${shapeOf(fit.w)}, so mean and scale must ` +
        `be vector(${d}); got ${shapeOf(mean)} and ${shapeOf(scale)}`,
    );
  }
  checkFinite('unstandardize', 'w', fit.w);
  checkFinite('unstandardize', 'mean', mean);
  checkFinite('unstandardize', 'scale', scale);
  if (!Number.isFinite(fit.b) || scale.some((s) => !(s > 0))) {
    throw new Error('unstandardize: need a finite b and every scale > 0');
  }
  const w = fit.w.map((v, j) => v / scale[j]);
  let b = fit.b;
  for (let j = 0; j < d; j++) b -= w[j] * mean[j];
  return { w, b };
}
// #endregion
