// @unshown: what the LSTM and the GRU cells share (torch's four weight
// tensors, checked, their sizes and the parameter list); the chapter
// shows each cell's step.
import { Tensor } from '../autodiff/tensor.ts';
import type { RecurrentCell } from '../recurrent-networks/cell.ts';
import { checkCellWeights } from './checks.ts';

/** A recurrent cell in torch's form with G gates: W_ih [GH, d],
 *  W_hh [GH, H] and the biases b_ih, b_hh [GH]. */
export abstract class GatedCell implements RecurrentCell {
  readonly Wih: Tensor;
  readonly Whh: Tensor;
  readonly bih: Tensor;
  readonly bhh: Tensor;

  /** fn: the subclass's name, which the weight checks' errors carry. */
  constructor(fn: string, G: number, Wih: Tensor, Whh: Tensor,
    bih: Tensor, bhh: Tensor) {
    checkCellWeights(fn, Wih, Whh, bih, bhh, G);
    this.Wih = Wih; this.Whh = Whh; this.bih = bih; this.bhh = bhh;
  }

  get inputSize(): number {
    return this.Wih.shape[1];
  }

  get hiddenSize(): number {
    return this.Whh.shape[1];
  }

  parameters(): Tensor[] {
    return [this.Wih, this.Whh, this.bih, this.bhh];
  }

  abstract initialState(batch: number): Tensor[];
  abstract step(x: Tensor, state: Tensor[]): Tensor[];
}
