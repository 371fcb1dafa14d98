// The book's cross-reference index: chapter numbers from src/toc.ts, and
// the numbered equations and figures of every chapter, read from the MDX
// sources in reading order. The remark plugin numbers and links with it,
// so a reference to another chapter's equation is right even before that
// chapter has been rendered.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHAPTERS, type ChapterInfo } from '../toc.ts';
import { withoutFences } from '../lib/files.ts';

export interface Target {
  /** What a reference shows: "(2.3)", "Figure 2.1", "Chapter 2". */
  readonly text: string;
  /** The number alone: "2.3", "2.1", "2". */
  readonly number: string;
  readonly slug: string;
  /** Fragment id on the chapter's page, '' for a chapter. */
  readonly anchor: string;
  /** A chapter's title (from its frontmatter); absent for the rest. */
  readonly title?: string;
}

export type BookIndex = Map<string, Target>;

const DISPLAY_MATH = /\$\$([\s\S]*?)\$\$/g;
const LABEL = /\\label\{([^}]*)\}/g;
const FIGURE_ID = /<Figure\b[\s\S]*?\bid="([^"]*)"/g;
const LABEL_NAME = /^[a-z0-9][a-z0-9-]*$/;

export const eqAnchor = (label: string) => `eq-${label}`;
export const figAnchor = (id: string) => `fig-${id}`;

/** The title in an MDX file's frontmatter, unquoted. */
export function frontmatterTitle(source: string): string | undefined {
  const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const m = /^title:\s*(.+)$/m.exec(front);
  if (!m) return undefined;
  const raw = m[1].trim();
  return /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
}

/** The labels of the display equations and figures in one MDX text. */
export function scanChapter(source: string, file: string) {
  const text = withoutFences(source);
  const equations: string[] = [];
  for (const m of text.matchAll(DISPLAY_MATH)) {
    const labels = [...m[1].matchAll(LABEL)].map((l) => l[1]);
    if (labels.length > 1) {
      throw new Error(
        `${file}: one display equation has several labels ` +
          `(${labels.join(', ')}); split it or keep one`,
      );
    }
    equations.push(...labels);
  }
  const figures = [...text.matchAll(FIGURE_ID)].map((m) => m[1]);
  for (const name of [...equations, ...figures]) {
    if (!LABEL_NAME.test(name)) {
      throw new Error(
        `${file}: label "${name}" must be lower-case letters, digits ` +
          `and hyphens`,
      );
    }
  }
  return { equations, figures };
}

function add(index: BookIndex, key: string, target: Target, file: string) {
  const seen = index.get(key);
  if (seen) {
    throw new Error(
      `${file}: label "${key}" is already used in chapter ` +
        `"${seen.slug}"; labels are unique across the book`,
    );
  }
  index.set(key, target);
}

/** Reads every chapter in src/toc.ts and numbers its labels. */
export function buildIndex(
  root: string,
  chapters: readonly ChapterInfo[] = CHAPTERS,
): BookIndex {
  const index: BookIndex = new Map();
  for (const ch of chapters) {
    const n = String(ch.number);
    const path = resolve(root, ch.file);
    const source = existsSync(path) ? readFileSync(path, 'utf8') : null;
    add(index, `ch:${ch.slug}`, {
      text: `Chapter ${n}`, number: n, slug: ch.slug, anchor: '',
      title: source ? frontmatterTitle(source) : undefined,
    }, ch.file);
    if (source === null) continue; // reported by the content check
    const { equations, figures } = scanChapter(source, ch.file);
    equations.forEach((label, i) => {
      const num = `${n}.${i + 1}`;
      add(index, `eq:${label}`, {
        text: `(${num})`, number: num, slug: ch.slug,
        anchor: eqAnchor(label),
      }, ch.file);
    });
    figures.forEach((id, i) => {
      const num = `${n}.${i + 1}`;
      add(index, `fig:${id}`, {
        text: `Figure ${num}`, number: num, slug: ch.slug,
        anchor: figAnchor(id),
      }, ch.file);
    });
  }
  return index;
}
