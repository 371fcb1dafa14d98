// @unshown: input checks of the chapter's functions; each throws an
// Error that starts with the name of the function the caller called.
import { Tensor } from '../autodiff/tensor.ts';
import type { Mask } from './mask.ts';

/** t must be a Tensor of rank >= min; returns its shape. */
export function checkRank(fn: string, name: string, t: unknown,
  min: number, exact?: number): readonly number[] {
  if (!(t instanceof Tensor)) {
    throw new Error(`${fn}: ${name} must be a Tensor`);
  }
  if (exact !== undefined && t.shape.length !== exact) {
    throw new Error(`${fn}: ${name} must have ${exact} axes, got ` +
      `[${t.shape}]`);
  }
  if (t.shape.length < min) {
    throw new Error(`${fn}: ${name} must have at least ${min} axes, ` +
      `got [${t.shape}]`);
  }
  return t.shape;
}

/** A Mask: a shape of sizes >= 1 and that many 0/1 flags. */
export function checkMask(fn: string, m: unknown): Mask {
  if (m === null || typeof m !== 'object' ||
    !Array.isArray((m as Mask).shape) ||
    !((m as Mask).blocked instanceof Uint8Array)) {
    throw new Error(`${fn}: a mask must be { shape, blocked: ` +
      'Uint8Array } (see causalMask, paddingMask)');
  }
  const { shape, blocked } = m as Mask;
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 1) {
      throw new Error(`${fn}: mask shape must hold integers >= 1, ` +
        `got [${shape}]`);
    }
    n *= d;
  }
  if (shape.length < 1 || blocked.length !== n) {
    throw new Error(`${fn}: mask of shape [${shape}] needs ${n} ` +
      `flags, has ${blocked.length}`);
  }
  for (let i = 0; i < n; i++) {
    if (blocked[i] > 1) {
      throw new Error(`${fn}: mask flags must be 0 or 1, got ` +
        `${blocked[i]} at ${i}`);
    }
  }
  return m as Mask;
}

/** The mask must broadcast to `to` (rank <= to's, each axis equal or
 *  1 when aligned on the right). */
export function checkMaskFits(fn: string, name: string, m: Mask,
  to: readonly number[]): void {
  const r = to.length, s = m.shape;
  const ok = s.length <= r && s.every((d, i) =>
    d === 1 || d === to[r - s.length + i]);
  if (!ok) {
    throw new Error(`${fn}: ${name} of shape [${s}] does not fit ` +
      `scores of shape [${to}]`);
  }
}
