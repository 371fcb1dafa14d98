// Loading weights written by torch.nn.LSTM / torch.nn.GRU. torch keeps
// weight_ih_l{k} as [gates·H, d] and multiplies W x; the book's cells
// multiply a batch of rows, x W, so each weight is transposed. The gate
// blocks are already in torch's order (i, f, g, o; r, z, n).
import { Tensor } from '../autodiff/tensor.ts';
import { GRUCell } from './gru.ts';
import { LSTMCell } from './lstm.ts';
import { checkTorchWeights } from './checks.ts';

// #region from-torch
/** Layer `layer` of a torch LSTM or GRU as one of the book's cells. */
export function fromTorch(kind: 'lstm' | 'gru', d: number, H: number,
  weights: Record<string, ArrayLike<number>>, layer = 0) {
  checkTorchWeights('fromTorch', kind, d, H, weights, layer);
  const G = kind === 'lstm' ? 4 : 3; // gate blocks
  const w = (name: string) => weights[`${name}_l${layer}`];
  const Wx = transposed(w('weight_ih'), G * H, d); // [d, G·H]
  const Wh = transposed(w('weight_hh'), G * H, H); // [H, G·H]
  const bx = new Tensor(Float64Array.from(w('bias_ih')), [G * H], true);
  const bh = new Tensor(Float64Array.from(w('bias_hh')), [G * H], true);
  return kind === 'lstm' ? new LSTMCell(Wx, Wh, bx, bh)
    : new GRUCell(Wx, Wh, bx, bh);
}

/** A row-major [rows, cols] array as a [cols, rows] leaf tensor. */
function transposed(a: ArrayLike<number>, rows: number, cols: number) {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  }
  return new Tensor(out, [cols, rows], true);
}
// #endregion
