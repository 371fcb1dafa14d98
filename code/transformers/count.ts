// Parameter counts from the shapes, Eqs. (tf-count-block) and
// (tf-count-model): the tests check them against the models' tensors.
import { checkConfig } from './checks.ts';
import type { DecoderConfig } from './decoder.ts';

// #region count
/** One block: attention 4E² + 4E, MLP 2EM + M + E, two norms 4E. */
export function blockParams(E: number, M: number): number {
  checkConfig('blockParams', { embed: E, heads: 1, mlp: M }, 0,
    ['embed', 'mlp']);
  return 4 * E * E + 4 * E + 2 * E * M + M + E + 4 * E;
}

/** Embeddings (V + C)E, N blocks, final norm 2E, head EV + V. */
export function decoderParams(c: DecoderConfig): number {
  const { vocab: V, context: C, embed: E, layers: N, mlp: M } =
    checkConfig('decoderParams', c, 0);
  return (V + C) * E + N * blockParams(E, M) + 2 * E + E * V + V;
}
// #endregion
