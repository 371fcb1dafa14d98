// The PDF edition's own machinery: where each printed piece goes in the
// book (scripts/pdf.ts), the small PDF reader and writer
// (scripts/pdf-file.ts, scripts/pdf-inspect.ts) and the merge that joins
// the pieces (scripts/pdf-merge.ts). The PDF itself is checked by
// `npm run test:pdf`.
import { describe, expect, it } from 'vitest';
import { destName, headPages, placePieces } from '../../scripts/pdf.ts';
import {
  dictAt, pageObjects, parsePdf, pdfName, readName, renumber, writePdf,
} from '../../scripts/pdf-file.ts';
import {
  pdfDests, pdfLinks, pdfOutline, pdfPageCount, pdfString,
} from '../../scripts/pdf-inspect.ts';
import { mergePdfs } from '../../scripts/pdf-merge.ts';

const obj = (text: string, stream: string | null = null) => ({
  text,
  stream: stream === null ? null : new TextEncoder().encode(stream),
});

/** A small PDF laid out the way Skia writes one (objects 1 … 11). */
function fakePdf(): Uint8Array {
  return writePdf([
    obj('<</Type /Pages\n/Count 1\n/Kids [2 0 R 3 0 R]>>'),
    obj('<</Type /Page\n/Parent 1 0 R\n/Annots [9 0 R]>>'),
    obj('<</Type /Pages\n/Count 2\n/Kids [4 0 R 5 0 R]>>'),
    obj('<</Type /Page\n/Parent 3 0 R>>'),
    obj('<</Type /Page\n/Parent 3 0 R>>'),
    obj('<</ch-a [4 0 R /XYZ 6 650 0]\n/ch#2Db [5 0 R /XYZ 6 650 0]>>'),
    obj('<</Type /Outlines\n/First 8 0 R\n/Last 8 0 R\n/Count 2>>'),
    obj('<</Title (Part \\(one\\) and \\(two\\))\n/First 10 0 R\n' +
      '/Parent 7 0 R\n/Dest /ch-a>>'),
    obj('<</Type /Annot\n/Subtype /Link\n/Dest /ch-a>>'),
    obj('<</Title <FEFF0031002003B1>\n/Parent 8 0 R>>'),
    obj('<</Type /Catalog\n/Pages 1 0 R\n/Dests 6 0 R\n' +
      '/Outlines 7 0 R>>'),
  ], '/Root 11 0 R');
}

/**
 * A piece as Chromium prints it: `pages` pages, a font, a destination
 * `dest` on its last page, and optionally a link to `uri`.
 */
function piece(pages: number, dest: string, uri?: string): Uint8Array {
  const n = 4 + pages; // 1 info, 2 font, 3 font file, 4 contents, pages…
  const kids = Array.from({ length: pages }, (_, i) => 5 + i);
  const link = uri ? n + 4 : null;
  const objs = [
    obj(`<</Title (piece ${dest})>>`),
    obj('<</Type /Font\n/Subtype /Type0\n/BaseFont /AAAAAA+Serif\n' +
      '/FontFile 3 0 R>>'),
    // stream bytes that look like PDF syntax must pass through untouched
    obj('<</Length 21>>', 'endobj 7 0 R (\\) )>>\n'),
    obj('<</Length 9>>', 'BT ET q Q'),
    ...kids.map((_, i) => obj(`<</Type /Page\n/Parent ${n + 1} 0 R\n` +
      '/MediaBox [0 0 540 666]\n/Resources <</Font <</F1 2 0 R>>>>\n' +
      `/Contents 4 0 R${i === 0 && link ? `\n/Annots [${link} 0 R]` : ''}>>`)),
    obj(`<</Type /Pages\n/Count ${pages}\n` +
      `/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]>>`),
    obj(`<</${pdfName(dest)} [${kids.at(-1)} 0 R /XYZ 6 600 0]>>`),
    obj(`<</Type /Catalog\n/Pages ${n + 1} 0 R\n/Dests ${n + 2} 0 R>>`),
  ];
  if (uri) {
    objs.push(obj('<</Type /Annot\n/Subtype /Link\n/Rect [0 0 9 9]\n' +
      `/A <</Type /Action\n/S /URI\n/URI (${uri})>>>>`));
  }
  return writePdf(objs, `/Root ${n + 3} 0 R\n/Info 1 0 R`);
}

