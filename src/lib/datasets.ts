// The book's datasets, read from data/<name>/README.md: the source of
// Appendix B (src/pages/appendix/[slug].astro). Each README records the
// dataset's title (its first line), a table of its files with their
// SHA-256, where the data come from (a "## Source" section or a
// "Source:" paragraph) and its licence (a "## Licence" section or a
// "Licence:" paragraph); a README without one of them stops the build,
// naming the README and the field. The sizes are the files' own, and
// each file's SHA-256 is recomputed and must equal the README's. Which
// chapters use a dataset comes from the import graph
// (src/lib/import-graph.ts): a chapter uses it when a module that its
// computation or its test file imports, directly or not, names a file
// under data/<name>/ by a literal path outside a comment (each loader
// names its data file and its README).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTERS } from '../toc.ts';
import { dataLiterals, dependencies } from './import-graph.ts';

export interface DataFileInfo {
  /** File name inside data/<name>/. */
  readonly file: string;
  /** What the README's table says of it (shape, contents). */
  readonly about: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface ReadmeFields {
  /** The README's first heading, without the `#`. */
  readonly title: string;
  readonly files: readonly Omit<DataFileInfo, 'bytes'>[];
  /** Markdown: where the data come from. */
  readonly source: string;
  /** Markdown: the licence, and what the README says of it. */
  readonly licence: string;
}

export interface DatasetInfo extends ReadmeFields {
  /** Folder name under data/. */
  readonly name: string;
  readonly files: readonly DataFileInfo[];
  readonly bytes: number;
  /** Slugs of the chapters that use it, in reading order. */
  readonly chapters: readonly string[];
}

const SHA = /^`?([0-9a-f]{64})`?$/;
const cells = (line: string) =>
  line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** The rows of the first Markdown table whose header names SHA-256. */
function fileTable(where: string, lines: readonly string[]) {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\|[\s:|-]+\|$/.test(lines[i + 1])) {
      continue;
    }
    const head = cells(lines[i]);
    const sha = head.findIndex((h) => /^SHA-?256$/i.test(h));
    if (sha < 0) continue;
    if (head[0].toLowerCase() !== 'file') {
      throw new Error(`parseDataReadme: ${where}: the table of files ` +
        `must start with a column "file", not "${head[0]}"`);
    }
    const rows = [];
    for (let j = i + 2; j < lines.length && lines[j].startsWith('|'); j++) {
      const row = cells(lines[j]);
      const file = /^`([^`]+)`$/.exec(row[0])?.[1];
      const hash = SHA.exec(row[sha] ?? '')?.[1];
      if (!file || !hash) {
        throw new Error(`parseDataReadme: ${where}: the row "${lines[j]}" ` +
          'needs a file name in backticks and a 64-digit SHA-256');
      }
      const about = row.map((c, k) => {
        if (k === 0 || k === sha || c === '') return '';
        return /^[\d,. ]+$/.test(c) ? `${c} ${head[k]}` : c;
      }).filter(Boolean).join(', ');
      rows.push({ file, about, sha256: hash });
    }
    if (rows.length === 0) {
      throw new Error(`parseDataReadme: ${where}: the table of files ` +
        'has no rows');
    }
    return rows;
  }
  throw new Error(`parseDataReadme: ${where} has no table of files with ` +
    'a SHA-256 column (| file | … | SHA-256 |)');
}

/**
 * A field of the README: the section under `## <name>` (to the next
 * `## ` heading), or else the paragraph that starts `<name>:` with any
 * block quote right after it. Null when there is neither.
 */
