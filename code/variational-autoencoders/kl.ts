// The Gaussian KL term of the ELBO: KL(N(μ, diag σ²) ‖ N(0, I)) in
// closed form, on tensors (for training) and on numbers (for tests),
// and the two densities that let the probability chapter's
// klMonteCarlo estimate the same number by sampling.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { Density } from '../probability/information.ts';
import { normalLogPdf } from '../probability/univariate.ts';
import { requireInteger } from '../introduction/checks.ts';
import { checkMuLogVar, checkTensorPair } from './checks.ts';

// #region kl-tensor
/** Per row: ½ Σⱼ (σⱼ² + μⱼ² − 1 − log σⱼ²), Eq. (vae-kl), from the
 *  encoder's μ and log σ², both [n, k]; returns [n]. */
export function klStandardNormal(mu: Tensor, logVar: Tensor): Tensor {
  checkTensorPair('klStandardNormal', mu, logVar);
  return logVar.exp().add(mu.mul(mu)).sub(1).sub(logVar)
    .sum(1).mul(0.5);
}
// #endregion

// #region kl-numbers
/** Eq. (vae-kl) for one μ and log σ² given as numbers. */
export function klDiagonal(mu: ArrayLike<number>,
  logVar: ArrayLike<number>): number {
  checkMuLogVar('klDiagonal', mu, logVar);
  let kl = 0;
  for (let j = 0; j < mu.length; j++) {
    kl += Math.exp(logVar[j]) + mu[j] * mu[j] - 1 - logVar[j];
  }
  return 0.5 * kl;
}
// #endregion

// #region densities
/** N(μ, diag σ²) as a Density: log-density and a draw z = μ + σ ε. */
export function diagonalGaussian(mu: ArrayLike<number>,
  logVar: ArrayLike<number>): Density {
  checkMuLogVar('diagonalGaussian', mu, logVar);
  const m = Float64Array.from(mu);
  const sd = Float64Array.from(logVar, (v) => Math.exp(0.5 * v));
  return {
    logPdf(z) {
      let s = 0;
      for (let j = 0; j < m.length; j++) {
        s += normalLogPdf(z[j], m[j], sd[j]);
      }
      return s;
    },
    sample: (rng: Rng) => m.map((mj, j) => mj + sd[j] * rng.normal()),
  };
}

/** The prior N(0, I) in k dimensions. */
export function standardNormal(k: number): Density {
  requireInteger('standardNormal', 'k', k, 1);
  return diagonalGaussian(new Float64Array(k), new Float64Array(k));
}
// #endregion
