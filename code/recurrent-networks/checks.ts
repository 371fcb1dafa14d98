// @unshown: input checks of the chapter's functions; the prose shows the
// algorithms, these only reject bad arguments with a named error.
import { Tensor } from '../autodiff/tensor.ts';

export function checkSize(fn: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) {
    throw new Error(`${fn}: ${name} must be an integer >= 1, got ${v}`);
  }
}

export function checkRng(fn: string, rng: unknown): void {
  const r = rng as { uniform?: unknown } | null;
  if (r === null || typeof r !== 'object' ||
    typeof r.uniform !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}

/** A 2-D tensor with `cols` columns; returns its row count. */
export function checkRows(fn: string, name: string, x: unknown,
  cols: number): number {
  if (!(x instanceof Tensor) || x.shape.length !== 2 ||
    x.shape[1] !== cols) {
    throw new Error(`${fn}: ${name} must be a 2-D Tensor [batch, ` +
      `${cols}]`);
  }
  return x.shape[0];
}

export function checkCell(fn: string, cell: unknown): void {
  const c = cell as Record<string, unknown> | null;
  if (c === null || typeof c !== 'object' ||
    typeof c.step !== 'function' || typeof c.initialState !== 'function' ||
    typeof c.parameters !== 'function' ||
    !Number.isInteger(c.hiddenSize) || !Number.isInteger(c.inputSize)) {
    throw new Error(`${fn}: cell must be a RecurrentCell (inputSize, ` +
      'hiddenSize, initialState, step, parameters)');
  }
}

export function checkState(fn: string, state: unknown, batch: number,
  hidden: number): void {
  if (!Array.isArray(state) || state.length === 0 ||
    !state.every((s) => s instanceof Tensor && s.shape.length === 2 &&
      s.shape[0] === batch && s.shape[1] === hidden)) {
    throw new Error(`${fn}: state must be a non-empty array of Tensors ` +
      `[${batch}, ${hidden}]`);
  }
}

export function checkSequence(fn: string, xs: unknown, cols: number) {
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new Error(`${fn}: xs must be a non-empty array of Tensors, ` +
      'one a time step');
  }
  const n = checkRows(fn, 'xs[0]', xs[0], cols);
  xs.forEach((x, t) => {
    if (checkRows(fn, `xs[${t}]`, x, cols) !== n) {
      throw new Error(`${fn}: xs[${t}] has ${(x as Tensor).shape[0]} ` +
        `rows, xs[0] has ${n}`);
    }
  });
  return n;
}

export function checkTemperature(fn: string, t: number): void {
  if (typeof t !== 'number' || !Number.isFinite(t) || !(t >= 0)) {
    throw new Error(`${fn}: temperature must be a finite number >= 0, ` +
      `got ${t}`);
  }
}

/** An array of `count` Float64Arrays of `size` entries, all finite. */
export function checkArrays(fn: string, name: string, a: unknown,
  count: number, size: number): void {
  if (!Array.isArray(a) || a.length !== count) {
    throw new Error(`${fn}: ${name} must be an array of ${count} ` +
      'Float64Arrays');
  }
  a.forEach((v, t) => {
    if (!(v instanceof Float64Array) || v.length !== size) {
      throw new Error(`${fn}: ${name}[${t}] must be a Float64Array of ` +
        `${size} entries`);
    }
    for (let i = 0; i < size; i++) {
      if (!Number.isFinite(v[i])) {
        throw new Error(`${fn}: ${name}[${t}] has ${v[i]} at ${i}`);
      }
    }
  });
}

/** An Elman cell, its inputs xs ([n, d] each) and h0 ([n, H]);
 *  returns [n, H, d]. */
export function checkCellArrays(fn: string, cell: unknown,
  xs: unknown, h0: unknown): [number, number, number] {
  checkCell(fn, cell);
  const c = cell as { hiddenSize: number; inputSize: number; Wih?: Tensor };
  if (!(c.Wih instanceof Tensor)) {
    throw new Error(`${fn}: cell must be an ElmanCell`);
  }
  const H = c.hiddenSize, d = c.inputSize;
  if (!(h0 instanceof Float64Array) || h0.length === 0 ||
    h0.length % H !== 0) {
    throw new Error(`${fn}: h0 must be a Float64Array [n, ${H}]`);
  }
  const n = h0.length / H;
  checkArrays(fn, 'h0', [h0], 1, n * H);
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new Error(`${fn}: xs must be a non-empty array of steps`);
  }
  checkArrays(fn, 'xs', xs, xs.length, n * d);
  return [n, H, d];
}

/** A non-empty array of words of letters a–z. */
export function checkWordList(fn: string, words: unknown): string[] {
  if (!Array.isArray(words) || words.length === 0) {
    throw new Error(`${fn}: words must be a non-empty array of words`);
  }
  words.forEach((w, k) => {
    if (typeof w !== 'string' || !/^[a-z]+$/.test(w)) {
      throw new Error(`${fn}: words[${k}] must be one or more letters ` +
        `a-z, got ${JSON.stringify(w)}`);
    }
  });
  return words;
}
