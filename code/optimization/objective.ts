// What every optimizer of this chapter takes and returns: the objective
// as plain functions, guarded calls that refuse NaN and wrong shapes,
// the record of a run, and the two ways a run can fail.
import {
  checkFinite,
  norm,
  shapeOf,
  type Matrix,
  type Vector,
} from '../linear-algebra/matrix.ts';
import {
  requireFunction,
  requireInteger,
} from '../introduction/checks.ts';

// #region objective-types
/** The objective f: R^d -> R. */
export type Fn = (x: Vector) => number;
/** Its gradient, a vector of length d. */
export type Grad = (x: Vector) => Vector;
/** Its Hessian, a d x d matrix. */
export type Hess = (x: Vector) => Matrix;

/** One iterate of a run: x_k, f(x_k) and the norm of the gradient. */
export interface Iterate {
  x: Vector;
  f: number;
  gradNorm: number;
}

export interface RunResult {
  /** The last iterate and its value. */
  x: Vector;
  f: number;
  gradNorm: number;
  /** Steps taken; history has iterations + 1 entries. */
  iterations: number;
  /** True if the gradient norm reached tol. */
  converged: boolean;
  /** Calls of f, including those of line searches. */
  evaluations: number;
  history: Iterate[];
}
// #endregion

// #region errors
/** The objective blew up: a non-finite value, or a rise above f(x0). */
export class DivergenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DivergenceError';
  }
}

/** maxIter steps were taken and the gradient is still above tol. */
export class ConvergenceError extends Error {
  readonly result: RunResult;
  constructor(message: string, result: RunResult) {
    super(message);
    this.name = 'ConvergenceError';
    this.result = result;
  }
}
// #endregion

// #region guarded-calls
/** v = f(x_k), or a DivergenceError naming the caller and the step. */
export function checked(fn: string, v: number, k: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new DivergenceError(
      `${fn}: f(x) is ${v} at step ${k}; the iterates blew up ` +
        '(step size too large?)',
    );
  }
  return v;
}

/** grad(x), checked for length d and finite entries. */
export function gradient(fn: string, grad: Grad, x: Vector, k: number) {
  checkPoint(fn, grad, x);
  const g = grad(x);
  if (!(g instanceof Float64Array) || g.length !== x.length) {
    throw new Error(
      `${fn}: grad(x) must be a Float64Array of length ${x.length}, ` +
        `got ${g instanceof Float64Array ? shapeOf(g) : typeof g}`,
    );
  }
  if (!g.every(Number.isFinite)) {
    throw new DivergenceError(
      `${fn}: grad(x) has a non-finite entry at step ${k}`,
    );
  }
  return { g, gradNorm: norm(g) };
}
// #endregion

// #region finish
/** The result of a run; a ConvergenceError if it had to converge. */
export function finish(
  fn: string,
  history: Iterate[],
  evaluations: number,
  o: { tol: number; maxIter: number; requireConvergence: boolean },
): RunResult {
  checkFinish(fn, history, evaluations, o);
  const last = history[history.length - 1];
  const converged = last.gradNorm <= o.tol;
  const result = {
    ...last,
    iterations: history.length - 1,
    converged,
    evaluations,
    history,
  };
  if (!converged && o.requireConvergence) {
    throw new ConvergenceError(
      `${fn}: no convergence in ${o.maxIter} steps: ‖∇f‖ = ` +
        `${last.gradNorm.toExponential(2)} > tol = ${o.tol}`,
      result,
    );
  }
  return result;
}
// #endregion

// #region option-checks
/** Throws unless x0 is a non-empty vector of finite numbers. */
export function checkStart(fn: string, x0: Vector): void {
  if (!(x0 instanceof Float64Array) || x0.length === 0) {
    throw new Error(`${fn}: x0 must be a non-empty Float64Array`);
  }
  const i = x0.findIndex((v) => !Number.isFinite(v));
  if (i >= 0) {
    throw new Error(`${fn}: x0[${i}] is ${x0[i]}; expected finite`);
  }
}

/** Throws unless lo <= v < hi (or v <= hi with closed). */
export function checkRange(
  fn: string,
  name: string,
  v: number,
  lo: number,
  hi: number,
  closed = false,
): void {
  const ok = Number.isFinite(v) && v >= lo && (closed ? v <= hi : v < hi);
  if (!ok) {
    const right = closed ? ']' : ')';
    throw new Error(
      `${fn}: ${name} must be in [${lo}, ${hi}${right}, got ${v}`,
    );
  }
}

/** Throws unless maxIter is a positive integer. */
export function checkMaxIter(fn: string, maxIter: number): void {
  if (!Number.isInteger(maxIter) || maxIter < 1) {
    throw new Error(
      `${fn}: maxIter must be an integer >= 1, got ${maxIter}`,
    );
  }
}
// #endregion

function checkPoint(fn: string, grad: Grad, x: Vector): void {
  requireFunction(fn, 'grad', grad);
  checkFinite(fn, 'x', x);
  if (x.length === 0) throw new Error(`${fn}: x must be non-empty`);
}

function checkFinish(
  fn: string,
  history: Iterate[],
  evaluations: number,
  o: { tol: number; maxIter: number },
): void {
  if (!Array.isArray(history) || history.length === 0) {
    throw new Error(`${fn}: history must hold at least x0, got ${history}`);
  }
  requireInteger(fn, 'evaluations', evaluations);
  checkMaxIter(fn, o.maxIter);
  checkRange(fn, 'tol', o.tol, 0, Infinity);
}
