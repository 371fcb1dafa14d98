// Table cells on a phone: a short cell ("0.5850 ± 0.0022", "d = q + 1",
// a name) keeps to one line and the table scrolls sideways (with the
// edge shadow of book.css) instead of breaking a number or a formula
// in two; a long cell (a sentence) still wraps. Runs before the math is
// rendered, so a formula is measured by its plain-text reading. An
// expression ({fixed(x, 4)}) counts as a short number.
import type { Element, ElementContent, Root } from 'hast';
import { texToText } from '../lib/tex-text.ts';

/** Longest cell, in visible characters, that is kept on one line. */
export const NOWRAP_MAX = 28;
/** What an MDX expression in a cell is taken to print. */
const EXPRESSION_LENGTH = 8;

function isMath(node: Element): boolean {
  const c = node.properties?.className;
  return Array.isArray(c) &&
    c.some((x) => String(x).startsWith('math-') ||
      String(x) === 'language-math');
}

function texOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(texOf).join('');
}

/** Visible length of a cell's content, estimated. */
export function cellLength(nodes: readonly ElementContent[]): number {
  let n = 0;
  for (const node of nodes) {
    if (node.type === 'text') n += node.value.trim().length;
    else if (node.type === 'element') {
      n += isMath(node) ? texToText(texOf(node)).length
        : cellLength(node.children);
    } else if (String(node.type).startsWith('mdx')) {
      n += EXPRESSION_LENGTH;
    }
  }
  return n;
}

function visit(node: Root | Element) {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'td' || child.tagName === 'th') {
      if (child.tagName === 'td' &&
        cellLength(child.children) <= NOWRAP_MAX) {
        const c = child.properties.className;
        child.properties.className = [
          ...(Array.isArray(c) ? c.map(String) : []), 'book-nowrap'];
      }
      continue;
    }
    visit(child);
  }
}

export default function rehypeTables() {
  return (tree: Root) => visit(tree);
}
