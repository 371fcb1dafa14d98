// `npm run test:site`: the built book, tested as a reader meets it.
// Needs `npm run build` first and Debian's Chromium (/usr/bin/chromium, or
// the path in $CHROMIUM). It checks, in order:
//  1. zero broken internal links or fragments in dist/;
//  2. every chapter's math rendered (no .katex-error, no raw $$; read
//     from its HTML) and, in Chromium, every exercise's solution folded
//     under it (a closed <details>); on a 390 px phone every figure's
//     text is at least 11 px and every formula wider than the screen
//     scrolls with an edge shadow;
//     the Introduction shows a listing, a figure and its test box, and
//     searching a word from the chapter finds it; axe-core finds no
//     serious or critical violation on any page (home, 404, chapters,
//     appendices, three test pages standing for all) in light or dark
//     mode; the home page and the appendices fit a 390 px phone;
//  3. a rebuild that reads every chapter's computation and compiled MDX
//     from the cache gives byte-identical chapter pages (one build under
//     a sub-path cannot stand in for it: its MDX is compiled afresh, and
//     Expressive Code colours a few tokens differently from one compile
//     to the next);
//     "Run the tests" runs linear-algebra's and attention's test files
//     in the page with Vitest's count (minus those listed as Node-only),
//     all passing, and stops a test that never ends; "Edit" on a listing
//     runs the tests against the edit (a sign flipped in a gradient fails
//     the gradient check) and "Reset" restores it;
//  4. the site built under a sub-path (BOOK_BASE=/ml-book/) has no broken
//     links, its pages load their styles, and a chapter runs its tests;
//  5. a chapter whose listing region has lost its marker fails the build,
//     naming the chapter, the file and the region.
// Ends with the line "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { APPENDICES, CHAPTERS, chapter } from '../src/toc.ts';
import { checkLinks } from './check-links.ts';
import { isCurrent, readReport } from '../src/lib/mutation-info.ts';
import { axeViolations, schemeScript, serious } from './a11y.ts';
import { assert, checks } from './checks.ts';
import { CHROMIUM_ARGS } from './screenshot.ts';
import { serve } from './serve.ts';

const root = resolve(import.meta.dirname, '..');
const scratch = join(root, '.site-test');
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const { check, run } = checks();
const started = performance.now();
/** Prints a stage's name and the seconds since the start. */
const stage = (name: string) => console.log(
  `${name} [${((performance.now() - started) / 1000).toFixed(0)} s]`);

/** In the page: each exercise's solution is a closed <details> under
 *  it, summary "Solution", with content. Returns the exercises that
 *  break it and how many solutions there are. */
function foldedSolutions() {
  const all = [...document.querySelectorAll('details.solution')];
  const problems: string[] = [];
  for (const d of all) {
    const ex = d.parentElement;
    const n = d.getAttribute('data-exercise');
    if (!(ex?.matches('.exercise') && ex.getAttribute('data-exercise') === n
      && !d.hasAttribute('open') &&
      d.querySelector(':scope > summary')?.textContent === 'Solution' &&
      d.children.length > 1)) problems.push(String(n));
  }
  return { folded: all.length, problems };
}

/** The chapters whose test pages axe reads (see the browser stage). */
function testPageSample(): Set<string> {
  const size = (slug: string) =>
    statSync(join(root, 'tests', `${slug}.test.ts`)).size;
  const longest = CHAPTERS.reduce((a, b) =>
    size(b.slug) > size(a.slug) ? b : a);
  const reported = CHAPTERS.find((c) => {
    const r = readReport(c.slug, root);
    return r !== null && isCurrent(c.slug, r, root);
  });
  return new Set([CHAPTERS[0].slug, longest.slug,
    ...(reported ? [reported.slug] : [])]);
}

