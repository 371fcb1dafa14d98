// Backtracking line search with the Armijo sufficient-decrease test.
import {
  checkFinite,
  dot,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { requireFunction } from '../introduction/checks.ts';
import { checkRange, type Fn } from './objective.ts';

// #region armijo-types
export interface ArmijoOptions {
  /** Sufficient-decrease constant c in (0, 1); default 1e-4. */
  c?: number;
  /** Factor τ in (0, 1) that shrinks a rejected step; default 0.5. */
  shrink?: number;
  /** Shrinks before giving up; default 60 (0.5^60 ≈ 1e-18). */
  maxShrinks?: number;
}

export interface ArmijoStep {
  /** The accepted step t, the new point x + t d and f there. */
  t: number;
  x: Vector;
  f: number;
  /** Calls of f made by the search. */
  evaluations: number;
}
// #endregion

// #region armijo
/**
 * Shrinks t from t0 until f(x + t d) <= f(x) + c t ∇f(x)ᵀd,
 * Eq. (opt-armijo). d must be a descent direction: ∇f(x)ᵀd < 0.
 */
export function armijo(
  f: Fn,
  x: Vector,
  fx: number,
  g: Vector,
  d: Vector,
  t0: number,
  opts: ArmijoOptions = {},
): ArmijoStep {
  const { c = 1e-4, shrink = 0.5, maxShrinks = 60 } = opts;
  checkArmijo(f, x, fx, g, d, t0, opts);
  const slope = dot(g, d); // the directional derivative ∇f(x)ᵀd
  if (!(slope < 0)) {
    throw new Error(
      `armijo: d is not a descent direction: ∇f(x)ᵀd = ${slope} >= 0`,
    );
  }
  let t = t0;
  for (let i = 1; i <= maxShrinks + 1; i++) {
    const xt = x.map((xj, j) => xj + t * d[j]);
    const ft = f(xt); // NaN or Infinity fails the test: shrink
    if (ft <= fx + c * t * slope) {
      return { t, x: xt, f: ft, evaluations: i };
    }
    t *= shrink;
  }
  throw new Error(
    `armijo: no step in [${t0}·${shrink}^${maxShrinks}, ${t0}] ` +
      `decreases f enough (slope ${slope}); is the gradient right?`,
  );
}
// #endregion

function checkArmijo(
  f: Fn,
  x: Vector,
  fx: number,
  g: Vector,
  d: Vector,
  t0: number,
  opts: ArmijoOptions,
): void {
  requireFunction('armijo', 'f', f);
  if (g.length !== x.length || d.length !== x.length) {
    throw new Error(
      `armijo: expected x, g and d of one length, got x ${shapeOf(x)}, ` +
        `g ${shapeOf(g)} and d ${shapeOf(d)}`,
    );
  }
  if (!Number.isFinite(fx)) {
    throw new Error(`armijo: f(x) must be finite, got ${fx}`);
  }
  for (const [name, v] of Object.entries({ x, g, d })) {
    checkFinite('armijo', name, v);
  }
  checkRange('armijo', 't0', t0, Number.MIN_VALUE, Infinity);
  checkSearch('armijo', opts);
}

/** Throws unless the options of a line search are in range. */
export function checkSearch(fn: string, opts: ArmijoOptions): void {
  const { c = 1e-4, shrink = 0.5, maxShrinks = 60 } = opts;
  checkRange(fn, 'c', c, Number.MIN_VALUE, 1);
  checkRange(fn, 'shrink', shrink, Number.MIN_VALUE, 1);
  if (!Number.isInteger(maxShrinks) || maxShrinks < 0) {
    throw new Error(
      `${fn}: maxShrinks must be an integer >= 0, got ${maxShrinks}`,
    );
  }
}
