// The chapter's training experiments: a deep ReLU network built with
// or without batch normalization (or dropout), trained one epoch at a
// time by the multilayer-perceptron chapter's `fit` and evaluated in
// evaluation mode after each epoch.
import type { Rng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { Act, type Layer } from '../multilayer-perceptron/layers.ts';
import { Sequential } from '../multilayer-perceptron/mlp.ts';
import { evaluate, fit } from '../multilayer-perceptron/train.ts';
import { BatchNorm } from './batchnorm.ts';
import { Dropout } from './dropout.ts';
import { initLinear, type Scheme } from './init.ts';
import { checkDeepNet, checkTrainEval } from './checks.ts';

// #region deep-net
export interface DeepNetOptions {
  sizes: number[]; // [d, h₁, …, c]
  scheme: Scheme;
  batchNorm?: boolean; // Linear → BatchNorm → ReLU in each hidden layer
  dropout?: number; // p of a Dropout after each hidden ReLU
}

/** A ReLU network; BatchNorm before each activation, as Ioffe and
 *  Szegedy place it; the last Linear outputs logits. */
export function deepNet(o: DeepNetOptions, rng: Rng): Sequential {
  checkDeepNet(o, rng);
  const layers: Layer[] = [];
  const nLinear = o.sizes.length - 1;
  for (let l = 1; l <= nLinear; l++) {
    layers.push(initLinear(o.scheme, o.sizes[l - 1], o.sizes[l], rng));
    if (l === nLinear) break; // logits
    if (o.batchNorm) layers.push(new BatchNorm(o.sizes[l]));
    layers.push(new Act('relu'));
    if (o.dropout) layers.push(new Dropout(o.dropout, rng.split()));
  }
  return new Sequential(layers);
}
// #endregion

// #region train-eval
export interface Data { X: Matrix; y: Int32Array }

/** `fit` one epoch at a time; after each, the model in evaluation
 *  mode on the training and the test data, then back to training. */
export function trainAndEvaluate(model: Sequential, train: Data,
  test: Data, o: { epochs: number; batchSize: number; eta: number;
    seed: number }) {
  checkTrainEval(model, o);
  const history = [];
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const [r] = fit(model, train.X, train.y, { ...o, epochs: 1,
      seed: o.seed + epoch }); // a new shuffle each epoch
    model.train(false); // running statistics, no dropout
    const tr = evaluate(model, train.X, train.y);
    const te = evaluate(model, test.X, test.y);
    model.train(true);
    history.push({ epoch, trainModeLoss: r.trainLoss,
      trainLoss: tr.loss, trainAccuracy: tr.accuracy,
      testLoss: te.loss, testAccuracy: te.accuracy });
  }
  return history;
}
// #endregion
