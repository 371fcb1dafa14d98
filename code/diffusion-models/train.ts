// Training both networks on noisy data: each step draws a minibatch of
// x₀, a step t uniform on 1 … T and noise ε for every row (all from
// the seeded generator), and takes one Adam step.
import { createRng, type Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { crossEntropy } from '../autodiff/fused.ts';
import { zeroGrad } from '../multilayer-perceptron/train.ts';
import { adam } from '../neural-optimizers/optimizers.ts';
import { epsLoss, type TimeMLP } from './model.ts';
import { qSample } from './forward.ts';
import type { Schedule } from './schedule.ts';
import { checkTrain, checkTrainClassifier } from './checks.ts';

export interface TrainOptions {
  steps: number;
  batchSize: number;
  eta: number; // Adam's learning rate
  seed: number;
}

/** batchSize random rows of X, uniform t and standard normal ε. */
function draw(X: Matrix, batchSize: number, T: number, rng: Rng) {
  const d = X.cols;
  const idx = new Int32Array(batchSize);
  const x0 = new Float64Array(batchSize * d);
  const t = new Int32Array(batchSize);
  for (let i = 0; i < batchSize; i++) {
    idx[i] = rng.int(0, X.rows);
    x0.set(X.data.subarray(idx[i] * d, idx[i] * d + d), i * d);
    t[i] = rng.int(1, T + 1);
  }
  return { idx, x0, t, eps: rng.normalArray(batchSize * d) };
}

// #region train-eps
/** Algorithm 1 of Ho et al.: Adam steps on L_simple; the loss of each
 *  step is returned. */
export function trainEps(net: TimeMLP, X: Matrix, s: Schedule,
  o: TrainOptions): Float64Array {
  checkTrain('trainEps', net, X, s, o);
  const rng = createRng(o.seed);
  const step = adam();
  const params = net.parameters();
  const losses = new Float64Array(o.steps);
  const shape = [o.batchSize, X.cols];
  for (let k = 0; k < o.steps; k++) {
    const b = draw(X, o.batchSize, s.T, rng);
    zeroGrad(params);
    const loss = epsLoss(net, s, new Tensor(b.x0, shape), b.t,
      new Tensor(b.eps, shape));
    loss.backward();
    step(params, o.eta);
    losses[k] = loss.data[0];
  }
  return losses;
}
// #endregion

// #region train-classifier
/** The guidance classifier: cross-entropy of p_φ(y | x_t, t) on rows
 *  noised by q(x_t | x₀) at uniform t, Adam; per-step losses. */
export function trainNoisyClassifier(net: TimeMLP, X: Matrix,
  y: Int32Array, s: Schedule, o: TrainOptions): Float64Array {
  checkTrainClassifier(net, X, y, s, o);
  const rng = createRng(o.seed);
  const step = adam();
  const params = net.parameters();
  const losses = new Float64Array(o.steps);
  for (let k = 0; k < o.steps; k++) {
    const b = draw(X, o.batchSize, s.T, rng);
    const x0 = new Matrix(o.batchSize, X.cols, b.x0);
    const xt = qSample(s, x0, b.t, new Matrix(o.batchSize, X.cols,
      b.eps));
    zeroGrad(params);
    const loss = crossEntropy(net.forward(new Tensor(xt.data,
      [o.batchSize, X.cols]), b.t), Int32Array.from(b.idx, (i) => y[i]));
    loss.backward();
    step(params, o.eta);
    losses[k] = loss.data[0];
  }
  return losses;
}
// #endregion
