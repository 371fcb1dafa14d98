// Generated bad input (not a test file). A chapter describes each public
// function once, as a BadInputSpec: the function, the name its errors
// must start with, a factory of valid arguments and what each argument
// is (a vector of n numbers, a d x d matrix, an integer >= 1, ...).
// `rejectsBadInput` then corrupts one argument at a time, in every way
// its description allows, with fast-check choosing where and what:
//
// - NaN, Infinity or -Infinity put into a vector, a matrix or a scalar;
// - an empty vector or list;
// - a length or a matrix shape that no longer matches another argument
//   of the same size symbol ('n' in X: mat('n', 'd') and y: vec('n')),
//   or a fixed size;
// - an entry or a hyperparameter outside its declared range, or not an
//   integer where one is needed;
// - a number where an array or a Matrix belongs; a required option left
//   out; an unknown choice where one of a few strings belongs;
//
// and asserts that each call throws an Error whose message starts with
// the function's name followed by ':' or '(' (the book's contract,
// BOOK-STYLE "Code") and mentions the corrupted argument (its name, or
// an alias the spec gives; case ignored). fast-check's seed is fixed
// per function, so a run is reproducible. The chapter's
// test file runs its groups of specs, one `it` a group; the platform
// test tests/platform/bad-input.test.ts counts what they cover.
import fc from 'fast-check';
import { Matrix } from '../code/linear-algebra/matrix.ts';

/**
 * A size: a symbol shared between arguments ('n'), or a fixed number.
 * Items of a list share their sizes too, unless the symbol ends in '*'
 * (each item its own number of rows, say).
 */
export type Dim = string | number;

export interface Range {
  /** Inclusive bounds. */
  min?: number;
  max?: number;
  /** Exclusive bounds. */
  gt?: number;
  lt?: number;
  integer?: boolean;
  /** Infinity (of the sign the range allows) is a valid value. */
  infinite?: boolean;
  /** Values excluded from the range (a step h != 0). */
  not?: readonly number[];
}

type Kind = 'vec' | 'mat' | 'num' | 'list' | 'opts' | 'choice' | 'str' |
  'fn' | 'any';

/** What one argument is, and so how it can be corrupted. */
export interface Arg {
  readonly kind: Kind;
  /** How the function's messages call it (any of these will do);
   *  default: its parameter name. */
  readonly as?: string | readonly string[];
  readonly dims?: readonly Dim[];
  readonly range?: Range;
  /** For vectors: the only values allowed (labels). */
  readonly values?: readonly number[];
  /** For vectors and lists: the fewest entries allowed (default 1). */
  readonly minLength?: number;
  /** For vectors: NaN and Infinity are valid entries (a container). */
  readonly nonfinite?: boolean;
  readonly item?: Arg;
  readonly fields?: Readonly<Record<string, Arg>>;
  readonly required?: readonly string[];
  readonly choices?: readonly string[];
  /** For strings: the path of a file that must exist. */
  readonly path?: boolean;
  /** For callbacks: they must return a finite number. */
  readonly returnsNumber?: boolean;
}

/** An array of numbers (Float64Array, Int32Array or number[]). */
export function vec(
  dim?: Dim,
  o: Omit<Arg, 'kind' | 'dims'> & Range = {},
): Arg {
  const { as, values, minLength, nonfinite, ...range } = o;
  return { kind: 'vec', dims: dim === undefined ? [] : [dim], as, values,
    minLength, nonfinite, range };
}

/** Labels: a vector whose entries must lie in `values`. */
export function labels(
  dim: Dim,
  values: readonly number[],
  as?: Arg['as'],
): Arg {
  return vec(dim, { values, as });
}

/** A Matrix of rows x cols. */
export function mat(rows: Dim, cols: Dim, as?: Arg['as']): Arg {
  return { kind: 'mat', dims: [rows, cols], as };
}

/** A number: finite unless `infinite`, within the range. */
export function num(range: Range = {}, as?: Arg['as']): Arg {
  return { kind: 'num', range, as };
}

