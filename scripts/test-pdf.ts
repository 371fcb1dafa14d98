// `npm run test:pdf`: makes the PDF edition from the built site (run
// `npm run build` first) and checks it as a reader and a printer would,
// with poppler-utils (pdfinfo, pdffonts, pdftotext, pdfimages) and the
// small PDF reader in pdf-inspect.ts. Needs Debian's `chromium` and
// `poppler-utils`. Ends with the line "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { APPENDICES, CHAPTERS, PARTS } from '../src/toc.ts';
import { assert, checks } from './checks.ts';
import { destName, makePdf } from './pdf.ts';
import {
  pdfDests, pdfLinkBoxes, pdfLinks, pdfOutline,
} from './pdf-inspect.ts';
import { fillReport, SHORT, TEXT_BLOCK } from './pdf-fill.ts';
import { SOLUTIONS_ID } from '../src/lib/print-solutions.ts';
import { appendixId } from '../src/lib/print.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env.BOOK_DIST ?? 'dist');
const base = process.env.BOOK_BASE ?? '/';
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TITLE = 'Machine Learning from Scratch';
/** Trim size, points. */
const TRIM = { w: 7.5 * 72, h: 9.25 * 72 };
/** The narrower (outer) side margin of print.css, points. */
const MIN_SIDE_MARGIN = 0.65 * 72;
/**
 * The largest share of a chapter's pages (all but its last) that may end
 * 25 % or more empty. With listings kept whole it was 29.5 %.
 */
const MAX_SHORT_SHARE = 0.1;
/** Height of a listing's caption (--listing-head in print.css), points. */
const LISTING_HEAD = 26;

const { check, run } = checks();

