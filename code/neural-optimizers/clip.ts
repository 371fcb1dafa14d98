// Gradient clipping by the global norm, as torch.nn.utils.clip_grad_norm_:
// one norm over all parameters' gradients, and one factor for all.
import type { Tensor } from '../autodiff/tensor.ts';
import type { StepRule } from '../multilayer-perceptron/train.ts';
import { requireFunction } from '../introduction/checks.ts';
import { checkParamList, checkPositive, checkRuleCall } from './checks.ts';

// #region clip
/** Scales every gradient by c/(‖g‖ + 10⁻⁶) when the global norm ‖g‖
 *  exceeds c, Eq. (no-clip); returns ‖g‖ before clipping. */
export function clipGradNorm(params: Tensor[], maxNorm: number): number {
  checkParamList('clipGradNorm', params);
  checkPositive('clipGradNorm', 'maxNorm', maxNorm);
  const grads = [...new Set(params)]
    .filter((p) => p.grad !== null) // as torch: no grad, not counted
    .map((p) => p.grad as Float64Array);
  let sq = 0;
  for (const g of grads) {
    for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
  }
  const total = Math.sqrt(sq);
  const c = maxNorm / (total + 1e-6);
  if (c >= 1) return total; // within the bound: untouched
  for (const g of grads) for (let i = 0; i < g.length; i++) g[i] *= c;
  return total;
}

/** A step rule that clips the gradients first. */
export function withClipping(rule: StepRule, maxNorm: number): StepRule {
  requireFunction('withClipping', 'rule', rule);
  checkPositive('withClipping', 'maxNorm', maxNorm);
  return (params, eta) => {
    checkRuleCall('withClipping', params, eta);
    clipGradNorm(params, maxNorm);
    rule(params, eta);
  };
}
// #endregion
