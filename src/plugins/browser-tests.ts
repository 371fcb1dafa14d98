// Astro integration: after the build, compiles each built chapter's test
// file for the reader's browser into <site>/_tests/ (see
// src/lib/browser-tests/compile.ts) and logs how long it took.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BUILT } from '../toc.ts';
import { compileTests } from '../lib/browser-tests/compile.ts';

export function browserTests(root: string): AstroIntegration {
  return {
    name: 'book-browser-tests',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), '_tests');
        const r = await compileTests(root, BUILT.map((c) => c.slug), out);
        const node = r.chapters.reduce((s, c) => s + c.nodeOnly.length, 0);
        const n = r.chapters.length;
        logger.info(`${n} chapter${n === 1 ? "'s" : "s'"} tests compiled ` +
          `for the browser in ${(r.ms / 1000).toFixed(1)} s (${node} ` +
          'tests run with npm test only)');
      },
    },
  };
}
