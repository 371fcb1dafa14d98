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

/** Parts that have chapters. */
export const PRINTED_PARTS = PARTS.filter((p) => p.chapters.length > 0);
