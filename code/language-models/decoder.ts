// A minimal decoder-only transformer: token and position embeddings,
// one causal self-attention head with a residual connection, and a
// linear head to the next token's logits. Enough to show what a KV
// cache saves; the transformers chapter builds the full block.
import { logSoftmax } from '../autodiff/fused.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { Rng } from '../introduction/random.ts';
import { checkInt, checkRng } from './checks.ts';

// #region decoder
/** The parameters: E [V, d], P [maxLen, d], W_q, W_k, W_v, W_o [d, d],
 *  the head W [d, V] and b [V]. */
export interface Decoder {
  V: number; d: number; maxLen: number;
  E: Tensor; P: Tensor; Wq: Tensor; Wk: Tensor; Wv: Tensor;
  Wo: Tensor; W: Tensor; b: Tensor;
}

/** Every weight drawn from N(0, 1/fan-in). */
export function decoder(V: number, d: number, maxLen: number,
  rng: Rng): Decoder {
  checkInt('decoder', 'V', V, 2);
  checkInt('decoder', 'd', d, 1);
  checkInt('decoder', 'maxLen', maxLen, 1);
  checkRng('decoder', rng);
  const t = (r: number, c: number, fan: number) => new Tensor(
    rng.normalArray(r * c, 0, 1 / Math.sqrt(fan)), [r, c], true);
  return { V, d, maxLen, E: t(V, d, d), P: t(maxLen, d, d),
    Wq: t(d, d, d), Wk: t(d, d, d), Wv: t(d, d, d), Wo: t(d, d, d),
    W: t(d, V, d), b: new Tensor(new Float64Array(V), [V], true) };
}
// #endregion

// #region forward
/** The logits at every position of ids [T, V], all recomputed: the
 *  engine's forward pass, Eqs. (lm-attn-qkv)–(lm-attn-out). */
export function decoderLogits(m: Decoder, ids: readonly number[]) {
  checkIds('decoderLogits', m, ids);
  const T = ids.length, d = m.d;
  const pos = Array.from({ length: T }, (_, t) => t);
  const X = m.E.gather(ids).add(m.P.gather(pos));
  const Q = X.matmul(m.Wq), K = X.matmul(m.Wk), Vv = X.matmul(m.Wv);
  const mask = new Float64Array(T * T); // s > t: exp(−10³⁰⁰ …) = 0
  for (let t = 0; t < T; t++) {
    for (let s = t + 1; s < T; s++) mask[t * T + s] = -1e300;
  }
  const S = Q.matmul(K.transpose()).mul(1 / Math.sqrt(d))
    .add(new Tensor(mask, [T, T]));
  const A = logSoftmax(S).exp(); // each row sums to 1 over s ≤ t
  const H = X.add(A.matmul(Vv).matmul(m.Wo));
  return H.matmul(m.W).add(m.b);
}
// #endregion

/** The number of multiply-adds of decoderLogits on T tokens: its six
 *  matrix products (the masked half of Q Kᵀ and A V included). */
export function forwardMacs(m: Decoder, T: number): number {
  checkInt('forwardMacs', 'T', T, 1);
  const d = m.d;
  return 3 * T * d * d + T * T * d + T * T * d + T * d * d +
    T * d * m.V;
}

export function checkIds(fn: string, m: Decoder,
  ids: readonly number[]): void {
  if (m === null || typeof m !== 'object' || !(m.E instanceof Tensor)) {
    throw new Error(`${fn}: m must be a Decoder`);
  }
  if (!Array.isArray(ids) || ids.length === 0 ||
    ids.length > m.maxLen || !ids.every((id) => Number.isInteger(id) &&
      id >= 0 && id < m.V)) {
    throw new Error(`${fn}: ids must be 1 to ${m.maxLen} token ids in ` +
      `[0, ${m.V - 1}]`);
  }
}
