// What the print edition's imprint page says about the build: the book's
// version (package.json), the date of the sources and the commit. From git
// when the book is built from a checkout; SOURCE_DATE_EPOCH and
// BOOK_COMMIT override them (for builds from a tarball).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildInfo {
  readonly version: string;
  /** ISO date (YYYY-MM-DD) of the last commit, or null. */
  readonly date: string | null;
  /** Full commit hash, with "+ local changes" if the tree is dirty. */
  readonly commit: string | null;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: process.cwd(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export function buildInfo(): BuildInfo {
  const pkg = JSON.parse(
    readFileSync(join(process.cwd(), 'package.json'), 'utf8'),
  ) as { version: string };
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch
    ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10)
    : git(['log', '-1', '--format=%cs']);
  let commit = process.env.BOOK_COMMIT ?? git(['rev-parse', 'HEAD']);
  if (commit && !process.env.BOOK_COMMIT) {
    const dirty = git(['status', '--porcelain', '--untracked-files=no']);
    if (dirty) commit += ' + local changes';
  }
  return { version: pkg.version, date: date || null, commit: commit || null };
}
