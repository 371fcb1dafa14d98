// The building blocks of a residual network in fully connected form: a
// block F(x) of two Linear layers, each followed by batch normalization
// as He et al. place it, added to a shortcut s(x) before the last ReLU.
// A plain block is the same F without the shortcut.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { Act, type Layer } from '../multilayer-perceptron/layers.ts';
import { Sequential } from '../multilayer-perceptron/mlp.ts';
import {
  BatchNorm,
} from '../initialization-and-normalization/batchnorm.ts';
import { initLinear } from '../initialization-and-normalization/init.ts';
import { checkBlock, checkInt, checkWidths } from './checks.ts';

// #region block
/** ReLU(F(x) + s(x)), Eq. (res-block); with no shortcut, the plain
 *  block ReLU(F(x)), Eq. (res-plain). */
export class Block implements Layer {
  readonly f: Sequential; // Linear → BN → ReLU → Linear → BN
  readonly shortcut: Layer | null; // null: a plain block

  constructor(f: Sequential, shortcut: Layer | null) {
    checkBlock(f, shortcut);
    this.f = f;
    this.shortcut = shortcut;
  }

  forward(x: Tensor): Tensor {
    const fx = this.f.forward(x);
    if (this.shortcut === null) return fx.relu(); // plain
    return fx.add(this.shortcut.forward(x)).relu(); // add, then ReLU
  }

  parameters(): Tensor[] {
    return [...this.f.parameters(), ...(this.shortcut?.parameters() ??
      [])];
  }

  train(on: boolean): void {
    this.f.train(on); // the batch norms of F
    this.shortcut?.train?.(on);
  }
}
// #endregion

// #region residual-fn
/** F: d_in → d_out, two He-initialized Linear layers, each followed
 *  by BatchNorm, with a ReLU between them, Eq. (res-f). */
export function residualFunction(dIn: number, dOut: number,
  rng: Rng): Sequential {
  checkWidths('residualFunction', dIn, dOut, rng);
  return new Sequential([
    initLinear('he-normal', dIn, dOut, rng), new BatchNorm(dOut),
    new Act('relu'),
    initLinear('he-normal', dOut, dOut, rng), new BatchNorm(dOut),
  ]);
}
// #endregion

// #region shortcuts
/** s(x) = x: no parameters (the paper's identity shortcut). */
export class Identity implements Layer {
  forward(x: Tensor): Tensor {
    return x;
  }

  parameters(): Tensor[] {
    return [];
  }
}

/** s(x) = [x, 0]: the identity, padded with zero columns up to d_out
 *  (option A when the width grows). No parameters. */
export class ZeroPad implements Layer {
  readonly P: Tensor; // [d_in, d_out] = [I 0], a constant

  constructor(dIn: number, dOut: number) {
    checkPad(dIn, dOut);
    const P = new Float64Array(dIn * dOut);
    for (let j = 0; j < dIn; j++) P[j * dOut + j] = 1;
    this.P = new Tensor(P, [dIn, dOut]); // no gradient: not learned
  }

  forward(x: Tensor): Tensor {
    return x.matmul(this.P);
  }

  parameters(): Tensor[] {
    return [];
  }
}

/** s(x) = BN_s(x W_s), a learned linear map followed by batch
 *  normalization, as the paper's 1 × 1 convolutions are (Eq.
 *  res-projection): options B (where the width changes) and C
 *  (everywhere). */
export class Projection implements Layer {
  readonly Ws: Tensor; // [d_in, d_out], N(0, 1/d_in)
  readonly bn: BatchNorm; // BN_s, γ = 1 and β = 0 at the start

  constructor(dIn: number, dOut: number, rng: Rng) {
    checkWidths('Projection', dIn, dOut, rng);
    this.Ws = new Tensor(rng.normalArray(dIn * dOut, 0,
      Math.sqrt(1 / dIn)), [dIn, dOut], true);
    this.bn = new BatchNorm(dOut);
  }

  forward(x: Tensor): Tensor {
    return this.bn.forward(x.matmul(this.Ws));
  }

  parameters(): Tensor[] {
    return [this.Ws, ...this.bn.parameters()];
  }

  train(on: boolean): void {
    this.bn.train(on);
  }
}
// #endregion

function checkPad(dIn: number, dOut: number): void {
  checkInt('ZeroPad', 'dIn', dIn);
  checkInt('ZeroPad', 'dOut', dOut);
  if (dOut < dIn) {
    throw new Error(`ZeroPad: dOut must be >= dIn = ${dIn}, got ${dOut}`);
  }
}
