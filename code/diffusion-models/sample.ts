// Ancestral sampling (Ho et al., Algorithm 2), optionally guided by a
// classifier (Dhariwal and Nichol, Algorithm 1): start from pure noise
// and apply the learned reverse step T times.
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { posteriorCoefficients, type Schedule } from './schedule.ts';
import {
  checkMeanArgs, checkSample, checkSigma, checkStep,
} from './checks.ts';

/** ε_θ(x_t, t) for a batch flattened row by row. */
export type EpsFn = (x: Float64Array, t: number) => Float64Array;
/** ∇ log p(y_i | x_t) for each row i, flattened row by row. */
export type GradFn = (x: Float64Array, t: number,
  y: Int32Array) => Float64Array;
/** σ_t² = β_t or the posterior's β̃_t, Ho et al.'s two choices. */
export type SigmaChoice = 'beta' | 'posterior';

export interface Guide {
  grad: GradFn;
  y: Int32Array; // one target class per sample
  scale: number; // s in Eq. (dm-guided)
}

export interface SampleOptions {
  seed: number;
  sigma?: SigmaChoice;
  guide?: Guide;
  keep?: number[]; // steps t in 0 … T whose x_t to return
  clip?: boolean; // clip x̂₀ to [−1, 1] before the mean (images)
}

// #region sigma
/** The reverse step's variance σ_t². */
export function sigmaSquared(s: Schedule, t: number,
  choice: SigmaChoice = 'beta'): number {
  checkStep('sigmaSquared', s, t);
  checkSigma('sigmaSquared', choice);
  const b = s.beta[t - 1];
  if (choice === 'beta') return b;
  const abPrev = t > 1 ? s.alphaBar[t - 2] : 1;
  return (1 - abPrev) / (1 - s.alphaBar[t - 1]) * b;
}
// #endregion

// #region eps-mean
/** μ_θ(x_t, t) = (x_t − β_t/√(1 − ᾱ_t) ε̂) / √α_t, Eq. (dm-eps-mean). */
export function epsMean(s: Schedule, t: number, x: Float64Array,
  epsHat: Float64Array): Float64Array {
  checkMeanArgs('epsMean', s, t, x, epsHat);
  const b = s.beta[t - 1];
  const k = b / Math.sqrt(1 - s.alphaBar[t - 1]);
  const r = 1 / Math.sqrt(s.alpha[t - 1]);
  return x.map((xi, i) => r * (xi - k * epsHat[i]));
}
// #endregion

// #region clipped-mean
/** The posterior mean at x̂₀ = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t clipped to
 *  [−1, 1], Eq. (dm-posterior); unclipped it is epsMean. */
export function clippedMean(s: Schedule, t: number, x: Float64Array,
  epsHat: Float64Array): Float64Array {
  checkMeanArgs('clippedMean', s, t, x, epsHat);
  const { c0, ct } = posteriorCoefficients(s, t);
  const ab = s.alphaBar[t - 1];
  return x.map((xi, i) => {
    const x0 = (xi - Math.sqrt(1 - ab) * epsHat[i]) / Math.sqrt(ab);
    return c0 * Math.min(1, Math.max(-1, x0)) + ct * xi;
  });
}
// #endregion

// #region sample
/** n samples of d coordinates: x_T ~ N(0, I), then for t = T … 1,
 *  x_{t−1} = μ + s σ_t² ∇ log p(y | x_t) + σ_t z (z = 0 at t = 1). */
export function sample(eps: EpsFn, s: Schedule, n: number, d: number,
  o: SampleOptions) {
  checkSample(eps, s, n, d, o);
  const rng = createRng(o.seed);
  const keep = new Set(o.keep ?? []);
  const path: { t: number; x: Matrix }[] = [];
  let x = rng.normalArray(n * d);
  if (keep.has(s.T)) path.push({ t: s.T, x: new Matrix(n, d, x) });
  for (let t = s.T; t >= 1; t--) {
    const s2 = sigmaSquared(s, t, o.sigma);
    const mean = (o.clip ? clippedMean : epsMean)(s, t, x, eps(x, t));
    if (o.guide && o.guide.scale !== 0) { // Eq. (dm-guided)
      const g = o.guide.grad(x, t, o.guide.y);
      for (let i = 0; i < mean.length; i++) {
        mean[i] += o.guide.scale * s2 * g[i];
      }
    }
    if (t > 1) {
      const z = rng.normalArray(n * d);
      for (let i = 0; i < mean.length; i++) mean[i] += Math.sqrt(s2) * z[i];
    }
    x = mean;
    if (keep.has(t - 1)) path.push({ t: t - 1, x: new Matrix(n, d, x) });
  }
  return { x: new Matrix(n, d, x), path };
}
// #endregion
