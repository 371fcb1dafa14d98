// Each chapter's code blocks bring their own <link> to Expressive Code's
// stylesheet, and each figure its own copy of the same small <style>. On
// a print page every copy is matched against every token of every
// listing: when the whole book was one page, 18 copies made its layout
// take over a minute. Keeping the first copy only keeps the print pages
// (src/pages/print/) quick to lay out. So does leaving out what paper
// never shows (slimPrintPage). Runs on the built pages, after Astro has
// written them.
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

/**
 * The HTML without what paper never shows and Chromium would still parse,
 * style and lay out: KaTeX's MathML copy of each formula (for screen
 * readers; the PDF is untagged), the hidden plain-text reading of each
 * formula that search indexes, and the pages' module scripts (Expressive
 * Code's copy buttons, Starlight's page script, islands, which print their
 * static fallback). About a third of a chapter's print page.
 */
export function slimPrintPage(html: string): string {
  return html
    .replace(/<span class="katex-mathml"[^>]*><math[\s\S]*?<\/math><\/span>/g,
      '')
    .replace(/<span class="katex-search" hidden>[^<]*<\/span>/g, '')
    .replace(/<script type="module" src="[^"]*"><\/script>/g, '');
}

export function printDedupe(): AstroIntegration {
  return {
    name: 'book-print-dedupe',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const print = fileURLToPath(new URL('print/', dir));
        if (!existsSync(print)) return;
        for (const file of filesUnder(print, (f) => f.endsWith('.html'))) {
          const html = dedupeStylesheets(readFileSync(file, 'utf8'));
          // BOOK_PRINT_SLIM=off keeps the rest, to measure what it costs
          writeFileSync(file, process.env.BOOK_PRINT_SLIM === 'off'
            ? html : slimPrintPage(html));
        }
      },
    },
  };
}
