// The Web Worker that runs a chapter's tests in the reader's browser.
// The page (panel.ts) posts { entry, files }: the URL of the chapter's
// compiled test file and the URL under which the book's files are
// served. The worker sets up `expect` (@vitest/expect, Jest's expect as
// a Chai plugin, as Vitest does), the runner (runner.ts) and the Node
// stand-ins (node-shims.ts), imports the test file, which registers its
// tests, runs them, and posts each result. The page stops a run by
// terminating the worker.
import * as chai from 'chai';
import {
  ASYMMETRIC_MATCHERS_OBJECT, GLOBAL_EXPECT, JestAsymmetricMatchers,
  JestChaiExpect, JestExtend, getState, setState,
} from '@vitest/expect';
import { allTests, createCollector, runTests } from './runner.ts';
import * as shims from './node-shims.ts';
import { relink } from './relink.ts';

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(JestAsymmetricMatchers);

type Expect = ((value: unknown, message?: string) => Chai.Assertion) &
  Record<string, unknown>;

/** Vitest's global `expect`, minus snapshots, polling and mocks. */
function createExpect(): Expect {
  const expect = ((value: unknown, message?: string) => {
    const { assertionCalls } = getState(expect as never);
    setState({ assertionCalls: assertionCalls + 1 }, expect as never);
    return chai.expect(value, message);
  }) as Expect;
  Object.assign(expect, chai.expect);
  Object.assign(expect,
    (globalThis as Record<symbol, object>)[ASYMMETRIC_MATCHERS_OBJECT]);
  setState({ assertionCalls: 0, isExpectingAssertions: false,
    isExpectingAssertionsError: null, expectedAssertionsNumber: null,
    expectedAssertionsNumberErrorGen: null, currentTestName: '',
  } as never, expect as never);
  expect.getState = () => getState(expect as never);
  expect.setState = (s: object) => setState(s as never, expect as never);
  expect.assert = chai.assert;
  expect.extend = (m: object) =>
    (chai.expect as unknown as { extend: (e: unknown, m: object) => void })
      .extend(expect, m);
  expect.soft = (v: unknown, m?: string) => expect(v, m);
  expect.unreachable = (message?: string) => {
    chai.assert.fail(`expected${message ? ` "${message}" ` : ' '}not to ` +
      'be reached');
  };
  (globalThis as Record<symbol, unknown>)[GLOBAL_EXPECT] = expect;
  return expect;
}

export interface Start {
  /** The compiled module tree's URL, and the test file's path in it. */
  readonly tree: string;
  readonly entry: string;
  /** Where the book's files are served (files/ of compile.ts). */
  readonly files: string;
  /** Edited modules (tree path → JavaScript), and the tree's imports. */
  readonly edits?: Readonly<Record<string, string>>;
  readonly graph?: Readonly<Record<string, readonly string[]>>;
}

export type Message =
  | { type: 'error'; message: string }
  | { type: 'collected'; total: number; node: number; ms: number }
  | { type: 'result'; result: import('./runner.ts').TestResult }
  | { type: 'done'; ms: number; passed: number; failed: number };

/**
 * Imports the compiled test file at `entry` with the runner, `expect`
 * and the Node stand-ins (files from `fetcher`) in place, runs its tests
 * and posts what happens. The worker's body; Node runs it too (node-run.ts).
 */
export async function runFile(
  entry: string, fetcher: shims.Fetcher, post: (m: Message) => void,
): Promise<void> {
  shims.setFetcher(fetcher);
  const g = globalThis as Record<string, unknown>;
  g.process ??= shims.process;
  g.Buffer ??= shims.BufferShim;
  g.__bookNode = { fs: shims.fs, path: shims.path, os: shims.os,
    crypto: shims.crypto, zlib: shims.zlib,
    url: { fileURLToPath: shims.fileURLToPath,
      pathToFileURL: shims.pathToFileURL } };
  const collector = createCollector();
  g.__bookVitest = { ...collector.api, expect: createExpect() };
  const t0 = performance.now();
  try {
    await import(/* @vite-ignore */ entry);
  } catch (err) {
    post({ type: 'error', message: `loading the tests failed: ${
      err instanceof Error ? err.message : String(err)}` });
    return;
  }
  const tests = allTests(collector.root);
  post({ type: 'collected', total: tests.length,
    node: tests.filter((t) => t.mode === 'node').length,
    ms: performance.now() - t0 });
  const results = await runTests(collector.root,
    (r) => post({ type: 'result', result: r }));
  post({ type: 'done', ms: performance.now() - t0,
    passed: results.filter((r) => r.state === 'pass').length,
    failed: results.filter((r) => r.state === 'fail').length });
}

if ('WorkerGlobalScope' in globalThis) {
  self.onmessage = async (e: MessageEvent<Start>) => {
    const { tree, entry, files, edits = {}, graph = {} } = e.data;
    const post = (m: Message) => (self as unknown as Worker).postMessage(m);
    let url: string;
    try {
      url = await relink(tree, entry, graph, edits);
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message
        : String(err) });
      return;
    }
    await runFile(url, shims.xhrFetcher(files), post);
  };
}
