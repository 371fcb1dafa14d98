// The build cache (src/lib/cache.ts, src/plugins/build-cache.ts): a
// chapter's computation is recomputed exactly when a file it depends on
// changes, and what it reads back is exactly what it computed.
import {
  cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, cachedIn, requirePlain } from '../../src/lib/cache.ts';
import { dependencies } from '../../src/lib/import-graph.ts';
import { mdxKey } from '../../src/plugins/build-cache.ts';
import { CHAPTERS } from '../../src/toc.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/platform/cache-book');
const bookRoot = resolve(import.meta.dirname, '../..');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'book-cache-'));
  cpSync(fixture, root, { recursive: true });
  process.env.BOOK_CACHE_ROOT = join(root, '.cache/compute');
});
afterEach(() => {
  delete process.env.BOOK_CACHE_ROOT;
  delete process.env.BOOK_CACHE;
  rmSync(root, { recursive: true, force: true });
});

/** Runs each chapter through the cache; returns which ones computed. */
function build(slugs = ['alpha', 'beta', 'gamma']): string[] {
  const computed: string[] = [];
  for (const slug of slugs) {
    cachedIn(root, slug, () => {
      computed.push(slug);
      return { slug };
    });
  }
  return computed;
}

/** Appends a comment to a file: a change that keeps it valid. */
function edit(rel: string) {
  const path = join(root, rel);
  writeFileSync(path, readFileSync(path, 'utf8') + '\n// edited\n');
}

describe('the dependencies of a chapter module', () => {
  it('follow relative imports transitively, JSON and named data files', () => {
    writeFileSync(join(root, 'src/compute/beta.ts'),
      readFileSync(join(root, 'src/compute/beta.ts'), 'utf8') +
        "export const data = 'data/d/values.csv';\n");
    expect(dependencies(root, 'src/compute/beta.ts')).toEqual([
      'code/one/lib.ts', 'code/zero/base.ts', 'data/d/values.csv',
      'src/compute/beta.ts', 'tests/fixtures/one/ref.json',
    ]);
  });

  it('leave out what the module does not import', () => {
    const deps = dependencies(root, 'src/compute/alpha.ts');
    expect(deps).toEqual(['code/zero/base.ts', 'src/compute/alpha.ts']);
    expect(deps).not.toContain('code/one/other.ts');
  });

  it('name a relative import of a missing file', () => {
    writeFileSync(join(root, 'src/compute/gamma.ts'),
      "import { x } from '../../code/none.ts';\nexport const v = x;\n");
    expect(() => dependencies(root, 'src/compute/gamma.ts'))
      .toThrow(/code\/none\.ts does not exist/);
  });
});

