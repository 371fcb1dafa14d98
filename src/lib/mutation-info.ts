// A chapter's mutation report: what `npm run mutate -- <slug>` wrote to
// tests/mutation/<slug>.json after Stryker made small wrong versions of
// code/<slug>/ and ran tests/<slug>.test.ts against each. The chapter page
// shows its score, the test page lists the mutants that survive, and
// `npm run check` compares the hashes below with the files, so that a
// report cannot describe code or tests that have since changed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** A mutant no test caught, as the report lists it. */
export interface Survivor {
  readonly file: string;
  /** 1-based line and column where the mutated code starts. */
  readonly line: number;
  readonly column: number;
  /** Stryker's mutator name, e.g. `EqualityOperator`. */
  readonly mutator: string;
  /** The code Stryker replaced (shortened to one line) and its stand-in. */
  readonly original: string;
  readonly replacement: string;
  /** The text of the mutant's first line, trimmed: what a mark matches. */
  readonly text: string;
  /** `survived`: tests ran it and passed; `no coverage`: none ran it. */
  readonly status: 'survived' | 'no coverage';
  /** Set when the mutant is marked equivalent: the mark's reason. */
  readonly equivalent?: string;
}

/**
 * An equivalent-mutant mark in tests/mutation/<slug>.equivalent.json:
 * a survivor's file, mutator, replacement and the text of its line, with
 * the line number to choose among equal lines, and one line of reason.
 */
export interface Mark {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly text: string;
  readonly mutator: string;
  readonly replacement: string;
  readonly reason: string;
}

export interface Counts {
  readonly mutants: number;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly equivalent: number;
  readonly errors: number;
}

export interface MutationReport {
  readonly chapter: string;
  readonly stryker: string;
  /** SHA-256 over `files` (path and hash of each, in order). */
  readonly sha256: string;
  /** Path → SHA-256 of each file the result depends on. */
  readonly files: Readonly<Record<string, string>>;
  readonly counts: Counts;
  /** (killed + timeout) / (mutants − equivalent). */
  readonly caught: number;
  /**
   * How many of `mutants` are static: in code that runs when a module
   * loads (a module-level constant). Each was run against the whole test
   * file with the mutant active before the code loaded. Absent in
   * reports written before this was counted.
   */
  readonly static?: number;
  /**
   * Mutants Stryker did not run and that `mutants` leaves out, counted
   * by Stryker's reason (e.g. a `// Stryker disable` comment); absent
   * when none.
   */
  readonly ignored?: Readonly<Record<string, number>>;
  /** Wall time of the Stryker run that wrote the results, in seconds. */
  readonly seconds: number;
  readonly survivors: readonly Survivor[];
  /** Marks that match no surviving mutant, with why. */
  readonly staleMarks: readonly (Mark & { readonly why: string })[];
}

export const reportPath = (slug: string) => `tests/mutation/${slug}.json`;
export const marksPath = (slug: string) =>
  `tests/mutation/${slug}.equivalent.json`;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * The files a chapter's report depends on, relative to root, sorted:
 * code/<slug>/**\/*.ts (what is mutated), tests/<slug>.test.ts (what
 * runs) and the marks file when there is one.
 */
export function reportInputs(root: string, slug: string): string[] {
  const code = walk(join(root, 'code', slug))
    .filter((f) => /\.(ts|mts)$/.test(f))
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();
  const more = [`tests/${slug}.test.ts`, marksPath(slug)].filter((f) =>
    existsSync(join(root, f)),
  );
  return [...code, ...more];
}

const sha = (data: string | Buffer) =>
  createHash('sha256').update(data).digest('hex');

/** Path → SHA-256 of each input, and one SHA-256 over them all. */
export function hashInputs(root: string, slug: string) {
  const files: Record<string, string> = {};
  for (const f of reportInputs(root, slug)) {
    files[f] = sha(readFileSync(join(root, f)));
  }
  return combined(files);
}

/** The files' hashes with one SHA-256 over them (sorted by path). */
export function combined(files: Readonly<Record<string, string>>) {
  const sorted = Object.fromEntries(Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const all = sha(Object.entries(sorted)
    .map(([f, h]) => `${h}  ${f}\n`).join(''));
  return { files: sorted, sha256: all };
}

/** The report of a chapter, or null when it has none. */
export function readReport(
  slug: string,
  root = process.cwd(),
): MutationReport | null {
  const path = resolve(root, reportPath(slug));
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as MutationReport;
}

/** Whether a report describes the chapter's code and tests as they are. */
export function isCurrent(
  slug: string,
  report: MutationReport,
  root = process.cwd(),
): boolean {
  return hashInputs(root, slug).sha256 === report.sha256;
}

/** "93 %" style: whole percent, floored so that 89.9 never reads 90. */
export function percentCaught(r: MutationReport): string {
  return `${Math.floor(r.caught * 100)} %`;
}
