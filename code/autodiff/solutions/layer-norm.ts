// Exercise: layer normalization composed from the engine's primitives.
// No new backward rule: the gradient comes from the ones it is built of.
import { Tensor } from '../tensor.ts';

// #region layer-norm
/** Each row of x shifted to mean 0 and scaled to variance 1. */
export function layerNorm(x: Tensor, eps = 1e-5): Tensor {
  if (!(x instanceof Tensor) || x.shape.length !== 2) {
    throw new Error('layerNorm: expected x, a 2-D Tensor');
  }
  if (!Number.isFinite(eps) || eps <= 0) {
    throw new Error(`layerNorm: eps must be > 0, got ${eps}`);
  }
  const centered = x.sub(x.mean(1, true));
  const variance = centered.mul(centered).mean(1, true);
  // 1/√(v + ε) = exp(−½ log(v + ε)): three primitives
  const invStd = variance.add(eps).log().mul(-0.5).exp();
  return centered.mul(invStd);
}
// #endregion
