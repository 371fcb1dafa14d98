// Masks say which keys a query may not look at. A mask is a grid of
// 0/1 flags with torch's boolean convention: 1 (true) means blocked.
// Tensors hold finite numbers only, so −∞ never lives in a tensor: the
// attention op reads the flags and blocks those scores itself.
import { requireInteger } from '../introduction/checks.ts';
import { checkMask, checkMaskFits } from './checks.ts';

// #region mask-type
/** Flags over the last axes of the scores [..., Tq, Tk]: 1 = blocked.
 *  Row-major, like a Tensor; leading axes of size 1 broadcast. */
export interface Mask {
  readonly shape: readonly number[];
  readonly blocked: Uint8Array;
}
// #endregion

// #region causal
/** [t, t]: query i may see keys 0 … i, not the future,
 *  Eq. (att-causal). */
export function causalMask(t: number): Mask {
  requireInteger('causalMask', 't', t, 1);
  const blocked = new Uint8Array(t * t);
  for (let i = 0; i < t; i++) {
    for (let j = i + 1; j < t; j++) blocked[i * t + j] = 1;
  }
  return { shape: [t, t], blocked };
}
// #endregion

// #region padding
/** [B, t] key padding from each sequence's length: position j of
 *  sequence b is padding (1) when j ≥ lengths[b]. torch's
 *  key_padding_mask layout. */
export function paddingMask(lengths: ArrayLike<number>,
  t: number): Mask {
  requireInteger('paddingMask', 't', t, 1);
  if (lengths === null || typeof lengths !== 'object' ||
    !('length' in lengths) || lengths.length === 0) {
    throw new Error('paddingMask: lengths must be a non-empty array');
  }
  const B = lengths.length;
  const blocked = new Uint8Array(B * t);
  for (let b = 0; b < B; b++) {
    requireInteger('paddingMask', `lengths[${b}]`, lengths[b], 1, t);
    for (let j = lengths[b]; j < t; j++) blocked[b * t + j] = 1;
  }
  return { shape: [B, t], blocked };
}
// #endregion

/** A mask from nested 0/1 (or boolean) rows, e.g. one written by hand
 *  or read from a fixture: [[0, 1], [0, 0]] is [2, 2]. */
export function maskFrom(rows: unknown, shape?: readonly number[]): Mask {
  const flat: number[] = [];
  const dims: number[] = [];
  const walk = (x: unknown, depth: number) => {
    if (Array.isArray(x) || ArrayBuffer.isView(x)) {
      const a = x as ArrayLike<unknown>;
      if (dims[depth] === undefined) dims[depth] = a.length;
      else if (dims[depth] !== a.length) {
        throw new Error('maskFrom: rows must all have one length');
      }
      for (let i = 0; i < a.length; i++) walk(a[i], depth + 1);
    } else if (x === 0 || x === 1 || x === true || x === false) {
      flat.push(x === 1 || x === true ? 1 : 0);
    } else {
      throw new Error(`maskFrom: entries must be 0, 1, true or false, ` +
        `got ${String(x)}`);
    }
  };
  walk(rows, 0);
  const s = shape ?? dims;
  const m = { shape: s.slice(), blocked: Uint8Array.from(flat) };
  checkMask('maskFrom', m);
  return m;
}

/** Blocked where either mask is: both [.., Tq, Tk], broadcasting. */
export function combineMasks(a: Mask, b: Mask): Mask {
  checkMask('combineMasks', a);
  checkMask('combineMasks', b);
  const r = Math.max(a.shape.length, b.shape.length);
  const shape: number[] = [];
  for (let i = 0; i < r; i++) {
    const da = a.shape[a.shape.length - r + i] ?? 1;
    const db = b.shape[b.shape.length - r + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`combineMasks: shapes [${a.shape}] and ` +
        `[${b.shape}] do not broadcast`);
    }
    shape.push(Math.max(da, db));
  }
  const fa = broadcastMask(a, shape), fb = broadcastMask(b, shape);
  const blocked = new Uint8Array(fa.length);
  for (let i = 0; i < fa.length; i++) blocked[i] = fa[i] | fb[i];
  return { shape, blocked };
}

/** The mask's flags stretched to the shape `to` ([..., Tq, Tk]):
 *  its axes of size 1, or missing on the left, are repeated. */
export function broadcastMask(mask: Mask, to: readonly number[]):
  Uint8Array {
  checkMask('broadcastMask', mask);
  if (!Array.isArray(to) ||
    !to.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new Error('broadcastMask: to must be a shape of integers >= 1');
  }
  checkMaskFits('broadcastMask', 'mask', mask, to);
  const r = to.length, from = mask.shape;
  const stride = new Array<number>(r).fill(0); // 0 on stretched axes
  for (let i = from.length - 1, s = 1; i >= 0; i--) {
    if (from[i] !== 1) stride[r - from.length + i] = s;
    s *= from[i];
  }
  let n = 1;
  for (const d of to) n *= d;
  const out = new Uint8Array(n);
  const pos = new Array<number>(r).fill(0);
  let at = 0;
  for (let k = 0; k < n; k++) {
    out[k] = mask.blocked[at];
    for (let ax = r - 1; ax >= 0; ax--) { // odometer step
      pos[ax]++;
      at += stride[ax];
      if (pos[ax] < to[ax]) break;
      at -= stride[ax] * to[ax];
      pos[ax] = 0;
    }
  }
  return out;
}
