// The arithmetic of a convolution: how long its output is along one
// axis, Eq. (cnn-out-size), the whole layout of one conv2d call (NCHW,
// as PyTorch), and how far back into the input a unit sees, its
// receptive field, Eq. (cnn-rf).
import { Tensor } from '../autodiff/tensor.ts';

// #region out-size
/** Output length along an axis of length h: kernel k, padding p,
 *  stride s, dilation d, Eq. (cnn-out-size). */
export function outputSize(h: number, k: number, p = 0, s = 1,
  d = 1): number {
  checkSizes('outputSize', h, k, p, s, d);
  const span = d * (k - 1) + 1; // the dilated kernel's extent
  return Math.floor((h + 2 * p - span) / s) + 1;
}
// #endregion

// #region receptive-field
/** One layer as the receptive field sees it: kernel, stride, dilation. */
export interface RfLayer { k: number; s?: number; d?: number }

/** Receptive field width ρ and jump Δ after each layer,
 *  Eq. (cnn-rf). */
export function receptiveField(layers: RfLayer[]) {
  checkLayers(layers);
  let rho = 1; // one input pixel sees itself
  let jump = 1; // neighbouring units are 1 input pixel apart
  const out = [];
  for (const { k, s = 1, d = 1 } of layers) {
    rho += d * (k - 1) * jump; // the kernel's span, in input pixels
    jump *= s; // the stride spreads the next layer's units out
    out.push({ rho, jump });
  }
  return out;
}
// #endregion

/** Stride, padding and dilation of a convolution, the same on both
 *  axes (PyTorch also takes a pair per option). */
export interface ConvOptions {
  stride?: number;
  padding?: number;
  dilation?: number;
}

/** Every size one conv2d call needs, checked once. */
export interface Geometry {
  n: number; c: number; h: number; w: number; // input [n, c, h, w]
  co: number; kh: number; kw: number; // weight [co, c, kh, kw]
  s: number; p: number; d: number;
  oh: number; ow: number; // output [n, co, oh, ow]
}

/** The geometry of x ⋆ w; fn names the caller in errors. */
export function geometry(fn: string, x: Tensor, w: Tensor,
  o: ConvOptions = {}): Geometry {
  if (!(x instanceof Tensor) || x.shape.length !== 4) {
    throw new Error(`${fn}: x must be a 4-D Tensor [n, c, h, w]`);
  }
  if (!(w instanceof Tensor) || w.shape.length !== 4) {
    throw new Error(`${fn}: w must be a 4-D Tensor [co, c, kh, kw]`);
  }
  checkOptions(fn, o);
  const { stride: s = 1, padding: p = 0, dilation: d = 1 } = o;
  const [n, c, h, wd] = x.shape;
  const [co, ci, kh, kw] = w.shape;
  if (ci !== c) {
    throw new Error(`${fn}: x has ${c} channels, w expects ${ci}`);
  }
  const oh = Math.floor((h + 2 * p - d * (kh - 1) - 1) / s) + 1;
  const ow = Math.floor((wd + 2 * p - d * (kw - 1) - 1) / s) + 1;
  if (oh < 1 || ow < 1) {
    throw new Error(`${fn}: kernel ${kh}x${kw} (dilation ${d}) does ` +
      `not fit in ${h}x${wd} padded by ${p}`);
  }
  return { n, c, h, w: wd, co, kh, kw, s, p, d, oh, ow };
}

/** Throws unless o holds integer stride ≥ 1, padding ≥ 0, dilation
 *  ≥ 1 (each optional). */
export function checkOptions(fn: string, o: ConvOptions): void {
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  const rules = [['stride', 1], ['padding', 0], ['dilation', 1]] as const;
  for (const [name, min] of rules) {
    const v = o[name];
    if (v !== undefined && (!Number.isInteger(v) || v < min)) {
      throw new Error(`${fn}: ${name} must be an integer >= ${min}, ` +
        `got ${v}`);
    }
  }
}

function checkSizes(fn: string, h: number, k: number, p: number,
  s: number, d: number): void {
  const rules = [['h', h, 1], ['k', k, 1], ['p', p, 0], ['s', s, 1],
    ['d', d, 1]] as const;
  for (const [name, v, min] of rules) {
    if (!Number.isInteger(v) || v < min) {
      throw new Error(`${fn}: ${name} must be an integer >= ${min}, ` +
        `got ${v}`);
    }
  }
  if (h + 2 * p < d * (k - 1) + 1) {
    throw new Error(`${fn}: kernel span ${d * (k - 1) + 1} exceeds ` +
      `the padded length ${h + 2 * p}`);
  }
}

function checkLayers(layers: RfLayer[]): void {
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new Error('receptiveField: layers must be a non-empty array');
  }
  for (const l of layers) {
    for (const name of ['k', 's', 'd'] as const) {
      const v = l?.[name] ?? (name === 'k' ? NaN : 1);
      if (!Number.isInteger(v) || v < 1) {
        throw new Error(`receptiveField: layers: ${name} must be an ` +
          `integer >= 1, got ${v}`);
      }
    }
  }
}