interface Word { x0: number; y0: number; x1: number; y1: number; text: string }

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} not found: apt-get install poppler-utils`);
    }
    throw e;
  }
}

const squash = (s: string) => s.replace(/\s+/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regular expression for a phrase, any whitespace between words. */
const phrase = (s: string) => s.trim().split(/\s+/).map(escape).join('\\s+');

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'book-pdf-'));
  // The PDF stays in dist/ for a reader (or CI) to look at.
  const file = join(dist, 'book.pdf');
  const t0 = performance.now();
  const made = await makePdf({
    dist, base, out: file, executablePath: chromiumPath,
  });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`  made ${made.pages} pages in ${seconds.toFixed(1)} s`);
  const pdf = readFileSync(file);
  // The print pages the PDF was made from: front matter, chapters, the
  // appendix of solutions.
  const html = (...path: string[]) =>
    parseHTML(readFileSync(join(dist, ...path, 'index.html'), 'utf8'))
      .document;
  const docs = ['', ...CHAPTERS.map((c) => c.slug), 'solutions']
    .map((dir) => html('print', dir));
  const chapterDocs = docs.slice(1, -1);
  const all$ = (sel: string) =>
    docs.flatMap((d) => [...d.querySelectorAll(sel)]);

  // Page texts, in layout mode (pdftotext separates pages with \f).
  const pages = poppler('pdftotext', ['-layout', file, '-'])
    .split('\f')
    .slice(0, made.pages);
  const pageText = (p: number) => pages[p - 1] ?? '';
  // Every word with its box, page by page (points from the top left).
  const bbox = poppler('pdftotext', ['-bbox', file, '-']);
  const words: Word[][] = bbox
    .split('<page ').slice(1).map((page) => [...page.matchAll(
      /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g,
    )].map((m) => ({
      x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]),
      text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
    })).filter((w) => w.text.trim()));
  const wordsOn = (p: number) => words[p - 1] ?? [];
  const all = pages.join('\n');
  const dests = pdfDests(pdf);
  const chapters = CHAPTERS.map((c, i) => {
    const h = docs[i + 1].querySelector(`#ch-${c.slug} .chapter-title`);
    const title = (h?.textContent ?? '').trim()
      .replace(new RegExp(`^${c.number}\\s+`), '');
    return { ...c, title, page: dests.get(`ch-${c.slug}`) ?? -1 };
  });
  /** The first page of the appendix of solutions. */
  const solutionsPage = dests.get(SOLUTIONS_ID) ?? -1;
  /** The lettered appendices, with their first pages. */
  const appendices = APPENDICES.map((a) => ({
    ...a, page: dests.get(appendixId(a.slug)) ?? -1,
  }));

  // How long it took is reported, not tested: a timed test fails with
  // the machine's load, not with the book. The goal (60 s for today's
  // book) is measured by scripts/bench/pdf.ts; pdf.ts itself gives up
  // after 30 minutes, so a hang still fails here.
  console.log(`  ${(seconds / made.pages).toFixed(3)} s a page, load ` +
    `average ${loadavg()[0].toFixed(2)} (goal and bench: ` +
    'scripts/bench/pdf.ts)');

  await check('trim size 7.5 × 9.25 in on every page; title metadata',
    () => {
      const info = poppler('pdfinfo', ['-f', '1', '-l', String(made.pages),
        file]);
      const sizes = [
        ...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g),
      ];
      assert(sizes.length === made.pages,
        `pdfinfo listed ${sizes.length} of ${made.pages} pages`);
      for (const [, w, h] of sizes) {
        assert(Math.abs(Number(w) - TRIM.w) < 0.5 &&
          Math.abs(Number(h) - TRIM.h) < 0.5, `a page is ${w} × ${h} pt`);
      }
      assert(new RegExp(`Title:\\s+${escape(TITLE)}\\s*\\n`).test(info),
        'PDF title is not the book title');
    });

  await check('all fonts are embedded', () => {
    const rows = poppler('pdffonts', [file]).trim().split('\n').slice(2);
    assert(rows.length > 0, 'pdffonts listed no fonts');
    // name type encoding emb sub uni object ID: emb is 5th from the end.
    // Chromium writes a few fallback glyphs (symbols that Source Sans
    // lacks, from DejaVu) as Type 3 fonts: vector outlines, embedded too.
    const bad = rows.filter((r) => {
      const cols = r.trim().split(/\s+/);
      return cols[cols.length - 5] !== 'yes';
    });
    assert(bad.length === 0, `not embedded:\n${bad.join('\n')}`);
    assert(rows.some((r) => /KaTeX_Main/.test(r)), 'no KaTeX font');
    assert(rows.some((r) => /SourceSerif4/.test(r)), 'no body font');
  });

  await check('front matter: title page, imprint with build info, ' +
    'contents', () => {
    assert(new RegExp(phrase(TITLE)).test(pageText(1)),
      'page 1 is not the title page');
    const imprint = pageText(2);
    for (const w of ['CC BY 4.0', 'MIT', 'Version', 'Sources dated',
      'Commit']) {
      assert(new RegExp(phrase(w)).test(imprint),
        `imprint (page 2) lacks "${w}"`);
    }
    assert(/^\s*Contents\s*$/m.test(pageText(3)),
      'page 3 does not start the contents');
  });

  await check('every chapter opens on a right-hand page, in reading ' +
    'order, with its number and title, without a running head', () => {
    let last = 0;
    for (const c of chapters) {
      assert(c.page > last, `${c.slug}: opens on page ${c.page}, ` +
        `after page ${last}`);
      assert(c.page % 2 === 1, `${c.slug}: opens on even page ${c.page}`);
      const lines = pageText(c.page).split('\n').filter((l) => l.trim());
      // no running head: the page starts with the chapter's title…
      assert(new RegExp(`^\\s*${c.number}\\s+${phrase(c.title)}`)
        .test(lines.slice(0, 2).join(' ')),
        `${c.slug}: page ${c.page} starts "${lines[0]?.trim()}", not ` +
        `"${c.number} ${c.title}"`);
      assert(!new RegExp(`\\s${c.page}\\s*$`).test(lines[0]),
        `${c.slug}: page ${c.page} has a running head "${lines[0].trim()}"`);
      // …and has its page number at the foot
      assert(lines.at(-1)?.trim() === String(c.page),
        `${c.slug}: page ${c.page} ends "${lines.at(-1)?.trim()}"`);
      last = c.page;
    }
  });

  await check('the contents give every part and chapter with the page ' +
    'it starts on', () => {
    const first = Math.min(...chapters.map((c) => c.page));
    const toc = pages.slice(2, first - 1).join('\n');
    for (const c of chapters) {
      const m = new RegExp(`(?:^|\\n)\\s*${c.number}\\s+${phrase(c.title)}` +
        `\\s+(\\d+)\\s*(?:\\n|$)`).exec(toc);
      assert(m, `${c.slug}: no contents line "${c.number} ${c.title} …"`);
      assert(Number(m[1]) === c.page,
        `${c.slug}: contents say page ${m[1]}, it starts on ${c.page}`);
    }
    for (const part of PARTS.filter((p) => p.chapters.length)) {
      const page = dests.get(`part-${part.dir}`);
      const m = new RegExp(`${phrase(part.title)}\\s+(\\d+)`).exec(toc);
      assert(m && Number(m[1]) === page,
        `${part.title}: contents say ${m?.[1]}, it is on page ${page}`);
    }
  });

  await check('running heads name the chapter, with page numbers', () => {
    const opens = chapters.map((c) => c.page);
    const partPages = [...PARTS.map((p) => dests.get(`part-${p.dir}`)),
      ...appendices.map((a) => a.page), solutionsPage];
    let seen = 0;
    for (const [i, c] of chapters.entries()) {
      const next = opens[i + 1] ?? made.pages + 1;
      const end = Math.min(next,
        ...partPages.filter((p) => p !== undefined && p > c.page) as number[]);
      for (let p = c.page + 1; p < end; p++) {
        const head = pageText(p).split('\n').find((l) => l.trim()) ?? '';
        if (!head) continue; // a blank page before the next part
        const want = p % 2 === 1
          ? new RegExp(`^\\s*${c.number} ${phrase(c.title)}\\s+${p}\\s*$`)
          : new RegExp(`^\\s*${p}\\s+${phrase(TITLE)}\\s*$`);
        assert(want.test(head), `page ${p} (${c.slug}) heads "${head.trim()}"`);
        seen++;
      }
    }
    assert(seen > 0, 'no page with a running head');
    // the appendix's pages after its first: "Solutions"
    for (let p = solutionsPage + 1; p <= made.pages; p++) {
      const head = pageText(p).split('\n').find((l) => l.trim()) ?? '';
      const want = p % 2 === 1 ? new RegExp(`^\\s*Solutions\\s+${p}\\s*$`)
        : new RegExp(`^\\s*${p}\\s+${phrase(TITLE)}\\s*$`);
      assert(want.test(head), `page ${p} (solutions) heads "${head.trim()}"`);
    }
  });

  await check('the lettered appendices: after the last chapter and ' +
    'before the solutions, each on a right-hand page, in the contents ' +
    'with its letter and page, a top-level bookmark, and running heads ' +
    '"Appendix A Title"', () => {
    const toc = pages.slice(2, chapters[0].page - 1).join('\n');
    const outline = pdfOutline(pdf);
    let last = chapters.at(-1)!.page;
    for (const [i, a] of appendices.entries()) {
      assert(a.page > last && a.page % 2 === 1, `appendix ${a.letter} ` +
        `opens on page ${a.page}, after page ${last}`);
      const opening = pageText(a.page).split('\n').filter((l) => l.trim());
      assert(new RegExp(`^\\s*${a.letter}\\s+${phrase(a.title)}`)
        .test(opening[0] ?? ''), `page ${a.page} starts ` +
        `"${opening[0]?.trim()}", not "${a.letter} ${a.title}"`);
      const m = new RegExp(`(?:^|\\n)\\s*${a.letter}\\s+` +
        `${phrase(a.title)}\\s+(\\d+)\\s*(?:\\n|$)`).exec(toc);
      assert(m && Number(m[1]) === a.page, `the contents say ` +
        `"${a.letter} ${a.title} ${m?.[1]}", it opens on ${a.page}`);
      const mark = outline.find((o) => o.depth === 0 &&
        o.title === `${a.letter} ${a.title}`);
      assert(mark && dests.get(mark.dest ?? '') === a.page,
        `no top-level bookmark "${a.letter} ${a.title}" on page ${a.page}`);
      const end = appendices[i + 1]?.page ?? solutionsPage;
      for (let p = a.page + 1; p < end; p++) {
        const head = pageText(p).split('\n').find((l) => l.trim()) ?? '';
        if (!head) continue; // the blank page before the next opener
        const want = p % 2 === 1 ? new RegExp(`^\\s*Appendix ` +
          `${a.letter} ${phrase(a.title)}\\s+${p}\\s*$`)
          : new RegExp(`^\\s*${p}\\s+${phrase(TITLE)}\\s*$`);
        assert(want.test(head), `page ${p} (appendix ${a.letter}) heads ` +
          `"${head.trim()}"`);
      }
      last = a.page;
    }
    assert(solutionsPage > last, `the solutions open on page ` +
      `${solutionsPage}, before appendix page ${last}`);
  });

  await check('the solutions appendix: after the last chapter, in the ' +
    'contents and the bookmarks; every solution of the web edition in it ' +
    'once, linked from its exercise and back; none in a chapter', () => {
    const last = chapters.at(-1)!;
    assert(solutionsPage > last.page && solutionsPage % 2 === 1,
      `the appendix opens on page ${solutionsPage}, after chapter ` +
      `${last.number} on page ${last.page}`);
    assert(/^\s*Solutions\s*$/m.test(pageText(solutionsPage).split('\n')
      .filter((l) => l.trim()).slice(0, 2).join('\n')),
    `page ${solutionsPage} does not open with "Solutions"`);
    const toc = pages.slice(2, chapters[0].page - 1).join('\n');
    const entry = /\n\s*Solutions\s+(\d+)\s*(?:\n|$)/.exec(toc);
    assert(entry && Number(entry[1]) === solutionsPage,
      `the contents say Solutions ${entry?.[1]}, it opens on ` +
      `${solutionsPage}`);
    const outline = pdfOutline(pdf);
    const top = outline.findIndex((o) => o.title === 'Solutions');
    assert(top >= 0 && outline[top].depth === 0 &&
      dests.get(outline[top].dest ?? '') === solutionsPage,
    'no top-level bookmark "Solutions" opening the appendix');
    const under = outline.slice(top + 1);
    const links = pdfLinks(pdf);
    const appendix = pages.slice(solutionsPage - 1).join('\n');
    let total = 0;
    for (const [i, c] of chapters.entries()) {
      // Only the web page's exercises are parsed (the whole page, 34
      // times, took most of this check); its solutions are counted on
      // the whole page's text.
      const page = readFileSync(join(dist, c.slug, 'index.html'), 'utf8');
      const from = page.indexOf('<h2 id="exercises"');
      const web = parseHTML(from < 0 ? page : page.slice(from)).document;
      const sols = [...web.querySelectorAll('.exercise > details.solution')];
      const onPage = page.match(
        /<details\b[^>]*\bclass="(?:[^"]*\s)?solution[\s"]/g)?.length ?? 0;
      assert(sols.length === onPage,
        `${c.slug}: a solution outside an exercise on the web`);
      assert(chapterDocs[i].querySelectorAll('details.solution, ' +
        '.solution-body').length === 0,
      `${c.slug}: its print page holds a solution`);
      if (sols.length === 0) continue;
      const group = `Chapter ${c.number}. ${c.title}`;
      assert(under.some((o) => o.depth === 1 && o.title === group),
        `no bookmark "${group}" under Solutions`);
      const end = (chapters[i + 1]?.page ?? solutionsPage) - 1;
      const body = pages.slice(c.page - 1, end).join('\n');
      for (const sol of sols) {
        const n = sol.getAttribute('data-exercise')!;
        const id = `solution-${n.replace('.', '-')}`;
        const at = dests.get(id);
        assert(at !== undefined && at >= solutionsPage,
          `exercise ${n}: its solution is on page ${at}`);
        const marks = under.filter((o) =>
          o.title.startsWith(`Exercise ${n} `));
        assert(marks.length === 1 && marks[0].depth === 2 &&
          dests.get(marks[0].dest ?? '') === at,
        `exercise ${n}: ${marks.length} bookmarks in the appendix`);
        const heads = appendix.match(new RegExp(
          `^\\s*Exercise ${escape(n)}\\s`, 'gm')) ?? [];
        assert(heads.length === 1,
          `exercise ${n}: ${heads.length} headings in the appendix`);
        const ex = `${c.slug}--exercise-${n.replace('.', '-')}`;
        assert(links.some((l) => l.dest === id && l.page >= c.page &&
          l.page <= end), `exercise ${n} does not link to its solution`);
        assert(links.some((l) => l.dest === ex && l.page === at),
          `the solution of exercise ${n} does not link back`);
        // its first words (before any formula, code or link): in the
        // appendix, not in the chapter
        const first = sol.querySelector(':scope > p');
        const words: string[] = [];
        for (const node of first?.childNodes ?? []) {
          if (node.nodeType !== 3 &&
            !(node as Element).matches?.('em, strong')) break;
          words.push(...(node.textContent ?? '').split(/\s+/)
            .filter(Boolean));
        }
        if (words.length >= 5) {
          const text = new RegExp(phrase(words.slice(0, 6).join(' ')));
          assert(text.test(appendix), `exercise ${n}: "${words.slice(0, 6)
            .join(' ')}" is not in the appendix`);
          assert(!text.test(body), `exercise ${n}: its solution prints ` +
            `in chapter ${c.number}`);
        }
        total++;
      }
    }
    const all = under.filter((o) => /^Exercise \d+\.\d+ /.test(o.title));
    assert(all.length === total, `${all.length} solutions in the ` +
      `appendix, ${total} on the web`);
    assert(total > 0, 'no solutions on the web');
  });

  await check('bookmarks: parts, and each part\'s chapters under it, ' +
    'opening their pages', () => {
    const outline = pdfOutline(pdf);
    for (const part of PARTS.filter((p) => p.chapters.length)) {
      const at = outline.findIndex((o) => o.title.trim() === part.title);
      assert(at >= 0, `no bookmark "${part.title}"`);
      const depth = outline[at].depth;
      const under: string[] = [];
      for (let i = at + 1; i < outline.length; i++) {
        if (outline[i].depth <= depth) break;
        if (outline[i].depth === depth + 1) under.push(outline[i].title);
      }
      for (const slug of part.chapters) {
        const c = chapters.find((x) => x.slug === slug)!;
        assert(under.includes(`${c.number} ${c.title}`),
          `no bookmark for chapter ${c.number} under "${part.title}" ` +
          `(found: ${under.join(' | ')})`);
      }
    }
    for (const c of chapters) {
      const mark = outline.find((o) => o.title === `${c.number} ${c.title}`);
      assert(mark && dests.get(mark.dest ?? '') === c.page,
        `the bookmark of chapter ${c.number} opens page ` +
        `${dests.get(mark?.dest ?? '')}, not ${c.page}`);
    }
    // Every section of a chapter has its bookmark, titled as printed.
    const sections = all$('.chapter-body h2').length;
    // (the appendix's bookmarks, after its own, are its solutions)
    const end = outline.findIndex((o) => o.title === 'Solutions');
    const deep = outline.slice(0, end < 0 ? undefined : end)
      .filter((o) => o.depth === 2);
    assert(deep.length === sections,
      `${deep.length} section bookmarks for ${sections} sections`);
    const doubled = outline.filter((o) => /^(.+)\1$/.test(o.title));
    assert(doubled.length === 0, `doubled bookmark titles: ` +
      doubled.map((o) => o.title).join(', '));
  });

  await check('internal links resolve; contents link every chapter', () => {
    const links = pdfLinks(pdf);
    const internal = links.filter((l) => l.dest !== null);
    const dangling = internal.filter((l) => !dests.has(l.dest!));
    assert(dangling.length === 0, 'links to missing destinations: ' +
      dangling.map((l) => `${l.dest} (page ${l.page})`).join(', '));
    for (const c of chapters) {
      assert(internal.some((l) => l.dest === `ch-${c.slug}` && l.page < c.page),
        `the contents do not link chapter ${c.slug}`);
    }
    const local = links.filter((l) => l.uri?.includes('127.0.0.1'));
    assert(local.length === 0, 'links to the local print server: ' +
      local.map((l) => l.uri).join(', '));
    const refs = all$('.chapter-body a.book-ref');
    assert(refs.length === 0 || internal.length > chapters.length,
      'cross-references are not clickable');
    // Links from one chapter into another: printed apart, joined later.
    const chapterOf = (page: number) =>
      chapters.filter((c) => c.page <= page).at(-1)?.slug;
    const across = internal.filter((l) => {
      const from = chapterOf(l.page);
      const to = chapterOf(dests.get(l.dest!)!);
      return from && to && from !== to && l.dest !== `ch-${to}`;
    });
    const written = CHAPTERS.flatMap((c, i) =>
      [...docs[i + 1].querySelectorAll('.chapter-body a[href]')].filter((a) =>
        CHAPTERS.some((o) => o.slug !== c.slug &&
          new RegExp(`^(\\.\\./|${escape(base)})${o.slug}/#`)
            .test(a.getAttribute('href')!))));
    assert(written.length === 0 || across.length > 0,
      `${written.length} links between chapters in the text, ` +
      'none clickable in the PDF');
  });

  await check('the index: every page number is the page its place is ' +
    'on, and links there', () => {
    const index = appendices.find((a) => a.slug === 'index');
    if (!index) return; // no index appendix in this book
    const end = solutionsPage > index.page ? solutionsPage : made.pages + 1;
    // what the index must print: each entry's pages, each page once (its
    // links name web pages, "<slug>/#<id>", which print as the chapter's
    // "<slug>--<id>", or "ch-<slug>" for the chapter itself)
    const printId = (href: string) => {
      const [path, frag] = href.slice(base.length).split('#');
      const slug = path.replace(/\/$/, '');
      return frag ? `${slug}--${decodeURIComponent(frag)}` : `ch-${slug}`;
    };
    const written = [...html('print', 'appendix', 'index')
      .querySelectorAll('.book-index-places')].reduce((n, places) => {
      const pages = [...places.querySelectorAll('a[data-page-ref]')]
        .map((a) => dests.get(destName(printId(a.getAttribute('href')!))));
      assert(pages.every((p) => p !== undefined), 'an index place with ' +
        'no destination in the PDF: ' + places.textContent);
      return n + new Set(pages).size;
    }, 0);
    assert(written > 0, 'the printed index has no page numbers');
    // a link's number: the words inside its box (pdftotext's boxes are
    // from the top left, the link's from the bottom left)
    const numbers = pdfLinkBoxes(pdf).filter((l) =>
      l.page >= index.page && l.page < end && l.dest !== null && l.rect)
      .map((l) => {
        const [x0, y0, x1, y1] = l.rect!;
        const inside = wordsOn(l.page).filter((w) => {
          const x = (w.x0 + w.x1) / 2;
          const y = TRIM.h - (w.y0 + w.y1) / 2;
          return x >= x0 && x <= x1 && y >= y0 && y <= y1;
        }).map((w) => w.text).join(' ').replace(/[,\s]+$/, '');
        return { ...l, text: inside };
      });
    assert(numbers.length === written, `the index prints ${written} page ` +
      `numbers, the PDF has ${numbers.length} links on its pages`);
    const wrong = numbers.filter((l) =>
      !/^\d+$/.test(l.text) || Number(l.text) !== dests.get(l.dest!));
    // and in page order within each entry (a line's links, left to right)
    let last = 0;
    let unordered = 0;
    for (const [i, l] of numbers.entries()) {
      const prev = numbers[i - 1];
      const same = prev && prev.page === l.page &&
        Math.abs(prev.rect![1] - l.rect![1]) < 1 &&
        prev.rect![0] < l.rect![0];
      if (same && Number(l.text) <= last) unordered++;
      last = Number(l.text);
    }
    assert(unordered === 0, `${unordered} index page numbers follow a ` +
      'number not smaller on their line');
    assert(wrong.length === 0, `${wrong.length} index page numbers are ` +
      'not the page of their place: ' + wrong.slice(0, 10).map((l) =>
        `"${l.text}" on page ${l.page} for ${l.dest} (page ` +
        `${dests.get(l.dest!)})`).join(', '));
    console.log(`    ${numbers.length} index page numbers on pages ` +
      `${index.page}–${end - 1}`);
  });

  await check('equation and figure numbers as on the web', () => {
    const text = squash(all); // once: the whole book's text
    for (const tag of all$('.equation .tag')) {
      const n = tag.textContent!.replace(/\s+/g, '');
      assert(text.includes(n), `equation ${n} is missing`);
    }
    for (const f of all$('.book-figure-number')) {
      const n = f.textContent!.trim();
      assert(all.includes(n), `"${n}" is missing`);
    }
  });

  await check('no raw TeX or MDX leaked into the text', () => {
    for (const bad of ['$$', '\\frac', '\\mathbf', '\\label', '\\begin',
      '\\tag', '<Listing', '<Ref', '<Figure']) {
      const at = all.indexOf(bad);
      assert(at < 0,
        `"${bad}" in the text: …${all.slice(at - 40, at + 40)}…`);
    }
  });

  await check('no web chrome: sidebar, search, theme switch, edit links',
    () => {
      for (const bad of ['Skip to content', 'On this page', 'Search',
        'Select theme', 'Edit page', 'Previous', 'Next']) {
        const re = bad === 'Search' || bad === 'Previous' || bad === 'Next'
          ? new RegExp(`^\\s*${bad}\\s*$`, 'm') : new RegExp(escape(bad));
        assert(!re.test(all), `"${bad}" appears in the PDF`);
      }
      for (const sel of ['site-search', 'starlight-theme-select',
        'nav.sidebar', '.pagination-links', 'header.header']) {
        assert(all$(sel).length === 0, `a print page has ${sel}`);
      }
    });

  await check('every listing line is printed whole (none clipped)', () => {
    const raw = squash(poppler('pdftotext', ['-raw', file, '-']));
    const lines = all$('.expressive-code .ec-line .code');
    assert(lines.length > 0, 'no listing lines in the print page');
    const missing: string[] = [];
    // Lines are printed in the order of the print pages: look for each
    // after the last one found (linear, not lines × book), and in the
    // whole text only when it is not there.
    let at = 0;
    for (const l of lines) {
      const t = squash(l.textContent ?? '');
      if (!t) continue;
      const i = raw.indexOf(t, at);
      if (i >= 0) at = i + t.length;
      else if (!raw.includes(t)) missing.push(l.textContent!.trim());
    }
    assert(missing.length === 0, `${missing.length} of ${lines.length} ` +
      `listing lines not found whole, e.g.\n${missing.slice(0, 3).join('\n')}`);
  });

  await check('nothing is printed outside the text block', () => {
    const out: string[] = [];
    for (let page = 1; page <= made.pages; page++) {
      for (const w of wordsOn(page)) {
        if (w.x0 < MIN_SIDE_MARGIN - 2 || w.x1 > TRIM.w - MIN_SIDE_MARGIN + 2) {
          out.push(`page ${page}: "${w.text}" at x ${w.x0.toFixed(0)}–` +
            `${w.x1.toFixed(0)} pt`);
        }
      }
    }
    assert(out.length === 0, `${out.length} words in the margins, e.g.\n` +
      out.slice(0, 5).join('\n'));
  });

  await check('figures are vectors with numbers and captions; islands ' +
    'print their static figure', () => {
    // The only raster images are the pixel images some figures embed on
    // purpose (a matrix shown as an image); nothing else was rasterized.
    const images = poppler('pdfimages', ['-list', file])
      .trim().split('\n').slice(2).filter((l) => l.trim());
    const own = all$('figure svg image').length;
    assert(images.length === own, `${images.length} raster image(s) in ` +
      `the PDF, ${own} in the figures`);
    for (const fig of all$('figure.book-figure')) {
      assert(fig.querySelector('svg'), `a figure without SVG: ${fig.id}`);
      assert(fig.querySelector('figcaption'), `no caption: ${fig.id}`);
    }
    // The least-squares demo: its static fallback, not its live controls.
    if (all$('least-squares-demo').length > 0) {
      assert(/On the web this plot\s+is live/.test(all),
        'the demo\'s static figure is missing');
      assert(!/Tab to a point/.test(all), 'the demo\'s controls printed');
    }
  });

  await check('long listings break between lines, two or more on each ' +
    'side, the caption with its first lines', () => {
    assert(made.split.length > 0, 'no listing breaks across pages');
    for (const l of made.split) {
      const [caption, l1, l2, penult, last] = l.pages;
      const name = `${l.caption ?? 'a listing'} (${l.piece}, pages ` +
        `${l1}–${last})`;
      assert(caption === l1, `${name}: its caption is on page ${caption}, ` +
        `its first line on ${l1}`);
      assert(l1 === l2, `${name}: one line alone on page ${l1}`);
      assert(penult === last, `${name}: one line alone on page ${last}`);
    }
  });

  await check('a listing continued on the next page repeats its caption ' +
    'there, with "(continued)", above its lines', () => {
    for (const l of made.split) {
      if (l.caption === null) continue;
      for (let p = l.pages[1] + 1; p <= l.pages[4]; p++) {
        const words = wordsOn(p);
        const band = (w: Word) => w.y0 >= TEXT_BLOCK.top - 1 &&
          w.y1 <= TEXT_BLOCK.top + LISTING_HEAD + 1;
        const head = words.filter(band).map((w) => w.text).join(' ');
        assert(head === `${l.caption} (continued)`, `page ${p}: the ` +
          `caption reads "${head}", not "${l.caption} (continued)"`);
        // nothing else in the caption's room: the lines start below it
        const under = words.filter((w) => !band(w) &&
          w.y0 < TEXT_BLOCK.top + LISTING_HEAD && w.y1 > TEXT_BLOCK.top);
        assert(under.length === 0, `page ${p}: "${under[0]?.text}" ` +
          'overlaps the continued caption');
      }
    }
    // and no other page says "(continued)"
    const continued = new Set(made.split.flatMap((l) => l.caption === null
      ? [] : Array.from({ length: l.pages[4] - l.pages[1] },
        (_, i) => l.pages[1] + 1 + i)));
    for (let p = 1; p <= made.pages; p++) {
      if (continued.has(p)) continue;
      const stray = wordsOn(p).find((w) => w.text === '(continued)' &&
        w.y0 < TEXT_BLOCK.top + LISTING_HEAD);
      assert(!stray, `page ${p} has a stray "(continued)"`);
    }
  });

  await check(`pages are filled: at most ${MAX_SHORT_SHARE * 100} % of ` +
    `a chapter's pages but its last end under ${SHORT * 100} % full`, () => {
    const r = fillReport(file, { xml: bbox, dests });
    const share = r.short.length / r.body.length;
    console.log(`    ${r.short.length} of ${r.body.length} pages under ` +
      `${SHORT * 100} % full (${(100 * share).toFixed(1)} %)`);
    assert(r.body.length > made.pages / 2, `only ${r.body.length} ` +
      'pages counted as chapter pages');
    assert(share <= MAX_SHORT_SHARE, 'the emptiest: ' + r.short
      .sort((a, b) => r.fills[a - 1] - r.fills[b - 1]).slice(0, 8)
      .map((p) => `p. ${p} (${Math.round(100 * r.fills[p - 1])} %)`)
      .join(', '));
  });

  await check('without Chromium: a clear error naming the package and ' +
    'CHROMIUM, not a hang', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/pdf.ts')], {
      env: {
        ...process.env,
        CHROMIUM: '/nonexistent/chromium',
        BOOK_DIST: dist,
        BOOK_PDF: join(work, 'never.pdf'),
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert(r.status === 1, `exit status ${r.status} (signal ${r.signal})`);
    assert(/apt-get install chromium/.test(r.stderr) &&
      /CHROMIUM/.test(r.stderr), `message was: ${r.stderr.trim()}`);
  });

  rmSync(work, { recursive: true, force: true });
}

await run(main);
