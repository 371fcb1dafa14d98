// Gives every bold that defines a term (src/lib/glossary.ts decides
// which) its anchor, `<strong id="term-k-means" class="book-term">`, so
// the glossary and the index (Appendices C and E) can link to the exact
// place. It applies the same rules to the tree the build compiles as the
// appendices apply to the chapter's source (src/lib/index-entries.ts):
// a term's anchor depends on the term alone, so both name the same
// place (test:site's link check follows every glossary and index link).
import { relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { CHAPTERS, type ChapterInfo } from '../toc.ts';
import { termMarks } from '../lib/glossary.ts';

export interface RemarkGlossaryOptions {
  /** Repository root (where chapters/ is). */
  root: string;
  /** Chapters in reading order (tests pass their own). */
  chapters?: readonly ChapterInfo[];
}

export default function remarkGlossary(options: RemarkGlossaryOptions) {
  const chapters = options.chapters ?? CHAPTERS;
  return (tree: Root, file: VFile) => {
    const path = file.path ? resolve(file.path) : '';
    const rel = relative(options.root, path).split('\\').join('/');
    if (!chapters.some((c) => c.file === rel)) return;
    for (const m of termMarks(tree)) {
      const node = m.node as { data?: { hProperties?: object } };
      const data = node.data;
      node.data = {
        ...data,
        hProperties: { ...data?.hProperties, id: m.anchor,
          className: ['book-term'] },
      };
    }
  };
}
