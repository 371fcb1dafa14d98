// The book's notation: every symbol it reserves, once, with its meaning.
// The single source of Appendix A (src/pages/appendix/[slug].astro); the
// rule it states is BOOK-STYLE's "one symbol, one meaning", and
// tests/appendices.test.ts checks that every symbol renders with the
// book's KaTeX settings and that no symbol has two rows. A chapter that
// needs a new symbol adds a row here.

import { renderMath } from '../plugins/rehype-math.ts';

export interface NotationEntry {
  /** The symbol, or a few written alike, each TeX for KaTeX. */
  readonly symbols: readonly string[];
  /** What it means; `$…$` inside is TeX. */
  readonly meaning: string;
  /** The name the book's code gives it, where BOOK-STYLE fixes one. */
  readonly code?: string;
}

export const NOTATION: readonly NotationEntry[] = [
  { symbols: ['x', 'a'], meaning: 'a scalar: italic lowercase' },
  {
    symbols: ['\\mathbf{u}', '\\mathbf{v}'],
    meaning: 'a vector, always a column: bold lowercase',
  },
  {
    symbols: ['\\mathbf{A}', '\\mathbf{B}'],
    meaning: 'a matrix: bold uppercase',
  },
  { symbols: ['n'], meaning: 'the number of samples' },
  {
    symbols: ['d'],
    meaning: 'the number of features (never $p$ for a count)',
  },
  {
    symbols: ['\\mathbf{X} \\in \\mathbb{R}^{n \\times d}'],
    meaning: 'the design matrix: one sample a row, one feature a column',
    code: 'X',
  },
  {
    symbols: ['\\mathbf{y} \\in \\mathbb{R}^{n}'],
    meaning: 'the targets, one a sample',
    code: 'y',
  },
  {
    symbols: ['\\mathbf{x}_i \\in \\mathbb{R}^{d}'],
    meaning: 'sample $i$: row $i$ of $\\mathbf{X}$, written as a column',
  },
  { symbols: ['y_i'], meaning: 'the target of sample $i$' },
  {
    symbols: ['\\hat y'],
    meaning: 'a prediction; a hat marks what is estimated from data',
  },
  {
    symbols: ['\\boldsymbol{\\theta}'],
    meaning: 'all the parameters of a model',
  },
  { symbols: ['\\mathbf{w}'], meaning: 'weights', code: 'w' },
  { symbols: ['b'], meaning: 'a bias (intercept)' },
  {
    symbols: ['L(\\boldsymbol{\\theta})'],
    meaning: 'the loss over the data, as a function of the parameters',
  },
  {
    symbols: ['\\ell(\\hat y, y)'],
    meaning: 'the loss of one sample: prediction $\\hat y$, target $y$',
  },
  { symbols: ['\\eta'], meaning: 'a learning rate', code: 'eta' },
  {
    symbols: ['\\lambda'],
    meaning: 'a regularization strength; beside one, an eigenvalue is ' +
      'written with its matrix',
    code: 'lambda_',
  },
  {
    symbols: ['\\lambda_{\\max}(\\mathbf{H})'],
    meaning: 'an eigenvalue named by its matrix: the largest of ' +
      '$\\mathbf{H}$',
  },
  { symbols: ['\\sigma'], meaning: 'a standard deviation' },
  {
    symbols: ['\\sigma(z)'],
    meaning: 'the sigmoid $1 / (1 + e^{-z})$: $\\sigma$ with its argument',
  },
  {
    symbols: ['\\operatorname{softmax}(\\mathbf{z})'],
    meaning: 'the softmax of a vector of scores $\\mathbf{z}$',
  },
  {
    symbols: ['s_j'],
    meaning: 'the singular values of a matrix (never $\\sigma_j$)',
  },
  { symbols: ['\\mathbb{E}'], meaning: 'expectation' },
  { symbols: ['P'], meaning: 'probability' },
  { symbols: ['p'], meaning: 'a density (never a count)' },
  { symbols: ['\\mathbf{A}^\\top'], meaning: 'the transpose of $\\mathbf{A}$' },
  { symbols: ['\\mathbf{I}'], meaning: 'the identity matrix' },
];

/** A symbol's TeX without spaces, to compare two spellings of it. */
export const normalTex = (tex: string) => tex.replace(/\s+/g, '');

/**
 * The symbols that appear in more than one row of `entries` (or twice
 * in one), each with the meanings it has: "one symbol, one meaning".
 */
export function duplicateSymbols(
  entries: readonly NotationEntry[],
): { symbol: string; meanings: string[] }[] {
  const seen = new Map<string, string[]>();
  for (const e of entries) {
    for (const s of e.symbols) {
      const key = normalTex(s);
      seen.set(key, [...(seen.get(key) ?? []), e.meaning]);
    }
  }
  return [...seen].filter(([, m]) => m.length > 1)
    .map(([symbol, meanings]) => ({ symbol, meanings }));
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * HTML of a short text whose `$…$` are TeX (rendered by KaTeX with the
 * book's settings, as the chapters' math is) and whose `…` are code.
 * An unmatched `$` or a formula KaTeX refuses throws, naming the text.
 */
export function textWithMath(text: string): string {
  const parts = text.split('$');
  if (parts.length % 2 === 0) {
    throw new Error(`textWithMath: an unmatched $ in "${text}"`);
  }
  return parts.map((p, i) => {
    if (i % 2 === 1) return renderMath(p, false);
    return escape(p).replace(/`([^`]+)`/g, '<code>$1</code>');
  }).join('');
}
