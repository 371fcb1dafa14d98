// The appendices (lettered in src/toc.ts) and the home page's reading
// paths and numbers: Appendix A's notation against BOOK-STYLE's list,
// Appendix B's datasets against data/ and the code that reads it, and
// every route of the front door through chapters that exist.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPENDICES, CHAPTERS, chapter } from '../../src/toc.ts';
import {
  NOTATION, duplicateSymbols, normalTex, textWithMath,
} from '../../src/lib/notation.ts';
import { renderMath } from '../../src/plugins/rehype-math.ts';
import {
  dataFolders, datasets, formatBytes, parseDataReadme, withoutComments,
} from '../../src/lib/datasets.ts';
import { filesUnder } from '../../src/lib/files.ts';
import {
  READING_PATHS, bookStats, openerNeeds, skippedNeeds,
} from '../../src/lib/front-door.ts';
import { sidebar } from '../../src/sidebar.ts';

const root = resolve(import.meta.dirname, '../..');

describe('appendices', () => {
  it('are lettered A, B, … in order, with unique slugs and addresses', () => {
    expect(APPENDICES.map((a) => a.letter))
      .toEqual(APPENDICES.map((_, i) => String.fromCharCode(65 + i)));
    expect(APPENDICES.map((a) => a.slug).slice(0, 2))
      .toEqual(['notation', 'datasets']);
    expect(new Set(APPENDICES.map((a) => a.slug)).size)
      .toBe(APPENDICES.length);
    expect(APPENDICES[1].path).toBe('appendix/datasets/');
  });

  it('follow the last part in the sidebar, lettered, not numbered', () => {
    const groups = sidebar() as { label: string; items?: unknown[] }[];
    const last = groups[groups.length - 1];
    expect(last.label).toBe('Appendices');
    expect(last.items).toEqual(APPENDICES.map((a) => ({
      link: `/appendix/${a.slug}/`, label: `${a.letter}. ${a.title}`,
    })));
    expect(groups[groups.length - 2].label).toMatch(/^Part VIII/);
  });
});

// BOOK-STYLE's "Notation (the same in every chapter)" and the
// "one symbol, one meaning" paragraph after it, symbol by symbol (the
// style guide lives outside the repository; copied 7 December 2026).
const BOOK_STYLE_SYMBOLS = [
  'n', 'd', '\\mathbf{X} \\in \\mathbb{R}^{n \\times d}',
  '\\mathbf{y} \\in \\mathbb{R}^{n}', '\\mathbf{x}_i \\in \\mathbb{R}^{d}',
  'y_i', '\\boldsymbol{\\theta}', '\\mathbf{w}', 'b',
  'L(\\boldsymbol{\\theta})', '\\ell(\\hat y, y)', '\\eta', '\\lambda',
  '\\sigma(z)', '\\operatorname{softmax}(\\mathbf{z})', '\\mathbb{E}', 'P',
  'p', '\\mathbf{A}^\\top', '\\mathbf{I}', '\\sigma', 's_j',
  '\\lambda_{\\max}(\\mathbf{H})',
];

describe('Appendix A: notation', () => {
  it('has a row for every symbol BOOK-STYLE reserves', () => {
    const listed = new Set(NOTATION.flatMap((e) => e.symbols).map(normalTex));
    const missing = BOOK_STYLE_SYMBOLS.filter((s) => !listed.has(normalTex(s)));
    expect(missing).toEqual([]);
  });

  it('states the three type styles: scalars, vectors, matrices', () => {
    const meanings = NOTATION.map((e) => e.meaning).join('\n');
    expect(meanings).toMatch(/scalar: italic lowercase/);
    expect(meanings).toMatch(/vector, always a column: bold lowercase/);
    expect(meanings).toMatch(/matrix: bold uppercase/);
  });

  it('lists no symbol twice (one symbol, one meaning)', () => {
    expect(duplicateSymbols(NOTATION)).toEqual([]);
    // and the check can fail: λ as a penalty and as an eigenvalue
    expect(duplicateSymbols([
      { symbols: ['\\lambda'], meaning: 'a penalty' },
      { symbols: ['\\lambda '], meaning: 'an eigenvalue' },
    ])).toEqual([{
      symbol: '\\lambda', meanings: ['a penalty', 'an eigenvalue'],
    }]);
  });

  it('renders every symbol and meaning with the book\'s KaTeX settings', () => {
    for (const e of NOTATION) {
      for (const s of e.symbols) {
        expect(renderMath(s, false)).toContain('class="katex"');
      }
      expect(() => textWithMath(e.meaning)).not.toThrow();
    }
  });

  it('turns $…$ into KaTeX and `…` into code, escaping the rest', () => {
    const html = textWithMath('row $i$ of `X` & <b>');
    expect(html).toMatch(/^row <span class="katex">/);
    expect(html).toContain('<code>X</code> &amp; &lt;b&gt;');
    expect(() => textWithMath('an open $x')).toThrow(
      /textWithMath: an unmatched \$ in "an open \$x"/);
    expect(() => textWithMath('$\\nocommand$')).toThrow(/nocommand/);
  });
});

