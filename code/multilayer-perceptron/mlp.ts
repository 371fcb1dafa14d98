// A multilayer perceptron as a list of layers applied in order, and a
// builder for the usual shape: Linear, activation, …, Linear (logits).
import { calledAs } from '../introduction/checks.ts';
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { ActivationName } from './activations.ts';
import { Act, type Layer, linear } from './layers.ts';

// #region sequential
/** Layers applied one after another; its parameters are theirs. */
export class Sequential implements Layer {
  readonly layers: Layer[];

  constructor(layers: Layer[]) {
    if (!Array.isArray(layers) || layers.length === 0 ||
      !layers.every((l) => typeof l?.forward === 'function')) {
      throw new Error('Sequential: layers must be a non-empty array ' +
        'of layers');
    }
    this.layers = layers;
  }

  forward(x: Tensor): Tensor {
    let h = x;
    for (const layer of this.layers) h = layer.forward(h);
    return h;
  }

  parameters(): Tensor[] {
    return this.layers.flatMap((l) => l.parameters());
  }

  /** Puts every layer that has a mode into training or evaluation. */
  train(on: boolean): void {
    if (typeof on !== 'boolean') {
      throw new Error('Sequential.train: on must be true or false, ' +
        `got ${on}`);
    }
    for (const layer of this.layers) layer.train?.(on);
  }
}
// #endregion

// #region mlp
/**
 * sizes = [d, h₁, …, c]: Linear layers between consecutive sizes, the
 * activation after each but the last, which outputs logits. He init
 * for the ReLU family, Xavier for the rest.
 */
export function mlp(sizes: number[], activation: ActivationName,
  rng: Rng): Sequential {
  return calledAs('mlp', () => {
    checkSizes(sizes);
    new Act(activation); // checks the name
    return build(sizes, activation, rng);
  });
}

function build(sizes: number[], activation: ActivationName, rng: Rng) {
  const init = ['relu', 'leakyRelu', 'gelu', 'geluTanh']
    .includes(activation) ? 'he' : 'xavier';
  const layers: Layer[] = [];
  for (let l = 1; l < sizes.length; l++) {
    if (l > 1) layers.push(new Act(activation));
    layers.push(linear(sizes[l - 1], sizes[l], rng, init));
  }
  return new Sequential(layers);
}
// #endregion

function checkSizes(sizes: number[]): void {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new Error('mlp: sizes must list at least [inputs, outputs]');
  }
}

/** Number of numbers in a model's parameters. */
export function parameterCount(model: Layer): number {
  if (typeof model?.parameters !== 'function') {
    throw new Error('parameterCount: model must be a layer');
  }
  let n = 0;
  for (const p of model.parameters()) n += p.size;
  return n;
}
