// Numerical checking: relative error, all-close comparison with stated
// tolerances, and gradient checks by central differences. Every test in
// the book that compares floating-point numbers goes through here.
import { requireFinite, requirePositive } from './checks.ts';

// #region relative-error
/** |actual - expected| / |expected|; Infinity if only expected is 0. */
export function relativeError(actual: number, expected: number): number {
  requireFinite('relativeError', 'actual', actual);
  requireFinite('relativeError', 'expected', expected);
  const diff = Math.abs(actual - expected);
  if (diff === 0) return 0;
  return diff / Math.abs(expected); // Eq. (intro-relative-error)
}
// #endregion

// #region tolerance
export interface Tolerance {
  rtol?: number;
  atol?: number;
}

/** Defaults of allClose: about 9 of double's 16 digits must agree. */
export const DEFAULT_TOLERANCE = { rtol: 1e-9, atol: 1e-12 };
// #endregion

// #region worst-element
/** The element that uses most of its allowance, Eq. (intro-allclose). */
function worstElement(
  fn: string,
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  tol: { rtol: number; atol: number },
) {
  const a = toArray(fn, 'actual', actual);
  const e = toArray(fn, 'expected', expected);
  if (a.length !== e.length || typeof actual !== typeof expected) {
    throw new Error(
      `${fn}: shapes differ: actual ${shape(actual)}, ` +
        `expected ${shape(expected)}`,
    );
  }
  let worst = { index: -1, ratio: 0, actual: NaN, expected: NaN };
  for (let i = 0; i < a.length; i++) {
    const diff = Math.abs(a[i] - e[i]);
    const allowed = tol.atol + tol.rtol * Math.abs(e[i]);
    const ratio = diff === 0 ? 0 : diff / allowed; // x/0 = Infinity
    if (worst.index < 0 || ratio > worst.ratio) {
      worst = { index: i, ratio, actual: a[i], expected: e[i] };
    }
  }
  return worst;
}
// #endregion

// #region all-close
/** True if |a_i - e_i| <= atol + rtol |e_i| for every i. */
export function allClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  tol: Tolerance = {},
): boolean {
  const t = resolve('allClose', tol, DEFAULT_TOLERANCE);
  return worstElement('allClose', actual, expected, t).ratio <= 1;
}

/** Throws, naming the worst element, unless allClose holds. */
export function assertAllClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  tol: Tolerance = {},
  what = 'values',
): void {
  const fn = 'assertAllClose';
  const t = resolve(fn, tol, DEFAULT_TOLERANCE);
  const w = worstElement(fn, actual, expected, t);
  if (w.ratio <= 1) return;
  throw new Error(
    `${fn}: ${what} differ at index ${w.index}: actual ${w.actual}, ` +
      `expected ${w.expected}, |diff| ${Math.abs(w.actual - w.expected)}` +
      ` > atol + rtol*|expected| (rtol ${t.rtol}, atol ${t.atol})`,
  );
}
// #endregion

// #region differences
/** Forward difference, Eq. (fd-forward), with the step as stored. */
export function forwardDifference(
  f: (x: number) => number,
  x: number,
  h: number,
): number {
  requireStep('forwardDifference', f, x, h);
  const xp = x + h;
  return (f(xp) - f(x)) / (xp - x);
}

/** Central difference, Eq. (fd-central), with the step as stored. */
export function centralDifference(
  f: (x: number) => number,
  x: number,
  h: number,
): number {
  requireStep('centralDifference', f, x, h);
  const xp = x + h;
  const xm = x - h;
  return (f(xp) - f(xm)) / (xp - xm);
}
// #endregion

// #region optimal-step
/** The step that minimizes Eq. (fd-total): Eq. (fd-optimal-h). */
export function optimalCentralStep(fAbs: number, f3Abs: number): number {
  requireMagnitudes('optimalCentralStep', { fAbs, f3Abs });
  return Math.cbrt((3 * Number.EPSILON * fAbs) / f3Abs);
}

/** The forward-difference optimum, Eq. (fd-forward-optimal-h). */
export function optimalForwardStep(fAbs: number, f2Abs: number): number {
  requireMagnitudes('optimalForwardStep', { fAbs, f2Abs });
  return 2 * Math.sqrt((Number.EPSILON * fAbs) / f2Abs);
}

/** Default step: Eq. (fd-optimal-h) for |f| = |f'''| = 1. */
export const DEFAULT_STEP = optimalCentralStep(1, 1);
// #endregion

