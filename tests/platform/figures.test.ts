// Figures on a phone: the width below which a figure's smallest text
// would drop under 11 px (src/lib/figure-size.ts), and the plain-text
// reading of formulas that the search index gets (src/lib/tex-text.ts).
import { describe, expect, it } from 'vitest';
import { figureMinWidth } from '../../src/lib/figure-size.ts';
import { renderPlot, Plot } from '../../src/lib/plot.ts';
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
        Plot.ruleY([0])],
    });
    expect(svg).toContain('<g');
    expect(svg).not.toMatch(/<g\b[^>]*aria-label/);
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
