// The book's tensor engine: n-dimensional arrays of float64 numbers
// that record how they were made, so that backward() can send a loss's
// gradient to every parameter, Eq. (ad-vjp-chain). A small set of
// primitives carries hand-derived backward rules; everything else is
// composed from them and gets its gradient for free.
import { requireFiniteArray } from '../introduction/checks.ts';
import { blockedProduct } from '../linear-algebra/matmul.ts';
import { sigmoid } from '../logistic-regression/sigmoid.ts';
import { topologicalOrder } from './scalar.ts';

/** Adds the vector-Jacobian product of one op into its inputs' grads. */
export type Backward = (g: Float64Array) => void;

// #region grad-mode
let gradEnabled = true;

/** Runs f without recording a graph: evaluation, not training. */
export function noGrad<T>(f: () => T): T {
  if (typeof f !== 'function') {
    throw new Error(`noGrad: expected a function, got ${typeof f}`);
  }
  const before = gradEnabled;
  gradEnabled = false;
  try {
    return f();
  } finally {
    gradEnabled = before; // restored even if f throws
  }
}
// #endregion

// #region tensor
/** Row-major numbers with a shape, and the tape entry that made them. */
export class Tensor {
  readonly data: Float64Array;
  readonly shape: readonly number[];
  readonly requiresGrad: boolean;
  /** ∂loss/∂this after backward(); kept (and summed) on leaves only. */
  grad: Float64Array | null = null;
  /** The tensors this one was computed from; emptied by backward(). */
  inputs: Tensor[] = [];
  /** Its op's backward rule; null for a leaf or once used. */
  backwardFn: Backward | null = null;
  /** Set once backward() has used and dropped this node's rule. */
  freed = false;

  /** Wraps a Float64Array (not copied); copies any other array. */
  constructor(
    data: ArrayLike<number>,
    shape: readonly number[],
    requiresGrad = false,
  ) {
    this.shape = checkShape('Tensor', shape);
    this.data = checkData('Tensor', data, sizeOf(this.shape),
      !scannedByRecord); // scan unless record() has just done it
    if (typeof requiresGrad !== 'boolean') {
      throw new Error('Tensor: requiresGrad must be true or false');
    }
    this.requiresGrad = requiresGrad;
  }
  // #endregion

