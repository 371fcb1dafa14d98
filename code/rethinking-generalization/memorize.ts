// The randomization experiment: one hidden ReLU layer, trained with
// Adam in minibatches until it classifies every training example
// correctly (training error exactly 0, measured in evaluation mode on
// the whole training set after each epoch) or until maxEpochs.
import { createRng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { evaluate, fit } from '../multilayer-perceptron/train.ts';
import { adam } from '../neural-optimizers/optimizers.ts';
import {
  deepNet,
} from '../initialization-and-normalization/experiments.ts';
import { checkMemorize } from './memorize-checks.ts';

export interface MemorizeOptions {
  hidden: number; // units in the hidden layer
  classes: number;
  maxEpochs: number;
  batchSize: number;
  eta: number; // Adam's step size
  seed: number; // the network's weights and the minibatch order
  weightDecay?: number; // λ: λθ added to every gradient (L2)
  dropout?: number; // drop probability of a Dropout after the hidden layer
}

// #region memorize
/** Trains until training error 0; returns the network, one entry per
 *  epoch (mean minibatch loss, training accuracy after the epoch) and
 *  the first epoch at which every training label is right, or null. */
export function memorize(X: Matrix, y: Int32Array, o: MemorizeOptions) {
  checkMemorize(X, y, o);
  const model = deepNet({ sizes: [X.cols, o.hidden, o.classes],
    scheme: 'he-normal', dropout: o.dropout }, createRng(o.seed));
  const step = adam({ weightDecay: o.weightDecay ?? 0 });
  const history = [];
  let epochsToFit: number | null = null;
  for (let epoch = 1; epoch <= o.maxEpochs && !epochsToFit; epoch++) {
    const [r] = fit(model, X, y, { epochs: 1, batchSize: o.batchSize,
      eta: o.eta, seed: o.seed * 1000 + epoch, step });
    model.train(false); // no dropout while we measure
    const { accuracy } = evaluate(model, X, y); // training error
    model.train(true);
    history.push({ epoch, loss: r.trainLoss, trainAccuracy: accuracy });
    if (accuracy === 1) epochsToFit = epoch;
  }
  model.train(false);
  return { model, history, epochsToFit,
    stepsPerEpoch: Math.ceil(X.rows / o.batchSize) };
}
// #endregion
