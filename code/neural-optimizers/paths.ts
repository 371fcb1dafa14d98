// Two test surfaces in the plane and the path an optimizer takes on
// them: the same step rules as for a network, on one 2-vector tensor
// whose gradient we set by hand instead of by backward().
import { Tensor } from '../autodiff/tensor.ts';
import type { StepRule } from '../multilayer-perceptron/train.ts';
import {
  requireFinite, requireFiniteArray, requireFunction,
} from
  '../introduction/checks.ts';
import { checkCount, checkPositive } from './checks.ts';

// #region surfaces
/** A surface: its value and gradient at (x, y). */
export interface Surface {
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
}

/** f = (u² + κ v²)/2 in axes (u, v) turned by the angle a from
 *  (x, y): curvature 1 along u and κ along v. */
export function quadratic(kappa: number, a = 0): Surface {
  checkPositive('quadratic', 'kappa', kappa);
  requireFinite('quadratic', 'a', a);
  const c = Math.cos(a), s = Math.sin(a);
  const u = (x: number, y: number) => c * x + s * y;
  const v = (x: number, y: number) => -s * x + c * y;
  return {
    f: (x, y) => (u(x, y) ** 2 + kappa * v(x, y) ** 2) / 2,
    grad: (x, y) => [c * u(x, y) - s * kappa * v(x, y),
      s * u(x, y) + c * kappa * v(x, y)],
  };
}

/** Rosenbrock's valley, Eq. (opt-rosenbrock); minimum at (1, 1). */
export const rosenbrock: Surface = {
  f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x),
    200 * (y - x * x)],
};
// #endregion

// #region path
/** The points visited by `steps` steps of rule from start. */
export function path(s: Surface, rule: StepRule, start: number[],
  eta: number, steps: number): [number, number][] {
  checkPath(s, rule, start, eta, steps);
  const p = new Tensor(Float64Array.from(start), [2], true);
  const out: [number, number][] = [[p.data[0], p.data[1]]];
  for (let k = 0; k < steps; k++) {
    p.grad = Float64Array.from(s.grad(p.data[0], p.data[1]));
    rule([p], eta); // the rule reads p.grad, writes p.data
    out.push([p.data[0], p.data[1]]);
  }
  return out;
}
// #endregion

function checkPath(s: Surface, rule: StepRule, start: number[],
  eta: number, steps: number): void {
  if (typeof s?.grad !== 'function') {
    throw new Error('path: s must be a surface (f, grad)');
  }
  requireFunction('path', 'rule', rule);
  requireFiniteArray('path', 'start', start, 2);
  if (start.length !== 2) {
    throw new Error(`path: start must be a point (x, y), got length ` +
      `${start.length}`);
  }
  checkPositive('path', 'eta', eta);
  checkCount('path', 'steps', steps, 0);
}
