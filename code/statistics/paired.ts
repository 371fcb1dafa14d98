// Paired comparisons: two methods scored on the same items (test
// examples, folds, seeds, words). What the items share cancels in each
// difference, so the standard error comes from the differences alone.
import {
  requireFiniteArray,
  requireInteger,
  requirePaired,
} from '../introduction/checks.ts';

// #region mean-se
/** The mean of d and its standard error s / √n, s with divisor n − 1. */
export function meanStandardError(
  d: ArrayLike<number>,
): { mean: number; se: number } {
  requireFiniteArray('meanStandardError', 'd', d, 2);
  return meanSe(d);
}

function meanSe(d: ArrayLike<number>) {
  const n = d.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i] - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (n - 1) / n) };
}
// #endregion

// #region paired-difference
/** The mean of aᵢ − bᵢ over n paired items, and its standard error. */
export function pairedDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { mean: number; se: number } {
  requireFiniteArray('pairedDifference', 'a', a, 2);
  requirePaired('pairedDifference', { a, b });
  return meanSe(Float64Array.from(a, (v, i) => v - b[i]));
}
// #endregion

/** Σlossᵢ / Σcountᵢ: a loss per character over words of unequal
 *  length, each word weighted by its count. */
export function ratioOfSums(
  loss: ArrayLike<number>,
  count: ArrayLike<number>,
): number {
  checkRatio('ratioOfSums', { loss, count });
  let s = 0, c = 0;
  for (let i = 0; i < loss.length; i++) { s += loss[i]; c += count[i]; }
  return s / c;
}

/**
 * Two models' losses on the same n words, lossA and lossB, each word
 * with `count` characters: the difference of the losses per character,
 * D = Σ(aᵢ − bᵢ) / Σcᵢ (a ratio of sums), and its standard error.
 * The counts vary from word to word, so D is a ratio of two random
 * sums; its standard error is the delta method's: with the residuals
 * rᵢ = aᵢ − bᵢ − D cᵢ, it is √(n/(n−1) Σrᵢ²) / Σcᵢ.
 */
export function pairedRatioDifference(
  lossA: ArrayLike<number>,
  lossB: ArrayLike<number>,
  count: ArrayLike<number>,
): { diff: number; se: number } {
  checkRatio('pairedRatioDifference', { lossA, lossB, count }, 2);
  const n = lossA.length;
  let d = 0, c = 0;
  for (let i = 0; i < n; i++) { d += lossA[i] - lossB[i]; c += count[i]; }
  const D = d / c;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const r = lossA[i] - lossB[i] - D * count[i];
    ss += r * r;
  }
  return { diff: D, se: Math.sqrt(ss * n / (n - 1)) / c };
}

/**
 * Two classifiers on the same n examples, of which onlyA were right
 * only for A and onlyB only for B: the difference of accuracies
 * (onlyA − onlyB) / n and its standard error, from the per-example
 * differences in {−1, 0, 1} (variance with divisor n).
 */
export function discordantDifference(
  onlyA: number,
  onlyB: number,
  n: number,
): { mean: number; se: number } {
  const fn = 'discordantDifference';
  requireInteger(fn, 'n', n, 1);
  requireInteger(fn, 'onlyA', onlyA, 0, n);
  requireInteger(fn, 'onlyB', onlyB, 0, n - onlyA);
  const mean = (onlyA - onlyB) / n;
  return { mean, se: Math.sqrt(((onlyA + onlyB) / n - mean * mean) / n) };
}

/** Paired finite arrays (the first at least `min` long), the last of
 *  them positive counts. */
function checkRatio(
  fn: string,
  arrays: Record<string, ArrayLike<number>>,
  min = 1,
): void {
  const [first, ...rest] = Object.values(arrays);
  requireFiniteArray(fn, Object.keys(arrays)[0], first, min);
  requirePaired(fn, arrays);
  const count = rest[rest.length - 1];
  for (let i = 0; i < count.length; i++) {
    if (!(count[i] > 0)) {
      throw new Error(`${fn}: count must hold positive numbers, got ` +
        `count[${i}] = ${count[i]}`);
    }
  }
}
