// Gradient descent: fixed step, Armijo backtracking, or heavy-ball
// momentum. The general-purpose first-order optimizer of the book.
import type { Vector } from '../linear-algebra/matrix.ts';
import { armijo, checkSearch, type ArmijoOptions } from './line-search.ts';
import {
  DivergenceError,
  checkMaxIter,
  checkRange,
  checkStart,
  finish,
  gradient,
  checked,
  type Fn,
  type Grad,
  type RunResult,
} from './objective.ts';
import { requireFunction } from '../introduction/checks.ts';

// #region gd-options
export interface GDOptions {
  /** The fixed step η; with lineSearch, the first trial step. */
  eta?: number;
  /** Backtrack with Eq. (opt-armijo) (true for the defaults). */
  lineSearch?: boolean | ArmijoOptions;
  /** Heavy-ball momentum β in [0, 1); default 0 (plain GD). */
  momentum?: number;
  /** At most this many steps; default 10 000. */
  maxIter?: number;
  /** Stop when ‖∇f(x_k)‖ <= tol; default 1e-8. */
  tol?: number;
  /** Throw a ConvergenceError at maxIter (default true). */
  requireConvergence?: boolean;
}
// #endregion

// #region gd
/** Minimizes f from x0 by Eq. (opt-gd) or Eq. (opt-heavy-ball). */
export function gradientDescent(
  f: Fn,
  grad: Grad,
  x0: Vector,
  opts: GDOptions = {},
): RunResult {
  const fn = 'gradientDescent';
  const o = gdOptions(f, grad, opts);
  checkStart(fn, x0);
  let x: Vector = Float64Array.from(x0);
  let prev = x; // x_{k-1}: no momentum in the first step
  let fx = checked(fn, f(x), 0);
  let { g, gradNorm } = gradient(fn, grad, x, 0);
  const history = [{ x, f: fx, gradNorm }];
  let evaluations = 1;
  let k = 0;
  while (gradNorm > o.tol && k < o.maxIter) {
    const step = gdStep(f, x, prev, fx, g, o);
    prev = x;
    x = step.x;
    k += 1;
    evaluations += step.evaluations;
    fx = checked(fn, step.f, k);
    ({ g, gradNorm } = gradient(fn, grad, x, k));
    history.push({ x, f: fx, gradNorm });
    // without momentum, f cannot rise for η < 2/L: Eq. (opt-descent)
    if (o.momentum === 0 && fx > history[0].f) {
      throw new DivergenceError(
        `${fn}: f rose from f(x0) = ${history[0].f} to ${fx} at ` +
          `step ${k}: the step eta = ${o.eta} is too large`,
      );
    }
  }
  return finish(fn, history, evaluations, o);
}
// #endregion

// #region gd-step
type Resolved = Required<Omit<GDOptions, 'lineSearch'>> & {
  lineSearch: ArmijoOptions | null;
};

/** One step from x: fixed, with momentum, or by backtracking. */
function gdStep(
  f: Fn,
  x: Vector,
  prev: Vector,
  fx: number,
  g: Vector,
  o: Resolved,
): { x: Vector; f: number; evaluations: number } {
  if (o.lineSearch !== null) {
    const d = g.map((gj) => -gj); // steepest descent
    return armijo(f, x, fx, g, d, o.eta, o.lineSearch);
  }
  const { eta, momentum: beta } = o; // Eq. (opt-heavy-ball)
  const next = x.map((xj, j) => xj - eta * g[j] + beta * (xj - prev[j]));
  return { x: next, f: f(next), evaluations: 1 };
}
// #endregion

// #region gd-checks
function gdOptions(f: Fn, grad: Grad, opts: GDOptions): Resolved {
  const fn = 'gradientDescent';
  requireFunction(fn, 'f', f);
  requireFunction(fn, 'grad', grad);
  const ls = opts.lineSearch ?? false;
  const lineSearch = ls === false ? null : ls === true ? {} : ls;
  const eta = opts.eta ?? (lineSearch ? 1 : NaN);
  if (Number.isNaN(eta)) {
    throw new Error(`${fn}: give a step eta, or lineSearch: true`);
  }
  checkRange(fn, 'eta', eta, Number.MIN_VALUE, Infinity);
  const momentum = opts.momentum ?? 0;
  checkRange(fn, 'momentum', momentum, 0, 1);
  if (lineSearch) checkSearch(fn, lineSearch);
  if (lineSearch && momentum > 0) {
    throw new Error(`${fn}: momentum and lineSearch do not combine`);
  }
  const { maxIter = 10_000, tol = 1e-8, requireConvergence = true } = opts;
  checkMaxIter(fn, maxIter);
  checkRange(fn, 'tol', tol, 0, Infinity);
  return { eta, lineSearch, momentum, maxIter, tol, requireConvergence };
}
// #endregion
