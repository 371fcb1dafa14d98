// Exercise solution: a Gaussian decoder with a fixed standard deviation
// s instead of the Bernoulli; log p(x | z) is a scaled squared error
// plus a constant.
import { Tensor } from '../../autodiff/tensor.ts';
import { requirePositive } from '../../introduction/checks.ts';
import { checkLogitsTargets } from '../checks.ts';

// #region gaussian-loglik
/** Per row: Σⱼ [−(xⱼ − mⱼ)²/(2s²) − ½ log(2πs²)]; [n]. */
export function gaussianLogLik(mean: Tensor, X: Tensor,
  s: number): Tensor {
  const [, d] = checkLogitsTargets('gaussianLogLik', mean, X);
  requirePositive('gaussianLogLik', 's', s);
  const c = 0.5 * d * Math.log(2 * Math.PI * s * s);
  const r = X.sub(mean);
  return r.mul(r).sum(1).mul(-1 / (2 * s * s)).sub(c);
}
// #endregion
