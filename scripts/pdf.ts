// npm run pdf: prints the built book's print page (dist/print/) to
// dist/book.pdf with headless Chromium. `npm run pdf` builds the site
// first; `node scripts/pdf.ts` alone reuses an existing build.
//
// Chromium cannot do two things a book needs, so this script does them
// between two printings of the same page:
// - page numbers in the table of contents: the first printing tells, via
//   the PDF's named destinations, on which page each part and chapter
//   starts; the numbers are written into the contents and the page is
//   printed again;
// - parts and chapters opening on a right-hand (odd) page: Chromium
//   ignores `break-before: right`, so a blank page is inserted before each
//   one that would open on a left-hand page.
// The second printing is read back and checked; a mismatch is an error.
//
// Environment: CHROMIUM (browser executable, default /usr/bin/chromium),
// BOOK_BASE (as for the build), BOOK_DIST (default dist), BOOK_PDF (output,
// default <dist>/book.pdf).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serve } from './serve.ts';
import { CHROMIUM_ARGS } from './screenshot.ts';
import { pdfDests, pdfPageCount } from './pdf-inspect.ts';

const TIME_LIMIT_S = 1800;

function fail(message: string): never {
  throw new Error(`pdf: ${message}`);
}

/** Prints the page as the book's PDF (trim size from the CSS @page);
 * `final` adds the outline (bookmarks), which needs a tagged PDF. */
function print(page: Page, final: boolean): Promise<Buffer> {
  return page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    outline: final,
    tagged: final,
  });
}

/** Ids of the elements that must open on a right-hand page. */
function openers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.part-page, article.chapter')].map(
      (e) => e.id,
    ),
  );
}

function startPages(pdf: Uint8Array, ids: readonly string[]) {
  const dests = pdfDests(pdf);
  return ids.map((id) => {
    const p = dests.get(id);
    if (p === undefined) {
      fail(`no destination "${id}" in the printed PDF (is it linked ` +
        'from the table of contents?)');
    }
    return p;
  });
}

/**
 * Where to insert blank pages so that every opener starts on an odd page.
 * `first` holds the openers' pages without blanks, in document order;
 * a blank before an opener moves it and everything after it by one page.
 * Returns the indices of the openers that get a blank page before them,
 * and every opener's page afterwards.
 */
export function rightHandOpeners(first: readonly number[]) {
  const blankBefore: number[] = [];
  const pages = first.map((p, i) => {
    if (i > 0 && p <= first[i - 1]) {
      throw new Error(`rightHandOpeners: pages must increase, got ${first}`);
    }
    const moved = p + blankBefore.length;
    if (moved % 2 === 1) return moved;
    blankBefore.push(i);
    return moved + 1;
  });
  return { blankBefore, pages };
}

/**
 * Where each opener starts in a first printing without blank pages.
 * Chapters start on a new page and lay out the same on either side of a
 * spread (the text block has one width), so the book can be printed in
 * two halves at once: the front matter and the first openers in `a`, the
 * rest in `b`; the pages of `b` follow those of `a`.
 */
