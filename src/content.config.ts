import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

// Chapters live in chapters/<part>/<slug>.mdx; a page's id (and URL) is
// its slug alone, so moving a chapter between parts keeps its address.
// The i18n collection is Starlight's user-interface strings
// (src/content/i18n/en.json); the book overrides none of them yet, but an
// empty collection makes Starlight warn on every build.
// BOOK_ONLY=slug[,slug…] (src/toc.ts, builtChapters) loads only those
// chapters and the home page.
const only = (process.env.BOOK_ONLY ?? '').split(',')
  .map((s) => s.trim()).filter(Boolean);

export const collections = {
  docs: defineCollection({
    loader: glob({
      pattern: only.length === 0 ? '**/[^_]*.mdx'
        : ['index.mdx', ...only.map((slug) => `*/${slug}.mdx`)],
      base: './chapters',
      generateId: ({ entry }) =>
        entry.replace(/\.mdx$/, '').split('/').pop()!,
    }),
    schema: docsSchema(),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
