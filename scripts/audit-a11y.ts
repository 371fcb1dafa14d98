// `npm run audit:a11y [-- slug ...]`: axe-core on every page of the built
// site (dist/; run `npm run build` first), in full — every formula and
// every listing line — in light and in dark mode, where CI's
// `npm run test:site` checks a trimmed page (see scripts/a11y.ts for why).
// Slow: 10–40 s a chapter page on two cores. Prints each page's
// violations of every impact level, then the counts by page type, and
// exits with 1 if any is serious or critical.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHAPTERS } from '../src/toc.ts';
import {
  axeViolations, schemeScript, serious, type Scheme, type Violation,
} from './a11y.ts';
import { CHROMIUM_ARGS } from './screenshot.ts';
import { serve } from './serve.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  throw new Error('audit-a11y: dist/ is missing; run `npm run build`');
}
const only = process.argv.slice(2);
for (const slug of only) {
  if (!CHAPTERS.some((c) => c.slug === slug)) {
    throw new Error(`audit-a11y: no chapter "${slug}"`);
  }
}
const chapters = CHAPTERS.filter((c) =>
  only.length === 0 || only.includes(c.slug));
const pages: { type: string; path: string }[] = [
  ...(only.length ? [] : [
    { type: 'home', path: '' }, { type: '404', path: '404.html' },
  ]),
  ...chapters.map((c) => ({ type: 'chapter', path: `${c.slug}/` })),
  ...chapters.map((c) => ({ type: 'test page', path: `tests/${c.slug}/` })),
];

const server = await serve(dist, '/');
const { port } = server.address() as { port: number };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const totals = new Map<string, Map<string, number>>();
let bad = 0;
const t0 = performance.now();
try {
  for (const { type, path } of pages) {
    for (const scheme of ['light', 'dark'] as Scheme[]) {
      const page = await browser.newPage({ colorScheme: scheme });
      await page.addInitScript(schemeScript(scheme));
      await page.goto(`http://127.0.0.1:${port}/${path}`);
      const t = performance.now();
      const found: Violation[] = await axeViolations(page, { trim: false });
      const s = ((performance.now() - t) / 1000).toFixed(1);
      console.log(`/${path} ${scheme}: ${found.length ? '' : 'none '}` +
        `(${s} s)`);
      for (const v of found) {
        console.log(`  ${v.impact} ${v.id} × ${v.nodes}`);
        const key = `${type}, ${scheme}`;
        const row = totals.get(key) ?? new Map<string, number>();
        row.set(`${v.impact} ${v.id}`,
          (row.get(`${v.impact} ${v.id}`) ?? 0) + v.nodes);
        totals.set(key, row);
      }
      const worst = serious(found);
      bad += worst.length;
      for (const line of worst) console.log(`  ${line}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log('\nelements in violation, by page type and colour scheme:');
for (const [key, row] of totals) {
  console.log(`  ${key}: ` +
    [...row].map(([rule, n]) => `${rule} ${n}`).join('; '));
}
console.log(`${pages.length} pages × 2 schemes in ` +
  `${((performance.now() - t0) / 1000).toFixed(0)} s; ` +
  `${bad} serious or critical rule(s) violated`);
process.exit(bad > 0 ? 1 : 0);
