// @unshown: input checks; the chapter says what they refuse
// The input checks of the chapter's code, in one place so that the
// listings show the algorithms. Every error names the function the
// caller called. Browser-safe.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import { METHODS, type Method } from './lance-williams.ts';

/** Throws unless X is a finite Matrix with at least two rows. */
export function checkPoints(fn: string, X: Matrix): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, got ${typeof X}`);
  }
  if (X.rows < 2 || X.cols < 1) {
    throw new Error(`${fn}: X needs at least 2 rows and 1 column, got ` +
      `${shapeOf(X)}`);
  }
  checkFinite(fn, 'X', X);
}

/** Throws unless D is a finite, symmetric n × n matrix (n >= 2) with
 *  a zero diagonal and no negative entry. */
export function checkDistances(fn: string, D: Matrix): void {
  if (!(D instanceof Matrix)) {
    throw new Error(`${fn}: D must be a Matrix, got ${typeof D}`);
  }
  const n = D.rows;
  if (n < 2 || D.cols !== n) {
    throw new Error(`${fn}: D must be square with at least 2 rows, ` +
      `got ${shapeOf(D)}`);
  }
  checkFinite(fn, 'D', D);
  for (let i = 0; i < n; i++) {
    if (D.data[i * n + i] !== 0) {
      throw new Error(`${fn}: D must have a zero diagonal, ` +
        `D[${i}][${i}] = ${D.data[i * n + i]}`);
    }
    for (let j = 0; j < i; j++) {
      const v = D.data[i * n + j];
      if (v < 0 || v !== D.data[j * n + i]) {
        throw new Error(`${fn}: D must be symmetric and >= 0; ` +
          `D[${i}][${j}] = ${v}, D[${j}][${i}] = ${D.data[j * n + i]}`);
      }
    }
  }
}

/** Throws unless method is one of the seven linkages (or of `allowed`). */
export function checkMethod(fn: string, method: Method,
  allowed: readonly Method[] = METHODS): void {
  if (!allowed.includes(method)) {
    throw new Error(`${fn}: method must be one of ${allowed.join(', ')}, ` +
      `got ${method}`);
  }
}

/** Throws unless Z is a linkage matrix: (n − 1) × 4, children ids below
 *  n + row, each cluster used once, heights finite, sizes consistent. */
export function checkLinkage(fn: string, Z: Matrix): void {
  if (!(Z instanceof Matrix) || Z.cols !== 4 || Z.rows < 1) {
    throw new Error(`${fn}: Z must be an (n - 1) x 4 linkage Matrix, ` +
      `got ${Z instanceof Matrix ? shapeOf(Z) : typeof Z}`);
  }
  checkFinite(fn, 'Z', Z);
  const n = Z.rows + 1;
  const used = new Uint8Array(2 * n - 1);
  const size = new Float64Array(2 * n - 1).fill(1);
  for (let k = 0; k < Z.rows; k++) {
    const a = Z.data[4 * k];
    const b = Z.data[4 * k + 1];
    for (const c of [a, b]) {
      if (!Number.isInteger(c) || c < 0 || c >= n + k || used[c]) {
        throw new Error(`${fn}: Z row ${k} joins cluster ${c}, which ` +
          `is not an unused cluster id below ${n + k}`);
      }
      used[c] = 1;
    }
    if (a === b || Z.data[4 * k + 2] < 0) {
      throw new Error(`${fn}: Z row ${k} must join two clusters at a ` +
        `height >= 0, got ${a}, ${b} at ${Z.data[4 * k + 2]}`);
    }
    size[n + k] = size[a] + size[b];
    if (Z.data[4 * k + 3] !== size[n + k]) {
      throw new Error(`${fn}: Z row ${k} has size ${Z.data[4 * k + 3]}, ` +
        `but its clusters hold ${size[n + k]} points`);
    }
  }
}

/** Throws unless x is a finite number >= lo. */
export function checkNumber(fn: string, name: string, x: number,
  lo: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || !(x >= lo)) {
    throw new Error(`${fn}: ${name} must be a finite number >= ${lo}, ` +
      `got ${x}`);
  }
}

/** Throws unless k is an integer in [lo, hi]. */
export function checkInt(fn: string, name: string, k: number, lo: number,
  hi = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(k) || k < lo || k > hi) {
    throw new Error(`${fn}: ${name} must be an integer in [${lo}, ` +
      `${hi}], got ${k}`);
  }
}
