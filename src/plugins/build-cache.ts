// The build's two caches, and its report.
// - Compiling a chapter's MDX (remark, KaTeX, Expressive Code, rehype)
//   is most of the build. `mdxCache` keeps each compiled chapter on disk,
//   keyed by everything the compilation reads: the MDX text, the code/
//   files its listings cut from, the book's numbering of equations,
//   figures and chapters, the plugins and configs, the lockfile and the
//   Node version. A changed input compiles that chapter again.
// - A chapter's computation is cached by src/lib/cache.ts; `buildReport`
//   prints, after the build, what each chapter computed or read.
import { createHash } from 'node:crypto';
import {
  existsSync, mkdirSync, readFileSync, renameSync, writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { BUILT, CHAPTERS } from '../toc.ts';
import { Worker } from 'node:worker_threads';
import { computeLog, type ComputeRecord } from '../lib/cache.ts';
import { dependencies, readCached } from '../lib/import-graph.ts';
import { buildIndex } from './book-index.ts';

const FORMAT = 1;
const LISTING_FILE = /<Listing\b[^>]*?\bfile="([^"]+)"/g;

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What every chapter's compilation shares: plugins, configs, numbering. */
function sharedKey(root: string, base: string): string {
  // The configs and every module they import (the plugins among them).
  const files = [
    ...dependencies(root, 'astro.config.mjs'),
    ...dependencies(root, 'ec.config.mjs'),
    'package-lock.json',
  ].filter((f) => existsSync(join(root, f)));
  const index = [...buildIndex(root)].map(([k, t]) =>
    `${k} ${t.text} ${t.slug} ${t.anchor}`);
  return sha256([
    `format ${FORMAT}`, `node ${process.version}`, `base ${base}`,
    ...[...new Set(files)].sort().map((f) =>
      `${f} ${sha256(readCached(join(root, f)))}`),
    ...index,
  ].join('\n'));
}

/** The key of one MDX file's compilation. */
export function mdxKey(root: string, shared: string, id: string,
  code: string): string {
  const listed = [...new Set([...code.matchAll(LISTING_FILE)]
    .map((m) => m[1]))].sort();
  return sha256([
    shared, relative(root, id), sha256(code),
    ...listed.map((f) => {
      const path = join(root, f);
      return `${f} ${existsSync(path) ? sha256(readCached(path)) : '-'}`;
    }),
  ].join('\n'));
}

type Handler = (this: unknown, code: string, id: string) => Promise<unknown>;

/**
 * Wraps the MDX plugin's transform with a disk cache (off with
 * BOOK_CACHE=off). Only chapter files are cached.
 */
export function mdxCache(root: string, base: string): Plugin {
  const dir = join(root, process.env.BOOK_CACHE_ROOT ?? '.cache', 'mdx');
  const off = process.env.BOOK_CACHE === 'off';
  let shared: string | undefined;
  return {
    name: 'book-mdx-cache',
    configResolved(config) {
      if (off) return;
      const mdx = config.plugins.find((p) => p.name === '@mdx-js/rolldown');
      const hook = mdx?.transform;
      if (!mdx || !hook || typeof hook !== 'object' ||
        typeof hook.handler !== 'function') {
        throw new Error(
          'book-mdx-cache: the MDX plugin "@mdx-js/rolldown" has no ' +
            'transform handler to cache (did @astrojs/mdx change?)',
        );
      }
      const inner = hook.handler as Handler;
      hook.handler = async function (this: unknown, code: string,
        id: string) {
        if (!id.startsWith(join(root, 'chapters'))) {
          return inner.call(this, code, id);
        }
        shared ??= sharedKey(root, base);
        const key = mdxKey(root, shared, id, code);
        const file = join(dir, `${sha256(id).slice(0, 16)}.bin`);
        if (existsSync(file)) {
          try {
            const stored = deserialize(readFileSync(file)) as
              { key: string; result: unknown };
            if (stored.key === key) return stored.result;
          } catch {
            // unreadable: compile afresh
          }
        }
        const result = await inner.call(this, code, id);
        mkdirSync(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, serialize({ key, result }));
        renameSync(tmp, file);
        return result;
      } as typeof hook.handler;
    },
    // In dev, a later edit may change the numbering: key it afresh.
    handleHotUpdate() {
      shared = undefined;
    },
  };
}

/**
 * Computes the chapters in a worker thread while the build compiles, and
 * prints each chapter's computation afterwards: seconds, and whether it
 * was read from the cache or computed (here, or in parallel).
 */
export function buildReport(root: string): AstroIntegration {
  let worker: Worker | undefined;
  return {
    name: 'book-build-report',
    hooks: {
      'astro:build:start': () => {
        if (process.env.BOOK_COMPUTE_WORKER === 'off' ||
          process.env.BOOK_CACHE === 'off') return;
        worker = new Worker(join(root, 'src/plugins/compute-worker.ts'), {
          workerData: { root, slugs: BUILT.map((c) => c.slug) },
        });
        worker.on('message', (r: ComputeRecord) => {
          if (r.status === 'computed') {
            computeLog().set(r.slug, { ...r, status: 'computed in parallel' });
          }
        });
        worker.on('error', () => {}); // pages recompute and report it
      },
      'astro:build:done': async ({ logger }) => {
        await worker?.terminate();
        const log = computeLog();
        if (log.size === 0) return;
        const rows = CHAPTERS.filter((c) => log.has(c.slug)).map((c) => {
          const r = log.get(c.slug)!;
          const slow = r.ms > 20_000 && !r.reason ? '  (over 20 s: give ' +
            'cached() a reason)' : r.reason && r.ms > 20_000
            ? `  (${r.reason})` : '';
          return `${String(c.number).padStart(3)} ${c.slug.padEnd(30)} ` +
            `${(r.ms / 1000).toFixed(2).padStart(7)} s  ${r.status}${slow}`;
        });
        const total = [...log.values()].reduce((s, r) => s + r.ms, 0);
        const hits = [...log.values()].filter((r) => r.status === 'cached');
        logger.info(
          `chapter computations (${hits.length} of ${log.size} cached, ` +
            `${(total / 1000).toFixed(1)} s computing):\n` + rows.join('\n'),
        );
      },
    },
  };
}