// #region numerical-gradient
/** Central-difference gradient of f at x, Eq. (fd-gradient). */
export function numericalGradient(
  f: (x: Float64Array) => number,
  x: Float64Array,
  h: number = DEFAULT_STEP,
  fn = 'numericalGradient', // the name errors give: the caller's
): Float64Array {
  requirePoint(fn, x);
  if (!Number.isFinite(h) || h <= 0) {
    throw new Error(`${fn}: h must be finite and > 0, got ${h}`);
  }
  const xw = Float64Array.from(x); // f sees a copy; x stays untouched
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const fi = (t: number): number => {
      xw[i] = t;
      const v = f(xw);
      xw[i] = x[i];
      requireFinite(fn, `f(x) with x[${i}] = ${t}`, v);
      return v;
    };
    const hi = h * Math.max(1, Math.abs(x[i])); // scale with |x_i|
    g[i] = centralDifference(fi, x[i], hi);
  }
  return g;
}
// #endregion

// #region gradient-check
/** Defaults of gradientCheck, chosen in the chapter's derivation. */
export const GRADIENT_TOLERANCE = { rtol: 1e-6, atol: 1e-8 };

export interface GradientCheck {
  ok: boolean; // maxError <= 1
  maxError: number; // worst |a_i - n_i| / (atol + rtol |n_i|)
  index: number; // the component where maxError occurs
  numeric: Float64Array;
  analytic: Float64Array;
}

/** Compares grad(x) with the central-difference gradient of f. */
export function gradientCheck(
  f: (x: Float64Array) => number,
  grad: (x: Float64Array) => Float64Array,
  x: Float64Array,
  tol: Tolerance & { h?: number } = {},
): GradientCheck {
  const fn = 'gradientCheck';
  const t = resolve(fn, tol, GRADIENT_TOLERANCE);
  const numeric = numericalGradient(f, x, tol.h ?? DEFAULT_STEP, fn);
  const analytic = Float64Array.from(grad(Float64Array.from(x)));
  if (analytic.length !== x.length) {
    throw new Error(
      `${fn}: grad(x) has length ${analytic.length}, x has ${x.length}`,
    );
  }
  const w = worstElement(fn, analytic, numeric, t); // Eq. (intro-allclose)
  const ok = w.ratio <= 1;
  return { ok, maxError: w.ratio, index: w.index, numeric, analytic };
}
// #endregion

// Input checks shared by the functions above.

/** tol with base's defaults filled in, each finite and >= 0. */
function resolve(fn: string, tol: Tolerance, base: Tolerance) {
  const rtol = tol.rtol ?? base.rtol ?? 0;
  const atol = tol.atol ?? base.atol ?? 0;
  for (const [name, t] of [['rtol', rtol], ['atol', atol]] as const) {
    if (!Number.isFinite(t) || t < 0) {
      throw new Error(`${fn}: ${name} must be finite and >= 0, got ${t}`);
    }
  }
  return { rtol, atol };
}

function requireStep(
  fn: string,
  f: (x: number) => number,
  x: number,
  h: number,
): void {
  if (typeof f !== 'function') {
    throw new Error(`${fn}: f must be a function, got ${typeof f}`);
  }
  requireFinite(fn, 'x', x);
  requireFinite(fn, 'h', h);
  if (h === 0 || x + h === x) {
    throw new Error(`${fn}: h = ${h} does not move x = ${x}`);
  }
}

/** x must be a non-empty array of finite numbers. */
function requirePoint(fn: string, x: ArrayLike<number>): void {
  if (typeof x !== 'object' || x === null || !(x.length > 0)) {
    throw new Error(`${fn}: x must be a non-empty array, got ${x}`);
  }
  toArray(fn, 'x', x);
}

/** Each named value must be finite and > 0. */
function requireMagnitudes(fn: string, xs: Record<string, number>) {
  for (const [name, x] of Object.entries(xs)) requirePositive(fn, name, x);
}

/** The values of x as an array-like, after checking each is finite. */
function toArray(
  fn: string,
  name: string,
  x: number | ArrayLike<number>,
): ArrayLike<number> {
  const xs = typeof x === 'number' ? [x] : x;
  if (xs === null || typeof xs !== 'object' || !('length' in xs)) {
    throw new Error(`${fn}: ${name} must be a number or an array`);
  }
  for (let i = 0; i < xs.length; i++) {
    requireFinite(fn, `${name}[${i}]`, xs[i]);
  }
  return xs;
}

function shape(x: number | ArrayLike<number>): string {
  return typeof x === 'number' ? 'a number' : `length ${x.length}`;
}
