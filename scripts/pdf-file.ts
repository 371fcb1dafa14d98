// Reads and writes the plain PDFs that Chromium's Skia back end makes:
// a classic cross-reference table, object dictionaries in clear text,
// streams (compressed content and fonts) with a direct /Length. That is
// all the PDF edition needs: pdf-inspect.ts reads destinations, outline
// and links from it, and pdf-merge.ts joins per-chapter PDFs into the
// book. It is not a general PDF library; it says so, naming what it
// cannot read, instead of guessing.

/** One indirect object: its text (a dictionary, array or number) and,
 * for a stream, the stream's bytes exactly as stored. */
export interface PdfObject {
  readonly text: string;
  readonly stream: Uint8Array | null;
}

export interface PdfFile {
  readonly objects: Map<number, PdfObject>;
  /** Object number of the catalog (trailer /Root). */
  readonly root: number;
  /** Object number of the document information dictionary, if any. */
  readonly info: number | null;
}

function fail(message: string): never {
  throw new Error(`pdf-file: ${message}`);
}

/** Index just past a dictionary `<< … >>` that starts at `i`. */
function skipDict(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '(') {
      i = skipLiteral(s, i);
    } else if (c === '<' && s[i + 1] === '<') {
      depth++;
      i += 2;
    } else if (c === '>' && s[i + 1] === '>') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      if (end < 0) fail(`unterminated hex string at ${i}`);
      i = end + 1;
    } else {
      i++;
    }
  }
  return fail(`unterminated dictionary`);
}

/** Index just past a literal string `( … )` that starts at `i`. */
function skipLiteral(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return fail('unterminated string');
}

/** Parses a PDF written with a classic xref table (as Skia writes). */
export function parsePdf(bytes: Uint8Array): PdfFile {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1');
  const sx = s.lastIndexOf('startxref');
  if (sx < 0) fail('no startxref (not a PDF?)');
  const xrefAt = Number(/startxref\s+(\d+)/.exec(s.slice(sx))?.[1]);
  if (!s.startsWith('xref', xrefAt)) {
    fail('no classic xref table (a cross-reference stream?)');
  }
  const offsets = new Map<number, number>();
  const re = /\s*(\d+) (\d+)\s*\r?\n|\s*(\d{10}) (\d{5}) ([nf])\s*/y;
  re.lastIndex = xrefAt + 4;
  let next = 0;
  let end = re.lastIndex;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    end = re.lastIndex;
    if (m[1] !== undefined) {
      next = Number(m[1]);
    } else {
      if (m[5] === 'n') offsets.set(next, Number(m[3]));
      next++;
    }
  }
  const trailer = s.slice(end);
  if (!trailer.trimStart().startsWith('trailer')) fail('no trailer');
  const root = Number(/\/Root\s+(\d+) 0 R/.exec(trailer)?.[1] ?? NaN);
  if (!Number.isInteger(root)) fail('the trailer has no /Root');
  const info = /\/Info\s+(\d+) 0 R/.exec(trailer);

  const objects = new Map<number, PdfObject>();
  for (const [num, at] of offsets) {
    const head = /(\d+) (\d+) obj\s*/y;
    head.lastIndex = at;
    const h = head.exec(s);
    if (!h || Number(h[1]) !== num) {
      fail(`object ${num} is not at offset ${at}`);
    }
    if (h[2] !== '0') fail(`object ${num} has generation ${h[2]}`);
    const start = head.lastIndex;
    let end: number;
    if (s.startsWith('<<', start)) {
      end = skipDict(s, start);
      const after = /\s*stream\r?\n/y;
      after.lastIndex = end;
      if (after.exec(s)) {
        const text = s.slice(start, end);
        const len = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(text);
        if (!len || len[2]) {
          fail(`object ${num}: stream without a direct /Length`);
        }
        const from = after.lastIndex;
        const to = from + Number(len[1]);
        if (!/^\s*endstream/.test(s.slice(to, to + 20))) {
          fail(`object ${num}: /Length does not end at endstream`);
        }
        objects.set(num, { text, stream: bytes.subarray(from, to) });
        continue;
      }
    } else {
      end = s.indexOf('endobj', start);
      if (end < 0) fail(`object ${num} has no endobj`);
    }
    objects.set(num, { text: s.slice(start, end).trim(), stream: null });
  }
  if (!objects.has(root)) fail(`the catalog (object ${root}) is missing`);
  return { objects, root, info: info ? Number(info[1]) : null };
}

// A string: literal, which may hold one level of balanced unescaped
// parentheses, or hex.
const LIT = String.raw`(?:\\[\s\S]|[^\\()])`;
export const STRING =
  String.raw`\((?:${LIT}|\(${LIT}*\))*\)|<[0-9A-Fa-f\s]*>`;
