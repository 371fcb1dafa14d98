// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkBook from './src/plugins/remark-book.ts';
import rehypeBook from './src/plugins/rehype-book.ts';
import { watchCode } from './src/plugins/watch-code.ts';
import { printDedupe } from './src/plugins/print-dedupe.ts';
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
      remarkPlugins: [remarkMath, [remarkBook, { root, base }]],
      rehypePlugins: [
        [rehypeKatex, { strict: 'error' }],
        rehypeBook,
      ],
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
      components: {
        PageTitle: './src/components/PageTitle.astro',
      },
      routeMiddleware: './src/route-middleware.ts',
      lastUpdated: false,
      pagination: true,
    }),
    printDedupe(),
  ],
  vite: {
    plugins: [watchCode(root)],
  },
});
