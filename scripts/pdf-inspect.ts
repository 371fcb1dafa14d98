// Reads the few things the PDF edition needs to know about a PDF that
// Chromium (Skia) wrote: the page order, the named destinations (where
// each chapter starts, for the table of contents) and the outline
// (bookmarks). Skia writes plain, uncompressed object dictionaries and a
// classic trailer, so a small reader suffices; it is not a general PDF
// parser and says so when it meets something it cannot read.

type Objects = Map<number, string>;

function objects(pdf: Uint8Array): Objects {
  const text = Buffer.from(pdf).toString('latin1');
  const out: Objects = new Map();
  const re = /(?:^|[\r\n])(\d+) 0 obj\s*([\s\S]*?)\bendobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.set(Number(m[1]), m[2]);
  }
  if (out.size === 0) throw new Error('pdf-inspect: no objects found');
  return out;
}

function ref(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
}

function root(pdf: Uint8Array, objs: Objects): string {
  const text = Buffer.from(pdf).toString('latin1');
  const tr = text.lastIndexOf('trailer');
  const id = tr >= 0 ? ref(text.slice(tr), 'Root') : null;
  const cat = id === null ? undefined : objs.get(id);
  if (cat === undefined) {
    throw new Error('pdf-inspect: no trailer /Root (an xref-stream PDF?)');
  }
  return cat;
}

/** Page object numbers in document order (1-based page = index + 1). */
function pageIds(objs: Objects, cat: string): number[] {
  const out: number[] = [];
  const walk = (id: number, depth: number) => {
    const d = objs.get(id);
    if (d === undefined || depth > 32) {
      throw new Error(`pdf-inspect: bad page tree at object ${id}`);
    }
    if (/\/Type\s*\/Page\b(?!s)/.test(d)) {
      out.push(id);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(d);
    if (!kids) throw new Error(`pdf-inspect: object ${id} has no /Kids`);
    for (const k of kids[1].matchAll(/(\d+) 0 R/g)) {
      walk(Number(k[1]), depth + 1);
    }
  };
  const pages = ref(cat, 'Pages');
  if (pages === null) throw new Error('pdf-inspect: catalog has no /Pages');
  walk(pages, 0);
  return out;
}

/** Decodes a PDF name (`#xx` escapes). */
function pdfName(raw: string): string {
  return decodeURIComponent(raw.replace(/#([0-9a-fA-F]{2})/g, '%$1'));
}

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
  const objs = objects(pdf);
  return pageIds(objs, root(pdf, objs)).length;
}

/** Named destinations → 1-based page number. */
export function pdfDests(pdf: Uint8Array): Map<string, number> {
  const objs = objects(pdf);
  const cat = root(pdf, objs);
  const page = new Map(pageIds(objs, cat).map((id, i) => [id, i + 1]));
  const id = ref(cat, 'Dests');
  const out = new Map<string, number>();
  if (id === null) return out;
  const dict = objs.get(id) ?? '';
  for (const m of dict.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const p = page.get(Number(m[2]));
    if (p !== undefined) out.set(pdfName(m[1]), p);
  }
  return out;
}

export interface OutlineItem {
  readonly title: string;
  /** 0 for top-level bookmarks. */
  readonly depth: number;
}

// A literal string may hold one level of balanced, unescaped parentheses.
const LIT = String.raw`(?:\\[\s\S]|[^\\()])`;
const STRING =
  String.raw`(\((?:${LIT}|\(${LIT}*\))*\)|<[0-9A-Fa-f\s]*>)`;

/** The outline (bookmarks), depth-first in document order. */
export function pdfOutline(pdf: Uint8Array): OutlineItem[] {
  const objs = objects(pdf);
  const cat = root(pdf, objs);
  const top = ref(cat, 'Outlines');
  if (top === null) return [];
  const out: OutlineItem[] = [];
  const seen = new Set<number>();
  const walk = (first: number | null, depth: number) => {
    for (let id = first; id !== null; ) {
      if (seen.has(id)) throw new Error('pdf-inspect: outline cycle');
      seen.add(id);
      const d = objs.get(id) ?? '';
      const t = new RegExp(`/Title\\s*${STRING}`).exec(d);
      out.push({ title: t ? pdfString(t[1]) : '', depth });
      walk(ref(d, 'First'), depth + 1);
      id = ref(d, 'Next');
    }
  };
  walk(ref(objs.get(top) ?? '', 'First'), 0);
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
export function pdfLinks(pdf: Uint8Array): LinkAnnotation[] {
  const objs = objects(pdf);
  const out: LinkAnnotation[] = [];
  pageIds(objs, root(pdf, objs)).forEach((id, i) => {
    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(objs.get(id) ?? '');
    if (!annots) return;
    for (const m of annots[1].matchAll(/(\d+) 0 R/g)) {
      const d = objs.get(Number(m[1])) ?? '';
      if (!/\/Subtype\s*\/Link/.test(d)) continue;
      const dest = /\/Dest\s*\/([^\s/[\]<>()]+)/.exec(d);
      const uri = new RegExp(`/URI\\s*${STRING}`).exec(d);
      out.push({
        page: i + 1,
        dest: dest ? pdfName(dest[1]) : null,
        uri: uri ? pdfString(uri[1]) : null,
      });
    }
  });
  return out;
}
