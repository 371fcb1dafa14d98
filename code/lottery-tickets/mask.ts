// Masks: one 0/1 array per weight matrix. A pruned weight (mask 0) is
// zero in the forward pass and stays zero through training: the mask
// is applied to the gradients before each step and to the weights
// after it, so no optimizer state can bring a pruned weight back.
import type { Tensor } from '../autodiff/tensor.ts';
import { Linear } from '../multilayer-perceptron/layers.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import type { StepRule } from '../multilayer-perceptron/train.ts';
import {
  checkFunction, checkMaskList, checkModel, checkWeightsMask,
} from './checks.ts';

// #region mask
/** One 0/1 array per pruned weight matrix (1 = kept). */
export type Mask = Float64Array[];

/** The tensors a ticket prunes: the weights W of every Linear layer.
 *  Biases are never pruned, as in Frankle and Carbin. */
export function prunable(model: Layer): Tensor[] {
  const net = checkModel('prunable', model);
  return net.layers.filter((l) => l instanceof Linear)
    .map((l) => (l as Linear).W);
}

/** W ← m ⊙ W for each weight matrix, in place, Eq. (lt-subnet). */
export function applyMask(weights: Tensor[], mask: Mask): void {
  checkWeightsMask('applyMask', weights, mask);
  weights.forEach((w, k) => {
    for (let i = 0; i < w.size; i++) w.data[i] *= mask[k][i];
  });
}

/** A step rule that trains only the kept weights, Eq. (lt-masked):
 *  gradients masked before the rule, weights masked after it. */
export function maskedRule(rule: StepRule, weights: Tensor[],
  mask: Mask): StepRule {
  checkFunction('maskedRule', 'rule', rule);
  checkWeightsMask('maskedRule', weights, mask);
  return (params, eta) => {
    weights.forEach((w, k) => {
      const g = w.grad;
      if (g) for (let i = 0; i < w.size; i++) g[i] *= mask[k][i];
    });
    rule(params, eta);
    applyMask(weights, mask); // whatever state the rule kept
  };
}
// #endregion

// #region remaining
/** The share of weights kept, over all masked matrices: P_m. */
export function remaining(mask: Mask): number {
  checkMaskList('remaining', 'mask', mask);
  let kept = 0, total = 0;
  for (const m of mask) {
    for (let i = 0; i < m.length; i++) kept += m[i];
    total += m.length;
  }
  return kept / total;
}

/** A mask that keeps everything: the dense network. */
export function fullMask(weights: Tensor[]): Mask {
  checkWeightsMask('fullMask', weights,
    Array.isArray(weights) ? weights.map((w) =>
      new Float64Array(w?.size ?? 0).fill(1)) : weights);
  return weights.map((w) => new Float64Array(w.size).fill(1));
}
// #endregion
