// The book's bibliography: one BibTeX file, bibliography/book.bib,
// parsed by citation-js (@citation-js/plugin-bibtex) into CSL-JSON. From
// it come the author–year labels of citations (<Cite k="…" />, turned
// into links by src/plugins/remark-cite.ts), each chapter's generated
// "References" list, and Appendix D, the consolidated bibliography
// (src/components/appendix/Bibliography.astro). A malformed entry, an
// entry without author or year, or two entries for one work (same DOI or
// same title) stop the build, naming the key.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { CHAPTERS, type ChapterInfo } from '../toc.ts';

export const BIB_FILE = 'bibliography/book.bib';

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}
/** The CSL-JSON fields the book reads. */
export interface CslEntry {
  id: string;
  type: string;
  author?: CslName[];
  editor?: CslName[];
  title?: string;
  'container-title'?: string;
  'collection-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  volume?: string | number;
  issue?: string | number;
  page?: string;
  edition?: string | number;
  number?: string | number;
  genre?: string;
  DOI?: string;
  URL?: string;
  note?: string;
  issued?: { 'date-parts'?: (number | string)[][] };
}

/** A piece of a formatted entry: plain text, italics, or a link. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'link'; text: string; url: string };

export interface BibEntry {
  readonly key: string;
  readonly type: string;
  /** "Hager", "Golub and Van Loan", "Efron et al." */
  readonly names: string;
  /** "2013", or "2001a" when one label has two works that year. */
  readonly year: string;
  /** The entry, formatted for a reference list. */
  readonly segments: readonly Segment[];
  /** The same as plain text (for tests and sorting). */
  readonly text: string;
  readonly csl: CslEntry;
}

export class BibError extends Error {}

/** The family name with its particle: "van der Sluis", "von Bortkiewicz". */
function nameOf(n: CslName): string {
  const particle = n['non-dropping-particle'] ?? n['dropping-particle'];
  const family = n.literal ?? n.family ?? n.given ?? '';
  return particle ? `${particle} ${family}` : family;
}

/** "Hager"; "Golub and Van Loan"; "A, B and C"; four or more: "A et al." */
export function citeNames(people: readonly CslName[]): string {
  const fam = people.map(nameOf);
  if (fam.length >= 4 || isOthers(people.at(-1)!)) return `${fam[0]} et al.`;
  if (fam.length === 1) return fam[0];
  return `${fam.slice(0, -1).join(', ')} and ${fam[fam.length - 1]}`;
}

/** "G. H. Golub", initials from the given names. */
function fullName(n: CslName): string {
  if (n.literal || !n.given) return nameOf(n);
  const initials = n.given.split(/\s+/).filter(Boolean).map((g) =>
    g.split('-').map((p) => (/\.$/.test(p) || p.length === 1
      ? p.replace(/\.?$/, '.') : `${p[0]}.`)).join('-')).join(' ');
  return `${initials} ${nameOf(n)}${n.suffix ? ` ${n.suffix}` : ''}`.trim();
}

/** BibTeX's "and others": the list goes on (et al.). */
const isOthers = (n: CslName) => nameOf(n) === 'others';

