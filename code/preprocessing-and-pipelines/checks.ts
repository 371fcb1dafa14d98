// @unshown: input checks shared by the chapter's files; each throws an
// Error naming the function, what it expected and what it got.
import type { Frame } from './frame.ts';

/** Throws unless X is a non-empty frame of well-formed columns. */
export function checkFrame(fn: string, X: Frame): void {
  if (!Array.isArray(X) || X.length === 0) {
    throw new Error(`${fn}: X must be a non-empty array of columns, ` +
      `got ${Array.isArray(X) ? 'no columns' : typeof X}`);
  }
  const names = new Set<string>();
  let n = -1;
  for (const c of X) {
    if (c === null || typeof c !== 'object' || typeof c.name !== 'string') {
      throw new Error(`${fn}: every column needs a name, got ${c}`);
    }
    if (names.has(c.name)) {
      throw new Error(`${fn}: two columns are named "${c.name}"`);
    }
    names.add(c.name);
    checkColumn(fn, c);
    if (n >= 0 && c.values.length !== n) {
      throw new Error(`${fn}: column "${c.name}" has ` +
        `${c.values.length} rows, the first column ${n}`);
    }
    n = c.values.length;
  }
  if (n === 0) throw new Error(`${fn}: X has no rows`);
}

function checkColumn(fn: string, c: Frame[number]): void {
  if (c.kind === 'number') {
    if (!(c.values instanceof Float64Array)) {
      throw new Error(`${fn}: numeric column "${c.name}" must hold a ` +
        'Float64Array');
    }
    for (let i = 0; i < c.values.length; i++) {
      const v = c.values[i];
      if (v === Infinity || v === -Infinity) {
        throw new Error(`${fn}: column "${c.name}" has ${v} at row ` +
          `${i}; expected finite numbers (NaN for missing)`);
      }
    }
  } else if (c.kind === 'category') {
    if (!Array.isArray(c.values)) {
      throw new Error(`${fn}: categorical column "${c.name}" must hold ` +
        'an array of strings');
    }
    for (let i = 0; i < c.values.length; i++) {
      const v = c.values[i];
      if (v !== null && typeof v !== 'string') {
        throw new Error(`${fn}: column "${c.name}" has ${String(v)} ` +
          `at row ${i}; expected a string (null for missing)`);
      }
    }
  } else {
    const kind = (c as { kind: unknown }).kind;
    throw new Error(`${fn}: column "${(c as { name: string }).name}" ` +
      `has kind ${String(kind)}; expected "number" or "category"`);
  }
}

/** Throws unless idx is a non-empty list of row indices in [0, n). */
export function checkRows(
  fn: string,
  idx: readonly number[],
  n: number,
): void {
  if (!Array.isArray(idx) || idx.length === 0) {
    throw new Error(`${fn}: expected a non-empty list of row indices`);
  }
  for (let t = 0; t < idx.length; t++) {
    const i = idx[t];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new Error(`${fn}: row index ${i} (entry ${t}) is not in ` +
        `[0, ${n})`);
    }
  }
}

/** Throws unless y holds n class labels, integers >= 0. */
export function checkLabelsFor(fn: string, y: Int32Array, n: number) {
  if (!(y instanceof Int32Array) || y.length !== n) {
    const got = y instanceof Int32Array ? `length ${y.length}` : typeof y;
    throw new Error(`${fn}: y must be an Int32Array of ${n} labels ` +
      `(one per row of X), got ${got}`);
  }
  for (let i = 0; i < n; i++) {
    if (y[i] < 0) {
      throw new Error(`${fn}: labels must be >= 0, got y[${i}] = ${y[i]}`);
    }
  }
}

/** Throws unless `value` is one of `allowed`. */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  value: T,
  allowed: readonly T[],
): void {
  if (!allowed.includes(value)) {
    throw new Error(`${fn}: ${name} must be one of ` +
      `${allowed.map((a) => `"${a}"`).join(', ')}; got ${String(value)}`);
  }
}
