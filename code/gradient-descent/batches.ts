// Mini-batches: an epoch as a shuffled partition of the rows, the
// gradient of one batch, and how noisy that gradient is.
import type { Rng } from '../introduction/random.ts';
import {
  Matrix,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import {
  checkWeights,
  checkXy,
  squaredLossGradient,
} from '../linear-regression/model.ts';

// #region epoch-batches
/**
 * The batches of one epoch: 0..n−1 in order, or shuffled by rng, cut
 * into runs of b (the last one shorter when b does not divide n).
 */
export function epochBatches(
  n: number,
  b: number,
  rng: Rng | null,
): number[][] {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(b) ||
    b < 1 || b > n) {
    throw new Error(
      `epochBatches: expected integers 1 <= b <= n, got b = ${b}, ` +
        `n = ${n}`,
    );
  }
  const order = Array.from({ length: n }, (_, i) => i);
  if (rng !== null) rng.shuffle(order); // Fisher–Yates, seeded
  const batches: number[][] = [];
  for (let s = 0; s < n; s += b) batches.push(order.slice(s, s + b));
  return batches;
}
// #endregion

// #region take-rows
/** The rows of X and entries of y listed in idx, in that order. */
export function takeRows(
  X: Matrix,
  y: Vector,
  idx: readonly number[],
): { X: Matrix; y: Vector } {
  checkXy('takeRows', X, y);
  const { rows: n, cols: d } = X;
  const bad = Array.isArray(idx)
    ? idx.findIndex((i) => !Number.isInteger(i) || i < 0 || i >= n)
    : -1;
  if (!Array.isArray(idx) || idx.length === 0 || bad >= 0) {
    // a short list whole; of a long one the first bad entry only
    const got = !Array.isArray(idx) ? typeof idx
      : idx.length <= 8 ? `[${idx.join(', ')}]`
        : `idx[${bad}] = ${idx[bad]} of ${idx.length} indices`;
    throw new Error(
      `takeRows: expected a non-empty list of row indices in ` +
        `[0, ${n}) for X ${shapeOf(X)}, got ${got}`,
    );
  }
  const out = new Matrix(idx.length, d);
  idx.forEach((i, r) => {
    out.data.set(X.data.subarray(i * d, (i + 1) * d), r * d);
  });
  return { X: out, y: Float64Array.from(idx, (i) => y[i]) };
}
// #endregion

// #region batch-gradient
/**
 * g_B = X_Bᵀ(X_B w − y_B) / |B|, Eq. (gd-batch-gradient), reading
 * only the rows in idx: O(|B| d), however large n is.
 */
export function batchGradient(
  X: Matrix,
  y: Vector,
  w: Vector,
  idx: readonly number[],
): Vector {
  const fn = 'batchGradient';
  checkWeights(fn, X, w);
  checkIndices(fn, X, y, idx);
  const { cols: d, data } = X;
  const g = new Float64Array(d);
  for (const i of idx) {
    let r = -y[i]; // the residual x_iᵀw − y_i
    for (let j = 0; j < d; j++) r += data[i * d + j] * w[j];
    for (let j = 0; j < d; j++) g[j] += data[i * d + j] * r;
  }
  for (let j = 0; j < d; j++) g[j] /= idx.length;
  return g;
}

/** Throws unless idx lists rows of X whose entries and y are finite. */
function checkIndices(
  fn: string,
  X: Matrix,
  y: Vector,
  idx: readonly number[],
): void {
  const { rows: n, cols: d, data } = X;
  if (!Array.isArray(idx)) {
    throw new Error(`${fn}: idx must be an array of row indices, got ` +
      `${typeof idx}`);
  }
  if (!(y instanceof Float64Array) || y.length !== n) {
    throw new Error(`${fn}: X is ${shapeOf(X)}, so y must be ` +
      `vector(${n})`);
  }
  if (idx.length === 0) throw new Error(`${fn}: the batch is empty`);
  for (const i of idx) {
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new Error(`${fn}: row index ${i} is outside [0, ${n})`);
    }
    let finite = Number.isFinite(y[i]);
    for (let j = 0; j < d; j++) finite &&= Number.isFinite(data[i * d + j]);
    if (!finite) throw new Error(`${fn}: row ${i} of X or y is not finite`);
  }
}
// #endregion

// #region batch-noise
/**
 * E‖g_B − ∇L‖² for a batch of b rows drawn without replacement,
 * Eq. (gd-batch-variance): the spread S² of the n one-row gradients
 * times (n − b) / (b (n − 1)).
 */
export function batchGradientVariance(
  X: Matrix,
  y: Vector,
  w: Vector,
  b: number,
): number {
  checkXy('batchGradientVariance', X, y);
  checkWeights('batchGradientVariance', X, w);
  const n = X.rows;
  if (!Number.isInteger(b) || b < 1 || b > n || n < 2) {
    throw new Error(
      `batchGradientVariance: expected 1 <= b <= n and n >= 2, got ` +
        `b = ${b}, n = ${n}`,
    );
  }
  const full = squaredLossGradient(X, y, w);
  let spread = 0; // S² = (1/n) Σ ‖∇ℓ_i − ∇L‖²
  for (let i = 0; i < n; i++) {
    const gi = batchGradient(X, y, w, [i]);
    for (let j = 0; j < w.length; j++) spread += (gi[j] - full[j]) ** 2;
  }
  spread /= n;
  return (spread * (n - b)) / (b * (n - 1));
}
// #endregion