/** Builds the book in `dir`; `only` is BOOK_ONLY (some chapters). */
function build(dir: string, outDir: string, base: string, only = '') {
  return spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: dir,
    env: { ...process.env, BOOK_BASE: base, BOOK_ONLY: only,
      ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

/**
 * Headless Chromium sometimes stops scheduling idle periods for a page
 * (no compositor frames; puppeteer/puppeteer#10350 and its kin), so a
 * requestIdleCallback without a timeout may never run. Starlight starts
 * its search UI that way, and about one run in five the search check
 * waited 30 s for a search box that was never built (measured: idle
 * callbacks requested 4, run 0, page visible). A real browser runs them
 * within milliseconds; here each one gets a 1 s timeout, after which
 * Chromium runs it even without an idle period.
 */
function idleCallbacksRun() {
  const request = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (cb, opts) =>
    request(cb, { timeout: 1000, ...opts });
}

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(idleCallbacksRun);
  const res = await page.goto(url);
  assert(res?.ok(), `GET ${url} answered ${res?.status()}`);
  return page;
}

/**
 * What is wrong with the page on a phone (runs in the page): figure
 * text under 11 px as drawn, and display formulas wider than their box
 * that do not scroll or do not show the edge shadow that says so.
 */
function phoneProblems(): string[] {
  const out: string[] = [];
  // static figures, and the live drawing of every interactive figure
  const demos = [...document.querySelectorAll('*')]
    .filter((e) => e.localName.endsWith('-demo'));
  const svgs = [
    ...document.querySelectorAll<SVGSVGElement>('.book-figure-plot svg'),
    ...demos.flatMap((d) => [...d.querySelectorAll<SVGSVGElement>('svg')]),
  ];
  for (const svg of svgs) {
    const view = svg.viewBox.baseVal;
    const shown = svg.getBoundingClientRect().width;
    if (!view || view.width === 0 || shown === 0) continue; // not shown
    const scale = shown / view.width;
    const id = svg.closest('figure.book-figure')?.id ??
      demos.find((d) => d.contains(svg))?.localName ?? '?';
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent?.trim()) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 10.95) {
        out.push(`${id}: "${t.textContent.trim().slice(0, 20)}" is ` +
          `${px.toFixed(1)} px`);
        break;
      }
    }
  }
  for (const el of document.querySelectorAll<HTMLElement>(
    '.book-figure-plot figure > div')) {
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (el.textContent?.trim() && px < 10.95) {
      out.push(`legend "${el.textContent.trim().slice(0, 20)}" is ${px} px`);
    }
  }
  for (const el of document.querySelectorAll<HTMLElement>(
    '.sl-markdown-content .katex-display')) {
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    const st = getComputedStyle(el);
    const tex = el.querySelector('annotation')?.textContent?.slice(0, 30);
    if (!/auto|scroll/.test(st.overflowX)) {
      out.push(`formula "${tex}" is cut: overflow-x ${st.overflowX}`);
    } else if (!st.backgroundImage.includes('gradient')) {
      out.push(`formula "${tex}" scrolls with no edge shadow`);
    }
  }
  return out;
}

/**
 * Keyboard focus inside the page's interactive figures (custom elements
 * named *-demo), run in the page after a key press so that focus counts
 * as keyboard focus: every focusable control must look different when
 * focused (outline, shadow, stroke, fill or background), and each demo
 * must have at least one. Returns what is wrong.
 */
function focusProblems(): { demos: number; problems: string[] } {
  const out: string[] = [];
  const looks = (el: Element) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
      s.stroke, s.strokeWidth, s.fill, s.backgroundColor, s.borderColor,
      s.textDecorationLine].join('|');
  };
  const demos = [...document.querySelectorAll('*')]
    .filter((e) => e.localName.endsWith('-demo'));
  for (const demo of demos) {
    const controls = [...demo.querySelectorAll<HTMLElement | SVGElement>(
      'a[href], button, input, select, textarea, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled &&
        e.getClientRects().length > 0);
    if (controls.length === 0) {
      out.push(`${demo.localName}: nothing to reach by keyboard`);
      continue;
    }
    for (const el of controls) {
      (document.activeElement as HTMLElement | null)?.blur?.();
      const before = looks(el);
      el.focus();
      const visible = el.matches(':focus-visible');
      const after = looks(el);
      el.blur();
      if (!visible || before === after) {
        const label = (el as HTMLInputElement).labels?.[0]?.textContent;
        const name = (el.getAttribute('aria-label') ?? label ??
          el.textContent ?? '').trim().slice(0, 30) ||
          `${el.getAttribute('type') ?? ''}#${el.id}`;
        out.push(`${demo.localName}: <${el.localName}> "${name}" shows ` +
          'no focus');
      }
    }
  }
  return { demos: demos.length, problems: out };
}

