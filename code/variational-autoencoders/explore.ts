// What a trained VAE is used for: reconstructions through the
// encoder's mean, new images from the prior, a path between two codes,
// and the decoder over a grid of Gaussian quantiles (the 2-D case).
import type { Rng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { normalQuantile } from '../statistics/normal-quantile.ts';
import type { VAE } from './model.ts';
import {
  checkCode, checkExplore, checkGrid, checkInterpolate, rowsOf,
} from './checks.ts';

// #region decode
/** Pixel means σ(logits) of p(x | z) for each row of Z, [m, d]. */
export function decodeMean(model: VAE, Z: Tensor): Tensor {
  checkCode('decodeMean', model, Z);
  return noGrad(() => model.decode(Z).sigmoid());
}

/** x → μ(x) → decoded pixel means: a reconstruction without noise. */
export function reconstruct(model: VAE, X: Matrix): Tensor {
  checkExplore('reconstruct', model, X);
  return noGrad(() => model.decode(model.encode(rowsOf(X, null)).mu)
    .sigmoid());
}

/** count draws z ~ N(0, I), decoded: new images. */
export function samplePrior(model: VAE, count: number, rng: Rng) {
  const k = checkExplore('samplePrior', model, null, count, rng);
  return decodeMean(model, new Tensor(rng.normalArray(count * k),
    [count, k]));
}
// #endregion

// #region interpolate
/** Decoded images at steps points on the line from μ(a) to μ(b). */
export function interpolate(model: VAE, a: Matrix, b: Matrix,
  steps: number): Tensor {
  const k = checkInterpolate(model, a, b, steps);
  const ma = noGrad(() => model.encode(rowsOf(a, null)).mu.data);
  const mb = noGrad(() => model.encode(rowsOf(b, null)).mu.data);
  const Z = new Float64Array(steps * k);
  for (let s = 0; s < steps; s++) {
    const t = s / (steps - 1);
    for (let j = 0; j < k; j++) {
      Z[s * k + j] = (1 - t) * ma[j] + t * mb[j];
    }
  }
  return decodeMean(model, new Tensor(Z, [steps, k]));
}
// #endregion

// #region grid
/** A 2-D latent space decoded at z = (Φ⁻¹(u), Φ⁻¹(v)) for u, v on
 *  (i + ½)/m: equal prior mass per cell (Kingma & Welling, Fig. 4).
 *  Row r of the result is the cell at u index r % m, v index ⌊r/m⌋. */
export function latentGrid(model: VAE, m: number) {
  checkGrid(model, m);
  const q = Array.from({ length: m }, (_, i) => normalQuantile(
    (i + 0.5) / m));
  const Z = new Float64Array(2 * m * m);
  for (let r = 0; r < m * m; r++) {
    Z[2 * r] = q[r % m];
    Z[2 * r + 1] = q[m - 1 - Math.floor(r / m)]; // top row: high z₂
  }
  return { quantiles: q, images: decodeMean(model,
    new Tensor(Z, [m * m, 2])) };
}
// #endregion
