// θ₀, kept at the start, and the reset of a pruned network to it.
import type { Layer } from '../multilayer-perceptron/layers.ts';
import type { Mask } from './mask.ts';
import { applyMask, prunable } from './mask.ts';
import { checkModel, checkValues, checkWeightsMask } from './checks.ts';

// #region rewind
/** A copy of every parameter's values: θ₀ when taken before training. */
export function snapshot(model: Layer): Float64Array[] {
  checkModel('snapshot', model);
  return model.parameters().map((p) => Float64Array.from(p.data));
}

/** Every parameter back to theta0, then the mask: W = m ⊙ W₀,
 *  Eq. (lt-imp); biases back to b₀. In place. */
export function rewind(model: Layer, theta0: Float64Array[],
  mask: Mask): void {
  checkRewind(model, theta0, mask);
  model.parameters().forEach((p, k) => p.data.set(theta0[k]));
  applyMask(prunable(model), mask);
}
// #endregion

function checkRewind(model: Layer, theta0: Float64Array[], mask: Mask) {
  checkModel('rewind', model);
  const params = model.parameters();
  if (!Array.isArray(theta0) || theta0.length !== params.length) {
    throw new Error(`rewind: theta0 must list ${params.length} arrays ` +
      '(a snapshot of this model)');
  }
  theta0.forEach((t, k) => checkValues('rewind', `theta0[${k}]`, t,
    params[k].size));
  checkWeightsMask('rewind', prunable(model), mask);
}
