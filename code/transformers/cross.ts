// The encoder–decoder of the original paper. The decoder's layer adds a
// third sublayer between self-attention and the MLP: cross-attention,
// whose queries come from the decoder and whose keys and values come
// from the encoder's output (the memory), Eq. (tf-cross). As
// torch.nn.TransformerDecoderLayer, with 'pre' or 'post' norms.
import type { Tensor } from '../autodiff/tensor.ts';
import type { Rng } from '../introduction/random.ts';
import { LayerNorm } from
  '../initialization-and-normalization/layernorm.ts';
import type { Mask } from '../attention/mask.ts';
import { MultiHeadAttention } from '../attention/mha.ts';
import { type Norm, checkNorm, normLast } from './block.ts';
import { FeedForward, feedForward } from './mlp.ts';
import { checkBTE, checkRng, checkSizes } from './checks.ts';

// #region cross-layer
export class CrossBlock {
  readonly self: MultiHeadAttention;
  readonly cross: MultiHeadAttention;
  readonly mlp: FeedForward;
  readonly ln: [LayerNorm, LayerNorm, LayerNorm];
  readonly norm: Norm;

  constructor(E: number, heads: number, M: number, rng: Rng,
    norm: Norm = 'pre') {
    checkSizes('CrossBlock', { E, heads, M });
    checkRng('CrossBlock', rng);
    checkNorm('CrossBlock', norm);
    this.self = new MultiHeadAttention(E, heads, rng);
    this.cross = new MultiHeadAttention(E, heads, rng);
    this.mlp = feedForward(E, M, rng);
    this.ln = [new LayerNorm(E), new LayerNorm(E), new LayerNorm(E)];
    this.norm = norm;
  }

  /** x [B, T, E] (causal) reads memory [B, S, E]: [B, T, E]. */
  forward(x: Tensor, memory: Tensor, mask?: Mask): Tensor {
    const E = this.ln[0].d;
    checkBTE('CrossBlock.forward', x, E);
    checkBTE('CrossBlock.forward', memory, E);
    const subs = [
      (h: Tensor) => this.self.forward(h, h, h, { mask }),
      (h: Tensor) => this.cross.forward(h, memory, memory), // Q from h
      (h: Tensor) => this.mlp.forward(h),
    ];
    subs.forEach((f, i) => {
      x = this.norm === 'pre' ? x.add(f(normLast(this.ln[i], x)))
        : normLast(this.ln[i], x.add(f(x)));
    });
    return x;
  }
  // #endregion

  parameters(): Tensor[] {
    return [...this.self.parameters(), ...this.cross.parameters(),
      ...this.mlp.parameters(), ...this.ln.flatMap((l) => l.parameters())];
  }
}
