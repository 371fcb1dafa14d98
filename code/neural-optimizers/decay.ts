// Weight decay under Adam: L2 in the gradient against AdamW's decoupled
// shrinkage, on weights that feel only zero-mean gradient noise.
import { Tensor } from '../autodiff/tensor.ts';
import type { StepRule } from '../multilayer-perceptron/train.ts';
import { requireFiniteArray, requireFunction } from
  '../introduction/checks.ts';
import { checkCount, checkPositive } from './checks.ts';

// #region decay
/** Weights that start at 1 and get gradient σ_j (−1)^k at step k: the
 *  loss has no pull of its own, so only the decay moves them. */
export function decayRun(rule: StepRule, scales: number[], eta: number,
  steps: number): Float64Array {
  checkDecay(rule, scales, eta, steps);
  const w = new Tensor(new Float64Array(scales.length).fill(1),
    [scales.length], true);
  for (let k = 1; k <= steps; k++) {
    w.grad = Float64Array.from(scales, (s) => s * (-1) ** k);
    rule([w], eta);
  }
  return Float64Array.from(w.data);
}
// #endregion

function checkDecay(rule: StepRule, scales: number[], eta: number,
  steps: number): void {
  requireFunction('decayRun', 'rule', rule);
  requireFiniteArray('decayRun', 'scales', scales);
  checkPositive('decayRun', 'eta', eta);
  checkCount('decayRun', 'steps', steps);
}
