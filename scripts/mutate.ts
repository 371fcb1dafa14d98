// `npm run mutate -- <slug>…` / `npm run mutate -- --all`: mutation
// testing of a chapter. Stryker makes small wrong versions of
// code/<slug>/**/*.ts (a `<` turned `<=`, a call deleted) and runs
// tests/<slug>.test.ts against each; a mutant some test fails on is
// caught. The result goes to tests/mutation/<slug>.json (see
// src/lib/mutation-info.ts), with the equivalent-mutant marks of
// tests/mutation/<slug>.equivalent.json applied.
//
// Stryker runs incrementally: its state per chapter is kept in
// .stryker-incremental/<slug>.json (ignored by git: about 400 kB a
// chapter, rewritten on every run), so a re-run tests
// only the mutants whose code or covering tests changed. When the code and
// test files still hash to what the report says, Stryker is not run at all
// and only the marks are re-applied (--rerun runs it anyway; --force runs
// every mutant afresh). Run it under `flock /tmp/heavy.lock` on a shared
// machine: it keeps both cores busy. CI never runs it; `npm run check`
// only compares the report's hashes with the files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { MutantResult } from '@stryker-mutator/api/core';
import { CHAPTERS } from '../src/toc.ts';
import {
  combined, hashInputs, marksPath, percentCaught, readReport, reportPath,
  type Counts, type Mark, type MutationReport, type Survivor,
} from '../src/lib/mutation-info.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ORIGINAL_MAX = 60;

function strykerVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('@stryker-mutator/core/package.json') as {
    version: string;
  };
  return pkg.version;
}

/** One line of source, trimmed; `line` is 1-based. */
function lineText(source: string, line: number): string {
  return (source.split('\n')[line - 1] ?? '').trim();
}

/** The replaced code, on one line, shortened to ORIGINAL_MAX columns. */
function originalText(source: string, m: MutantResult): string {
  const lines = source.split('\n');
  const { start, end } = m.location;
  const parts = lines.slice(start.line - 1, end.line);
  if (parts.length === 0) return '';
  parts[parts.length - 1] = parts[parts.length - 1].slice(
    0, start.line === end.line ? end.column - 1 : end.column - 1);
  parts[0] = parts[0].slice(start.column - 1);
  const one = parts.map((p) => p.trim()).join(' ').replace(/\s+/g, ' ');
  return one.length > ORIGINAL_MAX ? `${one.slice(0, ORIGINAL_MAX - 1)}…`
    : one;
}

function oneLine(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > ORIGINAL_MAX ? `${one.slice(0, ORIGINAL_MAX - 1)}…`
    : one;
}

function readMarks(slug: string): Mark[] {
  const path = join(ROOT, marksPath(slug));
  if (!existsSync(path)) return [];
  const marks = JSON.parse(readFileSync(path, 'utf8')) as Mark[];
  for (const m of marks) {
    for (const k of ['file', 'line', 'text', 'mutator', 'replacement',
      'reason'] as const) {
      if (m[k] === undefined || m[k] === '') {
        throw new Error(`mutate: a mark in ${marksPath(slug)} has no ` +
          `"${k}": ${JSON.stringify(m)}`);
      }
    }
  }
  return marks;
}

export type Candidate = Omit<Survivor, 'status' | 'equivalent'> & {
  status: 'survived' | 'no coverage' | 'killed';
};

/**
 * Pairs each mark with at most one mutant of the same file, mutator,
 * replacement and line text (its column, then the nearest line, break
 * ties), so that a mark survives lines being added above it. Returns the
 * reason per candidate index, and the marks that matched no survivor.
 */
