// The character-level language model: a recurrent cell reads one-hot
// characters and a Linear head turns each h_t into logits over the next
// character, Eq. (rnn-lm). Its loss is the cross-entropy per character
// under teacher forcing (the true previous character is the input), and
// its perplexity is that loss exponentiated, Eq. (rnn-perplexity).
import { crossEntropy } from '../autodiff/fused.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { createRng, type Rng } from '../introduction/random.ts';
import { Linear, linear } from '../multilayer-perceptron/layers.ts';
import {
  sgdStep, zeroGrad, type StepRule,
} from '../multilayer-perceptron/train.ts';
import { clipGradNorm } from '../neural-optimizers/clip.ts';
import type { RecurrentCell } from './cell.ts';
import {
  checkCell, checkRng, checkSize, checkWordList,
} from './checks.ts';
import { END, VOCAB, encodeWord, oneHot } from './vocab.ts';

// #region model
/** A cell over one-hot characters and a head to the next one's logits. */
export class CharModel {
  readonly cell: RecurrentCell;
  readonly head: Linear;

  constructor(cell: RecurrentCell, head: Linear) {
    checkModel(cell, head);
    this.cell = cell;
    this.head = head;
  }

  parameters(): Tensor[] {
    return [...this.cell.parameters(), ...this.head.parameters()];
  }
}

/** A model around cell (inputSize 28) with a Xavier-initialized head. */
export function charModel(cell: RecurrentCell, rng: Rng): CharModel {
  checkCell('charModel', cell);
  checkRng('charModel', rng);
  return new CharModel(cell,
    linear(cell.hiddenSize, VOCAB.length, rng, 'xavier'));
}
// #endregion

// #region loss
/** Summed cross-entropy of a batch of words, and the number of
 *  characters it was summed over (each word's letters and its .). */
export function wordsLossSum(model: CharModel, words: readonly string[]) {
  checkModelArg('wordsLossSum', model);
  const enc = checkWords('wordsLossSum', words).map(encodeWord);
  let steps = 0;
  for (const e of enc) steps = Math.max(steps, e.inputs.length);
  let s = model.cell.initialState(enc.length);
  let sum: Tensor | null = null;
  let count = 0;
  for (let t = 0; t < steps; t++) {
    // A finished word reads . and its rows are left out of the loss.
    const ids = enc.map((e) => e.inputs[t] ?? END);
    const x = new Tensor(oneHot(ids), [ids.length, VOCAB.length]);
    s = model.cell.step(x, s);
    const live = enc.flatMap((e, i) => (t < e.targets.length ? [i] : []));
    const z = model.head.forward(s[0].gather(live));
    const ce = crossEntropy(z, live.map((i) => enc[i].targets[t]))
      .mul(live.length); // a sum over this step's characters
    sum = sum === null ? ce : sum.add(ce);
    count += live.length;
  }
  return { sum: sum as Tensor, count };
}
// #endregion

// #region loss-mean
/** Mean cross-entropy per character of a batch, Eq. (rnn-loss). */
export function wordsLoss(model: CharModel,
  words: readonly string[]): Tensor {
  const { sum, count } = wordsLossSum(model, words);
  return sum.mul(1 / count);
}
// #endregion

// #region perplexity
/** exp(mean cross-entropy per character) over all of words, in batches
 *  of 256, with no tape, Eq. (rnn-perplexity). */
export function perplexity(model: CharModel,
  words: readonly string[]): number {
  checkModelArg('perplexity', model);
  checkWords('perplexity', words);
  let total = 0, count = 0;
  noGrad(() => {
    for (let s = 0; s < words.length; s += 256) {
      const r = wordsLossSum(model, words.slice(s, s + 256));
      total += r.sum.data[0];
      count += r.count;
    }
  });
  return Math.exp(total / count);
}
// #endregion

// #region word-losses
/** Each word's summed cross-entropy (its letters and .) and its count
 *  of characters, with no tape: the units of a standard error. */
export function wordLosses(model: CharModel, words: readonly string[]) {
  checkModelArg('wordLosses', model);
  const enc = checkWords('wordLosses', words).map(encodeWord);
  const out = enc.map((e) => ({ loss: 0, count: e.targets.length }));
  const v = VOCAB.length;
  noGrad(() => {
    let s = model.cell.initialState(enc.length);
    for (let t = 0; out.some((o) => t < o.count); t++) {
      const ids = enc.map((e) => e.inputs[t] ?? END);
      s = model.cell.step(new Tensor(oneHot(ids), [ids.length, v]), s);
      const z = model.head.forward(s[0]).data;
      enc.forEach((e, i) => {
        if (t >= e.targets.length) return;
        let m = -Infinity, sum = 0; // −log softmax, shifted by the max
        for (let j = 0; j < v; j++) m = Math.max(m, z[i * v + j]);
        for (let j = 0; j < v; j++) sum += Math.exp(z[i * v + j] - m);
        out[i].loss += m + Math.log(sum) - z[i * v + e.targets[t]];
      });
    }
  });
  return out;
}
// #endregion

