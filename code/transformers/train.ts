// Training a decoder: next-token cross-entropy over the positions that
// have a target (a target of −1 is padding, left out, as torch's
// ignore_index), minibatches drawn in a seeded order, Adam by default.
import { crossEntropy } from '../autodiff/fused.ts';
import type { Tensor } from '../autodiff/tensor.ts';
import { createRng } from '../introduction/random.ts';
import {
  type StepRule, zeroGrad,
} from '../multilayer-perceptron/train.ts';
import { clipGradNorm } from '../neural-optimizers/clip.ts';
import { adam } from '../neural-optimizers/optimizers.ts';
import type { Decoder } from './decoder.ts';
import {
  checkDecoder, checkExamples, checkTrainOptions,
} from './checks.ts';

/** One sequence: input ids and, per position, the next id (or −1). */
export interface Example {
  inputs: ArrayLike<number>;
  targets: ArrayLike<number>;
}

// #region seq-loss
/** Mean cross-entropy over the live positions of a batch of examples
 *  padded to one length (inputs with 0, targets with −1). */
export function sequenceLoss(model: Decoder,
  batch: readonly Example[]): Tensor {
  checkDecoder('sequenceLoss', model);
  const { tokens, targets } = padBatch(batch);
  const z = model.forward(tokens); // [B, T, V]
  const V = z.shape[2];
  const live: number[] = [], y: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    if (targets[i] >= 0) { live.push(i); y.push(targets[i]); }
  }
  return crossEntropy(z.reshape([z.size / V, V]).gather(live), y);
}
// #endregion

/** The examples as B rows of T = the longest length, padded. */
export function padBatch(batch: readonly Example[]) {
  const T = checkExamples('padBatch', batch);
  const tokens = batch.map((e) => {
    const row = new Int32Array(T);
    row.set(Array.from(e.inputs));
    return row;
  });
  const targets = new Int32Array(batch.length * T).fill(-1);
  batch.forEach((e, b) => targets.set(Array.from(e.targets), b * T));
  return { tokens, targets };
}

// #region train
export interface DecoderTrainOptions {
  steps: number; batchSize: number; eta: number; seed: number;
  /** The update (adam() if not given); wrap it in withSchedule for
   *  warmup. */
  step?: StepRule;
  /** Clip the global gradient norm to this, Eq. (no-clip). */
  clip?: number;
}

/** Minibatch training; returns each step's training loss. */
export function trainDecoder(model: Decoder, data: readonly Example[],
  o: DecoderTrainOptions): number[] {
  checkDecoder('trainDecoder', model);
  checkExamples('trainDecoder', data);
  checkTrainOptions('trainDecoder', o);
  const params = model.parameters();
  const step = o.step ?? adam();
  const rng = createRng(o.seed);
  const losses: number[] = [];
  let batches: number[][] = [];
  for (let k = 0; k < o.steps; k++) {
    if (batches.length === 0) batches = epoch(data, o.batchSize, rng);
    const batch = (batches.pop() as number[]).map((i) => data[i]);
    zeroGrad(params);
    const loss = sequenceLoss(model, batch);
    loss.backward();
    if (o.clip !== undefined) clipGradNorm(params, o.clip);
    step(params, o.eta);
    losses.push(loss.data[0]);
  }
  return losses;
}

/** One epoch's batches: a seeded shuffle, then sorted by length within
 *  windows of 8 batches (a batch pads to its longest), in random order. */
function epoch(data: readonly Example[], size: number,
  rng: ReturnType<typeof createRng>): number[][] {
  const order = rng.shuffle(Array.from(data, (_, i) => i));
  const out: number[][] = [];
  for (let w = 0; w < order.length; w += 8 * size) {
    const win = order.slice(w, w + 8 * size)
      .sort((a, b) => data[a].inputs.length - data[b].inputs.length);
    for (let s = 0; s < win.length; s += size) {
      out.push(win.slice(s, s + size));
    }
  }
  return rng.shuffle(out);
}
// #endregion
