// A small test runner with Vitest's API as the book's test files use it:
// describe / it / test (with .each, .skip, .todo and options or a timeout
// as Vitest takes them), beforeAll / afterAll / beforeEach / afterEach.
// It collects while a test file is imported, then runs the tests one
// after another and reports each. Used in the reader's browser (a Web
// Worker, src/lib/browser-tests/worker.ts) and tested under Node
// (tests/platform/browser-tests.test.ts). Tests the build found to need
// Node are registered with `it.nodeOnly` and not run.

type Fn = () => unknown;

export interface Test {
  readonly kind: 'test';
  readonly name: string;
  readonly path: readonly string[];
  readonly fn: Fn | null;
  readonly mode: 'run' | 'skip' | 'todo' | 'node';
}

export interface Suite {
  readonly kind: 'suite';
  readonly name: string;
  readonly children: (Suite | Test)[];
  readonly beforeAll: Fn[];
  readonly afterAll: Fn[];
  readonly beforeEach: Fn[];
  readonly afterEach: Fn[];
  readonly parent: Suite | null;
  skip: boolean;
}

export interface TestResult {
  readonly name: string;
  readonly path: readonly string[];
  readonly state: 'pass' | 'fail' | 'skip' | 'node';
  readonly ms: number;
  readonly error?: { message: string; expected?: string; actual?: string };
}

const suite = (name: string, parent: Suite | null): Suite => ({
  kind: 'suite', name, children: [], beforeAll: [], afterAll: [],
  beforeEach: [], afterEach: [], parent, skip: parent?.skip ?? false,
});

/** Vitest's printf-style names: %s %d %i %f %j %o %O %#, and $key. */
export function formatName(
  template: string, args: readonly unknown[], index: number,
): string {
  let i = 0;
  let name = template.replace(/%([sdifjoO#%])/g, (_, c: string) => {
    if (c === '%') return '%';
    if (c === '#') return String(index);
    const v = args[i++];
    if (c === 'd') return String(Number(v));
    if (c === 'i') return String(Math.trunc(Number(v)));
    if (c === 'f') return String(Number(v));
    if (c === 's') return typeof v === 'string' ? v : show(v);
    return show(v);
  });
  const obj = args.length === 1 && args[0] !== null &&
    typeof args[0] === 'object' && !Array.isArray(args[0]) ? args[0] : null;
  if (obj) {
    name = name.replace(/\$([\w.]+)/g, (m, key: string) =>
      key in (obj as object)
        ? show((obj as Record<string, unknown>)[key]) : m);
  }
  return name;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'function') return `[Function ${v.name}]`;
  if (typeof v === 'bigint') return `${v}n`;
  if (Object.is(v, -0)) return '-0';
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s;
  } catch { return String(v); }
}

/** (name, fn, opts) or (name, opts, fn): Vitest accepts both. */
function fnOf(a: unknown, b: unknown): Fn | null {
  if (typeof a === 'function') return a as Fn;
  if (typeof b === 'function') return b as Fn;
  return null;
}

