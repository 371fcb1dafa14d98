// Reads the few things the PDF edition needs to know about a PDF that
// Chromium (Skia) wrote, or that pdf-merge.ts joined: the page count, the
// named destinations (where each chapter starts, for the table of
// contents), the outline (bookmarks) and the links. The file itself is
// read by pdf-file.ts.
import {
  catalog, pageObjects, parsePdf, readName, refAt, type PdfFile,
} from './pdf-file.ts';

/** Decodes a PDF string: `(literal)` or `<hex>`, PDFDoc or UTF-16BE. */
export function pdfString(raw: string): string {
  let bytes: number[];
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    bytes = [];
    for (let i = 0; i < hex.length; i += 2) {
      bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    }
  } else {
    bytes = [];
    const s = raw.slice(1, -1);
    const esc: Record<string, number> = {
      n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92,
    };
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== '\\') {
        bytes.push(s.charCodeAt(i));
        continue;
      }
      const c = s[++i];
      const oct = /^[0-7]{1,3}/.exec(s.slice(i));
      if (oct) {
        bytes.push(parseInt(oct[0], 8));
        i += oct[0].length - 1;
      } else if (c in esc) bytes.push(esc[c]);
      else if (c !== '\n' && c !== '\r') bytes.push(c.charCodeAt(0));
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    }
    return out;
  }
  return String.fromCharCode(...bytes);
}

/** Number of pages. */
export function pdfPageCount(pdf: Uint8Array): number {
  return pageObjects(parsePdf(pdf)).length;
}

/** Named destinations → 1-based page number. */
export function pdfDests(bytes: Uint8Array): Map<string, number> {
  const pdf = parsePdf(bytes);
  const page = new Map(pageObjects(pdf).map((id, i) => [id, i + 1]));
  const id = refAt(catalog(pdf), 'Dests');
  const out = new Map<string, number>();
  if (id === null) return out;
  const dict = text(pdf, id);
  for (const m of dict.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const p = page.get(Number(m[2]));
    if (p !== undefined) out.set(readName(m[1]), p);
  }
  return out;
}

function text(pdf: PdfFile, id: number): string {
  return pdf.objects.get(id)?.text ?? '';
}

export interface OutlineItem {
  readonly title: string;
  /** 0 for top-level bookmarks. */
  readonly depth: number;
  /** The named destination it opens, or null. */
  readonly dest: string | null;
}

// A literal string may hold one level of balanced, unescaped parentheses.
const LIT = String.raw`(?:\\[\s\S]|[^\\()])`;
const STRING =
  String.raw`(\((?:${LIT}|\(${LIT}*\))*\)|<[0-9A-Fa-f\s]*>)`;

/** The outline (bookmarks), depth-first in document order. */
export function pdfOutline(bytes: Uint8Array): OutlineItem[] {
  const pdf = parsePdf(bytes);
  const top = refAt(catalog(pdf), 'Outlines');
  if (top === null) return [];
  const out: OutlineItem[] = [];
  const seen = new Set<number>();
  const walk = (first: number | null, depth: number) => {
    for (let id = first; id !== null; ) {
      if (seen.has(id)) throw new Error('pdf-inspect: outline cycle');
      seen.add(id);
      const d = text(pdf, id);
      const t = new RegExp(`/Title\\s*${STRING}`).exec(d);
      const dest = /\/Dest\s*\/([^\s/[\]<>()]+)/.exec(d);
      out.push({
        title: t ? pdfString(t[1]) : '',
        depth,
        dest: dest ? readName(dest[1]) : null,
      });
      walk(refAt(d, 'First'), depth + 1);
      id = refAt(d, 'Next');
    }
  };
  walk(refAt(text(pdf, top), 'First'), 0);
  return out;
}

export interface LinkAnnotation {
  /** 1-based page the link is on. */
  readonly page: number;
  /** Named destination of an internal link, or null. */
  readonly dest: string | null;
  /** Target of an external link, or null. */
  readonly uri: string | null;
}

/** Every link annotation, page by page. */
export function pdfLinks(bytes: Uint8Array): LinkAnnotation[] {
  const pdf = parsePdf(bytes);
  const out: LinkAnnotation[] = [];
  pageObjects(pdf).forEach((id, i) => {
    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(text(pdf, id));
    if (!annots) return;
    for (const m of annots[1].matchAll(/(\d+) 0 R/g)) {
      const d = text(pdf, Number(m[1]));
      if (!/\/Subtype\s*\/Link/.test(d)) continue;
      const dest = /\/Dest\s*\/([^\s/[\]<>()]+)/.exec(d);
      const uri = new RegExp(`/URI\\s*${STRING}`).exec(d);
      out.push({
        page: i + 1,
        dest: dest ? readName(dest[1]) : null,
        uri: uri ? pdfString(uri[1]) : null,
      });
    }
  });
  return out;
}
