// Truncated backpropagation through time: a long stream is cut into
// chunks of a few steps; the state is carried from one chunk to the
// next, but detached, so that each backward() stops at the chunk's
// start, Eq. (rnn-truncated).
import { crossEntropy } from '../autodiff/fused.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { zeroGrad, type StepRule } from '../multilayer-perceptron/train.ts';
import { clipGradNorm } from '../neural-optimizers/clip.ts';
import { type CharModel, checkModelArg } from './charlm.ts';
import { checkSize, checkWordList } from './checks.ts';
import { VOCAB, encodeWord, oneHot } from './vocab.ts';

// #region stream
/** The words as one stream of tokens: each word's letters, then the
 *  end token. */
export function wordStream(words: readonly string[]): Int32Array {
  checkWordList('wordStream', words);
  const out: number[] = [];
  for (const w of words) {
    for (const id of encodeWord(w).targets) out.push(id); // c₁…c_m .
  }
  return Int32Array.from(out);
}
// #endregion

// #region truncated
/** One pass over the stream, cut into `batch` rows read in parallel
 *  and chunks of `chunk` steps. detach = false shows the pitfall: the
 *  second backward() reaches the freed graph of the first chunk. */
export function truncatedEpoch(model: CharModel, stream: Int32Array,
  o: { batch: number; chunk: number; eta: number; step: StepRule;
    clip?: number; detach?: boolean }): number {
  const cols = checkTruncated(model, stream, o);
  const params = model.parameters();
  const at = (r: number, c: number) => stream[r * cols + c];
  const rows = Array.from({ length: o.batch }, (_, r) => r);
  let state = model.cell.initialState(o.batch);
  let sum = 0, count = 0;
  for (let s = 0; s + 1 < cols; s += o.chunk) {
    const K = Math.min(o.chunk, cols - 1 - s); // the last may be short
    zeroGrad(params);
    let loss: Tensor | null = null;
    for (let t = s; t < s + K; t++) {
      const x = oneHot(rows.map((r) => at(r, t)));
      state = model.cell.step(new Tensor(x, [o.batch, VOCAB.length]),
        state);
      const ce = crossEntropy(model.head.forward(state[0]),
        rows.map((r) => at(r, t + 1)));
      loss = loss === null ? ce : loss.add(ce);
    }
    (loss as Tensor).mul(1 / K).backward();
    if (o.clip !== undefined) clipGradNorm(params, o.clip);
    o.step(params, o.eta);
    sum += (loss as Tensor).data[0];
    count += K;
    if (o.detach ?? true) state = state.map((h) => h.detach());
  }
  return sum / count; // mean cross-entropy per character
}
// #endregion

function checkTruncated(model: CharModel, stream: Int32Array,
  o: { batch: number; chunk: number; eta: number; step: StepRule;
    clip?: number; detach?: boolean }): number {
  checkModelArg('truncatedEpoch', model);
  if (o === null || typeof o !== 'object') {
    throw new Error('truncatedEpoch: options must be an object');
  }
  checkSize('truncatedEpoch', 'batch', o.batch);
  checkSize('truncatedEpoch', 'chunk', o.chunk);
  if (!(stream instanceof Int32Array) ||
    stream.some((id) => id < 0 || id >= VOCAB.length)) {
    throw new Error('truncatedEpoch: stream must be an Int32Array of ' +
      `token ids in [0, ${VOCAB.length - 1}]`);
  }
  const cols = Math.floor(stream.length / o.batch);
  if (cols < 2) {
    throw new Error(`truncatedEpoch: a stream of ${stream.length} ` +
      `tokens is too short for ${o.batch} rows`);
  }
  if (typeof o.eta !== 'number' || !Number.isFinite(o.eta) ||
    !(o.eta > 0)) {
    throw new Error(`truncatedEpoch: eta must be a finite number > 0, ` +
      `got ${o.eta}`);
  }
  if (typeof o.step !== 'function') {
    throw new Error('truncatedEpoch: step must be a step rule');
  }
  if (o.clip !== undefined && (typeof o.clip !== 'number' ||
    !Number.isFinite(o.clip) || !(o.clip > 0))) {
    throw new Error(`truncatedEpoch: clip must be a finite number > 0, ` +
      `got ${o.clip}`);
  }
  return cols;
}
