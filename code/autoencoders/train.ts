// Training an autoencoder: minibatches of images are both the input and
// the target. Options add the chapter's variants: masking noise on the
// input only (denoising, Eq. (ae-dae)) and an L1 penalty on the code
// (sparse, Eq. (ae-sparse)). Any step rule of the optimizers chapter.
import { createRng, type Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  sgdStep, zeroGrad, type StepRule,
} from '../multilayer-perceptron/train.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { calledAs } from '../introduction/checks.ts';
import { bceWithLogits, l1Penalty, squaredError } from './losses.ts';
import { Autoencoder } from './model.ts';

// #region loss
export type Loss = 'mse' | 'bce';

/** The reconstruction loss of a batch x (targets) given the input
 *  xIn (x itself, or a corrupted copy), plus λ times the code's L1. */
export function aeLoss(model: Autoencoder, xIn: Tensor, x: Tensor,
  loss: Loss, lambda_ = 0): Tensor {
  checkLossArgs(model, loss, lambda_);
  return calledAs('aeLoss', () => {
    const h = model.encode(xIn);
    const out = model.decoder.forward(h);
    const rec = loss === 'bce' ? bceWithLogits(out, x) // Eq. (ae-bce)
      : squaredError(out, x); // Eq. (ae-mse)
    return lambda_ > 0 ? rec.add(l1Penalty(h).mul(lambda_)) : rec;
  });
}
// #endregion

// #region noise
/** Masking noise: each entry set to 0 with probability nu, Eq.
 *  (ae-dae); a new draw every call. */
export function maskNoise(X: Matrix, nu: number, rng: Rng): Matrix {
  checkNoise(X, nu, rng);
  const out = new Matrix(X.rows, X.cols, Float64Array.from(X.data));
  for (let i = 0; i < out.data.length; i++) {
    if (rng.uniform() < nu) out.data[i] = 0;
  }
  return out;
}
// #endregion

// #region fit-options
export interface AeFitOptions {
  epochs: number; batchSize: number; eta: number; seed: number;
  loss: Loss;
  /** Masking-noise level ν of a denoising autoencoder (default 0). */
  noise?: number;
  /** Weight λ of the code's L1 penalty (default 0). */
  l1?: number;
  step?: StepRule; // sgdStep if not given
}
// #endregion

// #region fit-loop
/** Minibatch training; returns the mean loss of each epoch. */
export function fitAutoencoder(model: Autoencoder, X: Matrix,
  o: AeFitOptions): number[] {
  checkFit(model, X, o);
  const rng = createRng(o.seed);
  const order = Array.from({ length: X.rows }, (_, i) => i);
  const params = model.parameters();
  const history: number[] = [];
  for (let e = 0; e < o.epochs; e++) {
    rng.shuffle(order);
    let sum = 0;
    for (let s = 0; s < X.rows; s += o.batchSize) {
      const xb = rowsOf(X, order.slice(s, s + o.batchSize));
      const xIn = o.noise ? maskNoise(xb, o.noise, rng) : xb;
      zeroGrad(params);
      const loss = aeLoss(model, tensorOf(xIn), tensorOf(xb), o.loss,
        o.l1 ?? 0);
      loss.backward();
      (o.step ?? sgdStep)(params, o.eta);
      sum += loss.data[0] * xb.rows;
    }
    history.push(sum / X.rows);
  }
  return history;
}
// #endregion

// #region error
/** Mean over rows of ‖x̂ᵢ − xᵢ‖² (pixels in [0, 1]), no graph; the
 *  input may be a corrupted copy of X (a denoising test). */
export function reconstructionError(model: Autoencoder, X: Matrix,
  input: Matrix = X): number {
  checkError(model, X, input);
  return noGrad(() => {
    let out = model.forward(tensorOf(input));
    if (model.output === 'sigmoid') out = out.sigmoid();
    let s = 0;
    for (let i = 0; i < X.data.length; i++) {
      s += (out.data[i] - X.data[i]) ** 2;
    }
    return s / X.rows;
  });
}
// #endregion

