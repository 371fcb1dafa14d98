// The randomization tests of Zhang et al. (2017): the same images with
// their labels corrupted, or the same labels with images whose pixels
// are permuted or replaced by noise. Each returns new arrays; the
// inputs are never changed.
import type { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkCorrupt, checkCount, checkMatrix, checkPerm, checkRng,
} from './checks.ts';

// #region corrupt
/** Each label, independently with probability p, replaced by a class
 *  drawn uniformly from 0 … classes − 1, Eq. (rg-corrupt). p = 1 gives
 *  random labels. The draw may repeat the true class. */
export function corruptLabels(y: ArrayLike<number>, p: number,
  classes: number, rng: Rng): Int32Array {
  checkCorrupt(y, p, classes, rng);
  const out = Int32Array.from(y);
  for (let i = 0; i < out.length; i++) {
    const u = rng.uniform(); // one draw per label, whatever p is
    const k = rng.int(0, classes);
    if (u < p) out[i] = k;
  }
  return out;
}
// #endregion

// #region permutations
/** A uniformly random permutation of 0 … d − 1 (Fisher–Yates). */
export function randomPermutation(d: number, rng: Rng): Int32Array {
  checkCount('randomPermutation', 'd', d);
  checkRng('randomPermutation', rng);
  return Int32Array.from(rng.shuffle([...Array(d).keys()]));
}

/** Pixel j of each output row is pixel perm[j] of the input row: one
 *  fixed permutation for every image ("shuffled pixels"). */
export function permutePixels(X: Matrix, perm: ArrayLike<number>) {
  checkMatrix('permutePixels', 'X', X);
  checkPerm('permutePixels', perm, X.cols);
  const out = new Matrix(X.rows, X.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) {
      out.data[i * X.cols + j] = X.data[i * X.cols + perm[j]];
    }
  }
  return out;
}
// #endregion

// #region random-pixels
/** A different random permutation for every image ("random pixels"):
 *  each row keeps its values, but no two share an arrangement. */
export function randomPixels(X: Matrix, rng: Rng): Matrix {
  checkMatrix('randomPixels', 'X', X);
  checkRng('randomPixels', rng);
  const out = new Matrix(X.rows, X.cols);
  for (let i = 0; i < X.rows; i++) {
    const perm = randomPermutation(X.cols, rng); // new for each row
    for (let j = 0; j < X.cols; j++) {
      out.data[i * X.cols + j] = X.data[i * X.cols + perm[j]];
    }
  }
  return out;
}
// #endregion

// #region gaussian
/** Images replaced by independent normal draws whose mean and
 *  variance are those of all of X's entries ("Gaussian"). */
export function gaussianInputs(X: Matrix, rng: Rng): Matrix {
  checkMatrix('gaussianInputs', 'X', X);
  checkRng('gaussianInputs', rng);
  const N = X.data.length;
  let mean = 0;
  for (let i = 0; i < N; i++) mean += X.data[i] / N;
  let v = 0;
  for (let i = 0; i < N; i++) v += (X.data[i] - mean) ** 2 / N;
  return new Matrix(X.rows, X.cols,
    rng.normalArray(N, mean, Math.sqrt(v)));
}
// #endregion
