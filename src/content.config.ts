import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

// Chapters live in chapters/<part>/<slug>.mdx; a page's id (and URL) is
// its slug alone, so moving a chapter between parts keeps its address.
// The i18n collection is Starlight's user-interface strings
// (src/content/i18n/en.json); the book overrides none of them yet, but an
// empty collection makes Starlight warn on every build.
export const collections = {
  docs: defineCollection({
    loader: glob({
      pattern: '**/[^_]*.mdx',
      base: './chapters',
      generateId: ({ entry }) =>
        entry.replace(/\.mdx$/, '').split('/').pop()!,
    }),
    schema: docsSchema(),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
