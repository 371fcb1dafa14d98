// Each chapter's code blocks bring their own <link> to Expressive Code's
// stylesheet, and each figure its own copy of the same small <style>. On
// a print page every copy is matched against every token of every
// listing: when the whole book was one page, 18 copies made its layout
// take over a minute. Keeping the first copy only keeps the print pages
// (src/pages/print/) quick to lay out. Runs on the built pages, after
// Astro has written them.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesUnder } from '../lib/files.ts';

/**
 * The HTML with repeated stylesheet links (same href) and repeated
 * identical <style> elements (each figure brings its plot's) removed.
 */
export function dedupeStylesheets(html: string): string {
  const seen = new Set<string>();
  const once = (tag: string, key: string) =>
    seen.has(key) ? '' : (seen.add(key), tag);
  return html
    .replace(/<link rel="stylesheet" href="([^"]*)"[^>]*>/g, once)
    .replace(/<style>([\s\S]*?)<\/style>/g, (tag) => once(tag, tag));
}

export function printDedupe(): AstroIntegration {
  return {
    name: 'book-print-dedupe',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const print = fileURLToPath(new URL('print/', dir));
        if (!existsSync(print)) return;
        for (const file of filesUnder(print, (f) => f.endsWith('.html'))) {
          writeFileSync(file, dedupeStylesheets(readFileSync(file, 'utf8')));
        }
      },
    },
  };
}
