// Runs after rehype-katex: a formula KaTeX could not render fails the
// build (rehype-katex alone only warns and prints it in red), KaTeX's
// hidden MathML copy is kept out of the search index, and punctuation
// right after a short inline formula stays on the formula's line.
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';

function classes(node: Element): string[] {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
}

function visit(node: Root | Element, fn: (e: Element) => void) {
  for (const child of node.children) {
    if (child.type === 'element') {
      fn(child);
      visit(child, fn);
    }
  }
}

// Closing punctuation that must not start a line.
const PUNCT = /^[.,;:!?)\]\u2019\u201d]+/;

/** Visible characters of a node (text nodes below it). */
function textLength(node: ElementContent): number {
  if (node.type === 'text') return node.value.length;
  if (node.type !== 'element') return 0;
  return node.children.reduce((n, c) => n + textLength(c), 0);
}

/** An inline KaTeX formula short enough to keep on one line with the
 *  punctuation after it, as a long word is (at most 24 characters). */
function shortMath(node: ElementContent): node is Element {
  if (node.type !== 'element' || !classes(node).includes('katex')) {
    return false;
  }
  const html = node.children.find((c): c is Element =>
    c.type === 'element' && classes(c).includes('katex-html'));
  return html !== undefined && textLength(html) <= 24;
}

/**
 * A line may break between an inline formula and the text after it, so
 * "… in $1/\nu$." can leave the full stop alone at the start of a line.
 * Wraps a short formula and its punctuation in a span that does not wrap
 * (class `math-punct`); a long one keeps its own break points.
 */
export function gluePunctuation(parent: Root | Element) {
  if (parent.type === 'element' && classes(parent).includes('math-punct')) {
    return; // glued already
  }
  const kids = parent.children as ElementContent[];
  for (let i = 0; i + 1 < kids.length; i++) {
    const math = kids[i];
    const next = kids[i + 1];
    if (!shortMath(math) || next.type !== 'text') continue;
    const punct = PUNCT.exec(next.value)?.[0];
    if (!punct) continue;
    kids[i] = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['math-punct'] },
      children: [math, { type: 'text', value: punct }],
    };
    next.value = next.value.slice(punct.length);
    if (next.value === '') kids.splice(i + 1, 1);
  }
}

export default function rehypeBook() {
  return (tree: Root, file: VFile) => {
    const failed = file.messages.find((m) => m.source === 'rehype-katex');
    if (failed) {
      const line = failed.place && 'line' in failed.place
        ? `:${failed.place.line}` : '';
      file.fail(
        `${file.path}${line}: KaTeX could not render a formula: ` +
          `${failed.cause instanceof Error ? failed.cause.message : failed.reason}`,
      );
    }
    visit(tree, (el) => {
      const cls = classes(el);
      if (cls.includes('katex-error')) {
        file.fail(
          `${file.path}: KaTeX error in formula: ` +
            `${String(el.properties?.title ?? '')}`,
        );
      }
      if (cls.includes('katex-mathml')) {
        el.properties = { ...el.properties, dataPagefindIgnore: '' };
      }
      gluePunctuation(el);
    });
  };
}