export function applyMarks(candidates: readonly Candidate[], marks: readonly Mark[]) {
  const reasons = new Map<number, string>();
  const stale: (Mark & { why: string })[] = [];
  for (const mark of marks) {
    const same = candidates
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => !reasons.has(i) && c.file === mark.file &&
        c.mutator === mark.mutator && c.replacement === mark.replacement &&
        c.text === mark.text.trim());
    const order = (x: { c: Candidate }) =>
      (mark.column !== undefined && x.c.column !== mark.column ? 1e6 : 0) +
      Math.abs(x.c.line - mark.line);
    const open = same.filter(({ c }) => c.status !== 'killed');
    const best = open.sort((a, b) => order(a) - order(b))[0];
    if (best) {
      reasons.set(best.i, mark.reason);
    } else {
      const killed = same.some(({ c }) => c.status === 'killed');
      stale.push({
        ...mark,
        why: killed
          ? 'a test kills this mutant: it is not equivalent; delete the mark'
          : 'no surviving mutant matches it (the code changed?); ' +
            'delete or update the mark',
      });
    }
  }
  return { reasons, stale };
}

/** The report from the candidates (every mutant not caught, or all). */
function buildReport(
  slug: string,
  inputs: ReturnType<typeof hashInputs>,
  version: string,
  seconds: number,
  base: Omit<Counts, 'equivalent' | 'survived' | 'noCoverage'>,
  candidates: readonly Candidate[],
  extra: Pick<MutationReport, 'static' | 'ignored'>,
): MutationReport {
  const { reasons, stale } = applyMarks(candidates, readMarks(slug));
  const survivors: Survivor[] = [];
  candidates.forEach((c, i) => {
    if (c.status === 'killed') return;
    const reason = reasons.get(i);
    survivors.push(reason === undefined ? { ...c, status: c.status }
      : { ...c, status: c.status, equivalent: reason });
  });
  survivors.sort((a, b) => a.file.localeCompare(b.file) ||
    a.line - b.line || a.column - b.column ||
    a.mutator.localeCompare(b.mutator));
  const n = (s: Survivor['status'] | 'equivalent') =>
    survivors.filter((x) => s === 'equivalent' ? x.equivalent !== undefined
      : x.equivalent === undefined && x.status === s).length;
  const counts: Counts = {
    mutants: base.mutants,
    killed: base.killed,
    timeout: base.timeout,
    survived: n('survived'),
    noCoverage: n('no coverage'),
    equivalent: n('equivalent'),
    errors: base.errors,
  };
  const valid = counts.mutants - counts.equivalent;
  const { files, sha256 } = inputs;
  return {
    chapter: slug,
    stryker: version,
    sha256,
    files,
    counts,
    caught: valid === 0 ? 1
      : Math.round(((counts.killed + counts.timeout) / valid) * 1e4) / 1e4,
    ...(extra.static === undefined ? {} : { static: extra.static }),
    ...(extra.ignored === undefined || Object.keys(extra.ignored).length === 0
      ? {} : { ignored: extra.ignored }),
    seconds,
    survivors,
    staleMarks: stale,
  };
}

/** A positive integer from the environment, or the default. */
function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1) {
    throw new Error(`mutate: ${name} must be a positive integer, ` +
      `got ${raw}`);
  }
  return v;
}

