// The sidebar, generated from the table of contents: parts with no
// chapters yet are left out, chapter labels carry their numbers.
import { existsSync, readFileSync } from 'node:fs';
import { BUILT, PARTS, chapter } from './toc.ts';

export function sidebar() {
  return [
    { label: 'About this book', slug: 'index' },
    ...PARTS.filter((p) => p.chapters.length > 0).map((part) => ({
      label: part.title,
      items: part.chapters.map((slug) => {
        const label = `${chapter(slug).number}. ${titleOf(slug)}`;
        // A chapter a BOOK_ONLY build leaves out is a plain link.
        return BUILT.some((c) => c.slug === slug) ? { slug, label }
          : { link: `/${slug}/`, label };
      }),
    })),
  ];
}

/** The `title:` of a chapter's frontmatter. */
export function titleOf(slug: string): string {
  const file = new URL(`../${chapter(slug).file}`, import.meta.url);
  if (!existsSync(file)) {
    throw new Error(
      `src/toc.ts lists "${slug}" but ${chapter(slug).file} does not exist`,
    );
  }
  const text = readFileSync(file, 'utf8');
  const m = /^---\n[\s\S]*?^title:\s*(.+)$/m.exec(text);
  if (!m) throw new Error(`${chapter(slug).file}: frontmatter has no title`);
  return m[1].trim().replace(/^(['"])(.*)\1$/, '$2');
}
