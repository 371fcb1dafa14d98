// npm run pdf: prints the built book's print pages (dist/print/: the
// front matter, each part's title page, one page per chapter, the
// lettered appendices and the appendix of solutions) with headless
// Chromium and joins them into dist/book.pdf. `npm run pdf` builds the
// site first; `node scripts/pdf.ts` alone reuses an existing build.
//
// Chromium's time per printed page grows with the length of the
// document, so the book is printed in pieces, several at once (one tab,
// in its own browser context and renderer process, per job, going from
// piece to piece with its stylesheets and fonts loaded), and the pieces
// are joined by scripts/pdf-merge.ts. Each piece is printed once, without
// running heads or page numbers, since where it falls in the book is only
// known when the pieces before it are printed:
// - the printed pieces tell how many pages each has, so where each starts
//   (after a blank page when it would start on a left-hand page, so that
//   parts and chapters open on the right);
// - the front matter, a few pages, is printed again with the contents'
//   page numbers (it must keep its length);
// - an overlay with one page per page of the book (print/heads.astro)
//   carries the running heads, the folios and the captions of listings
//   continued from the page before, and the merge draws it over the book.
// Every opener must land where the contents say, and every link, bookmark
// and continued listing must find its place; otherwise it is an error,
// not a wrong book.
//
// Environment: CHROMIUM (browser executable, default /usr/bin/chromium),
// BOOK_BASE (as for the build), BOOK_DIST (default dist), BOOK_PDF (output,
// default <dist>/book.pdf), BOOK_PDF_JOBS (pieces printed at once,
// default: the number of cores), BOOK_PDF_PIECES (a folder to keep the
// printed pieces in).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve } from './serve.ts';
import { CHROMIUM_ARGS } from './screenshot.ts';
import { pdfDests, pdfPageCount } from './pdf-inspect.ts';
import { mergePdfs, type Bookmark } from './pdf-merge.ts';
import { APPENDICES, PARTS } from '../src/toc.ts';

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
  /**
   * Parts, chapters and appendices in the piece, which must open on odd
   * pages, with the chapter's (or appendix's) slug (null for a part).
   */
  openers: { id: string; chapter: string | null }[];
  /** Headings for the bookmarks: depth 0 part, 1 chapter, 2 section… */
  headings: { id: string; title: string; depth: number }[];
  /**
   * Printed links to a place in the book: the target piece's path (this
   * piece's own for a link within it) and the target's id.
   */
  links: { path: string; id: string }[];
  /** Every id in the piece (outside SVG): any may be a link's target. */
  ids: string[];
  /** Listings that may break across pages. */
  listings: {
    /** The caption (the file's path), or null if it has none. */
    caption: string | null;
    /** Ids given to the listing, its first two and its last two lines. */
    ids: [string, string, string, string, string];
  }[];
  /** Expressive Code's stylesheets, for the continued captions. */
  styles: string[];
}

interface Printed extends PieceInfo {
  readonly path: string;
  pdf: Buffer;
  pages: number;
  /** The page of the piece each named destination is on. */
  dests: Map<string, number>;
}

/** A listing that breaks across pages, as printed. */
export interface SplitListing {
  readonly piece: string;
  readonly caption: string | null;
  /** Book pages of the caption, the first two and the last two lines. */
  readonly pages: readonly [number, number, number, number, number];
}

/**
 * The name Chromium gives the destination of an element with this id:
 * the id as a URL fragment, percent-encoded ("known-σ" is known-%CF%83).
 */
export function destName(id: string): string {
  return new URL(`#${id}`, 'http://book/').hash.slice(1);
}

function print(page: Page, background = true): Promise<Buffer> {
  // Untagged: the bookmarks are written by the merge, from the headings.
  return page.pdf({ preferCSSPageSize: true, printBackground: background });
}

/** Runs `work` on every item, at most `jobs` at a time (worker 0, 1…). */
async function pool<T>(items: readonly T[], jobs: number,
  work: (item: T, worker: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) },
    async (_, worker) => {
      while (next < items.length) await work(items[next++], worker);
    }));
}