async function runStryker(slug: string, force: boolean) {
  const { Stryker } = await import('@stryker-mutator/core');
  process.env.MUTATE_TEST_FILE = `tests/${slug}.test.ts`;
  const stryker = new Stryker({
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'vitest.config.ts', related: false },
    mutate: [`code/${slug}/**/*.ts`, `code/${slug}/**/*.mts`],
    // Not `testFiles`: with a test filter set, Stryker 10.1.1 runs a
    // "static" mutant (one in code that runs when the module loads, a
    // module-level constant) with activation at run time, after the
    // module has loaded, so it survives whatever the tests do. Vitest
    // instead includes only this chapter's test file (vitest.config.ts
    // reads MUTATE_TEST_FILE, which the worker processes inherit), and
    // Stryker runs each static mutant against the whole file, activated
    // before the code loads.
    coverageAnalysis: 'perTest',
    // On a machine other work shares, run one mutant at a time and give
    // each test run more slack: a mutant that only ran slow because the
    // machine was busy would otherwise count as caught (a timeout).
    concurrency: envInt('MUTATE_CONCURRENCY', 2),
    timeoutMS: envInt('MUTATE_TIMEOUT_MS', 5_000),
    dryRunTimeoutMinutes: 15,
    // Never ignore static mutants: they are run (see above), and the
    // report counts them.
    ignoreStatic: false,
    // ... so Stryker's warning that they are slow, which advises
    // ignoreStatic, is noise here.
    warnings: { slow: false },
    incremental: true,
    incrementalFile: `.stryker-incremental/${slug}.json`,
    force,
    ignorePatterns: [
      // chapters/ stays: a test may read its chapter's MDX (xgboost's
      // review test checks no computed value sits inside inline math);
      // so do src/compute and src/lib (a review test may check a
      // number the page prints). .cache goes: its entries are keyed by
      // the sources, which Stryker has instrumented, so none would hit.
      'dist', '.astro', '.cache', 'public', 'scripts', 'src/client',
      'src/components', 'src/content', 'src/pages', 'src/plugins',
      'src/styles',
      '.site-test', '.scratch', 'tests/mutation', '*.png',
      '.stryker-incremental',
    ],
    reporters: ['progress-append-only'],
    logLevel: 'warn',
    cleanTempDir: true,
  } as never);
  return stryker.runMutationTest();
}

/** Survivor-shaped entries for every mutant, from Stryker's results. */
function candidatesFrom(results: readonly MutantResult[]) {
  const sources = new Map<string, string>();
  const source = (file: string) => {
    if (!sources.has(file)) {
      sources.set(file, readFileSync(join(ROOT, file), 'utf8'));
    }
    return sources.get(file)!;
  };
  const counts = { mutants: 0, killed: 0, timeout: 0, errors: 0 };
  let statics = 0;
  const ignored: Record<string, number> = {};
  const candidates: Candidate[] = [];
  for (const m of results) {
    if (m.status === 'Ignored' || m.status === 'Pending') {
      const why = m.status === 'Pending' ? 'not run (pending)'
        : m.statusReason ?? 'ignored (no reason given)';
      ignored[why] = (ignored[why] ?? 0) + 1;
      continue;
    }
    counts.mutants++;
    if (m.static === true) statics++;
    if (m.status === 'Killed') counts.killed++;
    else if (m.status === 'Timeout') counts.timeout++;
    else if (m.status === 'CompileError' || m.status === 'RuntimeError') {
      counts.errors++;
    }
    const status = m.status === 'Survived' ? 'survived'
      : m.status === 'NoCoverage' ? 'no coverage'
      : m.status === 'Killed' ? 'killed' : null;
    if (status === null) continue;
    const file = resolve(ROOT, m.fileName).slice(ROOT.length + 1)
      .split('\\').join('/');
    const text = source(file);
    candidates.push({
      file,
      line: m.location.start.line,
      column: m.location.start.column,
      mutator: m.mutatorName,
      original: originalText(text, m),
      replacement: oneLine(m.replacement ?? ''),
      text: lineText(text, m.location.start.line),
      status,
    });
  }
  return { counts, candidates, statics, ignored };
}

