// Forward mode against reverse mode on one function of d inputs,
// f(x) = Σ_i tanh(x_i) x_{i+1}, indices mod d: the calculus chapter's
// dual numbers need d passes for the gradient, the scalar graph one
// forward and one backward pass.
import * as D from '../calculus/dual.ts';
import { gradient as forwardGradient } from '../calculus/forward.ts';
import { requireFiniteArray } from '../introduction/checks.ts';
import { Value } from './scalar.ts';

// #region mode-functions
/** f on dual numbers: one pass gives one directional derivative. */
function fDual(x: D.Dual[]): D.Dual {
  let s: D.Dual = D.dual(0);
  for (let i = 0; i < x.length; i++) {
    s = D.add(s, D.mul(D.tanh(x[i]), x[(i + 1) % x.length]));
  }
  return s;
}

/** f on graph values: one backward pass gives every partial. */
function fValue(x: Value[]): Value {
  let s = new Value(0);
  for (let i = 0; i < x.length; i++) {
    s = s.add(x[i].tanh().mul(x[(i + 1) % x.length]));
  }
  return s;
}

// #endregion

// #region mode-gradients
/** ∇f by forward mode: d passes, seeded with e_1, …, e_d. */
export function gradientForward(x: ArrayLike<number>): Float64Array {
  requireFiniteArray('gradientForward', 'x', x);
  return forwardGradient(fDual, x);
}

/** ∇f by reverse mode: one pass each way, Eq. (ad-adjoint). */
export function gradientReverse(x: ArrayLike<number>): Float64Array {
  requireFiniteArray('gradientReverse', 'x', x);
  const xs = Array.from(x, (xi) => new Value(xi));
  fValue(xs).backward();
  return Float64Array.from(xs, (v) => v.grad);
}
// #endregion
