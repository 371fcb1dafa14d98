// Exercise solution: masking noise rescaled as inverted dropout does,
// x̃ⱼ = mⱼ xⱼ / (1 − ν) with mⱼ ~ Bernoulli(1 − ν), so that E[x̃] = x:
// a clean image then looks, on average, like the corrupted ones the
// denoising autoencoder was trained on.
import type { Rng } from '../../introduction/random.ts';
import type { Matrix } from '../../linear-algebra/matrix.ts';
import { calledAs } from '../../introduction/checks.ts';
import { maskNoise } from '../train.ts';

// #region scaled-mask
/** Masking noise divided by the keep probability 1 − ν. */
export function maskNoiseScaled(X: Matrix, nu: number,
  rng: Rng): Matrix {
  const out = calledAs('maskNoiseScaled', () => maskNoise(X, nu, rng));
  for (let i = 0; i < out.data.length; i++) out.data[i] /= 1 - nu;
  return out;
}
// #endregion