/** An integer >= min (default 0): a count or a seed. */
export function int(min = 0, o: Range = {}, as?: Arg['as']): Arg {
  return num({ integer: true, min, ...o }, as);
}

/** An array of items, each described by `item`. */
export function list(item: Arg, o: { minLength?: number; as?: Arg['as'];
  dims?: readonly Dim[] } = {}): Arg {
  return { kind: 'list', item, ...o };
}

/**
 * An options object; only the described fields are corrupted (the valid
 * object must give each vector, matrix or list field a value). Leaving
 * out a `required` key must be an error. An error may name the field or
 * the options argument itself.
 */
export function opts(
  fields: Record<string, Arg>,
  required: readonly string[] = [],
): Arg {
  return { kind: 'opts', fields, required };
}

/** One of a few strings. */
export function choice(
  choices: readonly string[],
  as?: Arg['as'],
): Arg {
  return { kind: 'choice', choices, as };
}

/** A non-empty string; with `path`, of a file that must exist. */
export function str(
  o: { path?: boolean; as?: string | readonly string[] } = {},
): Arg {
  return { kind: 'str', ...o };
}

/** A callback; with `returnsNumber`, one whose value must be finite. */
export function callback(
  o: { returnsNumber?: boolean; as?: Arg['as'] } = {},
): Arg {
  return { kind: 'fn', ...o };
}

/** Not corrupted: a model object, a generator, an unchecked callback. */
export function any(): Arg {
  return { kind: 'any' };
}

export interface BadInputSpec {
  /** The function called (a wrapper for a method or a constructor). */
  readonly fn: (...args: any[]) => unknown;
  /** Its errors start with this name; default fn.name. */
  readonly name: string;
  /** Fresh valid arguments on every call. */
  readonly valid: () => unknown[];
  /** One description per argument, in order. */
  readonly args: readonly Arg[];
  /** The exported function(s) this spec covers; default [fn]. */
  readonly covers: readonly unknown[];
  /** Parameter names, for messages; default: from fn's source. */
  readonly names: readonly string[];
  /** Skip the call with valid arguments (it takes seconds). */
  readonly expensive: boolean;
}

/** A spec for `fn`; `covers` lists what it stands for if fn wraps. */
export function spec(
  fn: (...args: any[]) => unknown,
  valid: () => unknown[],
  args: readonly Arg[],
  o: { name?: string; covers?: readonly unknown[];
    names?: readonly string[]; expensive?: boolean } = {},
): BadInputSpec {
  return {
    fn,
    name: o.name ?? fn.name,
    valid,
    args,
    covers: o.covers ?? [fn],
    names: o.names ?? parameterNames(fn),
    expensive: o.expensive ?? false,
  };
}

/** Named groups of specs: one `it` each in the chapter's test file. */
export function groups<T extends Record<string, BadInputSpec[]>>(g: T): T {
  return g;
}

// ---------------------------------------------------------------------
// Corruptions

interface Mutation {
  /** What was done, for the failure message. */
  readonly what: string;
  /** The error should mention one of these names. */
  readonly mentions: readonly string[];
  /** Replaces the argument (fast-check picks the details). */
  readonly arb: fc.Arbitrary<(value: unknown) => unknown>;
  /** Constant mutations run once. */
  readonly constant?: boolean;
}

type Names = readonly string[];

const NONFINITE = fc.constantFrom(NaN, Infinity, -Infinity);

type NumArray = Float64Array | Int32Array | number[];

function isIntArray(v: unknown): boolean {
  return v instanceof Int32Array || v instanceof Uint32Array ||
    v instanceof Int8Array || v instanceof Uint8Array ||
    v instanceof Int16Array || v instanceof Uint16Array;
}

/** A copy of the array v with entry i set to x (same type). */
function withEntry(v: NumArray, i: number, x: number): NumArray {
  const out = Array.isArray(v) ? [...v] : (v.slice() as NumArray);
  out[i] = x;
  return out;
}

