// Initial centres: uniform random points, and k-means++ (D² sampling)
// with scikit-learn's greedy local trials. Browser-safe.
import { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkData, checkInt } from './checks.ts';

/** ‖x_i − x_c‖² for every row i, into out. */
function distancesTo(X: Matrix, c: number, out: Float64Array): void {
  const { data: x, rows: n, cols: d } = X;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (x[i * d + j] - x[c * d + j]) ** 2;
    out[i] = s;
  }
}

// #region plusplus
/** k-means++: the first centre uniformly, each next one drawn with
 *  probability D(x)² / Σ D², Eq. (km-dsquared); of `trials` draws the
 *  one that lowers Σ D² most is kept (scikit-learn: 2 + ⌊ln k⌋ draws;
 *  1 draw is Arthur and Vassilvitskii's rule). Returns row indices. */
export function kMeansPlusPlus(X: Matrix, k: number, rng: Rng,
  trials = 2 + Math.floor(Math.log(k))): number[] {
  checkSeeding('kMeansPlusPlus', X, k, rng);
  checkInt('kMeansPlusPlus', 'trials', trials, 1);
  const n = X.rows;
  const chosen = [rng.int(0, n)];
  const D2 = new Float64Array(n); // squared distance to nearest centre
  distancesTo(X, chosen[0], D2);
  const cand = new Float64Array(n);
  const best = new Float64Array(n);
  while (chosen.length < k) {
    const cum = cumulative(D2);
    let bestPot = Infinity;
    let bestId = -1;
    for (let t = 0; t < trials; t++) {
      const id = searchSorted(cum, rng.uniform() * cum[n - 1]);
      distancesTo(X, id, cand);
      let pot = 0; // Σ_i min(D², ‖x_i − x_id‖²)
      for (let i = 0; i < n; i++) pot += Math.min(D2[i], cand[i]);
      if (pot < bestPot) {
        bestPot = pot;
        bestId = id;
        for (let i = 0; i < n; i++) best[i] = Math.min(D2[i], cand[i]);
      }
    }
    chosen.push(bestId);
    D2.set(best);
  }
  return chosen;
}
// #endregion

/** Running sums of v. */
function cumulative(v: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  let s = 0;
  for (let i = 0; i < v.length; i++) out[i] = s += v[i];
  return out;
}

/** The first i with cum[i] >= r (the last index if none), as NumPy's
 *  searchsorted: a point at D² = 0 is never drawn when r > 0. */
function searchSorted(cum: Float64Array, r: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] >= r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// #region random-seeding
/** k distinct rows drawn uniformly: the seeding k-means++ improves on. */
export function randomSeeding(X: Matrix, k: number, rng: Rng): number[] {
  checkSeeding('randomSeeding', X, k, rng);
  const rows = Array.from({ length: X.rows }, (_, i) => i);
  return rng.shuffle(rows).slice(0, k);
}
// #endregion

/** The rows `ids` of X, as a k × d matrix of centres. */
export function rowsOf(X: Matrix, ids: number[]): Matrix {
  checkData('rowsOf', X);
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new Error(`rowsOf: ids must be a non-empty array, got ${ids}`);
  }
  const C = new Matrix(ids.length, X.cols);
  ids.forEach((id, m) => {
    checkInt('rowsOf', 'ids', id, 0, X.rows - 1);
    C.data.set(X.data.subarray(id * X.cols, (id + 1) * X.cols), m * X.cols);
  });
  return C;
}

function checkSeeding(fn: string, X: Matrix, k: number, rng: Rng): void {
  checkData(fn, X);
  checkInt(fn, 'k', k, 1, X.rows);
  if (!(rng instanceof Rng)) {
    throw new Error(`${fn}: rng must be an Rng (createRng(seed))`);
  }
}
