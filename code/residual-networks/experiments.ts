// The chapter's measurements: the gradient that reaches each block's
// output at initialization, and training curves (training and test
// error after each epoch, both in evaluation mode).
import type { Matrix } from '../linear-algebra/matrix.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { crossEntropy } from '../autodiff/fused.ts';
import { Sequential } from '../multilayer-perceptron/mlp.ts';
import {
  batchOf, evaluate, fit, type StepRule,
} from '../multilayer-perceptron/train.ts';
import { sgd } from '../neural-optimizers/optimizers.ts';
import { Block } from './block.ts';
import { checkCurves, checkGradientNorms } from './checks.ts';

// #region gradient-norms
/** ‖∂L/∂x_l‖ for the stem's output x_0 and each block's output x_l,
 *  l = 1…B, on one batch (training mode). Zero probes added after
 *  those layers catch the gradients, which the engine frees. */
export function gradientNorms(model: Sequential, X: Matrix,
  y: Int32Array): number[] {
  checkGradientNorms(model, X, y);
  const { xb, yb } = batchOf(X, y, [...Array(X.rows).keys()]);
  const probes: Tensor[] = [];
  let h = xb;
  model.layers.forEach((layer, k) => {
    h = layer.forward(h);
    const next = model.layers[k + 1];
    if (layer instanceof Block || next instanceof Block) { // x_l
      const p = new Tensor(new Float64Array(h.size), h.shape, true);
      h = h.add(p);
      probes.push(p);
    }
  });
  crossEntropy(h, yb).backward();
  return probes.map((p) => norm(p.grad as Float64Array));
}
// #endregion

// #region curves
export interface CurveOptions {
  epochs: number; batchSize: number; eta: number;
  momentum: number; seed: number;
  every?: number; // evaluate after every `every` epochs and the last
}

/** SGD with momentum; after each epoch (or every `every` epochs and
 *  the last) the training and the test error (1 − accuracy), both in
 *  evaluation mode, and the error during the epoch (training mode). */
export function trainCurves(model: Sequential,
  train: { X: Matrix; y: Int32Array },
  test: { X: Matrix; y: Int32Array }, o: CurveOptions) {
  checkCurves(model, o);
  const step: StepRule = sgd({ momentum: o.momentum }); // one state
  const history = [];
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const [r] = fit(model, train.X, train.y, { epochs: 1,
      batchSize: o.batchSize, eta: o.eta, seed: o.seed + epoch, step });
    if (epoch % (o.every ?? 1) !== 0 && epoch < o.epochs) continue;
    model.train(false); // running statistics
    const tr = evaluate(model, train.X, train.y).accuracy;
    const te = evaluate(model, test.X, test.y).accuracy;
    model.train(true);
    history.push({ epoch, trainError: 1 - tr, testError: 1 - te,
      trainModeError: 1 - r.trainAccuracy }); // during the epoch
  }
  return history;
}
// #endregion

function norm(g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}
