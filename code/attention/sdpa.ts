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
  const fn = 'attention';
  const s = sizes(fn, q, k, v, options);
  const { n, Tq, Tk, d, dv, scale } = s;
  const P = new Float64Array(n * Tq * Tk); // the weights
  const out = new Float64Array(n * Tq * dv);
  for (let b = 0; b < n; b++) {
    const qo = b * Tq * d, ko = b * Tk * d, vo = b * Tk * dv;
    for (let i = 0; i < Tq; i++) {
      const row = (b * Tq + i) * Tk;
      let m = -Infinity;
      for (let j = 0; j < Tk; j++) {
        if (s.blocked(row + j)) { P[row + j] = -Infinity; continue; }
        let dot = 0;
        for (let c = 0; c < d; c++) {
          dot += q.data[qo + i * d + c] * k.data[ko + j * d + c];
        }
        P[row + j] = dot * scale; // Eq. (att-scores)
        if (P[row + j] > m) m = P[row + j];
      }
      if (m === -Infinity) throw fullyMasked(fn, b, i);
      let z = 0;
      for (let j = 0; j < Tk; j++) { // exp(−∞ − m) = 0
        P[row + j] = Math.exp(P[row + j] - m);
        z += P[row + j];
      }
      for (let j = 0; j < Tk; j++) P[row + j] /= z; // Eq. (att-softmax)
      for (let j = 0; j < Tk; j++) {
        const p = P[row + j];
        if (p === 0) continue;
        for (let c = 0; c < dv; c++) {
          out[(b * Tq + i) * dv + c] += p * v.data[vo + j * dv + c];
        }
      }
    }
  }
  const oShape = [...s.lead, Tq, dv];
  const output = record('attention', out, oShape, [q, k, v],
    (g) => attentionBackward(g, P, q, k, v, s));
  const weights = new Tensor(P.slice(), [...s.lead, Tq, Tk]);
  return { output, weights };
}
// #endregion

// #region sdpa-backward
/** Eq. (att-back): dV = Pᵀ dO; dP = dO Vᵀ; dS = P ⊙ (dP − rowsum(P ⊙
 *  dP)); dQ = s · dS K; dK = s · dSᵀ Q. */
function attentionBackward(g: Float64Array, P: Float64Array, q: Tensor,
  k: Tensor, v: Tensor, s: Sizes): void {
  const { n, Tq, Tk, d, dv, scale } = s;
  const gq = gradOf(q), gk = gradOf(k), gv = gradOf(v);
  const dS = new Float64Array(Tk);
  for (let b = 0; b < n; b++) {
    const qo = b * Tq * d, ko = b * Tk * d, vo = b * Tk * dv;
    for (let i = 0; i < Tq; i++) {
      const row = (b * Tq + i) * Tk, go = (b * Tq + i) * dv;
      let dot = 0; // Σ_j P_ij dP_ij
      for (let j = 0; j < Tk; j++) {
        let dp = 0;
        for (let c = 0; c < dv; c++) {
          dp += g[go + c] * v.data[vo + j * dv + c];
          if (gv) gv[vo + j * dv + c] += P[row + j] * g[go + c];
        }
        dS[j] = dp;
        dot += P[row + j] * dp;
      }
      for (let j = 0; j < Tk; j++) {
        const ds = P[row + j] * (dS[j] - dot) * scale;
        if (ds === 0) continue; // masked keys, or no gradient
        for (let c = 0; c < d; c++) {
          if (gq) gq[qo + i * d + c] += ds * k.data[ko + j * d + c];
          if (gk) gk[ko + j * d + c] += ds * q.data[qo + i * d + c];
        }
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
  let blocked = (_: number) => false;
  if (options.mask !== undefined) {
    const flags = calledAs(fn, () =>
      broadcastMask(options.mask as Mask, [...lead, Tq, Tk]));
    blocked = (flat) => flags[flat] === 1;
  }
  return { n, Tq, Tk, d, dv: sv[r - 1], scale, lead, blocked };
}

function fullyMasked(fn: string, b: number, i: number): Error {
  return new Error(`${fn}: every key is masked for query ${i} of ` +
    `slice ${b}; its softmax would be 0/0 (NaN in torch). Unmask at ` +
    'least one key per query (e.g. let padded queries see themselves)');
}
