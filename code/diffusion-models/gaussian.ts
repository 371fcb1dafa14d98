// The check a reader can trust: for Gaussian data the best possible
// ε-predictor is known in closed form, and the ancestral sampler is a
// chain of linear maps plus noise, so its output distribution can be
// computed exactly. A sampler bug shows here with no training at all.
import type { Schedule } from './schedule.ts';
import type { EpsFn, SigmaChoice } from './sample.ts';
import { sigmaSquared } from './sample.ts';
import { checkGaussian, checkSigma } from './checks.ts';

// #region gaussian-eps
/** E[ε | x_t] for x₀ ~ N(μ, diag v), Eq. (dm-gauss-eps):
 *  √(1 − ᾱ)(x − √ᾱ μ) / (ᾱ v + 1 − ᾱ), coordinate by coordinate. */
export function gaussianEps(s: Schedule, mu: ArrayLike<number>,
  v: ArrayLike<number>): EpsFn {
  checkGaussian('gaussianEps', s, mu, v);
  const d = mu.length;
  return (x, t) => {
    const ab = s.alphaBar[t - 1];
    const out = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) {
      const j = k % d;
      out[k] = Math.sqrt(1 - ab) * (x[k] - Math.sqrt(ab) * mu[j]) /
        (ab * v[j] + 1 - ab);
    }
    return out;
  };
}
// #endregion

// #region sampler-moments
/** Mean and variance of each coordinate of the sampler's x₀ when it
 *  uses gaussianEps: x_{t−1} = a x_t + c + σ_t z, so m ← a m + c and
 *  w ← a² w + σ_t², from m = 0, w = 1 at t = T. */
export function samplerMoments(s: Schedule, mu: ArrayLike<number>,
  v: ArrayLike<number>, sigma: SigmaChoice = 'beta') {
  checkGaussian('samplerMoments', s, mu, v);
  checkSigma('samplerMoments', sigma);
  const mean = new Float64Array(mu.length);
  const variance = new Float64Array(mu.length).fill(1);
  for (let t = s.T; t >= 1; t--) {
    const ab = s.alphaBar[t - 1], al = s.alpha[t - 1];
    const b = s.beta[t - 1];
    const s2 = t > 1 ? sigmaSquared(s, t, sigma) : 0;
    for (let j = 0; j < mu.length; j++) {
      const k = Math.sqrt(1 - ab) / (ab * v[j] + 1 - ab); // ε̂ = k(x − √ᾱμ)
      const a = (1 - b * k / Math.sqrt(1 - ab)) / Math.sqrt(al);
      const c = b * k * Math.sqrt(ab) * mu[j] /
        (Math.sqrt(1 - ab) * Math.sqrt(al));
      mean[j] = a * mean[j] + c;
      variance[j] = a * a * variance[j] + s2;
    }
  }
  return { mean, variance };
}
// #endregion
