// Loading torch's weights: a state_dict's arrays (flattened, row-major)
// copied into our tensors, in place. torch.nn.Linear stores its weight
// as [out, in] and applies x Wᵀ; our Linear stores W [in, out] and
// applies x W, so those arrays are transposed on the way in.
import type { Tensor } from '../autodiff/tensor.ts';
import type { LayerNorm } from
  '../initialization-and-normalization/layernorm.ts';
import type { Linear } from '../multilayer-perceptron/layers.ts';
import type { MultiHeadAttention } from '../attention/mha.ts';
import type { Block } from './block.ts';
import type { CrossBlock } from './cross.ts';
import type { Decoder } from './decoder.ts';

type State = Record<string, ArrayLike<number>>;

// #region load
/** torch's [out, in] weight into our W [in, out], and the bias. */
function loadLinear(l: Linear, s: State, name: string): void {
  const [nIn, nOut] = l.W.shape;
  const w = take(s, `${name}.weight`, nIn * nOut);
  for (let o = 0; o < nOut; o++) {
    for (let i = 0; i < nIn; i++) l.W.data[i * nOut + o] = w[o * nIn + i];
  }
  l.b.data.set(take(s, `${name}.bias`, nOut));
}

function loadNorm(ln: LayerNorm, s: State, name: string): void {
  ln.gamma.data.set(take(s, `${name}.weight`, ln.d));
  ln.beta.data.set(take(s, `${name}.bias`, ln.d));
}

/** An encoder layer's keys (self_attn.*, linear1/2, norm1/2) after
 *  prefix, into a Block. */
export function loadBlock(b: Block, s: State, prefix = ''): void {
  loadAttention(b.attn, s, `${prefix}self_attn`);
  loadLinear(b.mlp.fc1, s, `${prefix}linear1`);
  loadLinear(b.mlp.fc2, s, `${prefix}linear2`);
  loadNorm(b.ln1, s, `${prefix}norm1`);
  loadNorm(b.ln2, s, `${prefix}norm2`);
}
// #endregion

/** MultiheadAttention's four arrays under name. */
export function loadAttention(a: MultiHeadAttention, s: State,
  name: string): void {
  const keys = ['in_proj_weight', 'in_proj_bias', 'out_proj.weight',
    'out_proj.bias'];
  const sub: State = {};
  for (const k of keys) sub[k] = take(s, `${name}.${k}`);
  a.loadTorch(sub);
}

/** The tiny torch model of scripts/reference/transformers.py: tok,
 *  pos, blocks.i.*, ln_f, head. */
export function loadDecoder(m: Decoder, s: State): void {
  m.tokenEmbed.data.set(take(s, 'tok.weight', m.tokenEmbed.size));
  const table = m.positions.table;
  table.data.set(take(s, 'pos', table.size));
  m.blocks.forEach((b, i) => loadBlock(b, s, `blocks.${i}.`));
  loadNorm(m.lnF, s, 'ln_f');
  loadLinear(m.head, s, 'head');
}

/** The gradient torch would hold for a tensor stored as W [in, out]:
 *  transposed back to [out, in], for comparison with a fixture. */
export function torchLayout(W: Tensor): Float64Array {
  const [nIn, nOut] = W.shape;
  const g = W.grad ?? new Float64Array(W.size);
  const out = new Float64Array(W.size);
  for (let o = 0; o < nOut; o++) {
    for (let i = 0; i < nIn; i++) out[o * nIn + i] = g[i * nOut + o];
  }
  return out;
}

function take(s: State, key: string, n?: number): ArrayLike<number> {
  if (s === null || typeof s !== 'object') {
    throw new Error('loadBlock: state must be an object of arrays');
  }
  const a = s[key];
  if (a === undefined || a === null || typeof a.length !== 'number' ||
    (n !== undefined && a.length !== n)) {
    throw new Error(`loadBlock: ${key} must hold ${n ?? 'some'} ` +
      `numbers, got ${a?.length}`);
  }
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) {
      throw new Error(`loadBlock: ${key} has ${a[i]} at ${i}`);
    }
  }
  return a;
}

/** A torch.nn.TransformerDecoderLayer's keys into a CrossBlock. */
export function loadCrossBlock(b: CrossBlock, s: State): void {
  loadAttention(b.self, s, 'self_attn');
  loadAttention(b.cross, s, 'multihead_attn');
  loadLinear(b.mlp.fc1, s, 'linear1');
  loadLinear(b.mlp.fc2, s, 'linear2');
  b.ln.forEach((ln, i) => loadNorm(ln, s, `norm${i + 1}`));
}
