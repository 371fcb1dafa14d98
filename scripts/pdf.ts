// npm run pdf: prints the built book's print pages (dist/print/: the
// front matter, and one page per chapter) with headless Chromium and
// joins them into dist/book.pdf. `npm run pdf` builds the site first;
// `node scripts/pdf.ts` alone reuses an existing build.
//
// Chromium's time per printed page grows with the length of the
// document, so the book is printed in pieces, several at once (one
// browser context, so one renderer process, per piece), and the pieces
// are joined by scripts/pdf-merge.ts. Each piece is printed twice:
// - the first printing tells how many pages each piece has, so where
//   each starts in the book: its page numbers then start there (a
//   `@page :first` counter increment), and the contents get their page
//   numbers;
// - a piece that would start on a left-hand (even) page gets a blank page
//   before it, so parts and chapters open on the right.
// The second printing must have the same number of pages as the first,
// and every opener must land where the contents say; otherwise it is an
// error, not a wrong book.
//
// Environment: CHROMIUM (browser executable, default /usr/bin/chromium),
// BOOK_BASE (as for the build), BOOK_DIST (default dist), BOOK_PDF (output,
// default <dist>/book.pdf), BOOK_PDF_JOBS (pieces printed at once,
// default: the number of cores).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve } from './serve.ts';
import { CHROMIUM_ARGS } from './screenshot.ts';
import { pdfDests, pdfPageCount } from './pdf-inspect.ts';
import { mergePdfs, type Bookmark } from './pdf-merge.ts';
import { PARTS } from '../src/toc.ts';

const TIME_LIMIT_S = 1800;

function fail(message: string): never {
  throw new Error(`pdf: ${message}`);
}

/**
 * Where each piece starts, given how many pages each has: the first on
 * page 1, every later one on the next odd page, after a blank page when
 * the previous piece ends on an odd page.
 */
export function placePieces(counts: readonly number[]) {
  const starts: number[] = [];
  const blankBefore: boolean[] = [];
  let next = 1;
  for (const [i, n] of counts.entries()) {
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`placePieces: piece ${i} has ${n} pages`);
    }
    const blank = next % 2 === 0;
    blankBefore.push(blank);
    starts.push(next + (blank ? 1 : 0));
    next = starts[i] + n;
  }
  return { starts, blankBefore, pages: next - 1 };
}

/** What a piece's page tells about itself before it is printed. */
interface PieceInfo {
  /** Parts and chapters in the piece, which must open on odd pages. */
  openers: string[];
  /** Headings for the bookmarks: depth 0 part, 1 chapter, 2 section… */
  headings: { id: string; title: string; depth: number }[];
  /** Links into other pieces: the piece's path and the target id. */
  outgoing: { path: string; id: string }[];
}

interface Piece extends PieceInfo {
  readonly path: string;
  readonly page: Page;
  /** Pages in the first printing, and where the openers fell in it. */
  pages: number;
  openerPages: number[];
}

/**
 * The name Chromium gives the destination of an element with this id:
 * the id as a URL fragment, percent-encoded ("known-σ" is known-%CF%83).
 */
export function destName(id: string): string {
  return new URL(`#${id}`, 'http://book/').hash.slice(1);
}

function print(page: Page): Promise<Buffer> {
  // Untagged: the bookmarks are written by the merge, from the headings.
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}

