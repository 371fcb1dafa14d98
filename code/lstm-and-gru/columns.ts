// One fused op the recurrent cells need and the engine lacks: a block
// of columns of a 2-D tensor. The cells compute all their gates in one
// product, [B, 4H] for the LSTM, and then cut it into the gates.
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';
import { checkColumns } from './checks.ts';

// #region columns
/** Columns start … start + width − 1 of t, as a [rows, width] tensor;
 *  the backward pass adds g back into those columns. */
export function columns(t: Tensor, start: number, width: number): Tensor {
  const [rows, cols] = checkColumns('columns', t, start, width);
  const out = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < width; j++) {
      out[i * width + j] = t.data[i * cols + start + j];
    }
  }
  return record('columns', out, [rows, width], [t], (g) => {
    const gt = gradOf(t) as Float64Array;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < width; j++) {
        gt[i * cols + start + j] += g[i * width + j];
      }
    }
  });
}
// #endregion
