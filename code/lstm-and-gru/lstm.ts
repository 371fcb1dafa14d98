// The LSTM cell in PyTorch's form: four gates computed in one product,
// in torch's order i, f, g, o, with both of torch's biases and torch's
// shapes (W_ih [4H, d], W_hh [4H, H]). The state is two tensors,
// [h, c]; h is what the next layer and the output read.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { columns } from './columns.ts';
import { checkCellSizes, checkStep, zeroState } from './checks.ts';
import { GatedCell } from './gated-cell.ts';

// #region lstm-step
/** One step of the LSTM, Eqs. (lg-gates) to (lg-h). */
export class LSTMCell extends GatedCell {
  declare readonly Wih: Tensor; // [4H, d]: row blocks i, f, g, o
  declare readonly Whh: Tensor; // [4H, H]: the same blocks
  declare readonly bih: Tensor; // [4H]
  declare readonly bhh: Tensor; // [4H]

  step(x: Tensor, state: Tensor[]): Tensor[] {
    const [h, c] = checkStep('LSTMCell.step', this, x, state, 2);
    const H = this.hiddenSize;
    const a = x.matmul(this.Wih.transpose()).add(this.bih) // [B, 4H]
      .add(h.matmul(this.Whh.transpose())).add(this.bhh);
    const i = columns(a, 0, H).sigmoid(); // Eq. (lg-gates)
    const f = columns(a, H, H).sigmoid();
    const g = columns(a, 2 * H, H).tanh();
    const o = columns(a, 3 * H, H).sigmoid();
    const cNext = f.mul(c).add(i.mul(g)); // Eq. (lg-c)
    return [o.mul(cNext.tanh()), cNext]; // Eq. (lg-h)
  }
  // #endregion

  constructor(Wih: Tensor, Whh: Tensor, bih: Tensor, bhh: Tensor) {
    super('LSTMCell', 4, Wih, Whh, bih, bhh);
  }

  initialState(batch: number): Tensor[] {
    const z = () => zeroState('LSTMCell.initialState', batch,
      this.hiddenSize);
    return [z(), z()]; // h₀ = c₀ = 0
  }
}

// #region lstm-init
/** An LSTM cell with torch's initialization, every weight and bias
 *  uniform on ±1/√H. With forgetBias, b_ih's forget block is set to
 *  it and b_hh's to 0: the forget gate starts near σ(forgetBias). */
export function lstmCell(d: number, H: number, rng: Rng,
  forgetBias?: number): LSTMCell {
  checkCellSizes('lstmCell', d, H, rng, forgetBias);
  const k = 1 / Math.sqrt(H);
  const u = (n: number) => rng.uniformArray(n, -k, k);
  const Wih = u(4 * H * d), Whh = u(4 * H * H);
  const bih = u(4 * H), bhh = u(4 * H);
  if (forgetBias !== undefined) {
    bih.fill(forgetBias, H, 2 * H); // entries H … 2H − 1: block f
    bhh.fill(0, H, 2 * H);
  }
  return new LSTMCell(new Tensor(Wih, [4 * H, d], true),
    new Tensor(Whh, [4 * H, H], true),
    new Tensor(bih, [4 * H], true), new Tensor(bhh, [4 * H], true));
}
// #endregion
