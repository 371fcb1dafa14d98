// Fitting the logistic model: Newton's method (IRLS) and gradient
// descent, both the optimizers of the optimization chapter, started at
// θ = 0, with separable data detected instead of chased to infinity.
// Browser-safe: no node imports.
import {
  choleskyFor,
  choleskySolve,
} from '../decompositions/cholesky.ts';
import { requireInteger } from '../introduction/checks.ts';
import { symmetricEigen } from '../decompositions/eigen.ts';
import {
  Matrix,
  checkFinite,
  matmul,
  matvec,
  norm,
  scale,
  transpose,
} from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { addOnesColumn } from '../linear-regression/model.ts';
import { largestEigenvalue } from '../linear-regression/spectrum.ts';
import { gradientDescent } from '../optimization/gradient-descent.ts';
import { newton } from '../optimization/newton.ts';
import {
  ConvergenceError,
  type RunResult,
} from '../optimization/objective.ts';
import type { Problem } from '../optimization/problems.ts';
import { checkLambda } from '../regularization/ridge.ts';
import {
  checkLabels,
  checkTheta,
  logisticGradient,
  logisticHessian,
  logisticLoss,
  logits,
} from './model.ts';
import { sigmoid } from './sigmoid.ts';

// #region separation
/** Thrown when an iterate separates the data, so no minimizer exists. */
export class SeparationError extends Error {
  /** The separating θ = (b, w) and the step that reached it. */
  readonly theta: Vector;
  readonly step: number;
  constructor(message: string, theta: Vector, step: number) {
    super(message);
    this.name = 'SeparationError';
    this.theta = theta;
    this.step = step;
  }
}

/** minᵢ (2yᵢ − 1) zᵢ: > 0 iff θ puts every sample on its own side. */
export function margin(X: Matrix, y: Vector, theta: Vector): number {
  checkLabels('margin', X, y);
  checkTheta('margin', X, theta);
  const z = logits(X, theta);
  let m = Infinity;
  for (let i = 0; i < z.length; i++) m = Math.min(m, (2 * y[i] - 1) * z[i]);
  return m;
}
// #endregion

// #region objective
/**
 * L, ∇L and ∇²L of Eq. (logr-penalized) as functions of θ alone, for
 * the optimizers. With λ = 0 the gradient refuses a separating θ.
 */
export function logisticObjective(
  X: Matrix,
  y: Vector,
  lambda_ = 0,
  fn = 'logisticObjective',
): Problem {
  checkLabels(fn, X, y);
  checkLambda(fn, 'lambda_', lambda_);
  let step = -1; // the iterate number: distinct θ seen by grad
  let last = new Float64Array(0);
  return {
    f: (t) => logisticLoss(X, y, t, lambda_),
    grad: (t) => {
      if (t.length !== last.length || t.some((v, j) => v !== last[j])) {
        step += 1;
        last = Float64Array.from(t);
      }
      if (lambda_ === 0 && margin(X, y, t) > 0) {
        throw new SeparationError(
          `${fn}: the data are linearly separable: θ at step ${step} ` +
            `classifies all ${X.rows} samples correctly, so L can fall ` +
            'forever as ‖θ‖ grows and no maximum-likelihood θ exists. ' +
            'Use lambda_ > 0, or fewer features.',
          Float64Array.from(t), step);
      }
      return logisticGradient(X, y, t, lambda_);
    },
    hess: (t) => logisticHessian(X, t, lambda_),
  };
}
// #endregion

// #region fit-types
export interface LogisticOptions {
  /** λ of Eq. (logr-penalized); scikit-learn's C is 1/λ. Default 0. */
  lambda_?: number;
  /** At most this many steps (default: Newton 50, GD 100 000). */
  maxIter?: number;
  /** Stop when ‖∇L(θ)‖ ≤ tol · ‖∇L(0)‖; default 1e-10. */
  tol?: number;
}

