// The platform's own tests: listings are cut from code/ exactly, and every
// way a listing can go wrong stops the build with a message that names the
// chapter, the file and the region.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import remarkBook from '../../src/plugins/remark-book.ts';
import rehypeMath from '../../src/plugins/rehype-math.ts';
import rehypeTables from '../../src/plugins/rehype-tables.ts';
import { buildIndex, scanChapter } from '../../src/plugins/book-index.ts';
import { scanRegions, tangle } from '../../src/plugins/tangle.ts';
import type { ChapterInfo, Part } from '../../src/toc.ts';

const root = resolve(import.meta.dirname, '../fixtures/platform/book');
const part: Part = { dir: 'part', title: 'Part', chapters: ['alpha', 'beta'] };
const chapters: ChapterInfo[] = ['alpha', 'beta'].map((slug, i) => ({
  slug, number: i + 1, part, file: `chapters/part/${slug}.mdx`,
}));

/** Shows a code block's meta string (the site hands it to Expressive
 *  Code) as an attribute, so that the compiled output contains it. */
function rehypeShowMeta() {
  const visit = (node: any) => {
    if (node.tagName === 'code' && node.data?.meta) {
      node.properties.dataMeta = node.data.meta;
    }
    node.children?.forEach(visit);
  };
  return visit;
}

/** Compiles MDX as chapter `slug` through the book's plugins. */
async function build(body: string, slug = 'alpha', component = false) {
  const out = await compile(
    {
      value: component ? `export const Note = () => null;\n\n${body}`
        : body,
      path: resolve(root, `chapters/part/${slug}.mdx`),
    },
    {
      remarkPlugins: [remarkMath, [remarkBook, { root, chapters }]],
      rehypePlugins: [rehypeMath, rehypeShowMeta],
    },
  );
  return String(out);
}

