// `npm run check`, first half: the book's structural promises.
// - every chapter in src/toc.ts has its MDX, code/ folder and test file,
//   and every MDX file is in the table of contents;
// - every region in code/ is shown in some chapter, every file in code/ is
//   shown or says why not (`// @unshown: reason` on its first line), every
//   <Listing> resolves;
// - code/ lines fit the printed page (76 columns), cite equations by label,
//   and import only from chapters that come earlier in the book;
// - chapter sources carry no trace of a string escape that ate a
//   backslash ("\text" written through a JavaScript string becomes a TAB
//   and "ext", "\nabla" a line break and "abla");
// - no chapter's tests of its code import its computation (src/compute/;
//   those tests go to tests/pages/<slug>.test.ts, run after the build);
// - the test count each chapter page shows equals what Vitest collects;
// - every chapter's mutation report matches its code and tests
//   (scripts/check-mutation.ts).
// The type-checks (tsc, astro check) run after it, from package.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CHAPTERS } from '../src/toc.ts';
import { scanRegions, tangle } from '../src/plugins/tangle.ts';
import { countTests } from '../src/lib/tests-info.ts';
import { filesUnder as files, withoutFences } from '../src/lib/files.ts';
import { checkMutationReports } from './check-mutation.ts';

export const MAX_COLUMNS = 76;

export interface Problem {
  readonly where: string;
  readonly what: string;
}

const LISTING = /<Listing\b([\s\S]*?)\/>/g;
const ATTR = (name: string) => new RegExp(`\\b${name}="([^"]*)"`);

/** The <Listing> references of every chapter. */
export function listingsIn(root: string) {
  return files(join(root, 'chapters'), (f) => f.endsWith('.mdx')).flatMap(
    (path) => {
      const text = withoutFences(readFileSync(path, 'utf8'));
      return [...text.matchAll(LISTING)].map((m) => ({
        chapter: relative(root, path),
        file: ATTR('file').exec(m[1])?.[1] ?? '',
        region: ATTR('region').exec(m[1])?.[1],
      }));
    },
  );
}

/**
 * The 1-based lines of a chapter source that a string escape has
 * damaged: a control character other than the line break (TAB from
 * "\t", a CR from "\r", a form feed from "\f", …), or a line that
 * starts with what a "\n" or "\r" leaves of a TeX command.
 */
export function escapeDamage(text: string): number[] {
  const control = /[\u0000-\u0009\u000b-\u001f\u007f]/;
  const remnant = /^\s*(abla|ightarrow|Vert\b|ext\{|rac\{|oldsymbol)/;
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (control.test(line) || remnant.test(line)) bad.push(i + 1);
  });
  return bad;
}

