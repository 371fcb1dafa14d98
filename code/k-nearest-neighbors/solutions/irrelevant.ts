// Exercise solution: k-NN on the standardized wine data with columns of
// pure noise appended, cross-validated as the noise grows. Node only: it
// loads the wine file.
import { createRng } from '../../introduction/random.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import { interleavedFolds, pairedDifference } from '../real-data.ts';
import { cvErrorByK } from '../selection.ts';
import { loadWine } from '../wine.ts';

/** The most noise columns drawn. */
export const MAX_NOISE = 100;

// #region irrelevant
/** For each count c in counts: the 10-fold CV error of 5-NN on wine,
 *  standardized in each fold, with the first c of MAX_NOISE standard
 *  normal columns (drawn once) appended; and its paired difference
 *  from no noise, wine by wine. */
export function noisyWine(counts: number[], seed = 1) {
  checkCounts(counts, seed);
  const { X, y } = loadWine();
  const noise = createRng(seed).normalArray(X.rows * MAX_NOISE);
  const folds = interleavedFolds(X.rows, 10);
  const wrong = (Z: Matrix) => Float64Array.from(cvErrorByK(Z, y, folds,
    [5], { standardize: true }).predictions[0], (v, i) => +(v !== y[i]));
  const clean = wrong(X);
  return counts.map((c) => {
    const Z = new Matrix(X.rows, X.cols + c);
    for (let i = 0; i < X.rows; i++) {
      Z.data.set(X.row(i), i * Z.cols);
      Z.data.set(noise.subarray(i * MAX_NOISE, i * MAX_NOISE + c),
        i * Z.cols + X.cols);
    }
    const e = wrong(Z);
    const { mean, se } = pairedDifference(e, clean);
    return { noise: c, error: e.reduce((s, v) => s + v, 0) / e.length,
      diff: mean, diffSe: se };
  });
}
// #endregion

function checkCounts(counts: number[], seed: number): void {
  if (!Array.isArray(counts) || counts.length === 0 || counts.some((c) =>
    !Number.isInteger(c) || c < 0 || c > MAX_NOISE)) {
    throw new Error(`noisyWine: counts must be a non-empty list of ` +
      `integers in [0, ${MAX_NOISE}], got [${Array.isArray(counts)
        ? counts.join(', ') : counts}]`);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`noisyWine: seed must be an integer, got ${seed}`);
  }
}
