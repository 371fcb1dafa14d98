// The remark plugin that keeps the book honest at build time:
// - <Listing file region/> becomes a code block cut from code/ (tangle.ts);
// - display math with \label{x} gets its chapter number as a \tag and an
//   anchor; <Ref to="eq:x"/>, "fig:x", "ch:slug" become numbered links;
// - <Figure id alt svg> gets its number;
// - the chapter anatomy: <Opener needs="slug …"> (what the reader will be
//   able to do, and the chapters to read first, linked), <Exercise
//   title> numbered N.k with its <Hint> and <Solution> folded, and
//   <Deeper> for what a first reading may skip (folded on the web).
// Every problem fails the build with a message naming the chapter file.
import { relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { CHAPTERS, type ChapterInfo } from '../toc.ts';
import {
  buildIndex, eqAnchor, figAnchor, type BookIndex,
} from './book-index.ts';
import { tangle, TangleError } from './tangle.ts';

export interface RemarkBookOptions {
  /** Repository root (where code/ and chapters/ are). */
  root: string;
  /** Site base path, e.g. "/" or "/ml-book/". */
  base?: string;
  /** Chapters in reading order (tests pass their own). */
  chapters?: readonly ChapterInfo[];
}

interface JsxAttribute {
  type: string;
  name: string;
  value?: unknown;
}
interface Node {
  type: string;
  name?: string;
  value?: string;
  attributes?: JsxAttribute[];
  children?: Node[];
  position?: { start: { line: number } };
  [key: string]: unknown;
}

const LANG: Record<string, string> = {
  ts: 'ts', mts: 'ts', js: 'js', mjs: 'js', py: 'python', json: 'json',
};

/** A string attribute's value; throws if it is an expression. */
function attr(node: Node, name: string): string | undefined {
  const a = node.attributes?.find(
    (x) => x.type === 'mdxJsxAttribute' && x.name === name,
  );
  if (!a) return undefined;
  if (typeof a.value !== 'string') {
    throw new TangleError(
      `<${node.name}>: attribute "${name}" must be a plain string`,
    );
  }
  return a.value;
}

/** Replaces "Eq. (label)" in code comments by the equation's number. */
export function numberEquationCites(code: string, index: BookIndex) {
  const cite = /\bEqs?\.\s*\([a-z][a-z0-9-]*\)(?:\s*(?:,|and|to|–)\s*\([a-z][a-z0-9-]*\))*/g;
  return code.replace(cite, (match) =>
    match.replace(/\(([a-z][a-z0-9-]*)\)/g, (_, label: string) => {
      const target = index.get(`eq:${label}`);
      if (!target) {
        throw new TangleError(
          `code cites "Eq. (${label})" but no display equation in the ` +
            `book has \\label{${label}}`,
        );
      }
      return target.text;
    }),
  );
}

function chapterOf(file: VFile, root: string, chapters: readonly ChapterInfo[]) {
  const path = file.path ? resolve(file.path) : '';
  const rel = relative(root, path).split('\\').join('/');
  if (!rel.startsWith('chapters/')) return { rel, chapter: null };
  const chapter = chapters.find((c) => c.file === rel) ?? null;
  if (!chapter && rel !== 'chapters/index.mdx') {
    throw new TangleError(
      `${rel} is not in the table of contents: add its slug to src/toc.ts` +
        ` (part folder and file name must match)`,
    );
  }
  return { rel, chapter };
}

/** The anchor of exercise k of chapter n. */
export const exerciseAnchor = (n: number, k: number) =>
  `exercise-${n}-${k}`;

/** An mdast node that renders as the HTML element `tag`. */
function block(tag: string, className: string[], children: Node[],
  props: Record<string, unknown> = {}, hName = tag): Node {
  return {
    type: 'bookBlock',
    data: { hName, hProperties: { className, ...props } },
    children,
  };
}

function walk(
  node: Node,
  visit: (n: Node, parent: Node, i: number) => Node | void,
) {
  const kids = node.children;
  if (!kids) return;
  for (let i = 0; i < kids.length; i++) {
    const replaced = visit(kids[i], node, i);
    if (replaced) kids[i] = replaced;
    walk(kids[i], visit);
  }
}

export default function remarkBook(options: RemarkBookOptions) {
  const root = options.root;
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const chapters = options.chapters ?? CHAPTERS;
  return (tree: Root, file: VFile) => {
    let rel = String(file.path);
    const at = (node: Node) =>
      `${rel}${node.position ? `:${node.position.start.line}` : ''}`;
    try {
      const found = chapterOf(file, root, chapters);
      rel = found.rel;
      const chapter = found.chapter;
      const index = buildIndex(root, chapters);
      const here = chapter?.slug;
      let exercises = 0;
      walk(tree as unknown as Node, (node, parent) => {
        try {
          return transform(node, parent);
        } catch (e) {
          if (e instanceof TangleError) {
            throw new TangleError(`${at(node)}: ${e.message}`);
          }
          throw e;
        }
      });

      function transform(node: Node, parent: Node): Node | void {
        const isJsx = node.type === 'mdxJsxFlowElement' ||
          node.type === 'mdxJsxTextElement';
        if (isJsx && node.name === 'Listing') return listing(node);
        if (isJsx && node.name === 'Ref') return ref(node, parent);
        if (isJsx && node.name === 'Figure') return figure(node);
        if (isJsx && node.name === 'Opener') return opener(node);
        if (isJsx && node.name === 'Exercise') return exercise(node);
        if (isJsx && (node.name === 'Hint' || node.name === 'Solution')) {
          return fold(node, parent);
        }
        if (isJsx && node.name === 'Deeper') return deeper(node);
        if (node.type === 'math') return displayMath(node);
        if (node.type === 'inlineMath' && /\\label\{/.test(node.value!)) {
          throw new TangleError(
            `\\label is only for display math ($$ … $$ on own lines)`,
          );
        }
      }

      function listing(node: Node): Node {
        const src = attr(node, 'file');
        if (!src) throw new TangleError('<Listing> needs a file="code/…"');
        const region = attr(node, 'region');
        let code: string;
        let startLine: number;
        try {
          ({ code, startLine } = tangle(root, src, region));
          code = numberEquationCites(code, index);
        } catch (e) {
          const what = region ? `region "${region}" of ${src}` : src;
          throw new TangleError(
            `<Listing> ${what}: ${(e as Error).message}`,
          );
        }
        const ext = src.split('.').pop() ?? '';
        return {
          type: 'code',
          lang: LANG[ext] ?? 'text',
          meta: `title="${src}" frame="code" showLineNumbers ` +
            `startLineNumber=${startLine}`,
          value: code,
          position: node.position,
        };
      }

      function ref(node: Node, parent: Node): Node {
        const to = attr(node, 'to');
        if (!to) throw new TangleError('<Ref> needs to="eq:…|fig:…|ch:…"');
        const target = index.get(to);
        if (!target) {
          throw new TangleError(
            `<Ref to="${to}">: no such label in the book ` +
              `(equations: \\label{…} in $$ … $$, figures: <Figure id>, ` +
              `chapters: ch:<slug> from src/toc.ts)`,
          );
        }
        const hash = target.anchor ? `#${target.anchor}` : '';
        const url = target.slug === here && hash
          ? hash : `${base}${target.slug}/${hash}`;
        // An equation's number is "(4.8)"; written inside the author's
        // own parenthesis, "(<Ref …/>, derived below)", it reads
        // "(Eq. 4.8, derived below)", not "((4.8), derived below)".
        const siblings = parent?.children ?? [];
        const before = siblings[siblings.indexOf(node) - 1];
        const inParens = before?.type === 'text' &&
          /\($/.test(before.value ?? '') && /^\(.*\)$/.test(target.text);
        return {
          type: 'link',
          url,
          data: { hProperties: { className: ['book-ref'] } },
          children: [{
            type: 'text',
            value: inParens ? `Eq. ${target.text.slice(1, -1)}` : target.text,
          }],
        };
      }

      function figure(node: Node): Node {
        const id = attr(node, 'id');
        if (!id) throw new TangleError('<Figure> needs an id');
        // alt is a plain string, checked here, or an expression such as
        // alt={r.confusionAlt} that carries computed numbers, checked
        // by Figure.astro when the page renders
        const altAttr = node.attributes?.find(
          (x) => x.type === 'mdxJsxAttribute' && x.name === 'alt');
        const computedAlt = altAttr && typeof altAttr.value !== 'string';
        const alt = computedAlt ? undefined : attr(node, 'alt');
        if (!computedAlt && (!alt || alt.trim().length < 10)) {
          throw new TangleError(`<Figure id="${id}"> needs alt text`);
        }
        const target = index.get(`fig:${id}`);
        if (!target || target.slug !== here) {
          throw new TangleError(
            `<Figure id="${id}"> is only numbered in a chapter listed ` +
              `in src/toc.ts`,
          );
        }
        node.attributes!.push(
          { type: 'mdxJsxAttribute', name: 'number', value: target.number },
          { type: 'mdxJsxAttribute', name: 'anchor', value: figAnchor(id) },
        );
        return node;
      }

      function opener(node: Node): Node {
        const needs = attr(node, 'needs');
        if (needs === undefined) {
          throw new TangleError(
            '<Opener> needs needs="slug slug …" (the chapters to read ' +
              'first; "" for none)',
          );
        }
        const links: Node[] = [];
        for (const slug of needs.split(/\s+/).filter(Boolean)) {
          const target = index.get(`ch:${slug}`);
          if (!target) {
            throw new TangleError(
              `<Opener needs>: no chapter "${slug}" in src/toc.ts`,
            );
          }
          if (chapter && Number(target.number) >= chapter.number) {
            throw new TangleError(
              `<Opener needs>: "${slug}" is not an earlier chapter`,
            );
          }
          if (links.length > 0) links.push({ type: 'text', value: '; ' });
          links.push({
            type: 'link',
            url: `${base}${slug}/`,
            children: [{
              type: 'text',
              value: `${target.text}, ${target.title ?? slug}`,
            }],
          });
        }
        const needsLine: Node = {
          type: 'paragraph',
          data: { hProperties: { className: ['opener-needs'] } },
          children: [
            {
              type: 'strong',
              children: [{ type: 'text', value: 'Read first: ' }],
            },
            ...(links.length > 0 ? links
              : [{ type: 'text', value: 'nothing; this chapter starts ' +
                'from school mathematics.' }]),
          ],
        };
        return block('div', ['opener'], [
          ...(node.children ?? []), needsLine,
        ], { 'aria-label': 'What this chapter teaches' }, 'aside');
      }

      function exercise(node: Node): Node {
        const title = attr(node, 'title');
        if (!title) throw new TangleError('<Exercise> needs a title');
        if (!chapter) {
          throw new TangleError('<Exercise> is only numbered in a chapter');
        }
        exercises += 1;
        const number = `${chapter.number}.${exercises}`;
        const id = exerciseAnchor(chapter.number, exercises);
        const head: Node = {
          type: 'paragraph',
          data: { hProperties: { className: ['exercise-head'] } },
          children: [
            {
              type: 'link',
              url: `#${id}`,
              data: { hProperties: { className: ['exercise-number'] } },
              children: [{ type: 'text', value: `Exercise ${number}` }],
            },
            { type: 'text', value: ' ' },
            { type: 'strong', children: [{ type: 'text', value: title }] },
          ],
        };
        const out = block('div', ['exercise'], [head, ...(node.children ?? [])],
          { id, dataExercise: number });
        (out.data as Record<string, unknown>).bookKind = 'exercise';
        return out;
      }

      function fold(node: Node, parent: Node): Node {
        const kind = node.name!.toLowerCase();
        if ((parent.data as { bookKind?: string } | undefined)?.bookKind !==
          'exercise') {
          throw new TangleError(
            `<${node.name}> belongs directly inside an <Exercise>`,
          );
        }
        const number = (parent.data as { hProperties: { dataExercise: string } })
          .hProperties.dataExercise;
        return details([kind], node.name!, node.children ?? [],
          { dataExercise: number });
      }

      function deeper(node: Node): Node {
        const title = attr(node, 'title') ??
          'Details a first reading may skip';
        return details(['deeper'], title, node.children ?? []);
      }

      function details(cls: string[], summary: string, children: Node[],
        props: Record<string, unknown> = {}): Node {
        return block('details', cls, [
          {
            type: 'paragraph',
            data: { hName: 'summary' },
            children: [{ type: 'text', value: summary }],
          },
          ...children,
        ], props);
      }

      function displayMath(node: Node): Node | void {
        const m = /\\label\{([^}]*)\}/.exec(node.value!);
        if (!m) return;
        const target = index.get(`eq:${m[1]}`);
        if (!target || target.slug !== here) {
          throw new TangleError(
            `equation \\label{${m[1]}} is only numbered in a chapter ` +
              `listed in src/toc.ts`,
          );
        }
        const tex = node.value!.replace(m[0], '').trimEnd();
        const math: Node = {
          ...node,
          value: `${tex}\n\\tag{${target.number}}`,
        };
        // remark-math keeps the source in data.hChildren too: refresh it.
        const data = node.data as
          { hChildren?: { children?: { value?: string }[] }[] } | undefined;
        const text = data?.hChildren?.[0]?.children?.[0];
        if (text && 'value' in text) text.value = math.value;
        return {
          type: 'equation',
          data: {
            hName: 'div',
            hProperties: {
              id: eqAnchor(m[1]),
              className: ['equation'],
            },
          },
          children: [math],
        };
      }
    } catch (e) {
      if (e instanceof TangleError || e instanceof Error) {
        const msg = e.message.startsWith(rel) ? e.message
          : `${rel}: ${e.message}`;
        file.fail(msg);
      }
      throw e;
    }
  };
}
