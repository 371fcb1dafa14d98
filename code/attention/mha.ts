// Multi-head attention in torch.nn.MultiheadAttention's layout, so a
// state_dict loads as it is: in_proj_weight [3E, E] holds W_Q, W_K, W_V
// as row blocks (each [E, E], applied as x Wᵀ), in_proj_bias [3E],
// out_proj.weight [E, E], out_proj.bias [E]. Inputs are batch-first,
// [B, T, E], like torch's batch_first=True.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import { requireInteger } from '../introduction/checks.ts';
import { type Mask, combineMasks } from './mask.ts';
import { attention } from './sdpa.ts';
import { mergeHeads, splitHeads } from './heads.ts';
import { checkMask, checkRank } from './checks.ts';

export interface MhaOptions {
  /** torch's attn_mask, 1 = blocked: [Tq, Tk] (e.g. causalMask),
   *  [B·H, Tq, Tk] or anything that broadcasts to [B, H, Tq, Tk]. */
  mask?: Mask;
  /** torch's key_padding_mask [B, Tk], 1 = padding (paddingMask). */
  keyPadding?: Mask;
}

// #region mha-class
/** H heads of scaled dot-product attention, Eq. (att-mha). */
export class MultiHeadAttention implements Layer {
  readonly embed: number;
  readonly heads: number;
  readonly inProjWeight: Tensor; // [3E, E]: W_Q; W_K; W_V
  readonly inProjBias: Tensor; // [3E]
  readonly outProjWeight: Tensor; // [E, E]
  readonly outProjBias: Tensor; // [E]
  /** The last forward's weights [B, H, Tq, Tk], for maps. */
  lastWeights: Tensor | null = null;
  // #endregion

  /** torch's initialization: in_proj Xavier-uniform on [3E, E],
   *  out_proj uniform on ±1/√E, biases 0. */
  constructor(embed: number, heads: number, rng: Rng) {
    const fn = 'MultiHeadAttention';
    requireInteger(fn, 'embed', embed, 1);
    requireInteger(fn, 'heads', heads, 1);
    if (embed % heads !== 0) {
      throw new Error(`${fn}: embed ${embed} is not divisible by ` +
        `heads ${heads}`);
    }
    if (rng === null || typeof rng !== 'object' ||
      typeof rng.uniformArray !== 'function') {
      throw new Error(`${fn}: rng must be a generator from createRng`);
    }
    const E = embed, a = Math.sqrt(6 / (E + 3 * E)), c = 1 / Math.sqrt(E);
    this.embed = E;
    this.heads = heads;
    this.inProjWeight = new Tensor(rng.uniformArray(3 * E * E, -a, a),
      [3 * E, E], true);
    this.inProjBias = new Tensor(new Float64Array(3 * E), [3 * E], true);
    this.outProjWeight = new Tensor(rng.uniformArray(E * E, -c, c),
      [E, E], true);
    this.outProjBias = new Tensor(new Float64Array(E), [E], true);
  }

  // #region mha-forward
  /** query [B, Tq, E], key and value [B, Tk, E] (self-attention when
   *  omitted) → [B, Tq, E], Eqs. (att-heads) and (att-mha). */
  forward(query: Tensor, key: Tensor = query, value: Tensor = key,
    options: MhaOptions = {}): Tensor {
    const fn = 'MultiHeadAttention.forward';
    const [B, Tq] = this.checkInput(fn, 'query', query);
    const [Bk, Tk] = this.checkInput(fn, 'key', key);
    const [Bv, Tv] = this.checkInput(fn, 'value', value);
    if (Bk !== B || Bv !== B || Tv !== Tk) {
      throw new Error(`${fn}: query [${query.shape}], key ` +
        `[${key.shape}] and value [${value.shape}] do not match`);
    }
    const mask = this.fullMask(fn, options, B, Tq, Tk);
    const Q = this.project(query, 0); // [B, H, Tq, dh]
    const K = this.project(key, 1), V = this.project(value, 2);
    const a = attention(Q, K, V, { mask }); // scale 1/√dh
    this.lastWeights = a.weights;
    return this.combine(a.output); // [B, Tq, E]
  }
  // #endregion

  // #region mha-project
  /** x [B, T, E] through block `part` (0 = Q, 1 = K, 2 = V) of the
   *  packed projection, split into heads: [B, H, T, E/H]. */
  project(x: Tensor, part: 0 | 1 | 2): Tensor {
    const fn = 'MultiHeadAttention.project';
    const [B, T] = this.checkInput(fn, 'x', x);
    if (part !== 0 && part !== 1 && part !== 2) {
      throw new Error(`${fn}: part must be 0, 1 or 2, got ${part}`);
    }
    const E = this.embed;
    const rows = Array.from({ length: E }, (_, i) => part * E + i);
    const W = this.inProjWeight.gather(rows); // [E, E]
    const b = this.inProjBias.gather(rows); // [E]
    const y = x.reshape([B * T, E]).matmul(W.transpose()).add(b);
    return splitHeads(y, B, this.heads);
  }

