// Renders the chapters' math with KaTeX at build time, as rehype-katex
// does, but keeps each formula as one HTML string (an MDX
// `<Fragment set:html>`) instead of parsing KaTeX's markup back into
// hundreds of tree nodes that every later plugin would walk: the build
// spent more time carrying formulas through the tree than rendering them.
// Also:
// - a formula KaTeX cannot render fails the build, naming file and line;
// - KaTeX's MathML copy stays in the page for assistive technology but
//   out of the search index (data-pagefind-ignore), which gets a plain
//   text reading of the formula instead;
// - punctuation right after a short inline formula stays on its line.
import katex from 'katex';
import { texToText } from '../lib/tex-text.ts';
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';

/** KaTeX settings of the book: an unknown command is an error. */
export const KATEX_OPTIONS = { strict: 'error', throwOnError: true } as const;

// Closing punctuation that must not start a line.
const PUNCT = /^[.,;:!?)\]\u2019\u201d]+/;
/** Longest formula (visible characters) glued to its punctuation. */
export const GLUE_MAX = 24;

function classes(node: Element): string[] {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
}

/** The text of a node (remark-math puts the TeX in text children). */
function text(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(text).join('');
}

/** Visible characters of KaTeX's HTML rendering (not its MathML). */
export function visibleLength(html: string): number {
  const at = html.indexOf('<span class="katex-html"');
  const end = html.indexOf('<span class="katex-search"');
  return html.slice(at < 0 ? 0 : at, end < 0 ? undefined : end)
    .replace(/<[^>]*>/g, '')
    .replace(/&[#\w]+;/g, '.').length;
}

/**
 * KaTeX's HTML for `tex`. Search indexes neither KaTeX's MathML (kept for
 * assistive technology) nor its visual HTML (which reads "nd2+d3") but a
 * hidden plain-text reading of the formula ("nd²+d³", tex-text.ts).
 */
export function renderMath(tex: string, displayMode: boolean): string {
  const text = texToText(tex).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode })
    .replace('<span class="katex-mathml">',
      '<span class="katex-mathml" data-pagefind-ignore="">')
    .replace('<span class="katex-html" aria-hidden="true">',
      '<span class="katex-html" aria-hidden="true" data-pagefind-ignore="">')
    .replace(/<\/span>$/,
      `<span class="katex-search" hidden>${text}</span></span>`);
}

/** An MDX node that writes `html` as it is. */
function rawHtml(html: string): ElementContent {
  return {
    type: 'mdxJsxTextElement',
    name: 'Fragment',
    attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
    children: [],
  } as unknown as ElementContent;
}

/** Is this element a formula from remark-math? Which mode? */
function mathOf(el: Element): { display: boolean } | null {
  const c = classes(el);
  if (!c.includes('language-math') && !c.includes('math-inline') &&
    !c.includes('math-display')) return null;
  return { display: c.includes('math-display') };
}

export default function rehypeMath() {
  return (tree: Root, file: VFile) => {
    const fail = (node: Element, e: unknown): never => {
      const line = node.position ? `:${node.position.start.line}` : '';
      return file.fail(
        `${file.path}${line}: KaTeX could not render a formula: ` +
          `${e instanceof Error ? e.message : String(e)}`,
      );
    };
    const walk = (parent: Root | Element) => {
      const kids = parent.children as ElementContent[];
      for (let i = 0; i < kids.length; i++) {
        const node = kids[i];
        if (node.type !== 'element') {
          // MDX components (a figure's caption) hold math too
          if ('children' in node && Array.isArray(node.children)) {
            walk(node as unknown as Element);
          }
          continue;
        }
        // display math: <pre><code class="language-math math-display">
        const code = node.tagName === 'pre' && node.children.length === 1 &&
            node.children[0].type === 'element'
          ? node.children[0] : null;
        const inPre = code ? mathOf(code) : null;
        const math = inPre ? { display: true } : mathOf(node);
        if (!math) {
          walk(node);
          continue;
        }
        const scope = inPre ? code! : node;
        let html: string;
        try {
          html = renderMath(text(scope), math.display);
        } catch (e) {
          fail(node, e);
        }
        const next = kids[i + 1];
        const after = next?.type === 'text' ? next : undefined;
        const punct = !math.display && after
          ? PUNCT.exec(after.value)?.[0] : undefined;
        if (after && punct && visibleLength(html!) <= GLUE_MAX) {
          html = `<span class="math-punct">${html!}${punct}</span>`;
          after.value = after.value.slice(punct.length);
          if (after.value === '') kids.splice(i + 1, 1);
        }
        kids[i] = rawHtml(html!);
      }
    };
    walk(tree);
  };
}
