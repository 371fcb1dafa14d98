// Convolution and pooling as layers of Part VII's Sequential, a layer
// that turns rows of pixels into images (and one that flattens them
// back), and the LeNet-sized network this chapter trains.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import {
  Act, type Layer, linear,
} from '../multilayer-perceptron/layers.ts';
import { Sequential } from '../multilayer-perceptron/mlp.ts';
import { checkOptions, type ConvOptions } from './geometry.ts';
import { conv2d } from './conv.ts';
import { avgPool2d, maxPool2d } from './pool.ts';

// #region conv-layer
/** co filters of c×k×k, He-initialized: N(0, 2/(c·k²)); bias 0. */
export class Conv2d implements Layer {
  readonly w: Tensor; // [co, c, k, k]
  readonly b: Tensor; // [co]
  readonly o: ConvOptions;

  constructor(c: number, co: number, k: number, rng: Rng,
    o: ConvOptions = {}) {
    checkConv(c, co, k, rng);
    checkOptions('Conv2d', o);
    const fanIn = c * k * k; // inputs each output sums over
    this.w = new Tensor(rng.normalArray(co * fanIn, 0,
      Math.sqrt(2 / fanIn)), [co, c, k, k], true);
    this.b = new Tensor(new Float64Array(co), [co], true);
    this.o = { ...o };
  }

  forward(x: Tensor): Tensor {
    return conv2d(x, this.w, this.b, this.o);
  }

  parameters(): Tensor[] {
    return [this.w, this.b];
  }
}
// #endregion

// #region shape-layers
/** Max (or average) pooling over k×k windows as a layer. */
export class Pool2d implements Layer {
  readonly k: number;
  readonly kind: 'max' | 'avg';
  constructor(k: number, kind: 'max' | 'avg' = 'max') {
    checkPool(k, kind);
    this.k = k;
    this.kind = kind;
  }
  forward(x: Tensor): Tensor {
    return this.kind === 'max' ? maxPool2d(x, this.k)
      : avgPool2d(x, this.k);
  }
  parameters(): Tensor[] { return []; }
}

/** Each row of x to the given shape: [n, 784] → [n, 1, 28, 28]
 *  with shape [1, 28, 28], and back with shape [784]. */
export class Reshape implements Layer {
  readonly shape: number[];
  constructor(shape: number[]) {
    checkShape(shape);
    this.shape = [...shape];
  }
  forward(x: Tensor): Tensor {
    return x.reshape([x.shape[0], ...this.shape]);
  }
  parameters(): Tensor[] { return []; }
}
// #endregion

// #region lenet
/** 28×28 grey images → 10 logits: conv 1→6 (5×5), ReLU, max pool 2,
 *  conv 6→16 (5×5), ReLU, max pool 2, 256 → hidden → 10. */
export function lenet(rng: Rng, hidden = 64): Sequential {
  checkLenet(rng, hidden);
  return new Sequential([
    new Reshape([1, 28, 28]),
    new Conv2d(1, 6, 5, rng), new Act('relu'), new Pool2d(2), // 6×12×12
    new Conv2d(6, 16, 5, rng), new Act('relu'), new Pool2d(2), // 16×4×4
    new Reshape([256]),
    linear(256, hidden, rng), new Act('relu'),
    linear(hidden, 10, rng),
  ]);
}
// #endregion

function checkConv(c: number, co: number, k: number, rng: Rng): void {
  for (const [name, v] of [['c', c], ['co', co], ['k', k]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`Conv2d: ${name} must be an integer >= 1, got ${v}`);
    }
  }
  if (rng === null || typeof rng !== 'object' ||
    typeof rng.normalArray !== 'function') {
    throw new Error('Conv2d: rng must be a generator from createRng');
  }
}

function checkPool(k: number, kind: string): void {
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`Pool2d: k must be an integer >= 1, got ${k}`);
  }
  if (kind !== 'max' && kind !== 'avg') {
    throw new Error(`Pool2d: kind must be 'max' or 'avg', got ${kind}`);
  }
}

function checkShape(shape: number[]): void {
  if (!Array.isArray(shape) || shape.length === 0 ||
    !shape.every((v) => Number.isInteger(v) && v >= 1)) {
    throw new Error('Reshape: shape must be a non-empty array of ' +
      'integers >= 1');
  }
}

function checkLenet(rng: Rng, hidden: number): void {
  if (rng === null || typeof rng !== 'object' ||
    typeof rng.normalArray !== 'function') {
    throw new Error('lenet: rng must be a generator from createRng');
  }
  if (!Number.isInteger(hidden) || hidden < 1) {
    throw new Error(`lenet: hidden must be an integer >= 1, got ${hidden}`);
  }
}
