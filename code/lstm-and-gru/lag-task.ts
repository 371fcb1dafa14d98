// The long-lag task of the chapter, a one-number version of the adding
// problem (Hochreiter and Schmidhuber 1997, Experiment 4): each step
// reads [value, marker]. At step 0 the value is the bit to remember,
// −1 or +1, and the marker is 1; then `lag` steps of noise, values
// uniform on [−1, 1] with marker 0. After the last step the network
// must name the bit: it has to store one number and keep the noise
// that arrives on the same input out of it.
import { crossEntropy } from '../autodiff/fused.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { createRng, type Rng } from '../introduction/random.ts';
import { linear } from '../multilayer-perceptron/layers.ts';
import { zeroGrad } from '../multilayer-perceptron/train.ts';
import { adam } from '../neural-optimizers/optimizers.ts';
import { clipGradNorm } from '../neural-optimizers/clip.ts';
import type { RecurrentCell } from '../recurrent-networks/cell.ts';
import { unroll } from '../recurrent-networks/unroll.ts';
import { checkMarkedBatch, checkLagOptions } from './checks.ts';

// #region marked-batch
/** `batch` sequences of lag + 1 steps [value, marker], and the bits. */
export function markedBatch(lag: number, batch: number, rng: Rng) {
  checkMarkedBatch('markedBatch', lag, batch, rng);
  const y = new Int32Array(batch);
  const xs: Tensor[] = [];
  for (let t = 0; t <= lag; t++) {
    const x = new Float64Array(batch * 2);
    for (let b = 0; b < batch; b++) {
      if (t === 0) y[b] = rng.int(0, 2); // the bit to remember
      x[2 * b] = t === 0 ? 2 * y[b] - 1 : rng.uniform(-1, 1); // value
      x[2 * b + 1] = t === 0 ? 1 : 0; // the marker
    }
    xs.push(new Tensor(x, [batch, 2]));
  }
  return { xs, y };
}
// #endregion

// #region lag-train
export const LAG_TEST = 500; // test sequences after training
export const LAG_CLIP = 1; // gradient-norm clip

export interface LagOptions {
  lag: number; steps: number; batch: number; eta: number; seed: number;
}

/** Trains cell and a linear head on fresh batches with Adam (gradient
 *  norm clipped to LAG_CLIP); returns the accuracy on LAG_TEST new
 *  sequences. */
export function trainLagTask(cell: RecurrentCell, o: LagOptions): number {
  checkLagOptions('trainLagTask', cell, o);
  const rng = createRng(o.seed);
  const head = linear(cell.hiddenSize, 2, rng, 'xavier');
  const params = [...cell.parameters(), ...head.parameters()];
  const readout = (xs: Tensor[]) =>
    head.forward(unroll(cell, xs).outputs[o.lag]); // after the lag
  const step = adam();
  for (let s = 0; s < o.steps; s++) {
    const { xs, y } = markedBatch(o.lag, o.batch, rng);
    zeroGrad(params);
    crossEntropy(readout(xs), y).backward();
    clipGradNorm(params, LAG_CLIP);
    step(params, o.eta);
  }
  const test = markedBatch(o.lag, LAG_TEST, rng);
  const z = noGrad(() => readout(test.xs));
  let right = 0;
  for (let b = 0; b < LAG_TEST; b++) {
    const guess = z.data[2 * b + 1] > z.data[2 * b] ? 1 : 0;
    if (guess === test.y[b]) right++;
  }
  return right / LAG_TEST;
}
// #endregion