/** The collector: Vitest's functions, and the tree they build. */
export function createCollector() {
  const root = suite('', null);
  let current = root;
  const pathOf = (s: Suite): string[] =>
    s.parent ? [...pathOf(s.parent), s.name] : [];

  function addTest(name: unknown, fn: Fn | null, mode: Test['mode']) {
    current.children.push({
      kind: 'test', name: String(name), path: pathOf(current), fn,
      mode: current.skip && mode === 'run' ? 'skip' : mode,
    });
  }

  function addSuite(name: unknown, fn: Fn | null, skip: boolean) {
    const s = suite(String(name), current);
    if (skip) s.skip = true;
    current.children.push(s);
    const outer = current;
    current = s;
    try {
      const r = fn?.();
      if (r && typeof (r as Promise<unknown>).then === 'function') {
        throw new Error(`describe("${s.name}"): an async describe ` +
          'callback is not supported; collect tests synchronously');
      }
    } finally { current = outer; }
  }

  const each = (register: (n: unknown, f: Fn | null) => void) =>
    (table: readonly unknown[]) =>
      (name: string, a: unknown, b?: unknown) => {
        const fn = fnOf(a, b) as ((...x: unknown[]) => unknown) | null;
        table.forEach((row, i) => {
          const args = Array.isArray(row) ? row : [row];
          register(formatName(name, args, i),
            fn ? () => fn(...args) : null);
        });
      };

  type TestFn = ((name: unknown, a?: unknown, b?: unknown) => void) & {
    each: ReturnType<typeof each>; skip: TestFn; todo: TestFn;
    only: TestFn; nodeOnly: TestFn; concurrent: TestFn;
    sequential: TestFn; fails: TestFn;
    skipIf: (c: unknown) => TestFn; runIf: (c: unknown) => TestFn;
  };

  function makeIt(mode: Test['mode']): TestFn {
    const f = ((name: unknown, a?: unknown, b?: unknown) =>
      addTest(name, fnOf(a, b), mode)) as TestFn;
    f.each = each((n, fn) => addTest(n, fn, mode));
    return f;
  }
  const it = makeIt('run');
  it.skip = makeIt('skip');
  it.todo = makeIt('todo');
  it.nodeOnly = makeIt('node');
  it.only = it;
  it.concurrent = it;
  it.sequential = it;
  it.fails = (() => {
    throw new Error('it.fails is not supported by the browser runner');
  }) as unknown as TestFn;
  it.skipIf = (c) => (c ? it.skip : it);
  it.runIf = (c) => (c ? it : it.skip);
  it.nodeOnly.each = each((n, fn) => addTest(n, fn, 'node'));

  type DescribeFn = ((name: unknown, a?: unknown, b?: unknown) => void) & {
    each: ReturnType<typeof each>; skip: DescribeFn; only: DescribeFn;
    concurrent: DescribeFn; sequential: DescribeFn;
  };
  function makeDescribe(skip: boolean): DescribeFn {
    const d = ((name: unknown, a?: unknown, b?: unknown) =>
      addSuite(name, fnOf(a, b), skip)) as DescribeFn;
    d.each = each((n, fn) => addSuite(n, fn, skip));
    return d;
  }
  const describe = makeDescribe(false);
  describe.skip = makeDescribe(true);
  describe.only = describe;
  describe.concurrent = describe;
  describe.sequential = describe;

  const hook = (key: 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach') =>
    (fn: Fn) => { current[key].push(fn); };

  return {
    root,
    api: {
      describe, suite: describe, it, test: it,
      beforeAll: hook('beforeAll'), afterAll: hook('afterAll'),
      beforeEach: hook('beforeEach'), afterEach: hook('afterEach'),
    },
  };
}

export type Collector = ReturnType<typeof createCollector>;

/** Every test under `s`, in order. */
export function allTests(s: Suite): Test[] {
  return s.children.flatMap((c) => (c.kind === 'test' ? [c] : allTests(c)));
}

function describeError(e: unknown): TestResult['error'] {
  if (e instanceof Error) {
    const x = e as Error & { expected?: unknown; actual?: unknown;
      showDiff?: boolean };
    const out: { message: string; expected?: string; actual?: string } = {
      message: `${e.name === 'Error' || e.name === 'AssertionError'
        ? '' : `${e.name}: `}${e.message}`,
    };
    if ('expected' in x && x.showDiff !== false) {
      out.expected = show(x.expected);
      out.actual = show(x.actual);
    }
    return out;
  }
  return { message: show(e) };
}

/**
 * Runs the collected tests one after another; `report` hears of each as
 * it ends. A failing beforeAll fails its suite's tests; hooks run in
 * Vitest's order (beforeEach outside in, afterEach inside out).
 */
export async function runTests(
  root: Suite,
  report: (r: TestResult) => void,
  now: () => number = () => performance.now(),
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  const emit = (r: TestResult) => { results.push(r); report(r); };

  async function runSuite(s: Suite, chain: Suite[]): Promise<void> {
    const tests = allTests(s);
    const runnable = tests.some((t) => t.mode === 'run');
    let setupError: unknown = null;
    if (runnable) {
      try { for (const h of s.beforeAll) await h(); } catch (e) {
        setupError = e;
      }
    }
    for (const c of s.children) {
      if (c.kind === 'suite') {
        if (setupError === null) await runSuite(c, [...chain, c]);
        else for (const t of allTests(c)) failOrSkip(t, setupError);
        continue;
      }
      if (setupError !== null) { failOrSkip(c, setupError); continue; }
      if (c.mode !== 'run' || !c.fn) {
        emit({ name: c.name, path: c.path, ms: 0,
          state: c.mode === 'node' ? 'node' : 'skip' });
        continue;
      }
      const t0 = now();
      let error: unknown = null;
      try {
        for (const x of chain) for (const h of x.beforeEach) await h();
        await c.fn();
      } catch (e) { error = e; }
      for (const x of [...chain].reverse()) {
        for (const h of x.afterEach) {
          try { await h(); } catch (e) { error ??= e; }
        }
      }
      const ms = now() - t0;
      emit(error === null
        ? { name: c.name, path: c.path, state: 'pass', ms }
        : { name: c.name, path: c.path, state: 'fail', ms,
          error: describeError(error) });
    }
    if (runnable) {
      for (const h of s.afterAll) {
        try { await h(); } catch (e) {
          emit({ name: `afterAll of "${s.name}"`, path: [], state: 'fail',
            ms: 0, error: describeError(e) });
        }
      }
    }
  }

  function failOrSkip(t: Test, e: unknown) {
    emit(t.mode === 'run'
      ? { name: t.name, path: t.path, state: 'fail', ms: 0,
        error: describeError(e) }
      : { name: t.name, path: t.path, ms: 0,
        state: t.mode === 'node' ? 'node' : 'skip' });
  }

  await runSuite(root, [root]);
  return results;
}
