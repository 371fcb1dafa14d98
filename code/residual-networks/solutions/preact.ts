// Exercise solution: the pre-activation residual unit of He et
// al. (2016b), x_{l+1} = x_l + F(x_l) with F = BN → ReLU → Linear →
// BN → ReLU → Linear: nothing after the addition, so the shortcut
// path is an exact identity from any block to any later one.
import type { Rng } from '../../introduction/random.ts';
import { Tensor } from '../../autodiff/tensor.ts';
import { Act, type Layer } from '../../multilayer-perceptron/layers.ts';
import { Sequential } from '../../multilayer-perceptron/mlp.ts';
import {
  BatchNorm,
} from '../../initialization-and-normalization/batchnorm.ts';
import {
  initLinear,
} from '../../initialization-and-normalization/init.ts';
import { checkInt, checkRng } from '../checks.ts';

// #region preact
/** x + F(x), F = BN → ReLU → Linear → BN → ReLU → Linear, width
 *  d. */
export class PreActBlock implements Layer {
  readonly f: Sequential;

  constructor(d: number, rng: Rng) {
    checkInt('PreActBlock', 'd', d);
    checkRng('PreActBlock', rng);
    this.f = new Sequential([
      new BatchNorm(d), new Act('relu'),
      initLinear('he-normal', d, d, rng),
      new BatchNorm(d), new Act('relu'),
      initLinear('he-normal', d, d, rng),
    ]);
  }

  forward(x: Tensor): Tensor {
    return x.add(this.f.forward(x)); // no ReLU after the addition
  }

  parameters(): Tensor[] {
    return this.f.parameters();
  }

  train(on: boolean): void {
    this.f.train(on);
  }
}
// #endregion
