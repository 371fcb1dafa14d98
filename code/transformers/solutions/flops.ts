// Exercise: the cost of a forward pass, counted as multiply–adds
// (one FLOP pair each) of its matrix products, Eq. (tf-flops).
import { checkConfig, checkSizes } from '../checks.ts';
import type { DecoderConfig } from '../decoder.ts';

// #region flops
/** Multiply–adds of one forward pass over T positions (one sequence):
 *  per block 4TE² (projections), 2TEM (MLP) and 2T²E (scores, then
 *  the weighted sum; the masked half is computed too); TEV, the head. */
export function forwardMacs(c: DecoderConfig, T: number): number {
  const { embed: E, layers: N, mlp: M, vocab: V } =
    checkConfig('forwardMacs', c, 0);
  checkSizes('forwardMacs', { T });
  const perBlock = 4 * T * E * E + 2 * T * E * M + 2 * T * T * E;
  return N * perBlock + T * E * V;
}
// #endregion
