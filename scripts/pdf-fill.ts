// How full the PDF's pages are. A page's fill is how far down its text
// block the lowest printed word reaches (running heads and folios sit in
// the margins and do not count), from 0 (empty) to 1 (down to the bottom
// margin). Read with pdftotext -bbox, so a figure counts down to its
// caption and a listing down to its last line.
//
// The pages that should be full are a chapter's pages before its last:
// a page there that ends 25 % or more empty is what a block kept whole
// (a listing, a figure, a table) leaves when it moves to the next page.
// `npm run test:pdf` bounds their share; `node scripts/pdf-fill.ts
// [book.pdf]` prints it, with the emptiest pages.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pdfDests } from './pdf-inspect.ts';

/** The text block of print.css, points from the top of the page. */
export const TEXT_BLOCK = { top: 0.8 * 72, bottom: 9.25 * 72 - 0.75 * 72 };

/** A page is "short" when its fill is under this. */
export const SHORT = 0.75;

/** pdftotext -bbox of the file: every word with its box. */
export function bboxXml(file: string): string {
  return execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 512 << 20,
    stdio: ['ignore', 'pipe', 'ignore'], // "no word list" on blank pages
  });
}

/** Fill of each page (index 0 is page 1), from pdftotext -bbox (`xml`
 *  if the caller has read it already). */
export function pageFills(file: string, xml = bboxXml(file)): number[] {
  const fills: number[] = [];
  const { top, bottom } = TEXT_BLOCK;
  for (const page of xml.split('<page ').slice(1)) {
    let low = top;
    const words = page.matchAll(
      /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g);
    for (const m of words) {
      const [y0, y1] = [Number(m[1]), Number(m[2])];
      // in the text block: not a running head above it, nor a folio below
      if (y0 >= top - 2 && y0 < bottom && m[3].trim()) low = Math.max(low, y1);
    }
    fills.push(Math.min(1, (low - top) / (bottom - top)));
  }
  return fills;
}

export interface FillReport {
  /** Fill of every page. */
  fills: number[];
  /** Pages (1-based) that should be full: chapter pages but the last. */
  body: number[];
  /** Those of them under SHORT. */
  short: number[];
}

/**
 * Which pages should be full: from each chapter's opener (destination
 * `ch-…`) to the page before its last printed page; the next chapter or
 * part (`part-…`) ends a chapter.
 */
export function fillReport(file: string,
  read: { xml?: string; dests?: Map<string, number> } = {}): FillReport {
  const fills = pageFills(file, read.xml ?? bboxXml(file));
  const dests = read.dests ?? pdfDests(readFileSync(file));
  const opens = [...dests].filter(([n]) => /^(ch|part)-/.test(n))
    .map(([n, p]) => ({ chapter: n.startsWith('ch-'), page: p }))
    .sort((a, b) => a.page - b.page);
  const body: number[] = [];
  opens.forEach((o, i) => {
    if (!o.chapter) return;
    let end = (opens[i + 1]?.page ?? fills.length + 1) - 1;
    while (end > o.page && fills[end - 1] === 0) end--; // a blank verso
    for (let p = o.page; p < end; p++) body.push(p);
  });
  const short = body.filter((p) => fills[p - 1] < SHORT);
  return { fills, body, short };
}

if (import.meta.main) {
  const file = process.argv[2] ?? 'dist/book.pdf';
  const r = fillReport(file);
  const pct = (a: number, b: number) => `${(100 * a / b).toFixed(1)} %`;
  const all = r.fills.filter((f) => f < SHORT).length;
  console.log(`${file}: ${r.fills.length} pages; ${all} under ` +
    `${SHORT * 100} % full (${pct(all, r.fills.length)})`);
  console.log(`chapter pages but each chapter's last: ${r.body.length}; ` +
    `${r.short.length} under ${SHORT * 100} % full ` +
    `(${pct(r.short.length, r.body.length)})`);
  const mean = r.body.reduce((s, p) => s + r.fills[p - 1], 0) / r.body.length;
  console.log(`mean fill of those pages: ${(100 * mean).toFixed(1)} %`);
  const worst = [...r.short].sort((a, b) => r.fills[a - 1] - r.fills[b - 1]);
  console.log('emptiest: ' + worst.slice(0, 12).map((p) =>
    `p. ${p} (${Math.round(100 * r.fills[p - 1])} %)`).join(', '));
}
