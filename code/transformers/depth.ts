// Xiong et al.'s (2020) measurement, small: at initialization, the
// gradient that reaches each block of a deep stack, post-LN against
// pre-LN. One forward and one backward on a batch, no update.
import { Decoder, type DecoderConfig } from './decoder.ts';
import { type Example, sequenceLoss } from './train.ts';
import { checkExamples } from './checks.ts';
import { calledAs } from '../introduction/checks.ts';

// #region grad-norms
/** ‖∂L/∂θ_l‖ for each block l (its parameters as one vector) of a
 *  fresh model with the given norm placement. */
export function blockGradNorms(config: DecoderConfig, seed: number,
  batch: readonly Example[]): number[] {
  checkExamples('blockGradNorms', batch);
  const model = calledAs('blockGradNorms',
    () => new Decoder(config, seed));
  sequenceLoss(model, batch).backward();
  return model.blocks.map((b) => {
    let sq = 0;
    for (const p of [b.mlp.fc2.W]) {
      for (const g of p.grad ?? []) sq += g * g;
    }
    return Math.sqrt(sq);
  });
}
// #endregion
