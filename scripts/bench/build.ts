// Benchmark: how long the book takes to build, cold and warm, and how
// long a reader of `npm run dev` waits for the first chapter page.
// Run with `node scripts/bench/build.ts` (npm scripts use Node 24). It
// builds into a scratch folder with its own caches, so it touches
// neither dist/ nor .cache/. Measures, on this machine:
//   cold    no cache at all (as in CI or a fresh clone);
//   warm    the same build again, nothing changed;
//   edit    one chapter's code/ file edited (a comment appended; the
//           file is restored afterwards), so that chapter and every
//           chapter whose computation imports the file recompute;
//   dev     `astro dev` with the warm cache: seconds from the server
//           being ready to the first chapter page's HTML.
// It prints each, the ratios the book's goals are stated in (warm ≤ 25 %
// and edit ≤ 40 % of cold), the per-chapter compute table of the cold
// build, and a projection to the planned 50 chapters. The machine's load
// average is printed with each run: a loaded machine is slower.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHAPTERS } from '../../src/toc.ts';

const root = resolve(import.meta.dirname, '../..');
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'book-bench-'));
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  BOOK_CACHE_ROOT: join(scratch, 'cache'),
  BOOK_CACHE_DIR: join(scratch, 'astro-cache'),
};
const EDITED = process.env.BENCH_EDIT ?? 'code/regularization/ridge.ts';

const load = () => loadavg()[0].toFixed(2);

interface Run {
  readonly seconds: number;
  readonly output: string;
  readonly load: string;
}

function build(): Run {
  const before = load();
  const t = performance.now();
  const r = spawnSync(process.execPath,
    [astro, 'build', '--outDir', join(scratch, 'dist')],
    { cwd: root, env, encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) {
    throw new Error(`bench: the build failed:\n${r.stderr.slice(-3000)}`);
  }
  return { seconds, output: r.stdout, load: before };
}

/** Seconds from `astro dev` being ready to a chapter page's HTML. */
async function devFirstPage(slug: string): Promise<number> {
  const port = 4400 + Math.floor(Math.random() * 500);
  const child = spawn(process.execPath,
    [astro, 'dev', '--port', String(port)], { cwd: root, env });
  try {
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('dev: no ready')),
        120_000);
      child.stdout.on('data', (d: Buffer) => {
        if (/ready in|Local/.test(String(d))) {
          clearTimeout(timer);
          ok();
        }
      });
      child.on('exit', (code) => fail(new Error(`dev exited ${code}`)));
    });
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/${slug}/`);
    const html = await res.text();
    if (!res.ok || !html.includes('</html>')) {
      throw new Error(`dev: /${slug}/ answered ${res.status}`);
    }
    return (performance.now() - t) / 1000;
  } finally {
    child.kill('SIGTERM');
  }
}

/** The compute table the build prints, as [slug, seconds] pairs. */
function computeTable(output: string): [string, number][] {
  const rows: [string, number][] = [];
  for (const m of output.matchAll(/^\s*\d+ (\S+)\s+([\d.]+) s\s+\S/gm)) {
    rows.push([m[1], Number(m[2])]);
  }
  return rows;
}

const cold = build();
const warm = build();
const original = readFileSync(join(root, EDITED), 'utf8');
let edit: Run;
try {
  writeFileSync(join(root, EDITED), original + '\n// bench edit\n');
  edit = build();
} finally {
  writeFileSync(join(root, EDITED), original);
}
build(); // back to the unedited state, warm
const dev = await devFirstPage('regularization');
rmSync(scratch, { recursive: true, force: true });

const pct = (r: Run) => `${((100 * r.seconds) / cold.seconds).toFixed(0)} %`;
const line = (name: string, r: Run, note = '') =>
  console.log(`${name.padEnd(6)} ${r.seconds.toFixed(1).padStart(6)} s ` +
    `${pct(r).padStart(6)} of cold  (load ${r.load})${note}`);
console.log(`\nbuild of ${CHAPTERS.length} chapters, ${new Date().toISOString()}`);
line('cold', cold);
line('warm', warm, '  goal ≤ 25 %');
line('edit', edit, `  goal ≤ 40 %; edited ${EDITED}`);
console.log(`dev    ${dev.toFixed(1).padStart(6)} s  first chapter page, ` +
  'warm cache (goal ≤ 5 s)');

const table = computeTable(cold.output);
const compute = table.reduce((s, [, t]) => s + t, 0);
console.log(`\ncold computation per chapter (s), ${compute.toFixed(1)} s in all:`);
for (const [slug, t] of table) console.log(`  ${slug.padEnd(30)} ${t.toFixed(2)}`);

// Projection: linear in the number of chapters (an upper bound: some
// of today's cost, such as Pagefind's start and the home page, is fixed).
const n = CHAPTERS.length;
console.log(`\nprojection to 50 chapters (today's cost per chapter):`);
console.log(`  cold ≈ ${((cold.seconds * 50) / n).toFixed(0)} s, warm ≈ ` +
  `${((warm.seconds * 50) / n).toFixed(0)} s, plus the first computation ` +
  'of any trained-network figure (cached after it)');
