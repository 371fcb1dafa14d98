// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import remarkBook from './src/plugins/remark-book.ts';
import remarkCite from './src/plugins/remark-cite.ts';
import remarkGlossary from './src/plugins/remark-glossary.ts';
import rehypeMath from './src/plugins/rehype-math.ts';
import rehypeTables from './src/plugins/rehype-tables.ts';
import { watchCode } from './src/plugins/watch-code.ts';
import { printDedupe } from './src/plugins/print-dedupe.ts';
import { buildReport, mdxCache } from './src/plugins/build-cache.ts';
import { browserTests } from './src/plugins/browser-tests.ts';
import { sidebar } from './src/sidebar.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// Publish under a sub-path with BOOK_BASE=/ml-book/ (see README).
const base = process.env.BOOK_BASE ?? '/';

// Authors building several copies at once (one per chapter being written)
// give each its own cache with BOOK_CACHE_DIR and its own --outDir.
const cacheDir = process.env.BOOK_CACHE_DIR;

export default defineConfig({
  site: process.env.BOOK_SITE,
  ...(cacheDir ? { cacheDir } : {}),
  base,
  trailingSlash: 'always',
  markdown: {
    processor: unified({
      remarkPlugins: [
        remarkMath, [remarkCite, { root }], [remarkGlossary, { root }],
        [remarkBook, { root, base }],
      ],
      rehypePlugins: [rehypeTables, rehypeMath],
    }),
  },
  integrations: [
    starlight({
      title: 'Machine Learning from Scratch',
      description:
        'Every classic machine-learning method derived, implemented in ' +
        'TypeScript from scratch, and proven right with tests.',
      sidebar: sidebar(),
      customCss: ['katex/dist/katex.min.css', './src/styles/book.css'],
      head: [{
        tag: 'script',
        content: readFileSync(
          new URL('./src/client/scroll-focus.js', import.meta.url), 'utf8'),
      }],
      components: {
        PageTitle: './src/components/PageTitle.astro',
        // Accessibility fixes to Starlight's own markup (issue 25).
        Search: './src/components/overrides/Search.astro',
        TwoColumnContent:
          './src/components/overrides/TwoColumnContent.astro',
      },
      routeMiddleware: './src/route-middleware.ts',
      lastUpdated: false,
      disable404Route: true, // src/pages/404.astro
      pagination: true,
    }),
    printDedupe(),
    buildReport(root),
    browserTests(root), // "Run the tests" on chapter pages (issue 24)
    // Starlight adds a sitemap unless one is configured; without a
    // `site` (BOOK_SITE) a sitemap cannot name absolute addresses, so
    // this stand-in takes its place and the build makes none.
    ...(process.env.BOOK_SITE ? [] : [{ name: '@astrojs/sitemap', hooks: {} }]),
  ],
  vite: {
    plugins: [watchCode(root), mdxCache(root, base)],
    // `npm run dev` compiles Starlight's page and its components while it
    // waits for the first request, which then only renders the chapter.
    server: {
      warmup: {
        ssrFiles: [
          './node_modules/@astrojs/starlight/dist/routes/static/index.astro',
        ],
      },
    },
    build: {
      rolldownOptions: {
        onLog(level, log, handler) {
          // Astro marks every MDX module that injects head content with
          // the directive "use astro:head-inject" and reads it itself;
          // the bundler only says it will not keep it, once per chapter.
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' &&
            log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
