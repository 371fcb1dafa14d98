// Mini-batch k-means (Sculley 2010) with per-centre learning rates.
// Browser-safe.
import { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkCenters, checkInt } from './checks.ts';

export interface MiniBatchOptions {
  batchSize: number;
  /** Number of batches drawn (with replacement, as scikit-learn). */
  steps: number;
}

// #region minibatch
/** Each step: draw B points, assign them to the nearest centre, then
 *  move each centre c toward each of its points x with the learning
 *  rate η = 1 / v_c, v_c the points c has been given so far,
 *  Eq. (km-minibatch); done for a whole batch at once, Eq. (km-batch). */
export function miniBatchKMeans(X: Matrix, C0: Matrix,
  { batchSize, steps }: MiniBatchOptions, rng: Rng): Matrix {
  checkMiniBatch(X, C0, batchSize, steps, rng);
  const { data: x, rows: n, cols: d } = X;
  const k = C0.rows;
  const C = new Matrix(k, d, C0.data.slice());
  const c = C.data;
  const v = new Float64Array(k); // points each centre has absorbed
  const sum = new Float64Array(k * d);
  const count = new Float64Array(k);
  for (let step = 0; step < steps; step++) {
    sum.fill(0);
    count.fill(0);
    for (let t = 0; t < batchSize; t++) {
      const i = rng.int(0, n);
      const m = nearest(x, i, c, k, d);
      for (let j = 0; j < d; j++) sum[m * d + j] += x[i * d + j];
      count[m]++;
    }
    for (let m = 0; m < k; m++) {
      if (count[m] === 0) continue;
      v[m] += count[m]; // c ← c + (Σ x − B_m c) / v, Eq. (km-batch)
      for (let j = 0; j < d; j++) {
        c[m * d + j] += (sum[m * d + j] - count[m] * c[m * d + j]) / v[m];
      }
    }
  }
  return C;
}
// #endregion

/** The index of the centre nearest to row i (the first on a tie). */
function nearest(x: Float64Array, i: number, c: Float64Array, k: number,
  d: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let m = 0; m < k; m++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (x[i * d + j] - c[m * d + j]) ** 2;
    if (s < bestD) { bestD = s; best = m; }
  }
  return best;
}

function checkMiniBatch(X: Matrix, C0: Matrix, batchSize: number,
  steps: number, rng: Rng): void {
  const fn = 'miniBatchKMeans';
  checkCenters(fn, X, C0);
  checkInt(fn, 'batchSize', batchSize, 1);
  checkInt(fn, 'steps', steps, 0);
  if (!(rng instanceof Rng)) {
    throw new Error(`${fn}: rng must be an Rng (createRng(seed))`);
  }
}
