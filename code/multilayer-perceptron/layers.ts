// The layers every network of Part VII is built from: a fully connected
// (Linear) layer with seeded He or Xavier initialization, and an
// activation layer. A layer maps a batch (one example a row) to a batch
// and lists the tensors an optimizer may change: its parameters.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { activate, type ActivationName } from './activations.ts';

// #region layer
/** One stage of a network: forward on a batch, and its parameters. */
export interface Layer {
  forward(x: Tensor): Tensor;
  parameters(): Tensor[];
  /** Training (true, the default) or evaluation mode; only layers
   *  that differ between the two (dropout, batch norm) have it. */
  train?(on: boolean): void;
}
// #endregion

// #region linear
/** z = xW + b for each row x of the batch, Eq. (mlp-forward). */
export class Linear implements Layer {
  readonly W: Tensor; // [inputs, outputs]
  readonly b: Tensor; // [outputs]

  constructor(W: Tensor, b: Tensor) {
    checkLinear(W, b); // both need gradients
    this.W = W;
    this.b = b;
  }

  forward(x: Tensor): Tensor {
    return x.matmul(this.W).add(this.b); // b broadcast over rows
  }

  parameters(): Tensor[] {
    return [this.W, this.b];
  }
}
// #endregion

// #region init
export type Init = 'he' | 'xavier';

/**
 * A Linear layer with random weights and zero biases. He: W_jk drawn
 * from N(0, 2/fanIn), for ReLU-like units; Xavier (Glorot): uniform on
 * ±√(6/(fanIn + fanOut)), for tanh and sigmoid, Eq. (mlp-init).
 */
export function linear(fanIn: number, fanOut: number, rng: Rng,
  init: Init = 'he'): Linear {
  checkInit(fanIn, fanOut, rng, init);
  const n = fanIn * fanOut;
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = init === 'he'
    ? rng.normalArray(n, 0, Math.sqrt(2 / fanIn))
    : rng.uniformArray(n, -limit, limit);
  return new Linear(new Tensor(w, [fanIn, fanOut], true),
    new Tensor(new Float64Array(fanOut), [fanOut], true));
}
// #endregion

// #region act
/** An activation as a layer: no parameters. */
export class Act implements Layer {
  readonly name: ActivationName;

  constructor(name: ActivationName) {
    activate(new Tensor([0], [1]), name); // checks the name
    this.name = name;
  }

  forward(x: Tensor): Tensor {
    return activate(x, this.name);
  }

  parameters(): Tensor[] {
    return [];
  }
}
// #endregion

function checkLinear(W: Tensor, b: Tensor): void {
  if (!(W instanceof Tensor) || W.shape.length !== 2) {
    throw new Error('Linear: W must be a 2-D Tensor [inputs, outputs]');
  }
  if (!(b instanceof Tensor) || b.shape.length !== 1 ||
    b.shape[0] !== W.shape[1]) {
    throw new Error(`Linear: b must be a Tensor of shape [${W.shape[1]}]`);
  }
  if (!W.requiresGrad || !b.requiresGrad) {
    throw new Error('Linear: W and b must have requiresGrad = true');
  }
}

function checkInit(fanIn: number, fanOut: number, rng: Rng, init: Init) {
  for (const [name, v] of [['fanIn', fanIn], ['fanOut', fanOut]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`linear: ${name} must be an integer >= 1, got ${v}`);
    }
  }
  if (rng === null || typeof rng !== 'object' ||
    typeof rng.normalArray !== 'function') {
    throw new Error('linear: rng must be a generator from createRng');
  }
  if (init !== 'he' && init !== 'xavier') {
    throw new Error(`linear: init must be 'he' or 'xavier', got ${init}`);
  }
}