/** `fn` over `items`, two at a time, results in the items' order. */
async function inPairs<T, R>(
  items: readonly T[], fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

async function mathRendered(page: Page, what: string) {
  const errors = await page.locator('.katex-error').count();
  assert(errors === 0, `${what}: ${errors} .katex-error element(s)`);
  const text = await page.locator('main').innerText();
  assert(!text.includes('$$'), `${what}: raw $$ in the page text`);
}

/**
 * The same checks on a built page's HTML, without a browser: KaTeX runs
 * at build time, so a formula it could not parse is in the HTML as a
 * .katex-error, and one it never saw is a raw $$ in the text of <main>
 * (its text: no tags, scripts, styles or the TeX kept in MathML
 * annotations). The title must carry the chapter's number. Reading it
 * here spares each page a layout of its whole text in Chromium.
 */
function staticMathProblems(html: string, number: number): string[] {
  const out: string[] = [];
  const errors = html.split('katex-error').length - 1;
  if (errors > 0) out.push(`${errors} .katex-error element(s)`);
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  if (main === '') out.push('no <main>');
  const text = main
    .replace(/<(script|style|annotation)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  if (text.includes('$$')) out.push('raw $$ in the page text');
  const h1 = /<h1\b[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
  if (!h1.startsWith(`${number} `)) out.push(`title "${h1}" lacks its number`);
  return out;
}

/** Playwright's default window, and a phone (an iPhone 12–14's CSS px). */
/** What a "Run the tests" panel shows once its run has ended. */
interface PageRun {
  state: string; passed: number; failed: number; status: string;
  fails: string[];
}

/**
 * Presses "Run the tests" on the chapter page `page` (for the tests of
 * `slug`, if given: the button then runs that manifest) and waits until
 * the run ends; returns what the panel shows and the seconds it took.
 */
async function runInPage(page: Page, slug?: string):
  Promise<PageRun & { seconds: number }> {
  const button = page.locator('[data-book-run]');
  if (slug) await button.evaluate((b, s) => { b.dataset.slug = s; }, slug);
  const t0 = performance.now();
  await button.click();
  const box = page.locator('.book-run[data-state]:not([data-state=running])');
  await box.waitFor({ timeout: 120_000 });
  const shown = await box.evaluate((el: HTMLElement): PageRun => ({
    state: el.dataset.state ?? '',
    passed: Number(el.dataset.passed ?? -1),
    failed: Number(el.dataset.failed ?? -1),
    status: el.querySelector('[data-run-status]')?.textContent ?? '',
    fails: [...el.querySelectorAll('li[data-state=fail]')]
      .map((li) => li.textContent ?? ''),
  }));
  return { ...shown, seconds: (performance.now() - t0) / 1000 };
}

/** Tests per file and passed, as Vitest counts them (its JSON report). */
function vitestCounts(files: string[]): Map<string, [number, number]> {
  const out = join(scratch, 'vitest.json');
  spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'),
    'run', '--reporter=json', `--outputFile=${out}`, ...files],
  { cwd: root, encoding: 'utf8' });
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    testResults: { name: string; assertionResults: { status: string }[] }[];
  };
  return new Map(report.testResults.map((r) => [resolve(r.name), [
    r.assertionResults.length,
    r.assertionResults.filter((a) => a.status === 'passed').length]]));
}

const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

