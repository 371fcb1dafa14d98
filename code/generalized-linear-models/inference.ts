// What a fitted GLM says about its coefficients: the dispersion, the
// covariance φ(XᵀWX)⁻¹, standard errors and Wald intervals.
// Browser-safe: no node imports.
import { choleskyInverse } from
  '../bayesian-linear-regression/posterior.ts';
import { choleskyFor } from '../decompositions/cholesky.ts';
import {
  Matrix,
  checkFinite,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { checkMeans, checkTargets } from './families.ts';
import { checkEta, checkModel } from './model.ts';
import { checkXy } from '../linear-regression/model.ts';
import { normalQuantile } from '../statistics/normal-quantile.ts';
import type { GlmFit } from './irls.ts';
import { fisherInformation } from './objective.ts';

// #region inference-type
export interface GlmInference {
  /** X² = Σᵢ (yᵢ − μᵢ)² / V(μᵢ), Pearson's statistic. */
  pearson: number;
  /** n − d. */
  dfResidual: number;
  /** φ = 1, or X² / (n − d) if the family has a free φ. */
  dispersion: number;
  /** φ (XᵀWX)⁻¹, Eq. (glm-covariance). */
  covariance: Matrix;
  /** Standard errors and the Wald interval w ± z·se, Eq. (glm-wald). */
  se: Vector;
  lower: Vector;
  upper: Vector;
}
// #endregion

// #region inference
/** Pearson's X², φ, φ(XᵀWX)⁻¹ and Wald intervals at a fitted GLM. */
export function glmInference(
  X: Matrix,
  y: Vector,
  fit: GlmFit,
  level = 0.95,
): GlmInference {
  const fn = 'glmInference';
  checkXy(fn, X, y);
  checkFit(fn, X, fit);
  checkTargets(fn, fit.model.family, y);
  const { rows: n, cols: d } = X;
  if (fit.w.length !== d || fit.mu.length !== n || n <= d) {
    throw new Error(
      `${fn}: expected a fit of ${d} coefficients to n > ${d} rows ` +
        `of X; got ${fit.w.length} coefficients and ${fit.mu.length} means`,
    );
  }
  if (!(level > 0 && level < 1)) {
    throw new Error(`${fn}: level must be in (0, 1), got ${level}`);
  }
  const { family } = fit.model;
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    pearson += (y[i] - fit.mu[i]) ** 2 / family.variance(fit.mu[i]);
  }
  const dispersion = family.fixedDispersion ? 1 : pearson / (n - d);
  // A⁻¹ from A = L Lᵀ; choleskyFor throws if A is not positive definite
  const covariance = choleskyInverse(choleskyFor(fn,
    fisherInformation(X, fit.model, fit.eta), 'XᵀWX:'));
  for (let t = 0; t < covariance.data.length; t++) {
    covariance.data[t] *= dispersion; // Eq. (glm-covariance)
  }
  const se = fit.w.map((_, j) => Math.sqrt(covariance.get(j, j)));
  const z = normalQuantile((1 + level) / 2);
  return { pearson, dfResidual: n - d, dispersion, covariance, se,
    lower: fit.w.map((wj, j) => wj - z * se[j]),
    upper: fit.w.map((wj, j) => wj + z * se[j]) };
}
// #endregion

/** fit as fitGlm returns it, for this X: w, η, μ and the model. */
function checkFit(fn: string, X: Matrix, fit: GlmFit): void {
  if (typeof fit !== 'object' || fit === null) {
    throw new Error(`${fn}: fit must come from fitGlm, got ${fit}`);
  }
  checkModel(fn, fit.model);
  if (!(fit.w instanceof Float64Array)) {
    throw new Error(`${fn}: fit.w must be a Float64Array`);
  }
  checkFinite(fn, 'fit.w', fit.w);
  checkEta(fn, X, fit.eta);
  checkMeans(fn, fit.model.family, fit.mu);
}
