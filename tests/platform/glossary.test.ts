// The glossary and the index (Appendices C and E): which bold is a
// defined term, its anchor, the sentence that defines it, the order and
// letters, the merging of variants; and the same marks on the book's own
// chapters (anchors unique on each page, found by the remark plugin).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import remarkSmartypants from 'remark-smartypants';
import remarkRehype from 'remark-rehype';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import {
  definitionSentence, parseMdx, sentenceAt, singular, termAnchor, termKey,
  termMarks,
} from '../../src/lib/glossary.ts';
import {
  bookDefinitions, bookIndex, byLetter, byTerm, glossary, headword,
  letterOf, sortKey, type Definition,
} from '../../src/lib/index-entries.ts';
import remarkGlossary from '../../src/plugins/remark-glossary.ts';
import { CHAPTERS, type ChapterInfo } from '../../src/toc.ts';

const root = resolve(import.meta.dirname, '../..');
const terms = (mdx: string) => termMarks(parseMdx(mdx)).map((m) => m.term);

describe('which bold is a defined term', () => {
  it('takes bold in running text', () => {
    expect(terms('A **linear model** predicts with **weights** $w$.'))
      .toEqual(['linear model', 'weights']);
  });

  it('leaves out labels: bold opening a paragraph or list item', () => {
    expect(terms('**Cost.** It takes $O(n)$ time.')).toEqual([]);
    expect(terms('**Content:** the text.')).toEqual([]);
    expect(terms('- **Cholesky**, $A = LL^T$, for SPD matrices.'))
      .toEqual([]);
    expect(terms('**Reverse mode** (backpropagation): one pass.'))
      .toEqual([]);
    expect(terms('**(A)** the identity is a **kernel**.'))
      .toEqual(['kernel']);
  });

  it('keeps a paragraph-opening bold followed by running text', () => {
    expect(terms('**Standardizing** gives every feature mean 0.'))
      .toEqual(['Standardizing']);
  });

  it('takes a term at the end of its sentence', () => {
    expect(terms('One pass over the data is an **epoch**.'))
      .toEqual(['epoch']);
  });

  it('leaves out emphasis: long bold, claims, bold ending a sentence', () => {
    expect(terms('So **the condition number is the price of gradient ' +
      'descent** here.')).toEqual([]);
    expect(terms('Then **$L$ is convex** and done.')).toEqual([]);
    expect(terms('Pivoting is **not optional** at all.')).toEqual([]);
    expect(terms('It holds **at least** once.')).toEqual([]);
    expect(terms('Note that **this is it.** Then go.')).toEqual([]);
    // "not" inside a name is fine
    expect(terms('Values are **missing not at random** if so.'))
      .toEqual(['missing not at random']);
  });

  it('leaves out the anatomy sections whose bold is not a definition', () => {
    const mdx = [
      'A **kernel** is here.',
      '## Verification', 'The **gradient check** passes.',
      '## Key points', 'A **kernel trick** again.',
      '## Exercises', 'An **exercise term** here.',
      '## Complexity', 'A **Gram matrix** costs much.',
      '## Against PyTorch', 'Its **`F.conv2d`** agrees.',
      '## Against a library', 'And **`nn.Linear`** too.',
    ].join('\n\n');
    expect(terms(mdx)).toEqual(['kernel', 'Gram matrix']);
  });

  it('reads past the frontmatter, which is not a section', () => {
    const m = termMarks(parseMdx(
      '---\ntitle: T\ndescription: A long one\n---\n\n' +
      'The **kernel** is here.'))[0];
    expect(m.term).toBe('kernel');
    expect(m.section).toBe('');
  });

  it('puts "…" for a number the page computes, never a gap', () => {
    const m = termMarks(parseMdx(
      'With {fixed(r.k)} neighbours it is the **Voronoi cell**.'))[0];
    expect(m.sentence).toBe('With … neighbours it is the Voronoi cell.');
  });

  it('leaves out exercises, hints and solutions wherever they are', () => {
    const mdx = [
      '<Exercise title="x">', 'Show a **foo bar** holds.', '</Exercise>',
      '<Deeper title="y">', 'A **deeper term** is defined.', '</Deeper>',
    ].join('\n\n');
    expect(terms(mdx)).toEqual(['deeper term']);
  });

  it('leaves out bold in headings and tables', () => {
    expect(terms('## A **heading**\n\n| a | b |\n|---|---|\n| **x y** | 1 |'))
      .toEqual([]);
  });

  it('keeps the first bold of a term in a chapter, variants included', () => {
    const marks = termMarks(parseMdx(
      'A **residual** is here. Later the **residuals** and **Residual**.'));
    expect(marks.map((m) => m.term)).toEqual(['residual']);
  });

  it('writes math in a term as $…$', () => {
    expect(terms('The **$k$-means** objective.')).toEqual(['$k$-means']);
  });
});

