// Training: the parameter contract (zero the gradients, one backward,
// then update the numbers in place), minibatch SGD with a seeded
// shuffle, and evaluation under noGrad. Every later chapter of Part VII
// trains through these functions or replaces only `sgdStep`.
import { createRng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { crossEntropy } from '../autodiff/fused.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import type { Layer } from './layers.ts';
import {
  checkBatch, checkData, checkFit, checkParams, checkStep,
  checkTrainStep, withModel,
} from './checks.ts';
import { calledAs } from '../introduction/checks.ts';

// #region step
/** Forgets the gradients of the last step: grad = null (zeros). */
export function zeroGrad(params: Tensor[]): void {
  checkParams('zeroGrad', params);
  for (const p of params) p.grad = null;
}

/** θ ← θ − η ∇θ L, in place, after backward(), Eq. (mlp-sgd). A
 *  tensor listed twice (shared weights) is updated once. */
export function sgdStep(params: Tensor[], eta: number): void {
  checkStep('sgdStep', params, eta);
  for (const p of new Set(params)) {
    const g = p.grad as Float64Array;
    for (let i = 0; i < p.size; i++) p.data[i] -= eta * g[i];
  }
}
// #endregion

// #region train-step
/** What an optimizer supplies: update p.data from p.grad, in place. */
export type StepRule = (params: Tensor[], eta: number) => void;

/** One minibatch: forward, loss, backward, update (sgdStep unless
 *  another rule is given). Returns the loss and how many rows the
 *  model (before the update) got right. */
export function trainStep(model: Layer, X: Tensor, y: Int32Array,
  eta: number, step: StepRule = sgdStep) {
  const params = checkTrainStep(model, X, y, eta, step);
  zeroGrad(params);
  const z = withModel('trainStep', () => model.forward(X));
  const loss = withModel('trainStep', () => crossEntropy(z, y));
  loss.backward(); // the tape is freed here
  step(params, eta); // only now may p.data change
  return { loss: loss.data[0], correct: countCorrect(z, y) };
}
// #endregion

// #region batches
/** Rows idx of X as a [idx.length, d] tensor, and their labels. */
export function batchOf(X: Matrix, y: Int32Array,
  idx: ArrayLike<number>): { xb: Tensor; yb: Int32Array } {
  checkBatch(X, y, idx);
  const d = X.cols;
  const out = new Float64Array(idx.length * d);
  const yb = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    out.set(X.data.subarray(idx[k] * d, idx[k] * d + d), k * d);
    yb[k] = y[idx[k]];
  }
  return { xb: calledAs('batchOf', () => new Tensor(out, // finite?
    [idx.length, d])), yb };
}
// #endregion

// #region evaluate
/** Mean loss, accuracy and predicted classes on (X, y), no tape. */
export function evaluate(model: Layer, X: Matrix, y: Int32Array) {
  checkData('evaluate', X, y);
  const pred = new Int32Array(X.rows);
  let loss = 0;
  withModel('evaluate', () => noGrad(() => { // no tape, no grads
    for (let s = 0; s < X.rows; s += 1000) { // chunks bound the memory
      const idx = range(s, Math.min(X.rows, s + 1000));
      const { xb, yb } = batchOf(X, y, idx);
      const z = model.forward(xb);
      loss += crossEntropy(z, yb).data[0] * idx.length;
      argmaxRows(z, pred, s);
    }
  }));
  let right = 0;
  for (let i = 0; i < X.rows; i++) if (pred[i] === y[i]) right++;
  return { loss: loss / X.rows, accuracy: right / X.rows, pred };
}
// #endregion

// #region fit
export interface FitOptions {
  epochs: number;
  batchSize: number;
  eta: number;
  seed: number;
  /** Data to evaluate on after each epoch (a test set). */
  test?: { X: Matrix; y: Int32Array };
  /** The update after each backward(); sgdStep if not given. */
  step?: StepRule;
}
// #endregion

// #region fit-loop
/** Minibatch SGD. Per epoch: the mean loss and accuracy over its
 *  minibatches (the model changing as it goes) and the test set's. */
export function fit(model: Layer, X: Matrix, y: Int32Array,
  o: FitOptions) {
  checkFit(model, X, y, o);
  return withModel('fit', () => fitChecked(model, X, y, o));
}

function fitChecked(model: Layer, X: Matrix, y: Int32Array,
  o: FitOptions) {
  const rng = createRng(o.seed);
  const order = Array.from({ length: X.rows }, (_, i) => i);
  const history = [];
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    rng.shuffle(order); // a new order each epoch, the same every run
    let sum = 0, correct = 0;
    for (let s = 0; s < X.rows; s += o.batchSize) {
      const idx = order.slice(s, s + o.batchSize);
      const { xb, yb } = batchOf(X, y, idx);
      const r = trainStep(model, xb, yb, o.eta, o.step);
      sum += r.loss * idx.length;
      correct += r.correct;
    }
    const test = o.test ? evaluate(model, o.test.X, o.test.y) : null;
    history.push({ epoch, trainLoss: sum / X.rows,
      trainAccuracy: correct / X.rows,
      testLoss: test?.loss ?? NaN, testAccuracy: test?.accuracy ?? NaN });
  }
  return history;
}
// #endregion

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => from + i);
}

function countCorrect(z: Tensor, y: Int32Array): number {
  const pred = new Int32Array(y.length);
  argmaxRows(z, pred, 0);
  let right = 0;
  for (let i = 0; i < y.length; i++) if (pred[i] === y[i]) right++;
  return right;
}

/** Writes the index of each row's largest logit into pred, from s. */
function argmaxRows(z: Tensor, pred: Int32Array, s: number): void {
  const [n, c] = z.shape;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < c; j++) {
      if (z.data[i * c + j] > z.data[i * c + best]) best = j;
    }
    pred[s + i] = best;
  }
}