// A name's characters, after its slash.
const NAME = String.raw`[^\s/[\]<>()]+`;

// A string or an indirect reference: references are only rewritten
// outside strings.
const TOKENS = new RegExp(`${STRING}|(\\d+) (\\d+) R\\b`, 'g');

/** The object numbers an object's text refers to. */
export function refsOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(TOKENS)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
  }
  return out;
}

/** The text with every reference `n 0 R` replaced by `map(n) 0 R`. */
export function renumber(text: string, map: (n: number) => number): string {
  return text.replace(TOKENS, (all, n?: string) =>
    n === undefined ? all : `${map(Number(n))} 0 R`);
}

/** The object number a key of a dictionary refers to, or null. */
export function refAt(text: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Where the inline dictionary that is the value of `key` lies in `text`
 * (from its `<<` to just past its `>>`), or null if the key is absent.
 * A key whose value is not an inline dictionary is an error.
 */
export function dictAt(text: string, key: string)
  : { start: number; end: number } | null {
  const m = new RegExp(`/${key}(?=[\\s<])\\s*`).exec(text);
  if (!m) return null;
  const start = m.index + m[0].length;
  if (!text.startsWith('<<', start)) {
    fail(`/${key} is not an inline dictionary`);
  }
  return { start, end: skipDict(text, start) };
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

/** The string value of a dictionary key, decoded, or null. */
export function stringAt(text: string, key: string): string | null {
  const m = new RegExp(`/${key}\\s*(${STRING})`).exec(text);
  return m ? pdfString(m[1]) : null;
}

/** The named destination of a link or bookmark (`/Dest /name`), or null. */
export function destAt(text: string): string | null {
  const m = new RegExp(`/Dest\\s*/(${NAME})`).exec(text);
  return m ? readName(m[1]) : null;
}

/** The entries of a /Dests dictionary: name and its destination array. */
export function destEntries(dict: string): [string, string][] {
  const entry = new RegExp(String.raw`/(${NAME})\s*(\[[^\]]*\])`, 'g');
  return [...dict.matchAll(entry)].map((m) => [readName(m[1]), m[2]]);
}

/** Whether an object is a link annotation. */
export function isLink(text: string): boolean {
  return /\/Subtype\s*\/Link\b/.test(text);
}

/** Page object numbers in document order (page n is index n − 1). */
export function pageObjects(pdf: PdfFile): number[] {
  const out: number[] = [];
  const walk = (id: number, depth: number) => {
    const o = pdf.objects.get(id);
    if (o === undefined || depth > 32) {
      fail(`bad page tree at object ${id}`);
    }
    if (/\/Type\s*\/Page\b(?!s)/.test(o.text)) {
      out.push(id);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.text);
    if (!kids) fail(`page tree node ${id} has no /Kids`);
    for (const k of refsOf(kids[1])) walk(k, depth + 1);
  };
  const pages = refAt(catalog(pdf), 'Pages');
  if (pages === null) fail('the catalog has no /Pages');
  walk(pages, 0);
  return out;
}

export function catalog(pdf: PdfFile): string {
  return pdf.objects.get(pdf.root)!.text;
}

/** Encodes a name's characters (without the slash) as PDF wants them. */
export function pdfName(name: string): string {
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte > 0x20 && byte < 0x7f && !'()<>[]{}/%#'.includes(c)
      ? c : `#${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}

/** Decodes a name's `#xx` escapes (the name without its slash). */
export function readName(raw: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '#' && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(raw.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A text string as UTF-16BE hex, which holds any character. */
export function pdfText(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) {
    hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  }
  return `<${hex}>`;
}

/**
 * Writes objects 1 … n (numbered without gaps) as a PDF with a classic
 * xref table; `trailer` holds the trailer's entries besides /Size.
 */
export function writePdf(objects: readonly PdfObject[], trailer: string) {
  const parts: Uint8Array[] = [];
  let at = 0;
  const put = (x: string | Uint8Array) => {
    const b = typeof x === 'string' ? Buffer.from(x, 'latin1') : x;
    parts.push(b);
    at += b.byteLength;
  };
  put('%PDF-1.4\n%\xD3\xEB\xE9\xE1\n');
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(at);
    put(`${i + 1} 0 obj\n${o.text}`);
    if (o.stream) {
      put(' stream\n');
      put(o.stream);
      put('\nendstream');
    }
    put('\nendobj\n');
  });
  const xref = at;
  put(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  put(offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
    .join(''));
  put(`trailer\n<</Size ${objects.length + 1}\n${trailer}>>\n` +
    `startxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
