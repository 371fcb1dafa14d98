// Counting a classifier's hits and misses over K classes.
import { Matrix } from '../linear-algebra/matrix.ts';

/** K undefined: any labels 0, 1, 2, ... (accuracy needs no K). */
function checkPair(
  fn: string,
  y: Int32Array,
  yHat: Int32Array,
  K?: number,
) {
  if (!(y instanceof Int32Array) || !(yHat instanceof Int32Array) ||
    y.length !== yHat.length || y.length === 0) {
    throw new Error(`${fn}: expected y and yHat as Int32Arrays of one ` +
      `non-zero length, got ${y?.length} and ${yHat?.length}`);
  }
  if (K !== undefined && (!Number.isInteger(K) || K < 2)) {
    throw new Error(`${fn}: expected K >= 2 classes, got K = ${K}`);
  }
  const top = K ?? Infinity;
  const range = K === undefined ? '0, 1, 2, ...' : `0..${top - 1}`;
  for (const [name, v] of [['y', y], ['yHat', yHat]] as const) {
    const i = v.findIndex((k) => k < 0 || k >= top);
    if (i >= 0) {
      throw new Error(`${fn}: ${name}[${i}] = ${v[i]} is not in ${range}`);
    }
  }
}

// #region confusion
/** C_kc = number of samples of class k predicted as class c. */
export function confusionMatrix(
  y: Int32Array,
  yHat: Int32Array,
  K: number,
): Matrix {
  checkPair('confusionMatrix', y, yHat, K);
  const C = new Matrix(K, K);
  for (let i = 0; i < y.length; i++) C.data[y[i] * K + yHat[i]] += 1;
  return C;
}

/** The fraction of samples with yHat_i = y_i: trace(C) / n. */
export function accuracyOf(y: Int32Array, yHat: Int32Array): number {
  checkPair('accuracyOf', y, yHat); // any labels 0, 1, 2, ...
  let hits = 0;
  for (let i = 0; i < y.length; i++) hits += y[i] === yHat[i] ? 1 : 0;
  return hits / y.length;
}
// #endregion
