// The GRU cell in PyTorch's form: gates r, z and the candidate n, in
// torch's order, with both biases; the reset gate multiplies the
// recurrent product after its bias b_hn, not h before the product.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { RecurrentCell } from './cell.ts';
import { columns } from './columns.ts';
import {
  checkCellSizes, checkCellWeights, checkStep, zeroState,
} from './checks.ts';

// #region gru-step
/** One step of the GRU, Eqs. (lg-gru-gates) to (lg-gru-h). */
export class GRUCell implements RecurrentCell {
  readonly Wx: Tensor; // [d, 3H]: x's weights, blocks r | z | n
  readonly Wh: Tensor; // [H, 3H]: h's weights, same blocks
  readonly bx: Tensor; // [3H]  b_ih
  readonly bh: Tensor; // [3H]  b_hh

  constructor(Wx: Tensor, Wh: Tensor, bx: Tensor, bh: Tensor) {
    checkCellWeights('GRUCell', Wx, Wh, bx, bh, 3);
    this.Wx = Wx; this.Wh = Wh; this.bx = bx; this.bh = bh;
  }

  step(x: Tensor, state: Tensor[]): Tensor[] {
    const [h] = checkStep('GRUCell.step', this, x, state, 1);
    const H = this.hiddenSize;
    const ax = x.matmul(this.Wx).add(this.bx); // kept apart: n needs
    const ah = h.matmul(this.Wh).add(this.bh); // W_hn h + b_hn alone
    const r = columns(ax, 0, H).add(columns(ah, 0, H)).sigmoid();
    const z = columns(ax, H, H).add(columns(ah, H, H)).sigmoid();
    const n = columns(ax, 2 * H, H) // Eq. (lg-gru-n)
      .add(r.mul(columns(ah, 2 * H, H))).tanh();
    return [n.add(z.mul(h.sub(n)))]; // (1 − z) n + z h, Eq. (lg-gru-h)
  }
  // #endregion

  get hiddenSize(): number {
    return this.Wh.shape[0];
  }

  initialState(batch: number): Tensor[] {
    return [zeroState('GRUCell.initialState', batch, this.hiddenSize)];
  }

  parameters(): Tensor[] {
    return [this.Wx, this.Wh, this.bx, this.bh];
  }
}

/** A GRU cell with torch's initialization: every weight and bias
 *  uniform on ±1/√H. */
export function gruCell(d: number, H: number, rng: Rng): GRUCell {
  checkCellSizes('gruCell', d, H, rng);
  const k = 1 / Math.sqrt(H);
  const u = (n: number) => rng.uniformArray(n, -k, k);
  return new GRUCell(new Tensor(u(d * 3 * H), [d, 3 * H], true),
    new Tensor(u(H * 3 * H), [H, 3 * H], true),
    new Tensor(u(3 * H), [3 * H], true),
    new Tensor(u(3 * H), [3 * H], true));
}
