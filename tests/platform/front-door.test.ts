// The home page's figure from each part (src/lib/front-door-figures.ts,
// PartFigures.astro): one per part, each a figure of a chapter of that
// part, drawn from the value that chapter's <Figure> draws, linked to
// it there, with ids the home page holds once. The pictures themselves
// are checked on the built page by test:site (axe, 390 px).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTS, chapter } from '../../src/toc.ts';
import { buildIndex } from '../../src/plugins/book-index.ts';
import {
  PART_FIGURES, chapterLink, figureSource, frontAnchor, partFigures,
  valueAt, wholeRows,
} from '../../src/lib/front-door-figures.ts';

const root = resolve(import.meta.dirname, '../..');
const figures = partFigures(PART_FIGURES, root);

describe('the front door: one figure from each part', () => {
  it('has one figure for each part with chapters, in the book\'s order',
    () => {
      const parts = PARTS.filter((p) => p.chapters.length > 0);
      expect(parts).toHaveLength(8);
      expect(figures.map((f) => f.part)).toEqual(parts.map((p) => p.dir));
      expect(figures.map((f) => f.title)).toEqual(parts.map((p) => p.title));
    });

  it('takes each from a chapter of that part, where the figure is', () => {
    const index = buildIndex(root);
    for (const f of figures) {
      expect(PARTS.find((p) => p.dir === f.part)!.chapters)
        .toContain(f.slug);
      const target = index.get(`fig:${f.id}`);
      expect(target?.slug, f.id).toBe(f.slug);
      expect(target?.number).toMatch(
        new RegExp(`^${chapter(f.slug).number}\\.\\d+$`));
    }
  });

  it('draws the value the chapter\'s <Figure> draws, with its alt', () => {
    for (const f of figures) {
      // the chapter's computation defines that value (read, not run:
      // running it is the build's work)
      const compute = readFileSync(
        join(root, 'src/compute', `${f.slug}.ts`), 'utf8');
      expect(compute, `${f.slug}: ${f.svg[0]}`)
        .toMatch(new RegExp(`\\b${f.svg[0]}\\b`));
      if (f.alt !== undefined) expect(f.alt.length).toBeGreaterThan(40);
      else expect(compute).toMatch(new RegExp(`\\b${f.altKey![0]}\\b`));
    }
    expect(figures.find((f) => f.id === 'dt-diagram')?.svg)
      .toEqual(['diagram']);
    expect(figures.find((f) => f.id === 'dm-guided')?.altKey)
      .toEqual(['guidedAlt']);
  });

  it('links each to its figure in its chapter, under any base', () => {
    for (const f of figures) {
      expect(chapterLink('/', f.slug, f.id)).toBe(`/${f.slug}/#fig-${f.id}`);
    }
    expect(chapterLink('/ml-book', 'pca', 'pca-eigen-images'))
      .toBe('/ml-book/pca/#fig-pca-eigen-images');
  });

  it('gives the home page unique ids that no chapter uses', () => {
    const ids = figures.flatMap((f) =>
      [frontAnchor(f.id), `front-part-${f.part}`]);
    expect(new Set(ids).size).toBe(16);
    const anchors = new Set([...buildIndex(root).values()]
      .map((t) => t.anchor));
    for (const id of ids) expect(anchors.has(id)).toBe(false);
  });

  it('gives each a one-line caption', () => {
    for (const f of figures) {
      expect(f.caption).toMatch(/^[A-Z].{30,110}\.$/);
    }
  });

  it('is on the home page', () => {
    const home = readFileSync(join(root, 'chapters/index.mdx'), 'utf8');
    expect(home).toMatch(/^<PartFigures \/>$/m);
  });

  it('refuses a part with no figure, or a figure from another part', () => {
    expect(() => partFigures(PART_FIGURES.slice(1), root))
      .toThrow(/partFigures: part "foundations" has 0 figures/);
    const moved = PART_FIGURES.map((f) => f.part === 'papers'
      ? { ...f, slug: 'pca', id: 'pca-scree' } : f);
    expect(() => partFigures(moved, root))
      .toThrow(/partFigures: "pca" is not a chapter of part "papers"/);
  });
});

describe('figureSource', () => {
  const mdx = [
    "import r from '../../src/compute/x.ts';",
    '<Figure id="a" alt="Some long alt',
    'text over lines." svg={r.figs.a}>',
    'Caption.',
    '</Figure>',
    '<Figure id="b" alt={r.bAlt} svg={r.b}>',
    '</Figure>',
    '<Figure id="c" alt="Alt text here." svg={other.c}>',
  ].join('\n');

  it('reads the svg value and a plain or computed alt', () => {
    expect(figureSource(mdx, 'a', 'x.mdx')).toEqual({
      svg: ['figs', 'a'], alt: 'Some long alt text over lines.',
    });
    expect(figureSource(mdx, 'b', 'x.mdx'))
      .toEqual({ svg: ['b'], altKey: ['bAlt'] });
  });

  it('names the file and the problem', () => {
    expect(() => figureSource(mdx, 'z', 'x.mdx'))
      .toThrow('figureSource: x.mdx has no <Figure id="z">');
    expect(() => figureSource(mdx, 'c', 'x.mdx'))
      .toThrow(/figureSource: <Figure id="c"> in x.mdx: svg=\{other.c\}/);
    expect(() => figureSource('<Figure id="a" svg={r.a}>', 'a', 'y.mdx'))
      .toThrow('figureSource: y.mdx imports no src/compute module');
  });
});

describe('valueAt', () => {
  it('finds a nested string and refuses anything else', () => {
    expect(valueAt({ a: { b: '<svg>' } }, ['a', 'b'], 'm')).toBe('<svg>');
    expect(() => valueAt({ a: 1 }, ['a'], 'm'))
      .toThrow('valueAt: m.a is not a string');
    expect(() => valueAt(null, ['a', 'b'], 'm'))
      .toThrow('valueAt: m.a.b is not a string');
  });
});

describe('wholeRows', () => {
  it('gives a row to a wide figure and to one left alone', () => {
    // the home page's: a wide one, six in pairs, one left at the end
    expect(wholeRows([true, false, false, false, false, false, false,
      false])).toEqual([true, false, false, false, false, false, false,
      true]);
    // alone before a wide one
    expect(wholeRows([false, true, false, false]))
      .toEqual([true, true, false, false]);
    expect(wholeRows([false, false, false, true]))
      .toEqual([false, false, true, true]);
    expect(wholeRows([])).toEqual([]);
  });
});
