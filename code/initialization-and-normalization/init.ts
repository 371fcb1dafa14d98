// Weight initialization schemes for a layer with fanIn inputs and
// fanOut outputs: Xavier (Glorot) and He (Kaiming), each uniform or
// normal, and PyTorch's default for nn.Linear. Every scheme draws
// zero-mean weights; they differ only in the variance.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { Linear } from '../multilayer-perceptron/layers.ts';
import { checkScheme } from './checks.ts';

// #region schemes
export type Scheme = 'xavier-uniform' | 'xavier-normal' | 'he-uniform' |
  'he-normal' | 'torch-default';

/** The weights' variance under each scheme, Eqs. (in-xavier), (in-he)
 *  and (in-torch-default). */
export function schemeVariance(scheme: Scheme, fanIn: number,
  fanOut: number): number {
  checkScheme('schemeVariance', scheme, fanIn, fanOut);
  if (scheme.startsWith('xavier')) return 2 / (fanIn + fanOut);
  if (scheme.startsWith('he')) return 2 / fanIn; // ReLU gain √2
  return 1 / (3 * fanIn); // U(±1/√fanIn): r²/3 with r² = 1/fanIn
}

/** fanIn·fanOut weights: uniform on ±√(3 s²) or normal N(0, s²). */
export function initWeights(scheme: Scheme, fanIn: number,
  fanOut: number, rng: Rng): Float64Array {
  const s2 = schemeVariance(scheme, fanIn, fanOut); // checks the rest
  const n = fanIn * fanOut;
  if (scheme.endsWith('normal')) {
    return rng.normalArray(n, 0, Math.sqrt(s2));
  }
  const r = Math.sqrt(3 * s2); // a uniform on ±r has variance r²/3
  return rng.uniformArray(n, -r, r);
}
// #endregion

// #region init-linear
/** A Linear layer with weights from a scheme and zero biases. */
export function initLinear(scheme: Scheme, fanIn: number,
  fanOut: number, rng: Rng): Linear {
  const W = initWeights(scheme, fanIn, fanOut, rng);
  return new Linear(new Tensor(W, [fanIn, fanOut], true),
    new Tensor(new Float64Array(fanOut), [fanOut], true));
}
// #endregion
