// Scaled dot-product attention composed from the engine's primitives,
// for one sequence: q [Tq, d], k [Tk, d], v [Tk, dv]. Its gradient
// comes from the engine for free; the fused op of sdpa.ts must agree
// with it. Blocked scores are not set to −∞ (a tensor holds finite
// numbers): their exponentials are multiplied by 0 instead, which is
// the same softmax.
import { Tensor } from '../autodiff/tensor.ts';
import { calledAs } from '../introduction/checks.ts';
import { type Mask, broadcastMask } from './mask.ts';
import { attention } from './sdpa.ts';

// #region composed
/** softmax(s · q kᵀ) v from matmul, max, exp, sum and div. */
export function composedAttention(q: Tensor, k: Tensor, v: Tensor,
  options: { mask?: Mask; scale?: number } = {}): Tensor {
  const fn = 'composedAttention';
  calledAs(fn, () => attention(q.detach(), k.detach(), v.detach(),
    options)); // checks every input, and the fully masked rows
  if (q.shape.length !== 2) {
    throw new Error(`${fn}: q, k, v must be 2-D, got [${q.shape}]`);
  }
  const scale = options.scale ?? 1 / Math.sqrt(q.shape[1]);
  const S = q.matmul(k.transpose()).mul(scale); // Eq. (att-scores)
  const m = S.max(1, true).detach(); // a constant shift, for exp
  let E = S.sub(m).exp();
  if (options.mask !== undefined) E = E.mul(allowed(options.mask, S));
  const P = E.div(E.sum(1, true)); // Eq. (att-softmax)
  return P.matmul(v); // Eq. (att-out)
}
// #endregion

/** 1 where a score may be used, 0 where it is blocked: [Tq, Tk]. */
function allowed(mask: Mask, S: Tensor): Tensor {
  const flags = broadcastMask(mask, S.shape);
  const a = new Float64Array(S.size);
  for (let i = 0; i < a.length; i++) a[i] = 1 - flags[i];
  return new Tensor(a, S.shape);
}
