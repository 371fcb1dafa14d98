// Layer normalization: each example (row) standardized over its own
// features, then scaled and shifted per feature. It needs no batch
// statistics, so it behaves the same in training and evaluation.
import { Tensor } from '../autodiff/tensor.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import { standardize } from './standardize.ts';
import {
  checkAffine, checkBatch2d, checkEps, checkSize,
} from './checks.ts';

// #region layernorm
/** y = γ ⊙ x̂ + β with x̂ standardized along each row, Eq. (in-ln). */
export class LayerNorm implements Layer {
  readonly gamma: Tensor; // [d], starts at 1
  readonly beta: Tensor; // [d], starts at 0
  readonly d: number;
  readonly eps: number;

  constructor(d: number, eps = 1e-5) {
    checkSize('LayerNorm', 'd', d);
    checkEps('LayerNorm', eps);
    this.d = d;
    this.eps = eps;
    this.gamma = new Tensor(new Float64Array(d).fill(1), [d], true);
    this.beta = new Tensor(new Float64Array(d), [d], true);
  }

  forward(x: Tensor): Tensor {
    const [, d] = checkBatch2d('LayerNorm.forward', x);
    if (d !== this.d) {
      throw new Error(`LayerNorm.forward: x must have ${this.d} ` +
        `columns, got ${d}`);
    }
    checkAffine('LayerNorm.forward', d, this.gamma, this.beta);
    const { out } = standardize(x, 1, this.eps); // over the features
    return out.mul(this.gamma).add(this.beta);
  }

  parameters(): Tensor[] {
    return [this.gamma, this.beta];
  }
}
// #endregion
