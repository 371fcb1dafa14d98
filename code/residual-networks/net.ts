// Plain and residual networks of the same shape: a stem layer, stages
// of blocks (the width fixed within a stage, growing between them) and
// a Linear readout. With three stages and m blocks each a network has
// 6m + 2 weighted layers, as the paper's CIFAR-10 networks do.
import type { Rng } from '../introduction/random.ts';
import { Act, type Layer } from '../multilayer-perceptron/layers.ts';
import { Sequential } from '../multilayer-perceptron/mlp.ts';
import {
  BatchNorm,
} from '../initialization-and-normalization/batchnorm.ts';
import { initLinear } from '../initialization-and-normalization/init.ts';
import {
  Block, Identity, Projection, residualFunction, ZeroPad,
} from './block.ts';
import { checkNet } from './checks.ts';

// #region net
export type Option = 'A' | 'B' | 'C'; // the paper's §3.3 and Table 3

export interface NetOptions {
  input: number; classes: number;
  widths: number[]; // one width per stage
  blocks: number; // blocks per stage
  residual: boolean; // false: plain blocks, no shortcut
  option?: Option; // shortcuts of a residual net; 'A' if not given
}

/** The network of the experiments; depth = 2 + 2·blocks·stages. */
export function stackNet(o: NetOptions, rng: Rng): Sequential {
  checkNet(o, rng);
  const layers: Layer[] = [initLinear('he-normal', o.input,
    o.widths[0], rng), new BatchNorm(o.widths[0]), new Act('relu')];
  let d = o.widths[0];
  for (const w of o.widths) {
    for (let b = 0; b < o.blocks; b++) {
      const f = residualFunction(d, w, rng);
      layers.push(new Block(f, o.residual
        ? shortcut(o.option ?? 'A', d, w, rng) : null));
      d = w;
    }
  }
  layers.push(initLinear('he-normal', d, o.classes, rng));
  return new Sequential(layers);
}

/** A: identity, zero-padded where the width grows; B: a projection
 *  where it grows, identity elsewhere; C: projections everywhere. */
function shortcut(option: Option, dIn: number, dOut: number,
  rng: Rng): Layer {
  if (option === 'C') return new Projection(dIn, dOut, rng);
  if (dIn === dOut) return new Identity();
  return option === 'A' ? new ZeroPad(dIn, dOut)
    : new Projection(dIn, dOut, rng);
}
// #endregion

/** Weighted (Linear) layers of stackNet(o): the depth the paper
 *  counts. */
export function netDepth(o: { widths: number[]; blocks: number }):
  number {
  checkNet({ input: 1, classes: 1, residual: false, ...o }, null,
    'netDepth');
  return 2 + 2 * o.blocks * o.widths.length;
}
