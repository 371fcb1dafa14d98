// What the page says about a chapter's tests: the file that verifies its
// code, tests/<slug>.test.ts, and the file that verifies the numbers its
// page prints, tests/pages/<slug>.test.ts (if it has one; those tests
// read the build's computation and run after the build, `npm run
// test:pages`), with how many tests each holds. Both count for the
// chapter. The counts are static (the `it(` and `test(` calls in each
// file); `npm run check` compares them with the numbers Vitest actually
// collects, so the page cannot drift from the suite.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Source with comments and string contents blanked out. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');
}

/** Number of `it(...)` / `test(...)` calls in a Vitest file. */
export function countTests(source: string): number {
  const calls = code(source).match(
    /(?<![\w.$])(?:it|test)(?:\.(?:concurrent|fails|sequential))?\s*\(/g,
  );
  return calls ? calls.length : 0;
}

/** "1 test", "5 tests". */
export const nTests = (n: number) => `${n} test${n === 1 ? '' : 's'}`;

export interface TestFile {
  readonly file: string;
  readonly count: number;
  readonly source: string;
}

export interface TestInfo extends TestFile {
  /** tests/pages/<slug>.test.ts, the tests of the page's numbers. */
  readonly pages: TestFile | null;
  /** The chapter's tests in both files. */
  readonly total: number;
}

/** A test file, relative to the repository root, or null if absent. */
function readTests(file: string): TestFile | null {
  // The build bundles this module, so import.meta.url is not its source
  // location; the build and the tests run from the repository root.
  const url = resolve(process.cwd(), file);
  if (!existsSync(url)) return null;
  const source = readFileSync(url, 'utf8');
  return { file, count: countTests(source), source };
}

/** The test files of a chapter; throws if it has no tests of its code. */
export function testInfo(slug: string): TestInfo {
  const code = readTests(`tests/${slug}.test.ts`);
  if (code === null) {
    throw new Error(
      `chapter "${slug}" has no tests/${slug}.test.ts: every chapter is ` +
        `verified by its own test file`,
    );
  }
  const pages = readTests(`tests/pages/${slug}.test.ts`);
  return { ...code, pages, total: code.count + (pages?.count ?? 0) };
}
