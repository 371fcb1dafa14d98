// The statistics of a deep stack of equal-width layers at
// initialization: the standard deviation of each layer's activations
// on a batch, and of the gradient that reaches them from a random
// linear readout at the top. Zero "probe" tensors added after each
// layer catch the gradient ∂L/∂h_l, which the engine otherwise frees.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { activate } from '../multilayer-perceptron/activations.ts';
import { checkRng, checkSize } from './checks.ts';

// #region depth-stats
export interface DepthSetup {
  depth: number; width: number; batch: number;
  activation: 'tanh' | 'relu';
  /** fanIn·fanOut weights for one layer. */
  weights: (fanIn: number, fanOut: number, rng: Rng) => Float64Array;
}

/** Per layer l = 1…depth: std of h_l and of ∂L/∂h_l, L = Σ h_D ⊙ R. */
export function depthStats(s: DepthSetup, rng: Rng) {
  checkDepth(s, rng);
  const { depth, width: q, batch: n } = s;
  let h = new Tensor(rng.normalArray(n * q), [n, q]); // x ~ N(0, 1)
  const probes: Tensor[] = [];
  const acts: Float64Array[] = [];
  for (let l = 0; l < depth; l++) {
    const W = new Tensor(s.weights(q, q, rng), [q, q]);
    const probe = new Tensor(new Float64Array(n * q), [n, q], true);
    h = activate(h.matmul(W), s.activation).add(probe); // h_l
    probes.push(probe);
    acts.push(h.data);
  }
  const R = new Tensor(rng.normalArray(n * q), [n, q]); // readout
  h.mul(R).sum().backward(); // ∂L/∂h_D = R
  return {
    activationStd: acts.map(std),
    gradientStd: probes.map((p) => std(p.grad as Float64Array)),
  };
}
// #endregion

function std(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m += a[i];
  m /= a.length;
  let v = 0;
  for (let i = 0; i < a.length; i++) v += (a[i] - m) ** 2;
  return Math.sqrt(v / a.length);
}

function checkDepth(s: DepthSetup, rng: Rng): void {
  if (s === null || typeof s !== 'object') {
    throw new Error('depthStats: setup must be an object');
  }
  checkSize('depthStats', 'depth', s.depth);
  checkSize('depthStats', 'width', s.width);
  checkSize('depthStats', 'batch', s.batch);
  if (s.activation !== 'tanh' && s.activation !== 'relu') {
    throw new Error('depthStats: activation must be tanh or relu, got ' +
      `${s.activation}`);
  }
  if (typeof s.weights !== 'function') {
    throw new Error('depthStats: weights must be a function');
  }
  checkRng('depthStats', rng);
}