// #region train-options
export interface CharTrainOptions {
  epochs: number;
  batchSize: number;
  eta: number;
  seed: number;
  /** The update; sgdStep if not given. */
  step?: StepRule;
  /** Clip the global gradient norm to this, Eq. (no-clip). */
  clip?: number;
  /** Words whose perplexity is reported after each epoch. */
  valid?: readonly string[];
}
// #endregion

// #region train
/** Minibatch training with teacher forcing. Per epoch: the mean loss
 *  per character of the batches, the largest gradient norm seen before
 *  clipping, and the validation perplexity (NaN without valid). */
export function trainCharModel(model: CharModel,
  words: readonly string[], o: CharTrainOptions) {
  checkModelArg('trainCharModel', model);
  checkWords('trainCharModel', words);
  checkTrain(o);
  const params = model.parameters();
  const step = o.step ?? sgdStep;
  const rng = createRng(o.seed);
  const order = words.slice();
  const history = [];
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    rng.shuffle(order);
    let sum = 0, count = 0, maxNorm = 0;
    for (let s = 0; s < order.length; s += o.batchSize) {
      zeroGrad(params);
      const r = wordsLossSum(model, order.slice(s, s + o.batchSize));
      r.sum.mul(1 / r.count).backward();
      const norm = o.clip === undefined ? gradNorm(params)
        : clipGradNorm(params, o.clip);
      maxNorm = Math.max(maxNorm, norm);
      step(params, o.eta);
      sum += r.sum.data[0];
      count += r.count;
    }
    history.push({ epoch, trainLoss: sum / count, maxGradNorm: maxNorm,
      validPerplexity: o.valid ? perplexity(model, o.valid) : NaN });
  }
  return history;
}
// #endregion

/** The global norm of the gradients, Eq. (no-clip), unclipped. */
export function gradNorm(params: Tensor[]): number {
  if (!Array.isArray(params)) {
    throw new Error('gradNorm: params must be an array of Tensors');
  }
  let sq = 0;
  for (const p of new Set(params)) {
    if (!(p instanceof Tensor)) {
      throw new Error('gradNorm: params must be Tensors');
    }
    for (const g of p.grad ?? []) sq += g * g;
  }
  return Math.sqrt(sq);
}

function checkModel(cell: RecurrentCell, head: Linear): void {
  checkCell('CharModel', cell);
  if (cell.inputSize !== VOCAB.length) {
    throw new Error(`CharModel: the cell must read ${VOCAB.length} ` +
      `one-hot inputs, got inputSize ${cell.inputSize}`);
  }
  if (!(head instanceof Linear) ||
    head.W.shape[0] !== cell.hiddenSize ||
    head.W.shape[1] !== VOCAB.length) {
    throw new Error(`CharModel: head must be a Linear ` +
      `[${cell.hiddenSize}, ${VOCAB.length}]`);
  }
}

export function checkModelArg(fn: string, model: CharModel): void {
  if (!(model instanceof CharModel)) {
    throw new Error(`${fn}: model must be a CharModel`);
  }
}

function checkWords(fn: string, words: readonly string[]): string[] {
  return checkWordList(fn, words);
}

function checkTrain(o: CharTrainOptions): void {
  if (o === null || typeof o !== 'object') {
    throw new Error('trainCharModel: options must be an object');
  }
  checkSize('trainCharModel', 'epochs', o.epochs);
  checkSize('trainCharModel', 'batchSize', o.batchSize);
  if (typeof o.eta !== 'number' || !(o.eta > 0) || !isFinite(o.eta)) {
    throw new Error(`trainCharModel: eta must be a finite number > 0, ` +
      `got ${o.eta}`);
  }
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) {
    throw new Error(`trainCharModel: seed must be an integer >= 0, ` +
      `got ${o.seed}`);
  }
  if (o.clip !== undefined && (typeof o.clip !== 'number' ||
    !Number.isFinite(o.clip) || !(o.clip > 0))) {
    throw new Error(`trainCharModel: clip must be a finite number > 0, ` +
      `got ${o.clip}`);
  }
  if (o.valid !== undefined) checkWordList('trainCharModel', o.valid);
  if (o.step !== undefined && typeof o.step !== 'function') {
    throw new Error('trainCharModel: step must be a step rule');
  }
}
