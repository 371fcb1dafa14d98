// @unshown: input checks of the chapter's functions; each throws an
// Error that names the function the caller called and the argument.
import { Matrix } from '../linear-algebra/matrix.ts';
import type { KernelSpec } from './kernels.ts';

const fail = (fn: string, msg: string): never => {
  throw new Error(`${fn}: ${msg}`);
};

export { checkMatrix } from '../support-vector-machines/checks.ts';

function positive(fn: string, name: string, x: unknown): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || !(x > 0)) {
    fail(fn, `${name} must be a finite number > 0, got ${x}`);
  }
}

function finite(fn: string, name: string, x: unknown): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    fail(fn, `${name} must be a finite number, got ${x}`);
  }
}

const KINDS = ['linear', 'polynomial', 'rbf', 'laplacian', 'sigmoid',
  'sum', 'product', 'scaled'];

/** A kernel of a known kind with valid parameters, recursively. */
export function checkKernelSpec(fn: string, k: unknown, depth = 0): void {
  const kk = k as KernelSpec;
  if (kk === null || typeof kk !== 'object') {
    fail(fn, 'kernel must be an object');
  }
  if (depth > 20) fail(fn, 'kernel is nested more than 20 deep');
  if (!KINDS.includes(kk.kind)) {
    fail(fn, `kernel.kind must be one of ${KINDS.join(', ')}, ` +
      `got ${String(kk.kind)}`);
  }
  switch (kk.kind) {
    case 'linear': return;
    case 'rbf': case 'laplacian':
      return positive(fn, 'kernel.gamma', kk.gamma);
    case 'polynomial':
      positive(fn, 'kernel.gamma', kk.gamma);
      finite(fn, 'kernel.coef0', kk.coef0);
      if (!Number.isInteger(kk.degree) || kk.degree < 1 ||
        kk.degree > 20) {
        fail(fn, `kernel.degree must be an integer in 1..20, ` +
          `got ${kk.degree}`);
      }
      return;
    case 'sigmoid':
      positive(fn, 'kernel.gamma', kk.gamma);
      return finite(fn, 'kernel.coef0', kk.coef0);
    case 'scaled':
      positive(fn, 'kernel.c', kk.c);
      return checkKernelSpec(fn, kk.a, depth + 1);
    default:
      checkKernelSpec(fn, kk.a, depth + 1);
      checkKernelSpec(fn, kk.b, depth + 1);
  }
}

/** A square Matrix with finite entries. */
export function checkSquare(fn: string, name: string, K: unknown): void {
  if (!(K instanceof Matrix)) fail(fn, `${name} must be a Matrix`);
  const M = K as Matrix;
  if (M.rows !== M.cols) {
    fail(fn, `${name} must be square, got ${M.rows}x${M.cols}`);
  }
  for (let i = 0; i < M.data.length; i++) {
    if (!Number.isFinite(M.data[i])) {
      fail(fn, `${name} must be finite, got ${M.data[i]} at ${i}`);
    }
  }
}

/** A square, finite and symmetric Matrix (to 1e-12 of its largest). */
export function checkSymmetric(fn: string, name: string, K: unknown): void {
  checkSquare(fn, name, K);
  const M = K as Matrix, n = M.rows;
  let top = 0;
  for (let t = 0; t < M.data.length; t++) {
    top = Math.max(top, Math.abs(M.data[t]));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = M.data[i * n + j], b = M.data[j * n + i];
      if (Math.abs(a - b) > 1e-12 * top) {
        fail(fn, `${name} must be symmetric, got ${a} at (${i}, ${j}) ` +
          `and ${b} at (${j}, ${i})`);
      }
    }
  }
}

/** A vector of n finite numbers. */
export function checkVector(
  fn: string, name: string, v: unknown, n: number,
): void {
  if (!(v instanceof Float64Array)) {
    fail(fn, `${name} must be a Float64Array`);
  }
  const a = v as Float64Array;
  if (a.length !== n) {
    fail(fn, `${name} has length ${a.length}, expected ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(a[i])) {
      fail(fn, `${name} must be finite, got ${a[i]} at ${i}`);
    }
  }
}

/** A finite number >= lo (and <= hi). */
export function checkNumber(
  fn: string, name: string, x: unknown, lo: number, hi = Infinity,
): void {
  finite(fn, name, x);
  if (!((x as number) >= lo && (x as number) <= hi)) {
    fail(fn, `${name} must be in [${lo}, ${hi}], got ${x}`);
  }
}

/** An integer in [lo, hi]. */
export function checkInt(
  fn: string, name: string, x: unknown, lo: number, hi = Infinity,
): void {
  if (!Number.isInteger(x) || (x as number) < lo || (x as number) > hi) {
    fail(fn, `${name} must be an integer in [${lo}, ${hi}], got ${x}`);
  }
}

export { positive as checkPositiveNumber };
