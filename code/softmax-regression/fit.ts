// Fitting softmax regression by Newton's method of the optimization
// chapter, with the model's redundant direction removed in one of two
// ways: a penalty on the class sums, or a reference class. Browser-safe.
import { Matrix, norm, type Vector } from '../linear-algebra/matrix.ts';
import { newton } from '../optimization/newton.ts';
import {
  ConvergenceError,
  type RunResult,
} from '../optimization/objective.ts';
import type { Problem } from '../optimization/problems.ts';
import { SeparationError } from '../logistic-regression/fit.ts';
import { checkLambda } from '../regularization/ridge.ts';
import { requireInteger } from '../introduction/checks.ts';
import {
  checkLabels,
  classScores,
  softmaxGradient,
  softmaxHessian,
  softmaxLoss,
} from './model.ts';

/** θ as the (d+1) x K matrix Θ, after checking its length. */
function asTheta(fn: string, t: Vector, q: number, K: number): Matrix {
  if (t.length !== q * K) {
    throw new Error(`${fn}: θ must have ${q}·${K} = ${q * K} entries, ` +
      `got ${t.length}`);
  }
  return new Matrix(q, K, t);
}

// #region centred
/**
 * L(Θ) + ½‖Θ1‖², Eq. (smr-centred), as functions of θ = Θ's entries
 * for the optimizers. The added term is 0 exactly when each row of Θ
 * sums to 0 over the classes, and it removes the redundant shift.
 */
export function centredObjective(
  X: Matrix,
  y: Int32Array,
  K: number,
  lambda_ = 0,
): Problem {
  const fn = 'centredObjective';
  checkLabels(fn, X, y, K);
  checkLambda(fn, 'lambda_', lambda_);
  const q = X.cols + 1;
  const rowSums = (T: Matrix) => Float64Array.from({ length: q },
    (_, j) => T.data.subarray(j * K, (j + 1) * K).reduce((s, v) => s + v));
  return {
    f: (t) => {
      const T = asTheta(fn, t, q, K);
      const s = rowSums(T);
      return softmaxLoss(X, y, T, lambda_) + norm(s) ** 2 / 2;
    },
    grad: (t) => {
      const T = asTheta(fn, t, q, K);
      const s = rowSums(T);
      const G = softmaxGradient(X, y, T, lambda_);
      return G.data.map((g, jk) => g + s[Math.floor(jk / K)]); // + s1ᵀ
    },
    hess: (t) => {
      const H = softmaxHessian(X, asTheta(fn, t, q, K), lambda_);
      const m = q * K;
      for (let j = 0; j < q; j++) {
        for (let k = 0; k < K; k++) {
          const row = (j * K + k) * m + j * K; // block (j, j)
          for (let c = 0; c < K; c++) H.data[row + c] += 1;
        }
      }
      return H; // + I ⊗ 11ᵀ
    },
  };
}
// #endregion

// #region reference
/** L with class K−1's column of Θ fixed at 0: θ has (d+1)(K−1) entries. */
export function referenceObjective(
  X: Matrix,
  y: Int32Array,
  K: number,
  lambda_ = 0,
): Problem {
  const fn = 'referenceObjective';
  checkLabels(fn, X, y, K);
  checkLambda(fn, 'lambda_', lambda_);
  const q = X.cols + 1;
  const free = (jk: number) => jk % K !== K - 1; // not the last column
  const expand = (t: Vector) => {
    asTheta(fn, t, q, K - 1);
    const T = new Matrix(q, K);
    for (let j = 0; j < q; j++) {
      T.data.set(t.subarray(j * (K - 1), (j + 1) * (K - 1)), j * K);
    }
    return T;
  };
  return {
    f: (t) => softmaxLoss(X, y, expand(t), lambda_),
    grad: (t) => softmaxGradient(X, y, expand(t), lambda_).data
      .filter((_, jk) => free(jk)),
    hess: (t) => {
      const H = softmaxHessian(X, expand(t), lambda_);
      const keep = [...Array(q * K).keys()].filter(free);
      const R = new Matrix(keep.length, keep.length);
      keep.forEach((r, a) => keep.forEach((c, b) => {
        R.data[a * keep.length + b] = H.data[r * q * K + c];
      }));
      return R;
    },
  };
}
// #endregion

// #region fit-types
export interface SoftmaxOptions {
  /** λ of Eq. (smr-loss); scikit-learn's C is 1/λ. Default 0. */
  lambda_?: number;
  /** Number of classes; default max(y) + 1. */
  K?: number;
  /** Fix the last class at Θ_{·,K−1} = 0 instead of centring. */
  reference?: boolean;
  /** At most this many Newton steps; default 50. */
  maxIter?: number;
  /** Stop when ‖∇‖ ≤ tol · ‖∇ at Θ = 0‖; default 1e-10. */
  tol?: number;
}

/** A fitted model: P(y = k | x) = softmax(b + Wᵀx)_k. */
export interface SoftmaxFit {
  /** Θ = [bᵀ; W], (d+1) x K; W = rows 1..d, b = row 0. */
  Theta: Matrix;
  W: Matrix;
  b: Vector;
  lambda_: number;
  /** The optimizer's record: iterates, L(θ_k), ‖∇L(θ_k)‖. */
  run: RunResult;
}
// #endregion