  // #region backward
  /** Sends d(this)/d(this) = 1 back through the graph, Eq. (ad-adjoint),
   *  then frees the graph: the tape does not outlive one step. */
  backward(): void {
    checkLoss(this);
    const order = topologicalOrder<Tensor>(this);
    checkNotFreed(order); // a graph shared with an earlier loss
    (gradOf(this) as Float64Array)[0] += 1; // ∂loss/∂loss, summed
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i];
      if (t.backwardFn === null) continue; // a leaf: keep its grad
      t.backwardFn(t.grad ?? new Float64Array(t.size)); // Eq. (ad-vjp)
      t.backwardFn = null;
      t.inputs = [];
      t.grad = null; // intermediate adjoints are not kept
      t.freed = true;
    }
  }
  // #endregion

  // #region detach
  get size(): number {
    return this.data.length;
  }

  /** The same numbers, cut from the graph: a constant. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape, false);
  }
  // #endregion

  // #region binary-ops
  // Each: the forward value, then ∂z/∂x and ∂z/∂y for z = f(x, y).
  add(b: Tensor | number): Tensor { // Eq. (ad-vjp-add)
    return binary('Tensor.add', this, b, (x, y) => x + y,
      () => 1, () => 1);
  }

  sub(b: Tensor | number): Tensor {
    return binary('Tensor.sub', this, b, (x, y) => x - y,
      () => 1, () => -1);
  }

  mul(b: Tensor | number): Tensor { // Eq. (ad-vjp-mul)
    return binary('Tensor.mul', this, b, (x, y) => x * y,
      (_x, y) => y, (x) => x);
  }

  div(b: Tensor | number): Tensor {
    return binary('Tensor.div', this, b, (x, y) => x / y,
      (_x, y) => 1 / y, (_x, y, z) => -z / y);
  }
  // #endregion

  // #region unary-ops
  // Each: z = f(x), then f'(x) from x or from z, Eq. (ad-vjp-unary).
  neg(): Tensor {
    return unary('Tensor.neg', this, (x) => -x, () => -1);
  }

  exp(): Tensor {
    return unary('Tensor.exp', this, Math.exp, (_x, z) => z);
  }

  log(): Tensor {
    return unary('Tensor.log', this, Math.log, (x) => 1 / x);
  }

  relu(): Tensor {
    return unary('Tensor.relu', this, (x) => (x > 0 ? x : 0),
      (x) => (x > 0 ? 1 : 0)); // 0 at the kink, as PyTorch
  }

  tanh(): Tensor {
    return unary('Tensor.tanh', this, Math.tanh, (_x, z) => 1 - z * z);
  }

  sigmoid(): Tensor {
    return unary('Tensor.sigmoid', this, sigmoid,
      (_x, z) => z * (1 - z));
  }
  // #endregion

  // #region sum
  /** Sum over one axis, or over all entries; Eq. (ad-vjp-sum). */
  sum(axis?: number, keepDims = false): Tensor {
    const r = along('Tensor.sum', this.shape, axis, keepDims);
    const x = this.data;
    const out = new Float64Array(r.outer * r.inner);
    forEachAlong(r, (o, at) => { out[o] += x[at]; });
    return record('Tensor.sum', out, r.shape, [this], (g) => {
      const gx = gradOf(this) as Float64Array;
      forEachAlong(r, (o, at) => { gx[at] += g[o]; }); // a copy of g
    });
  }

  // #endregion

  // #region max-mean
  /** Largest entry over one axis, or of all; Eq. (ad-vjp-max). */
  max(axis?: number, keepDims = false): Tensor {
    const r = along('Tensor.max', this.shape, axis, keepDims);
    const x = this.data;
    const out = new Float64Array(r.outer * r.inner).fill(-Infinity);
    const arg = new Int32Array(out.length); // first largest wins
    forEachAlong(r, (o, at) => {
      if (x[at] > out[o]) { out[o] = x[at]; arg[o] = at; }
    });
    return record('Tensor.max', out, r.shape, [this], (g) => {
      const gx = gradOf(this) as Float64Array;
      for (let o = 0; o < g.length; o++) gx[arg[o]] += g[o];
    });
  }

  /** Composed: the sum times 1/count, so its gradient comes free. */
  mean(axis?: number, keepDims = false): Tensor {
    const { len } = along('Tensor.mean', this.shape, axis, keepDims);
    return this.sum(axis, keepDims).mul(1 / len);
  }
  // #endregion

  // #region matmul
  /** (m×k)(k×n) on the blocked kernel; Eq. (ad-vjp-matmul). Tensors
   *  hold finite numbers, so the kernel need not scan them again; the
   *  incoming gradient is scanned once, here. */
  matmul(b: Tensor): Tensor {
    const [m, k, n] = matmulSizes('Tensor.matmul', this, b);
    const out = blockedProduct(this.data, b.data, m, k, n);
    return record('Tensor.matmul', out, [m, n], [this, b], (g) => {
      requireFiniteArray('Tensor.matmul', 'gradient', g);
      const ga = gradOf(this);
      const gb = gradOf(b);
      if (ga) { // G Bᵀ; Bᵀ made only when A needs its gradient
        const bT = transpose2(b.data, k, n);
        addInto(ga, blockedProduct(g, bT, m, n, k));
      }
      if (gb) { // Aᵀ G
        const aT = transpose2(this.data, m, k);
        addInto(gb, blockedProduct(aT, g, k, m, n));
      }
    });
  }
  // #endregion

  // #region reshape
  /** The same numbers in another shape of the same size. */
  reshape(shape: readonly number[]): Tensor {
    const s = checkShape('Tensor.reshape', shape);
    if (sizeOf(s) !== this.size) {
      throw new Error(`Tensor.reshape: cannot view ${this.size} ` +
        `entries of [${this.shape}] as [${s}]`);
    }
    return record('Tensor.reshape', this.data, s, [this], (g) => {
      addInto(gradOf(this) as Float64Array, g); // Eq. (ad-vjp-move)
    });
  }

  // #endregion

  // #region transpose
  /** Rows and columns of a 2-D tensor swapped. */
  transpose(): Tensor {
    const [m, n] = dims2('Tensor.transpose', this);
    const out = transpose2(this.data, m, n);
    return record('Tensor.transpose', out, [n, m], [this], (g) => {
      addInto(gradOf(this) as Float64Array, transpose2(g, n, m));
    });
  }

  // #endregion

  // #region gather
  /** Rows idx[0], idx[1], … of the first axis; Eq. (ad-vjp-gather). */
  gather(idx: ArrayLike<number>): Tensor {
    const rows = this.shape[0] ?? 1;
    const ix = checkIndices('Tensor.gather', idx, rows);
    const w = this.size / rows; // entries per row
    const x = this.data;
    const out = new Float64Array(ix.length * w);
    for (let k = 0; k < ix.length; k++) {
      out.set(x.subarray(ix[k] * w, ix[k] * w + w), k * w);
    }
    const shape = [ix.length, ...this.shape.slice(1)];
    return record('Tensor.gather', out, shape, [this], (g) => {
      const gx = gradOf(this) as Float64Array;
      for (let k = 0; k < ix.length; k++) { // repeats add up
        for (let j = 0; j < w; j++) gx[ix[k] * w + j] += g[k * w + j];
      }
    });
  }

  // #endregion

  // #region pick
  /** Composed: entry (i, cols[i]) of each row, via reshape + gather. */
  pick(cols: ArrayLike<number>): Tensor {
    const [n, c] = dims2('Tensor.pick', this);
    const ix = checkIndices('Tensor.pick', cols, c);
    if (ix.length !== n) {
      throw new Error(`Tensor.pick: expected ${n} cols, one per row, ` +
        `got ${ix.length}`);
    }
    const flat = Int32Array.from(ix, (j, i) => i * c + j);
    return this.reshape([n * c]).gather(flat);
  }
  // #endregion
}

