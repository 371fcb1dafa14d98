// The print page renders every chapter, and each chapter's code blocks
// bring their own <link> to Expressive Code's stylesheet: 18 copies of
// the same sheet, each matched against every token of every listing
// (and every figure its own copy of the same small <style>).
// Keeping the first copy only cut the page's layout from over a minute to
// about 15 s. Runs on the built page, after Astro has written it.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

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
        const file = fileURLToPath(new URL('print/index.html', dir));
        if (!existsSync(file)) return;
        writeFileSync(file, dedupeStylesheets(readFileSync(file, 'utf8')));
      },
    },
  };
}
