// Exercise solution: a bidirectional layer. One cell reads the sequence
// forward, another backward; the output at step t joins the forward
// state (the past) and the backward state (the future) side by side.
import { Tensor } from '../../autodiff/tensor.ts';
import type { RecurrentCell } from '../cell.ts';
import { unroll } from '../unroll.ts';
import { checkCell, checkSequence } from '../checks.ts';

// #region bidirectional
/** [h→_t, h←_t] for each t: [batch, 2H], the backward cell run over
 *  the reversed sequence and its outputs reversed back. */
export function bidirectional(fwd: RecurrentCell, bwd: RecurrentCell,
  xs: Tensor[]): Tensor[] {
  checkBidirectional(fwd, bwd, xs);
  const f = unroll(fwd, xs).outputs;
  const b = unroll(bwd, xs.slice().reverse()).outputs.reverse();
  return f.map((h, t) => concatColumns(h, b[t]));
}

/** [A B] = A [I 0] + B [0 I]: a concatenation the engine can
 *  differentiate, from matmul and add. */
export function concatColumns(a: Tensor, b: Tensor): Tensor {
  const k = checkConcat(a, b);
  const n = b.shape[1];
  const left = new Float64Array(k * (k + n));
  const right = new Float64Array(n * (k + n));
  for (let i = 0; i < k; i++) left[i * (k + n) + i] = 1;
  for (let i = 0; i < n; i++) right[i * (k + n) + k + i] = 1;
  return a.matmul(new Tensor(left, [k, k + n]))
    .add(b.matmul(new Tensor(right, [n, k + n])));
}
// #endregion

function checkBidirectional(fwd: RecurrentCell, bwd: RecurrentCell,
  xs: Tensor[]) {
  checkCell('bidirectional', fwd);
  checkCell('bidirectional', bwd);
  if (fwd.inputSize !== bwd.inputSize) {
    throw new Error('bidirectional: fwd and bwd must read the same ' +
      `inputs, got ${fwd.inputSize} and ${bwd.inputSize}`);
  }
  checkSequence('bidirectional', xs, fwd.inputSize);
}

function checkConcat(a: Tensor, b: Tensor): number {
  if (!(a instanceof Tensor) || !(b instanceof Tensor) ||
    a.shape.length !== 2 || b.shape.length !== 2 ||
    a.shape[0] !== b.shape[0]) {
    throw new Error('concatColumns: a and b must be 2-D Tensors with ' +
      'the same number of rows');
  }
  return a.shape[1];
}
