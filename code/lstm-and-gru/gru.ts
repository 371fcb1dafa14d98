// The GRU cell in PyTorch's form: the reset gate r, the update gate z
// and the candidate n, in torch's order, with both biases and torch's
// shapes. The reset gate multiplies W_hn h + b_hn, after the product,
// not h before it as in Cho et al. (2014).
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { columns } from './columns.ts';
import { checkCellSizes, checkStep, zeroState } from './checks.ts';
import { GatedCell } from './gated-cell.ts';

// #region gru-step
/** One step of the GRU, Eqs. (lg-gru-gates) to (lg-gru-h). */
export class GRUCell extends GatedCell {
  declare readonly Wih: Tensor; // [3H, d]: row blocks r, z, n
  declare readonly Whh: Tensor; // [3H, H]: the same blocks
  declare readonly bih: Tensor; // [3H]
  declare readonly bhh: Tensor; // [3H]

  step(x: Tensor, state: Tensor[]): Tensor[] {
    const [h] = checkStep('GRUCell.step', this, x, state, 1);
    const H = this.hiddenSize;
    const ax = x.matmul(this.Wih.transpose()).add(this.bih); // apart:
    const ah = h.matmul(this.Whh.transpose()).add(this.bhh); // n needs
    const r = columns(ax, 0, H).add(columns(ah, 0, H)).sigmoid();
    const z = columns(ax, H, H).add(columns(ah, H, H)).sigmoid();
    const n = columns(ax, 2 * H, H) // Eq. (lg-gru-n)
      .add(r.mul(columns(ah, 2 * H, H))).tanh(); // r ⊙ (W_hn h + b_hn)
    return [n.add(z.mul(h.sub(n)))]; // (1 − z) n + z h, Eq. (lg-gru-h)
  }
  // #endregion

  constructor(Wih: Tensor, Whh: Tensor, bih: Tensor, bhh: Tensor) {
    super('GRUCell', 3, Wih, Whh, bih, bhh);
  }

  initialState(batch: number): Tensor[] {
    return [zeroState('GRUCell.initialState', batch, this.hiddenSize)];
  }
}

/** A GRU cell with torch's initialization: every weight and bias
 *  uniform on ±1/√H. */
export function gruCell(d: number, H: number, rng: Rng): GRUCell {
  checkCellSizes('gruCell', d, H, rng);
  const k = 1 / Math.sqrt(H);
  const u = (shape: number[]) => new Tensor(
    rng.uniformArray(shape[0] * (shape[1] ?? 1), -k, k), shape, true);
  return new GRUCell(u([3 * H, d]), u([3 * H, H]), u([3 * H]),
    u([3 * H]));
}
