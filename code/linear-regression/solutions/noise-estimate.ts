// Exercise: dividing the residual sum of squares by n − d − 1 estimates
// σ² without bias; dividing by n (the MLE, Eq. (lr-sigma-mle)) does not.
import {
  requireInteger,
  requirePositive,
} from '../../introduction/checks.ts';
import { fitNormalEquations, predict } from '../model.ts';
import { linearData } from '../synthetic.ts';

/** Mean and standard error of a list of draws. */
function meanSe(xs: number[]): { mean: number; se: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  return { mean, se: Math.sqrt(ss / (xs.length - 1) / xs.length) };
}

// #region noise-study
/**
 * Over seeds 1..reps, data from linearData with d weights, an intercept
 * and noise σ; returns the two estimates of σ², each as mean ± s.e.
 */
export function noiseVarianceStudy(
  { reps = 2000, n = 30, d = 4, sigma = 1 } = {},
) {
  checkStudy(reps, n, d, sigma);
  const unbiased: number[] = [];
  const mle: number[] = [];
  const w = Array.from({ length: d }, (_, j) => j + 1);
  for (let seed = 1; seed <= reps; seed++) {
    const { X, y } = linearData({ seed, n, w, b: 1, noise: sigma });
    const fit = fitNormalEquations(X, y);
    const yHat = predict(X, fit.w, fit.b);
    let rss = 0; // ‖y − Xŵ‖², with the intercept fitted
    for (let i = 0; i < n; i++) rss += (y[i] - yHat[i]) ** 2;
    unbiased.push(rss / (n - d - 1));
    mle.push(rss / n);
  }
  return { unbiased: meanSe(unbiased), mle: meanSe(mle) };
}
// #endregion

function checkStudy(reps: number, n: number, d: number, sigma: number) {
  const fn = 'noiseVarianceStudy';
  requireInteger(fn, 'reps', reps, 2);
  requireInteger(fn, 'd', d, 1);
  requireInteger(fn, 'n', n, d + 2);
  requirePositive(fn, 'sigma', sigma);
}
