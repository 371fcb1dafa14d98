// Batch normalization as a layer: in training, each feature is
// standardized over the batch and running averages of the batch
// statistics are kept; in evaluation those averages are used instead,
// so that an example's output does not depend on its batch.
import { Tensor } from '../autodiff/tensor.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import { standardize } from './standardize.ts';
import {
  checkAffine, checkBatch2d, checkEps, checkMomentum, checkOn, checkSize,
} from './checks.ts';

// #region batchnorm
/** y = γ ⊙ x̂ + β per feature, Eq. (in-bn-affine); PyTorch's
 *  BatchNorm1d conventions: ε = 1e-5, momentum 0.1. */
export class BatchNorm implements Layer {
  readonly gamma: Tensor; // [d], starts at 1
  readonly beta: Tensor; // [d], starts at 0
  readonly runningMean: Float64Array; // starts at 0
  readonly runningVar: Float64Array; // starts at 1
  readonly d: number;
  readonly eps: number;
  readonly momentum: number;
  training = true;

  constructor(d: number, eps = 1e-5, momentum = 0.1) {
    checkBatchNorm(d, eps, momentum);
    this.d = d;
    this.eps = eps;
    this.momentum = momentum;
    this.gamma = new Tensor(new Float64Array(d).fill(1), [d], true);
    this.beta = new Tensor(new Float64Array(d), [d], true);
    this.runningMean = new Float64Array(d);
    this.runningVar = new Float64Array(d).fill(1);
  }

  forward(x: Tensor): Tensor {
    const [n] = this.checkInput(x);
    if (!this.training) return this.evalForward(x);
    const { out, mean, variance } = standardize(x, 0, this.eps);
    const rho = this.momentum; // ρ, the weight of the new value
    for (let j = 0; j < this.d; j++) { // Eq. (in-bn-running)
      this.runningMean[j] = (1 - rho) * this.runningMean[j] +
        rho * mean[j];
      this.runningVar[j] = (1 - rho) * this.runningVar[j] +
        rho * variance[j] * n / (n - 1); // unbiased: m/(m − 1), m = n
    }
    return out.mul(this.gamma).add(this.beta);
  }
  // #endregion

  // #region batchnorm-eval
  /** Evaluation: a fixed affine map per feature, Eq. (in-bn-eval). */
  private evalForward(x: Tensor): Tensor {
    const scale = new Float64Array(this.d);
    for (let j = 0; j < this.d; j++) {
      scale[j] = 1 / Math.sqrt(this.runningVar[j] + this.eps);
    }
    const mu = new Tensor(this.runningMean.slice(), [this.d]);
    return x.sub(mu).mul(new Tensor(scale, [this.d]))
      .mul(this.gamma).add(this.beta);
  }

  /** Training mode (batch statistics) or evaluation (running ones). */
  train(on: boolean): void {
    checkOn('BatchNorm.train', on);
    this.training = on;
  }

  parameters(): Tensor[] {
    return [this.gamma, this.beta];
  }
  // #endregion

  private checkInput(x: Tensor): [number, number] {
    const [n, d] = checkBatch2d('BatchNorm.forward', x);
    if (d !== this.d) {
      throw new Error(`BatchNorm.forward: x must have ${this.d} ` +
        `columns, got ${d}`);
    }
    if (this.training && n < 2) { // as PyTorch: no variance from 1 row
      throw new Error('BatchNorm.forward: training needs a batch of ' +
        `at least 2 rows, got ${n}`);
    }
    checkAffine('BatchNorm.forward', d, this.gamma, this.beta);
    return [n, d];
  }
}

function checkBatchNorm(d: number, eps: number, momentum: number) {
  checkSize('BatchNorm', 'd', d);
  checkEps('BatchNorm', eps);
  checkMomentum('BatchNorm', momentum);
}
