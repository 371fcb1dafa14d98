// Loading torch's weights: a state_dict's arrays (flattened, row-major)
// copied into our tensors, in place. torch.nn.Linear stores its weight
// as [out, in] and applies x Wᵀ; our Linear stores W [in, out] and
// applies x W, so those arrays are transposed on the way in.
import { Tensor } from '../autodiff/tensor.ts';
import type { LayerNorm } from
  '../initialization-and-normalization/layernorm.ts';
import type { Linear } from '../multilayer-perceptron/layers.ts';
import { calledAs } from '../introduction/checks.ts';
import { MultiHeadAttention } from '../attention/mha.ts';
import { Block } from './block.ts';
import { CrossBlock } from './cross.ts';
import type { Decoder } from './decoder.ts';
import { checkDecoder } from './checks.ts';

type State = Record<string, ArrayLike<number>>;

// #region load
/** torch's [out, in] weight into our W [in, out], and the bias. */
function loadLinear(fn: string, l: Linear, s: State,
  name: string): void {
  const [nIn, nOut] = l.W.shape;
  const w = take(fn, s, `${name}.weight`, nIn * nOut);
  for (let o = 0; o < nOut; o++) {
    for (let i = 0; i < nIn; i++) l.W.data[i * nOut + o] = w[o * nIn + i];
  }
  l.b.data.set(take(fn, s, `${name}.bias`, nOut));
}

function loadNorm(fn: string, ln: LayerNorm, s: State,
  name: string): void {
  ln.gamma.data.set(take(fn, s, `${name}.weight`, ln.d));
  ln.beta.data.set(take(fn, s, `${name}.bias`, ln.d));
}

/** An encoder layer's keys (self_attn.*, linear1/2, norm1/2) after
 *  prefix, into a Block. */
export function loadBlock(b: Block, s: State, prefix = '',
  fn = 'loadBlock'): void {
  if (!(b instanceof Block)) throw new Error(`${fn}: b must be a Block`);
  attentionInto(fn, b.attn, s, `${prefix}self_attn`);
  loadLinear(fn, b.mlp.fc1, s, `${prefix}linear1`);
  loadLinear(fn, b.mlp.fc2, s, `${prefix}linear2`);
  loadNorm(fn, b.ln1, s, `${prefix}norm1`);
  loadNorm(fn, b.ln2, s, `${prefix}norm2`);
}
// #endregion

/** MultiheadAttention's four arrays under name. */
export function loadAttention(a: MultiHeadAttention, s: State,
  name: string): void {
  attentionInto('loadAttention', a, s, name);
}

function attentionInto(fn: string, a: MultiHeadAttention, s: State,
  name: string): void {
  if (!(a instanceof MultiHeadAttention)) {
    throw new Error(`${fn}: a must be a MultiHeadAttention`);
  }
  const keys = ['in_proj_weight', 'in_proj_bias', 'out_proj.weight',
    'out_proj.bias'];
  const sub: State = {};
  for (const k of keys) sub[k] = take(fn, s, `${name}.${k}`);
  calledAs(fn, () => a.loadTorch(sub));
}

/** The tiny torch model of scripts/reference/transformers.py: tok,
 *  pos, blocks.i.*, ln_f, head. */
export function loadDecoder(m: Decoder, s: State): void {
  const fn = 'loadDecoder';
  checkDecoder(fn, m);
  m.tokenEmbed.data.set(take(fn, s, 'tok.weight', m.tokenEmbed.size));
  const table = m.positions.table;
  table.data.set(take(fn, s, 'pos', table.size));
  m.blocks.forEach((b, i) => loadBlock(b, s, `blocks.${i}.`, fn));
  loadNorm(fn, m.lnF, s, 'ln_f');
  loadLinear(fn, m.head, s, 'head');
}

/** The gradient torch would hold for a tensor stored as W [in, out]:
 *  transposed back to [out, in], for comparison with a fixture. */
export function torchLayout(W: Tensor): Float64Array {
  if (!(W instanceof Tensor) || W.shape.length !== 2) {
    throw new Error('torchLayout: W must be a 2-D Tensor');
  }
  const [nIn, nOut] = W.shape;
  const g = W.grad ?? new Float64Array(W.size);
  const out = new Float64Array(W.size);
  for (let o = 0; o < nOut; o++) {
    for (let i = 0; i < nIn; i++) out[o * nIn + i] = g[i * nOut + o];
  }
  return out;
}

function take(fn: string, s: State, key: string,
  n?: number): ArrayLike<number> {
  if (s === null || typeof s !== 'object') {
    throw new Error(`${fn}: state s must be an object of arrays`);
  }
  const a = s[key];
  if (a === undefined || a === null || typeof a.length !== 'number' ||
    (n !== undefined && a.length !== n)) {
    throw new Error(`${fn}: ${key} must hold ${n ?? 'some'} ` +
      `numbers, got ${a?.length}`);
  }
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) {
      throw new Error(`${fn}: ${key} has ${a[i]} at ${i}`);
    }
  }
  return a;
}

/** A torch.nn.TransformerDecoderLayer's keys into a CrossBlock. */
export function loadCrossBlock(b: CrossBlock, s: State): void {
  const fn = 'loadCrossBlock';
  if (!(b instanceof CrossBlock)) {
    throw new Error(`${fn}: b must be a CrossBlock`);
  }
  attentionInto(fn, b.self, s, 'self_attn');
  attentionInto(fn, b.cross, s, 'multihead_attn');
  loadLinear(fn, b.mlp.fc1, s, 'linear1');
  loadLinear(fn, b.mlp.fc2, s, 'linear2');
  b.ln.forEach((ln, i) => loadNorm(fn, ln, s, `norm${i + 1}`));
}