describe('anchors', () => {
  it('come from the term only, so they are stable', () => {
    expect(termAnchor(termKey('Linear model'))).toBe('term-linear-model');
    expect(termAnchor(termKey('linear models'))).toBe('term-linear-model');
    expect(termAnchor(termKey('$k$-means'))).toBe('term-k-means');
    expect(termAnchor(termKey('Kullback–Leibler divergence')))
      .toBe('term-kullback-leibler-divergence');
    expect(termAnchor(termKey('β-VAE'))).toBe('term-β-vae');
    // the same term elsewhere in a changed chapter keeps its anchor
    const a = termMarks(parseMdx('A **kernel** here.'))[0].anchor;
    const b = termMarks(parseMdx('Intro.\n\nNow a **kernel**, then.'))[0];
    expect(b.anchor).toBe(a);
  });

  it('refuse a term with nothing to name an anchor after', () => {
    expect(() => termAnchor('∑')).toThrow(/termAnchor: the term "∑"/);
  });

  it('are unique on a chapter page, one per term', () => {
    const c = CHAPTERS.find((x) => x.slug === 'linear-regression')!;
    const defs = bookDefinitions(root, [c]);
    expect(defs.length).toBeGreaterThan(10);
    expect(new Set(defs.map((d) => d.anchor)).size).toBe(defs.length);
    // "F₁"/"F1": keys an anchor cannot tell apart are one term
    expect(termMarks(parseMdx('The **F₁ score** and the **F1 score** x.'))
      .map((m) => m.anchor)).toEqual(['term-f1-score']);
  });

  it('are put on the bold by the remark plugin, and only there', () => {
    const c: ChapterInfo = { ...CHAPTERS[0], file: 'chapters/x/t.mdx' };
    const mdx = '**Cost.** A **kernel** and **Gram matrices**, a **kernel**.';
    const html = toHtml(unified().use(remarkParse).use(remarkMdx)
      .use(remarkMath).use(remarkGlossary, { root, chapters: [c] })
      .use(remarkRehype)
      .runSync(parseMdx(mdx), { path: resolve(root, c.file), value: mdx }));
    expect(html).toContain('<strong id="term-kernel" class="book-term">');
    expect(html).toContain('<strong id="term-gram-matrix" class="book-term">');
    expect(html.match(/id="term-/g)).toHaveLength(2);
    expect(html).toContain('<strong>Cost.</strong>');
  });

  it('land where the appendices link, in the build\'s own pipeline', () => {
    // The build parses with GFM and SmartyPants before the plugin runs;
    // the appendices parse the source. Both must name the same anchors.
    const c = CHAPTERS.find((x) => x.slug === 'linear-regression')!;
    const mdx = readFileSync(resolve(root, c.file), 'utf8');
    const processor = unified().use(remarkParse).use(remarkMdx)
      .use(remarkGfm).use(remarkSmartypants).use(remarkMath)
      .use(remarkGlossary, { root });
    const tree = processor.runSync(processor.parse(mdx),
      { path: resolve(root, c.file), value: mdx });
    const out = toHtml(unified().use(remarkRehype).runSync(tree as Root));
    const got = [...out.matchAll(/<strong id="(term-[^"]*)"/g)]
      .map((m) => m[1]);
    const want = bookDefinitions(root, [c]).map((d) => d.anchor);
    expect(got).toEqual(want);
  });
});

describe('the defining sentence', () => {
  it('is the sentence holding the term', () => {
    const text = 'First one. A **kernel** is a function, e.g. a dot ' +
      'product. Last.';
    const m = termMarks(parseMdx(text))[0];
    expect(m.sentence).toBe('A kernel is a function, e.g. a dot product.');
  });

  it('does not end at a full stop inside math or after an initial', () => {
    const text = 'We set $x = 1.5$ here. Then J. Smith gave the **rule** ' +
      'for it. End.';
    expect(termMarks(parseMdx(text))[0].sentence)
      .toBe('Then J. Smith gave the rule for it.');
  });

  it('keeps math as $…$, code in backticks, references as numbers', () => {
    const m = termMarks(parseMdx(
      'The **softplus** $\\log(1 + e^z)$ is `softplus` in ' +
      '<Ref to="eq:x" />.'), (to) => (to === 'eq:x' ? '(3.2)' : to))[0];
    expect(m.sentence)
      .toBe('The softplus $\\log(1 + e^z)$ is `softplus` in (3.2).');
  });

  it('ends in an ellipsis where the paragraph cuts it off', () => {
    expect(termMarks(parseMdx('The **log-sum-exp** is\n\n$$x$$'))[0]
      .sentence).toBe('The log-sum-exp is …');
    expect(definitionSentence('Define the **map**:', 8))
      .toBe('Define the **map** …');
  });

  it('refuses a position outside the text', () => {
    expect(() => sentenceAt('abc', 9))
      .toThrow(/sentenceAt: position 9 is outside the text/);
  });
});

const def = (term: string, slug: string, number: number): Definition => ({
  term, key: termKey(term), anchor: termAnchor(termKey(term)),
  sentence: `${term} is.`, section: '', slug, number,
});

describe('sorting, letters and variants', () => {
  it('makes the last word singular, leaving -ss, -us, -is, -as alone', () => {
    expect(['residuals', 'matrices', 'bias', 'loss', 'basis', 'softmax',
      'probabilities', 'boxes', 'keys', 'means', 'vertices'].map(singular))
      .toEqual(['residual', 'matrix', 'bias', 'loss', 'basis', 'softmax',
        'probability', 'box', 'key', 'means', 'vertex']);
    expect(termKey('Bayes’ rule')).toBe(termKey("Bayes' rule"));
    expect(termKey('Residual connections')).toBe('residual connection');
    expect(termKey('mini-batch')).toBe(termKey('mini batch'));
    expect(termKey('ROC')).not.toBe(termKey('roc'));
  });

  it('sorts by letters, ignoring math, case and punctuation', () => {
    expect(sortKey('$k$-means')).toBe('kmeans');
    expect(byTerm(['kernel', '$k$-means', 'adaptive', 'Adam', 'β-VAE',
      'Gram matrix', 'gradient'], (t) => t)).toEqual(['Adam', 'adaptive',
      'gradient', 'Gram matrix', 'kernel', '$k$-means', 'β-VAE']);
  });

  it('files terms under A–Z, and the rest under "#" first', () => {
    expect(letterOf('$k$-means')).toBe('K');
    expect(letterOf('0–1 loss')).toBe('#');
    expect(letterOf('Élan')).toBe('E');
    const groups = byLetter(['beta', 'alpha', '1-norm', 'Bayes'], (t) => t);
    expect(groups).toEqual([
      { letter: '#', items: ['1-norm'] },
      { letter: 'A', items: ['alpha'] },
      { letter: 'B', items: ['Bayes', 'beta'] },
    ]);
  });

  it('merges variants into one entry under the most used spelling', () => {
    expect(headword(['Residuals', 'residual', 'residual'])).toBe('residual');
    expect(headword(['Hessian', 'Hessian'])).toBe('Hessian');
    expect(headword(['Attention', 'attention'])).toBe('attention');
    expect(headword(['KL term'])).toBe('KL term');
    expect(() => headword([])).toThrow(/headword: no terms/);
    const g = glossary([def('Residuals', 'a', 1), def('residual', 'b', 2),
      def('epoch', 'b', 2)]);
    expect(g.map((e) => [e.term, e.all.map((d) => d.slug)])).toEqual([
      ['epoch', ['b']], ['residual', ['a', 'b']]]);
    expect(g[1].first.slug).toBe('a');
  });

  it('indexes definitions, titles and headings naming the term', () => {
    const entries = bookIndex([def('residuals', 'lr', 8)], [
      { slug: 'lr', number: 8, title: 'Linear regression', headings: [
        { depth: 2, slug: 'measuring', text: 'Measuring the fit' },
        { depth: 3, slug: 'residuals', text: 'Residuals' },
        { depth: 4, slug: 'deep', text: 'Residual plots' },
      ] },
      { slug: 'res', number: 40, title: 'Residual networks', headings: [
        { depth: 2, slug: 'x', text: 'Residual blocks' },
      ] },
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0].locators.map((l) => [l.number, l.kind, l.anchor]))
      .toEqual([[8, 'definition', 'term-residual'],
        [8, 'section', 'residuals']]);
  });
});

describe('the book\'s glossary', () => {
  it('has an entry for every term, with a sentence that names it', () => {
    // one chapter (parsing all 50 takes seconds: the build does that)
    const c = CHAPTERS.find((x) => x.slug === 'linear-regression')!;
    const g = glossary(bookDefinitions(root, [c]));
    expect(g.length).toBeGreaterThan(15);
    for (const e of g) {
      expect(e.first.sentence.length, e.term).toBeGreaterThan(e.term.length);
      expect(/[.?!]["”’)]*$|…$/.test(e.first.sentence), e.first.sentence)
        .toBe(true);
    }
    const letters = byLetter(g, (e) => e.term).map((l) => l.letter);
    expect(letters).toEqual([...letters].sort());
  });
});
