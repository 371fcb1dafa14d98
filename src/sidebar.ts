// The sidebar, generated from the table of contents: parts with no
// chapters yet are left out, chapter labels carry their numbers, and the
// appendices follow the last part, lettered.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APPENDICES, BUILT, PARTS, chapter } from './toc.ts';

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
    {
      label: 'Appendices',
      items: APPENDICES.map((a) => ({
        link: `/${a.path}`,
        label: `${a.letter}. ${a.title}`,
      })),
    },
  ];
}

/**
 * The `title:` of a chapter's frontmatter. A page of the built site
 * passes the repository's root (its bundle does not sit in src/).
 */
export function titleOf(slug: string, root?: string): string {
  const file = root === undefined
    ? new URL(`../${chapter(slug).file}`, import.meta.url)
    : resolve(root, chapter(slug).file);
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
