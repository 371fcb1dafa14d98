// The LSTM cell in PyTorch's form: four gates computed in one product,
// in torch's order i, f, g, o, with both of torch's biases. The state
// is two tensors, [h, c]; h is what the next layer and the output see.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { RecurrentCell } from './cell.ts';
import { columns } from './columns.ts';
import {
  checkCellSizes, checkCellWeights, checkStep, zeroState,
} from './checks.ts';

// #region lstm-step
/** One step of the LSTM, Eqs. (lg-gates) to (lg-h). */
export class LSTMCell implements RecurrentCell {
  readonly Wx: Tensor; // [d, 4H]: x's weights, blocks i | f | g | o
  readonly Wh: Tensor; // [H, 4H]: h's weights, same blocks
  readonly bx: Tensor; // [4H]  b_ih
  readonly bh: Tensor; // [4H]  b_hh

  constructor(Wx: Tensor, Wh: Tensor, bx: Tensor, bh: Tensor) {
    checkCellWeights('LSTMCell', Wx, Wh, bx, bh, 4);
    this.Wx = Wx; this.Wh = Wh; this.bx = bx; this.bh = bh;
  }

  step(x: Tensor, state: Tensor[]): Tensor[] {
    const [h, c] = checkStep('LSTMCell.step', this, x, state, 2);
    const H = this.hiddenSize;
    const a = x.matmul(this.Wx).add(this.bx) // Eq. (lg-gates)
      .add(h.matmul(this.Wh)).add(this.bh);
    const i = columns(a, 0, H).sigmoid();
    const f = columns(a, H, H).sigmoid();
    const g = columns(a, 2 * H, H).tanh();
    const o = columns(a, 3 * H, H).sigmoid();
    const cNext = f.mul(c).add(i.mul(g)); // Eq. (lg-c)
    const hNext = o.mul(cNext.tanh()); // Eq. (lg-h)
    return [hNext, cNext];
  }
  // #endregion

  get hiddenSize(): number {
    return this.Wh.shape[0];
  }

  initialState(batch: number): Tensor[] {
    const z = zeroState('LSTMCell.initialState', batch, this.hiddenSize);
    return [z, z]; // h₀ = c₀ = 0
  }

  parameters(): Tensor[] {
    return [this.Wx, this.Wh, this.bx, this.bh];
  }
}

// #region lstm-init
/** An LSTM cell with torch's initialization, every weight and bias
 *  uniform on ±1/√H; forgetBias, if given, replaces b_ih's forget
 *  block and zeros b_hh's, so the forget gate starts at σ(forgetBias). */
export function lstmCell(d: number, H: number, rng: Rng,
  forgetBias?: number): LSTMCell {
  checkCellSizes('lstmCell', d, H, rng, forgetBias);
  const k = 1 / Math.sqrt(H);
  const u = (n: number) => rng.uniformArray(n, -k, k);
  const bx = u(4 * H), bh = u(4 * H);
  if (forgetBias !== undefined) {
    bx.fill(forgetBias, H, 2 * H); // block f
    bh.fill(0, H, 2 * H);
  }
  return new LSTMCell(new Tensor(u(d * 4 * H), [d, 4 * H], true),
    new Tensor(u(H * 4 * H), [H, 4 * H], true),
    new Tensor(bx, [4 * H], true), new Tensor(bh, [4 * H], true));
}
// #endregion