/** v with its length changed by delta (repeating its last entry). */
function resized(v: NumArray, delta: number): NumArray {
  const n = Math.max(0, v.length + delta);
  const src = Array.from(v as ArrayLike<number>);
  const out = Array.from({ length: n }, (_, i) =>
    src[Math.min(i, src.length - 1)] ?? 0);
  if (Array.isArray(v)) return out;
  const Ctor = (v as Float64Array).constructor as new (
    xs: number[]) => NumArray;
  return new Ctor(out);
}

/** Values outside the range, each with a word for the message. */
function outside(r: Range | undefined): [number, string][] {
  if (!r) return [];
  const out: [number, string][] = [];
  const step = r.integer ? 1 : 0.5;
  if (r.min !== undefined && r.min > -Infinity) {
    out.push([r.min - step, `below min ${r.min}`]);
  }
  if (r.gt !== undefined) out.push([r.gt, `equal to the exclusive ${r.gt}`]);
  if (r.max !== undefined && r.max < Infinity) {
    out.push([r.max + step, `above max ${r.max}`]);
  }
  if (r.lt !== undefined) out.push([r.lt, `equal to the exclusive ${r.lt}`]);
  for (const x of r.not ?? []) out.push([x, 'excluded']);
  return out;
}

/** A valid non-integer near the range, for integer arguments. */
function fraction(r: Range): number {
  const lo = r.min ?? (r.gt !== undefined ? r.gt + 1 : 0);
  return lo + 0.5;
}

function scalarMutations(a: Arg, name: Names): Mutation[] {
  const r = a.range ?? {};
  const ms: Mutation[] = [];
  const set = (what: string, x: number | fc.Arbitrary<number>) => {
    const arb = typeof x === 'number' ? fc.constant(x) : x;
    ms.push({ what, mentions: name, constant: typeof x === 'number',
      arb: arb.map((y) => () => y) });
  };
  set('NaN', NaN);
  if (!r.infinite) set('±Infinity', fc.constantFrom(Infinity, -Infinity));
  for (const [x, why] of outside(r)) set(`${x} (${why})`, x);
  if (r.integer) set(`${fraction(r)} (not an integer)`, fraction(r));
  return ms;
}

function vectorMutations(
  a: Arg,
  name: Names,
  value: unknown,
  constrained: (d: Dim) => boolean,
): Mutation[] {
  const v = value as NumArray;
  const ms: Mutation[] = [];
  const at = (f: (v: NumArray, i: number, x: number) => NumArray) =>
    (x: number) => fc.nat({ max: Math.max(0, v.length - 1) })
      .map((i) => (u: unknown) => f(u as NumArray, i, x));
  if (v.length > 0 && !isIntArray(v) && !a.nonfinite) {
    ms.push({ what: 'a NaN or ±Infinity entry', mentions: name,
      arb: fc.tuple(NONFINITE, fc.nat({ max: v.length - 1 }))
        .map(([x, i]) => (u: unknown) => withEntry(u as NumArray, i, x)) });
  }
  if (v.length > 0) {
    const r = a.range ?? {};
    const bad = outside(r);
    if (a.values) {
      const top = Math.max(...a.values);
      bad.push([top + 1, `not one of ${a.values.join(', ')}`]);
      bad.push([Math.min(...a.values) - 1,
        `not one of ${a.values.join(', ')}`]);
      if (!isIntArray(v) && a.values.every(Number.isInteger)) {
        bad.push([a.values[0] + 0.5, 'not a label']);
      }
    } else if (r.integer && !isIntArray(v)) {
      bad.push([fraction(r), 'not an integer']);
    }
    for (const [x, why] of bad) {
      ms.push({ what: `an entry ${x} (${why})`, mentions: name,
        arb: at(withEntry)(x) });
    }
  }
  if ((a.minLength ?? 1) > 0) {
    ms.push({ what: 'an empty array', mentions: name, constant: true,
      arb: fc.constant(() => resized(v, -v.length)) });
  }
  if ((a.minLength ?? 1) > 1 && v.length >= a.minLength!) {
    const short = a.minLength! - 1;
    ms.push({ what: `${short} entries (fewer than ${a.minLength})`,
      mentions: name, constant: true,
      arb: fc.constant(() => resized(v, short - v.length)) });
  }
  const d = a.dims?.[0];
  if (d !== undefined && constrained(d)) {
    ms.push({ what: `a length that does not match ${d}`, mentions: name,
      arb: fc.constantFrom(-1, 1)
        .filter((delta) => v.length + delta > 0)
        .map((delta) => (u: unknown) => resized(u as NumArray, delta)) });
  }
  ms.push({ what: 'a number instead of an array', mentions: name,
    constant: true, arb: fc.constant(() => 1) });
  return ms;
}

