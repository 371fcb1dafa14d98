// @unshown: data plumbing; the chapter states the splits and the noise
// The chapter's fixed train/test splits and the two noise features of
// the importance experiment (Strobl et al. 2007).
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkCount, checkMatrix, checkTargets } from './checks.ts';

/** Rows i with i mod k = 0 held out as the test set, the rest to fit
 *  (the same rows scripts/reference/random_forests.py uses). */
export function splitEveryKth(X: Matrix, y: ArrayLike<number>, k: number) {
  checkMatrix('splitEveryKth', X);
  checkTargets('splitEveryKth', y, X.rows, false);
  checkCount('splitEveryKth', 'k', k, 2);
  const pick = (test: boolean) => {
    const rows: number[] = [];
    for (let i = 0; i < X.rows; i++) {
      if ((i % k === 0) === test) rows.push(i);
    }
    return takeRows(X, y, rows);
  };
  return { train: pick(false), test: pick(true) };
}

/** The given rows of (X, y). */
function takeRows(
  X: Matrix, y: ArrayLike<number>, rows: readonly number[],
) {
  const out = new Matrix(rows.length, X.cols);
  rows.forEach((i, r) => out.data.set(X.data.subarray(i * X.cols,
    (i + 1) * X.cols), r * X.cols));
  return { X: out, y: Float64Array.from(rows, (i) => y[i]) };
}

/** X with two columns appended: a standard normal one (a distinct
 *  value per row) and a fair coin, 0 or 1; neither relates to y. */
export function withNoiseFeatures(X: Matrix, seed: number): Matrix {
  checkMatrix('withNoiseFeatures', X);
  checkCount('withNoiseFeatures', 'seed', seed, 0);
  const rng = createRng(seed);
  const d = X.cols + 2;
  const out = new Matrix(X.rows, d);
  for (let i = 0; i < X.rows; i++) {
    out.data.set(X.data.subarray(i * X.cols, (i + 1) * X.cols), i * d);
    out.data[i * d + d - 2] = rng.normal();
    out.data[i * d + d - 1] = rng.int(0, 2);
  }
  return out;
}