// #region fit
/** Damped Newton from Θ = 0 to ‖∇‖ ≤ 1e-6 ‖∇₀‖, then full steps. */
export function fitSoftmax(
  X: Matrix,
  y: Int32Array,
  opts: SoftmaxOptions = {},
): SoftmaxFit {
  const fn = 'fitSoftmax';
  const K = opts.K ?? labelCount(y); // labels 0..max(y)
  const { lambda_ = 0, reference = false } = opts;
  const { maxIter = 50, tol = 1e-10 } = opts;
  checkLabels(fn, X, y, K);
  checkLambda(fn, 'lambda_', lambda_);
  checkOptions(fn, maxIter, tol);
  const missing = [...Array(K).keys()].find((k) => !y.includes(k));
  if (missing !== undefined) {
    throw new Error(`${fn}: class ${missing} of 0..${K - 1} has no ` +
      'sample, so its intercept would run off to −∞');
  }
  const { f, grad, hess } = (reference ? referenceObjective
    : centredObjective)(X, y, K, lambda_);
  const t0 = new Float64Array((X.cols + 1) * (reference ? K - 1 : K));
  const g0 = norm(grad(t0));
  const run = named(fn, () => {
    const loose = { lineSearch: true, maxIter, tol: 1e-6 * g0 };
    const a = newton(f, grad, hess, t0, loose); // Eq. (opt-armijo)
    if (a.gradNorm <= tol * g0) return a;
    const rest = { maxIter: Math.max(1, maxIter - a.iterations),
      tol: tol * g0 };
    const b = newton(f, grad, hess, a.x, rest); // Eq. (opt-newton)
    return { ...b, iterations: a.iterations + b.iterations,
      evaluations: a.evaluations + b.evaluations,
      history: [...a.history, ...b.history.slice(1)] };
  });
  const fit = toFit(run, X.cols + 1, K, reference, lambda_);
  if (lambda_ === 0) refuseSeparated(fn, X, y, fit);
  return fit;
}
// #endregion

// #region separation
/**
 * Without a penalty, a Θ that puts every sample strictly in its own
 * class proves that L(tΘ) → 0 as t → ∞: no minimizer exists, and the
 * small gradient Newton stopped at is only far out on that ray.
 */
function refuseSeparated(
  fn: string,
  X: Matrix,
  y: Int32Array,
  fit: SoftmaxFit,
): void {
  const Z = classScores(X, fit.Theta);
  const K = Z.cols;
  let margin = Infinity; // minᵢ (z_{i,yᵢ} − max_{k≠yᵢ} z_ik)
  for (let i = 0; i < Z.rows; i++) {
    const z = Z.data.subarray(i * K, (i + 1) * K);
    let rival = -Infinity;
    for (let k = 0; k < K; k++) {
      if (k !== y[i]) rival = Math.max(rival, z[k]);
    }
    margin = Math.min(margin, z[y[i]] - rival);
  }
  if (margin > 0) {
    throw new SeparationError(`${fn}: the classes are linearly ` +
      `separable: Θ after ${fit.run.iterations} steps classifies all ` +
      `${X.rows} samples correctly, so L falls forever as Θ grows ` +
      'and no minimizer exists. Use lambda_ > 0.', fit.Theta.data,
    fit.run.iterations);
  }
  const [k, m] = separatedClass(Z, y);
  if (k >= 0) {
    throw new SeparationError(`${fn}: class ${k} is linearly ` +
      `separable from the others: z_${k} − z_${m} of Θ after ` +
      `${fit.run.iterations} steps is > 0 on all its samples and < 0 ` +
      `on the rest, so L falls forever along that direction and no ` +
      'minimizer exists. Use lambda_ > 0.', fit.Theta.data,
    fit.run.iterations);
  }
}

/**
 * The first class k, and a rival m, with z_ik − z_im > 0 exactly for
 * the samples of class k: adding t(θ_k − θ_m) to column k lowers every
 * term of L, so L has no minimizer. [−1, −1] if there is none.
 */
function separatedClass(Z: Matrix, y: Int32Array): [number, number] {
  const K = Z.cols;
  for (let k = 0; k < K; k++) {
    for (let m = 0; m < K; m++) {
      if (m === k) continue;
      let split = true;
      for (let i = 0; i < Z.rows && split; i++) {
        const gap = Z.data[i * K + k] - Z.data[i * K + m];
        split = y[i] === k ? gap > 0 : gap < 0;
      }
      if (split) return [k, m];
    }
  }
  return [-1, -1];
}
// #endregion

/** max(y) + 1, at least 2; checkLabels then checks y itself. */
function labelCount(y: Int32Array): number {
  let top = 1;
  for (let i = 0; i < (y?.length ?? 0); i++) top = Math.max(top, y[i]);
  return top + 1;
}

/** Runs `go`; a ConvergenceError is renamed and given a likely cause. */
function named(fn: string, go: () => RunResult): RunResult {
  try {
    return go();
  } catch (e) {
    if (!(e instanceof ConvergenceError)) throw e;
    throw new ConvergenceError(`${fn}: ${e.message}. If lambda_ = 0, ` +
      'the classes may be separable: use lambda_ > 0', e.result);
  }
}

function toFit(
  run: RunResult,
  q: number,
  K: number,
  reference: boolean,
  lambda_: number,
): SoftmaxFit {
  const Theta = new Matrix(q, K);
  const kk = reference ? K - 1 : K;
  for (let j = 0; j < q; j++) {
    Theta.data.set(run.x.subarray(j * kk, (j + 1) * kk), j * K);
  }
  const W = new Matrix(q - 1, K, Theta.data.slice(K));
  return { Theta, W, b: Theta.data.slice(0, K), lambda_, run };
}

function checkOptions(fn: string, maxIter: number, tol: number): void {
  requireInteger(fn, 'maxIter', maxIter, 1);
  if (!(tol >= 0 && Number.isFinite(tol))) {
    throw new Error(`${fn}: tol must be finite and >= 0, got ${tol}`);
  }
}
