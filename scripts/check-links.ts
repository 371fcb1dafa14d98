// Internal link check over the built site: every href and src that points
// into the site must resolve to a file, and every #fragment to an element
// with that id on the target page (equation and figure references too).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileFor } from './serve.ts';
import { filesUnder } from '../src/lib/files.ts';

/** The chapters whose content a print page holds (data-print-slug). */
function printSlugs(html: string): string[] {
  return [...new Set([...html.matchAll(/\sdata-print-slug="([^"]*)"/g)]
    .map((m) => m[1]))];
}

const ids = new Map<string, Set<string>>();
/**
 * The ids of a page. A print page's script (PrintDocument.astro) gives
 * each id inside a chapter's content the chapter's prefix, `slug--id`,
 * so that pieces joined into one PDF keep them apart: both forms count.
 */
function idsOf(file: string): Set<string> {
  let found = ids.get(file);
  if (!found) {
    const html = readFileSync(file, 'utf8');
    const plain = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    found = new Set(plain);
    for (const slug of printSlugs(html)) {
      for (const id of plain) found.add(`${slug}--${id}`);
    }
    ids.set(file, found);
  }
  return found;
}

export interface BrokenLink {
  readonly page: string;
  readonly link: string;
  readonly why: string;
}

/**
 * A print page's script sends a `#id` link of a chapter's content that
 * is not on the page to that chapter's print page: true if it is there.
 */
function inChapterPrint(dist: string, base: string, html: string,
  id: string): boolean {
  return printSlugs(html).some((slug) => {
    const file = fileFor(dist, base, `${base}print/${slug}/`);
    return file !== null && file !== undefined && idsOf(file).has(id);
  });
}

/**
 * Checks every internal link of the site built in `dist` under `base`.
 * A site built with BOOK_ONLY (some chapters only) passes `full`, the
 * whole book built under '/': a link under `base` to a page the partial
 * build left out must name a page (and fragment) of the whole book.
 */
export function checkLinks(dist: string, base = '/', full?: string) {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`checkLinks: ${dist} has no index.html; build first`);
  }
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const file of filesUnder(dist, (f) => f.endsWith('.html'))) {
    const page = '/' + relative(dist, file).replace(/index\.html$/, '');
    const html = readFileSync(file, 'utf8');
    const links = html.matchAll(/\s(?:href|src)="([^"]*)"/g);
    for (const [, raw] of links) {
      const link = raw.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:|javascript:|#$)/.test(link)) continue;
      checked++;
      const here = base + page.slice(1);
      const url = new URL(link, `http://book${here}`);
      const target = link.startsWith('#') ? file
        : fileFor(dist, base, url.pathname) ?? (full &&
          url.pathname.startsWith(base) ? fileFor(full, '/',
            '/' + url.pathname.slice(base.length)) : null);
      if (!target) {
        broken.push({ page, link, why: 'no such file' });
        continue;
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && target.endsWith('.html') && !idsOf(target).has(hash) &&
        !(link.startsWith('#') && inChapterPrint(dist, base, html, hash))) {
        broken.push({ page, link, why: `no element with id "${hash}"` });
      }
    }
  }
  return { broken, checked };
}

if (import.meta.main) {
  const base = process.env.BOOK_BASE ?? '/';
  const { broken, checked } = checkLinks('dist', base);
  for (const b of broken) console.error(`✗ ${b.page}: ${b.link} (${b.why})`);
  console.log(`links: ${checked} checked, ${broken.length} broken`);
  process.exit(broken.length ? 1 : 0);
}