// #region record
/**
 * The output of an op: a new tensor that remembers its inputs and its
 * backward rule when any input needs a gradient and grad mode is on.
 * Fused ops of later chapters are written with it.
 */
export function record(
  fn: string,
  data: Float64Array,
  shape: readonly number[],
  inputs: readonly Tensor[],
  backward: Backward,
): Tensor {
  checkRecord(fn, data, inputs, backward); // every entry finite
  const track = gradEnabled && inputs.some((t) => t.requiresGrad);
  const out = scannedTensor(data, shape, track);
  if (track) {
    out.inputs = [...inputs];
    out.backwardFn = backward;
  }
  return out;
}

// #endregion

// #region grad-of
/** t's gradient buffer, zeros on first use; null if t needs none. */
export function gradOf(t: Tensor): Float64Array | null {
  if (!(t instanceof Tensor)) throw new Error('gradOf: expected a Tensor');
  if (!t.requiresGrad) return null;
  return (t.grad ??= new Float64Array(t.size));
}
// #endregion

// #region broadcast
/** The shape both shapes stretch to, Eq. (ad-broadcast). */
function broadcastShape(fn: string, a: readonly number[],
  b: readonly number[]): number[] {
  const r = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1; // missing axes count as 1
    const db = b[b.length - r + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`${fn}: shapes [${a}] and [${b}] do not broadcast`);
    }
    out.push(Math.max(da, db));
  }
  return out;
}

// #endregion

// #region broadcast-index
/** For each entry of shape `to`, the flat index of `from` it reads. */
function broadcastIndex(from: readonly number[],
  to: readonly number[]): Int32Array {
  const r = to.length;
  const stride = new Array<number>(r).fill(0); // 0 on stretched axes
  for (let i = from.length - 1, s = 1; i >= 0; i--) {
    if (from[i] !== 1) stride[r - from.length + i] = s;
    s *= from[i];
  }
  const idx = new Int32Array(sizeOf(to));
  const pos = new Array<number>(r).fill(0);
  let at = 0;
  for (let k = 0; k < idx.length; k++) {
    idx[k] = at;
    for (let ax = r - 1; ax >= 0; ax--) { // odometer step
      pos[ax]++;
      at += stride[ax];
      if (pos[ax] < to[ax]) break;
      at -= stride[ax] * to[ax];
      pos[ax] = 0;
    }
  }
  return idx;
}
// #endregion

