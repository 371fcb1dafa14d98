// Exercise: categorical sampling in log space (the Gumbel-max trick)
// and in O(1) per draw (Walker's alias method, in Vose's form).
import type { Rng } from '../../introduction/random.ts';
import {
  requireFiniteArray, requireProbabilities,
} from '../../introduction/checks.ts';

// #region gumbel-max
/** argmax_k z_k + g_k, g_k = -log(-log U_k): a draw of softmax(z). */
export function gumbelMaxSample(rng: Rng, z: ArrayLike<number>): number {
  requireFiniteArray('gumbelMaxSample', 'z', z);
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < z.length; k++) {
    let u = rng.uniform(); // in [0, 1); u = 0 would give g = -Infinity
    while (u === 0) u = rng.uniform();
    const score = z[k] - Math.log(-Math.log(u));
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}
// #endregion

// #region alias
export interface AliasTable {
  /** Probability of keeping column k rather than taking its alias. */
  keep: Float64Array;
  alias: Int32Array;
}

/** Columns of height 1/K, each split between k and one alias. */
export function aliasTable(probs: ArrayLike<number>): AliasTable {
  requireProbabilities('aliasTable', 'probs', probs);
  const K = probs.length;
  const keep = Float64Array.from(probs, (p) => p * K); // scaled to 1
  const alias = Int32Array.from(keep, (_, k) => k);
  const small: number[] = [];
  const large: number[] = [];
  keep.forEach((h, k) => (h < 1 ? small : large).push(k));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    alias[s] = l; // l fills the rest of column s
    keep[l] -= 1 - keep[s];
    (keep[l] < 1 ? small : large).push(l);
  }
  for (const k of [...small, ...large]) keep[k] = 1; // rounding leftovers
  return { keep, alias };
}

/** One draw in O(1): a uniform column, then keep it or its alias. */
export function aliasSample(rng: Rng, table: AliasTable): number {
  checkTable(table);
  const k = Math.floor(rng.uniform() * table.keep.length);
  return rng.uniform() < table.keep[k] ? k : table.alias[k];
}
// #endregion

function checkTable(t: AliasTable): void {
  const ok = t?.keep instanceof Float64Array &&
    t.alias instanceof Int32Array && t.keep.length > 0 &&
    t.alias.length === t.keep.length;
  if (!ok) {
    throw new Error('aliasSample: table must come from aliasTable');
  }
}
