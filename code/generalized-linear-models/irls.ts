// Iteratively reweighted least squares for any family and link: each
// step is a weighted least-squares problem, solved by Householder QR.
// Browser-safe: no node imports.
import {
  Matrix,
  norm,
  subVec,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { qrLeastSquares } from '../decompositions/least-squares.ts';
import { checkWeights } from '../linear-regression/model.ts';
import { calledAs } from '../introduction/checks.ts';
import {
  checkMaxIter,
  checkRange,
  ConvergenceError,
  type Iterate,
  type RunResult,
} from '../optimization/objective.ts';
import { deviance } from './families.ts';
import {
  checkEta,
  checkGlm,
  linearPredictor,
  linkOf,
  means,
  type GlmModel,
} from './model.ts';
import { glmGradient } from './objective.ts';

// #region irls-step
/**
 * The w that minimizes Σᵢ Wᵢᵢ(zᵢ − xᵢᵀw)², Eq. (glm-irls), as least
 * squares on √W X and √W z, with weights Eq. (glm-weights) and
 * √Wᵢᵢ zᵢ = √Wᵢᵢ(ηᵢ − oᵢ) + (yᵢ − μᵢ)/√V(μᵢ): nothing divides by μ′.
 */
export function irlsStep(
  X: Matrix,
  y: Vector,
  model: GlmModel,
  eta: Vector,
  offset?: Vector,
): Vector {
  checkGlm('irlsStep', X, y, model, offset);
  checkEta('irlsStep', X, eta);
  const { rows: n, cols: d, data } = X;
  const link = linkOf(model);
  const mu = means('irlsStep', model, eta);
  const A = new Matrix(n, d); // √W X
  const b = new Float64Array(n); // √W z
  for (let i = 0; i < n; i++) {
    const sdev = Math.sqrt(model.family.variance(mu[i])); // √V(μᵢ)
    const s = link.derivative(eta[i]) / sdev; // sᵢ, sᵢ² = Wᵢᵢ
    for (let j = 0; j < d; j++) A.data[i * d + j] = s * data[i * d + j];
    b[i] = s * (eta[i] - (offset?.[i] ?? 0)) + (y[i] - mu[i]) / sdev;
  }
  return calledAs('irlsStep', () => qrLeastSquares(A, b).w);
}
// #endregion

// #region fit-types
export interface GlmOptions {
  /** Start at these coefficients instead of at μ₀ (the default). */
  w0?: Vector;
  /** A known term o in η = Xw + o, e.g. log exposure. */
  offset?: Vector;
  /** At most this many steps; default 50. */
  maxIter?: number;
  /** Stop when ‖w_k − w_(k−1)‖ ≤ tol (1 + ‖w_k‖); default 1e-10. */
  tol?: number;
}

export interface GlmFit {
  w: Vector;
  /** η = Xw + o and μ = g⁻¹(η) at the fit. */
  eta: Vector;
  mu: Vector;
  deviance: number;
  model: GlmModel;
  /** Iterates w_k with L(w_k) = D/2 and ‖∇L(w_k)‖, w_0 first. */
  run: RunResult;
}
// #endregion

// #region fit-glm
/** Maximum likelihood for a GLM by IRLS, Eq. (glm-irls). */
export function fitGlm(
  X: Matrix,
  y: Vector,
  model: GlmModel,
  opts: GlmOptions = {},
): GlmFit {
  const fn = 'fitGlm';
  const { offset, maxIter = 50, tol = 1e-10 } = opts;
  checkGlm(fn, X, y, model, offset);
  checkMaxIter(fn, maxIter);
  checkRange(fn, 'tol', tol, 0, Infinity);
  if (opts.w0 !== undefined) checkWeights(fn, X, opts.w0, 'w0');
  // w₀: one step from η₀ = g(μ₀) unless the caller gives a start
  let w = opts.w0 ??
    calledAs(fn, () => irlsStep(X, y, model, startEta(model, y), offset));
  const history = [iterate(X, y, model, w, offset)];
  for (let k = 1; k <= maxIter; k++) {
    const eta = linearPredictor(X, w, offset);
    const next = calledAs(fn, () => irlsStep(X, y, model, eta, offset));
    const step = norm(subVec(next, w));
    w = next;
    history.push(iterate(X, y, model, w, offset));
    const small = step <= tol * (1 + norm(w));
    if (small) return done(X, model, history, opts);
  }
  const last = history[history.length - 1];
  throw new ConvergenceError(
    `${fn}: no convergence in ${maxIter} IRLS steps; the last step ` +
      `changed w by more than tol = ${tol} relative`,
    { ...last, iterations: maxIter, converged: false,
      evaluations: maxIter + 1, history },
  );
}
// #endregion

// #region start-eta
/** η₀ = g(μ₀) with the family's first guess μ₀ from each yᵢ. */
function startEta(model: GlmModel, y: Vector): Vector {
  const link = linkOf(model);
  return y.map((yi) => link.link(model.family.start(yi)));
}
// #endregion

// #region fit-record
/** w with L(w) = D(w)/2 and ‖∇L(w)‖: one entry of the history. */
function iterate(
  X: Matrix,
  y: Vector,
  model: GlmModel,
  w: Vector,
  offset?: Vector,
): Iterate {
  const eta = linearPredictor(X, w, offset);
  const mu = means('fitGlm', model, eta);
  return { x: w, f: deviance(model.family, y, mu) / 2,
    gradNorm: norm(glmGradient(X, y, model, eta)) };
}

function done(
  X: Matrix,
  model: GlmModel,
  history: Iterate[],
  opts: GlmOptions,
): GlmFit {
  const last = history[history.length - 1];
  const eta = linearPredictor(X, last.x, opts.offset);
  const mu = means('fitGlm', model, eta);
  const run = { ...last, iterations: history.length - 1,
    converged: true, evaluations: history.length, history };
  return { w: last.x, eta, mu, deviance: 2 * last.f, model, run };
}
// #endregion
