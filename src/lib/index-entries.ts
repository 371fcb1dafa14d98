// The glossary (Appendix C) and the index (Appendix E), from the terms
// the chapters define in bold (src/lib/glossary.ts says which bold).
// Both read the chapters' MDX sources in reading order, as the
// cross-reference index does (src/plugins/book-index.ts), so they are
// whole even in a build of one chapter.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHAPTERS, type ChapterInfo } from '../toc.ts';
import { buildIndex } from '../plugins/book-index.ts';
import {
  parseMdx, singular, termKey, termMarks, type TermMark,
} from './glossary.ts';

/** One defining occurrence of a term. */
export interface Definition {
  readonly term: string;
  readonly key: string;
  readonly anchor: string;
  readonly sentence: string;
  readonly section: string;
  readonly slug: string;
  readonly number: number;
}

/** A chapter's defining bolds. */
export function chapterDefinitions(source: string, c: ChapterInfo,
  ref?: (to: string) => string): Definition[] {
  return termMarks(parseMdx(source), ref).map((m: TermMark) => ({
    term: m.term, key: m.key, anchor: m.anchor, sentence: m.sentence,
    section: m.section, slug: c.slug, number: c.number,
  }));
}

const cache = new Map<string, Definition[]>();

/** Every defining occurrence in the book, in reading order. */
export function bookDefinitions(root: string,
  chapters: readonly ChapterInfo[] = CHAPTERS): Definition[] {
  const sources = chapters.map((c) =>
    readFileSync(resolve(root, c.file), 'utf8'));
  const key = sources.join('\u0000');
  const hit = cache.get(key);
  if (hit) return hit;
  const index = buildIndex(root, chapters);
  const ref = (to: string) => index.get(to)?.text ?? to;
  const out = chapters.flatMap((c, i) =>
    chapterDefinitions(sources[i], c, ref));
  cache.clear();
  cache.set(key, out);
  return out;
}

/** A term's place in alphabetical order: letters only, lower case. */
export function sortKey(term: string): string {
  return term.replace(/\$/g, '').replace(/\\[a-zA-Z]+/g, '')
    .normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, '').replace(/\s+/g, ' ').trim();
}

/** The letter a term is filed under: A–Z, or "#" for the rest. */
export function letterOf(term: string): string {
  const c = sortKey(term).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(c) ? c : '#';
}

const collator = new Intl.Collator('en', { sensitivity: 'base',
  numeric: true });

/** Sorts by sortKey, ties broken by the text as written. */
export function byTerm<T>(items: readonly T[], term: (t: T) => string): T[] {
  return [...items].sort((a, b) =>
    collator.compare(sortKey(term(a)), sortKey(term(b))) ||
    (term(a) < term(b) ? -1 : term(a) > term(b) ? 1 : 0));
}

/** Groups sorted items under their letters, "#" first, then A–Z. */
export function byLetter<T>(items: readonly T[],
  term: (t: T) => string): { letter: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const t of byTerm(items, term)) {
    const l = letterOf(term(t));
    if (!groups.has(l)) groups.set(l, []);
    groups.get(l)!.push(t);
  }
  return [...groups].sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1
    : a < b ? -1 : 1)).map(([letter, items]) => ({ letter, items }));
}

/**
 * The heading written for a set of variants: the most frequent spelling,
 * in lower case unless every use starts with a capital (a name:
 * "Adam", "Gaussian process") or is an acronym.
 */