async function firstPages(a: Page, b: Page, ids: readonly string[]) {
  const sizes = await a.evaluate((ids) => ids.map((id) =>
    document.getElementById(id)!.textContent!.length), ids);
  const total = sizes.reduce((x, y) => x + y, 0);
  let split = 1;
  for (let sum = sizes[0]; split < ids.length - 1 && sum < total / 2; ) {
    sum += sizes[split++];
  }
  // a shows the openers before `split`, b the rest. b keeps the contents
  // too: Chromium names a destination only if a link points to it. What
  // a page does not show is display:none, so it is not laid out.
  const show = (page: Page, from: number, to: number, front: boolean) =>
    page.evaluate(({ ids, from, to, front }) => {
      const hide = (e: Element) => e.classList.add('pdf-hidden');
      ids.forEach((id, i) => {
        if (i < from || i >= to) hide(document.getElementById(id)!);
      });
      if (!front) document.querySelectorAll('.front:not(.toc)').forEach(hide);
      const style = document.createElement('style');
      style.id = 'pdf-hide';
      style.textContent = '.pdf-hidden { display: none !important; }';
      document.head.append(style);
    }, { ids, from, to, front });
  await Promise.all([
    show(a, 0, split, true),
    show(b, split, ids.length, false),
  ]);
  const [pa, pb] = await Promise.all([print(a, false), print(b, false)]);
  const inB = startPages(pb, ids.slice(split));
  // b's first opener comes right after a's last page
  const shift = pdfPageCount(pa) + 1 - inB[0];
  const first = [
    ...startPages(pa, ids.slice(0, split)),
    ...inB.map((p) => p + shift),
  ];
  await a.evaluate(() => {
    document.getElementById('pdf-hide')!.remove();
    for (const e of document.querySelectorAll('.pdf-hidden')) {
      e.classList.remove('pdf-hidden');
    }
  });
  return first;
}

export async function makePdf(opts: {
  dist: string;
  base: string;
  out: string;
  executablePath: string;
}) {
  const { dist, base, out, executablePath } = opts;
  if (!existsSync(join(dist, 'print', 'index.html'))) {
    fail(`${dist}/print/index.html not found: build the site first ` +
      '(npm run build), or run npm run pdf, which does both');
  }
  if (!existsSync(executablePath)) {
    fail(`Chromium not found at ${executablePath}. Install Debian's ` +
      'package with `apt-get install chromium`, or set CHROMIUM to the ' +
      'path of a Chromium or Chrome executable.');
  }
  const server = await serve(dist, base);
  const { port } = server.address() as { port: number };
  const browser = await chromium
    .launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 })
    .catch((e: Error) => fail(`could not start ${executablePath}: ` +
      e.message.split('\n')[0]));
  const url = `http://127.0.0.1:${port}${base}print/`;
  try {
    // Each page in its own context, so each gets its own renderer process
    // and the two halves of the first printing run on two cores.
    const open = async () => {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(300_000);
      const res = await page.goto(url, { waitUntil: 'load' });
      if (!res?.ok()) fail(`${url} answered ${res?.status()}`);
      await page.evaluate(() => document.fonts.ready);
      await page.emulateMedia({ media: 'print' });
      return page;
    };
    const [page, other] = await Promise.all([open(), open()]);
    const ids = await openers(page);
    const plan = rightHandOpeners(await firstPages(page, other, ids));
    await other.context().close();
    const blanks = plan.blankBefore.map((i) => ids[i]);
    const expected = plan.pages;
    await page.evaluate(
      ({ blanks, ids, expected }) => {
        for (const id of blanks) {
          const blank = document.createElement('div');
          blank.className = 'blank-page';
          blank.setAttribute('aria-hidden', 'true');
          document.getElementById(id)!.before(blank);
        }
        ids.forEach((id, i) => {
          const slot = document.querySelector(`[data-page-of="${id}"]`);
          if (slot) slot.textContent = String(expected[i]);
        });
      },
      { blanks, ids, expected },
    );
    const pdf = await print(page, true);
    const got = startPages(pdf, ids);
    const wrong = ids.filter((_, i) => got[i] !== expected[i]);
    if (wrong.length > 0) {
      fail('the contents do not match the printed pages for ' +
        wrong.map((id) => `${id} (page ${got[ids.indexOf(id)]}, ` +
          `contents say ${expected[ids.indexOf(id)]})`).join(', '));
    }
    writeFileSync(out, pdf);
    return { pages: pdfPageCount(pdf), blanks: blanks.length, ids };
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
  const r = await makePdf({
    dist,
    out,
    base: process.env.BOOK_BASE ?? '/',
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  }).catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
  const mb = (statSync(out).size / 2 ** 20).toFixed(1);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`pdf: ${out}: ${r.pages} pages, ${mb} MB, ` +
    `${r.ids.length} parts and chapters, ${r.blanks} blank pages, ${s} s`);
}
