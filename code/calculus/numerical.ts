// The book's numerical Jacobian and Hessian, and their checks, built
// row by row from the Introduction's numericalGradient and
// gradientCheck: no second finite-difference scheme.
import {
  DEFAULT_STEP,
  gradientCheck,
  numericalGradient,
  type Tolerance,
} from '../introduction/check.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { calledAs } from '../introduction/checks.ts';

type VectorFn = (x: Float64Array) => ArrayLike<number>;

/** Component i of f(x), after checking that f returns m numbers. */
function component(
  fn: string,
  f: VectorFn,
  x: Float64Array,
  i: number,
  m: number,
): number {
  const y = f(x);
  if (y.length !== m) {
    throw new Error(`${fn}: f(x) has length ${y.length}, expected ${m}`);
  }
  return y[i];
}

function outputLength(fn: string, f: VectorFn, x: Float64Array) {
  if (!(x instanceof Float64Array) || x.length === 0) {
    throw new Error(`${fn}: expected x to be a non-empty Float64Array`);
  }
  const m = f(Float64Array.from(x)).length;
  if (!Number.isInteger(m) || m < 1) {
    throw new Error(`${fn}: f(x) must return at least one number`);
  }
  return m;
}

// #region numerical-jacobian
/** Row i is the numerical gradient of f_i: Eq. (calc-jacobian). */
export function numericalJacobian(
  f: VectorFn,
  x: Float64Array,
  h: number = DEFAULT_STEP,
  fn = 'numericalJacobian', // the name errors give: the caller's
): Matrix {
  const m = outputLength(fn, f, x);
  const n = x.length;
  const J = new Matrix(m, n);
  for (let i = 0; i < m; i++) {
    const fi = (t: Float64Array) => component(fn, f, t, i, m);
    J.data.set(numericalGradient(fi, x, h, fn), i * n); // 2n calls
  }
  return J;
}

/** The Hessian is the Jacobian of the gradient: Eq. (calc-hessian). */
export function numericalHessian(
  grad: (x: Float64Array) => ArrayLike<number>,
  x: Float64Array,
  h: number = DEFAULT_STEP,
): Matrix {
  return numericalJacobian(grad, x, h, 'numericalHessian');
}
// #endregion

// #region jacobian-check
export interface JacobianCheck {
  ok: boolean; // every row passes its gradient check
  maxError: number; // worst over rows, as in gradientCheck
  row: number;
  col: number; // where maxError occurs
}

/** m gradient checks: row i of jac(x) against f_i's gradient. */
export function jacobianCheck(
  f: VectorFn,
  jac: (x: Float64Array) => Matrix,
  x: Float64Array,
  tol: Tolerance & { h?: number } = {},
): JacobianCheck {
  const fn = 'jacobianCheck';
  const m = outputLength(fn, f, x);
  const J = jac(Float64Array.from(x));
  if (!(J instanceof Matrix) || J.rows !== m || J.cols !== x.length) {
    throw new Error(
      `${fn}: jac(x) must be a ${m}x${x.length} Matrix, got ` +
        (J instanceof Matrix ? `${J.rows}x${J.cols}` : String(J)),
    );
  }
  let worst = { maxError: 0, row: 0, col: 0 };
  for (let i = 0; i < m; i++) {
    const fi = (t: Float64Array) => component(fn, f, t, i, m);
    const c = calledAs(fn, () => gradientCheck(fi, () => J.row(i), x, tol));
    if (c.maxError > worst.maxError) {
      worst = { maxError: c.maxError, row: i, col: c.index };
    }
  }
  return { ok: worst.maxError <= 1, ...worst };
}

/** The Hessian check is the Jacobian check of the gradient. */
export function hessianCheck(
  grad: (x: Float64Array) => ArrayLike<number>,
  hess: (x: Float64Array) => Matrix,
  x: Float64Array,
  tol: Tolerance & { h?: number } = {},
): JacobianCheck {
  const fn = 'hessianCheck';
  return calledAs(fn, () => jacobianCheck(grad, hess, x, tol));
}
// #endregion
