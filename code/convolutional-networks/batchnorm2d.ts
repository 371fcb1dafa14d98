// BatchNorm2d: batch normalization with one mean and one variance per
// channel, over the batch and every pixel, Eq. (cnn-bn2d). It reuses the
// previous chapter's BatchNorm on a [n·h·w, c] view: NCHW moved to
// channels-last, normalized per column, and moved back.
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import {
  BatchNorm,
} from '../initialization-and-normalization/batchnorm.ts';
import {
  checkEps, checkMomentum, checkSize,
} from '../initialization-and-normalization/checks.ts';

// #region channels-last
/** [n, c, h, w] → [n·h·w, c]: one row per pixel, one column per
 *  channel. Its backward is the inverse permutation. */
export function channelsLast(x: Tensor): Tensor {
  const [n, c, h, w] = check4d('channelsLast', x);
  const P = h * w;
  const y = new Float64Array(x.size);
  const to = (i: number, q: number, t: number) => (i * P + t) * c + q;
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < c; q++) {
      const at = (i * c + q) * P;
      for (let t = 0; t < P; t++) y[to(i, q, t)] = x.data[at + t];
    }
  }
  return record('channelsLast', y, [n * P, c], [x], (g) => {
    const gx = gradOf(x) as Float64Array;
    for (let i = 0; i < n; i++) {
      for (let q = 0; q < c; q++) {
        const at = (i * c + q) * P;
        for (let t = 0; t < P; t++) gx[at + t] += g[to(i, q, t)];
      }
    }
  });
}
// #endregion

// #region batchnorm2d
/** Per-channel batch norm of [n, c, h, w], PyTorch's BatchNorm2d:
 *  ε = 1e-5, momentum 0.1, unbiased running variance. */
export class BatchNorm2d implements Layer {
  readonly bn: BatchNorm; // γ, β and the running statistics, [c]

  constructor(c: number, eps = 1e-5, momentum = 0.1) {
    checkSize('BatchNorm2d', 'c', c);
    checkEps('BatchNorm2d', eps);
    checkMomentum('BatchNorm2d', momentum);
    this.bn = new BatchNorm(c, eps, momentum);
  }

  forward(x: Tensor): Tensor {
    const [n, c, h, w] = this.checkInput(x);
    const rows = this.bn.forward(channelsLast(x)); // [n·h·w, c]
    return channelsFirst(rows, n, c, h, w);
  }

  train(on: boolean): void {
    this.bn.train(on);
  }

  parameters(): Tensor[] {
    return this.bn.parameters();
  }
  // #endregion

  private checkInput(x: Tensor): number[] {
    const [n, c, h, w] = check4d('BatchNorm2d.forward', x);
    if (c !== this.bn.d) {
      throw new Error(`BatchNorm2d.forward: x must have ${this.bn.d} ` +
        `channels, got ${c}`);
    }
    if (this.bn.training && n * h * w < 2) {
      throw new Error('BatchNorm2d.forward: training needs at least 2 ' +
        'values per channel');
    }
    return [n, c, h, w];
  }
}

/** The inverse of channelsLast: [n·h·w, c] → [n, c, h, w]. */
function channelsFirst(r: Tensor, n: number, c: number, h: number,
  w: number): Tensor {
  const P = h * w;
  const y = new Float64Array(r.size);
  const from = (i: number, q: number, t: number) => (i * P + t) * c + q;
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < c; q++) {
      const at = (i * c + q) * P;
      for (let t = 0; t < P; t++) y[at + t] = r.data[from(i, q, t)];
    }
  }
  return record('channelsFirst', y, [n, c, h, w], [r], (g) => {
    const gr = gradOf(r) as Float64Array;
    for (let i = 0; i < n; i++) {
      for (let q = 0; q < c; q++) {
        const at = (i * c + q) * P;
        for (let t = 0; t < P; t++) gr[from(i, q, t)] += g[at + t];
      }
    }
  });
}

function check4d(fn: string, x: Tensor): number[] {
  if (!(x instanceof Tensor) || x.shape.length !== 4) {
    throw new Error(`${fn}: x must be a 4-D Tensor [n, c, h, w]`);
  }
  return [...x.shape];
}
