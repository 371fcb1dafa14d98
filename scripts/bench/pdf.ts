// Benchmark: how long `node scripts/pdf.ts` takes to print the built book
// (run `npm run build` first), and what that means at 50 chapters. Run
// with `node scripts/bench/pdf.ts [runs]` (default 2 runs; the best and
// the median are printed, each with the machine's load average, since a
// loaded machine is slower). The book's goal: today's book in 60 s on two
// cores, and a per-page cost that keeps a 50-chapter book near a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makePdf } from '../pdf.ts';
import { CHAPTERS } from '../../src/toc.ts';

const root = resolve(import.meta.dirname, '../..');
const runs = Number(process.argv[2] ?? 2);
if (!Number.isInteger(runs) || runs < 1) {
  throw new Error(`bench/pdf: runs must be an integer >= 1, got ` +
    `${process.argv[2]}`);
}
const work = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
const results: { seconds: number; pages: number; load: string }[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const load = loadavg()[0].toFixed(2);
    const t = performance.now();
    const made = await makePdf({
      dist: join(root, 'dist'), base: process.env.BOOK_BASE ?? '/',
      out: join(work, `book-${i}.pdf`),
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    });
    const seconds = (performance.now() - t) / 1000;
    results.push({ seconds, pages: made.pages, load });
    console.log(`run ${i + 1}: ${made.pages} pages in ` +
      `${seconds.toFixed(1)} s (load ${load})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
const best = sorted[0];
const median = sorted[Math.floor((sorted.length - 1) / 2)];
const perPage = best.seconds / best.pages;
const pagesAt50 = (best.pages / CHAPTERS.length) * 50;
console.log(`best ${best.seconds.toFixed(1)} s, median ` +
  `${median.seconds.toFixed(1)} s for ${best.pages} pages ` +
  `(goal ≤ 60 s); ${perPage.toFixed(3)} s a page`);
console.log(`50 chapters ≈ ${Math.round(pagesAt50)} pages ≈ ` +
  `${Math.round(perPage * pagesAt50)} s at the best run's cost a page`);
