// Inverted dropout: in training each entry is kept with probability
// 1 − p and scaled by 1/(1 − p), so its expectation is unchanged; in
// evaluation the layer is the identity.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import { checkDropP, checkMask, checkOn, checkRng } from './checks.ts';

// #region dropout-mask
/** x ⊙ mask / (1 − p) for a given 0/1 mask, Eq. (in-dropout). The
 *  engine's mul carries the gradient: the same mask and scale. */
export function dropoutWithMask(x: Tensor, mask: ArrayLike<number>,
  p: number): Tensor {
  checkDropout('dropoutWithMask', x, p);
  checkMask('dropoutWithMask', x, mask);
  const scaled = new Float64Array(x.size);
  for (let i = 0; i < x.size; i++) scaled[i] = mask[i] / (1 - p);
  return x.mul(new Tensor(scaled, x.shape));
}
// #endregion

// #region dropout-layer
/** Drops each entry with probability p in training; identity in
 *  evaluation. The masks come from the layer's own generator. */
export class Dropout implements Layer {
  readonly p: number;
  private readonly rng: Rng;
  training = true;

  constructor(p: number, rng: Rng) {
    checkDropP('Dropout', p);
    checkRng('Dropout', rng);
    this.p = p;
    this.rng = rng;
  }

  forward(x: Tensor): Tensor {
    if (!(x instanceof Tensor)) {
      throw new Error('Dropout.forward: x must be a Tensor');
    }
    if (!this.training || this.p === 0) return x;
    const mask = new Float64Array(x.size);
    for (let i = 0; i < x.size; i++) {
      mask[i] = this.rng.uniform() < 1 - this.p ? 1 : 0; // keep?
    }
    return dropoutWithMask(x, mask, this.p);
  }

  train(on: boolean): void {
    checkOn('Dropout.train', on);
    this.training = on;
  }

  parameters(): Tensor[] {
    return [];
  }
}
// #endregion

function checkDropout(fn: string, x: Tensor, p: number): void {
  if (!(x instanceof Tensor)) throw new Error(`${fn}: x must be a Tensor`);
  checkDropP(fn, p);
}