function rowsOf(X: Matrix, idx: number[]): Matrix {
  const d = X.cols;
  const out = new Matrix(idx.length, d);
  idx.forEach((i, r) => out.data.set(
    X.data.subarray(i * d, (i + 1) * d), r * d));
  return out;
}

function tensorOf(X: Matrix): Tensor {
  return new Tensor(X.data, [X.rows, X.cols]);
}

function checkModelOf(fn: string, model: Autoencoder): void {
  if (!(model instanceof Autoencoder)) {
    throw new Error(`${fn}: model must be an Autoencoder`);
  }
}

function checkMatrix(fn: string, name: string, X: Matrix,
  cols?: number): void {
  if (!(X instanceof Matrix) || X.rows < 1 ||
    (cols !== undefined && X.cols !== cols)) {
    throw new Error(`${fn}: ${name} must be a non-empty Matrix` +
      (cols === undefined ? '' : ` with ${cols} columns`));
  }
  for (let i = 0; i < X.data.length; i++) {
    if (!Number.isFinite(X.data[i])) {
      throw new Error(`${fn}: ${name} has ${X.data[i]} at ${i}`);
    }
  }
}

function checkLossArgs(model: Autoencoder, loss: Loss, lambda_: number) {
  checkModelOf('aeLoss', model);
  if (loss !== 'mse' && loss !== 'bce') {
    throw new Error(`aeLoss: loss must be 'mse' or 'bce', got ${loss}`);
  }
  if (!Number.isFinite(lambda_) || lambda_ < 0) {
    throw new Error(`aeLoss: lambda_ must be >= 0, got ${lambda_}`);
  }
}

function checkNoise(X: Matrix, nu: number, rng: Rng): void {
  checkMatrix('maskNoise', 'X', X);
  if (!Number.isFinite(nu) || nu < 0 || nu >= 1) {
    throw new Error(`maskNoise: nu must be in [0, 1), got ${nu}`);
  }
  if (rng === null || typeof rng?.uniform !== 'function') {
    throw new Error('maskNoise: rng must be a generator from createRng');
  }
}

function checkFit(model: Autoencoder, X: Matrix, o: AeFitOptions) {
  checkModelOf('fitAutoencoder', model);
  checkMatrix('fitAutoencoder', 'X', X, model.d);
  if (o === null || typeof o !== 'object') {
    throw new Error('fitAutoencoder: options must be an object');
  }
  const ints = [['epochs', o.epochs], ['batchSize', o.batchSize]];
  for (const [name, v] of ints) {
    if (!Number.isInteger(v) || (v as number) < 1) {
      throw new Error(`fitAutoencoder: ${name} must be an integer ` +
        `>= 1, got ${v}`);
    }
  }
  if (!Number.isFinite(o.eta) || o.eta <= 0) {
    throw new Error(`fitAutoencoder: eta must be > 0, got ${o.eta}`);
  }
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) {
    throw new Error('fitAutoencoder: seed must be an integer >= 0, got ' +
      `${o.seed}`);
  }
  if (o.noise !== undefined && !(o.noise >= 0 && o.noise < 1)) {
    throw new Error('fitAutoencoder: noise must be in [0, 1), got ' +
      `${o.noise}`);
  }
  if (o.l1 !== undefined && !(o.l1 >= 0 && Number.isFinite(o.l1))) {
    throw new Error(`fitAutoencoder: l1 must be >= 0, got ${o.l1}`);
  }
  if (o.step !== undefined && typeof o.step !== 'function') {
    throw new Error('fitAutoencoder: step must be a function');
  }
  if (o.loss !== 'mse' && o.loss !== 'bce') {
    throw new Error("fitAutoencoder: loss must be 'mse' or 'bce', " +
      `got ${o.loss}`);
  }
}

function checkError(model: Autoencoder, X: Matrix, input: Matrix) {
  checkModelOf('reconstructionError', model);
  checkMatrix('reconstructionError', 'X', X, model.d);
  checkMatrix('reconstructionError', 'input', input);
  if (input.rows !== X.rows || input.cols !== X.cols) {
    throw new Error('reconstructionError: input must have the shape ' +
      `of X (${X.rows} x ${X.cols})`);
  }
}
