// Figures on a phone: the width below which a figure's smallest text
// would drop under 11 px (src/lib/figure-size.ts), and the plain-text
// reading of formulas that the search index gets (src/lib/tex-text.ts).
import { describe, expect, it } from 'vitest';
import { figureMinWidth } from '../../src/lib/figure-size.ts';
import { renderPlot, Plot, stableIds } from '../../src/lib/plot.ts';
import { cell, MAX_ROWS, plotData } from '../../src/lib/plot-data.ts';
import { texToText } from '../../src/lib/tex-text.ts';

describe('figureMinWidth', () => {
  it('keeps 12 px text at 11 px: 640 × 11/12, rounded up', () => {
    const svg = renderPlot({ marks: [Plot.dot([{ x: 1, y: 2 }], { x: 'x', y: 'y' })] });
    expect(figureMinWidth(svg)).toBe(Math.ceil(640 * 11 / 12));
  });

  it('goes by the smallest text in the chart', () => {
    const svg = renderPlot({
      marks: [Plot.text([{ x: 1, y: 2 }], {
        x: 'x', y: 'y', text: () => 'a', fontSize: 10,
      })],
    });
    expect(figureMinWidth(svg)).toBe(704);
  });

  it('measures the chart, not the swatches of its legend', () => {
    const svg = renderPlot({
      color: { legend: true, domain: ['a', 'b'] },
      marks: [Plot.dot([{ x: 1, y: 2, c: 'a' }], { x: 'x', y: 'y', stroke: 'c' })],
    });
    expect(svg.startsWith('<figure')).toBe(true);
    expect(figureMinWidth(svg)).toBe(Math.ceil(640 * 11 / 12));
  });

  it('reads each of several stacked charts by its own style', () => {
    const one = renderPlot({
      style: { fontSize: '16px' }, width: 520,
      marks: [Plot.dot([{ x: 1, y: 2 }], { x: 'x', y: 'y' })],
    });
    expect(figureMinWidth(one + one)).toBe(Math.ceil(520 * 11 / 16));
  });

  it('asks nothing of a figure without text', () => {
    expect(figureMinWidth('<svg viewBox="0 0 100 50"><rect/></svg>'))
      .toBeNull();
  });
});

describe('renderPlot', () => {
  it('leaves no aria-label on a group without a role (ARIA forbids it)', () => {
    const svg = renderPlot({
      marks: [Plot.line([{ x: 1, y: 2 }, { x: 2, y: 3 }], { x: 'x', y: 'y' }),
        Plot.ruleY([0]), Plot.frame()],
    });
    expect(svg).toContain('<g');
    expect(svg).toContain('<rect');
    expect(svg).not.toMatch(/<(?!svg)[a-z]+\b[^>]*aria-label/);
  });

  // A clipped chart: Plot gives its clip path an id from a counter
  // global to the process.
  const clipped = () => renderPlot({
    x: { domain: [0, 1] },
    marks: [Plot.line([{ x: 0, y: 0 }, { x: 2, y: 1 }],
      { x: 'x', y: 'y', clip: true })],
  });

  it('names clip paths by the chart, not by how many came before', () => {
    const a = clipped();
    renderPlot({ marks: [Plot.dot([{ x: 1, y: 1 }],
      { x: 'x', y: 'y', clip: true })] });
    const b = clipped();
    expect(a).toMatch(/id="plot-clip-[0-9a-f]{10}-1"/);
    expect(a).not.toMatch(/plot-clip-\d+"/);
    expect(b).toBe(a);
    // every reference follows its definition
    const id = a.match(/id="(plot-clip-[^"]+)"/)![1];
    expect(a).toContain(`url(#${id})`);
  });

  it('gives different charts different ids, and numbers them in order', () => {
    const one = stableIds('<svg><clipPath id="plot-clip-4"/>' +
      '<g clip-path="url(#plot-clip-4)"/><clipPath id="plot-clip-9"/></svg>');
    const two = stableIds('<svg><clipPath id="plot-clip-4"/><rect/></svg>');
    const ids = [...one.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/-1$/);
    expect(ids[1]).toMatch(/-2$/);
    expect(ids[0].slice(0, -2)).toBe(ids[1].slice(0, -2));
    expect(one).toContain(`url(#${ids[0]})`);
    expect(two).not.toContain(ids[0]);
    // the counter's value does not matter
    expect(stableIds('<svg><clipPath id="plot-clip-1"/><rect/></svg>'))
      .toBe(two);
  });
});

