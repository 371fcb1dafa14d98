// The platform's own tests: the table of contents, the structural check
// behind `npm run check`, the test counts the pages show, and the number
// formatting used by computed values in the prose, and the tests' own
// fixture loader (tests/helpers.ts).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHAPTERS, PARTS, builtChapters, chapter,
} from '../../src/toc.ts';
import { countTests } from '../../src/lib/tests-info.ts';
import {
  fixed, int, percent, powerOfTen, sci,
} from '../../src/lib/format.ts';
import { checkBook, escapeDamage } from '../../scripts/check-book.ts';
import { fileFor } from '../../scripts/serve.ts';
import {
  dedupeStylesheets, slimPrintPage,
} from '../../src/plugins/print-dedupe.ts';
import { renderMath } from '../../src/plugins/rehype-math.ts';
import { fixture } from '../helpers.ts';

const root = resolve(import.meta.dirname, '../..');

describe('table of contents', () => {
  it('numbers chapters 1, 2, 3, … in reading order, with unique slugs', () => {
    expect(CHAPTERS.map((c) => c.number))
      .toEqual(CHAPTERS.map((_, i) => i + 1));
    expect(new Set(CHAPTERS.map((c) => c.slug)).size).toBe(CHAPTERS.length);
    expect(chapter('introduction').number).toBe(1);
  });

  it('keeps every part of the syllabus, in order', () => {
    expect(PARTS.map((p) => p.dir)).toEqual([
      'foundations', 'linear-models', 'instance-based',
      'trees-and-ensembles', 'kernel-methods', 'unsupervised',
      'neural-networks', 'papers', 'appendices',
    ]);
  });

  it('rejects an unknown slug with the known ones listed', () => {
    expect(() => chapter('nope')).toThrow(/no chapter "nope".*introduction/);
  });

  it('BOOK_ONLY builds the chapters named, in reading order, or all', () => {
    expect(builtChapters(undefined)).toBe(CHAPTERS);
    expect(builtChapters(' ')).toBe(CHAPTERS);
    expect(builtChapters('k-means, introduction').map((c) => c.slug))
      .toEqual(['introduction', 'k-means']);
    expect(builtChapters('k-means')[0].number)
      .toBe(chapter('k-means').number);
    expect(() => builtChapters('k-means,nope'))
      .toThrow(/no chapter "nope".*introduction/);
  });
});

describe('the book check (npm run check)', () => {
  it('finds every chapter, code folder, test file and region accounted for', () => {
    expect(checkBook(root)).toEqual([]);
  });

  it('finds TeX whose backslashes a string escape ate (\\t, \\n, \\r)', () => {
    const damaged = [
      'fine $O(\\text{nonzeros})$ and $\\nabla L$',
      '$O(\text{nonzeros})$', // a TAB and "ext"
      '$\\lVert\\mathbf{g}_B - ',
      'abla L', // "\\nabla" after "\\n" became a line break
      'Vert^2$', // "\\rVert" after "\\r" did
      'a carriage\rreturn',
    ].join('\n');
    expect(escapeDamage(damaged)).toEqual([2, 4, 5, 6]);
  });
});

describe('test counts shown on chapter pages', () => {
  it('counts it( and test( calls, not ones in comments or strings', () => {
    const src = [
      "it('a', () => {});",
      "test('b', async () => {});",
      "describe('c', () => { it.concurrent('d', () => {}); });",
      "// it('commented', () => {})",
      "/* test('block', () => {}) */",
      "const s = \"it('in a string')\";",
      "split('x'); submit(1); expect(it2);",
    ].join('\n');
    expect(countTests(src)).toBe(3);
  });
});

describe('number formatting', () => {
  it('prints computed numbers and refuses non-finite ones', () => {
    expect(fixed(-1.23456, 2)).toBe('\u22121.23');
    expect(int(1234567)).toBe('1\u202f234\u202f567');
    expect(percent(0.4523)).toBe('45.2%');
    expect(sci(0.000123, 3)).toBe('1.23\u00d710\u207b\u2074');
    expect(sci(-2.5e15, 2)).toBe('\u22122.5\u00d710\u00b9\u2075');
    expect(powerOfTen(1e-8)).toBe('10\u207b\u2078');
    expect(powerOfTen(1000)).toBe('10\u00b3');
    expect(() => fixed(NaN)).toThrow('fixed: expected a finite number, got NaN');
    expect(() => int(1.5)).toThrow(/int: expected an integer/);
  });
});

describe('static server', () => {
  it('serves files under the base path and nothing outside dist', () => {
    const dist = resolve(root, 'tests/fixtures/platform/book');
    expect(fileFor(dist, '/book/', '/book/code/alpha/plain.ts'))
      .toBe(resolve(dist, 'code/alpha/plain.ts'));
    expect(fileFor(dist, '/book/', '/code/alpha/plain.ts')).toBeNull();
    expect(fileFor(dist, '/book/', '/book/../../../package.json')).toBeNull();
  });
});

describe('print page', () => {
  it('keeps one link per stylesheet', () => {
    const a = '<link rel="stylesheet" href="/a.css">';
    const b = '<link rel="stylesheet" href="/b.css">';
    expect(dedupeStylesheets(`${a}<p>x</p>${b}${a}<p>y</p>${a}`))
      .toBe(`${a}<p>x</p>${b}<p>y</p>`);
    const s = '<style>.p{fill:none}</style>';
    expect(dedupeStylesheets(`${s}<svg></svg>${s}<style>x</style>`))
      .toBe(`${s}<svg></svg><style>x</style>`);
  });

  it('leaves out MathML, search text and module scripts, not the formula', () => {
    const html = renderMath('x^2', false);
    expect(html).toContain('katex-mathml');
    expect(html).toContain('katex-search');
    const slim = slimPrintPage('<script type="module" src="/_astro/ec.js">' +
      `</script><p>${html}</p><script>inline()</script>`);
    expect(slim).not.toMatch(/katex-mathml|<math|katex-search|ec\.js/);
    expect(slim).toContain('<span class="katex-html" aria-hidden="true"');
    expect(slim).toContain('<script>inline()</script>');
    expect(slim.replace(/<[^>]*>/g, '')).toBe('x2inline()');
  });
});

describe('fixture', () => {
  it('reads tests/fixtures/<slug>/<name>, typed by the caller', () => {
    type Sk = { versions: { sklearn: string }; data: { n: number } };
    const sk = fixture<Sk>('linear-regression', 'sklearn.json');
    expect(sk.versions.sklearn).toBe('1.2.1');
    expect(sk.data.n).toBe(442);
  });

  it('names a missing file and the script that makes it', () => {
    const missing = () => fixture('linear-regression', 'nope.json');
    expect(missing).toThrow(
      /^fixture: no .*tests\/fixtures\/linear-regression\/nope\.json;/,
    );
    expect(missing)
      .toThrow('/usr/bin/python3 scripts/reference/linear_regression.py');
  });
});
