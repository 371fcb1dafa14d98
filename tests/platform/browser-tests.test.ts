// "Run the tests" in the reader's browser (issue 24): the runner that
// stands in for Vitest (src/lib/browser-tests/runner.ts), the build's
// finding of the tests that need Node (compile.ts), the Node stand-ins
// (node-shims.ts), the linking of an edited file (relink.ts), and one
// chapter compiled and run end to end under Node with the worker's code
// (node-run.ts). Chromium runs two chapters
// in the built page in npm run test:site.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdtempSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  allTests, createCollector, formatName, runTests, type TestResult,
} from '../../src/lib/browser-tests/runner.ts';
import {
  analyse, clockReaders, compileTests, placeImportMeta,
} from '../../src/lib/browser-tests/compile.ts';
import * as shims from '../../src/lib/browser-tests/node-shims.ts';
import { relink, treeTarget } from '../../src/lib/browser-tests/relink.ts';
import { countTests } from '../../src/lib/tests-info.ts';

const root = resolve(import.meta.dirname, '../..');

/** Collects `body` with the runner's API, runs it, returns the results. */
async function runWith(
  body: (api: ReturnType<typeof createCollector>['api']) => void,
) {
  const c = createCollector();
  body(c.api);
  let clock = 0;
  const results = await runTests(c.root, () => {}, () => clock++);
  return { tests: allTests(c.root), results };
}

describe('the runner', () => {
  it('collects describe/it/test/each in order, with Vitest\'s names', async () => {
    const { tests, results } = await runWith(({ describe: d, it: i, test }) => {
      d('outer', () => {
        i('a', () => {});
        d('inner', () => { test('b', () => {}); });
        i.each([[1, 2], [3, 4]])('sum %i + %i', () => {});
        i.each([{ n: 'x' }])('named $n', () => {});
      });
      i('top', () => {}, 1000);
      i('with options', { timeout: 5 }, () => {});
    });
    expect(tests.map((t) => [...t.path, t.name].join(' > '))).toEqual([
      'outer > a', 'outer > inner > b', 'outer > sum 1 + 2',
      'outer > sum 3 + 4', 'outer > named x', 'top', 'with options']);
    expect(results.every((r) => r.state === 'pass')).toBe(true);
  });

  it('formatName: %s %d %f %j %# %%, and $key of an object row', () => {
    expect(formatName('%s|%d|%f|%j|%#|%%', ['a', 2.5, 0.5, [1]], 3))
      .toBe('a|2.5|0.5|[1]|3|%');
    expect(formatName('k=$k, $missing', [{ k: 2 }], 0)).toBe('k=2, $missing');
  });

  it('hooks run in Vitest\'s order; a failing beforeAll fails its tests', async () => {
    const log: string[] = [];
    const { results } = await runWith(({ describe: d, it: i, beforeAll,
      beforeEach, afterEach, afterAll }) => {
      beforeEach(() => { log.push('be-outer'); });
      d('s', () => {
        beforeAll(() => { log.push('ba'); });
        beforeEach(() => { log.push('be-inner'); });
        afterEach(() => { log.push('ae'); });
        afterAll(() => { log.push('aa'); });
        i('t', () => { log.push('t'); });
      });
      d('broken', () => {
        beforeAll(() => { throw new Error('no setup'); });
        i('u', () => { log.push('never'); });
      });
    });
    expect(log).toEqual(['ba', 'be-outer', 'be-inner', 't', 'ae', 'aa']);
    expect(results.map((r) => [r.name, r.state, r.error?.message]))
      .toEqual([['t', 'pass', undefined], ['u', 'fail', 'no setup']]);
  });

  it('a failure reports its message, expected and actual; node-only tests do not run', async () => {
    let ran = false;
    const { results } = await runWith(({ it: i }) => {
      i('fails', async () => {
        const e = Object.assign(new Error('expected 1 to be 2'),
          { expected: 2, actual: 1 });
        throw e;
      });
      (i as unknown as { nodeOnly: typeof i }).nodeOnly('needs fs', () => {
        ran = true;
      });
    });
    expect(ran).toBe(false);
    expect(results).toEqual<TestResult[]>([
      { name: 'fails', path: [], state: 'fail', ms: 1,
        error: { message: 'expected 1 to be 2', expected: '2', actual: '1' } },
      { name: 'needs fs', path: [], state: 'node', ms: 0 },
    ]);
  });
});

