// Reads the few things the PDF edition needs to know about a PDF that
// Chromium (Skia) wrote, or that pdf-merge.ts joined: the page count, the
// named destinations (where each chapter starts, for the table of
// contents), the outline (bookmarks) and the links. The file itself is
// read by pdf-file.ts.
import {
  catalog, destAt, destEntries, isLink, pageObjects, parsePdf, refAt,
  refsOf, stringAt, type PdfFile,
} from './pdf-file.ts';

export { pdfString } from './pdf-file.ts';

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
  for (const [name, target] of destEntries(text(pdf, id))) {
    const p = page.get(refsOf(target)[0]);
    if (p !== undefined) out.set(name, p);
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
      out.push({ title: stringAt(d, 'Title') ?? '', depth, dest: destAt(d) });
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

/** A link annotation and where it is on its page. */
export interface LinkBox extends LinkAnnotation {
  /** x0, y0, x1, y1 in points from the bottom left, or null. */
  readonly rect: readonly [number, number, number, number] | null;
}

/** Every link annotation, page by page. */
export function pdfLinks(bytes: Uint8Array): LinkAnnotation[] {
  return pdfLinkBoxes(bytes).map(({ page, dest, uri }) =>
    ({ page, dest, uri }));
}

/** Every link annotation with its box (the index's page numbers). */
export function pdfLinkBoxes(bytes: Uint8Array): LinkBox[] {
  const pdf = parsePdf(bytes);
  const out: LinkBox[] = [];
  pageObjects(pdf).forEach((id, i) => {
    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(text(pdf, id));
    if (!annots) return;
    for (const m of annots[1].matchAll(/(\d+) 0 R/g)) {
      const d = text(pdf, Number(m[1]));
      if (!isLink(d)) continue;
      const r = /\/Rect\s*\[([^\]]*)\]/.exec(d)?.[1].trim().split(/\s+/)
        .map(Number);
      const rect = r?.length === 4 && r.every(Number.isFinite)
        ? [Math.min(r[0], r[2]), Math.min(r[1], r[3]),
          Math.max(r[0], r[2]), Math.max(r[1], r[3])] as const : null;
      out.push({
        page: i + 1, dest: destAt(d), uri: stringAt(d, 'URI'), rect,
      });
    }
  });
  return out;
}
