// Newton's method: minimize the local quadratic model, Eq. (opt-newton),
// solving with the LU factorization of the linear-algebra chapter.
import { shapeOf, type Vector } from '../linear-algebra/matrix.ts';
import { solve } from '../linear-algebra/solve.ts';
import { armijo, checkSearch, type ArmijoOptions } from './line-search.ts';
import {
  checkMaxIter,
  checkRange,
  checkStart,
  finish,
  gradient,
  checked,
  type Fn,
  type Grad,
  type Hess,
  type RunResult,
} from './objective.ts';
import { requireFunction } from '../introduction/checks.ts';

// #region newton-options
export interface NewtonOptions {
  /** Damp the step with Eq. (opt-armijo) from t = 1 (default false). */
  lineSearch?: boolean | ArmijoOptions;
  /** At most this many steps; default 50. */
  maxIter?: number;
  /** Stop when ‖∇f(x_k)‖ <= tol; default 1e-10. */
  tol?: number;
  /** Throw a ConvergenceError at maxIter (default true). */
  requireConvergence?: boolean;
}
// #endregion

// #region newton
/** Minimizes f from x0 by Newton steps, pure or damped. */
export function newton(
  f: Fn,
  grad: Grad,
  hess: Hess,
  x0: Vector,
  opts: NewtonOptions = {},
): RunResult {
  const fn = 'newton';
  const { maxIter = 50, tol = 1e-10, requireConvergence = true } = opts;
  const ls = opts.lineSearch ?? false;
  const search = ls === false ? null : ls === true ? {} : ls;
  checkNewton(f, grad, hess, search);
  checkMaxIter(fn, maxIter);
  checkRange(fn, 'tol', tol, 0, Infinity);
  checkStart(fn, x0);
  let x: Vector = Float64Array.from(x0);
  let fx = checked(fn, f(x), 0);
  let { g, gradNorm } = gradient(fn, grad, x, 0);
  const history = [{ x, f: fx, gradNorm }];
  let evaluations = 1;
  for (let k = 1; k <= maxIter && gradNorm > tol; k++) {
    const d = newtonDirection(hess, x, g, k); // H d = −g
    const step = search === null
      ? fullStep(f, x, d) // Eq. (opt-newton)
      : dampedStep(f, x, fx, g, d, k, search);
    x = step.x;
    fx = checked(fn, step.f, k);
    evaluations += step.evaluations;
    ({ g, gradNorm } = gradient(fn, grad, x, k));
    history.push({ x, f: fx, gradNorm });
  }
  const o = { maxIter, tol, requireConvergence };
  return finish(fn, history, evaluations, o);
}
// #endregion

// #region newton-direction
/** Solves ∇²f(x) d = −∇f(x) by LU; refuses a singular Hessian. */
function newtonDirection(hess: Hess, x: Vector, g: Vector, k: number) {
  const H = hess(x);
  if (H.rows !== x.length || H.cols !== x.length) {
    throw new Error(
      `newton: hess(x) must be ${x.length}x${x.length}, got ${shapeOf(H)}`,
    );
  }
  try {
    return solve(H, g.map((gj) => -gj));
  } catch (e) {
    throw new Error(
      `newton: the Hessian at step ${k} cannot be solved: ` +
        (e as Error).message,
    );
  }
}

/** x + d, the step to the minimum of the model. */
function fullStep(f: Fn, x: Vector, d: Vector) {
  const next = x.map((xj, j) => xj + d[j]);
  return { x: next, f: f(next), evaluations: 1 };
}

/** Backtracks along d; a d that is not downhill means H is not PD. */
function dampedStep(
  f: Fn,
  x: Vector,
  fx: number,
  g: Vector,
  d: Vector,
  k: number,
  search: ArmijoOptions,
) {
  if (!(g.reduce((s, gj, j) => s + gj * d[j], 0) < 0)) {
    throw new Error(
      `newton: at step ${k} the Newton direction points uphill, so ` +
        'the Hessian there is not positive definite',
    );
  }
  return armijo(f, x, fx, g, d, 1, search);
}
// #endregion

function checkNewton(
  f: Fn,
  grad: Grad,
  hess: Hess,
  search: ArmijoOptions | null,
): void {
  for (const [name, g] of Object.entries({ f, grad, hess })) {
    requireFunction('newton', name, g);
  }
  if (search !== null) checkSearch('newton', search);
}
