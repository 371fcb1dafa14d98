// The bibliography (bibliography/book.bib, src/lib/bib.ts), the citations
// and reference lists the build makes from it (src/plugins/remark-cite.ts)
// and Appendix D: parsing and formatting of every entry type the book
// uses, an unknown key failing with the chapter and the key named, each
// chapter's list equal to what it cites, the appendix listing exactly the
// cited works, and no work entered twice.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import remarkMath from 'remark-math';
// the parser @mdx-js/mdx uses (its own dependencies): the remark stage
// alone, a tenth of a full compile
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import {
  BibError, bibliography, bibliographyGroups, byAuthorYear, chapterKeys,
  duplicates, parseBib, refAnchor,
} from '../../src/lib/bib.ts';
import remarkCite, { citeText } from '../../src/plugins/remark-cite.ts';
import { CHAPTERS } from '../../src/toc.ts';

const root = resolve(import.meta.dirname, '../..');

interface Node {
  type: string;
  url?: string;
  value?: string;
  children?: Node[];
  data?: { hProperties?: { id?: string; className?: string[] } };
}

/** Runs remark-cite on MDX as a chapter file; returns the tree after. */
async function cite(mdx: string, file = 'chapters/foundations/calculus.mdx') {
  const vfile = new VFile({ path: join(root, file), value: mdx });
  const processor = unified().use(remarkParse).use(remarkMdx)
    .use(remarkMath).use(remarkCite, { root });
  return await processor.run(processor.parse(vfile), vfile) as Node;
}

function all(node: Node, pred: (n: Node) => boolean, out: Node[] = []) {
  if (pred(node)) out.push(node);
  for (const c of node.children ?? []) all(c, pred, out);
  return out;
}
const textOf = (n: Node): string =>
  n.value ?? (n.children ?? []).map(textOf).join('');
const citations = (t: Node) => all(t, (n) => n.type === 'bookCite')
  .map(textOf);
const isReference = (n: Node) => n.type === 'listItem' &&
  (n.data?.hProperties?.className ?? []).includes('book-reference');
const listed = (t: Node) => all(t, isReference)
  .map((n) => n.data!.hProperties!.id!);

const SAMPLE = String.raw`
@article{ahn2001one,
  author = {Ahn, B. and Van Loan, C. F.},
  title = {A title. With a stop.},
  journal = {Journal of Tests},
  volume = {12}, number = {3}, pages = {55--67}, year = {2001},
  doi = {10.1000/xyz},
}
@book{bee1999book,
  author = {Bee, A. A. and Cee, B. and Dee, C.},
  title = {A Book}, edition = {2}, publisher = {Chapman \& Hall},
  year = {1999},
}
@inproceedings{cee2020conf,
  author = {Cee, B. and Dee, C. and Eff, D. and Gee, E.},
  title = {Do conferences work?},
  booktitle = {Proceedings of Tests},
  pages = {1--9}, year = {2020},
  url = {https://arxiv.org/abs/2001.00001},
}
@incollection{dee1990chap,
  author = {Dee, C.}, title = {A chapter},
  editor = {Eff, D. and Gee, E.}, booktitle = {Collected Works},
  series = {Lecture Notes 7},
  publisher = {Springer}, year = {1990},
}
@phdthesis{eff2004thesis,
  author = {Eff, D.}, title = {A Thesis}, school = {Somewhere}, year = {2004},
}
@techreport{gee1988report,
  author = {Gee, E.}, title = {A report}, institution = {Cornell},
  number = {781}, year = {1988},
}
@misc{tool,
  author = {{The Tool developers}}, title = {Tool: a library},
  howpublished = {Documentation}, url = {https://tool.example},
}
@article{hay2010a, author = {Hay, F.}, title = {Beta}, journal = {J}, year = {2010}}
@article{hay2010b, author = {Hay, F.}, title = {Alpha}, journal = {J}, year = {2010}}
@article{others2013api, author = {Oh, G. and others}, title = {Many},
  journal = {J}, year = {2013}}
`;

