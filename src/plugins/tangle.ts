// Tangling: how a chapter's listing is cut out of a file in code/.
// A region is the lines strictly between `// #region <name>` and
// `// #endregion`. Regions do not nest, so a listing is always a contiguous
// run of the file and its line numbers are the file's own.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Region {
  readonly name: string;
  /** 1-based line number of the first line shown. */
  readonly start: number;
  /** 1-based line number of the last line shown. */
  readonly end: number;
}

export interface Listing {
  readonly code: string;
  /** 1-based line number, in the file, of the listing's first line. */
  readonly startLine: number;
}

const OPEN = /^\s*\/\/\s*#region\b\s*(.*)$/;
const CLOSE = /^\s*\/\/\s*#endregion\b/;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

export class TangleError extends Error {}

/** All regions of a source text, validated; `file` names it in errors. */
export function scanRegions(source: string, file: string): Region[] {
  const lines = source.split('\n');
  const regions: Region[] = [];
  let open: { name: string; line: number } | null = null;
  lines.forEach((line, i) => {
    const opened = OPEN.exec(line);
    if (opened) {
      const name = opened[1].trim();
      if (open) {
        throw new TangleError(
          `${file}:${i + 1}: region "${name}" opens inside region ` +
            `"${open.name}" (line ${open.line}); regions do not nest`,
        );
      }
      if (!NAME.test(name)) {
        throw new TangleError(
          `${file}:${i + 1}: region name "${name}" must be lower-case ` +
            `letters, digits and hyphens`,
        );
      }
      if (regions.some((r) => r.name === name)) {
        throw new TangleError(
          `${file}:${i + 1}: region "${name}" is defined twice`,
        );
      }
      open = { name, line: i + 1 };
    } else if (CLOSE.test(line)) {
      if (!open) {
        throw new TangleError(
          `${file}:${i + 1}: #endregion without a matching #region`,
        );
      }
      regions.push({ name: open.name, start: open.line + 1, end: i });
      open = null;
    }
  });
  if (open !== null) {
    const { name, line } = open;
    throw new TangleError(
      `${file}:${line}: region "${name}" has no #endregion`,
    );
  }
  return regions;
}

/** Removes the indentation common to all non-blank lines. */
function dedent(lines: string[]): string[] {
  const indents = lines
    .filter((l) => l.trim() !== '')
    .map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut));
}

/**
 * The listing for `file` (relative to `root`) and optional `region`.
 * Without a region the whole file is shown, which is allowed only for a
 * file with no region markers (its line numbers would not match).
 */
export function tangle(root: string, file: string, region?: string): Listing {
  if (!file.startsWith('code/')) {
    throw new TangleError(
      `listing file "${file}" must be a path under code/, ` +
        `e.g. code/introduction/random.ts`,
    );
  }
  const path = resolve(root, file);
  if (!existsSync(path)) {
    throw new TangleError(`listing file "${file}" does not exist`);
  }
  const source = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  const regions = scanRegions(source, file);
  const lines = source.split('\n');
  if (region === undefined) {
    if (regions.length > 0) {
      throw new TangleError(
        `${file} has regions (${regions.map((r) => r.name).join(', ')}); ` +
          `show one of them, not the whole file`,
      );
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return { code: lines.join('\n'), startLine: 1 };
  }
  const found = regions.find((r) => r.name === region);
  if (!found) {
    const known = regions.map((r) => r.name).join(', ') || 'none';
    throw new TangleError(
      `region "${region}" not found in ${file} (regions: ${known})`,
    );
  }
  const shown = lines.slice(found.start - 1, found.end);
  if (shown.every((l) => l.trim() === '')) {
    throw new TangleError(`region "${region}" in ${file} is empty`);
  }
  return { code: dedent(shown).join('\n'), startLine: found.start };
}