/** Runs `work` on every item, at most `jobs` at a time. */
async function pool<T>(items: readonly T[], jobs: number,
  work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) },
    async () => {
      while (next < items.length) await work(items[next++]);
    }));
}

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(300_000);
  // print media before loading, so the page is laid out once
  await page.emulateMedia({ media: 'print' });
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res?.ok()) fail(`${url} answered ${res?.status()}`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

function describe(page: Page, printRoot: string): Promise<PieceInfo> {
  return page.evaluate((printRoot) => {
    const text = (e: Element | null) =>
      (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const openers = [...document.querySelectorAll(
      '.part-page, article.chapter')].map((e) => e.id);
    const headings = [...document.querySelectorAll('.toc-title, ' +
      '.part-page, article.chapter, .chapter-body :is(h3.from-h2, ' +
      'h4.from-h3)')].map((e) => {
      if (e.matches('.part-page')) {
        return { id: e.id, title: text(e.querySelector('h1')), depth: 0 };
      }
      if (e.matches('article')) {
        return {
          id: e.id, title: text(e.querySelector('.chapter-title')), depth: 1,
        };
      }
      return {
        id: e.id,
        title: text(e),
        depth: e.matches('.toc-title') ? 0 : e.matches('h3') ? 2 : 3,
      };
    });
    const outgoing = [...document.querySelectorAll('a[href]')]
      .map((a) => new URL((a as HTMLAnchorElement).href))
      .filter((u) => u.origin === location.origin &&
        u.pathname.startsWith(printRoot) && u.pathname !== location.pathname)
      .map((u) => ({
        path: u.pathname, id: decodeURIComponent(u.hash.slice(1)),
      }));
    return { openers, headings, outgoing };
  }, printRoot);
}

/**
 * Chromium writes a named destination only for an element that a link in
 * the same document points to; hidden links to these ids make sure the
 * bookmarks and the links from other pieces find theirs.
 */
function linkTargets(page: Page, ids: readonly string[]) {
  return page.evaluate((ids) => {
    const missing = ids.filter((id) => !document.getElementById(id));
    const box = document.createElement('div');
    box.hidden = true;
    for (const id of ids) {
      const a = document.createElement('a');
      a.href = `#${id}`;
      box.append(a);
    }
    document.body.append(box);
    return missing;
  }, ids);
}

export async function makePdf(opts: {
  dist: string;
  base: string;
  out: string;
  executablePath: string;
  jobs?: number;
}) {
  const { dist, base, out, executablePath } = opts;
  const jobs = opts.jobs ?? availableParallelism();
  // front matter; each part's title page, then its chapters
  const paths = [`${base}print/`, ...PARTS.flatMap((p) =>
    p.chapters.length === 0 ? [] : [
      `${base}print/part/${p.dir}/`,
      ...p.chapters.map((slug) => `${base}print/${slug}/`),
    ])];
  for (const p of paths) {
    const file = join(dist, p.slice(base.length), 'index.html');
    if (!existsSync(file)) {
      fail(`${file} not found: build the site first (npm run build), ` +
        'or run npm run pdf, which does both');
    }
  }
  if (!existsSync(executablePath)) {
    fail(`Chromium not found at ${executablePath}. Install Debian's ` +
      'package with `apt-get install chromium`, or set CHROMIUM to the ' +
      'path of a Chromium or Chrome executable.');
  }
  const server = await serve(dist, base);
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium
    .launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 })
    .catch((e: Error) => fail(`could not start ${executablePath}: ` +
      e.message.split('\n')[0]));
  try {
    // The longest pieces first, so that the last to finish is short.
    const size = (p: string) =>
      statSync(join(dist, p.slice(base.length), 'index.html')).size;
    const order = [...paths].sort((a, b) => size(b) - size(a));
    const pieces = new Map<string, Piece>();

    // First printing: how long is each piece?
    await pool(order, jobs, async (path) => {
      const page = await open(browser, origin + path);
      const info = await describe(page, `${base}print/`);
      const missing = await linkTargets(page,
        [...info.openers, ...info.headings.map((h) => h.id)]);
      if (missing.length > 0 || info.headings.some((h) => !h.title)) {
        fail(`${path}: a heading without an id or a title`);
      }
      await page.evaluate(() => {
        for (const s of document.querySelectorAll('[data-page-of]')) {
          s.textContent = '000';
        }
      });
      const pdf = await print(page);
      const dests = pdfDests(pdf);
      pieces.set(path, {
        ...info, path, page,
        pages: pdfPageCount(pdf),
        openerPages: info.openers.map((id) => dests.get(id) ?? -1),
      });
    });
    const list = paths.map((p) => pieces.get(p)!);
    const plan = placePieces(list.map((p) => p.pages));

    // Where each part and chapter opens in the book.
    const opens = new Map<string, number>();
    list.forEach((p, i) => p.openers.forEach((id, j) => {
      const at = p.openerPages[j];
      if (at < 1 || at % 2 === 0) {
        fail(`${p.path}: "${id}" opens on page ${at} of its piece; ` +
          'parts and chapters must open on odd pages');
      }
      opens.set(id, plan.starts[i] + at - 1);
    }));
    // Links into other pieces: the targets need destinations too.
    const incoming = new Map<string, Set<string>>();
    for (const p of list) {
      for (const l of p.outgoing) {
        if (!pieces.has(l.path)) fail(`${p.path} links to ${l.path}`);
        if (!incoming.has(l.path)) incoming.set(l.path, new Set());
        incoming.get(l.path)!.add(l.id);
      }
    }

    // Second printing, with page numbers from where the piece starts.
    const printed = new Map<string, Buffer>();
    await pool(order, jobs, async (path) => {
      const p = pieces.get(path)!;
      const start = plan.starts[paths.indexOf(path)];
      const missing = await linkTargets(p.page,
        [...(incoming.get(path) ?? [])]);
      if (missing.length > 0) {
        fail(`links from other chapters to ${path}#${missing[0]}, ` +
          'which is not there');
      }
      await p.page.evaluate(({ start, opens }) => {
        const style = document.createElement('style');
        style.textContent = `@page :first { counter-increment: page ${start} }`;
        document.body.append(style);
        for (const s of document.querySelectorAll<HTMLElement>(
          '[data-page-of]')) {
          s.textContent = String(opens[s.dataset.pageOf!] ?? '?');
        }
      }, { start, opens: Object.fromEntries(opens) });
      const pdf = await print(p.page);
      const n = pdfPageCount(pdf);
      if (n !== p.pages) {
        fail(`${path} printed on ${p.pages} pages, then on ${n}`);
      }
      printed.set(path, pdf);
      await p.page.context().close();
    });

    const bookmarks: Bookmark[] = list.flatMap((p) =>
      p.headings.map((h) => ({
        title: h.title, dest: destName(h.id), depth: h.depth,
      })));
    const printRoot = `${origin}${base}print/`;
    const pdf = mergePdfs(
      paths.map((p, i) => ({
        pdf: printed.get(p)!,
        blankBefore: plan.blankBefore[i],
      })),
      {
        bookmarks,
        lang: 'en',
        internal: (uri) => uri.startsWith(printRoot)
          ? new URL(uri).hash.slice(1) ||
            fail(`a link to ${uri} names no place in it`)
          : null,
      },
    );
    const got = pdfDests(pdf);
    const wrong = [...opens].filter(([id, at]) => got.get(destName(id)) !== at);
    if (wrong.length > 0) {
      fail('the contents do not match the printed pages for ' + wrong.map(
        ([id, at]) => `${id} (page ${got.get(id)}, contents say ${at})`)
        .join(', '));
    }
    writeFileSync(out, pdf);
    return {
      pages: plan.pages,
      blanks: plan.blankBefore.filter(Boolean).length,
      ids: [...opens.keys()],
    };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.main) {
  const t0 = performance.now();
  const timer = setTimeout(() => {
    console.error(`pdf: gave up after ${TIME_LIMIT_S} s (Chromium hung?)`);
    process.exit(1);
  }, TIME_LIMIT_S * 1000);
  timer.unref();
  const dist = process.env.BOOK_DIST ?? 'dist';
  const out = process.env.BOOK_PDF ?? join(dist, 'book.pdf');
  const jobs = process.env.BOOK_PDF_JOBS;
  const r = await makePdf({
    dist,
    out,
    base: process.env.BOOK_BASE ?? '/',
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    jobs: jobs ? Number(jobs) : undefined,
  }).catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
  const mb = (statSync(out).size / 2 ** 20).toFixed(1);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`pdf: ${out}: ${r.pages} pages, ${mb} MB, ` +
    `${r.ids.length} parts and chapters, ${r.blanks} blank pages, ${s} s`);
}
