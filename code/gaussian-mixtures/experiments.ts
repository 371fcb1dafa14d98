// The chapter's experiments: a collapsing component. Browser-safe.
import { Matrix, identity, scale } from '../linear-algebra/matrix.ts';
import { checkData, checkInt, checkNumber } from './checks.ts';
import { eStep } from './estep.ts';
import { mStep } from './mstep.ts';

// #region collapse
/** The log-likelihood of a two-component mixture, one component the
 *  data's own Gaussian and the other N(x_i, σ² I) sitting on point i,
 *  for each σ: it grows like −d log σ without bound as σ → 0. */
export function collapseCurve(X: Matrix, i: number, sigmas: number[]) {
  checkData('collapseCurve', X);
  checkInt('collapseCurve', 'i', i, 0, X.rows - 1);
  if (!Array.isArray(sigmas) || sigmas.length === 0) {
    throw new Error('collapseCurve: sigmas must be a non-empty array');
  }
  const { rows: n, cols: d } = X;
  const ones = new Matrix(n, 1, new Float64Array(n).fill(1));
  const whole = mStep(X, ones, 'full', 0); // one component: the data's
  const means = new Matrix(2, d);
  means.data.set(whole.means.data, 0);
  means.data.set(X.data.subarray(i * d, (i + 1) * d), d);
  return sigmas.map((sigma) => {
    checkNumber('collapseCurve', 'sigma', sigma, 0, true);
    const S = scale(identity(d), sigma * sigma);
    const p = { weights: Float64Array.of(0.5, 0.5), means,
      covs: [whole.covs[0], S] };
    return { sigma, logLik: n * eStep(X, p, 'collapseCurve').meanLogLik };
  });
}
// #endregion