async function main() {
  const intro = chapter('introduction');
  const dist = join(root, 'dist');
  assert(existsSync(join(dist, 'index.html')),
    'dist/ is missing: run `npm run build` before `npm run test:site`');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });

  stage('links');
  await check('dist/ has zero broken internal links and fragments', () => {
    const { broken, checked } = checkLinks(dist, '/');
    assert(checked > 50, `only ${checked} links found`);
    assert(broken.length === 0, broken.slice(0, 10)
      .map((b) => `${b.page}: ${b.link} (${b.why})`).join('\n'));
  });

  await check('charts offer their data as tables, and no page keeps the ' +
    'raw data attribute (a component that forgot splitData)', () => {
    let toggles = 0;
    for (const ch of CHAPTERS) {
      const page = readFileSync(join(dist, ch.slug, 'index.html'), 'utf8');
      assert(!page.includes('data-book-data='),
        `${ch.slug}: a chart's data attribute reached the page`);
      toggles += page.split('<details class="book-figure-data"').length - 1;
    }
    assert(toggles >= CHAPTERS.length,
      `${toggles} "Data" toggles in ${CHAPTERS.length} chapters`);
  });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const server = await serve(dist, '/');
  const { port } = server.address() as { port: number };
  const site = `http://127.0.0.1:${port}/`;
  try {
    stage('browser');
    // Each chapter page is loaded once, two at a time (one per core), at
    // phone width (390 px): its figures' text and wide formulas, its
    // solutions and the keyboard focus of its interactive figures, then
    // axe in light mode with every rule, then the same page switched to
    // dark (Starlight's data-theme) with the colour rules. Its test page
    // (desktop width) gets the two axe passes. Repeated formulas and
    // listings are trimmed for axe first (scripts/a11y.ts says why;
    // `npm run audit:a11y` checks every page in full at desktop width).
    // The results are reported as separate checks.
    interface Found {
      math: string[]; phone: string[]; axe: string[]; focus: string[];
      demos: number; solutions: string[]; folded: number;
    }
    const axeBoth = async (page: Page, path: string, out: string[]) => {
      let scheme = 'light';
      try {
        const light = await axeViolations(page);
        for (const line of serious(light)) {
          out.push(`/${path} (light): ${line}`);
        }
        scheme = 'dark';
        await page.evaluate(() => {
          document.documentElement.dataset.theme = 'dark';
        });
        const dark = await axeViolations(page,
          { trim: false, coloursOnly: true });
        for (const line of serious(dark)) {
          out.push(`/${path} (dark): ${line}`);
        }
      } catch (e) {
        out.push(`/${path} (${scheme}): ${String(e)}`);
      }
    };
    const load = async (path: string, viewport = DESKTOP) => {
      const page = await browser.newPage({ colorScheme: 'light', viewport });
      await page.addInitScript(idleCallbacksRun);
      await page.addInitScript(schemeScript('light'));
      const res = await page.goto(`${site}${path}`);
      assert(res?.ok(), `GET /${path} answered ${res?.status()}`);
      return page;
    };
    // The test pages are one template (a paragraph, the test file as one
    // listing, highlighted as the chapters' listings are, and the
    // mutation section), so axe reads three that stand for all: the
    // first chapter's, the longest test file's, and the first with a
    // current mutation report (its list of surviving mutants). A third
    // of this stage's time went on the other 31 (measured).
    const testPages = testPageSample();
    const found = await inPairs(CHAPTERS, async (ch): Promise<Found> => {
      const f: Found = {
        math: [], phone: [], axe: [], focus: [], demos: 0, solutions: [],
        folded: 0,
      };
      f.math.push(...staticMathProblems(readFileSync(
        join(dist, ch.slug, 'index.html'), 'utf8'), ch.number));
      // Read as a phone shows it (390 px), the way most readers meet
      // it: the phone checks, then the rest, then axe, which trims the
      // page it reads. Laying a chapter out again at desktop width
      // cost 0.7 to 2.2 s of CPU a page (measured), and what a desktop
      // adds, the two sidebars, is one template: axe reads it on the
      // home, 404 and sampled test pages, which open at desktop width.
      const page = await load(`${ch.slug}/`, PHONE);
      try {
        await page.evaluate(() => new Promise((done) =>
          requestAnimationFrame(() => requestAnimationFrame(done))));
        f.phone.push(...await page.evaluate(phoneProblems));
        const sol = await page.evaluate(foldedSolutions);
        f.folded = sol.folded;
        f.solutions.push(...sol.problems.map((n) => `${ch.slug}: the ` +
          `solution of exercise ${n} is not a closed <details> with ` +
          'content under its exercise'));
        await page.keyboard.press('Shift'); // focus now counts as keyboard
        const focus = await page.evaluate(focusProblems);
        f.demos = focus.demos;
        f.focus.push(...focus.problems.map((p) => `${ch.slug}: ${p}`));
        await axeBoth(page, `${ch.slug}/`, f.axe);
      } catch (e) {
        f.math.push(String(e));
      } finally {
        await page.close();
      }
      if (!testPages.has(ch.slug)) return f;
      const tests = await load(`tests/${ch.slug}/`);
      try {
        await axeBoth(tests, `tests/${ch.slug}/`, f.axe);
      } finally {
        await tests.close();
      }
      return f;
    });
    for (const [i, ch] of CHAPTERS.entries()) {
      await check(`chapter ${ch.number} (${ch.slug}): math rendered`, () => {
        assert(found[i].math.length === 0, found[i].math.join('\n'));
      });
    }
    await check('every exercise keeps its solution folded under it on ' +
      'the web (print moves solutions to an appendix; the web must not)',
    () => {
      const problems = found.flatMap((f) => f.solutions);
      assert(problems.length === 0, problems.slice(0, 8).join('\n'));
      assert(found.some((f) => f.folded > 0), 'no solutions on the web');
    });
    for (const [i, ch] of CHAPTERS.entries()) {
      await check(`chapter ${ch.number} (${ch.slug}) on a 390 px phone: ` +
        'figure text ≥ 11 px, wide formulas scroll with an edge shadow',
      () => {
        const p = found[i].phone;
        assert(p.length === 0, p.slice(0, 8).join('\n'));
      });
    }
    for (const [i, ch] of CHAPTERS.entries()) {
      const which = testPages.has(ch.slug) ? ' and its test page' : '';
      await check(`chapter ${ch.number} (${ch.slug})${which}: ` +
        'no serious or critical axe violation, light and dark', () => {
        assert(found[i].axe.length === 0, found[i].axe.join('\n'));
      });
    }
    await check('every interactive figure can be reached by keyboard and ' +
      'shows where the focus is', () => {
      const demos = found.reduce((n, f) => n + f.demos, 0);
      assert(demos >= 5, `only ${demos} interactive figures found`);
      const problems = found.flatMap((f) => f.focus);
      assert(problems.length === 0, problems.slice(0, 12).join('\n'));
    });
    const home: string[] = [];
    const appendices = APPENDICES.map((a) => a.path);
    for (const path of ['', '404.html', ...appendices]) {
      const page = await browser.newPage({ colorScheme: 'light' });
      try {
        await page.addInitScript(schemeScript('light'));
        await page.goto(`${site}${path}`);
        await axeBoth(page, path, home);
      } finally {
        await page.close();
      }
    }
    await check('the home page, the 404 page and the appendices: no ' +
      'serious or critical axe violation, light and dark', () => {
      assert(home.length === 0, home.join('\n'));
    });
    // The home page and the appendices as a phone shows them: the page
    // itself never scrolls sideways (a wide table or formula scrolls in
    // its own box), the phone checks of the chapters, and axe.
    const narrow: string[] = [];
    for (const path of ['', ...appendices]) {
      const page = await load(path, PHONE);
      try {
        await page.evaluate(() => new Promise((done) =>
          requestAnimationFrame(() => requestAnimationFrame(done))));
        narrow.push(...(await page.evaluate(phoneProblems))
          .map((p) => `/${path}: ${p}`));
        const wide = await page.evaluate(() =>
          document.documentElement.scrollWidth);
        if (wide > PHONE.width + 1) {
          narrow.push(`/${path}: the page is ${wide} px wide`);
        }
        await axeBoth(page, path, narrow);
      } finally {
        await page.close();
      }
    }
    await check('the home page and the appendices on a 390 px phone: ' +
      'nothing wider than the screen, no serious or critical axe ' +
      'violation, light and dark', () => {
      assert(narrow.length === 0, narrow.join('\n'));
    });
    await check('the Introduction shows a listing with its source path', async () => {
      const page = await open(browser, `${site}introduction/`);
      const titles = await page.locator('.expressive-code figcaption').allInnerTexts();
      assert(titles.some((t) => t.includes('code/introduction/')),
        `no listing captioned code/introduction/…: ${titles.join(', ')}`);
      const numbers = await page.locator('.expressive-code .ln').count();
      assert(numbers > 0, 'listings show no line numbers');
      await page.close();
    });
    await check('the Introduction shows a numbered, captioned SVG figure', async () => {
      const page = await open(browser, `${site}introduction/`);
      const fig = page.locator('figure.book-figure').first();
      assert(await fig.locator('svg').count() > 0, 'no SVG in the figure');
      const caption = await fig.locator('figcaption').innerText();
      assert(caption.startsWith(`Figure ${intro.number}.1.`),
        `caption "${caption}"`);
      const alt = await fig.locator('[role=img]').getAttribute('aria-label');
      assert(alt && alt.length > 10, 'figure has no alt text');
      await page.close();
    });
    await check('the Introduction names its test file and test count', async () => {
      const page = await open(browser, `${site}introduction/`);
      const box = await page.locator('.book-verified').innerText();
      assert(/tests\/introduction\.test\.ts: \d+ tests/.test(box), box);
      await page.close();
    });
    await check('searching a word from the Introduction finds it', async () => {
      const page = await open(browser, `${site}linear-algebra/`);
      await page.locator('button[data-open-modal]').first().click();
      await page.locator('#starlight__search input').fill('xoshiro128');
      const result = page.locator('#starlight__search .pagefind-ui__result-link');
      await result.first().waitFor({ timeout: 10_000 });
      const hrefs = await result.evaluateAll(
        (as) => as.map((a) => a.getAttribute('href') ?? ''));
      assert(hrefs.some((h) => h.includes('/introduction/')),
        `results: ${hrefs.join(', ')}`);
      const excerpts = await page
        .locator('#starlight__search .pagefind-ui__result-excerpt')
        .allInnerTexts();
      assert(!excerpts.some((e) => /<math|semantics|annotation/.test(e)),
        'MathML leaks into search excerpts');
      await page.close();
    });
    await check('search: a section is found by its heading, excerpts read as text', async () => {
      const page = await open(browser, `${site}introduction/`);
      const find = (q: string) => page.evaluate(async (q) => {
        const url = '/pagefind/pagefind.js'; // served by the site
        const pf = await import(/* @vite-ignore */ url);
        const found = await pf.search(q);
        const out: { url: string; subs: { title: string; excerpt: string }[] }[] = [];
        for (const r of found.results.slice(0, 5)) {
          const d = await r.data();
          out.push({
            url: d.url,
            subs: d.sub_results.map((x: { title: string; excerpt: string }) =>
              ({ title: x.title, excerpt: x.excerpt.replace(/<[^>]*>/g, '') })),
          });
        }
        return out;
      }, q);
      const chol = await find('Cholesky');
      assert(chol[0]?.url.endsWith('/decompositions/') &&
        chol[0].subs.some((x) => x.title === 'Cholesky'),
      `"Cholesky": ${JSON.stringify(chol[0]?.subs.map((x) => x.title))}`);
      const code = await find('condEst');
      const excerpts = code.flatMap((r) => r.subs.map((x) => x.excerpt));
      assert(excerpts.length > 0, 'condEst found nowhere');
      const numbered = excerpts.find((e) =>
        /(^|\s)\d+\.?\s+(export|function|const|if|return|\})\b/.test(e));
      assert(!numbered, `a listing line number in an excerpt: ${numbered}`);
      const cost = (await find('ridge Cholesky costs')).flatMap((r) =>
        r.subs.map((x) => x.excerpt)).find((e) => e.includes('O(nd'));
      assert(cost?.includes('O(nd² + d³)'),
        `a formula in an excerpt: ${cost}`);
      await page.close();
    });
    await check('the least-squares demo refits when a point moves by keyboard', async () => {
      const page = await open(browser, `${site}linear-regression/`);
      const demo = page.locator('least-squares-demo');
      await demo.locator('.lsd-live').waitFor({ state: 'visible' });
      const readout = demo.locator('.lsd-readout');
      const points = demo.locator('.lsd-pt');
      const n = await points.count();
      assert(n > 2, `the demo shows ${n} points`);
      const before = await readout.innerText();
      await points.first().focus();
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      const after = await readout.innerText();
      assert(after !== before && /slope/i.test(after),
        `readout did not change: "${before}" → "${after}"`);
      await demo.locator('button[data-act=add]').click();
      assert(await points.count() === n + 1, 'Add point added no point');
      await page.emulateMedia({ media: 'print' });
      assert(await demo.locator('.lsd-static svg').isVisible(),
        'no static figure in print');
      assert(!(await demo.locator('.lsd-live').isVisible()),
        'the live demo is printed');
      await page.close();
    });
    // "Run the tests" (issue 24): a chapter's own test file, compiled at
    // build time, run in a worker in the page
    const inPage = ['linear-algebra', 'attention'];
    const vitest = vitestCounts(inPage.map((s) => `tests/${s}.test.ts`));
    for (const slug of inPage) {
      await check(`${slug}: "Run the tests" runs Vitest's tests in the page, all passing`, async () => {
        const [count, passedInNode] = vitest.get(
          join(root, 'tests', `${slug}.test.ts`)) ?? [0, 0];
        const manifest = JSON.parse(readFileSync(
          join(dist, '_tests', `${slug}.json`), 'utf8')) as
          { nodeOnly: unknown[] };
        const page = await open(browser, `${site}${slug}/`);
        const run = await runInPage(page);
        await page.close();
        assert(run.state === 'passed' && run.failed === 0,
          `${run.status}\n${run.fails.slice(0, 3).join('\n')}`);
        assert(run.passed + manifest.nodeOnly.length === count &&
          passedInNode === count, `the page ran ${run.passed} and lists ` +
          `${manifest.nodeOnly.length} as Node-only; Vitest collects ` +
          `${count} and passes ${passedInNode}`);
        console.log(`    ${run.status} (${run.seconds.toFixed(1)} s from ` +
          'the click)');
      });
    }
    await check('"Edit": a sign flipped in logistic regression\'s gradient fails the gradient check with expected and actual; "Reset" passes again', async () => {
      const page = await open(browser, `${site}logistic-regression/`);
      const file = 'code/logistic-regression/model.ts';
      await page.locator(`button[data-book-edit="${file}"]`).first().click();
      const box = page.locator(`.book-editor[data-book-editor="${file}"]`);
      await box.locator('.cm-content').waitFor();
      const from = 'g[j] += lambda_ * theta[j]';
      await box.evaluate((el, [a, b]) => (el as HTMLElement & {
        bookEdit: (f: (s: string) => string) => void }).bookEdit((s) => {
        if (!s.includes(a)) throw new Error(`no "${a}" in the file`);
        return s.replace(a, b);
      }), [from, from.replace('+=', '-=')]);
      const runButton = box.locator('.book-editor-bar button',
        { hasText: 'Run the tests' });
      const done = box.locator(
        '.book-run[data-state]:not([data-state=running])');
      // the gradient check fails early in the file: stop the run there
      await runButton.click();
      const gradCheck = box.locator('li[data-state=fail]',
        { hasText: 'the gradient matches central differences' });
      await gradCheck.waitFor({ timeout: 60_000 });
      const text = await gradCheck.innerText();
      assert(/expected: true\s+actual: +false/.test(text),
        `the gradient check failed without expected and actual: ${text}`);
      await box.locator('.book-run button', { hasText: 'Stop' }).click();
      await done.waitFor();
      await box.locator('.book-editor-bar button', { hasText: 'Reset' })
        .click();
      await runButton.click();
      await done.waitFor({ timeout: 120_000 });
      const fails = await box.locator('li[data-state=fail]').allInnerTexts();
      assert(await done.getAttribute('data-state') === 'passed' &&
        fails.length === 0, `after Reset: ${fails.slice(0, 3).join('\n')}`);
      await page.close();
    });
    await check('a test that never ends is stopped, and the page stays responsive', async () => {
      const tests = join(dist, '_tests');
      const la = JSON.parse(readFileSync(join(tests, 'linear-algebra.json'),
        'utf8')) as { tree: string };
      const test = 'tests/endless.test.js';
      const entry = `${la.tree}/${test}`;
      writeFileSync(join(tests, entry), "import { it } from " +
        "'../__book/vitest.js';\nit('ends', () => {});\n" +
        "it('never ends', () => { for (;;) {} });\n");
      writeFileSync(join(tests, 'endless.json'), JSON.stringify(
        { ...la, slug: 'endless', entry, test, count: 2, nodeOnly: [],
          modules: [entry], graph: { [test]: ['__book/vitest.js'] } }));
      try {
        const page = await open(browser, `${site}linear-algebra/`);
        const button = page.locator('[data-book-run]');
        await button.evaluate((b) => { b.dataset.slug = 'endless'; });
        await button.click();
        await page.locator('.book-run li[data-state=pass]').first()
          .waitFor();
        const t0 = performance.now();
        await page.evaluate(() => new Promise(requestAnimationFrame));
        const frame = performance.now() - t0;
        assert(frame < 1000, `a frame took ${frame.toFixed(0)} ms`);
        assert(await page.locator('.book-run').getAttribute('data-state') ===
          'running', 'the endless test ended');
        await page.locator('.book-run button', { hasText: 'Stop' }).click();
        const status = await page.locator('[data-run-status]').innerText();
        assert(status.startsWith('Stopped: 1 passed, 0 failed of 2'),
          status);
        assert(await button.isEnabled(), 'the button stays disabled');
        await page.close();
      } finally {
        rmSync(join(tests, entry));
        rmSync(join(tests, 'endless.json'));
      }
    });
  } finally {
    server.close();
  }

  stage('cache');
  await check('a rebuild from the cache gives the same chapter pages, byte for byte', () => {
    // In CI dist/ is a cold build (a fresh clone has no .cache/); this
    // build reads everything from the cache that build wrote.
    const warm = join(scratch, 'warm');
    const r = build(root, warm, '/');
    assert(r.status === 0, r.stderr.slice(-2000));
    const report = r.stdout.match(/chapter computations \((\d+) of (\d+) cached/);
    assert(report && report[1] === report[2],
      `not every chapter came from the cache: ${report?.[0]}`);
    const differ: string[] = [];
    for (const ch of CHAPTERS) {
      for (const page of [`${ch.slug}`, `print/${ch.slug}`, `tests/${ch.slug}`]) {
        const a = readFileSync(join(dist, page, 'index.html'));
        const b = readFileSync(join(warm, page, 'index.html'));
        if (!a.equals(b)) differ.push(page);
      }
    }
    assert(differ.length === 0, `pages differ: ${differ.join(', ')}`);
  });

  stage('sub-path');
  const baseOut = join(scratch, 'base');
  const base = '/ml-book/';
  // Three chapters (plain; listings and figures; an interactive figure),
  // their test and print pages and the home page: every kind of link
  // and asset, at a fifth of a whole build's time. Links to the pages
  // left out must exist in the whole book (dist/).
  const some = 'introduction,linear-regression,k-means';
  await check(`builds under the sub-path ${base} (${some})`, () => {
    const r = build(root, baseOut, base, some);
    assert(r.status === 0, r.stderr.slice(-2000));
  });
  await check('the sub-path build has zero broken links', () => {
    const { broken } = checkLinks(baseOut, base, dist);
    assert(broken.length === 0, broken.slice(0, 10)
      .map((b) => `${b.page}: ${b.link} (${b.why})`).join('\n'));
  });
  await check('a chapter under the sub-path loads its styles and math, and runs its tests', async () => {
    const srv = await serve(baseOut, base);
    const { port: p } = srv.address() as { port: number };
    try {
      const page = await open(browser, `http://127.0.0.1:${p}${base}introduction/`);
      const styled = await page.evaluate(() =>
        getComputedStyle(document.body).getPropertyValue('--sl-color-bg'));
      assert(styled.trim() !== '', 'Starlight CSS did not load');
      await mathRendered(page, 'introduction under the sub-path');
      const run = await runInPage(page);
      assert(run.state === 'passed' && run.passed > 0,
        `"Run the tests" under the sub-path: ${run.status}`);
    } finally {
      srv.close();
    }
  });
  await browser.close();

  stage('broken listing');
  await check('a region that lost its marker fails the build, naming all three', () => {
    const copy = join(scratch, 'broken');
    for (const dir of ['src', 'code', 'chapters', 'tests', 'public', 'data',
      'bibliography']) {
      if (existsSync(join(root, dir))) {
        cpSync(join(root, dir), join(copy, dir), { recursive: true });
      }
    }
    for (const f of ['package.json', 'astro.config.mjs', 'ec.config.mjs',
      'tsconfig.json']) cpSync(join(root, f), join(copy, f));
    execFileSync('cp', ['-al', join(root, 'node_modules'), copy]);
    // the cache too (hard links: an entry is replaced by a rename, never
    // written in place), so the build spends no core on computations
    // while it fails on the broken region
    if (existsSync(join(root, '.cache'))) {
      execFileSync('cp', ['-al', join(root, '.cache'), copy]);
    }
    const mdx = readFileSync(join(root, intro.file), 'utf8');
    const m = /<Listing\s+file="([^"]+)"\s+region="([^"]+)"/.exec(mdx);
    assert(m, `${intro.file} has no region listing to break`);
    const [, file, region] = m;
    const src = readFileSync(join(copy, file), 'utf8');
    const cut = src.replace(new RegExp(`^.*#region ${region}\\s*\\n`, 'm'), '');
    assert(cut !== src, `could not remove region ${region} from ${file}`);
    writeFileSync(join(copy, file), cut);
    const r = build(copy, join(copy, 'dist'), '/', intro.slug);
    const out = r.stdout + r.stderr;
    assert(r.status !== 0, 'the build succeeded');
    for (const name of [intro.file, file, `"${region}"`]) {
      assert(out.includes(name), `the error does not name ${name}:\n` +
        out.split('\n').filter((l) => /error|region/i.test(l)).slice(0, 5)
          .join('\n'));
    }
  });

  rmSync(scratch, { recursive: true, force: true });
  stage('done');
}

await run(main);