/** JSON with one line per survivor and stale mark: small diffs. */
function stringify(report: MutationReport): string {
  const list = (xs: readonly unknown[]) => xs.length === 0 ? '[]'
    : `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
  const { survivors, staleMarks, ...rest } = report;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  return `${head},\n  "survivors": ${list(survivors)},\n` +
    `  "staleMarks": ${list(staleMarks)}\n}\n`;
}

function write(slug: string, report: MutationReport) {
  mkdirSync(join(ROOT, 'tests/mutation'), { recursive: true });
  writeFileSync(join(ROOT, reportPath(slug)), stringify(report));
  const c = report.counts;
  console.log(
    `mutate: ${slug}: ${c.mutants} mutants, ${percentCaught(report)} ` +
      `caught (killed ${c.killed}, timeout ${c.timeout}, survived ` +
      `${c.survived}, no coverage ${c.noCoverage}, equivalent ` +
      `${c.equivalent}, errors ${c.errors}); ${report.seconds} s; ` +
      `wrote ${reportPath(slug)}`,
  );
  if (report.static !== undefined) {
    console.log(`  ${report.static} of the mutants are static (run when ` +
      'a module loads), each tested against the whole test file');
  }
  for (const [why, n] of Object.entries(report.ignored ?? {})) {
    console.log(`  ${n} not run and not counted: ${why}`);
  }
  for (const m of report.staleMarks) {
    console.warn(`  ⚠ stale mark ${m.file}:${m.line} ${m.mutator} ` +
      `"${m.replacement}": ${m.why}`);
  }
}

async function mutate(slug: string, opts: { rerun: boolean; force: boolean }) {
  const old = readReport(slug, ROOT);
  const version = strykerVersion();
  const now = hashInputs(ROOT, slug);
  const testedSame = old !== null && !opts.rerun && !opts.force &&
    old.stryker === version &&
    Object.keys(now.files).filter((f) => !f.endsWith('.equivalent.json'))
      .every((f) => old.files[f] === now.files[f]) &&
    Object.keys(old.files).every((f) => f in now.files ||
      f.endsWith('.equivalent.json'));
  if (testedSame) {
    // Code and tests unchanged: only the marks may have; re-apply them
    // to the mutants the report already lists.
    const candidates: Candidate[] = old.survivors.map(
      ({ equivalent: _, ...c }) => c);
    write(slug, buildReport(slug, now, version, old.seconds, old.counts,
      candidates, { static: old.static, ignored: old.ignored }));
    console.log(`  (code and tests unchanged: Stryker not run; ` +
      `--rerun to run it)`);
    return;
  }
  const t0 = performance.now();
  const results = await runStryker(slug, opts.force);
  const seconds = Math.round((performance.now() - t0) / 1000);
  const { counts, candidates, statics, ignored } = candidatesFrom(results);
  // The code and tests hashed are those Stryker copied at the start (a
  // file edited during the run leaves the report stale); the marks are
  // read now.
  const { [marksPath(slug)]: _, ...tested } = now.files;
  const marks = hashInputs(ROOT, slug).files[marksPath(slug)];
  const inputs = combined(marks === undefined ? tested
    : { ...tested, [marksPath(slug)]: marks });
  write(slug, buildReport(slug, inputs, version, seconds, counts,
    candidates, { static: statics, ignored }));
}

const USAGE = 'usage: npm run mutate -- <slug>… | --all ' +
  '[--rerun] [--force]';

if (import.meta.main) {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  for (const f of flags) {
    if (!['--all', '--rerun', '--force'].includes(f)) {
      console.error(`mutate: unknown option ${f}\n${USAGE}`);
      process.exit(2);
    }
  }
  const named = args.filter((a) => !a.startsWith('--'));
  const known = new Set(CHAPTERS.map((c) => c.slug));
  for (const s of named) {
    if (!known.has(s)) {
      console.error(`mutate: no chapter "${s}" in src/toc.ts\n${USAGE}`);
      process.exit(2);
    }
  }
  const slugs = flags.has('--all') ? CHAPTERS.map((c) => c.slug) : named;
  if (slugs.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const t0 = performance.now();
  for (const slug of slugs) {
    await mutate(slug, {
      rerun: flags.has('--rerun'), force: flags.has('--force'),
    });
  }
  if (slugs.length > 1) {
    const s = Math.round((performance.now() - t0) / 1000);
    console.log(`mutate: ${slugs.length} chapters in ${s} s`);
  }
}