/** A fitted model: P(y = 1 | x) = σ(b + wᵀx). */
export interface LogisticFit {
  w: Vector;
  b: number;
  /** θ = (b, w), the vector the optimizer saw. */
  theta: Vector;
  lambda_: number;
  /** The optimizer's record: iterates, L(θ_k), ‖∇L(θ_k)‖. */
  run: RunResult;
}
// #endregion

// #region fit-newton
/** Damped Newton down to ‖∇L‖ ≤ DAMPED_UNTIL · ‖∇L(0)‖, then full steps. */
export const DAMPED_UNTIL = 1e-5;

/** Newton's method, Eq. (logr-newton), from θ = 0: IRLS. */
export function fitLogisticNewton(
  X: Matrix,
  y: Vector,
  opts: LogisticOptions = {},
): LogisticFit {
  const fn = 'fitLogisticNewton';
  const { lambda_ = 0, maxIter = 50, tol = 1e-10 } = opts;
  checkOptions(fn, maxIter, tol);
  const { f, grad, hess } = start(fn, X, y, lambda_);
  const theta0 = new Float64Array(X.cols + 1);
  const g0 = norm(logisticGradient(X, y, theta0, lambda_));
  const loose = Math.max(tol, DAMPED_UNTIL) * g0;
  const damped = named(fn, () => newton(f, grad, hess, theta0, {
    lineSearch: true, maxIter, tol: loose,
  }));
  if (damped.gradNorm <= tol * g0) return toFit(damped, lambda_);
  const left = maxIter - damped.iterations;
  const full = named(fn, () => newton(f, grad, hess, damped.x, {
    lineSearch: false, maxIter: Math.max(left, 1), tol: tol * g0,
  }));
  return toFit(joined(damped, full), lambda_);
}
// #endregion

// #region fit-gd
/** ‖Ã‖₂²/4 + λ ≥ ‖∇²L‖₂ everywhere, Eq. (logr-smoothness). */
export function smoothness(X: Matrix, lambda_ = 0): number {
  checkLambda('smoothness', 'lambda_', lambda_);
  checkFinite('smoothness', 'X', X);
  const A = addOnesColumn(X);
  const gram = scale(matmul(transpose(A), A), 1 / 4);
  return largestEigenvalue(gram) + lambda_;
}

/** Gradient descent with η = 1/L, Eq. (logr-gd), from θ = 0. */
export function fitLogisticGD(
  X: Matrix,
  y: Vector,
  opts: LogisticOptions & { eta?: number } = {},
): LogisticFit {
  const fn = 'fitLogisticGD';
  const { lambda_ = 0, maxIter = 100_000, tol = 1e-10 } = opts;
  checkOptions(fn, maxIter, tol, opts.eta);
  const { f, grad } = start(fn, X, y, lambda_);
  const theta0 = new Float64Array(X.cols + 1);
  const eta = opts.eta ?? 1 / smoothness(X, lambda_);
  const run = named(fn, () => gradientDescent(f, grad, theta0, {
    eta,
    maxIter,
    tol: tol * norm(logisticGradient(X, y, theta0, lambda_)),
  }));
  return toFit(run, lambda_);
}
// #endregion

// #region fit-helpers
/** The objective, after checking that both classes occur. */
function start(fn: string, X: Matrix, y: Vector, lambda_: number) {
  const problem = logisticObjective(X, y, lambda_, fn);
  const ones = y.reduce((s, v) => s + v, 0);
  if (ones === 0 || ones === y.length) {
    throw new Error(
      `${fn}: y holds only ${ones === 0 ? 0 : 1}s; both classes are ` +
        'needed, or b runs off to infinity',
    );
  }
  return problem;
}

/** Runs `go`, renaming a ConvergenceError after the caller `fn`. */
function named(fn: string, go: () => RunResult): RunResult {
  try {
    return go();
  } catch (e) {
    if (!(e instanceof ConvergenceError)) throw e;
    throw new ConvergenceError(`${fn}: ${e.message}`, e.result);
  }
}