describe('bibliography: parsing and formatting', () => {
  const bib = parseBib(SAMPLE);

  it('reads every entry with citation-js, keyed by its BibTeX key', () => {
    expect([...bib.keys()].sort()).toEqual([
      'ahn2001one', 'bee1999book', 'cee2020conf', 'dee1990chap',
      'eff2004thesis', 'gee1988report', 'hay2010a', 'hay2010b',
      'others2013api', 'tool',
    ]);
  });

  it('formats an article: authors, title, journal vol(no), pages, year, DOI', () => {
    const e = bib.get('ahn2001one')!;
    expect(e.text).toBe('B. Ahn and C. F. Van Loan. A title. With a stop. ' +
      'Journal of Tests 12(3), 55–67, 2001. doi:10.1000/xyz');
    expect(e.segments).toContainEqual({ kind: 'em', text: 'Journal of Tests' });
    expect(e.segments).toContainEqual({
      kind: 'link', text: 'doi:10.1000/xyz', url: 'https://doi.org/10.1000/xyz',
    });
    expect(e.names).toBe('Ahn and Van Loan');
  });

  it('formats a book, a conference paper, a chapter, a thesis, a report, software', () => {
    expect(bib.get('bee1999book')!.text)
      .toBe('A. A. Bee, B. Cee and C. Dee. A Book, 2nd ed. Chapman & Hall, 1999.');
    expect(bib.get('cee2020conf')!.text).toBe('B. Cee, C. Dee, D. Eff and ' +
      'E. Gee. Do conferences work? In Proceedings of Tests, 1–9, 2020. ' +
      'arxiv.org/abs/2001.00001');
    expect(bib.get('dee1990chap')!.text).toBe('C. Dee. A chapter. In D. Eff ' +
      'and E. Gee (eds.), Collected Works, Lecture Notes 7. Springer, 1990.');
    expect(bib.get('eff2004thesis')!.text)
      .toBe('D. Eff. A Thesis. PhD thesis, Somewhere, 2004.');
    expect(bib.get('gee1988report')!.text)
      .toBe('E. Gee. A report. Technical report 781, Cornell, 1988.');
    expect(bib.get('tool')!.text).toBe('The Tool developers. Tool: a library. ' +
      'Documentation. tool.example');
  });

  it('labels author–year: two names, three, "et al." from four or "and others"', () => {
    expect(bib.get('bee1999book')!.names).toBe('Bee, Cee and Dee');
    expect(bib.get('cee2020conf')!.names).toBe('Cee et al.');
    expect(bib.get('others2013api')!.names).toBe('Oh et al.');
    expect(bib.get('others2013api')!.text).toMatch(/^G\. Oh et al\. Many\./);
    expect(bib.get('tool')!.year).toBe('n.d.');
  });

  it('tells apart one author\'s two works of a year: 2010a, 2010b by title', () => {
    expect(bib.get('hay2010b')!.year).toBe('2010a'); // "Alpha"
    expect(bib.get('hay2010a')!.year).toBe('2010b'); // "Beta"
  });

  it('covers every entry type the book\'s bibliography uses', () => {
    const used = new Set([...bibliography(root).values()].map((e) => e.type));
    const tested = new Set([...bib.values()].map((e) => e.type));
    expect([...used].filter((t) => !tested.has(t))).toEqual([]);
  });

  it('refuses a key defined twice, an entry with no author, one work twice', () => {
    const one = '@article{a1, author={A, B.}, title={T}, journal={J}, year={2000}}\n';
    expect(() => parseBib(one + one)).toThrow(/key "a1" is defined twice/);
    expect(() => parseBib('@article{x, title={T}, journal={J}, year={2000}}'))
      .toThrow(/entry "x" has no author/);
    expect(() => parseBib(one +
      '@article{a2, author={C, D.}, title={T}, journal={K}, year={2000}}'))
      .toThrow(BibError);
    expect(() => parseBib(one +
      '@article{a2, author={C, D.}, title={T}, journal={K}, year={2000}}'))
      .toThrow(/one work, two entries: a1 = a2/);
  });
});

