import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// Chapters live in chapters/<part>/<slug>.mdx; a page's id (and URL) is
// its slug alone, so moving a chapter between parts keeps its address.
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
};
