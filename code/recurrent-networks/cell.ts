// The recurrent cell contract of Part VII, and the Elman cell that
// implements it. A cell maps one time step's input batch and the state
// carried from the step before to the new state; state[0] is always the
// hidden vector h_t that the layers above read. The state is an array
// so that an LSTM can carry (h, c) through the same unrolling code.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import {
  checkRng, checkRows, checkSize, checkState,
} from './checks.ts';

// #region cell
/** One step of a recurrent network, on a batch (one sequence a row). */
export interface RecurrentCell {
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** The state before the first step: zeros, no gradient. */
  initialState(batch: number): Tensor[];
  /** x: [batch, inputSize]; state and the result: [batch, hidden]
   *  tensors, result[0] the new hidden vector h_t. */
  step(x: Tensor, state: Tensor[]): Tensor[];
  parameters(): Tensor[];
}
// #endregion

// #region elman
/** h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), Eq. (rnn-elman),
 *  with torch.nn.RNN's shapes: W_ih [hidden, input], W_hh [hidden,
 *  hidden]. A batch holds x_t and h_t as rows, so it multiplies by Wᵀ. */
export class ElmanCell implements RecurrentCell {
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly Wih: Tensor;
  readonly bih: Tensor;
  readonly Whh: Tensor;
  readonly bhh: Tensor;

  constructor(Wih: Tensor, bih: Tensor, Whh: Tensor, bhh: Tensor) {
    [this.hiddenSize, this.inputSize] = checkElman(Wih, bih, Whh, bhh);
    this.Wih = Wih;
    this.bih = bih;
    this.Whh = Whh;
    this.bhh = bhh;
  }
  // #endregion

  // #region elman-step
  initialState(batch: number): Tensor[] {
    checkSize('ElmanCell.initialState', 'batch', batch);
    const n = batch * this.hiddenSize;
    return [new Tensor(new Float64Array(n), [batch, this.hiddenSize])];
  }

  step(x: Tensor, state: Tensor[]): Tensor[] {
    const n = checkRows('ElmanCell.step', 'x', x, this.inputSize);
    checkState('ElmanCell.step', state, n, this.hiddenSize);
    const a = x.matmul(this.Wih.transpose()).add(this.bih)
      .add(state[0].matmul(this.Whh.transpose())).add(this.bhh);
    return [a.tanh()];
  }

  parameters(): Tensor[] {
    return [this.Wih, this.bih, this.Whh, this.bhh];
  }
}
// #endregion

// #region elman-init
/** An Elman cell initialized as torch.nn.RNN: every weight and bias
 *  uniform on ±1/√hidden. */
export function elman(inputSize: number, hiddenSize: number,
  rng: Rng): ElmanCell {
  checkSize('elman', 'inputSize', inputSize);
  checkSize('elman', 'hiddenSize', hiddenSize);
  checkRng('elman', rng);
  const k = 1 / Math.sqrt(hiddenSize);
  const u = (shape: number[]) => new Tensor(
    rng.uniformArray(shape.reduce((a, b) => a * b), -k, k), shape, true);
  return new ElmanCell(u([hiddenSize, inputSize]), u([hiddenSize]),
    u([hiddenSize, hiddenSize]), u([hiddenSize]));
}
// #endregion

function checkElman(Wih: Tensor, bih: Tensor, Whh: Tensor, bhh: Tensor) {
  const all = [Wih, bih, Whh, bhh];
  if (!all.every((t) => t instanceof Tensor && t.requiresGrad)) {
    throw new Error('ElmanCell: Wih, bih, Whh and bhh must be Tensors ' +
      'with requiresGrad = true');
  }
  if (Wih.shape.length !== 2) {
    throw new Error('ElmanCell: Wih must be 2-D [hidden, input]');
  }
  const [h, d] = Wih.shape;
  const ok = Whh.shape.length === 2 && Whh.shape[0] === h &&
    Whh.shape[1] === h && bih.shape.length === 1 && bih.shape[0] === h &&
    bhh.shape.length === 1 && bhh.shape[0] === h;
  if (!ok) {
    throw new Error(`ElmanCell: expected Whh [${h}, ${h}], bih and bhh ` +
      `[${h}] for Wih [${h}, ${d}]`);
  }
  return [h, d];
}
