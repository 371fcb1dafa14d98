// Exercise solution: a linear autoencoder with tied weights, x̂ =
// (x W + b₁) Wᵀ + b₂: the decoder reuses the encoder's W, transposed,
// so the model has one weight matrix. At its optimum the columns of W
// are orthonormal and span the principal subspace.
import { Tensor } from '../../autodiff/tensor.ts';
import { createRng } from '../../introduction/random.ts';
import { Linear, type Layer } from '../../multilayer-perceptron/layers.ts';
import { Sequential } from '../../multilayer-perceptron/mlp.ts';

// #region tied-layer
/** x ↦ x Wᵀ + b with W borrowed from an encoder Linear layer. */
export class TiedLinear implements Layer {
  readonly of: Linear;
  readonly b: Tensor;

  constructor(of: Linear) {
    if (!(of instanceof Linear)) {
      throw new Error('TiedLinear: of must be a Linear layer');
    }
    this.of = of;
    this.b = new Tensor(new Float64Array(of.W.shape[0]),
      [of.W.shape[0]], true);
  }

  forward(x: Tensor): Tensor {
    return x.matmul(this.of.W.transpose()).add(this.b); // W shared
  }

  parameters(): Tensor[] {
    return [this.b]; // W is the encoder's: listed there, stepped once
  }
}
// #endregion

// #region tied-build
/** A tied linear autoencoder d → k → d, seeded. */
export function tiedLinearAutoencoder(d: number, k: number,
  seed: number): { encoder: Sequential; decoder: Sequential } {
  checkTied(d, k, seed);
  const rng = createRng(seed);
  const W = new Tensor(rng.normalArray(d * k, 0, 1 / Math.sqrt(d)),
    [d, k], true);
  const enc = new Linear(W, new Tensor(new Float64Array(k), [k], true));
  return { encoder: new Sequential([enc]),
    decoder: new Sequential([new TiedLinear(enc)]) };
}
// #endregion

function checkTied(d: number, k: number, seed: number): void {
  for (const [name, v] of [['d', d], ['k', k]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`tiedLinearAutoencoder: ${name} must be an ` +
        `integer >= 1, got ${v}`);
    }
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error('tiedLinearAutoencoder: seed must be an integer >= ' +
      `0, got ${seed}`);
  }
}