  /** Heads [B, H, Tq, dh] merged and sent through out_proj:
   *  [B, Tq, E]. */
  combine(heads: Tensor): Tensor {
    const fn = 'MultiHeadAttention.combine';
    const s = checkRank(fn, 'heads', heads, 4, 4);
    if (s[1] !== this.heads || s[1] * s[3] !== this.embed) {
      throw new Error(`${fn}: heads must be [B, ${this.heads}, T, ` +
        `${this.embed / this.heads}], got [${s}]`);
    }
    const y = mergeHeads(heads).matmul(this.outProjWeight.transpose())
      .add(this.outProjBias);
    return y.reshape([s[0], s[2], this.embed]);
  }
  // #endregion

  /** The last weights averaged over heads, [B, Tq, Tk]: torch's
   *  average_attn_weights=True. */
  averagedWeights(): Tensor {
    const w = this.lastWeights;
    if (w === null) {
      throw new Error('MultiHeadAttention.averagedWeights: no forward ' +
        'pass yet');
    }
    const [B, H, Tq, Tk] = w.shape;
    const out = new Float64Array(B * Tq * Tk);
    for (let b = 0; b < B; b++) {
      for (let h = 0; h < H; h++) {
        const o = (b * H + h) * Tq * Tk;
        for (let i = 0; i < Tq * Tk; i++) {
          out[b * Tq * Tk + i] += w.data[o + i] / H;
        }
      }
    }
    return new Tensor(out, [B, Tq, Tk]);
  }

  parameters(): Tensor[] {
    return [this.inProjWeight, this.inProjBias, this.outProjWeight,
      this.outProjBias];
  }

  // #region mha-load
  /** Copies a torch state_dict's four arrays (flattened) into this
   *  layer's tensors, in place: keys in_proj_weight, in_proj_bias,
   *  out_proj.weight, out_proj.bias. */
  loadTorch(state: Record<string, ArrayLike<number>>): this {
    const fn = 'MultiHeadAttention.loadTorch';
    if (state === null || typeof state !== 'object') {
      throw new Error(`${fn}: state must be an object of arrays`);
    }
    const pairs: [string, Tensor][] = [
      ['in_proj_weight', this.inProjWeight],
      ['in_proj_bias', this.inProjBias],
      ['out_proj.weight', this.outProjWeight],
      ['out_proj.bias', this.outProjBias]];
    for (const [name, t] of pairs) {
      const a = state[name];
      if (a === undefined || a === null || a.length !== t.size) {
        throw new Error(`${fn}: ${name} must have ${t.size} numbers, ` +
          `got ${a?.length}`);
      }
      for (let i = 0; i < a.length; i++) {
        if (!Number.isFinite(a[i])) {
          throw new Error(`${fn}: ${name} has ${a[i]} at ${i}`);
        }
      }
    }
    for (const [name, t] of pairs) t.data.set(state[name]);
    return this;
  }
  // #endregion

  private checkInput(fn: string, name: string,
    x: Tensor): [number, number] {
    const s = checkRank(fn, name, x, 3, 3);
    if (s[2] !== this.embed) {
      throw new Error(`${fn}: ${name} must be [B, T, ${this.embed}], ` +
        `got [${s}]`);
    }
    return [s[0], s[1]];
  }

  /** attn_mask and key padding as one mask over [B, H, Tq, Tk]. */
  private fullMask(fn: string, o: MhaOptions, B: number, Tq: number,
    Tk: number): Mask | undefined {
    if (o === null || typeof o !== 'object') {
      throw new Error(`${fn}: options must be an object`);
    }
    const H = this.heads;
    let m: Mask | undefined;
    if (o.mask !== undefined) {
      m = checkMask(fn, o.mask);
      if (m.shape.length === 3 && m.shape[0] === B * H) {
        m = { shape: [B, H, Tq, Tk], blocked: m.blocked }; // torch's
      }
      if (!fits(m.shape, [B, H, Tq, Tk])) {
        throw new Error(`${fn}: mask of shape [${m.shape}] does not ` +
          `fit [${Tq}, ${Tk}], [${B * H}, ${Tq}, ${Tk}] or ` +
          `[${B}, ${H}, ${Tq}, ${Tk}]`);
      }
    }
    if (o.keyPadding !== undefined) {
      const p = checkMask(fn, o.keyPadding);
      if (p.shape.length !== 2 || p.shape[0] !== B || p.shape[1] !== Tk) {
        throw new Error(`${fn}: keyPadding must be [${B}, ${Tk}], got ` +
          `[${p.shape}]`);
      }
      const kp = { shape: [B, 1, 1, Tk], blocked: p.blocked };
      m = m === undefined ? kp : combineMasks(m, kp);
    }
    return m;
  }
}

function fits(s: readonly number[], to: readonly number[]): boolean {
  return s.length <= to.length && s.every((d, i) =>
    d === 1 || d === to[to.length - s.length + i]);
}