export function headword(terms: readonly string[]): string {
  if (terms.length === 0) throw new Error('headword: no terms');
  const count = new Map<string, number>();
  for (const t of terms) count.set(t, (count.get(t) ?? 0) + 1);
  // the singular spelling first among equals
  const best = [...count].sort((a, b) => b[1] - a[1] ||
    a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
  const named = terms.every((t) => /^\p{Lu}/u.test(t));
  if (named || /^\p{Lu}[\p{Lu}\p{N}]/u.test(best)) return best;
  return best.charAt(0).toLowerCase() + best.slice(1);
}

/** A glossary entry: a term and the sentence of its first definition. */
export interface GlossaryEntry {
  readonly term: string;
  readonly key: string;
  /** Where the book first defines it. */
  readonly first: Definition;
  /** Every chapter that defines it, first included. */
  readonly all: readonly Definition[];
}

/** One entry per term (variants merged), alphabetical. */
export function glossary(defs: readonly Definition[]): GlossaryEntry[] {
  const byKey = new Map<string, Definition[]>();
  for (const d of defs) {
    if (!byKey.has(d.key)) byKey.set(d.key, []);
    byKey.get(d.key)!.push(d);
  }
  // A capital that only starts a sentence says nothing: such a term is
  // written in lower case unless its first word is capitalized inside
  // some sentence of the glossary (a name: "Gaussian", "Adam").
  const names = new Set(defs.flatMap((d) => [...d.sentence
    .matchAll(/(?<=[\p{L}\p{N},;:)] )(\p{Lu}[\p{L}'’-]*)/gu)].map((m) => m[1])));
  const spelled = (d: Definition) => {
    const first = d.term.split(/[\s-]/)[0];
    return d.sentence.startsWith(d.term) && !names.has(first) &&
      /^\p{Lu}\p{Ll}*$/u.test(first)
      ? d.term.charAt(0).toLowerCase() + d.term.slice(1) : d.term;
  };
  const entries = [...byKey].map(([key, all]) => ({
    term: headword(all.map(spelled)), key, first: all[0], all,
  }));
  return byTerm(entries, (e) => e.term);
}

/** A place the index points to. */
export interface Locator {
  readonly slug: string;
  readonly number: number;
  /** Fragment id on the chapter's web page; '' for the chapter itself. */
  readonly anchor: string;
  /** "definition", "section" (a heading naming the term) or "chapter". */
  readonly kind: 'definition' | 'section' | 'chapter';
  /** The heading's text, for a section. */
  readonly heading?: string;
}

export interface IndexEntry {
  readonly term: string;
  readonly key: string;
  readonly locators: readonly Locator[];
}

/** A chapter's title and headings, as the build renders them. */
export interface ChapterHeadings {
  readonly slug: string;
  readonly number: number;
  readonly title: string;
  readonly headings: readonly { depth: number; slug: string; text: string }[];
}

// A heading names a term if it holds the term's words, ending the
// heading or followed by a small word: "Fitting by gradient descent",
// "Gradient descent with momentum", but not "Residual blocks" for
// "residual" (a compound names something else).
const SMALL_WORDS = new Set(['of', 'and', 'or', 'in', 'on', 'for', 'with',
  'by', 'to', 'as', 'at', 'from', 'versus', 'vs', 'is', 'are', 'the', 'a']);
const hasWords = (text: string, key: string) => {
  const words = termKeyWords(text).split(' ');
  const want = termKeyWords(key).split(' ');
  for (let i = 0; i + want.length <= words.length; i++) {
    if (want.every((w, j) => words[i + j] === w)) {
      const next = words[i + want.length];
      if (next === undefined || SMALL_WORDS.has(next)) return true;
    }
  }
  return false;
};
// every word of a heading made singular, so "Residuals" holds "residual"
const termKeyWords = (text: string) => termKey(text).split(' ')
  .map((w) => singular(w)).join(' ');

/**
 * The index: every defined term (variants merged), with the places that
 * define it, the chapter whose title names it and the sections (## and
 * ### headings) whose heading names it, in reading order. Only
 * headings, not every mention: an index, not a concordance.
 */
export function bookIndex(defs: readonly Definition[],
  chapters: readonly ChapterHeadings[] = []): IndexEntry[] {
  return glossary(defs).map((g) => {
    const locators: Locator[] = g.all.map((d) => ({
      slug: d.slug, number: d.number, anchor: d.anchor,
      kind: 'definition' as const,
    }));
    for (const c of chapters) {
      if (hasWords(c.title, g.key)) {
        locators.push({ slug: c.slug, number: c.number, anchor: '',
          kind: 'chapter' });
      }
      for (const h of c.headings) {
        if ((h.depth === 2 || h.depth === 3) && hasWords(h.text, g.key)) {
          locators.push({ slug: c.slug, number: c.number, anchor: h.slug,
            kind: 'section', heading: h.text });
        }
      }
    }
    const order = { chapter: 0, definition: 1, section: 2 };
    locators.sort((a, b) => a.number - b.number ||
      order[a.kind] - order[b.kind]);
    return { term: g.term, key: g.key, locators };
  });
}
