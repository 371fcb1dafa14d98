// The loss of a GLM, half its deviance, with the gradient (the negative
// score) and the Fisher information, for any family and link.
// Browser-safe: no node imports.
import {
  Matrix,
  checkFinite,
  type Vector,
} from '../linear-algebra/matrix.ts';
import type { Problem } from '../optimization/problems.ts';
import { deviance } from './families.ts';
import {
  checkEta,
  checkGlm,
  checkModel,
  linearPredictor,
  linkOf,
  means,
  type GlmModel,
} from './model.ts';

// #region objective
/**
 * L(w) = D(w)/2, Eq. (glm-loss); ∇L(w), Eq. (glm-gradient); and the
 * Fisher information XᵀWX, Eq. (glm-fisher), which is ∇²L(w) when
 * the link is canonical, Eq. (glm-canonical-hessian).
 */
export function glmObjective(
  X: Matrix,
  y: Vector,
  model: GlmModel,
  offset?: Vector,
): Problem {
  const fn = 'glmObjective';
  checkGlm(fn, X, y, model, offset);
  const eta = (w: Vector) => linearPredictor(X, w, offset);
  return {
    f: (w) => deviance(model.family, y, means(fn, model, eta(w))) / 2,
    grad: (w) => glmGradient(X, y, model, eta(w)),
    hess: (w) => fisherInformation(X, model, eta(w)),
  };
}
// #endregion

// #region gradient
/** ∇L = −Σᵢ (yᵢ − μᵢ) μᵢ′ / V(μᵢ) xᵢ at η, Eq. (glm-gradient). */
export function glmGradient(
  X: Matrix,
  y: Vector,
  model: GlmModel,
  eta: Vector,
): Vector {
  checkGlm('glmGradient', X, y, model);
  checkEta('glmGradient', X, eta);
  const { rows: n, cols: p, data } = X;
  const link = linkOf(model);
  const mu = means('glmGradient', model, eta);
  const g = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const r = (y[i] - mu[i]) * link.derivative(eta[i]) /
      model.family.variance(mu[i]);
    for (let j = 0; j < p; j++) g[j] -= r * data[i * p + j];
  }
  return g;
}
// #endregion

// #region fisher
/** XᵀWX with Wᵢᵢ = (μᵢ′)² / V(μᵢ) at η, Eq. (glm-fisher). */
export function fisherInformation(
  X: Matrix,
  model: GlmModel,
  eta: Vector,
): Matrix {
  checkFinite('fisherInformation', 'X', X);
  checkModel('fisherInformation', model);
  checkEta('fisherInformation', X, eta);
  const { rows: n, cols: p, data } = X;
  const link = linkOf(model);
  const mu = means('fisherInformation', model, eta);
  const F = new Matrix(p, p);
  for (let i = 0; i < n; i++) {
    const d = link.derivative(eta[i]);
    const Wi = (d * d) / model.family.variance(mu[i]); // Eq. (glm-weights)
    for (let j = 0; j < p; j++) {
      const a = Wi * data[i * p + j];
      for (let l = j; l < p; l++) F.data[j * p + l] += a * data[i * p + l];
    }
  }
  for (let j = 0; j < p; j++) {
    for (let l = 0; l < j; l++) F.data[j * p + l] = F.data[l * p + j];
  }
  return F;
}
// #endregion