describe('tangle', () => {
  it('cuts a region without its marker lines and keeps file line numbers', () => {
    const l = tangle(root, 'code/alpha/lib.ts', 'square');
    expect(l.startLine).toBe(4);
    expect(l.code).toBe(
      'export function square(x: number): number {\n' +
        '  return x * x; // Eq. (alpha-square)\n}',
    );
    expect(l.code).not.toMatch(/#(end)?region/);
  });

  it('removes the indentation common to a region', () => {
    expect(tangle(root, 'code/alpha/lib.ts', 'cube').code)
      .toMatch(/^export function cube/);
  });

  it('shows a whole file only when it has no regions', () => {
    expect(tangle(root, 'code/alpha/plain.ts').code)
      .toBe('export const answer = 42;');
    expect(() => tangle(root, 'code/alpha/lib.ts'))
      .toThrow(/has regions \(square, cube\)/);
  });

  it('names the file and the region when the region is missing', () => {
    expect(() => tangle(root, 'code/alpha/lib.ts', 'sqaure')).toThrow(
      'region "sqaure" not found in code/alpha/lib.ts (regions: square, cube)',
    );
  });

  it('names the file when it does not exist', () => {
    expect(() => tangle(root, 'code/alpha/gone.ts', 'x'))
      .toThrow('listing file "code/alpha/gone.ts" does not exist');
  });

  it('names the region that has no end', () => {
    expect(() => tangle(root, 'code/alpha/open.ts', 'never-closed'))
      .toThrow('code/alpha/open.ts:1: region "never-closed" has no #endregion');
  });

  it('refuses nested and duplicate regions and stray ends', () => {
    expect(() => tangle(root, 'code/alpha/nested.ts', 'inner'))
      .toThrow(/opens inside region "outer"/);
    expect(() => scanRegions('// #region a\n// #endregion\n' +
      '// #region a\n// #endregion', 'f.ts')).toThrow(/defined twice/);
    expect(() => scanRegions('x\n// #endregion', 'f.ts'))
      .toThrow('f.ts:2: #endregion without a matching #region');
  });
});

describe('the remark plugin in an MDX build', () => {
  it('turns <Listing> into a titled code block with the file line numbers', async () => {
    const js = await build('<Listing file="code/alpha/lib.ts" region="square" />');
    expect(js).toContain('"data-meta": "title=\\"code/alpha/lib.ts\\"');
    expect(js).toContain('startLineNumber=4');
    expect(js).toContain('export function square');
  });

  it('renders equation labels cited in code as equation numbers', async () => {
    const js = await build('<Listing file="code/alpha/lib.ts" region="square" />');
    expect(js).toContain('// Eq. (1.1)');
    expect(js).not.toContain('alpha-square');
  });

  it('fails the build naming chapter, file and region for a missing region', async () => {
    await expect(build('<Listing file="code/alpha/lib.ts" region="nope" />'))
      .rejects.toThrow(
        /chapters\/part\/alpha\.mdx:1: <Listing> region "nope" of code\/alpha\/lib\.ts: region "nope" not found/,
      );
  });

  it('fails the build for a missing file', async () => {
    await expect(build('<Listing file="code/alpha/none.ts" region="a" />'))
      .rejects.toThrow(/alpha\.mdx:1: .*code\/alpha\/none\.ts.* does not exist/);
  });

  it('fails the build for a region with no end', async () => {
    await expect(
      build('\n\n<Listing file="code/alpha/open.ts" region="never-closed" />'),
    ).rejects.toThrow(/alpha\.mdx:3: .*"never-closed" has no #endregion/);
  });

  it('keeps punctuation on the line of a short inline formula', async () => {
    const long = 'a_1 + a_2 + a_3 + a_4 + a_5 + a_6 + a_7 + a_8';
    const js = await build(
      `It grows like $1/\\nu$. Then $a = b$, so $${long}$; end.`);
    // 1/ν and a = b are glued to their punctuation; the long sum keeps
    // its own break points
    expect(js.match(/class=\\"math-punct\\"/g)).toHaveLength(2);
    expect(js).toMatch(/math-punct[^]*?<\/span>\.<\/span>"[^]*?" Then "/);
    expect(js).toMatch(/math-punct[^]*?<\/span>,<\/span>"[^]*?" so "/);
  });

  it('numbers labelled equations per chapter and links references', async () => {
    const js = await build(
      '$$\ny = x^2\n\\label{alpha-square}\n$$\n\n' +
        'See <Ref to="eq:alpha-square" /> and <Ref to="eq:beta-one" />.',
    );
    expect(js).toContain('id: "eq-alpha-square"');
    expect(js).toContain('href: "#eq-alpha-square"');
    expect(js).toContain('href: "/beta/#eq-beta-one"');
    expect(js).toMatch(/"\(1\.1\)"/);
    expect(js).toMatch(/"\(2\.1\)"/);
  });

  it('writes "Eq. 1.1", not "(1.1)", inside the author\'s parentheses',
    async () => {
      const js = await build(
        '$$\ny = x^2\n\\label{alpha-square}\n$$\n\n' +
          'Squares (<Ref to="eq:alpha-square" />, above) and ' +
          '<Ref to="eq:alpha-square" /> alone.',
      );
      expect(js).toMatch(/"Eq\. 1\.1"/); // inside "( … , above)"
      expect(js).toMatch(/"\(1\.1\)"/); // on its own
    });

  it('takes a figure\'s alt text as a plain string of 10 or more ' +
    'characters, or as an expression checked when the page renders',
  async () => {
    const fig = (alt: string) =>
      `<Figure id="alpha-plot" ${alt} svg="<svg></svg>">Cap.</Figure>`;
    const plain = await build(fig('alt="A parabola through 0."'));
    expect(plain).toContain('number: "1.1"');
    const computed = await build(fig('alt={"A parabola, " + 2 + " arms."}'));
    expect(computed).toContain('number: "1.1"');
    await expect(build(fig('alt="short"')))
      .rejects.toThrow('<Figure id="alpha-plot"> needs alt text');
    await expect(build(fig('')))
      .rejects.toThrow('<Figure id="alpha-plot"> needs alt text');
  });

  it('fails the build for a reference to an unknown label', async () => {
    await expect(build('See <Ref to="eq:nowhere" />.'))
      .rejects.toThrow(/alpha\.mdx:1: <Ref to="eq:nowhere">: no such label/);
  });

  it('fails the build when KaTeX cannot render a formula', async () => {
    await expect(build('$$\n\\frac{1}{\n$$')).rejects.toThrow(/KaTeX/);
    await expect(build('Inline $\\notacommand{x}$ math.'))
      .rejects.toThrow(/KaTeX/);
  });

  it('renders math inside a component, as in a figure caption', async () => {
    const js = await build('<Note>\nThe line $y = 2x$ here.\n</Note>',
      'alpha', true);
    expect(js).toContain('annotation encoding=\\"application/x-tex\\">y = 2x');
  });

  it('keeps the hidden MathML copy of formulas out of search', async () => {
    const js = await build('Inline $x^2$.');
    expect(js).toContain(
      '<span class=\\"katex-mathml\\" data-pagefind-ignore=\\"\\">');
  });

  it('fails the build for a chapter missing from the table of contents', async () => {
    await expect(build('Hello', 'gamma')).rejects.toThrow(
      /chapters\/part\/gamma\.mdx is not in the table of contents/,
    );
  });
});

describe('the chapter anatomy', () => {
  it('links the chapters an opener needs, with their numbers and titles', async () => {
    const js = await build('<Opener needs="alpha">\nYou will fit.\n</Opener>',
      'beta');
    expect(js).toContain('href: "/alpha/"');
    expect(js).toContain('"Chapter 1, Alpha"');
    expect(js).toContain('"You will fit."');
  });

  it('refuses an opener that needs an unknown or a later chapter', async () => {
    await expect(build('<Opener needs="zeta">\nX\n</Opener>', 'beta'))
      .rejects.toThrow(/beta\.mdx:1: <Opener needs>: no chapter "zeta"/);
    await expect(build('<Opener needs="beta">\nX\n</Opener>', 'alpha'))
      .rejects.toThrow(/"beta" is not an earlier chapter/);
    await expect(build('<Opener>\nX\n</Opener>'))
      .rejects.toThrow(/<Opener> needs needs=/);
  });

  it('numbers exercises per chapter and folds their hints and solutions', async () => {
    const js = await build(
      '<Exercise title="First">\nDo A.\n<Hint>\nThink.\n</Hint>\n</Exercise>\n\n' +
        '<Exercise title="Second">\nDo B.\n<Solution>\nDone.\n</Solution>\n' +
        '</Exercise>', 'beta');
    expect(js).toContain('id: "exercise-2-1"');
    expect(js).toContain('"Exercise 2.1"');
    expect(js).toContain('id: "exercise-2-2"');
    expect(js).toMatch(/_components\.details, \{\s*className: "hint"/);
    expect(js).toMatch(/className: "solution",\s*"data-exercise": "2\.2"/);
    expect(js).toContain('_components.summary');
  });

  it('refuses a hint or solution outside an exercise, and an untitled exercise', async () => {
    await expect(build('<Hint>\nX\n</Hint>'))
      .rejects.toThrow(/<Hint> belongs directly inside an <Exercise>/);
    await expect(build('<Exercise>\nX\n</Exercise>'))
      .rejects.toThrow(/<Exercise> needs a title/);
  });

  it('folds what a first reading may skip', async () => {
    const js = await build('<Deeper title="The proof">\nLong.\n</Deeper>');
    expect(js).toMatch(/_components\.details, \{\s*className: "deeper"/);
    expect(js).toContain('"The proof"');
  });
});

describe('table cells on a phone (rehype-tables)', () => {
  const td = (...children: any[]): any =>
    ({ type: 'element', tagName: 'td', properties: {}, children });
  const text = (value: string) => ({ type: 'text', value });
  const math = (tex: string) => ({ type: 'element', tagName: 'code',
    properties: { className: ['language-math', 'math-inline'] },
    children: [text(tex)] });
  const expr = { type: 'mdxTextExpression', value: 'fixed(x, 4)' };

  it('keeps a short cell on one line and lets a sentence wrap', () => {
    const cells = [
      td(expr, text(' ± '), expr),
      td(math('d = q + 1')),
      td(text('a sentence long enough that it must wrap on a phone')),
      td(math('\\lVert \\mathbf{X}\\mathbf{w} - \\mathbf{y} \\rVert^2')),
    ];
    const tree: any = { type: 'root', children: [{ type: 'element',
      tagName: 'table', properties: {}, children: [{ type: 'element',
        tagName: 'tr', properties: {}, children: cells }] }] };
    rehypeTables()(tree);
    expect(cells.map((c) => c.properties.className ?? []))
      .toEqual([['book-nowrap'], ['book-nowrap'], [], ['book-nowrap']]);
  });
});

describe('the cross-reference index', () => {
  it('numbers only labelled display equations, in order, per chapter', () => {
    const index = buildIndex(root, chapters);
    expect(index.get('eq:alpha-square')?.text).toBe('(1.1)');
    expect(index.get('eq:alpha-fourth')?.text).toBe('(1.2)');
    expect(index.get('eq:beta-one')?.text).toBe('(2.1)');
    expect(index.get('ch:beta')?.text).toBe('Chapter 2');
  });

  it('refuses two labels in one equation and labels outside the naming rule', () => {
    expect(() => scanChapter('$$\na \\label{p} \\label{q}\n$$', 'c.mdx'))
      .toThrow(/several labels \(p, q\)/);
    expect(() => scanChapter('$$\na \\label{Bad_Name}\n$$', 'c.mdx'))
      .toThrow(/label "Bad_Name"/);
  });

  it('ignores labels inside fenced code in the prose', () => {
    const text = '```mdx\n$$\na \\label{shown}\n$$\n```\n$$\nb \\label{real}\n$$';
    expect(scanChapter(text, 'c.mdx').equations).toEqual(['real']);
  });
});