/** Does a test file import a chapter's computation (src/compute/)? */
export function importsCompute(source: string): boolean {
  return /(?:\bfrom|\bimport\s*\()\s*['"](?:\.\.\/)+src\/compute\//
    .test(source);
}

/** Does it import src/compute/ statically (not a type, not in a hook)? */
export function importsComputeAtTop(source: string): boolean {
  return /^import\s+(?!type\b)[^;]*?from\s*['"](?:\.\.\/)+src\/compute\//m
    .test(source);
}

/** Checks chapters, code/ and tests/ against each other. */
export function checkBook(root: string): Problem[] {
  const problems: Problem[] = [];
  const say = (where: string, what: string) => problems.push({ where, what });

  // 1. Table of contents ↔ files.
  const inToc = new Set(CHAPTERS.map((c) => c.file));
  for (const ch of CHAPTERS) {
    if (!existsSync(join(root, ch.file))) say(ch.file, 'missing chapter');
    if (!existsSync(join(root, 'code', ch.slug))) {
      say(`code/${ch.slug}/`, 'missing code folder');
    }
    const tests = join(root, 'tests', `${ch.slug}.test.ts`);
    if (!existsSync(tests)) {
      say(`tests/${ch.slug}.test.ts`, 'missing test file');
    } else if (importsCompute(readFileSync(tests, 'utf8'))) {
      // `npm test` must not run a chapter's build-time computation cold
      say(`tests/${ch.slug}.test.ts`, 'imports src/compute/: move the ' +
        `tests of the page's numbers to tests/pages/${ch.slug}.test.ts ` +
        '(npm run test:pages, after the build)');
    }
  }
  const pagesDir = join(root, 'tests', 'pages');
  if (existsSync(pagesDir)) {
    for (const f of readdirSync(pagesDir)) {
      const slug = f.replace(/\.test\.ts$/, '');
      if (slug === f || !CHAPTERS.some((c) => c.slug === slug)) {
        say(`tests/pages/${f}`, 'is not <slug>.test.ts of a chapter in ' +
          'src/toc.ts');
      } else if (importsComputeAtTop(readFileSync(join(pagesDir, f),
        'utf8'))) {
        // listing the tests (npm run check) would run the computation
        say(`tests/pages/${f}`, 'imports src/compute/ at the top: import ' +
          'it in a beforeAll (await import(...))');
      }
    }
  }
  for (const path of files(join(root, 'chapters'), (f) => f.endsWith('.mdx'))) {
    const rel = relative(root, path);
    if (rel !== 'chapters/index.mdx' && !inToc.has(rel)) {
      say(rel, 'not in src/toc.ts (or in the wrong part folder)');
    }
    for (const line of escapeDamage(readFileSync(path, 'utf8'))) {
      say(`${rel}:${line}`, 'a control character or the remnant of a ' +
        'TeX command whose backslash a string escape ate (\\t, \\n, \\r)');
    }
  }
  for (const dir of readdirSync(join(root, 'code'))) {
    if (!CHAPTERS.some((c) => c.slug === dir)) {
      say(`code/${dir}/`, 'belongs to no chapter in src/toc.ts');
    }
  }

  // 2. Regions and files shown.
  const listings = listingsIn(root);
  const shown = new Set(listings.map((l) => `${l.file}#${l.region ?? ''}`));
  for (const l of listings) {
    try {
      tangle(root, l.file, l.region);
    } catch (e) {
      say(l.chapter, (e as Error).message);
    }
  }
  const order = new Map(CHAPTERS.map((c) => [c.slug, c.number]));
  for (const path of files(join(root, 'code'), (f) => /\.(ts|mts)$/.test(f))) {
    const rel = relative(root, path);
    const source = readFileSync(path, 'utf8');
    const lines = source.split('\n');
    const unshown = /^\/\/ @unshown:\s*(\S.*)$/.exec(lines[0]);
    let regions: { name: string }[] = [];
    try {
      regions = scanRegions(source, rel);
    } catch (e) {
      say(rel, (e as Error).message);
    }
    const used = regions.filter((r) => shown.has(`${rel}#${r.name}`));
    if (!unshown) {
      for (const r of regions) {
        if (!used.includes(r)) {
          say(rel, `region "${r.name}" is shown in no chapter`);
        }
      }
      if (regions.length === 0 && !shown.has(`${rel}#`)) {
        say(rel, 'is shown in no chapter and has no `// @unshown: reason`');
      }
    }
    lines.forEach((line, i) => {
      if (line.length > MAX_COLUMNS) {
        say(`${rel}:${i + 1}`,
          `line is ${line.length} columns; listings print at ${MAX_COLUMNS}`);
      }
      if (/\bEqs?\.\s*\(\d/.test(line)) {
        say(`${rel}:${i + 1}`,
          'cites an equation by number; cite its label: Eq. (label)');
      }
    });
    // 3. Imports follow the book's order.
    const own = rel.split('/')[1];
    for (const m of source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (!spec.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(path), spec));
      const [top, slug] = target.split('/');
      if (top !== 'code') {
        say(rel, `imports ${spec}: code/ imports only from code/`);
      } else if (slug !== own && (order.get(slug) ?? Infinity) >
        (order.get(own) ?? 0)) {
        say(rel, `imports ${spec}: a chapter may only use code of ` +
          `chapters before it`);
      }
    }
  }
  return problems;
}

/**
 * The chapter anatomy of BOOK-STYLE, for every chapter: an opener, key
 * points (five to eight) before the exercises, every exercise with a
 * hint and at least half with a worked solution; and the MDX holds
 * prose, not computation (no `export const`: it imports its results
 * from src/compute/<slug>.ts).
 */
export function checkAnatomy(root: string): Problem[] {
  const problems: Problem[] = [];
  for (const ch of CHAPTERS) {
    const path = join(root, ch.file);
    if (!existsSync(path)) continue;
    const text = withoutFences(readFileSync(path, 'utf8'));
    const say = (what: string) => problems.push({ where: ch.file, what });
    if (!/<Opener\b/.test(text)) say('has no <Opener needs="…">');
    const key = /^## Key points\s*$([\s\S]*?)(?=^## )/m.exec(text);
    if (!key) {
      say('has no "## Key points" section before the next section');
    } else {
      const bullets = key[1].match(/^[-*] /gm)?.length ?? 0;
      if (bullets < 5 || bullets > 8) {
        say(`has ${bullets} key points; BOOK-STYLE asks for five to eight`);
      }
      if (text.indexOf('## Exercises') < key.index) {
        say('puts its key points after the exercises');
      }
    }
    const exercises = [...text.matchAll(
      /<Exercise\b[\s\S]*?<\/Exercise>/g)].map((m) => m[0]);
    if (exercises.length < 3) {
      say(`has ${exercises.length} <Exercise>s; BOOK-STYLE asks for 3 to 6`);
    }
    exercises.forEach((e, i) => {
      if (!/<Hint>/.test(e)) say(`exercise ${i + 1} has no <Hint>`);
    });
    const solved = exercises.filter((e) => /<Solution>/.test(e)).length;
    if (solved * 2 < exercises.length) {
      say(`${solved} of ${exercises.length} exercises have a worked ` +
        '<Solution>; at least half must');
    }
    if (/^export const /m.test(text)) {
      say('computes in the MDX (export const); move it to ' +
        `src/compute/${ch.slug}.ts`);
    }
  }
  return problems;
}

/**
 * Test counts shown on the pages vs the tests Vitest collects: in each
 * chapter's tests of its code (vitest.config.ts, `npm test`) and of its
 * page's numbers (vitest.pages.config.ts, `npm run test:pages`). Listing
 * loads the files without running their hooks, so a page test that
 * imports its computation in beforeAll computes nothing here.
 */
export function checkTestCounts(root: string): Problem[] {
  const list = (config: string) => JSON.parse(execFileSync(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'list', '--json',
      '--config', config],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 },
  )) as { file: string }[];
  const listed = [...list('vitest.config.ts'),
    ...list('vitest.pages.config.ts')];
  const problems: Problem[] = [];
  for (const ch of CHAPTERS) {
    for (const file of [join(root, 'tests', `${ch.slug}.test.ts`),
      join(root, 'tests', 'pages', `${ch.slug}.test.ts`)]) {
      if (!existsSync(file)) continue;
      const collected = listed.filter((t) => resolve(t.file) === file)
        .length;
      const counted = countTests(readFileSync(file, 'utf8'));
      if (collected !== counted) {
        problems.push({
          where: relative(root, file),
          what: `the page says ${counted} tests but Vitest collects ` +
            `${collected}: write one it(...) per test, not it in a loop`,
        });
      }
    }
  }
  return problems;
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const problems = [...checkBook(root), ...checkTestCounts(root)];
  // The anatomy is enforced: every chapter meets it. Mutation reports are
  // listed, not yet enforced, until every chapter has a current one (the
  // chapters are being scored chapter by chapter).
  problems.push(...checkAnatomy(root));
  const pending = checkMutationReports(root);
  for (const p of pending) console.log(`… ${p.where}: ${p.what}`);
  if (pending.length > 0) {
    console.log(`check: ${pending.length} mutation item(s) still open ` +
      '(not yet enforced)');
  }
  for (const p of problems) console.error(`✗ ${p.where}: ${p.what}`);
  if (problems.length > 0) {
    console.error(`\ncheck: ${problems.length} problem(s)`);
    process.exit(1);
  }
  const regions = listingsIn(root).length;
  console.log(
    `check: ${CHAPTERS.length} chapters, ${regions} listings, ` +
      'every region shown, every file accounted for, test counts match',
  );
}
