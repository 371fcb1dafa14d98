// The book's dense matrix: numbers in one Float64Array, row after row.
import { blockedKernel, type Kernel } from './matmul.ts';

// #region matrix-class
/** A column vector: its numbers, in order. */
export type Vector = Float64Array;

/** A dense matrix, row-major: entry (i, j) is data[i * cols + j]. */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  /** Wraps `data` (not copied) or allocates zeros. */
  constructor(rows: number, cols: number, data?: Float64Array) {
    checkSizes('Matrix', rows, cols);
    if (data !== undefined && !(data instanceof Float64Array)) {
      throw new Error('Matrix: expected data to be a Float64Array');
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new Error(
        `Matrix: shape ${rows}x${cols} needs ${rows * cols} entries, ` +
          `got ${data.length}`,
      );
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }
  // #endregion

  // #region matrix-get-set
  get(i: number, j: number): number {
    return this.data[this.index('get', i, j)];
  }

  set(i: number, j: number, v: number): void {
    if (!Number.isFinite(v)) {
      throw new Error(`Matrix.set: expected a finite number, got ${v}`);
    }
    this.data[this.index('set', i, j)] = v;
  }
  // #endregion

  // #region matrix-row-col
  /** Row i, as a new vector. */
  row(i: number): Vector {
    const at = this.index('row', i, 0);
    return this.data.slice(at, at + this.cols);
  }

  /** Column j, as a new vector. */
  col(j: number): Vector {
    this.index('col', 0, j);
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) {
      out[i] = this.data[i * this.cols + j];
    }
    return out;
  }

  private index(fn: string, i: number, j: number): number {
    const ok = Number.isInteger(i) && Number.isInteger(j) &&
      i >= 0 && i < this.rows && j >= 0 && j < this.cols;
    if (!ok) {
      throw new Error(
        `Matrix.${fn}: index (${i}, ${j}) is outside ` +
          `a ${this.rows}x${this.cols} matrix`,
      );
    }
    return i * this.cols + j;
  }
}
// #endregion

function checkSizes(fn: string, rows: number, cols: number): void {
  const ok = (d: number) => Number.isInteger(d) && d >= 1;
  if (!ok(rows) || !ok(cols)) {
    throw new Error(
      `${fn}: expected positive integer sizes, got ${rows}x${cols}`,
    );
  }
}

// #region checks
/** "3x4" for a matrix, "vector(3)" for a vector: for error messages. */
export function shapeOf(x: Matrix | Vector): string {
  if (x instanceof Matrix) return `${x.rows}x${x.cols}`;
  if (!ArrayBuffer.isView(x) && !Array.isArray(x)) return typeof x;
  return `vector(${x.length})`;
}

/** Throws, naming `fn`, the argument and where, at NaN or Infinity. */
export function checkFinite(
  fn: string,
  name: string,
  x: Matrix | Vector,
): void {
  const d = x instanceof Matrix ? x.data : x;
  requireArray(fn, name, d);
  for (let t = 0; t < d.length; t++) {
    if (Number.isFinite(d[t])) continue;
    const where = x instanceof Matrix
      ? `(${Math.floor(t / x.cols)}, ${t % x.cols})`
      : `[${t}]`;
    throw new Error(
      `${fn}: ${name} (${shapeOf(x)}) has ${d[t]} at ${where}; ` +
        'expected finite numbers',
    );
  }
}
// #endregion

/** Throws unless x is an array (or typed array) of numbers. */
function requireArray(fn: string, name: string, x: unknown): void {
  const ok = ArrayBuffer.isView(x) ||
    (Array.isArray(x) && x.every((v) => typeof v === 'number'));
  if (!ok) {
    throw new Error(`${fn}: ${name} must be a Matrix or an array of ` +
      `numbers, got ${Array.isArray(x) ? 'an array of arrays' : x}`);
  }
}

/** Throws unless A and B have the same shape. */
function checkSameShape(fn: string, A: Matrix, B: Matrix): void {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new Error(
      `${fn}: expected A and B of the same shape, ` +
        `got A ${shapeOf(A)} and B ${shapeOf(B)}`,
    );
  }
}

/** Throws unless x and y have the same length. */
function checkSameLength(fn: string, x: Vector, y: Vector): void {
  if (x.length !== y.length) {
    throw new Error(
      `${fn}: expected x and y of the same length, ` +
        `got x ${shapeOf(x)} and y ${shapeOf(y)}`,
    );
  }
}

function checkScalar(fn: string, s: number): void {
  if (!Number.isFinite(s)) {
    throw new Error(`${fn}: expected a finite scalar, got ${s}`);
  }
}

// #region from-rows
/** A matrix from an array of equally long rows of finite numbers. */
export function fromRows(rows: number[][]): Matrix {
  if (!Array.isArray(rows) || rows.length === 0 || !(rows[0]?.length > 0)) {
    throw new Error('fromRows: expected at least one row and one ' +
      'column, as an array of rows');
  }
  const m = rows.length;
  const n = rows[0].length;
  const A = new Matrix(m, n);
  for (let i = 0; i < m; i++) {
    if (rows[i].length !== n) {
      throw new Error(
        `fromRows: row 0 has ${n} entries but row ${i} has ` +
          `${rows[i].length}; expected a ${m}x${n} matrix`,
      );
    }
    A.data.set(rows[i], i * n);
  }
  checkFinite('fromRows', 'rows', A);
  return A;
}
// #endregion

