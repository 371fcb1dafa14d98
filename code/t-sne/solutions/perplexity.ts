// Exercise: the perplexity of each row of a conditional P.
import { checkInt, checkSquare } from '../checks.ts';

// #region row-perplexity
/** exp(H_i), H_i = -sum_j p_{j|i} log p_{j|i}, Eq. (tsne-entropy). */
export function rowPerplexity(P: Float64Array, n: number): Float64Array {
  checkInt('rowPerplexity', 'n', n, 2);
  checkSquare('rowPerplexity', 'P', P, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let j = 0; j < n; j++) {
      const p = P[i * n + j];
      if (p > 0) h -= p * Math.log(p); // 0 log 0 = 0
    }
    out[i] = Math.exp(h);
  }
  return out;
}
// #endregion
