// Scaled dot-product attention as one fused op, Eqs. (att-scores) to
// (att-out): forward by loops, and a hand-written backward through the
// softmax's Jacobian, Eq. (att-back). Shapes: q [..., Tq, d],
// k [..., Tk, d], v [..., Tk, dv] with equal leading axes (a batch,
// heads, or none); output [..., Tq, dv]; weights [..., Tq, Tk].
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';
import { calledAs, requirePositive } from '../introduction/checks.ts';
import { type Mask, broadcastMask } from './mask.ts';
import { checkRank } from './checks.ts';

export interface AttentionOptions {
  /** Blocked (1) scores get weight 0; broadcasts to [..., Tq, Tk]. */
  mask?: Mask;
  /** Multiplies the scores; 1/√d by default, Eq. (att-scale). */
  scale?: number;
}

export interface Attended {
  /** softmax(s · QKᵀ) V: [..., Tq, dv], differentiable. */
  output: Tensor;
  /** The softmax weights [..., Tq, Tk], a constant (no gradient). */
  weights: Tensor;
}

// #region sdpa-forward
/** softmax(scale · q kᵀ, blocked → −∞) v for each leading index. */
export function attention(q: Tensor, k: Tensor, v: Tensor,
  options: AttentionOptions = {}): Attended {
  const s = sizes('attention', q, k, v, options);
  const { n, Tq, Tk, dv } = s;
  const P = softmaxScores(q, k, s); // [n, Tq, Tk]
  const out = new Float64Array(n * Tq * dv);
  for (let r = 0; r < n * Tq; r++) { // Eq. (att-out): row r of P V
    const vo = Math.floor(r / Tq) * Tk * dv;
    for (let j = 0; j < Tk; j++) {
      const p = P[r * Tk + j];
      if (p === 0) continue; // a blocked key
      for (let c = 0; c < dv; c++) {
        out[r * dv + c] += p * v.data[vo + j * dv + c];
      }
    }
  }
  const output = record('attention', out, [...s.lead, Tq, dv],
    [q, k, v], (g) => attentionBackward(g, P, q, k, v, s));
  const weights = new Tensor(P.slice(), [...s.lead, Tq, Tk]);
  return { output, weights };
}
// #endregion

// #region sdpa-softmax
/** Each query's scores s · q·k_j, blocked ones −∞, through a softmax
 *  shifted by the row's largest score, Eqs. (att-scores, att-softmax). */
function softmaxScores(q: Tensor, k: Tensor, s: Sizes): Float64Array {
  const { n, Tq, Tk, d, scale } = s;
  const P = new Float64Array(n * Tq * Tk);
  for (let r = 0; r < n * Tq; r++) {
    const qo = r * d, ko = Math.floor(r / Tq) * Tk * d;
    let m = -Infinity;
    for (let j = 0; j < Tk; j++) {
      if (s.blocked(r * Tk + j)) { P[r * Tk + j] = -Infinity; continue; }
      let dot = 0;
      for (let c = 0; c < d; c++) {
        dot += q.data[qo + c] * k.data[ko + j * d + c];
      }
      P[r * Tk + j] = dot * scale;
      if (P[r * Tk + j] > m) m = P[r * Tk + j];
    }
    if (m === -Infinity) throw fullyMasked(Math.floor(r / Tq), r % Tq);
    let z = 0;
    for (let j = 0; j < Tk; j++) { // exp(−∞ − m) = 0
      P[r * Tk + j] = Math.exp(P[r * Tk + j] - m);
      z += P[r * Tk + j];
    }
    for (let j = 0; j < Tk; j++) P[r * Tk + j] /= z;
  }
  return P;
}
// #endregion

// #region sdpa-backward
/** Eq. (att-back), row by row: dV += P_ijᵀ dO_i; dP_ij = dO_i·v_j;
 *  dS_ij = P_ij (dP_ij − Σ_l P_il dP_il); dQ = s dS K; dK = s dSᵀ Q. */
