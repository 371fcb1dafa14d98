// Exercise: weight tying. The output layer reuses the token embedding
// U [V, E] as its weight: logits = LN(h) Uᵀ + b, so one matrix both
// reads and writes tokens, and the model has VE fewer parameters.
import { Tensor } from '../../autodiff/tensor.ts';
import { causalMask } from '../../attention/mask.ts';
import { Decoder } from '../decoder.ts';
import { checkDecoder, checkTokens } from '../checks.ts';

// #region tied
/** The decoder's forward with the head's W replaced by Uᵀ (the head's
 *  bias kept): logits [B, T, V]. */
export function tiedForward(model: Decoder,
  tokens: readonly ArrayLike<number>[]): Tensor {
  checkDecoder('tiedForward', model);
  const { vocab: V, context: C, embed: E } = model.config;
  const [B, T] = checkTokens('tiedForward', tokens, V, C);
  const ids = tokens.flatMap((row) => Array.from(row));
  let h = model.positions.forward(
    model.tokenEmbed.gather(ids).reshape([B, T, E]));
  for (const b of model.blocks) h = b.forward(h, causalMask(T));
  const z = model.lnF.forward(h.reshape([B * T, E]))
    .matmul(model.tokenEmbed.transpose()) // U used twice
    .add(model.head.b);
  return z.reshape([B, T, V]);
}

/** Parameters of the tied model: the head's W left out. */
export function tiedParameters(model: Decoder): Tensor[] {
  checkDecoder('tiedParameters', model);
  return model.parameters().filter((p) => p !== model.head.W);
}
// #endregion