// #region binary
type F2 = (x: number, y: number, z: number) => number;

function binary(fn: string, a: Tensor, bIn: Tensor | number,
  f: (x: number, y: number) => number, dx: F2, dy: F2): Tensor {
  const b = lift(fn, bIn);
  const shape = broadcastShape(fn, a.shape, b.shape);
  const ia = broadcastIndex(a.shape, shape);
  const ib = broadcastIndex(b.shape, shape);
  const x = a.data, y = b.data;
  const z = new Float64Array(ia.length);
  for (let i = 0; i < z.length; i++) z[i] = f(x[ia[i]], y[ib[i]]);
  return record(fn, z, shape, [a, b], (g) => {
    const ga = gradOf(a), gb = gradOf(b);
    for (let i = 0; i < g.length; i++) { // Eq. (ad-unbroadcast)
      const xi = x[ia[i]], yi = y[ib[i]];
      if (ga) ga[ia[i]] += g[i] * dx(xi, yi, z[i]);
      if (gb) gb[ib[i]] += g[i] * dy(xi, yi, z[i]);
    }
  });
}

// #endregion

// #region unary
function unary(fn: string, a: Tensor, f: (x: number) => number,
  df: (x: number, z: number) => number): Tensor {
  const x = a.data;
  const z = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) z[i] = f(x[i]);
  return record(fn, z, a.shape, [a], (g) => {
    const ga = gradOf(a) as Float64Array;
    for (let i = 0; i < g.length; i++) ga[i] += g[i] * df(x[i], z[i]);
  });
}
// #endregion

// #region along
/** A reduction's view of a shape: outer × len × inner. */
interface Along {
  outer: number;
  len: number;
  inner: number;
  shape: number[];
}

function forEachAlong(r: Along, f: (o: number, at: number) => void) {
  for (let p = 0; p < r.outer; p++) {
    for (let k = 0; k < r.len; k++) {
      const at = (p * r.len + k) * r.inner;
      for (let i = 0; i < r.inner; i++) f(p * r.inner + i, at + i);
    }
  }
}
// #endregion

function along(fn: string, shape: readonly number[],
  axis: number | undefined, keepDims: boolean): Along {
  if (typeof keepDims !== 'boolean') {
    throw new Error(`${fn}: keepDims must be true or false`);
  }
  if (axis === undefined) {
    return { outer: 1, len: sizeOf(shape), inner: 1,
      shape: keepDims ? shape.map(() => 1) : [] };
  }
  if (!Number.isInteger(axis) || axis < 0 || axis >= shape.length) {
    throw new Error(`${fn}: axis must be an integer in ` +
      `[0, ${shape.length - 1}] for shape [${shape}], got ${axis}`);
  }
  const out = shape.slice();
  if (keepDims) out[axis] = 1;
  else out.splice(axis, 1);
  return { outer: sizeOf(shape.slice(0, axis)), len: shape[axis],
    inner: sizeOf(shape.slice(axis + 1)), shape: out };
}

function transpose2(x: Float64Array, m: number, n: number) {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) out[j * m + i] = x[i * n + j];
  }
  return out;
}

function addInto(acc: Float64Array, x: Float64Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += x[i];
}

/** True only while record() makes its output, whose entries it has
 *  just scanned: the constructor then skips its own scan. */
let scannedByRecord = false;

function scannedTensor(data: Float64Array, shape: readonly number[],
  requiresGrad: boolean): Tensor {
  scannedByRecord = true;
  try {
    return new Tensor(data, shape, requiresGrad);
  } finally {
    scannedByRecord = false;
  }
}

function sizeOf(shape: readonly number[]): number {
  let s = 1;
  for (const d of shape) s *= d;
  return s;
}

