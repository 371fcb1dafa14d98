// The PDF edition's own machinery: the blank-page plan that makes parts
// and chapters open on right-hand pages, and the small PDF reader that
// finds where they start (scripts/pdf-inspect.ts). The PDF itself is
// checked by `npm run test:pdf`.
import { describe, expect, it } from 'vitest';
import { rightHandOpeners } from '../../scripts/pdf.ts';
import {
  pdfDests, pdfLinks, pdfOutline, pdfPageCount, pdfString,
} from '../../scripts/pdf-inspect.ts';

/** A small PDF laid out the way Skia writes one. */
function fakePdf(): Uint8Array {
  const objs: [number, string][] = [
    [1, '<</Type /Pages\n/Count 1\n/Kids [2 0 R 3 0 R]>>'],
    [2, '<</Type /Page\n/Parent 1 0 R\n/Annots [9 0 R]>>'],
    [3, '<</Type /Pages\n/Count 2\n/Kids [4 0 R 5 0 R]>>'],
    [4, '<</Type /Page\n/Parent 3 0 R>>'],
    [5, '<</Type /Page\n/Parent 3 0 R>>'],
    [6, '<</ch-a [4 0 R /XYZ 6 650 0]\n/ch#2Db [5 0 R /XYZ 6 650 0]>>'],
    [7, '<</Type /Outlines\n/First 8 0 R\n/Last 8 0 R\n/Count 2>>'],
    [8, '<</Title (Part \\(one\\) and (two))\n/First 10 0 R\n' +
      '/Parent 7 0 R>>'],
    [9, '<</Type /Annot\n/Subtype /Link\n/Dest /ch-a>>'],
    [10, '<</Title <FEFF0031002003B1>\n/Parent 8 0 R>>'],
    [11, '<</Type /Catalog\n/Pages 1 0 R\n/Dests 6 0 R\n' +
      '/Outlines 7 0 R>>'],
  ];
  const body = objs.map(([n, d]) => `${n} 0 obj\n${d}\nendobj\n`).join('');
  const text = `%PDF-1.4\n${body}trailer\n<</Size 12\n/Root 11 0 R>>\n` +
    'startxref\n0\n%%EOF\n';
  return new TextEncoder().encode(text);
}

describe('rightHandOpeners', () => {
  it('inserts a blank page before openers on even pages', () => {
    // pages 5, 6 (part page then its chapter), 9 and 12
    expect(rightHandOpeners([5, 6, 9, 12])).toEqual({
      blankBefore: [1, 2, 3],
      pages: [5, 7, 11, 15],
    });
  });

  it('rejects pages out of order', () => {
    expect(() => rightHandOpeners([5, 5])).toThrow(/must increase/);
  });
});

describe('pdf-inspect', () => {
  it('walks a nested page tree in order', () => {
    expect(pdfPageCount(fakePdf())).toBe(3);
  });

  it('maps named destinations to pages, decoding #xx', () => {
    expect([...pdfDests(fakePdf())]).toEqual([['ch-a', 2], ['ch-b', 3]]);
  });

  it('reads the outline with depths and both string forms', () => {
    expect(pdfOutline(fakePdf())).toEqual([
      { title: 'Part (one) and (two)', depth: 0 },
      { title: '1 α', depth: 1 },
    ]);
  });

  it('lists link annotations with their page and destination', () => {
    expect(pdfLinks(fakePdf())).toEqual([
      { page: 1, dest: 'ch-a', uri: null },
    ]);
  });

  it('decodes escapes and octal codes in literal strings', () => {
    expect(pdfString('(a\\nb\\051\\\\)')).toBe('a\nb)\\');
  });

  it('says so when a PDF has no trailer it can read', () => {
    const bad = new TextEncoder().encode('1 0 obj\n<<>>\nendobj\n');
    expect(() => pdfPageCount(bad)).toThrow(/no trailer/);
  });
});
