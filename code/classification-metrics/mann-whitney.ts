// The AUC as a statistic of pairs: the Mann–Whitney U, counted pair by
// pair and, in O(n log n), from the ranks of the scores.
import { requireFiniteArray } from '../introduction/checks.ts';
import { requireBothClasses, requireLabelsScores } from './checks.ts';

// #region auc-pairs
/** U / (PN) by checking all P·N pairs, ties counting ½: Eq. (cm-u). */
export function aucByPairs(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
): number {
  requireLabelsScores('aucByPairs', y, s);
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < y.length; i++) (y[i] === 1 ? pos : neg).push(s[i]);
  requireBothClasses('aucByPairs', pos.length, neg.length);
  let u = 0;
  for (const a of pos) {
    for (const b of neg) u += a > b ? 1 : a === b ? 0.5 : 0;
  }
  return u / (pos.length * neg.length);
}
// #endregion

// #region midranks
/** Ranks 1..n of s; a tie group shares the mean of its ranks. */
export function midranks(s: ArrayLike<number>): Float64Array {
  requireFiniteArray('midranks', 's', s);
  const n = s.length;
  const order = Array.from({ length: n }, (_, i) => i)
    .sort((i, j) => s[i] - s[j]); // increasing score
  const r = new Float64Array(n);
  for (let lo = 0; lo < n;) {
    let hi = lo + 1; // [lo, hi) is one tie group
    while (hi < n && s[order[hi]] === s[order[lo]]) hi++;
    const mid = (lo + 1 + hi) / 2; // mean of the ranks lo+1 .. hi
    for (let k = lo; k < hi; k++) r[order[k]] = mid;
    lo = hi;
  }
  return r;
}

/** U = R₊ − P(P + 1)/2, Eq. (cm-rank-sum), divided by PN. */
export function aucByRanks(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
): number {
  requireLabelsScores('aucByRanks', y, s);
  const r = midranks(s);
  let P = 0;
  let rankSum = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) {
      P += 1;
      rankSum += r[i];
    }
  }
  const N = y.length - P;
  requireBothClasses('aucByRanks', P, N);
  return (rankSum - (P * (P + 1)) / 2) / (P * N);
}
// #endregion
