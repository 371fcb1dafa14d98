// Training one ticket: a fixed number of iterations, the validation
// loss every few, and the test accuracy of the parameters at the
// iteration where that loss was lowest (the early-stopping iteration).
import { createRng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import {
  batchOf, evaluate, trainStep, type StepRule,
} from '../multilayer-perceptron/train.ts';
import { applyMask, maskedRule, type Mask } from './mask.ts';
import { snapshot } from './rewind.ts';
import { checkEarlyStop, checkTicket } from './checks.ts';

// #region early-stop
/** The index of the lowest validation loss; the first on ties. */
export function earlyStop(valLoss: number[]): number {
  checkEarlyStop(valLoss);
  let best = 0;
  for (let k = 1; k < valLoss.length; k++) {
    if (valLoss[k] < valLoss[best]) best = k;
  }
  return best;
}
// #endregion

export interface Data { X: Matrix; y: Int32Array }
export interface Split { train: Data; val: Data; test: Data }
export interface TicketOptions {
  iterations: number; batchSize: number; eta: number;
  evalEvery: number; seed: number;
  /** A fresh step rule (optimizer) for each run. */
  optimizer: () => StepRule;
}

// #region train-ticket
/** Trains the masked model in place for o.iterations minibatches. */
export function trainTicket(model: Layer, mask: Mask, data: Split,
  o: TicketOptions) {
  const weights = checkTicket(model, mask, data, o);
  const rule = maskedRule(o.optimizer(), weights, mask);
  applyMask(weights, mask);
  const rng = createRng(o.seed); // the same batches for every ticket
  const n = data.train.X.rows;
  const order = Array.from({ length: n }, (_, i) => i);
  const at: number[] = [], valLoss: number[] = [];
  let best: Float64Array[] = snapshot(model), pos = n;
  for (let t = 1; t <= o.iterations; t++) {
    if (pos + o.batchSize > n) { rng.shuffle(order); pos = 0; }
    const idx = order.slice(pos, pos += o.batchSize);
    const { xb, yb } = batchOf(data.train.X, data.train.y, idx);
    trainStep(model, xb, yb, o.eta, rule);
    if (t % o.evalEvery !== 0) continue;
    at.push(t); // validation data only: never the test set
    valLoss.push(evaluate(model, data.val.X, data.val.y).loss);
    if (earlyStop(valLoss) === at.length - 1) best = snapshot(model);
  }
  const stop = at[earlyStop(valLoss)];
  return { at, valLoss, stop, ...testAt(model, best, data.test) };
}
// #endregion

/** Test accuracy with the parameters `best`, then the model as it was;
 *  and the final parameters' test accuracy. */
function testAt(model: Layer, best: Float64Array[], test: Data) {
  const params = model.parameters();
  const final = snapshot(model);
  const finalAccuracy = evaluate(model, test.X, test.y).accuracy;
  params.forEach((p, k) => p.data.set(best[k]));
  const testAccuracy = evaluate(model, test.X, test.y).accuracy;
  params.forEach((p, k) => p.data.set(final[k]));
  return { testAccuracy, finalAccuracy };
}
