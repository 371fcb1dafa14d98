// Small helpers shared by the chapters' test files (not a test file).
import { norm, subVec } from '../code/linear-algebra/matrix.ts';

/** ‖a − e‖ / ‖e‖: the normwise relative error of a vector. */
export function normwiseError(
  a: ArrayLike<number>,
  e: ArrayLike<number>,
): number {
  const ev = Float64Array.from(e);
  return norm(subVec(Float64Array.from(a), ev)) / norm(ev);
}
