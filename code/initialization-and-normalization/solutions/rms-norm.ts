// Exercise solution: RMSNorm (Zhang & Sennrich 2019), LayerNorm
// without the centring and without β, composed from the engine's
// primitives so that its gradient comes for free.
import { Tensor } from '../../autodiff/tensor.ts';
import { checkAffine, checkBatch2d, checkEps } from '../checks.ts';

// #region rms-norm
/** y = γ ⊙ x / √(mean_j x_j² + ε), row by row. */
export function rmsNorm(x: Tensor, gamma: Tensor, eps = 1e-5): Tensor {
  const [, d] = checkBatch2d('rmsNorm', x);
  checkAffine('rmsNorm', d, gamma, gamma);
  checkEps('rmsNorm', eps);
  const meanSquare = x.mul(x).mean(1, true); // [n, 1]
  return x.mul(meanSquare.add(eps).log().mul(-0.5).exp()).mul(gamma);
}
// #endregion