/** A with a row or a column added (a copy of the last) or removed. */
function reshaped(A: Matrix, axis: 0 | 1, delta: number): Matrix {
  const rows = A.rows + (axis === 0 ? delta : 0);
  const cols = A.cols + (axis === 1 ? delta : 0);
  const B = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const si = Math.min(i, A.rows - 1);
      const sj = Math.min(j, A.cols - 1);
      B.data[i * cols + j] = A.data[si * A.cols + sj];
    }
  }
  return B;
}

function matrixMutations(
  a: Arg,
  name: Names,
  value: unknown,
  constrained: (d: Dim) => boolean,
): Mutation[] {
  const A = value as Matrix;
  const ms: Mutation[] = [{
    what: 'a NaN or ±Infinity entry', mentions: name,
    arb: fc.tuple(NONFINITE, fc.nat({ max: A.data.length - 1 }))
      .map(([x, t]) => (u: unknown) => {
        const B = u as Matrix;
        const C = new Matrix(B.rows, B.cols, B.data.slice());
        C.data[t] = x;
        return C;
      }),
  }];
  const dims = a.dims ?? [];
  const axes: [0 | 1, Dim | undefined][] = [[0, dims[0]], [1, dims[1]]];
  for (const [axis, d] of axes) {
    if (d === undefined || !constrained(d)) continue;
    const size = axis === 0 ? A.rows : A.cols;
    const word = axis === 0 ? 'rows' : 'columns';
    ms.push({ what: `${word} that do not match ${d}`, mentions: name,
      arb: fc.constantFrom(-1, 1).filter((delta) => size + delta > 0)
        .map((delta) => (u: unknown) => reshaped(u as Matrix, axis, delta)),
    });
  }
  ms.push({ what: 'rows of numbers instead of a Matrix', mentions: name,
    constant: true, arb: fc.constant((u: unknown) => {
      const B = u as Matrix;
      return Array.from({ length: B.rows }, (_, i) => Array.from(B.row(i)));
    }) });
  return ms;
}

function listMutations(
  a: Arg,
  name: Names,
  value: unknown,
  constrained: (d: Dim) => boolean,
): Mutation[] {
  const xs = value as unknown[];
  const ms: Mutation[] = [];
  if ((a.minLength ?? 1) > 0) {
    ms.push({ what: 'an empty list', mentions: name, constant: true,
      arb: fc.constant(() => []) });
  }
  const d = a.dims?.[0];
  if (d !== undefined && constrained(d)) {
    ms.push({ what: `a length that does not match ${d}`, mentions: name,
      constant: true, arb: fc.constant((u: unknown) =>
        (u as unknown[]).slice(0, -1)) });
  }
  if (a.item && xs.length > 0) {
    // items share their sizes (a symbol ending in * is each item's own):
    // one item of another length is ragged
    const ragged = (d: Dim) => xs.length > 1 &&
      !(typeof d === 'string' && d.endsWith('*'));
    for (const m of argMutations(a.item, name, xs[0], ragged)) {
      ms.push({ what: `an item with ${m.what}`, mentions: m.mentions,
        constant: m.constant,
        arb: fc.tuple(m.arb, fc.nat({ max: xs.length - 1 }))
          .map(([f, i]) => (u: unknown) => {
            const ys = [...(u as unknown[])];
            ys[i] = f(ys[i]);
            return ys;
          }) });
    }
  }
  ms.push({ what: 'a number instead of a list', mentions: name,
    constant: true, arb: fc.constant(() => 1) });
  return ms;
}

