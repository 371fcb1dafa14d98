// The position-wise MLP of a transformer block: each position's vector
// goes through Linear → GELU → Linear on its own, Eq. (tf-mlp). Any
// leading axes are flattened into rows and restored afterwards.
import type { Tensor } from '../autodiff/tensor.ts';
import type { Rng } from '../introduction/random.ts';
import { activate } from '../multilayer-perceptron/activations.ts';
import {
  type Layer, Linear, linear,
} from '../multilayer-perceptron/layers.ts';
import { checkSizes, checkLastAxis } from './checks.ts';

// #region mlp
/** W₂ GELU(W₁ x + b₁) + b₂ at every position, Eq. (tf-mlp). */
export class FeedForward implements Layer {
  readonly fc1: Linear; // [E, M]
  readonly fc2: Linear; // [M, E]

  constructor(fc1: Linear, fc2: Linear) {
    checkFeedForward(fc1, fc2);
    this.fc1 = fc1;
    this.fc2 = fc2;
  }

  forward(x: Tensor): Tensor {
    const E = this.fc1.W.shape[0];
    checkLastAxis('FeedForward.forward', x, E);
    const rows = x.reshape([x.size / E, E]); // positions as rows
    const h = activate(this.fc1.forward(rows), 'gelu'); // exact erf
    return this.fc2.forward(h).reshape(x.shape);
  }

  parameters(): Tensor[] {
    return [...this.fc1.parameters(), ...this.fc2.parameters()];
  }
}

/** E → M → E with Xavier weights and zero biases. */
export function feedForward(E: number, M: number,
  rng: Rng): FeedForward {
  checkSizes('feedForward', { E, M });
  return new FeedForward(linear(E, M, rng, 'xavier'),
    linear(M, E, rng, 'xavier'));
}
// #endregion

function checkFeedForward(fc1: Linear, fc2: Linear): void {
  if (!(fc1 instanceof Linear) || !(fc2 instanceof Linear) ||
    fc1.W.shape[1] !== fc2.W.shape[0] ||
    fc2.W.shape[1] !== fc1.W.shape[0]) {
    throw new Error('FeedForward: fc1 must be a Linear [E, M] and fc2 ' +
      'a Linear [M, E]');
  }
}