describe('the build finds the tests that need Node', () => {
  const file = join(root, 'tests', 'example.test.ts');
  const source = [
    "import { execSync } from 'node:child_process';",
    "import { readFileSync } from 'node:fs';",
    "import { escapeDamage } from '../scripts/check-book.ts';",
    "import { describe, it } from 'vitest';",
    'function shell() { return execSync("ls"); }',
    "it('plain', () => { readFileSync('x'); });",
    "it('uses a child process', () => { execSync('ls'); });",
    "describe('d', () => { it('through a helper', () => shell()); });",
    "it.each([1])('build code %i', () => escapeDamage(''));",
    "it('a ' + 'sum', () => { const o = { execSync: 1 }; o.execSync; });",
  ].join('\n');

  it('imports of other built-ins and of src/ or scripts/, used directly or through a helper', () => {
    const a = analyse(source, file, root);
    expect(a.nodeOnly.map((t) => [t.name, t.line])).toEqual([
      ['uses a child process', 7], ['through a helper', 8],
      ['build code %i', 9]]);
    expect(a.nodeOnly[1].uses).toEqual(['shell (node:child_process)']);
    expect(a.source).toContain("it.nodeOnly('uses a child process'");
    expect(a.source).toContain('it.nodeOnly.each([1])');
    expect(a.source).toContain("it('plain'");
    expect(a.source).toContain("it('a ' + 'sum'");
    expect([...a.stubs.keys()]).toEqual(
      ['node:child_process', '../scripts/check-book.ts']);
  });

  it('functions that time themselves (a browser\'s clock is coarse), also inside an object of cases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clock-'));
    try {
      writeFileSync(join(dir, 'timing.ts'), [
        'export function best(f: () => void) { const t = performance.now();',
        '  f(); return performance.now() - t; }',
        'export const measure = () => best(() => {});',
        'export const pure = (x: number) => x + 1;'].join('\n'));
      writeFileSync(join(dir, 'cases.ts'), [
        "import { best, pure } from './timing.ts';",
        'export const cases = groups({ timing: [best], math: [pure] });',
      ].join('\n'));
      expect([...clockReaders(join(dir, 'timing.ts'))].sort())
        .toEqual(['best', 'measure']);
      expect([...clockReaders(join(dir, 'cases.ts'))].sort())
        .toEqual(['best', 'cases.timing']);
      const a = analyse([
        "import { measure, pure } from './timing.ts';",
        "import { cases } from './cases.ts';",
        "it('times', () => measure());",
        "it('adds', () => pure(1));",
        "it('timing cases', () => check(cases.timing));",
        "it('math cases', () => check(cases.math));",
      ].join('\n'), join(dir, 'x.test.ts'), root);
      expect(a.nodeOnly.map((t) => t.name)).toEqual(['times', 'timing cases']);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('import.meta.url, dirname and filename name the file under /book', () => {
    expect(placeImportMeta(
      'new URL("a", import.meta.url); import.meta.dirname; import.meta.filename',
      'tests/x.test.ts')).toBe('new URL("a", "file:///book/tests/x.test.ts"); ' +
      '"/book/tests"; "/book/tests/x.test.ts"');
  });
});

describe('the Node stand-ins', () => {
  it('sha256 agrees with node:crypto at every padding length and on a data file', () => {
    for (let n = 0; n < 130; n++) {
      const b = new Uint8Array(n).map((_, i) => (i * 7 + n) & 255);
      expect(Buffer.from(shims.sha256(b)).toString('hex'))
        .toBe(createHash('sha256').update(b).digest('hex'));
    }
    const iris = readFileSync(join(root, 'data/iris/iris.csv'));
    expect(shims.crypto.createHash('sha256').update(iris).digest('hex'))
      .toBe(createHash('sha256').update(iris).digest('hex'));
  });

  it('gunzipSync and inflateSync undo node:zlib', () => {
    const data = Buffer.from('the book '.repeat(5000));
    expect(Buffer.from(shims.zlib.gunzipSync(gzipSync(data))).equals(data))
      .toBe(true);
    expect(Buffer.from(shims.zlib.inflateSync(deflateSync(data)))
      .equals(data)).toBe(true);
  });

  it('paths resolve against /book; files come from the site, writes stay in memory', () => {
    const { path, fs } = shims;
    expect(path.resolve('data/iris')).toBe('/book/data/iris');
    expect(path.resolve('/book/code/x', '../..', 'data')).toBe('/book/data');
    expect(path.join('a', '../b', 'c')).toBe('b/c');
    expect(shims.fileURLToPath('file:///book/a%20b.ts')).toBe('/book/a b.ts');
    const served: Record<string, string> = {
      'index.json': JSON.stringify({ dirs: ['data'], files: ['data/a.csv'] }),
      'data/a.csv': 'x,y\n',
    };
    const asked: string[] = [];
    shims.setFetcher((rel) => {
      asked.push(rel);
      return rel in served ? new TextEncoder().encode(served[rel]) : null;
    });
    expect(fs.readFileSync('/book/data/a.csv', 'utf8')).toBe('x,y\n');
    const bytes = fs.readFileSync(new URL('file:///book/data/a.csv'));
    (bytes as Uint8Array)[0] = 0; // the caller's copy
    expect(fs.readFileSync('data/a.csv', 'utf8')).toBe('x,y\n');
    expect(() => fs.readFileSync('/book/data')).toThrow(/^EISDIR/);
    expect(() => fs.readFileSync('/book/data/b.csv')).toThrow(/^ENOENT/);
    expect(fs.existsSync('/book/data')).toBe(true);
    const dir = fs.mkdtempSync('/tmp/t-');
    fs.writeFileSync(`${dir}/c.csv`, 'z');
    expect(fs.readFileSync(`${dir}/c.csv`, 'utf8')).toBe('z');
    expect(asked).toEqual(['index.json', 'data/a.csv']); // fetched once
  });
});