/**
 * The text block of print.css's pages in CSS pixels, 6 × 7.7 in (the
 * 7.5 × 9.25 in page less its margins): the viewport the pieces are laid
 * out in before printing, so that what is measured there is what prints.
 */
export const TEXT_BLOCK_PX = { width: 576, height: 739 };

/**
 * Opens `url` in a new tab, or in `tab`: a tab that printed a piece goes
 * on to the next with its renderer, stylesheets and fonts loaded.
 */
export async function open(browser: Browser, url: string,
  tab?: Page): Promise<Page> {
  const page = tab ??
    await (await browser.newContext({ viewport: TEXT_BLOCK_PX })).newPage();
  if (!tab) {
    page.setDefaultTimeout(300_000);
    // print media before loading, so the page is laid out once
    await page.emulateMedia({ media: 'print' });
  }
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res?.ok()) fail(`${url} answered ${res?.status()}`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/**
 * Shrinks what is wider than the text block (a long formula, most often)
 * to fit it. Chromium prints a document wider than its page by shrinking
 * every page of it, which would print a whole chapter small, out of step
 * with the book and with the overlay's continued captions. Returns what
 * it shrank; fails if the piece is still too wide.
 */
export async function fitWidth(page: Page, path: string) {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const text = (e: Element) =>
      (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const shrunk = new Map<HTMLElement, number>();
    const zoomOf = (e: HTMLElement) => Number(e.style.zoom || 1);
    const shrink = (e: HTMLElement, by: number) => {
      const zoom = Math.floor(1000 * zoomOf(e) * Math.min(1, by)) / 1000;
      e.style.zoom = String(zoom);
      shrunk.set(e, zoom);
    };
    // A display formula wider than its line, or than the room its
    // equation number leaves it (KaTeX does not keep the number clear),
    // shrinks whole, flush left: its parts do not wrap. (Sizes are as drawn, zoom
    // included.)
    for (let round = 0; round < 3; round++) {
      const over = [...document.querySelectorAll<HTMLElement>(
        '.katex-display > .katex')].flatMap((e) => {
        const parts = [...e.querySelectorAll(':scope > .katex-html > .base')]
          .map((b) => b.getBoundingClientRect());
        const box = e.parentElement!.getBoundingClientRect();
        const natural = Math.max(e.parentElement!.scrollWidth,
          ...parts.map((b) => b.right - box.left)) -
          Math.min(0, ...parts.map((b) => b.left - box.left));
        const tag = e.querySelector(':scope > .katex-html > .tag');
        const free = tag ? tag.getBoundingClientRect().width + 6 : 0;
        // centred, or flush left once it has to shrink
        const allowed = Math.min(width, box.width) - free;
        const span = parts.length === 0 ? natural
          : Math.max(...parts.map((b) => b.right)) -
            Math.min(...parts.map((b) => b.left));
        const need = Math.max(natural / Math.min(width, box.width),
          span / allowed);
        return need > 1.001 ? [{ e, by: 1 / need }] : [];
      });
      if (over.length === 0) break;
      for (const { e, by } of over) {
        e.style.textAlign = 'left';
        shrink(e, by);
      }
    }
    // Anything else that sticks out (a long inline formula, a table):
    // the outermost element that does (SVG clips its own), or the formula
    // it is part of, shrinks by as much as it sticks out.
    const wide = () => [...document.querySelectorAll<HTMLElement>(
      'body *:not(svg *)')].filter((e) => {
      if (e.getBoundingClientRect().right <= width + 0.5) return false;
      const up = e.parentElement;
      return !up || up.getBoundingClientRect().right <= width + 0.5;
    });
    for (let round = 0; round < 4; round++) {
      if (document.documentElement.scrollWidth <= width) break;
      const over = new Map<HTMLElement, number>();
      for (const e of wide()) {
        const t = e.closest<HTMLElement>('.katex') ?? e;
        over.set(t, Math.max(over.get(t) ?? 0,
          e.getBoundingClientRect().right - width));
      }
      for (const [t, by] of over) {
        const w = t.getBoundingClientRect().width;
        shrink(t, Math.max(0.5, (w - by - 1) / w));
      }
    }
    const left = document.documentElement.scrollWidth > width
      ? wide().map(text) : [];
    return {
      shrunk: [...shrunk].map(([e, z]) =>
        `"${text(e)}" to ${Math.round(100 * z)} %`),
      left, scroll: document.documentElement.scrollWidth, width,
    };
  });
  if (r.left.length > 0 || r.scroll > r.width) {
    fail(`${path}: wider than the page (${r.scroll} px of ${r.width}), ` +
      `even shrunk: ${r.left.join('; ')}`);
  }
  return r.shrunk;
}