function optsMutations(
  a: Arg,
  parent: Names,
  value: unknown,
  constrained: (d: Dim) => boolean,
): Mutation[] {
  const o = (value ?? {}) as Record<string, unknown>;
  const ms: Mutation[] = [];
  for (const [key, field] of Object.entries(a.fields ?? {})) {
    const name = namesOf(field.as, key);
    const current = o[key] ?? (field.kind === 'num' ? 1 : undefined);
    if (current === undefined && ['vec', 'mat', 'list'].includes(
      field.kind)) {
      throw new Error(`spec: give option ${key} a valid value to corrupt`);
    }
    for (const m of argMutations(field, name, current, constrained)) {
      // naming the field, or the whole options object, will do
      ms.push({ ...m, what: `option ${key}: ${m.what}`,
        mentions: [...m.mentions, ...parent],
        arb: m.arb.map((f) => (u: unknown) => {
          const p = { ...(u as object) } as Record<string, unknown>;
          p[key] = f(p[key] ?? current);
          return p;
        }) });
    }
  }
  for (const key of a.required ?? []) {
    const field = a.fields?.[key];
    const aliases = field ? namesOf(field.as, key) : [];
    ms.push({ what: `option ${key} left out`,
      mentions: [key, ...aliases, ...parent],
      constant: true, arb: fc.constant((u: unknown) => {
        const p = { ...(u as object) } as Record<string, unknown>;
        delete p[key];
        return p;
      }) });
  }
  return ms;
}

function argMutations(
  a: Arg,
  name: Names,
  value: unknown,
  constrained: (d: Dim) => boolean,
): Mutation[] {
  switch (a.kind) {
    case 'num':
      return scalarMutations(a, name);
    case 'vec':
      return vectorMutations(a, name, value, constrained);
    case 'mat':
      return matrixMutations(a, name, value, constrained);
    case 'list':
      return listMutations(a, name, value, constrained);
    case 'opts':
      return optsMutations(a, name, value, constrained);
    case 'choice':
      return [{ what: 'an unknown choice', mentions: name, constant: true,
        arb: fc.constant(() => 'no-such-choice') }];
    case 'str': {
      const bad: [unknown, string][] = [[1, 'a number instead of a string'],
        ['', 'an empty string']];
      if (a.path) bad.push(['/no/such/file.csv', 'a missing file']);
      return bad.map(([x, what]) => ({ what, mentions: name,
        constant: true, arb: fc.constant(() => x) }));
    }
    case 'fn': {
      const ms: Mutation[] = [{ what: 'a number instead of a function',
        mentions: name, constant: true, arb: fc.constant(() => 1) }];
      if (a.returnsNumber) {
        ms.push({ what: 'a callback that returns NaN', mentions: name,
          constant: true, arb: fc.constant(() => () => NaN) });
      }
      return ms;
    }
    case 'any':
      return [];
  }
}

/** Size symbols that appear more than once, and fixed sizes. */
function constrainedDims(args: readonly Arg[]): (d: Dim) => boolean {
  const count = new Map<Dim, number>();
  const visit = (a: Arg) => {
    for (const d of a.dims ?? []) count.set(d, (count.get(d) ?? 0) + 1);
    if (a.item) visit(a.item);
    for (const f of Object.values(a.fields ?? {})) visit(f);
  };
  args.forEach(visit);
  return (d) => typeof d === 'number' || (count.get(d) ?? 0) > 1;
}

