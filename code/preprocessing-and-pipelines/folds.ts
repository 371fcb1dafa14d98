// Stratified k-fold splits: every fold holds each class in (nearly)
// the proportion of the whole data, as scikit-learn's StratifiedKFold.
// Browser-safe.
import type { Rng } from '../introduction/random.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import { checkLabelsFor } from './checks.ts';

// #region stratified
/**
 * Deals the sorted labels round-robin to the k folds to fix how many
 * of each class a fold gets, then hands out each class's samples in
 * order (without rng: scikit-learn's folds exactly) or shuffled.
 */
export function stratifiedKFold(
  y: Int32Array,
  k: number,
  rng?: Rng,
): Fold[] {
  const { code, C } = classCodes(y, k); // by first appearance
  const counts = new Array<number>(C).fill(0);
  for (const c of code) counts[c] += 1;
  const quota = Array.from({ length: k }, () => new Array(C).fill(0));
  let p = 0; // position in the sorted labels
  counts.forEach((m, c) => {
    for (let t = 0; t < m; t++, p++) quota[p % k][c] += 1;
  });
  const foldOf = new Int32Array(y.length);
  for (let c = 0; c < C; c++) {
    const deck = quota.flatMap((q, f) => new Array(q[c]).fill(f));
    if (rng) rng.shuffle(deck);
    let t = 0;
    code.forEach((ci, i) => { if (ci === c) foldOf[i] = deck[t++]; });
  }
  return Array.from({ length: k }, (_, f) => ({
    train: [...foldOf.keys()].filter((i) => foldOf[i] !== f),
    test: [...foldOf.keys()].filter((i) => foldOf[i] === f),
  }));
}
// #endregion

/** Labels renumbered 0, 1, … by first appearance, after the checks. */
function classCodes(y: Int32Array, k: number) {
  checkLabelsFor('stratifiedKFold', y, y?.length ?? 0);
  if (y.length === 0) {
    throw new Error('stratifiedKFold: y must hold at least one label');
  }
  if (!Number.isInteger(k) || k < 2 || k > y.length) {
    throw new Error(`stratifiedKFold: k must be an integer in ` +
      `[2, ${y.length}], got ${k}`);
  }
  const seen = new Map<number, number>();
  const code = Int32Array.from(y, (v) => {
    if (!seen.has(v)) seen.set(v, seen.size);
    return seen.get(v)!;
  });
  const counts = new Map<number, number>();
  for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [v, m] of counts) {
    if (m < k) {
      throw new Error(`stratifiedKFold: class ${v} has ${m} samples, ` +
        `fewer than k = ${k} folds`);
    }
  }
  return { code, C: seen.size };
}