function toFit(run: RunResult, lambda_: number): LogisticFit {
  const theta = run.x;
  return { w: theta.slice(1), b: theta[0], theta, lambda_, run };
}

/** One record of two runs, the second started where the first ended. */
function joined(a: RunResult, b: RunResult): RunResult {
  return { ...b, iterations: a.iterations + b.iterations,
    evaluations: a.evaluations + b.evaluations,
    history: [...a.history, ...b.history.slice(1)] };
}
// #endregion

// #region irls
/**
 * One IRLS step, Eq. (logr-irls): the weighted least-squares problem
 * (ÃᵀVÃ + λI₀)θ⁺ = ÃᵀV ž with working response ž = z + V⁻¹(y − p).
 */
export function irlsStep(
  X: Matrix,
  y: Vector,
  theta: Vector,
  lambda_ = 0,
): Vector {
  checkModel('irlsStep', X, y, theta, lambda_);
  const H = logisticHessian(X, theta, lambda_); // ÃᵀVÃ + λI₀
  const A = addOnesColumn(X);
  const z = matvec(A, theta);
  // V ž = V z + (y − p): never divides by a vᵢ that may underflow
  const Vz = z.map((zi, i) => {
    const p = sigmoid(zi);
    return p * sigmoid(-zi) * zi + (y[i] - p);
  });
  const L = choleskyFor('irlsStep', H, 'ÃᵀVÃ + λI₀:');
  return choleskySolve(L, matvec(transpose(A), Vz));
}
// #endregion

// #region error-bound
/**
 * ‖θ − θ*‖ ≤ (‖∇L(θ)‖ + δ) / (μ/2), Eq. (logr-error-bound), with
 * μ = λmin(∇²L(θ)) and δ = nε Σᵢ‖ãᵢ‖, a bound on the rounding error
 * of the computed gradient. It holds when g = ‖∇L(θ)‖ + δ ≤ μ²/(8M),
 * M = Σᵢ‖ãᵢ‖³/(6√3), Eq. (logr-bound-condition); else Infinity.
 */
export function minimizerDistanceBound(
  X: Matrix,
  y: Vector,
  theta: Vector,
  lambda_ = 0,
): number {
  checkModel('minimizerDistanceBound', X, y, theta, lambda_);
  const grad = norm(logisticGradient(X, y, theta, lambda_));
  const eig = symmetricEigen(logisticHessian(X, theta, lambda_)).values;
  const mu = eig[eig.length - 1]; // the smallest: values are sorted
  const A = addOnesColumn(X);
  let rows = 0;
  let cubes = 0;
  for (let i = 0; i < A.rows; i++) {
    const r = norm(A.row(i));
    rows += r;
    cubes += r ** 3;
  }
  const g = grad + X.rows * Number.EPSILON * rows; // + δ
  const M = cubes / (6 * Math.sqrt(3)); // |σ''| ≤ 1/(6√3)
  if (!(mu > 0) || g > (mu * mu) / (8 * M)) return Infinity;
  return g / (mu / 2);
}
// #endregion

// Input checks of the functions above.

/** maxIter >= 1, tol >= 0 and, if given, a step eta > 0. */
function checkOptions(
  fn: string,
  maxIter: number,
  tol: number,
  eta?: number,
): void {
  requireInteger(fn, 'maxIter', maxIter, 1);
  if (!(tol >= 0 && Number.isFinite(tol))) {
    throw new Error(`${fn}: tol must be finite and >= 0, got ${tol}`);
  }
  if (eta !== undefined && !(eta > 0 && Number.isFinite(eta))) {
    throw new Error(`${fn}: eta must be finite and > 0, got ${eta}`);
  }
}

function checkModel(
  fn: string,
  X: Matrix,
  y: Vector,
  theta: Vector,
  lambda_: number,
): void {
  checkLabels(fn, X, y);
  checkTheta(fn, X, theta);
  checkLambda(fn, 'lambda_', lambda_);
}
