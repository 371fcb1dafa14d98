// Citations and each chapter's reference list, from bibliography/book.bib
// (src/lib/bib.ts). In a chapter's MDX (no import needed):
//   <Cite k="golub2013matrix" />               (Golub and Van Loan, 2013)
//   <Cite k="golub2013matrix" loc="§5.3" />    (Golub and Van Loan, 2013, §5.3)
//   <Cite k="golub2013matrix" narrative />     Golub and Van Loan (2013)
//   <Cite k="hager1984condition" year />       (1984), after "Hager's"
//   <Cite k="a b" />                           (A, 2001; B, 2002)
//   <Cite k="tipping2001sparse" bare />        Tipping, 2001 (inside the
//                                              author's own parentheses;
//                                              with year: 2001)
// each linked to the entry in the chapter's list, which
//   <References further="key …">
//   <Note k="key">What to read there (Markdown).</Note>
//   </References>
// generates under the chapter's "## References": every work the chapter
// cites, plus the keys listed as further reading, by author and year,
// each with its note. An unknown key, a citation without a <References>,
// or a note for a work not in the list fails the build, naming the
// chapter and the key. Runs before remark-book, which then numbers the
// <Ref>s inside notes.
import { relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import {
  BIB_FILE, bibliography, byAuthorYear, refAnchor, type BibEntry,
  type Segment,
} from '../lib/bib.ts';

export interface RemarkCiteOptions {
  /** Repository root (where bibliography/ and chapters/ are). */
  root: string;
}

interface Node {
  type: string;
  name?: string;
  value?: string;
  url?: string;
  attributes?: { type: string; name: string; value?: unknown }[];
  children?: Node[];
  data?: Record<string, unknown>;
  position?: { start: { line: number } };
  [key: string]: unknown;
}

export class CiteError extends Error {}

function attr(node: Node, name: string): string | true | undefined {
  const a = node.attributes?.find(
    (x) => x.type === 'mdxJsxAttribute' && x.name === name);
  if (!a) return undefined;
  if (a.value === null || a.value === undefined) return true;
  if (typeof a.value !== 'string') {
    throw new CiteError(`<${node.name}>: attribute "${name}" must be a plain string`);
  }
  return a.value;
}

const isJsx = (n: Node, name: string) => n.name === name &&
  (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement');

function walk(node: Node, visit: (n: Node) => Node | void) {
  const kids = node.children;
  if (!kids) return;
  for (let i = 0; i < kids.length; i++) {
    const replaced = visit(kids[i]);
    if (replaced) kids[i] = replaced;
    walk(kids[i], visit);
  }
}

const text = (value: string): Node => ({ type: 'text', value });

/** A formatted entry as mdast phrasing nodes. */
export function segmentNodes(segments: readonly Segment[]): Node[] {
  return segments.map((s) => s.kind === 'text' ? text(s.text)
    : s.kind === 'em' ? { type: 'emphasis', children: [text(s.text)] }
      : { type: 'link', url: s.url, children: [text(s.text)] });
}

/** The keys of a <Cite k>, checked. */
function citeKeys(node: Node): string[] {
  const k = attr(node, 'k');
  if (typeof k !== 'string' || !k.trim()) {
    throw new CiteError('<Cite> needs k="key" (a key of ' + BIB_FILE + ')');
  }
  return k.split(/\s+/).filter(Boolean);
}

/**
 * What a <Cite> shows, in order: plain strings, and each work's label
 * (linked by the plugin). "(Golub and Van Loan, 2013, §5.3)"; with
 * `narrative` "Golub and Van Loan (2013, §5.3)"; with `year` "(2013)";
 * with `bare` "Golub and Van Loan, 2013". The glossary quotes a
 * sentence with a citation in it through the same function.
 */
export function citeParts(n: Node, entries: readonly BibEntry[]):
  (string | { entry: BibEntry; label: string })[] {
  const loc = attr(n, 'loc');
  if (loc === true) {
    throw new CiteError('<Cite loc> needs a value, e.g. loc="§5.3"');
  }
  const narrative = attr(n, 'narrative') !== undefined;
  const yearOnly = attr(n, 'year') !== undefined;
  const bare = attr(n, 'bare') !== undefined;
  if (narrative && (yearOnly || bare)) {
    throw new CiteError('<Cite>: "narrative" excludes "year" and "bare"');
  }
  const at = loc ? `, ${loc}` : '';
  const out: (string | { entry: BibEntry; label: string })[] = [];
  entries.forEach((e, i) => {
    const last = i === entries.length - 1;
    const tail = last ? at : '';
    if (narrative) {
      if (i > 0) out.push(last ? ' and ' : ', ');
      out.push({ entry: e, label: `${e.names} (${e.year}${tail})` });
    } else {
      if (i > 0) out.push('; ');
      out.push({ entry: e, label: yearOnly ? `${e.year}${tail}`
        : `${e.names}, ${e.year}${tail}` });
    }
  });
  return narrative || bare ? out : ['(', ...out, ')'];
}

/** A <Cite> as plain text, its keys looked up in `bib`. */
export function citeText(n: Node, bib: ReadonlyMap<string, BibEntry>):
  string {
  const entries = citeKeys(n).map((k) => {
    const e = bib.get(k);
    if (!e) throw new CiteError(`unknown citation key "${k}"`);
    return e;
  });
  return citeParts(n, entries)
    .map((p) => typeof p === 'string' ? p : p.label).join('');
}

/**
 * The keys a chapter's tree cites and lists as further reading, in order
 * of first appearance (src/lib/bib.ts chapterKeys reads the same from the
 * text).
 */
export function treeKeys(tree: Root): { cited: string[]; further: string[] } {
  const cited: string[] = [];
  const further: string[] = [];
  walk(tree as unknown as Node, (n) => {
    if (isJsx(n, 'Cite')) {
      for (const k of citeKeys(n)) if (!cited.includes(k)) cited.push(k);
    }
    if (isJsx(n, 'References')) {
      const f = attr(n, 'further');
      if (typeof f === 'string') {
        for (const k of f.split(/\s+/).filter(Boolean)) {
          if (!further.includes(k)) further.push(k);
        }
      }
    }
  });
  return { cited, further: further.filter((k) => !cited.includes(k)) };
}

export default function remarkCite(options: RemarkCiteOptions) {
  const root = options.root;
  return (tree: Root, file: VFile) => {
    const rel = file.path
      ? relative(root, resolve(file.path)).split('\\').join('/') : '(mdx)';
    const slug = rel.replace(/^.*\//, '').replace(/\.mdx?$/, '');
    const where = (n?: Node) =>
      `${rel}${n?.position ? `:${n.position.start.line}` : ''}`;
    const fail = (n: Node | undefined, msg: string): never => {
      const message = `${where(n)} (chapter ${slug}): ${msg}`;
      return file.fail(message); // throws a VFileMessage
    };
    const t = tree as unknown as Node;
    let hasCite = false;
    let refs = 0;
    walk(t, (n) => {
      if (isJsx(n, 'Cite')) hasCite = true;
      if (isJsx(n, 'References')) refs += 1;
    });
    if (!hasCite && refs === 0) return;
    let bib: Map<string, BibEntry>;
    try {
      bib = bibliography(root);
    } catch (e) {
      return fail(undefined, (e as Error).message);
    }
    const entry = (n: Node, k: string): BibEntry => bib.get(k) ??
      fail(n, `<${n.name}>: unknown citation key "${k}": no entry ` +
        `"${k}" in ${BIB_FILE}`);
    let keys: { cited: string[]; further: string[] };
    try {
      keys = treeKeys(tree);
    } catch (e) {
      return fail(undefined, (e as Error).message);
    }
    if (refs === 0) {
      return fail(undefined, `cites ${keys.cited.join(', ')} but has no ` +
        '<References /> for its reference list');
    }
    if (refs > 1) return fail(undefined, 'has more than one <References>');

    walk(t, (n) => {
      if (isJsx(n, 'Cite')) return cite(n);
      if (isJsx(n, 'References')) return references(n);
    });

    function link(e: BibEntry, label: string): Node {
      return {
        type: 'link',
        url: `#${refAnchor(e.key)}`,
        data: { hProperties: { className: ['book-cite'] } },
        children: [text(label)],
      };
    }

    function cite(n: Node): Node {
      const entries = citeKeys(n).map((k) => entry(n, k));
      let parts: ReturnType<typeof citeParts> = [];
      try {
        parts = citeParts(n, entries);
      } catch (e) {
        fail(n, (e as Error).message);
      }
      const kids = parts.map((p) =>
        typeof p === 'string' ? text(p) : link(p.entry, p.label));
      return {
        type: 'bookCite',
        data: { hName: 'span', hProperties: { className: ['book-citation'] } },
        children: kids,
      };
    }

    function references(n: Node): Node {
      const listed = [...keys.cited, ...keys.further].map((k) => entry(n, k));
      if (listed.length === 0) {
        fail(n, '<References> lists nothing: the chapter cites no work ' +
          'and lists none with further="key …"');
      }
      const notes = new Map<string, Node[]>();
      for (const c of n.children ?? []) {
        if (isJsx(c, 'Note')) {
          const k = attr(c, 'k');
          if (typeof k !== 'string') fail(c, '<Note> needs k="key"');
          const key = k as string;
          entry(c, key);
          if (!listed.some((e) => e.key === key)) {
            fail(c, `<Note k="${key}">: the chapter neither cites "${key}" ` +
              'nor lists it in further="…"');
          }
          if (notes.has(key)) fail(c, `two <Note>s for "${key}"`);
          let kids = c.children ?? [];
          if (kids.length === 1 && kids[0].type === 'paragraph') {
            kids = kids[0].children ?? [];
          }
          notes.set(key, kids);
        } else if (!(c.type === 'text' && !c.value?.trim())) {
          fail(c, '<References> holds only <Note k="…"> elements');
        }
      }
      const further = new Set(keys.further);
      return {
        type: 'list',
        ordered: false,
        spread: false,
        data: { hProperties: { className: ['book-references'] } },
        children: [...listed].sort(byAuthorYear).map((e) => ({
          type: 'listItem',
          spread: false,
          data: {
            hProperties: {
              id: refAnchor(e.key),
              className: ['book-reference'],
              dataFurther: further.has(e.key) ? 'true' : undefined,
            },
          },
          children: [{
            type: 'paragraph',
            children: [
              ...segmentNodes(e.segments),
              ...(notes.has(e.key) ? [text(' '), ...notes.get(e.key)!] : []),
            ],
          }],
        })),
      };
    }
  };
}
