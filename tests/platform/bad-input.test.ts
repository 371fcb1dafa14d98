// How much of code/ the generated bad-input tests cover. Every module of
// code/ is imported and its exported functions listed; the specs that
// the chapters' tests run (tests/bad-input/<slug>.ts, through
// tests/bad-input.ts) say which of them they cover. A function counts
// when it takes arguments: one without any cannot be given bad input.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parameterNames, type BadInputSpec } from '../bad-input.ts';

/** The coverage reached; raise it when you add specs, never lower it. */
const MIN_COVERED = 572;

const root = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f))
    .sort();
}

type Fn = (...args: unknown[]) => unknown;
const isClass = (f: Fn) =>
  /^class\b/.test(Function.prototype.toString.call(f));

/** Every exported function and class of code/, with where it lives. */
const exported = new Map<unknown, string>();
for (const path of filesUnder(join(root, 'code'))) {
  const module = await import(pathToFileURL(path).href);
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== 'function' || exported.has(value)) continue;
    exported.set(value, `${relative(root, path)}: ${name}`);
  }
}

/** Functions that take arguments; classes other than Error types. */
const candidates = [...exported.keys()].filter((v) => {
  const f = v as Fn;
  if (isClass(f)) return !(f.prototype instanceof Error);
  return parameterNames(f).length > 0;
});

/** The specs of each chapter, by slug. */
const specsBySlug = new Map<string, Record<string, BadInputSpec[]>>();
for (const path of filesUnder(join(root, 'tests', 'bad-input'))) {
  const slug = relative(join(root, 'tests', 'bad-input'), path)
    .replace(/\.ts$/, '');
  const module = await import(pathToFileURL(path).href);
  specsBySlug.set(slug, module.badInput);
}
const specs = [...specsBySlug.values()].flatMap((g) =>
  Object.values(g).flat());
const covered = new Set(specs.flatMap((s) => s.covers));

describe('generated bad input (tests/bad-input.ts)', () => {
  it(`covers at least ${MIN_COVERED} of the exported functions that take arguments`, () => {
    const hit = candidates.filter((f) => covered.has(f));
    const missing = candidates.filter((f) => !covered.has(f))
      .map((f) => exported.get(f));
    console.log(
      `bad-input coverage: ${hit.length} of ${candidates.length} exported ` +
        `functions and classes that take arguments (${exported.size} ` +
        `exported in all); not covered: ` +
        (missing.length === 0 ? 'none' : `\n  ${missing.join('\n  ')}`),
    );
    expect(hit.length).toBeGreaterThanOrEqual(MIN_COVERED);
  });

  it('covers only functions that code/ exports', () => {
    const strays = specs.filter((s) => s.covers.some((f) => !exported.has(f)))
      .map((s) => s.name);
    expect(strays).toEqual([]);
  });

  it("runs every group of specs in its chapter's test file", () => {
    const unrun: string[] = [];
    for (const [slug, groups] of specsBySlug) {
      const tests = readFileSync(join(root, 'tests', `${slug}.test.ts`),
        'utf8');
      for (const key of Object.keys(groups)) {
        if (!tests.includes(`rejectsBadInput(badInput.${key})`)) {
          unrun.push(`${slug}: ${key}`);
        }
      }
    }
    expect(unrun).toEqual([]);
  });
});
