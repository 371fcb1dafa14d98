// What the page says about a chapter's tests: the file that verifies it
// and how many tests it holds. The count is static (the `it(` and `test(`
// calls in the file); `npm run check` compares it with the number Vitest
// actually collects, so the page cannot drift from the suite.
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

export interface TestInfo {
  readonly file: string;
  readonly count: number;
  readonly source: string;
}

/** The test file of a chapter; throws if the chapter has none. */
export function testInfo(slug: string): TestInfo {
  const file = `tests/${slug}.test.ts`;
  // The build bundles this module, so import.meta.url is not its source
  // location; the build and the tests run from the repository root.
  const url = resolve(process.cwd(), file);
  if (!existsSync(url)) {
    throw new Error(
      `chapter "${slug}" has no ${file}: every chapter is verified by ` +
        `its own test file`,
    );
  }
  const source = readFileSync(url, 'utf8');
  return { file, count: countTests(source), source };
}
