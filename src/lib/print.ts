// What the print edition's pages (src/pages/print/) share: the book's
// title, the base path and the web edition's address, and the address of
// each piece the PDF is printed from.
import { PARTS } from '../toc.ts';

export const BOOK_TITLE = 'Machine Learning from Scratch';

/** The site's base path, with one trailing slash. */
export function printBase(): string {
  return import.meta.env.BASE_URL.replace(/\/?$/, '/');
}

/** The web edition's address, if the site has one configured. */
export function webEdition(): string | null {
  return import.meta.env.SITE
    ? new URL(printBase(), import.meta.env.SITE).href
    : null;
}

/** The print page of a chapter, with an optional fragment. */
export function printPage(slug: string, id?: string): string {
  return `${printBase()}print/${slug}/${id ? `#${id}` : ''}`;
}

/** The print page of a part's title page, with an optional fragment. */
export function printPartPage(dir: string, id?: string): string {
  return `${printBase()}print/part/${dir}/${id ? `#${id}` : ''}`;
}

/** The id (and print slug) of a lettered appendix: `appendix-notation`. */
export const appendixId = (slug: string) => `appendix-${slug}`;

/** Parts that have chapters. */
export const PRINTED_PARTS = PARTS.filter((p) => p.chapters.length > 0);

/**
 * The running heads of a chapter's pages, as @page rules for the named
 * page `head-<slug>` (Chromium has named pages and margin boxes, not
 * string-set): left pages carry the folio and the book's title, right
 * pages the chapter's number and title and the folio. A chapter's first
 * page is the named page `opener` of print.css: no head, the folio at the
 * foot. The overlay page (src/pages/print/heads.astro) holds these rules;
 * the chapters themselves are printed without heads or folios.
 */
export function runningHeads(c: {
  /** A chapter's slug, or an appendix's ("solutions", with no number). */
  slug: string; number: number | string; title: string;
}): string {
  const q = (s: string) => JSON.stringify(s);
  return `@page head-${c.slug}:left{@top-left{content:counter(page) ` +
    `"\\2003" ${q(BOOK_TITLE)}}}` +
    `@page head-${c.slug}:right{@top-right{content:` +
    `${q(`${c.number} ${c.title}`.trim())} "\\2003" counter(page)}}`;
}
