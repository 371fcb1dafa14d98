// Exercise: Hessian-vector products by one forward pass of a gradient.
import {
  add, cos, div, exp, log, mul, sin, sub, tanh, type Dual,
} from '../dual.ts';
import { jvp } from '../forward.ts';

/** The gradient of threeVariables, f = e^{ab} + a^2 sin c
 * + tanh(a) log r with r = 1 + b^2 + c^2, written with dual operations
 * so that it can itself be differentiated. */
export function threeVariablesGradient(x: Dual[]): Dual[] {
  const [a, b, c] = x;
  const r = add(1, add(mul(b, b), mul(c, c)));
  const eab = exp(mul(a, b));
  const t = tanh(a);
  const dt = sub(1, mul(t, t)); // tanh' = 1 - tanh^2
  return [
    add(add(mul(b, eab), mul(mul(2, a), sin(c))), mul(dt, log(r))),
    add(mul(a, eab), div(mul(t, mul(2, b)), r)),
    add(mul(mul(a, a), cos(c)), div(mul(t, mul(2, c)), r)),
  ];
}

/** H(x) v = J_{grad f}(x) v: one forward pass, no Hessian formed. */
export function hvp(x: ArrayLike<number>, v: ArrayLike<number>) {
  return jvp(threeVariablesGradient, x, v); // Eq. (calc-forward-pass)
}
