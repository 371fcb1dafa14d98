// A decoder-only transformer (the GPT shape): token embeddings plus
// learned position embeddings, a stack of causal blocks, a final layer
// norm and a Linear head to logits over the vocabulary, Eq. (tf-model).
import { Tensor } from '../autodiff/tensor.ts';
import { createRng } from '../introduction/random.ts';
import { LayerNorm } from
  '../initialization-and-normalization/layernorm.ts';
import { Linear, linear } from '../multilayer-perceptron/layers.ts';
import { causalMask } from '../attention/mask.ts';
import { LearnedPositions } from '../attention/positions.ts';
import { Block, type Norm, block } from './block.ts';
import { checkConfig, checkTokens } from './checks.ts';

// #region config
/** vocab V, context C (longest input), embed E, heads, layers N and
 *  the MLP's width M (4E in the paper and in GPT). */
export interface DecoderConfig {
  vocab: number; context: number; embed: number; heads: number;
  layers: number; mlp: number;
  /** 'pre' (default) or the paper's 'post'. */
  norm?: Norm;
}
// #endregion

// #region decoder
export class Decoder {
  readonly config: DecoderConfig;
  readonly tokenEmbed: Tensor; // [V, E]
  readonly positions: LearnedPositions; // table [C, E]
  readonly blocks: Block[];
  readonly lnF: LayerNorm;
  readonly head: Linear; // [E, V]
  /** Positions added, causal mask on? Off only for the Pitfalls. */
  usePositions = true;
  causal = true;

  constructor(config: DecoderConfig, seed: number) {
    const { vocab: V, context: C, embed: E, heads, layers, mlp } =
      checkConfig('Decoder', config, seed);
    this.config = { ...config };
    const rng = createRng(seed);
    this.tokenEmbed = new Tensor(rng.normalArray(V * E, 0, 1),
      [V, E], true); // N(0, 1), as torch.nn.Embedding
    this.positions = new LearnedPositions(C, E, rng, 1);
    this.blocks = Array.from({ length: layers }, () =>
      block(E, heads, mlp, rng, config.norm ?? 'pre'));
    this.lnF = new LayerNorm(E);
    this.head = linear(E, V, rng, 'xavier');
  }
  // #endregion

  // #region forward
  /** tokens: B rows of T ids (T ≤ C) → logits [B, T, V]. */
  forward(tokens: readonly ArrayLike<number>[]): Tensor {
    const { vocab: V, context: C, embed: E } = this.config;
    const [B, T] = checkTokens('Decoder.forward', tokens, V, C);
    const ids = new Int32Array(B * T);
    tokens.forEach((row, b) => ids.set(Array.from(row), b * T));
    let h = this.tokenEmbed.gather(ids).reshape([B, T, E]);
    if (this.usePositions) h = this.positions.forward(h); // + P[0:T]
    const mask = this.causal ? causalMask(T) : undefined; // t sees 0…t
    for (const b of this.blocks) h = b.forward(h, mask);
    const z = this.head.forward( // Eq. (tf-model)
      this.lnF.forward(h.reshape([B * T, E])));
    return z.reshape([B, T, V]);
  }
  // #endregion

  parameters(): Tensor[] {
    return [this.tokenEmbed, ...this.positions.parameters(),
      ...this.blocks.flatMap((b) => b.parameters()),
      ...this.lnF.parameters(), ...this.head.parameters()];
  }
}