// #region zeros-identity
export function zeros(rows: number, cols: number): Matrix {
  checkSizes('zeros', rows, cols);
  return new Matrix(rows, cols);
}

/** The n x n identity matrix I. */
export function identity(n: number): Matrix {
  checkSizes('identity', n, n);
  const I = new Matrix(n, n);
  for (let i = 0; i < n; i++) I.data[i * n + i] = 1;
  return I;
}
// #endregion

// #region transpose
/** The transpose: entry (i, j) of the result is entry (j, i) of A. */
export function transpose(A: Matrix): Matrix {
  checkFinite('transpose', 'A', A);
  const T = new Matrix(A.cols, A.rows);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < A.cols; j++) {
      T.data[j * A.rows + i] = A.data[i * A.cols + j];
    }
  }
  return T;
}
// #endregion

// #region zip
/** Applies `op` to matching entries of two same-shaped matrices. */
function zip(
  fn: string,
  A: Matrix,
  B: Matrix,
  op: (x: number, y: number) => number,
): Matrix {
  checkSameShape(fn, A, B);
  checkFinite(fn, 'A', A);
  checkFinite(fn, 'B', B);
  const out = new Float64Array(A.data.length);
  for (let t = 0; t < out.length; t++) out[t] = op(A.data[t], B.data[t]);
  return new Matrix(A.rows, A.cols, out);
}
// #endregion

// #region elementwise
export function add(A: Matrix, B: Matrix): Matrix {
  return zip('add', A, B, (x, y) => x + y);
}

export function sub(A: Matrix, B: Matrix): Matrix {
  return zip('sub', A, B, (x, y) => x - y);
}

/** The element-wise (Hadamard) product. */
export function hadamard(A: Matrix, B: Matrix): Matrix {
  return zip('hadamard', A, B, (x, y) => x * y);
}

export function scale(A: Matrix, s: number): Matrix {
  checkScalar('scale', s);
  checkFinite('scale', 'A', A);
  return new Matrix(A.rows, A.cols, A.data.map((x) => s * x));
}
// #endregion

// #region vector-ops
export function addVec(x: Vector, y: Vector): Vector {
  checkSameLength('addVec', x, y);
  checkFinite('addVec', 'x', x);
  checkFinite('addVec', 'y', y);
  return x.map((xi, i) => xi + y[i]);
}

export function subVec(x: Vector, y: Vector): Vector {
  checkSameLength('subVec', x, y);
  checkFinite('subVec', 'x', x);
  checkFinite('subVec', 'y', y);
  return x.map((xi, i) => xi - y[i]);
}

export function scaleVec(x: Vector, s: number): Vector {
  checkScalar('scaleVec', s);
  checkFinite('scaleVec', 'x', x);
  return x.map((xi) => s * xi);
}
// #endregion

// #region dot
/** The dot product, Eq. (la-dot). */
export function dot(x: Vector, y: Vector): number {
  checkSameLength('dot', x, y);
  checkFinite('dot', 'x', x);
  checkFinite('dot', 'y', y);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}
// #endregion

// #region norm
/**
 * The Euclidean norm, Eq. (la-norm), computed as
 * max|x_i| * sqrt(sum (x_i / max|x_i|)^2) so that squaring
 * cannot overflow or underflow.
 */
export function norm(x: Vector): number {
  checkFinite('norm', 'x', x);
  let big = 0;
  for (let i = 0; i < x.length; i++) big = Math.max(big, Math.abs(x[i]));
  if (big === 0) return 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] / big) ** 2;
  return big * Math.sqrt(s);
}
// #endregion

// #region matvec
/** y = Ax: entry i is the dot product of row i of A with x. */
export function matvec(A: Matrix, x: Vector): Vector {
  if (x.length !== A.cols) {
    throw new Error(
      `matvec: A is ${shapeOf(A)}, so x must be vector(${A.cols}); ` +
        `got x ${shapeOf(x)}`,
    );
  }
  checkFinite('matvec', 'A', A);
  checkFinite('matvec', 'x', x);
  const y = new Float64Array(A.rows);
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    for (let j = 0; j < A.cols; j++) s += A.data[i * A.cols + j] * x[j];
    y[i] = s;
  }
  return y;
}
// #endregion

// #region matmul
/** C = AB computed by `kernel`: the checks every product shares. */
export function matmulWith(kernel: Kernel, A: Matrix, B: Matrix): Matrix {
  const fn = `matmul(${kernel.name})`;
  if (A.cols !== B.rows) {
    throw new Error(
      `${fn}: A has ${A.cols} columns but B has ${B.rows} rows; ` +
        `got A ${shapeOf(A)} and B ${shapeOf(B)}`,
    );
  }
  checkFinite(fn, 'A', A);
  checkFinite(fn, 'B', B);
  const c = kernel(A.data, B.data, A.rows, A.cols, B.cols);
  return new Matrix(A.rows, B.cols, c);
}

/** The product the library uses: the register-blocked kernel. */
export function matmul(A: Matrix, B: Matrix): Matrix {
  return matmulWith(blockedKernel, A, B);
}
// #endregion