// Input checks.

function checkShape(fn: string, shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) {
    throw new Error(`${fn}: shape must be an array of sizes`);
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 1) {
      throw new Error(`${fn}: shape must hold integers >= 1, ` +
        `got [${shape}]`);
    }
  }
  return shape.slice();
}

function checkData(fn: string, data: ArrayLike<number>, n: number,
  scan: boolean) {
  if (data === null || typeof data !== 'object' || !('length' in data)) {
    throw new Error(`${fn}: data must be an array of numbers`);
  }
  if (data.length !== n) {
    throw new Error(`${fn}: shape needs ${n} entries, data has ` +
      `${data.length}`);
  }
  for (let i = 0; scan && i < n; i++) {
    if (typeof data[i] !== 'number' || !Number.isFinite(data[i])) {
      throw new Error(`${fn}: data has ${data[i]} at flat index ${i}; ` +
        'expected finite numbers');
    }
  }
  return data instanceof Float64Array ? data : Float64Array.from(data);
}

function checkRecord(fn: string, data: Float64Array,
  inputs: readonly Tensor[], backward: Backward): void {
  if (typeof fn !== 'string' || fn === '') {
    throw new Error('record: fn must name the op');
  }
  if (!(data instanceof Float64Array)) {
    throw new Error(`${fn}: data must be a Float64Array`);
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) { // log(0), exp(1000), 1/0, …
      throw new Error(`${fn}: result has ${data[i]} at flat index ` +
        `${i}; an input is outside the op's domain or too large`);
    }
  }
  if (!Array.isArray(inputs) || !inputs.every((t) => t instanceof Tensor)) {
    throw new Error(`${fn}: inputs must be an array of Tensors`);
  }
  if (typeof backward !== 'function') {
    throw new Error(`${fn}: backward must be a function`);
  }
}

function checkLoss(t: Tensor): void {
  if (t.freed) {
    throw new Error('backward: the graph was freed by an earlier ' +
      'backward(); compute the loss again');
  }
  if (t.size !== 1) {
    throw new Error('backward: expected a loss with one entry, got ' +
      `shape [${t.shape}]`);
  }
  if (!t.requiresGrad) {
    throw new Error('backward: the loss does not depend on any tensor ' +
      'with requiresGrad (or was made under noGrad)');
  }
}

function checkNotFreed(order: readonly Tensor[]): void {
  if (order.some((t) => t.freed)) {
    throw new Error('backward: part of this graph was freed by an ' +
      'earlier backward(); compute the loss again, or add the losses ' +
      'and call backward() once');
  }
}

function lift(fn: string, b: Tensor | number): Tensor {
  if (b instanceof Tensor) return b;
  if (typeof b !== 'number' || !Number.isFinite(b)) {
    throw new Error(`${fn}: expected a Tensor or a finite number, ` +
      `got ${b}`);
  }
  return new Tensor([b], []);
}

function dims2(fn: string, t: Tensor): [number, number] {
  if (t.shape.length !== 2) {
    throw new Error(`${fn}: expected a 2-D tensor, got shape ` +
      `[${t.shape}]`);
  }
  return [t.shape[0], t.shape[1]];
}

function matmulSizes(fn: string, a: Tensor, b: Tensor) {
  if (!(b instanceof Tensor)) throw new Error(`${fn}: expected a Tensor`);
  const [m, k] = dims2(fn, a);
  const [k2, n] = dims2(fn, b);
  if (k !== k2) {
    throw new Error(`${fn}: inner sizes differ: [${a.shape}] times ` +
      `[${b.shape}]`);
  }
  return [m, k, n];
}

function checkIndices(fn: string, idx: ArrayLike<number>, n: number) {
  if (idx === null || typeof idx !== 'object' || !('length' in idx) ||
    idx.length === 0) {
    throw new Error(`${fn}: expected a non-empty array of indices`);
  }
  const ix = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new Error(`${fn}: index ${i} at ${k} is not an integer ` +
        `in [0, ${n - 1}]`);
    }
    ix[k] = i;
  }
  return ix;
}