function listNames(people: readonly CslName[]): string {
  if (people.length > 1 && isOthers(people.at(-1)!)) {
    return `${people.slice(0, -1).map(fullName).join(', ')} et al.`;
  }
  const all = people.map(fullName);
  if (all.length === 1) return all[0];
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

const ordinal = (e: string | number) => {
  const n = Number(e);
  if (!Number.isInteger(n)) return `${e} ed.`;
  const s = n % 10 === 1 && n % 100 !== 11 ? 'st'
    : n % 10 === 2 && n % 100 !== 12 ? 'nd'
      : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${s} ed.`;
};

const THESIS: Record<string, string> = {
  phdthesis: 'PhD thesis', mastersthesis: 'Master\'s thesis',
};

const pages = (p: string) => p.replace(/--?/g, '–');

/** Joins non-empty parts with ", ". */
const commas = (...xs: (string | undefined | false)[]) =>
  xs.filter((x): x is string => Boolean(x)).join(', ');

/** An entry as segments: authors. Title. Venue details, year. Link. */
export function formatEntry(e: CslEntry, year: string): Segment[] {
  const out: Segment[] = [];
  const text = (t: string) => out.push({ kind: 'text', text: t });
  const em = (t: string) => out.push({ kind: 'em', text: t });
  const people = e.author ?? e.editor ?? [];
  const eds = !e.author && e.editor ? (e.editor.length > 1 ? ' (eds.)' : ' (ed.)') : '';
  text(`${listNames(people)}${eds}. `.replace(/\.\. $/, '. '));
  const title = (e.title ?? '').replace(/\.$/, '');
  // "Do robust estimators deal with real data?" takes no full stop
  const stop = /[?!]$/.test(title) ? ' ' : '. ';
  const ed = e.edition !== undefined ? ordinal(e.edition) : undefined;
  const place = commas(e.publisher, e['publisher-place']);
  const vol = e.volume !== undefined
    ? `${e.volume}${e.issue !== undefined ? `(${e.issue})` : ''}` : undefined;
  switch (e.type) {
    case 'book':
      em(title);
      text(`${ed ? `, ${ed}` : ''}. ${commas(place, year)}.`
        .replace(/\.\./g, '.'));
      break;
    case 'thesis':
      em(title);
      text(`. ${commas(THESIS[e.genre ?? ''] ?? e.genre ?? 'Thesis',
        e.publisher, year)}.`);
      break;
    case 'article-journal':
    case 'article':
      text(`${title}${stop}`);
      if (e['container-title']) em(e['container-title']);
      text(`${vol ? ` ${vol}` : ''}${e.page ? `, ${pages(e.page)}` : ''}` +
        `, ${year}.`);
      break;
    case 'chapter':
    case 'paper-conference': {
      text(`${title}${stop}In `);
      if (e.type === 'chapter' && e.editor) {
        text(`${listNames(e.editor)} (${e.editor.length > 1 ? 'eds.' : 'ed.'}), `);
      }
      em(e['container-title'] ?? '');
      // the series, as "NATO ASI Series F68"
      if (e['collection-title']) text(`, ${e['collection-title']}`);
      text(`${vol ? `, vol. ${vol}` : ''}${e.page ? `, ${pages(e.page)}` : ''}` +
        `${place ? `. ${commas(place, year)}` : `, ${year}`}.`);
      break;
    }
    case 'report':
      text(`${title}${stop}`);
      text(`${commas(
        `${e.genre === 'techreport' || !e.genre ? 'Technical report' : e.genre}` +
          `${e.number !== undefined ? ` ${e.number}` : ''}`,
        e.publisher, year)}.`);
      break;
    default:
      text(`${title}. ${commas(e.publisher, e['container-title'],
        year !== 'n.d.' && year)}.`);
  }
  if (e.note) text(` ${e.note.replace(/\.?$/, '.')}`);
  if (e.DOI) {
    text(' ');
    out.push({ kind: 'link', text: `doi:${e.DOI}`, url: `https://doi.org/${e.DOI}` });
  } else if (e.URL) {
    text(' ');
    out.push({ kind: 'link', text: e.URL.replace(/^https?:\/\//, ''), url: e.URL });
  }
  return out;
}

export const segmentsText = (s: readonly Segment[]) =>
  s.map((x) => x.text).join('');

/** Parses BibTeX text into the book's entries, keyed by citation key. */
export function parseBib(bibtex: string): Map<string, BibEntry> {
  const declared = [...bibtex.matchAll(/^\s*@(\w+)\s*\{\s*([^,\s]+)\s*,/gm)]
    .filter((m) => !/^(comment|preamble|string)$/i.test(m[1]))
    .map((m) => m[2]);
  const seen = new Set<string>();
  for (const k of declared) {
    if (seen.has(k)) throw new BibError(`${BIB_FILE}: key "${k}" is defined twice`);
    seen.add(k);
  }
  let data: CslEntry[];
  try {
    data = new Cite(bibtex).data as CslEntry[];
  } catch (e) {
    throw new BibError(`${BIB_FILE}: citation-js could not parse it: ` +
      `${(e as Error).message}`);
  }
  const parsed = new Set(data.map((d) => d.id));
  const lost = declared.filter((k) => !parsed.has(k));
  if (lost.length > 0 || data.length !== declared.length) {
    throw new BibError(`${BIB_FILE}: citation-js did not read the entries ` +
      `${lost.join(', ') || '(count differs)'}; check their syntax`);
  }
  const raw = data.map((e) => {
    const people = e.author ?? e.editor;
    if (!people || people.length === 0) {
      throw new BibError(`${BIB_FILE}: entry "${e.id}" has no author or editor`);
    }
    // software documentation has no year: "n.d."
    const y = e.issued?.['date-parts']?.[0]?.[0] ?? 'n.d.';
    if (!e.title) throw new BibError(`${BIB_FILE}: entry "${e.id}" has no title`);
    return { e, names: citeNames(people), year: String(y) };
  });
  // Two works with one label and year: 2001a, 2001b, in order of title.
  const groups = new Map<string, typeof raw>();
  for (const r of raw) {
    const g = `${r.names}|${r.year}`;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const out = new Map<string, BibEntry>();
  for (const group of groups.values()) {
    group.sort((a, b) => (a.e.title ?? '').localeCompare(b.e.title ?? ''));
    group.forEach((r, i) => {
      const year = group.length > 1 ? `${r.year}${String.fromCharCode(97 + i)}` : r.year;
      const segments = formatEntry(r.e, year);
      out.set(r.e.id, {
        key: r.e.id, type: r.e.type, names: r.names, year, segments,
        text: segmentsText(segments), csl: r.e,
      });
    });
  }
  const dups = duplicates([...out.values()]);
  if (dups.length > 0) {
    throw new BibError(`${BIB_FILE}: one work, two entries: ` +
      dups.map((d) => d.join(' = ')).join('; '));
  }
  return out;
}

/** Pairs of keys that are one work: same DOI, or same title and year. */
export function duplicates(entries: readonly BibEntry[]): string[][] {
  const by = new Map<string, string>();
  const out: string[][] = [];
  const norm = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  for (const e of entries) {
    const ids = [
      ...(e.csl.DOI ? [`doi ${e.csl.DOI.toLowerCase()}`] : []),
      `title ${norm(e.csl.title ?? '')} ${e.year.slice(0, 4)}`,
    ];
    for (const id of ids) {
      const other = by.get(id);
      if (other && other !== e.key) out.push([other, e.key]);
      else by.set(id, e.key);
    }
  }
  return out;
}

let loaded: { stamp: string; entries: Map<string, BibEntry> } | undefined;
/** The book's bibliography, read again only when the file changes. */
export function bibliography(root: string): Map<string, BibEntry> {
  const path = join(root, BIB_FILE);
  const st = statSync(path);
  const stamp = `${st.size}:${st.mtimeMs}`;
  if (loaded?.stamp !== stamp) {
    loaded = { stamp, entries: parseBib(readFileSync(path, 'utf8')) };
  }
  return loaded.entries;
}

/** Reference-list order: by label, then year. */
export function byAuthorYear(a: BibEntry, b: BibEntry): number {
  return a.names.localeCompare(b.names, 'en') || a.year.localeCompare(b.year) ||
    a.text.localeCompare(b.text);
}

/** The anchor of an entry in a chapter's reference list. */
export const refAnchor = (key: string) => `ref-${key}`;
/** The anchor of an entry in the bibliography appendix. */
export const bibAnchor = (key: string) => `bib-${key}`;

/**
 * The keys a chapter's MDX cites (<Cite k="a b" />) and lists as further
 * reading (<References further="c d">), in order of first appearance,
 * each once. src/plugins/remark-cite.ts reads the same from the syntax
 * tree; tests/platform/bibliography.test.ts checks that they agree.
 */
export function chapterKeys(mdx: string): { cited: string[]; further: string[] } {
  const cited: string[] = [];
  for (const m of mdx.matchAll(/<Cite\b[^>]*?\bk="([^"]*)"/g)) {
    for (const k of m[1].split(/\s+/).filter(Boolean)) {
      if (!cited.includes(k)) cited.push(k);
    }
  }
  const further: string[] = [];
  for (const m of mdx.matchAll(/<References\b[^>]*?\bfurther="([^"]*)"/g)) {
    for (const k of m[1].split(/\s+/).filter(Boolean)) {
      if (!further.includes(k) && !cited.includes(k)) further.push(k);
    }
  }
  return { cited, further };
}

/** For each entry some chapter lists, the chapters (in book order). */
export function citingChapters(root: string,
  chapters: readonly ChapterInfo[] = CHAPTERS): Map<string, ChapterInfo[]> {
  const out = new Map<string, ChapterInfo[]>();
  for (const c of chapters) {
    const { cited, further } = chapterKeys(readFileSync(join(root, c.file), 'utf8'));
    for (const k of [...cited, ...further]) out.set(k, [...(out.get(k) ?? []), c]);
  }
  return out;
}

export interface BibliographyGroup {
  /** The first letter of the entries' labels. */
  readonly initial: string;
  readonly entries: readonly {
    entry: BibEntry;
    /** The chapters that cite it or list it, in book order. */
    chapters: readonly ChapterInfo[];
    /** Of those, the ones that list it only as further reading. */
    further: readonly ChapterInfo[];
  }[];
}

/**
 * Appendix D: every entry some chapter cites or lists, by author and
 * year, grouped by initial, each with the chapters that list it. A key a
 * chapter names but the bibliography lacks stops the build.
 */
export function bibliographyGroups(root: string,
  chapters: readonly ChapterInfo[] = CHAPTERS): BibliographyGroup[] {
  const bib = bibliography(root);
  const citing = citingChapters(root, chapters);
  const onlyListed = new Map<string, ChapterInfo[]>();
  for (const c of chapters) {
    const { further } = chapterKeys(readFileSync(join(root, c.file), 'utf8'));
    for (const k of further) onlyListed.set(k, [...(onlyListed.get(k) ?? []), c]);
  }
  const entries = [...citing.keys()].map((k) => {
    const entry = bib.get(k);
    if (!entry) {
      throw new BibError(`bibliography: ${citing.get(k)!.map((c) => c.file)
        .join(', ')} cites "${k}", which is not in ${BIB_FILE}`);
    }
    return entry;
  }).sort(byAuthorYear);
  const groups: { initial: string; entries: BibliographyGroup['entries'][number][] }[] = [];
  for (const entry of entries) {
    const initial = entry.names.normalize('NFD')[0].toUpperCase();
    if (groups.at(-1)?.initial !== initial) groups.push({ initial, entries: [] });
    groups.at(-1)!.entries.push({
      entry, chapters: citing.get(entry.key)!,
      further: onlyListed.get(entry.key) ?? [],
    });
  }
  return groups;
}
