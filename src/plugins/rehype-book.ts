// Runs after rehype-katex: a formula KaTeX could not render fails the
// build (rehype-katex alone only warns and prints it in red), and KaTeX's
// hidden MathML copy is kept out of the search index.
import type { Element, Root } from 'hast';
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
    });
  };
}
