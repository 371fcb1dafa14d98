// Standardization of a batch [n, d], the core of BatchNorm (each
// feature over the batch, axis 0) and of LayerNorm (each row over its
// features, axis 1): x̂ = (x − μ)/√(v + ε). Twice: as one fused op with
// the backward rule derived in the chapter, and composed from the
// engine's primitives (gradient for free). The tests check they agree.
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';
import { checkAxis, checkBatch2d, checkEps } from './checks.ts';

// #region fused-forward
/** Index of entry k of group g: a column (axis 0) or a row (axis 1). */
function at(axis: number, d: number, g: number, k: number): number {
  return axis === 0 ? k * d + g : g * d + k;
}

/** x̂ along an axis, with each group's mean and biased variance,
 *  Eqs. (in-bn-mean) to (in-bn-hat). */
export function standardize(x: Tensor, axis: 0 | 1, eps = 1e-5) {
  const [n, d] = checkBatch2d('standardize', x);
  checkAxis('standardize', axis);
  checkEps('standardize', eps);
  const [groups, m] = axis === 0 ? [d, n] : [n, d];
  const mean = new Float64Array(groups);
  const variance = new Float64Array(groups);
  const hat = new Float64Array(n * d);
  for (let g = 0; g < groups; g++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += x.data[at(axis, d, g, k)];
    mean[g] = s / m;
    let v = 0;
    for (let k = 0; k < m; k++) {
      v += (x.data[at(axis, d, g, k)] - mean[g]) ** 2;
    }
    variance[g] = v / m; // biased: divided by m, not m − 1
    const inv = 1 / Math.sqrt(variance[g] + eps);
    for (let k = 0; k < m; k++) {
      const i = at(axis, d, g, k);
      hat[i] = (x.data[i] - mean[g]) * inv;
    }
  }
  const out = record('standardize', hat, [n, d], [x],
    (gr) => standardizeBackward(x, gr, hat, variance, axis, eps));
  return { out, mean, variance };
}
// #endregion

// #region fused-backward
/** ∂L/∂x from ∂L/∂x̂ for each group, Eq. (in-bn-compact). */
function standardizeBackward(x: Tensor, gr: Float64Array,
  hat: Float64Array, variance: Float64Array, axis: number, eps: number) {
  const gx = gradOf(x) as Float64Array;
  const [n, d] = x.shape;
  const [groups, m] = axis === 0 ? [d, n] : [n, d];
  for (let g = 0; g < groups; g++) {
    let sumG = 0, sumGHat = 0; // Σ_k g_k and Σ_k g_k x̂_k
    for (let k = 0; k < m; k++) {
      const i = at(axis, d, g, k);
      sumG += gr[i];
      sumGHat += gr[i] * hat[i];
    }
    const c = 1 / (m * Math.sqrt(variance[g] + eps));
    for (let k = 0; k < m; k++) {
      const i = at(axis, d, g, k);
      gx[i] += c * (m * gr[i] - sumG - hat[i] * sumGHat);
    }
  }
}
// #endregion

// #region composed
/** The same x̂ from primitives: mean, subtract, mean of squares,
 *  and 1/√(v + ε) as exp(−½ log(v + ε)) (the engine has no sqrt). */
export function standardizeComposed(x: Tensor, axis: 0 | 1,
  eps = 1e-5): Tensor {
  checkBatch2d('standardizeComposed', x);
  checkAxis('standardizeComposed', axis);
  checkEps('standardizeComposed', eps);
  const centred = x.sub(x.mean(axis, true)); // Eq. (in-bn-mean)
  const v = centred.mul(centred).mean(axis, true); // Eq. (in-bn-var)
  return centred.mul(v.add(eps).log().mul(-0.5).exp());
}
// #endregion
