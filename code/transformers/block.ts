// The transformer block: multi-head self-attention and a position-wise
// MLP, each wrapped in a residual connection and a layer norm. 'pre'
// normalizes the input of each sublayer (GPT-2 and most models since),
// 'post' the sum after it (the original paper); Eqs. (tf-pre) and
// (tf-post). Shapes: x [B, T, E] in and out.
import type { Tensor } from '../autodiff/tensor.ts';
import type { Rng } from '../introduction/random.ts';
import { LayerNorm } from
  '../initialization-and-normalization/layernorm.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import type { Mask } from '../attention/mask.ts';
import { MultiHeadAttention } from '../attention/mha.ts';
import { FeedForward, feedForward } from './mlp.ts';
import { checkBTE, checkRng, checkSizes } from './checks.ts';

export type Norm = 'pre' | 'post';

// #region norm-last
/** Layer norm over the last axis of x [..., E], Eq. (tf-ln). */
export function normLast(ln: LayerNorm, x: Tensor): Tensor {
  if (!(ln instanceof LayerNorm)) {
    throw new Error('normLast: ln must be a LayerNorm');
  }
  const E = ln.d;
  return ln.forward(x.reshape([x.size / E, E])).reshape(x.shape);
}
// #endregion

// #region block
/** One block; its fields are reachable, so that a cached forward (the
 *  language-models chapter) can reuse the weights. */
export class Block implements Layer {
  readonly attn: MultiHeadAttention;
  readonly ln1: LayerNorm;
  readonly mlp: FeedForward;
  readonly ln2: LayerNorm;
  readonly norm: Norm;

  constructor(attn: MultiHeadAttention, ln1: LayerNorm,
    mlp: FeedForward, ln2: LayerNorm, norm: Norm = 'pre') {
    checkBlock(attn, ln1, mlp, ln2, norm);
    this.attn = attn;
    this.ln1 = ln1;
    this.mlp = mlp;
    this.ln2 = ln2;
    this.norm = norm;
  }

  forward(x: Tensor, mask?: Mask): Tensor {
    checkBTE('Block.forward', x, this.ln1.d);
    const { attn, ln1, mlp, ln2 } = this;
    const sa = (h: Tensor) => attn.forward(h, h, h, { mask });
    if (this.norm === 'pre') { // Eq. (tf-pre)
      const a = x.add(sa(normLast(ln1, x)));
      return a.add(mlp.forward(normLast(ln2, a)));
    }
    const a = normLast(ln1, x.add(sa(x))); // Eq. (tf-post)
    return normLast(ln2, a.add(mlp.forward(a)));
  }

  parameters(): Tensor[] {
    return [...this.attn.parameters(), ...this.ln1.parameters(),
      ...this.mlp.parameters(), ...this.ln2.parameters()];
  }
}
// #endregion

// #region make-block
/** A block of width E, `heads` heads and an MLP of width M. */
export function block(E: number, heads: number, M: number, rng: Rng,
  norm: Norm = 'pre'): Block {
  checkSizes('block', { E, heads, M });
  checkRng('block', rng);
  checkNorm('block', norm);
  return new Block(new MultiHeadAttention(E, heads, rng),
    new LayerNorm(E), feedForward(E, M, rng), new LayerNorm(E), norm);
}
// #endregion

export function checkNorm(fn: string, norm: Norm): void {
  if (norm !== 'pre' && norm !== 'post') {
    throw new Error(`${fn}: norm must be 'pre' or 'post', got ${norm}`);
  }
}

function checkBlock(attn: MultiHeadAttention, ln1: LayerNorm,
  mlp: FeedForward, ln2: LayerNorm, norm: Norm): void {
  if (!(attn instanceof MultiHeadAttention) ||
    !(ln1 instanceof LayerNorm) || !(ln2 instanceof LayerNorm) ||
    !(mlp instanceof FeedForward)) {
    throw new Error('Block: expected a MultiHeadAttention, a ' +
      'LayerNorm, a FeedForward and a LayerNorm');
  }
  const E = attn.embed;
  if (ln1.d !== E || ln2.d !== E || mlp.fc1.W.shape[0] !== E) {
    throw new Error(`Block: every part must have width ${E}`);
  }
  checkNorm('Block', norm);
}