function attentionBackward(g: Float64Array, P: Float64Array, q: Tensor,
  k: Tensor, v: Tensor, s: Sizes): void {
  const { n, Tq, Tk, d, dv, scale } = s;
  const gq = gradOf(q), gk = gradOf(k), gv = gradOf(v);
  const dP = new Float64Array(Tk);
  for (let r = 0; r < n * Tq; r++) {
    const b = Math.floor(r / Tq), ko = b * Tk * d, vo = b * Tk * dv;
    let mean = 0; // Σ_l P_il dP_il
    for (let j = 0; j < Tk; j++) {
      dP[j] = 0;
      for (let c = 0; c < dv; c++) {
        dP[j] += g[r * dv + c] * v.data[vo + j * dv + c];
        if (gv) gv[vo + j * dv + c] += P[r * Tk + j] * g[r * dv + c];
      }
      mean += P[r * Tk + j] * dP[j];
    }
    for (let j = 0; j < Tk; j++) {
      const ds = P[r * Tk + j] * (dP[j] - mean) * scale;
      if (ds === 0) continue; // a blocked key, or no gradient
      for (let c = 0; c < d; c++) {
        if (gq) gq[r * d + c] += ds * k.data[ko + j * d + c];
        if (gk) gk[ko + j * d + c] += ds * q.data[r * d + c];
      }
    }
  }
}
// #endregion

// #region sdpa
/** The output alone: softmax(QKᵀ/√d + mask) V, Eq. (att-sdpa). */
export function scaledDotProductAttention(q: Tensor, k: Tensor,
  v: Tensor, options: AttentionOptions = {}): Tensor {
  const fn = 'scaledDotProductAttention';
  return calledAs(fn, () => attention(q, k, v, options)).output;
}
// #endregion

interface Sizes {
  n: number; Tq: number; Tk: number; d: number; dv: number;
  scale: number; lead: number[];
  blocked: (flat: number) => boolean;
}

function sizes(fn: string, q: Tensor, k: Tensor, v: Tensor,
  options: AttentionOptions): Sizes {
  const sq = checkRank(fn, 'q', q, 2);
  const sk = checkRank(fn, 'k', k, 2);
  const sv = checkRank(fn, 'v', v, 2);
  const r = sq.length;
  const lead = sq.slice(0, r - 2);
  const same = (a: readonly number[]) => a.length === r &&
    lead.every((x, i) => a[i] === x);
  if (!same(sk) || !same(sv)) {
    throw new Error(`${fn}: q, k, v must share their leading axes, ` +
      `got [${sq}], [${sk}], [${sv}]`);
  }
  const [Tq, d] = sq.slice(r - 2), [Tk, dk] = sk.slice(r - 2);
  if (dk !== d) {
    throw new Error(`${fn}: q and k must have one width d, got ` +
      `${d} and ${dk}`);
  }
  if (sv[r - 2] !== Tk) {
    throw new Error(`${fn}: k and v must have one length Tk, got ` +
      `${Tk} and ${sv[r - 2]}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  const scale = options.scale ?? 1 / Math.sqrt(d);
  requirePositive(fn, 'scale', scale);
  let n = 1;
  for (const x of lead) n *= x;
  let blocked: (flat: number) => boolean = () => false;
  if (options.mask !== undefined) {
    const flags = calledAs(fn, () =>
      broadcastMask(options.mask as Mask, [...lead, Tq, Tk]));
    blocked = (flat) => flags[flat] === 1;
  }
  return { n, Tq, Tk, d, dv: sv[r - 1], scale, lead, blocked };
}

function fullyMasked(b: number, i: number): Error {
  return new Error(`attention: every key is masked for query ${i} of ` +
    `slice ${b}; its softmax would be 0/0 (NaN in torch). Unmask at ` +
    'least one key per query (e.g. let padded queries see themselves)');
}