function describe(page: Page, printRoot: string): Promise<PieceInfo> {
  return page.evaluate((printRoot) => {
    const text = (e: Element | null) =>
      (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const openers = [...document.querySelectorAll<HTMLElement>(
      '.part-page, article.chapter, article.appendix')].map((e) => ({
      id: e.id, chapter: e.matches('article') ? e.dataset.slug! : null,
    }));
    const headings = [...document.querySelectorAll('.toc-title, ' +
      '.part-page, article.chapter, .chapter-body :is(h3.from-h2, ' +
      'h4.from-h3), [data-bookmark]')].map((e) => {
      if (e.matches('[data-bookmark]')) {
        // the appendix, and what it holds: titled by its heading
        return {
          id: e.id,
          title: text(e.querySelector('h1, h2, h3, h4, h5, h6')),
          depth: Number((e as HTMLElement).dataset.bookmark),
        };
      }
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
    // Links that print (not in a closed <details>, say) into the book.
    const links = [...document.querySelectorAll('a[href]')]
      .filter((a) => a.checkVisibility())
      .map((a) => new URL((a as HTMLAnchorElement).href))
      .filter((u) => u.origin === location.origin &&
        u.pathname.startsWith(printRoot) && u.hash.length > 1)
      .map((u) => ({
        path: u.pathname, id: decodeURIComponent(u.hash.slice(1)),
      }));
    // The listings print.css lets break (the computed style says which),
    // with ids on their first two and last two lines, whose pages tell
    // where each broke.
    const listings = [...document.querySelectorAll('.expressive-code')]
      .filter((e) => getComputedStyle(e).breakInside !== 'avoid')
      .map((e, k) => {
        const lines = e.querySelectorAll('.ec-line');
        const marks = [e, lines[0], lines[1], lines[lines.length - 2],
          lines[lines.length - 1]];
        const ids = marks.map((m, j) => {
          if (!m.id) m.id = `pdf-listing-${k}${j ? `-${j}` : ''}`;
          return m.id;
        }) as [string, string, string, string, string];
        const title = e.querySelector('.frame.has-title .title');
        return { caption: title ? text(title) : null, ids };
      });
    const ids = [...document.querySelectorAll('[id]')]
      .filter((e) => !e.closest('svg')).map((e) => e.id);
    const styles = [...document.querySelectorAll<HTMLLinkElement>(
      '.expressive-code link[rel=stylesheet]')].map((l) => l.href);
    return { openers, headings, links, ids, listings, styles };
  }, printRoot);
}

/**
 * Chromium writes a named destination only for an element that a link in
 * the same document points to; hidden links to every id make sure that
 * the bookmarks, the links from other pieces and the listings' lines find
 * theirs (the merge keeps only those that something uses).
 */
function linkTargets(page: Page, ids: readonly string[]) {
  return page.evaluate((ids) => {
    const box = document.createElement('div');
    box.hidden = true;
    for (const id of ids) {
      const a = document.createElement('a');
      a.href = `#${id}`;
      box.append(a);
    }
    document.body.append(box);
  }, ids);
}

/** What goes on each page of the overlay (print/heads.astro). */
export interface HeadPage {
  /** The @page it is on: `head-<slug>`, `opener`, or null for none. */
  name: string | null;
  /** The caption of a listing continued from the page before. */
  caption: string | null;
}

/**
 * The overlay's pages, from where each piece starts and what it holds:
 * a chapter's first page is an opener and the rest of it carries the
 * chapter's heads; front matter, part pages and blank pages carry none.
 * A listing's caption is repeated on each page it continues on.
 */
export function headPages(pages: number, pieces: readonly {
  start: number;
  pages: number;
  /** Book page of each chapter's first page, with its slug. */
  chapters: readonly { slug: string; page: number }[];
  /** Book pages of each broken listing's first and last lines. */
  listings: readonly { caption: string | null; first: number; last: number }[];
}[]): HeadPage[] {
  const out: HeadPage[] = Array.from({ length: pages },
    () => ({ name: null, caption: null }));
  for (const p of pieces) {
    const end = p.start + p.pages - 1;
    if (end > pages) {
      throw new Error(`headPages: a piece ends on page ${end} of ${pages}`);
    }
    p.chapters.forEach((c, i) => {
      const to = (p.chapters[i + 1]?.page ?? end + 1) - 1;
      out[c.page - 1].name = 'opener';
      for (let q = c.page + 1; q <= to; q++) {
        out[q - 1].name = `head-${c.slug}`;
      }
    });
    for (const l of p.listings) {
      for (let q = l.first + 1; q <= l.last; q++) {
        out[q - 1].caption = l.caption;
      }
    }
  }
  return out;
}

/** Prints the overlay: one page per page of the book. */
async function printHeads(page: Page, heads: readonly HeadPage[],
  styles: readonly string[]) {
  await page.evaluate(async ({ heads, styles }) => {
    // Expressive Code's sheets, for the captions, before anything is laid
    // out with them
    await Promise.all(styles.map((href) => new Promise((ok, bad) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.onload = ok;
      link.onerror = () => bad(new Error(`${href} did not load`));
      document.head.append(link);
    })));
    const all = document.createDocumentFragment();
    for (const h of heads) {
      const div = document.createElement('div');
      div.className = 'head-page';
      if (h.name) div.setAttribute('style', `page: ${h.name}`);
      if (h.caption !== null) {
        // the markup of a listing's caption (see print.css)
        const code = document.createElement('div');
        code.className = 'expressive-code';
        const frame = document.createElement('figure');
        frame.className = 'frame has-title not-content';
        const head = document.createElement('figcaption');
        head.className = 'header';
        const title = document.createElement('span');
        title.className = 'title';
        title.textContent = `${h.caption} (continued)`;
        head.append(title);
        frame.append(head);
        code.append(frame);
        div.append(code);
      }
      all.append(div);
    }
    document.body.append(all);
    await document.fonts.ready;
  }, { heads, styles });
  return print(page);
}

export async function makePdf(opts: {
  dist: string;
  base: string;
  out: string;
  executablePath: string;
  jobs?: number;
  /** A folder to keep each printed piece in, to look at. */
  keep?: string;
}) {
  const { dist, base, out, executablePath } = opts;
  const jobs = opts.jobs ?? availableParallelism();
  const time: Record<string, number> = {};
  let t = performance.now();
  const lap = (what: string) => {
    const now = performance.now();
    time[what] = (now - t) / 1000;
    t = now;
  };
  // front matter; each part's title page, then its chapters; the
  // lettered appendices; the appendix of solutions
  const front = `${base}print/`;
  const paths = [front, ...PARTS.flatMap((p) =>
    p.chapters.length === 0 ? [] : [
      `${base}print/part/${p.dir}/`,
      ...p.chapters.map((slug) => `${base}print/${slug}/`),
    ]),
  ...APPENDICES.map((a) => `${base}print/appendix/${a.slug}/`),
  `${base}print/solutions/`];
  const headsPath = `${base}print/heads/`;
  // The index (Appendix E) is printed again, like the front matter, with
  // its page numbers: each a link ([data-page-ref]) to the place it
  // names, which is on the page the link's destination is on.
  const indexPath = APPENDICES.some((a) => a.slug === 'index')
    ? `${base}print/appendix/index/` : null;
  const again = new Set([front, indexPath]);
  for (const p of [...paths, headsPath]) {
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
  lap('start');
  try {
    // The longest pieces first, so that the last to finish is short.
    const size = (p: string) =>
      statSync(join(dist, p.slice(base.length), 'index.html')).size;
    const order = [...paths].sort((a, b) => size(b) - size(a));
    const pieces = new Map<string, Printed>();
    let frontPage: Page | null = null;
    let indexPage: Page | null = null;
    const shrunk: string[] = [];

    // Every piece printed once, without page numbers.
    const tabs: Page[] = [];
    await pool(order, jobs, async (path, worker) => {
      // the front matter and the index keep their tabs, to be printed
      // again
      const page = await open(browser, origin + path,
        again.has(path) ? undefined : tabs[worker]);
      if (!again.has(path)) tabs[worker] = page;
      for (const s of await fitWidth(page, path)) shrunk.push(`${path}: ${s}`);
      const info = await describe(page, `${base}print/`);
      if (info.headings.some((h) => !h.id || !h.title)) {
        fail(`${path}: a heading without an id or a title`);
      }
      await linkTargets(page, info.ids);
      if (path === front) {
        // the contents' page numbers, known once every piece is printed
        await page.evaluate(() => {
          for (const s of document.querySelectorAll('[data-page-of]')) {
            s.textContent = '000';
          }
        });
      }
      const pdf = await print(page);
      if (opts.keep) {
        writeFileSync(join(opts.keep, `${path.slice(base.length)
          .replace(/\/$/, '').replaceAll('/', '_') || 'print'}.pdf`), pdf);
      }
      pieces.set(path, {
        ...info, path, pdf, pages: pdfPageCount(pdf), dests: pdfDests(pdf),
      });
      if (path === front) frontPage = page;
      if (path === indexPath) indexPage = page;
    });
    await Promise.all(tabs.map((t) => t.context().close()));
    lap('pieces');
    const list = paths.map((p) => pieces.get(p)!);
    const plan = placePieces(list.map((p) => p.pages));
    const pageOf = (p: Printed, i: number, id: string) => {
      const at = p.dests.get(destName(id));
      if (at === undefined) fail(`${p.path}: no destination for #${id}`);
      return plan.starts[i] + at - 1;
    };

    // Where each part and chapter opens in the book.
    const opens = new Map<string, number>();
    list.forEach((p, i) => p.openers.forEach(({ id }) => {
      const at = pageOf(p, i, id);
      if (at % 2 === 0) {
        fail(`${p.path}: "${id}" opens on page ${at - plan.starts[i] + 1} ` +
          'of its piece; parts and chapters must open on odd pages');
      }
      opens.set(id, at);
    }));
    // Every link must find its target, printed.
    for (const p of list) {
      for (const l of p.links) {
        const to = pieces.get(l.path) ?? fail(`${p.path} links to ${l.path}`);
        if (!to.ids.includes(l.id)) {
          fail(`${p.path} links to ${l.path}#${l.id}, which is not there`);
        }
        if (!to.dests.has(destName(l.id))) {
          fail(`${p.path} links to ${l.path}#${l.id}, which is not ` +
            'printed (hidden, or in a closed <details>?)');
        }
      }
    }
    // Where the listings that may break did break.
    const split: SplitListing[] = [];
    const overlay = headPages(plan.pages, list.map((p, i) => {
      const listings = p.listings.map((l) => {
        const pages = l.ids.map((id) => pageOf(p, i, id)) as
          [number, number, number, number, number];
        if (pages[4] > pages[0]) {
          split.push({ piece: p.path, caption: l.caption, pages });
        }
        return { caption: l.caption, first: pages[1], last: pages[4] };
      });
      return {
        start: plan.starts[i],
        pages: p.pages,
        chapters: p.openers.filter((o) => o.chapter !== null)
          .map((o) => ({ slug: o.chapter!, page: opens.get(o.id)! })),
        listings,
      };
    }));

    // The contents' page numbers, the index's and the overlay, at the
    // same time.
    const styles = [...new Set(list.flatMap((p) => p.styles))];
    const [frontPdf, headsPdf, indexPdf] = await Promise.all([
      (async () => {
        const page = frontPage!;
        await page.evaluate((opens) => {
          for (const s of document.querySelectorAll<HTMLElement>(
            '[data-page-of]')) {
            s.textContent = String(opens[s.dataset.pageOf!] ?? '?');
          }
        }, Object.fromEntries(opens));
        const pdf = await print(page);
        await page.context().close();
        return pdf;
      })(),
      (async () => {
        const page = await open(browser, origin + headsPath);
        const pdf = await printHeads(page, overlay, styles);
        await page.context().close();
        return pdf;
      })(),
      (async () => {
        if (!indexPage) return null;
        const page: Page = indexPage;
        const refs = await page.evaluate(() => [...document
          .querySelectorAll<HTMLAnchorElement>('a[data-page-ref]')]
          .map((a) => a.href));
        const numbers = refs.map((href) => {
          const u = new URL(href);
          const i = list.findIndex((p) => p.path === u.pathname);
          if (i < 0) fail(`${indexPath}: a page number links to ${href}`);
          return pageOf(list[i], i, decodeURIComponent(u.hash.slice(1)));
        });
        // each entry's pages in order, each once (in bold if any place
        // on it is a definition): the text can only get shorter than
        // with the placeholders, and the page count is checked below
        await page.evaluate((numbers) => {
          const refs = [...document.querySelectorAll('a[data-page-ref]')];
          const at = new Map(refs.map((a, i) => [a, numbers[i]]));
          for (const places of document.querySelectorAll(
            '.book-index-places')) {
            const items = [...places.children].map((e) => {
              const a = e.matches('a') ? e : e.querySelector('a')!;
              a.textContent = String(at.get(a));
              return { e, page: at.get(a)!, bold: e.matches('strong') };
            }).sort((x, y) =>
              x.page - y.page || Number(y.bold) - Number(x.bold));
            const kept = items.filter((x, i) =>
              i === 0 || items[i - 1].page !== x.page);
            places.replaceChildren(...kept.flatMap((x, i) =>
              i === 0 ? [x.e] : [', ', x.e]));
          }
        }, numbers);
        const pdf = await print(page);
        await page.context().close();
        return pdf;
      })(),
    ]);
    if (indexPdf && indexPath) {
      const piece = pieces.get(indexPath)!;
      if (pdfPageCount(indexPdf) !== piece.pages) {
        fail(`${indexPath} printed on ${piece.pages} pages, then on ` +
          `${pdfPageCount(indexPdf)} with its page numbers`);
      }
      piece.pdf = indexPdf;
    }
    const first = pieces.get(front)!;
    if (pdfPageCount(frontPdf) !== first.pages) {
      fail(`${front} printed on ${first.pages} pages, then on ` +
        `${pdfPageCount(frontPdf)} with the contents' page numbers`);
    }
    first.pdf = frontPdf;
    if (pdfPageCount(headsPdf) !== plan.pages) {
      fail(`the overlay of running heads has ${pdfPageCount(headsPdf)} ` +
        `pages, the book ${plan.pages}`);
    }
    lap('contents and heads');

    const bookmarks: Bookmark[] = list.flatMap((p) =>
      p.headings.map((h) => ({
        title: h.title, dest: destName(h.id), depth: h.depth,
      })));
    const printRoot = `${origin}${base}print/`;
    const pdf = mergePdfs(
      list.map((p, i) => ({
        pdf: p.pdf,
        blankBefore: plan.blankBefore[i],
      })),
      {
        bookmarks,
        lang: 'en',
        overlay: headsPdf,
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
    lap('merge');
    return {
      pages: plan.pages,
      blanks: plan.blankBefore.filter(Boolean).length,
      ids: [...opens.keys()],
      /** Listings that break across pages. */
      split,
      /** Which pages carry which running heads and continued captions. */
      heads: overlay,
      /** What was too wide for the page, shrunk to fit. */
      shrunk,
      /** Seconds spent starting, printing the pieces, the rest. */
      time,
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
    keep: process.env.BOOK_PDF_PIECES,
  }).catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
  for (const s of r.shrunk) console.log(`pdf: shrank ${s}`);
  const mb = (statSync(out).size / 2 ** 20).toFixed(1);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  const parts = Object.entries(r.time)
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
  console.log(`pdf: ${out}: ${r.pages} pages, ${mb} MB, ` +
    `${r.ids.length} parts and chapters, ${r.blanks} blank pages, ` +
    `${r.split.length} listings across pages, ${s} s (${parts})`);
}
