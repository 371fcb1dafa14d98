// Exercise solution: weights stored with the gate blocks in another
// library's order (ONNX keeps the LSTM's as i, o, f, c), moved into
// torch's order (i, f, g, o, where g is ONNX's c) before loading.
import { checkReorder } from '../checks.ts';

// #region reorder
/** Rows of `w` ([blocks·H, cols], row-major) with its H-row blocks
 *  moved from the order named by `from` to the order named by `to`
 *  (one letter a block, e.g. 'iofc' to 'ifco'). */
export function reorderGates(w: ArrayLike<number>, H: number,
  from: string, to: string): Float64Array {
  const cols = checkReorder('reorderGates', w, H, from, to);
  const out = new Float64Array(w.length);
  const size = H * cols; // numbers in one block
  for (let k = 0; k < to.length; k++) {
    const src = from.indexOf(to[k]); // where block to[k] sits now
    for (let q = 0; q < size; q++) out[k * size + q] = w[src * size + q];
  }
  return out;
}
// #endregion