describe('a chapter compiled for the browser', () => {
  it('linear-algebra: every test the build keeps runs and passes under the worker\'s code, Vitest\'s count minus the Node-only ones', async () => {
    const out = mkdtempSync(join(tmpdir(), 'browser-tests-'));
    try {
      const r = await compileTests(root, ['linear-algebra'], out);
      const [m] = r.chapters;
      expect(m.count).toBe(countTests(readFileSync(
        join(root, 'tests/linear-algebra.test.ts'), 'utf8')));
      expect(m.nodeOnly.length).toBeGreaterThan(0); // the timing tests
      expect(m.nodeOnly.length).toBeLessThan(10);
      expect(m.modules).toContain(
        `${m.entry.split('/')[0]}/code/linear-algebra/matrix.js`);
      const line = execFileSync(process.execPath, [
        join(root, 'src/lib/browser-tests/node-run.ts'), out,
        'linear-algebra'], { encoding: 'utf8' });
      const run = JSON.parse(line);
      expect(run.failures).toEqual([]);
      expect(run.type).toBe('done');
      expect(run.passed).toBe(m.count - m.nodeOnly.length);
    } finally { rmSync(out, { recursive: true, force: true }); }
  }, 60_000);
});

describe('a run against an edited file', () => {
  const graph = {
    'tests/a.test.js': ['__book/vitest.js', 'code/x/m.js', 'code/y/n.js'],
    'code/x/m.js': ['code/y/n.js'],
    'code/y/n.js': [],
    '__book/vitest.js': [],
  };
  const files: Record<string, string> = {
    'https://book/t/tests/a.test.js': "import { it } from '../__book/vitest.js';\n" +
      "import { m } from '../code/x/m.js';\nimport { n } from '../code/y/n.js';",
    'https://book/t/code/x/m.js': "import { n } from '../y/n.js';",
  };
  const load = async (url: string) => files[url];

  it('treeTarget maps a specifier as compile.ts lays the tree out', () => {
    expect(treeTarget('../y/n.ts', 'code/x/m.js')).toBe('code/y/n.js');
    expect(treeTarget('./f.json', 'tests/a.test.js'))
      .toBe('tests/f.json.js');
    expect(treeTarget('vitest', 'tests/a.test.js')).toBe('__book/vitest.js');
    expect(treeTarget('node:fs', 'code/c/d.js')).toBe('__book/node/fs.js');
    expect(treeTarget('fast-check', 'tests/a.test.js'))
      .toBe('__book/npm/fast-check.js');
  });

  it('the edited module and its importers come from new URLs, the rest from the site', async () => {
    const made: string[] = [];
    const toUrl = (text: string) => { made.push(text); return `blob:${made.length}`; };
    const url = await relink('https://book/t/', 'tests/a.test.js', graph,
      { 'code/y/n.js': "import { readFileSync } from 'node:fs';\nexport const n = 2;" },
      load, toUrl);
    expect(url).toBe('blob:3');
    expect(made).toEqual([
      "import { readFileSync } from 'https://book/t/__book/node/fs.js';\n" +
        'export const n = 2;',
      "import { n } from 'blob:1';",
      "import { it } from 'https://book/t/__book/vitest.js';\n" +
        "import { m } from 'blob:2';\nimport { n } from 'blob:1';",
    ]);
  });

  it('an edit the tests do not reach changes nothing', async () => {
    expect(await relink('https://book/t/', 'tests/a.test.js', graph,
      { 'code/z/other.js': 'export {}' }, load, () => 'blob:x'))
      .toBe('https://book/t/tests/a.test.js');
  });
});
