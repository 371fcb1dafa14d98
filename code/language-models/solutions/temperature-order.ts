// Exercise: does it matter whether the temperature is applied before or
// after the tail is cut? For top-k it does not change which tokens are
// kept; for the nucleus it does.
import { softmaxT } from '../../recurrent-networks/sample.ts';
import { checkLogits, nucleus, topK } from '../sampling.ts';

// #region temperature-order
/** The tokens kept by top-k (or the nucleus) of softmax(z/τ), and of
 *  softmax(z) — the cut made before the temperature is applied. */
export function keptSets(z: ArrayLike<number>, tau: number,
  cut: { k: number } | { topP: number }) {
  checkLogits('keptSets', z);
  if (typeof tau !== 'number' || !(tau > 0) || !isFinite(tau)) {
    throw new Error('keptSets: tau must be a finite number > 0, got ' +
      `${tau}`);
  }
  if (cut === null || typeof cut !== 'object') {
    throw new Error('keptSets: cut must be { k } or { topP }');
  }
  const keep = (p: Float64Array) => {
    const q = 'k' in cut ? topK(p, cut.k) : nucleus(p, cut.topP);
    const kept: number[] = [];
    for (let j = 0; j < q.length; j++) if (q[j] > 0) kept.push(j);
    return kept;
  };
  return { after: keep(softmaxT(z, tau)), before: keep(softmaxT(z, 1)) };
}
// #endregion