describe('Appendix B: datasets', () => {
  const all = datasets(root);

  it('lists every folder of data/, each with its title, files, source and licence', () => {
    const folders = readdirSync(join(root, 'data'), { withFileTypes: true })
      .filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders.length).toBeGreaterThanOrEqual(11);
    expect(dataFolders(root)).toEqual(folders);
    expect(all.map((d) => d.name)).toEqual(folders);
    for (const d of all) {
      expect(d.title.length, d.name).toBeGreaterThan(5);
      expect(d.files.length, d.name).toBeGreaterThan(0);
      expect(d.source.length, d.name).toBeGreaterThan(20);
      expect(d.licence.length, d.name).toBeGreaterThan(10);
      expect(d.bytes, d.name)
        .toBe(d.files.reduce((s, f) => s + f.bytes, 0));
    }
  });

  it('reads the fields of both README layouts (sections and paragraphs)', () => {
    const iris = all.find((d) => d.name === 'iris')!;
    expect(iris.title).toBe('Iris data (Fisher 1936)');
    expect(iris.files).toEqual([{
      file: 'iris.csv',
      about: '150 × 5 (plus a header line)',
      sha256: 'cdf459dcf51753a4f3f56e59a9c81d8c2aaf68889c0ce19ab347e46ff542e6f4',
      bytes: 2758,
    }]);
    expect(iris.licence).toMatch(/^Fisher's 1936 data are in the public/);
    const fashion = all.find((d) => d.name === 'fashion-mnist')!;
    expect(fashion.files.map((f) => f.file)).toEqual([
      't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz',
      'train12k-images-idx3-ubyte.gz', 'train12k-labels-idx1-ubyte.gz',
    ]);
    expect(fashion.source).toMatch(/^Debian package `dataset-fashion-mnist`/);
    // the licence paragraph with the quotation it introduces
    expect(fashion.licence).toMatch(/^MIT \(Expat\)\./);
    expect(fashion.licence).toMatch(/> WARRANTY OF ANY KIND, EXPRESS OR IMPLIED\.$/);
    const words = all.find((d) => d.name === 'words')!;
    expect(words.files.find((f) => f.file === 'german.txt')!.about)
      .toBe('German (1996 spelling), 1000 words');
  });

  it('fails loudly, naming the README and the field, when one is missing', () => {
    const readme = readFileSync(join(root, 'data/iris/README.md'), 'utf8');
    const where = 'data/iris/README.md';
    expect(() => parseDataReadme(where, readme.replace(/^# .*\n/, '')))
      .toThrow(/parseDataReadme: data\/iris\/README.md does not start with a "# title"/);
    expect(() => parseDataReadme(where, readme.replace('| SHA-256 |', '| hash |')))
      .toThrow(/data\/iris\/README.md has no table of files with a SHA-256/);
    expect(() => parseDataReadme(where, readme.replace('## Source', '## Origin')))
      .toThrow(/data\/iris\/README.md says nothing of the source/);
    expect(() => parseDataReadme(where, readme.replace('## Licence', '## Terms')))
      .toThrow(/data\/iris\/README.md says nothing of the licence/);
    expect(() => parseDataReadme(where, readme.replace(/`cdf459d/, '`zzz')))
      .toThrow(/the row .*iris.csv.* needs a file name in backticks and a 64-digit SHA-256/);
  });

  it('records each file\'s size from disk and its README checksum, checked', () => {
    for (const d of all) {
      for (const f of d.files) {
        expect(f.sha256, `${d.name}/${f.file}`).toMatch(/^[0-9a-f]{64}$/);
        expect(f.bytes, `${d.name}/${f.file}`).toBeGreaterThan(0);
      }
    }
    expect(all.find((d) => d.name === 'fashion-mnist')!.bytes)
      .toBeGreaterThan(9e6);
  });

  it('lists every chapter whose code or computation names a data path', () => {
    const named = new Map<string, Set<string>>();
    for (const ch of CHAPTERS) {
      const files = [
        ...filesUnder(join(root, 'code', ch.slug), (f) => f.endsWith('.ts')),
        join(root, 'src/compute', `${ch.slug}.ts`),
      ];
      for (const f of files) {
        let text: string;
        try {
          text = withoutComments(readFileSync(f, 'utf8'));
        } catch {
          continue; // a chapter with no computation module
        }
        for (const m of text.matchAll(/['"`]data\/([\w-]+)[/'"`]/g)) {
          named.set(m[1], (named.get(m[1]) ?? new Set()).add(ch.slug));
        }
      }
    }
    expect([...named.keys()].sort()).toEqual(dataFolders(root));
    for (const d of all) {
      for (const slug of named.get(d.name) ?? []) {
        expect(d.chapters, `${d.name}: ${slug} names data/${d.name}/ ` +
          `(${relative(root, join(root, 'code', slug))})`).toContain(slug);
      }
      // and in reading order
      expect(d.chapters.map((s) => chapter(s).number))
        .toEqual(d.chapters.map((s) => chapter(s).number).sort((a, b) => a - b));
    }
    // through an earlier chapter's loader too: probability reads iris
    // with calculus's loader
    expect(all.find((d) => d.name === 'iris')!.chapters)
      .toEqual(expect.arrayContaining(['calculus', 'probability']));
  });

  it('does not count a path named only in a comment', () => {
    expect(withoutComments("// e.g. 'data/iris/iris.csv'\nconst a = 1;"))
      .not.toContain('data/iris');
    expect(withoutComments("/* 'data/x/y.csv' */ f('data/z/w.csv')"))
      .toContain("'data/z/w.csv'");
    expect(withoutComments("const u = 'https://example.org/'; // note"))
      .toBe("const u = 'https://example.org/'; ");
  });

  it('prints sizes in SI units, three significant digits', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1000)).toBe('1 kB');
    expect(formatBytes(2758)).toBe('2.76 kB');
    expect(formatBytes(119913)).toBe('120 kB');
    expect(formatBytes(999499)).toBe('999 kB');
    expect(formatBytes(999500)).toBe('1 MB');
    expect(formatBytes(4422079)).toBe('4.42 MB');
    expect(() => formatBytes(-1)).toThrow(/formatBytes: bytes must be/);
    expect(() => formatBytes(1.5)).toThrow(/formatBytes: bytes must be/);
  });
});

describe('the front door: reading paths and the book\'s numbers', () => {
  it('has the four routes the brief asks for', () => {
    expect(READING_PATHS.map((p) => p.id)).toEqual([
      'beginner', 'practitioner', 'mathematician', 'deep-learning-first',
    ]);
  });

  it('routes only through chapters that exist, each once, in book order', () => {
    for (const p of READING_PATHS) {
      const numbers = p.chapters.map((s) => chapter(s).number);
      expect(numbers, p.id).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(p.chapters).size, p.id).toBe(p.chapters.length);
      expect(p.chapters.length, p.id).toBeGreaterThanOrEqual(10);
    }
  });

  it('names the chapters a route skips that its openers ask for', () => {
    const needs: Record<string, string[]> = {
      'linear-regression': ['linear-algebra', 'calculus'],
      'logistic-regression': ['calculus', 'linear-regression', 'statistics'],
    };
    expect(skippedNeeds(['linear-regression', 'logistic-regression'],
      (s) => needs[s])).toEqual(['linear-algebra', 'calculus', 'statistics']);
    expect(openerNeeds('gradient-descent', root))
      .toEqual(['linear-regression', 'optimization']);
    expect(openerNeeds('introduction', root)).toEqual([]);
  });

  it('counts the tests of every chapter and the chapters with a current mutation report', () => {
    const s = bookStats(root);
    expect(s.chapters).toBe(CHAPTERS.length);
    expect(s.tests).toBeGreaterThan(20 * CHAPTERS.length);
    expect(s.codeFiles).toBeGreaterThan(CHAPTERS.length);
    expect(s.mutationChapters).toBeLessThanOrEqual(CHAPTERS.length);
    expect(s.mutationCaught).toBeGreaterThanOrEqual(0);
    expect(s.mutationCaught).toBeLessThanOrEqual(1);
    expect(s.mutationPercent).toBe(Math.floor(100 * s.mutationCaught));
  });
});