describe('placePieces', () => {
  it('starts every piece on an odd page, after a blank if needed', () => {
    // front matter of 4 pages, chapters of 5, 6 and 3 pages
    expect(placePieces([4, 5, 6, 3])).toEqual({
      starts: [1, 5, 11, 17],
      blankBefore: [false, false, true, false],
      pages: 19,
    });
  });

  it('rejects a piece without pages', () => {
    expect(() => placePieces([3, 0])).toThrow(/piece 1 has 0 pages/);
  });
});

describe('headPages', () => {
  // front matter 1–4, part page 5 (blank 6), chapter a 7–11 with a
  // listing from 8 to 10, chapter b 13–14 after a blank 12
  const heads = headPages(14, [
    { start: 1, pages: 4, chapters: [], listings: [] },
    { start: 5, pages: 1, chapters: [], listings: [] },
    {
      start: 7, pages: 5, chapters: [{ slug: 'a', page: 7 }],
      listings: [
        { caption: 'code/a/x.ts', first: 8, last: 10 },
        { caption: 'code/a/y.ts', first: 11, last: 11 },
      ],
    },
    { start: 13, pages: 2, chapters: [{ slug: 'b', page: 13 }], listings: [] },
  ]);

  it('heads a chapter\'s pages but its first, which is an opener', () => {
    expect(heads.map((h) => h.name)).toEqual([
      null, null, null, null, null, null,
      'opener', 'head-a', 'head-a', 'head-a', 'head-a', null,
      'opener', 'head-b',
    ]);
  });

  it('repeats a listing\'s caption on each page it continues on', () => {
    expect(heads.map((h, i) => [i + 1, h.caption])
      .filter(([, c]) => c !== null)).toEqual([
      [9, 'code/a/x.ts'], [10, 'code/a/x.ts'],
    ]);
  });

  it('rejects a piece that runs past the book', () => {
    expect(() => headPages(3, [
      { start: 1, pages: 4, chapters: [], listings: [] },
    ])).toThrow(/a piece ends on page 4 of 3/);
  });
});

describe('pdf-file', () => {
  it('reads back what it writes, streams byte for byte', () => {
    const pdf = parsePdf(piece(2, 'x'));
    expect(pdf.root).toBe(9);
    expect(pdf.info).toBe(1);
    expect(new TextDecoder().decode(pdf.objects.get(3)!.stream!))
      .toBe('endobj 7 0 R (\\) )>>\n');
    expect(pdf.objects.get(7)!.text).toMatch(/^<<\/Type \/Pages/);
  });

  it('renumbers references, not look-alikes inside strings', () => {
    expect(renumber('<</A 3 0 R /T (3 0 R) /K [4 0 R]>>', (n) => n * 10))
      .toBe('<</A 30 0 R /T (3 0 R) /K [40 0 R]>>');
  });

  it('escapes names and reads them back', () => {
    expect(pdfName('eq-1 (a)/σ')).toBe('eq-1#20#28a#29#2F#CF#83');
    expect(readName(pdfName('eq-1 (a)/σ'))).toBe('eq-1 (a)/σ');
  });

  it('names destinations as Chromium does (a percent-encoded fragment)',
    () => {
      expect(destName('known-σ-the-z-interval'))
        .toBe('known-%CF%83-the-z-interval');
      expect(destName('ch-linear-regression')).toBe('ch-linear-regression');
    });

  it('finds an inline dictionary by its key', () => {
    const text = '<</Type /Page\n/Resources <</Font <</F1 2 0 R>>>>\n' +
      '/ResourcesX 3>>';
    const at = dictAt(text, 'Resources')!;
    expect(text.slice(at.start, at.end)).toBe('<</Font <</F1 2 0 R>>>>');
    expect(dictAt(text, 'XObject')).toBeNull();
    expect(() => dictAt('<</Resources 4 0 R>>', 'Resources'))
      .toThrow(/\/Resources is not an inline dictionary/);
  });

  it('says what it cannot read', () => {
    const bad = new TextEncoder().encode('1 0 obj\n<<>>\nendobj\n');
    expect(() => pdfPageCount(bad)).toThrow(/pdf-file: no startxref/);
    const text = Buffer.from(piece(1, 'x')).toString('latin1')
      .replace('/Length 9', '/Length 8');
    expect(() => parsePdf(Buffer.from(text, 'latin1')))
      .toThrow(/object 4: \/Length does not end at endstream/);
  });
});