describe('the computation cache', () => {
  it('computes every chapter once, then reads them all', () => {
    expect(build()).toEqual(['alpha', 'beta', 'gamma']);
    expect(build()).toEqual([]);
  });

  it('recomputes every chapter that imports an edited module, only those', () => {
    build();
    edit('code/zero/base.ts'); // alpha imports it, beta through code/one
    expect(build()).toEqual(['alpha', 'beta']);
    edit('code/one/lib.ts');
    expect(build()).toEqual(['beta']);
    edit('code/one/other.ts'); // imported by no chapter
    expect(build()).toEqual([]);
  });

  it('recomputes the chapters whose data file or fixture changed', () => {
    build();
    writeFileSync(join(root, 'tests/fixtures/one/ref.json'), '{ "ref": 43 }');
    expect(build()).toEqual(['beta']);
    writeFileSync(join(root, 'data/d/values.csv'), '1,2,4\n');
    expect(build()).toEqual(['beta']); // lib.ts names the data file
  });

  it('recomputes everything when the lockfile changes', () => {
    build();
    writeFileSync(join(root, 'package-lock.json'), '{}');
    expect(build()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('with BOOK_CACHE=off computes every time and stores nothing', () => {
    process.env.BOOK_CACHE = 'off';
    expect(build()).toEqual(['alpha', 'beta', 'gamma']);
    expect(build()).toEqual(['alpha', 'beta', 'gamma']);
    expect(existsSync(join(root, '.cache/compute'))).toBe(false);
  });

  it('gives back exactly what was computed: NaN, -0, typed arrays', () => {
    const value = {
      nan: NaN, negZero: -0, inf: -Infinity, tiny: 5e-324,
      f64: Float64Array.of(0.1, -0, NaN), i32: Int32Array.of(-7),
      nested: [{ s: 'σ', b: true, n: null }],
    };
    const cold = cachedIn(root, 'alpha', () => value);
    const warm = cachedIn(root, 'alpha', () => ({} as typeof value));
    for (const got of [cold, warm]) {
      expect(Object.is(got.nan, NaN)).toBe(true);
      expect(Object.is(got.negZero, -0)).toBe(true);
      expect(got.inf).toBe(-Infinity);
      expect(got.tiny).toBe(5e-324);
      expect(got.f64).toBeInstanceOf(Float64Array);
      expect(Object.is(got.f64[1], -0)).toBe(true);
      expect(got.i32).toEqual(Int32Array.of(-7));
      expect(got.nested).toEqual([{ s: 'σ', b: true, n: null }]);
    }
  });

  it('keeps the first of two computations of one chapter, and both return it', () => {
    // The build's worker and a page may compute a chapter at once; a
    // value with timings in it differs between them. Here a second
    // computation starts inside the first and finishes before it.
    let inner: { t: number } | undefined;
    const outer = cachedIn(root, 'alpha', () => {
      inner = cachedIn(root, 'alpha', () => ({ t: 2 }));
      return { t: 1 };
    });
    expect(inner).toEqual({ t: 2 });
    expect(outer).toEqual({ t: 2 });
    expect(cachedIn(root, 'alpha', () => ({ t: 3 }))).toEqual({ t: 2 });
    // and it leaves no temporary file behind
    const left = readdirSync(join(root, '.cache/compute'));
    expect(left).toEqual(['alpha.bin']);
  });

  it('replaces a stale entry with the new value', () => {
    cachedIn(root, 'alpha', () => ({ v: 1 }));
    edit('code/zero/base.ts');
    expect(cachedIn(root, 'alpha', () => ({ v: 2 }))).toEqual({ v: 2 });
    expect(cachedIn(root, 'alpha', () => ({ v: 3 }))).toEqual({ v: 2 });
  });

  it('refuses a value that is not plain data, naming where it is', () => {
    class Matrix { rows = 1; }
    expect(() => requirePlain({ a: [1, { m: new Matrix() }] }, 'value'))
      .toThrow(/value\.a\[1\]\.m is a Matrix; return plain data/);
    expect(() => requirePlain({ f: () => 1 }, 'value'))
      .toThrow(/value\.f is a function/);
  });
});

describe('the cache keys of the book itself', () => {
  const migrated = CHAPTERS.filter((c) =>
    existsSync(join(bookRoot, `src/compute/${c.slug}.ts`)));
  const keys = (edited?: string) => new Map(migrated.map((c) => [c.slug,
    cacheKey(bookRoot, c.slug, (rel) => {
      const text = readFileSync(join(bookRoot, rel));
      return rel === edited ? Buffer.concat([text, Buffer.from(' ')]) : text;
    }).key]));

  it('change for a chapter whose code changed, and for no chapter before it', () => {
    const before = keys();
    const after = keys('code/linear-algebra/matmul.ts');
    expect(after.get('linear-algebra')).not.toBe(before.get('linear-algebra'));
    for (const c of migrated.filter((c) => c.number < 2)) {
      expect(after.get(c.slug)).toBe(before.get(c.slug));
    }
  });

  it('change for every chapter whose module imports an edited file', () => {
    const file = 'code/introduction/random.ts';
    const before = keys();
    const after = keys(file);
    for (const c of migrated) {
      const uses = dependencies(bookRoot, `src/compute/${c.slug}.ts`)
        .includes(file);
      expect(after.get(c.slug) !== before.get(c.slug)).toBe(uses);
    }
  });
});

describe('the compiled-chapter cache', () => {
  it('keys a chapter on its text and the files its listings show', () => {
    const mdx = '<Listing file="code/one/lib.ts" />';
    const k = mdxKey(root, 'shared', join(root, 'chapters/p/a.mdx'), mdx);
    expect(mdxKey(root, 'shared', join(root, 'chapters/p/a.mdx'), mdx)).toBe(k);
    edit('code/one/other.ts');
    expect(mdxKey(root, 'shared', join(root, 'chapters/p/a.mdx'), mdx)).toBe(k);
    edit('code/one/lib.ts');
    expect(mdxKey(root, 'shared', join(root, 'chapters/p/a.mdx'), mdx))
      .not.toBe(k);
    expect(mdxKey(root, 'other', join(root, 'chapters/p/a.mdx'), mdx))
      .not.toBe(k);
    expect(mdxKey(root, 'shared', join(root, 'chapters/p/a.mdx'), mdx + ' '))
      .not.toBe(k);
  });
});
