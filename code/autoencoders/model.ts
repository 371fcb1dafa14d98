// An autoencoder: an encoder network f from x ∈ R^d to a code
// h ∈ R^k, and a decoder network g back to R^d, Eq. (ae-model). Both
// are the multilayer-perceptron chapter's Sequential networks; the
// decoder outputs logits when pixels are modelled as Bernoulli (BCE)
// and the reconstruction itself when the loss is squared error.
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import type {
  ActivationName,
} from '../multilayer-perceptron/activations.ts';
import {
  Act, Linear, type Layer,
} from '../multilayer-perceptron/layers.ts';
import { Sequential, mlp } from '../multilayer-perceptron/mlp.ts';
import { calledAs } from '../introduction/checks.ts';

// #region model
export type Output = 'sigmoid' | 'linear';

/** x ↦ h = f(x) ↦ x̂ = g(h), Eq. (ae-model). */
export class Autoencoder implements Layer {
  readonly encoder: Sequential;
  readonly decoder: Sequential;
  readonly output: Output;
  readonly d: number; // input width
  readonly k: number; // code width

  constructor(encoder: Sequential, decoder: Sequential, output: Output) {
    [this.d, this.k] = checkParts(encoder, decoder, output);
    this.encoder = encoder;
    this.decoder = decoder;
    this.output = output;
  }

  encode(x: Tensor): Tensor {
    return this.encoder.forward(x);
  }

  /** The decoder's raw output: logits if output is 'sigmoid'. */
  forward(x: Tensor): Tensor {
    return this.decoder.forward(this.encoder.forward(x));
  }

  parameters(): Tensor[] {
    return [...this.encoder.parameters(), ...this.decoder.parameters()];
  }
}
// #endregion

// #region build
export interface AutoencoderSpec {
  /** [d, h₁, …, k]: the encoder's sizes; the decoder mirrors them. */
  sizes: number[];
  /** Between hidden layers; none in a one-layer (linear) map. */
  activation: ActivationName;
  /** Applied to the code h; none (a linear code) if not given. */
  codeActivation?: ActivationName;
  output: Output;
  seed: number;
}

/** Encoder mlp(sizes), decoder mlp(reversed sizes), seeded. */
export function autoencoder(s: AutoencoderSpec): Autoencoder {
  checkSpec(s);
  const rng = createRng(s.seed);
  const enc = mlp(s.sizes, s.activation, rng);
  if (s.codeActivation) enc.layers.push(new Act(s.codeActivation));
  const dec = mlp([...s.sizes].reverse(), s.activation, rng);
  return new Autoencoder(enc, dec, s.output);
}
// #endregion

// #region apply
/** Codes of the rows of X, one row each, no graph recorded. */
export function encodeAll(model: Autoencoder, X: Matrix): Matrix {
  checkApply('encodeAll', model, X);
  return noGrad(() => toMatrix(model.encode(toTensor(X))));
}

/** Reconstructions x̂ (σ of the logits for a 'sigmoid' output). */
export function reconstruct(model: Autoencoder, X: Matrix): Matrix {
  checkApply('reconstruct', model, X);
  return noGrad(() => {
    const out = model.forward(toTensor(X));
    return toMatrix(model.output === 'sigmoid' ? out.sigmoid() : out);
  });
}

/** Decoded images of codes Z (k columns), as reconstruct does. */
export function decode(model: Autoencoder, Z: Matrix): Matrix {
  checkApply('decode', model, Z, 'Z');
  return noGrad(() => {
    const out = model.decoder.forward(toTensor(Z));
    return toMatrix(model.output === 'sigmoid' ? out.sigmoid() : out);
  });
}
// #endregion

function toTensor(X: Matrix): Tensor {
  return new Tensor(X.data, [X.rows, X.cols]);
}

function toMatrix(t: Tensor): Matrix {
  return new Matrix(t.shape[0], t.shape[1], Float64Array.from(t.data));
}

/** The widths [d, k] that the encoder's Linear layers map between,
 *  checked against the decoder's if it has any. */
function checkParts(enc: Sequential, dec: Sequential,
  out: Output): [number, number] {
  if (!(enc instanceof Sequential) || !(dec instanceof Sequential)) {
    throw new Error('Autoencoder: encoder and decoder must be ' +
      'Sequential networks');
  }
  if (out !== 'sigmoid' && out !== 'linear') {
    throw new Error("Autoencoder: output must be 'sigmoid' or " +
      `'linear', got ${String(out)}`);
  }
  const e = widths(enc);
  const g = widths(dec); // null: no Linear of its own (tied weights)
  if (e === null || (g !== null && (e[0] !== g[1] || e[1] !== g[0]))) {
    throw new Error('Autoencoder: the encoder must map d to k through ' +
      'Linear layers, and the decoder k to d');
  }
  return e;
}

/** [fan-in of the first Linear, fan-out of the last], or null. */
function widths(net: Sequential): [number, number] | null {
  const lin = net.layers.filter((l) => l instanceof Linear);
  if (lin.length === 0) return null;
  return [lin[0].W.shape[0], lin[lin.length - 1].W.shape[1]];
}

function checkSpec(s: AutoencoderSpec): void {
  if (s === null || typeof s !== 'object') {
    throw new Error('autoencoder: spec must be an object');
  }
  if (!Array.isArray(s.sizes) || s.sizes.length < 2 ||
    !s.sizes.every((v) => Number.isInteger(v) && v >= 1)) {
    throw new Error('autoencoder: sizes must be [d, ..., k], integers ' +
      `>= 1, got ${String(s.sizes)}`);
  }
  if (!Number.isSafeInteger(s.seed) || s.seed < 0) {
    throw new Error('autoencoder: seed must be an integer >= 0, got ' +
      `${s.seed}`);
  }
  if (s.output !== 'sigmoid' && s.output !== 'linear') {
    throw new Error("autoencoder: output must be 'sigmoid' or " +
      `'linear', got ${String(s.output)}`);
  }
  calledAs('autoencoder', () => {
    new Act(s.activation);
    if (s.codeActivation !== undefined) new Act(s.codeActivation);
  });
}

function checkApply(fn: string, model: Autoencoder, X: Matrix,
  name = 'X'): void {
  if (!(model instanceof Autoencoder)) {
    throw new Error(`${fn}: model must be an Autoencoder`);
  }
  const width = name === 'Z' ? model.k : model.d;
  if (!(X instanceof Matrix) || X.rows < 1 || X.cols !== width) {
    throw new Error(`${fn}: ${name} must be a non-empty Matrix with ` +
      `${width} columns`);
  }
  for (let i = 0; i < X.data.length; i++) {
    if (!Number.isFinite(X.data[i])) {
      throw new Error(`${fn}: ${name} has ${X.data[i]} at ${i}`);
    }
  }
}