describe('plotData: the numbers behind a figure', () => {
  const points = Array.from({ length: 60 }, (_, i) => ({
    n: i + 1, err: 1 / (i + 1), model: i % 2 ? 'tree' : 'forest',
  }));
  const options = {
    x: { label: 'n →' }, y: { label: '↑ test error' },
    marks: [
      Plot.line(points, { x: 'n', y: 'err', stroke: 'model' }),
      Plot.text([{ x: 3, y: 0.5 }], { x: 'x', y: 'y', text: () => 'a' }),
      Plot.frame(), Plot.axisX(),
    ],
  };

  it('one table per data mark; labels, axes and frames are not data', () => {
    const t = plotData(options);
    expect(t.map((x) => x.title))
      .toEqual(['line: 2 series, 22 of 60 items, evenly spaced in each']);
  });

  it('columns are named as the axes are, arrows dropped, one series', () => {
    expect(plotData(options)[0].columns)
      .toEqual(['n', 'test error', 'series']);
  });

  it('thins each series evenly, its first and last point kept', () => {
    const { rows } = plotData(options)[0];
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(rows.slice(0, 2)).toEqual([['1', '1', 'forest'],
      ['7', '0.1429', 'forest']]);
    expect(rows.slice(10, 12)).toEqual([['59', '0.01695', 'forest'],
      ['2', '0.5', 'tree']]);
    expect(rows.at(-1)).toEqual(['60', '0.01667', 'tree']);
  });

  it('shows a short mark whole, and skips points Plot does not draw', () => {
    const t = plotData({
      marks: [Plot.dot([{ x: 1, y: 2 }, { x: 2, y: NaN }, { x: 3, y: 4 }],
        { x: 'x', y: 'y' })],
    });
    expect(t).toEqual([{
      title: 'dot: 2 items', columns: ['x', 'y'],
      rows: [['1', '2'], ['3', '4']],
    }]);
  });

  it('writes numbers to four significant digits, tiny ones in e-notation', () => {
    expect([cell(0.123456), cell(12345.678), cell(2e-7), cell(-3),
      cell(Infinity), cell('a')])
      .toEqual(['0.1235', '12350', '2.000e-7', '-3', 'Infinity', 'a']);
  });

  it('renderPlot leaves the tables in an attribute Figure.astro reads', () => {
    const svg = renderPlot(options);
    const m = / data-book-data="([^"]*)"/.exec(svg);
    expect(m).not.toBeNull();
    expect(JSON.parse(decodeURIComponent(m![1]))).toEqual(plotData(options));
  });
});

describe('texToText', () => {
  it('reads powers, Greek letters, bold symbols and fractions as text', () => {
    expect(texToText('O(nd^2+d^3)')).toBe('O(nd²+d³)');
    expect(texToText('(\\mathbf{X}^\\top\\mathbf{X} + \\lambda\\mathbf{I})^{-1}'))
      .toBe('(XᵀX + λI)⁻¹');
    expect(texToText('\\sigma(z) = \\frac{1}{1+e^{-z}}'))
      .toBe('σ(z) = 1/(1+e^(-z))');
    expect(texToText('x_{ij} + \\hat{y}')).toBe('xᵢⱼ + ŷ');
  });

  it('reads control spaces, line breaks and a lone backslash', () => {
    expect(texToText('a \\\n b \\\\ c\\ d')).toBe('a b c d');
    expect(texToText('x\\')).toBe('x\\');
  });
});

describe('dashed lines', () => {
  const line = (dash: string) => renderPlot({
    marks: [Plot.line([{ x: 0, y: 0 }, { x: 1, y: 1 }], {
      x: 'x', y: 'y', strokeDasharray: dash, strokeWidth: 2,
    })],
  });

  it('end their dashes flat, so a gap no wider than the stroke shows', () => {
    const svg = line('2,2');
    expect(svg).toMatch(/stroke-dasharray="2,2"[^>]*stroke-linecap="butt"|stroke-linecap="butt"[^>]*stroke-dasharray="2,2"/);
    expect(svg).not.toMatch(/stroke-linecap="round"/);
  });

  it('refuse a pattern without a gap', () => {
    expect(() => line('4,0')).toThrow(/renderPlot: stroke-dasharray "4,0" has no gap/);
    expect(line('')).not.toMatch(/stroke-dasharray="[^"]/);
  });
});