function field(lines: readonly string[], names: readonly string[]) {
  const alt = names.join('|');
  const heading = new RegExp(`^##\\s+(?:${alt})\\b`, 'i');
  const at = lines.findIndex((l) => heading.test(l));
  if (at >= 0) {
    let end = at + 1;
    let fenced = false;
    for (; end < lines.length; end++) {
      if (/^\s*(```|~~~)/.test(lines[end])) fenced = !fenced;
      if (!fenced && /^#{1,2}\s/.test(lines[end])) break;
    }
    const body = lines.slice(at + 1, end).join('\n').trim();
    return body === '' ? null : body;
  }
  const para = new RegExp(`^(?:${alt}):\\s*`, 'i');
  const start = lines.findIndex((l) => para.test(l));
  if (start < 0) return null;
  let end = start;
  while (end < lines.length && lines[end].trim() !== '') end++;
  // a quotation that the paragraph introduces ("… copyright:")
  while (end + 1 < lines.length && lines[end + 1].startsWith('>')) {
    end++;
    while (end < lines.length && lines[end].trim() !== '') end++;
  }
  const body = [lines[start].replace(para, ''), ...lines.slice(start + 1, end)]
    .join('\n').trim();
  return body === '' ? null : body;
}

/**
 * The fields of a data README; `where` names it in errors. Throws when
 * the title, the table of files with their SHA-256, the source or the
 * licence is missing.
 */
export function parseDataReadme(where: string, text: string): ReadmeFields {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const title = /^#\s+(.+)$/.exec(lines[0] ?? '')?.[1].trim();
  if (!title) {
    throw new Error(`parseDataReadme: ${where} does not start with a ` +
      '"# title" line');
  }
  const files = fileTable(where, lines);
  const source = field(lines, ['Source', 'Sources']);
  if (source === null) {
    throw new Error(`parseDataReadme: ${where} says nothing of the ` +
      'source: add a "## Source" section (or a "Source:" paragraph)');
  }
  const licence = field(lines, ['Licence', 'License']);
  if (licence === null) {
    throw new Error(`parseDataReadme: ${where} says nothing of the ` +
      'licence: add a "## Licence" section (or a "Licence:" paragraph)');
  }
  return { title, files, source, licence };
}

/** The folders under data/, sorted. */
export function dataFolders(root: string): string[] {
  return readdirSync(join(root, 'data'), { withFileTypes: true })
    .filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** Source without its comments (a comment may name a path as an
 *  example: code/calculus/data-file.ts names the iris file). */
export const withoutComments = (source: string) => source
  .replace(/\/\*[\s\S]*?\*\//g, ' ')
  .replace(/(^|[^:])\/\/.*$/gm, '$1');

/** Dataset name → slugs of the chapters whose graph reaches it. */
export function chaptersUsingData(root: string): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const ch of CHAPTERS) {
    const entries = [`src/compute/${ch.slug}.ts`, `tests/${ch.slug}.test.ts`]
      .filter((f) => existsSync(join(root, f)));
    const sources = new Set(entries.flatMap((f) => dependencies(root, f))
      .filter((f) => /\.(ts|mts|js|mjs)$/.test(f)));
    const names = new Set([...sources].flatMap((f) =>
      dataLiterals(withoutComments(readFileSync(join(root, f), 'utf8'))))
      .map((f) => /^data\/([^/]+)\//.exec(f)?.[1])
      .filter((n): n is string => n !== undefined));
    for (const n of names) uses.set(n, [...(uses.get(n) ?? []), ch.slug]);
  }
  return uses;
}

/** Every dataset of data/, with its README's fields, checked. */
export function datasets(root = process.cwd()): DatasetInfo[] {
  const uses = chaptersUsingData(root);
  return dataFolders(root).map((name) => {
    const where = `data/${name}/README.md`;
    if (!existsSync(join(root, where))) {
      throw new Error(`datasets: data/${name}/ has no README.md (its ` +
        'source, licence and the SHA-256 of each file)');
    }
    const fields = parseDataReadme(where, readFileSync(join(root, where),
      'utf8'));
    const files = fields.files.map((f) => {
      const path = join(root, 'data', name, f.file);
      if (!existsSync(path)) {
        throw new Error(`datasets: ${where} lists ${f.file}, which is not ` +
          `in data/${name}/`);
      }
      const sha256 = createHash('sha256').update(readFileSync(path))
        .digest('hex');
      if (sha256 !== f.sha256) {
        throw new Error(`datasets: the SHA-256 of data/${name}/${f.file} ` +
          `is ${sha256}, but ${where} records ${f.sha256}`);
      }
      return { ...f, bytes: statSync(path).size };
    });
    return {
      ...fields,
      name,
      files,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      chapters: uses.get(name) ?? [],
    };
  });
}

/** "2.8 kB", "4.42 MB": a size in SI units, three significant digits. */
export function formatBytes(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < 0) {
    throw new Error(`formatBytes: bytes must be a whole number ≥ 0, got ` +
      `${bytes}`);
  }
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB'];
  let x = bytes / 1000;
  let u = 0;
  while (x >= 999.5 && u < units.length - 1) {
    x /= 1000;
    u++;
  }
  const digits = x.toPrecision(3).replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return `${digits} ${units[u]}`;
}
