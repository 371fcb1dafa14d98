// Exercise solution: the GRU of Cho et al. (2014), with the reset gate
// applied to h before the recurrent product, Eq. (lg-gru-cho), on the
// weights of a torch-form GRUCell.
import type { Tensor } from '../../autodiff/tensor.ts';
import { columns } from '../columns.ts';
import type { GRUCell } from '../gru.ts';
import { checkStep } from '../checks.ts';

// #region cho
/** One step of Cho et al.'s GRU: n = tanh(W_in x + b_in
 *  + W_hn (r ⊙ h) + b_hn); r, z and h_t as in torch's form. */
export function choGruStep(cell: GRUCell, x: Tensor,
  state: Tensor[]): Tensor[] {
  const [h] = checkStep('choGruStep', cell, x, state, 1);
  const H = cell.hiddenSize;
  const WhT = cell.Whh.transpose(); // [H, 3H]
  const ax = x.matmul(cell.Wih.transpose()).add(cell.bih);
  const ah = h.matmul(WhT).add(cell.bhh);
  const r = columns(ax, 0, H).add(columns(ah, 0, H)).sigmoid();
  const z = columns(ax, H, H).add(columns(ah, H, H)).sigmoid();
  const bhn = columns(cell.bhh.reshape([1, 3 * H]), 2 * H, H);
  const n = columns(ax, 2 * H, H)
    .add(r.mul(h).matmul(columns(WhT, 2 * H, H))).add(bhn).tanh();
  return [n.add(z.mul(h.sub(n)))];
}
// #endregion