// ---------------------------------------------------------------------
// Running

/** The parameter names in a function's source (types stripped). */
export function parameterNames(fn: (...args: any[]) => unknown): string[] {
  const src = Function.prototype.toString.call(fn);
  const open = src.indexOf('(');
  let depth = 0;
  let end = open;
  for (; end < src.length; end++) {
    if ('([{'.includes(src[end])) depth++;
    else if (')]}'.includes(src[end]) && --depth === 0) break;
  }
  const names: string[] = [];
  let level = 0;
  let current = '';
  for (const ch of src.slice(open + 1, end)) {
    if ('([{'.includes(ch)) level++;
    if (')]}'.includes(ch)) level--;
    if (ch === ',' && level === 0) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  names.push(current);
  // a destructured parameter ({ seed, n } = {}) is an options object
  return names.map((p) => /^\s*(?:\.\.\.)?([\w$]+)/.exec(p)?.[1] ??
    (/^\s*[{[]/.test(p) ? 'options' : ''))
    .filter((p, i, all) => p !== '' || i < all.length - 1);
}

function namesOf(as: Arg['as'], fallback: string): Names {
  if (as === undefined) return [fallback];
  return typeof as === 'string' ? [as] : as;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How many calls a non-constant mutation gets. */
const RUNS = 2;

function seedOf(name: string): number {
  let h = 13;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h >>> 0;
}

/** The reason a call fails the contract, or null if it keeps it. */
function breach(s: BadInputSpec, args: unknown[], mentions: Names) {
  let result: unknown;
  try {
    result = s.fn(...args);
  } catch (e) {
    if (!(e instanceof Error)) return `threw a non-Error: ${String(e)}`;
    const head = new RegExp(`^${escape(s.name)}[:(]`);
    if (!head.test(e.message)) {
      return `threw ${e.name}: "${e.message}", which does not start ` +
        `with "${s.name}:"`;
    }
    const text = e.message.toLowerCase();
    if (!mentions.some((m) => text.includes(m.toLowerCase()))) {
      return `threw "${e.message}", which does not mention ` +
        mentions.join(' or ');
    }
    return null;
  }
  const shown = typeof result === 'number' ? ` ${result}` : '';
  return `returned${shown} instead of throwing`;
}

/**
 * Checks one spec: the valid arguments work, and every corruption of
 * one argument throws an Error that starts with the name and mentions
 * the argument. Throws an error listing every breach.
 */
export function checkSpec(s: BadInputSpec): void {
  try {
    if (!s.expensive) s.fn(...s.valid());
  } catch (e) {
    throw new Error(`${s.name}: the valid arguments threw: ` +
      (e as Error).message);
  }
  const sample = s.valid();
  const constrained = constrainedDims(s.args);
  const failures: string[] = [];
  s.args.forEach((a, k) => {
    const name = namesOf(a.as, s.names[k] ?? `argument ${k}`);
    for (const m of argMutations(a, name, sample[k], constrained)) {
      let why: string | null = null;
      try {
        fc.assert(fc.property(m.arb, (f) => {
          const args = s.valid();
          args[k] = f(args[k]);
          why = breach(s, args, m.mentions);
          return why === null;
        }), { seed: seedOf(s.name), numRuns: m.constant ? 1 : RUNS,
          endOnFailure: true });
      } catch (e) {
        failures.push(`${s.name}, ${name[0]} with ${m.what}: ` +
          (why ?? (e as Error).message.split('\n')[0]));
      }
    }
  });
  if (failures.length > 0) {
    throw new Error(`${failures.length} bad input(s) not refused ` +
      `clearly:\n- ${failures.join('\n- ')}`);
  }
}

/** Checks every spec of a group and reports every breach at once. */
export function rejectsBadInput(specs: readonly BadInputSpec[]): void {
  const failures: string[] = [];
  for (const s of specs) {
    try {
      checkSpec(s);
    } catch (e) {
      failures.push((e as Error).message);
    }
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}