describe('pdf-inspect', () => {
  it('walks a nested page tree in order', () => {
    expect(pdfPageCount(fakePdf())).toBe(3);
  });

  it('maps named destinations to pages, decoding #xx', () => {
    expect([...pdfDests(fakePdf())]).toEqual([['ch-a', 2], ['ch-b', 3]]);
  });

  it('reads the outline with depths, both string forms and dests', () => {
    expect(pdfOutline(fakePdf())).toEqual([
      { title: 'Part (one) and (two)', depth: 0, dest: 'ch-a' },
      { title: '1 α', depth: 1, dest: null },
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
});

describe('mergePdfs', () => {
  const internal = (uri: string) =>
    uri.startsWith('http://book/print/') ? new URL(uri).hash.slice(1) : null;
  const pieces = () => [
    { pdf: piece(3, 'front', 'http://book/print/b/#sec-%CF%83'),
      blankBefore: false },
    { pdf: piece(2, 'ch-a', 'https://example.org/'), blankBefore: true },
    { pdf: piece(1, 'sec-%CF%83'), blankBefore: false },
  ];
  const bookmarks = [
    { title: 'Contents', dest: 'front', depth: 0 },
    { title: '1 Aα', dest: 'ch-a', depth: 0 },
    { title: 'A section', dest: 'sec-%CF%83', depth: 1 },
  ];

  it('joins the pages in order, with the blank page', () => {
    const out = mergePdfs(pieces(), { bookmarks, internal, lang: 'en' });
    expect(pdfPageCount(out)).toBe(3 + 1 + 2 + 1);
    expect([...pdfDests(out)]).toEqual([
      ['front', 3], ['ch-a', 6], ['sec-%CF%83', 7],
    ]);
    const pdf = parsePdf(out);
    expect(pdf.objects.get(pdf.info!)!.text).toContain('(piece front)');
    expect(pdf.objects.get(pdf.root)!.text).toContain('/Lang <FEFF0065006E>');
  });

  it('turns links between pieces into links to destinations', () => {
    const out = mergePdfs(pieces(), { bookmarks, internal });
    expect(pdfLinks(out)).toEqual([
      { page: 1, dest: 'sec-%CF%83', uri: null },
      { page: 5, dest: null, uri: 'https://example.org/' },
    ]);
  });

  it('writes the bookmarks as a tree', () => {
    const out = mergePdfs(pieces(), { bookmarks, internal });
    expect(pdfOutline(out)).toEqual([
      { title: 'Contents', depth: 0, dest: 'front' },
      { title: '1 Aα', depth: 0, dest: 'ch-a' },
      { title: 'A section', depth: 1, dest: 'sec-%CF%83' },
    ]);
  });

  it('gives each piece\'s font subsets their own names', () => {
    const text = Buffer.from(mergePdfs(pieces(), { bookmarks, internal }))
      .toString('latin1');
    const tags = [...text.matchAll(/\/BaseFont \/([A-Z]{6})\+/g)]
      .map((m) => m[1]);
    expect(tags).toHaveLength(3);
    expect(new Set(tags).size).toBe(3);
  });

  it('refuses a link, a bookmark or a destination that does not add up',
    () => {
      const lost = pieces().slice(0, 2);
      expect(() => mergePdfs(lost, { bookmarks: [], internal }))
        .toThrow(/a link points to "sec-%CF%83", which no piece defines/);
      expect(() => mergePdfs(pieces(), {
        bookmarks: [{ title: 'X', dest: 'nowhere', depth: 0 }], internal,
      })).toThrow(/bookmark "X" points to missing "nowhere"/);
      expect(() => mergePdfs(pieces(), {
        bookmarks: [{ title: 'X', dest: 'front', depth: 1 }], internal,
      })).toThrow(/bookmark "X" is at depth 1/);
      const twice = [pieces()[1], { ...pieces()[1], blankBefore: false }];
      expect(() => mergePdfs(twice, {
        bookmarks: [{ title: 'A', dest: 'ch-a', depth: 0 }], internal,
      })).toThrow(/destination "ch-a" is in pieces 0 and 1/);
    });

  it('keeps only the destinations that links and bookmarks use', () => {
    // every piece defines one; two define the same unused name
    const out = mergePdfs([...pieces(), { pdf: piece(1, 'spare'),
      blankBefore: false }, { pdf: piece(1, 'spare'), blankBefore: false }],
    { bookmarks: bookmarks.slice(1), internal });
    expect([...pdfDests(out).keys()]).toEqual(['ch-a', 'sec-%CF%83']);
  });
});

describe('mergePdfs with an overlay', () => {
  const internal = () => null;
  const book = () => [
    { pdf: piece(2, 'ch-a'), blankBefore: false },
    { pdf: piece(1, 'ch-b'), blankBefore: true },
  ];
  // Four pages: nothing on the first and the blank third, a heading on
  // the others, in a font the pages share.
  const overlay = () => writePdf([
    obj('<</Type /Font\n/Subtype /Type0\n/BaseFont /QQQQQQ+Sans>>'),
    obj('<</Filter /FlateDecode\n/Length 3>>', 'xyz'),
    obj('<</Length 0>>', ''),
    ...[0, 1, 2, 3].map((i) => obj('<</Type /Page\n/Parent 8 0 R\n' +
      '/MediaBox [0 0 540 666]\n/Resources <</ProcSet [/PDF /Text]' +
      (i % 2 ? '\n/Font <</F1 1 0 R>>' : '') + '>>\n' +
      `/Contents ${i % 2 ? 2 : 3} 0 R>>`)),
    obj('<</Type /Pages\n/Count 4\n/Kids [4 0 R 5 0 R 6 0 R 7 0 R]>>'),
    obj('<</Type /Catalog\n/Pages 8 0 R>>'),
  ], '/Root 9 0 R');

  it('draws each overlay page that draws anything over its page, as a ' +
    'form after the page\'s own content', () => {
    const out = parsePdf(mergePdfs(book(), {
      bookmarks: [], internal, overlay: overlay(),
    }));
    const pages = pageObjects(out).map((n) => out.objects.get(n)!.text);
    expect(pages.map((p) => /\/BookOverlay \d+ 0 R/.test(p)))
      .toEqual([false, true, false, true]);
    const [q, content, after] = /\/Contents \[(\d+) 0 R (\d+) 0 R (\d+) 0 R\]/
      .exec(pages[1])!.slice(1).map(Number);
    const bytes = (n: number) =>
      Buffer.from(out.objects.get(n)!.stream!).toString('latin1');
    expect(bytes(q)).toBe('q\n');
    expect(bytes(content)).toBe('BT ET q Q');
    expect(bytes(after)).toBe('Q q /BookOverlay Do Q\n');
    const form = out.objects.get(
      Number(/\/BookOverlay (\d+) 0 R/.exec(pages[3])![1]))!;
    expect(form.text).toMatch(/\/Subtype \/Form\n\/BBox \[0 0 540 666\]/);
    expect(form.text).toMatch(/\/Filter \/FlateDecode/);
    expect(Buffer.from(form.stream!).toString('latin1')).toBe('xyz');
    // the page keeps its own resources beside the form
    expect(pages[3]).toMatch(/\/Font <<\/F1 \d+ 0 R>>/);
  });

  it('copies the overlay\'s shared font once, with its own subset tag',
    () => {
      const text = Buffer.from(mergePdfs(book(), {
        bookmarks: [], internal, overlay: overlay(),
      })).toString('latin1');
      const tags = [...text.matchAll(/\/BaseFont \/([A-Z]{6})\+(\w+)/g)];
      expect(tags.filter((m) => m[2] === 'Sans')).toHaveLength(1);
      expect(new Set(tags.map((m) => m[1])).size).toBe(tags.length);
    });

  it('refuses an overlay of another length or page size', () => {
    expect(() => mergePdfs(book().slice(0, 1), {
      bookmarks: [], internal, overlay: overlay(),
    })).toThrow(/the overlay has 4 pages, the book 2/);
    const wide = Buffer.from(Buffer.from(overlay()).toString('latin1')
      .replaceAll('[0 0 540 666]', '[0 0 612 792]'), 'latin1');
    expect(() => mergePdfs(book(), {
      bookmarks: [], internal, overlay: wide,
    })).toThrow(/overlay page 2 is \[0 0 612 792\], the book's page \[0 0 540 666\]/);
  });
});