describe('bibliography: citations and a chapter\'s references', () => {
  const page = (body: string, refs = '<References />') =>
    `${body}\n\n## References\n\n${refs}\n`;

  it('renders the parenthetical, located, narrative, year-only, bare and multiple forms', async () => {
    const t = await cite(page([
      'A <Cite k="higham2002accuracy" />.',
      'B <Cite k="golub2013matrix" loc="§5.3" />.',
      'C <Cite k="golub2013matrix" loc="§5.3" narrative />.',
      'D Hager\'s <Cite k="hager1984condition" year />.',
      'E (see <Cite k="hager1984condition" bare />).',
      'F <Cite k="hager1984condition higham1988fortran" />.',
    ].join('\n\n')));
    expect(citations(t)).toEqual([
      '(Higham, 2002)', '(Golub and Van Loan, 2013, §5.3)',
      'Golub and Van Loan (2013, §5.3)', '(1984)', 'Hager, 1984',
      '(Hager, 1984; Higham, 1988)',
    ]);
    const links = all(t, (n) => n.type === 'link' &&
      (n.data?.hProperties?.className ?? []).includes('book-cite'));
    expect(links[0].url).toBe(`#${refAnchor('higham2002accuracy')}`);
  });

  it('fails the build on an unknown key, naming the chapter and the key', async () => {
    await expect(cite(page('See <Cite k="nosuch2099key" />.'),
      'chapters/foundations/statistics.mdx'))
      .rejects.toThrow(/statistics\.mdx:1 \(chapter statistics\).*unknown citation key "nosuch2099key"/);
    await expect(cite(page('Fine.', '<References further="nosuch2099key" />')))
      .rejects.toThrow(/chapter calculus.*"nosuch2099key"/);
  });

  it('fails on a citation with no reference list, and on a note for an unlisted work', async () => {
    await expect(cite('See <Cite k="higham2002accuracy" />.\n'))
      .rejects.toThrow(/cites higham2002accuracy but has no <References/);
    await expect(cite(page('See <Cite k="higham2002accuracy" />.',
      '<References>\n<Note k="golub2013matrix">\nHi.\n</Note>\n</References>')))
      .rejects.toThrow(/neither cites "golub2013matrix"/);
  });

  it('lists cited works and further reading by author and year, each with its note', async () => {
    const t = await cite(page('<Cite k="higham2002accuracy" /> and ' +
      '<Cite k="golub2013matrix" />.', '<References further="hager1984condition">\n' +
      '<Note k="golub2013matrix">\nChapter 5 ($x$).\n</Note>\n</References>'));
    expect(listed(t)).toEqual(['golub2013matrix', 'hager1984condition',
      'higham2002accuracy'].map(refAnchor));
    const items = all(t, isReference).map(textOf);
    expect(items[0]).toMatch(/^G\. H\. Golub and C\. F\. Van Loan\. Matrix Computations.*Chapter 5 \(/);
  });

  // the chapters whose references are generated
  const moved = CHAPTERS.filter((c) =>
    readFileSync(join(root, c.file), 'utf8').includes('<References'));

  it('moves every chapter onto the bibliography: no hand-written list is left', () => {
    expect(moved.map((c) => c.slug)).toEqual(CHAPTERS.map((c) => c.slug));
    for (const c of CHAPTERS) {
      const src = readFileSync(join(root, c.file), 'utf8');
      expect(src, c.slug).toMatch(/^## References\n\n<References\b/m);
    }
  });

  // Parsing a whole chapter costs about 0.15 s: four chapters are parsed
  // whole (the syntax tree against the text's keys), and every chapter's
  // citations and reference block are run through the plugin on their own.
  it('reads the same keys from a whole chapter\'s syntax tree as from its text', async () => {
    for (const slug of ['linear-algebra', 'perceptron', 'k-means', 'attention']) {
      const c = CHAPTERS.find((x) => x.slug === slug)!;
      const src = readFileSync(join(root, c.file), 'utf8');
      const { cited, further } = chapterKeys(src);
      const t = await cite(src, c.file);
      expect(listed(t).sort(), slug).toEqual(
        [...cited, ...further].map(refAnchor).sort());
      expect(citations(t).length, slug)
        .toBe((src.match(/<Cite\b/g) ?? []).length);
    }
  }, 30_000);

  it('gives each moved chapter a list equal to what it cites and lists', async () => {
    const bib = bibliography(root);
    for (const c of moved) {
      const src = readFileSync(join(root, c.file), 'utf8');
      const { cited, further } = chapterKeys(src);
      const cites = src.match(/<Cite\b[^>]*\/>/g) ?? [];
      const block = /<References\b[^>]*\/>|<References\b[\s\S]*?<\/References>/
        .exec(src)![0];
      const t = await cite(`${cites.join('\n\n')}\n\n${block}\n`, c.file);
      // in author–year order
      expect(listed(t), c.slug).toEqual([...cited, ...further]
        .map((k) => bib.get(k)!).sort(byAuthorYear)
        .map((e) => refAnchor(e.key)));
      expect(listed(t).sort(), c.slug).toEqual(
        [...cited, ...further].map(refAnchor).sort());
      expect(citations(t).length, c.slug).toBe(cites.length);
    }
  }, 30_000);
});

describe('bibliography: the book\'s entries and Appendix D', () => {
  const bib = bibliography(root);

  it('has no work entered twice (same DOI, or same title and year)', () => {
    expect(duplicates([...bib.values()])).toEqual([]);
  });

  it('lists in the appendix every work a chapter cites, and no other', () => {
    const groups = bibliographyGroups(root);
    const inAppendix = groups.flatMap((g) => g.entries.map((e) => e.entry.key));
    const cited = new Set(CHAPTERS.flatMap((c) => {
      const k = chapterKeys(readFileSync(join(root, c.file), 'utf8'));
      return [...k.cited, ...k.further];
    }));
    expect(new Set(inAppendix)).toEqual(cited);
    expect(inAppendix.length).toBe(cited.size);
    // and the bibliography holds no entry that no chapter lists
    expect([...bib.keys()].filter((k) => !cited.has(k))).toEqual([]);
  });

  it('names under each appendix entry the chapters that list it, in book order', () => {
    for (const g of bibliographyGroups(root)) {
      for (const { entry, chapters, further } of g.entries) {
        expect(chapters.length, entry.key).toBeGreaterThan(0);
        // further reading: listed, not cited, in those chapters
        for (const c of further) {
          expect(chapters).toContain(c);
          const k = chapterKeys(readFileSync(join(root, c.file), 'utf8'));
          expect(k.further, c.slug).toContain(entry.key);
          expect(k.cited, c.slug).not.toContain(entry.key);
        }
        expect(chapters.map((c) => c.number))
          .toEqual([...chapters.map((c) => c.number)].sort((a, b) => a - b));
        for (const c of chapters) {
          expect(readFileSync(join(root, c.file), 'utf8')).toContain(entry.key);
        }
      }
      expect(g.entries.every((e) => e.entry.names.normalize('NFD')[0]
        .toUpperCase() === g.initial)).toBe(true);
    }
  });
});

describe('a citation quoted as text (the glossary quotes sentences)', () => {
  const bib = bibliography(root);
  const cite = (attrs: string) => {
    const tree = unified().use(remarkParse).use(remarkMdx)
      .parse(`A <Cite ${attrs} /> b.`);
    const para = tree.children[0] as { children: unknown[] };
    return citeText(para.children[1] as Parameters<typeof citeText>[0],
      bib);
  };
  it('reads as the page shows it, in each form', () => {
    const e = bib.get('golub2013matrix')!;
    expect(cite('k="golub2013matrix"')).toBe(`(${e.names}, ${e.year})`);
    expect(cite('k="golub2013matrix" loc="§5.3" narrative'))
      .toBe(`${e.names} (${e.year}, §5.3)`);
    expect(cite('k="golub2013matrix" year')).toBe(`(${e.year})`);
    expect(cite('k="golub2013matrix" bare')).toBe(`${e.names}, ${e.year}`);
    expect(e.names).toBe('Golub and Van Loan');
    expect(e.year).toBe('2013');
  });
  it('names an unknown key', () => {
    expect(() => cite('k="nosuch1999"')).toThrow(/unknown citation key "nosuch1999"/);
  });
});
