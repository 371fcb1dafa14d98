// Forward-mode differentiation: one evaluation of f on dual numbers
// gives one directional derivative, Eq. (calc-forward-pass).
import { Matrix } from '../linear-algebra/matrix.ts';
import { dual, type Dual } from './dual.ts';

function checkPoint(fn: string, name: string, x: ArrayLike<number>) {
  if (x === null || typeof x !== 'object' || !('length' in x)) {
    throw new Error(`${fn}: expected ${name} to be an array of numbers`);
  }
  if (x.length === 0) throw new Error(`${fn}: ${name} is empty`);
  for (let i = 0; i < x.length; i++) {
    if (typeof x[i] !== 'number' || !Number.isFinite(x[i])) {
      throw new Error(
        `${fn}: expected finite numbers, got ${name}[${i}] = ${x[i]}`,
      );
    }
  }
}

function checkDual(fn: string, what: string, y: unknown): Dual {
  const ok = y !== null && typeof y === 'object' &&
    'value' in y && 'deriv' in y;
  if (!ok) throw new Error(`${fn}: ${what} must be a Dual, got ${y}`);
  return y as Dual;
}

// #region derivative
/** f'(x) from one pass of f on x + 1·ε: Eq. (calc-dual-function). */
export function derivative(f: (x: Dual) => Dual, x: number): number {
  checkPoint('derivative', 'x', [x]);
  return checkDual('derivative', 'f(x)', f(dual(x, 1))).deriv;
}
// #endregion

// #region seed
/** The inputs x_i + v_i·ε of a pass along the direction v. */
function seed(fn: string, x: ArrayLike<number>, v: ArrayLike<number>) {
  checkPoint(fn, 'x', x);
  checkPoint(fn, 'v', v);
  if (v.length !== x.length) {
    throw new Error(
      `${fn}: expected v of length ${x.length} like x, got ${v.length}`,
    );
  }
  return Array.from(x, (xi, i) => dual(xi, v[i]));
}
// #endregion

// #region directional
/** ∇f(x)ᵀv, the derivative of f along v, in one pass. */
export function directionalDerivative(
  f: (x: Dual[]) => Dual,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
): number {
  const fn = 'directionalDerivative';
  return checkDual(fn, 'f(x)', f(seed(fn, x, v))).deriv;
}

/** ∇f(x): one pass per coordinate, seeded with e_i. */
export function gradient(
  f: (x: Dual[]) => Dual,
  x: ArrayLike<number>,
): Float64Array {
  checkPoint('gradient', 'x', x);
  const g = new Float64Array(x.length);
  const e = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    e[i] = 1; // Eq. (calc-partial): the direction of x_i
    g[i] = directionalDerivative(f, x, e);
    e[i] = 0;
  }
  return g;
}
// #endregion

// #region jvp
/** J(x)v, the Jacobian times v, in one pass of f. */
export function jvp(
  f: (x: Dual[]) => Dual[],
  x: ArrayLike<number>,
  v: ArrayLike<number>,
): Float64Array {
  const y = f(seed('jvp', x, v));
  if (!Array.isArray(y) || y.length === 0) {
    throw new Error('jvp: f(x) must be a non-empty array of Duals');
  }
  return Float64Array.from(y, (yi) => checkDual('jvp', 'f(x)_i', yi).deriv);
}

/** The m x n Jacobian, column j from one pass seeded with e_j. */
export function jacobian(
  f: (x: Dual[]) => Dual[],
  x: ArrayLike<number>,
): Matrix {
  checkPoint('jacobian', 'x', x);
  const n = x.length;
  const e = new Float64Array(n);
  let J: Matrix | null = null;
  for (let j = 0; j < n; j++) {
    e[j] = 1;
    const col = jvp(f, x, e); // Eq. (calc-jacobian-columns)
    e[j] = 0;
    J ??= new Matrix(col.length, n);
    if (col.length !== J.rows) {
      throw new Error(`jacobian: f(x) changed length to ${col.length}`);
    }
    for (let i = 0; i < J.rows; i++) J.data[i * n + j] = col[i];
  }
  return J as Matrix;
}
// #endregion
