// Joins the PDFs that scripts/pdf.ts prints, one per chapter (and one for
// the front matter), into the book: their pages in order, with blank
// pages where a chapter must move to a right-hand page; every piece's
// named destinations in one table; links between pieces (printed as web
// addresses, since a piece cannot point into another) turned into links
// to those destinations; and the bookmarks, written here from the
// headings the caller lists. Only what a page uses is kept, so fonts and
// images are copied with the pages that show them.
import {
  catalog, destAt, destEntries, dictAt, isLink, pageObjects, parsePdf,
  pdfName, pdfString, pdfText, refAt, refsOf, renumber, STRING, writePdf,
  type PdfFile, type PdfObject,
} from './pdf-file.ts';

export interface MergePiece {
  readonly pdf: Uint8Array;
  /** Put a blank page before this piece. */
  readonly blankBefore: boolean;
}

export interface Bookmark {
  readonly title: string;
  /** Named destination the bookmark opens. */
  readonly dest: string;
  /** 0 for top-level bookmarks; a child is one deeper than its parent. */
  readonly depth: number;
}

export interface MergeOptions {
  readonly bookmarks: readonly Bookmark[];
  /**
   * The named destination an external link really means (a link from one
   * piece into another), or null for a true external link.
   */
  readonly internal: (uri: string) => string | null;
  /** The document's language (BCP 47), for screen readers and search. */
  readonly lang?: string;
  /**
   * A PDF with one page per page of the book (blank pages included),
   * drawn over it: the running heads, folios and continued captions.
   */
  readonly overlay?: Uint8Array;
}

function fail(message: string): never {
  throw new Error(`mergePdfs: ${message}`);
}

/** Six capital letters, different for each n: a font subset's tag. */
function subsetTag(n: number): string {
  let s = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 26)) {
    s = String.fromCharCode(65 + (n % 26)) + s;
  }
  return s;
}

// A link's action dictionary with its URI string (literal or hex).
const URI_ACTION =
  new RegExp(String.raw`/A\s*<<[^]*?/URI\s*(${STRING})[^]*?>>`);

export function mergePdfs(pieces: readonly MergePiece[], opts: MergeOptions) {
  if (pieces.length === 0) fail('no pieces');
  const out: PdfObject[] = [];
  const add = (o: PdfObject) => out.push(o); // its object number
  const reserve = () => add({ text: '', stream: null });
  const set = (n: number, o: PdfObject) => { out[n - 1] = o; };
  const pagesRoot = reserve();
  const kids: number[] = [];
  // name → its destination array in each piece that defines it
  const defs = new Map<string, { target: string; piece: number }[]>();
  let info: number | null = null;
  let tags = 0;

  /**
   * Copies the objects that `roots` reach (not following /Parent: the
   * page tree is rebuilt), renumbered, with their own font subset tags
   * and links between pieces made internal. `page(n, text)` may rewrite
   * an object before its references are renumbered. Returns the map from
   * old to new object numbers.
   */
  const copy = (pdf: PdfFile, roots: readonly number[], what: string,
    page: (n: number, text: string) => string = (_, t) => t) => {
    const keep: number[] = [];
    const seen = new Set<number>();
    const visit = (n: number) => {
      if (seen.has(n)) return;
      seen.add(n);
      const o = pdf.objects.get(n);
      if (!o) fail(`${what}: object ${n} is referenced but missing`);
      keep.push(n);
      for (const r of refsOf(o.text.replace(/\/Parent\s+\d+ 0 R/, ''))) {
        visit(r);
      }
    };
    roots.forEach(visit);
    const map = new Map<number, number>();
    for (const n of keep) map.set(n, reserve());
    const to = (n: number) =>
      map.get(n) ?? fail(`${what}: object ${n} was not copied`);
    const tagMap = new Map<string, string>();
    const retag = (text: string) =>
      text.replace(/\/(BaseFont|FontName)\s*\/([A-Z]{6})\+/g,
        (_, key: string, tag: string) => {
          if (!tagMap.has(tag)) tagMap.set(tag, subsetTag(tags++));
          return `/${key} /${tagMap.get(tag)}+`;
        });
    for (const n of keep) {
      const o = pdf.objects.get(n)!;
      let text = page(n, o.text);
      if (isLink(text)) text = linkToDest(text, opts.internal);
      set(to(n), { text: renumber(retag(text), to), stream: o.stream });
    }
    return { to, retag };
  };

  pieces.forEach((piece, p) => {
    const pdf = parsePdf(piece.pdf);
    if (/\/StructTreeRoot/.test(catalog(pdf))) {
      fail(`piece ${p} is a tagged PDF; print the pieces untagged`);
    }
    const pages = pageObjects(pdf);
    if (pages.length === 0) fail(`piece ${p} has no pages`);
    const pageSet = new Set(pages);
    // Keep what the pages (and the first piece's document information)
    // reach.
    const roots = p === 0 && pdf.info !== null ? [...pages, pdf.info] : pages;
    const { to } = copy(pdf, roots, `piece ${p}`, (n, text) =>
      pageSet.has(n)
        ? text.replace(/\/Parent\s+\d+ 0 R/, '/Parent @')
        : text);
    for (const n of pages) {
      const o = out[to(n) - 1];
      set(to(n), { ...o, text: o.text.replace('/Parent @',
        `/Parent ${pagesRoot} 0 R`) });
    }
    if (piece.blankBefore) {
      const box = /\/MediaBox\s*\[[^\]]*\]/.exec(pdf.objects.get(pages[0])!
        .text)?.[0] ?? fail(`piece ${p}: its first page has no /MediaBox`);
      kids.push(add({
        text: `<</Type /Page\n/Parent ${pagesRoot} 0 R\n${box}\n` +
          '/Resources <<>>>>',
        stream: null,
      }));
    }
    kids.push(...pages.map(to));
    if (p === 0 && pdf.info !== null) info = to(pdf.info);

    const destsAt = refAt(catalog(pdf), 'Dests');
    const table = destsAt === null ? '' : pdf.objects.get(destsAt)!.text;
    for (const [name, target] of destEntries(table)) {
      if (!pageSet.has(refsOf(target)[0])) {
        fail(`piece ${p}: destination "${name}" is not on a page`);
      }
      if (!defs.has(name)) defs.set(name, []);
      defs.get(name)!.push({ target: renumber(target, to), piece: p });
    }
  });

  if (opts.overlay) stamp(opts.overlay, kids, out, add, copy);

  set(pagesRoot, {
    text: `<</Type /Pages\n/Count ${kids.length}\n` +
      `/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]>>`,
    stream: null,
  });
  // The destinations that links and bookmarks use; each must be defined
  // by exactly one piece. The others (every id of a piece has one, so
  // that any link into it finds its place) are left out.
  const used = new Set(opts.bookmarks.map((b) => b.dest));
  for (const o of out) {
    const d = isLink(o.text) ? destAt(o.text) : null;
    if (d === null) continue;
    if (!defs.has(d)) fail(`a link points to "${d}", which no piece defines`);
    used.add(d);
  }
  const dests = new Map<string, string>();
  for (const [name, where] of defs) {
    if (!used.has(name)) continue;
    if (where.length > 1) {
      fail(`destination "${name}" is in pieces ${where[0].piece} ` +
        `and ${where[1].piece}`);
    }
    dests.set(name, where[0].target);
  }
  const destsObj = add({
    text: `<<${[...dests].map(([k, v]) => `/${pdfName(k)} ${v}`)
      .join('\n')}>>`,
    stream: null,
  });
  const outline = writeOutline(opts.bookmarks, dests, set, reserve);
  const cat = add({
    text: `<</Type /Catalog\n/Pages ${pagesRoot} 0 R\n/Dests ${destsObj} 0 R` +
      (outline === null ? '' : `\n/Outlines ${outline} 0 R\n` +
        '/PageMode /UseOutlines') +
      (opts.lang ? `\n/Lang ${pdfText(opts.lang)}` : '') +
      '\n/ViewerPreferences <</Type /ViewerPreferences\n' +
      '/DisplayDocTitle true>>>>',
    stream: null,
  });
  return writePdf(out,
    `/Root ${cat} 0 R` + (info === null ? '' : `\n/Info ${info} 0 R`));
}

/** The name under which a book page's resources hold its overlay. */
const OVERLAY = 'BookOverlay';

/**
 * Draws page k of the overlay over page k of the book: the overlay page
 * becomes a form XObject (its content stream, byte for byte, with its
 * resources), and the book page's content is wrapped in q … Q and
 * followed by the form. Overlay pages that use no font, image or form
 * draw nothing and are skipped.
 */
function stamp(
  overlay: Uint8Array,
  kids: readonly number[],
  out: PdfObject[],
  add: (o: PdfObject) => number,
  copy: (pdf: PdfFile, roots: readonly number[], what: string)
    => { to: (n: number) => number; retag: (t: string) => string },
) {
  const pdf = parsePdf(overlay);
  const pages = pageObjects(pdf);
  if (pages.length !== kids.length) {
    fail(`the overlay has ${pages.length} pages, the book ${kids.length}`);
  }
  const latin = (s: string) => Buffer.from(s, 'latin1');
  const before = add({ text: '<</Length 2>>', stream: latin('q\n') });
  const after = add({
    text: `<</Length ${`Q q /${OVERLAY} Do Q\n`.length}>>`,
    stream: latin(`Q q /${OVERLAY} Do Q\n`),
  });
  const drawn = pages.map((n, k) => {
    const page = pdf.objects.get(n)!.text;
    const where = `overlay page ${k + 1}`;
    const resAt = dictAt(page, 'Resources') ??
      fail(`${where} has no /Resources`);
    const res = page.slice(resAt.start, resAt.end);
    if (!/\/(Font|XObject|Pattern|Shading)\b/.test(res)) return null;
    const contents = /\/Contents\s+(\d+) 0 R/.exec(page) ??
      fail(`${where}: /Contents is not one stream`);
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(page)?.[1].trim() ??
      fail(`${where} has no /MediaBox`);
    const bookBox = /\/MediaBox\s*\[([^\]]*)\]/.exec(out[kids[k] - 1].text)
      ?.[1].trim();
    if (bookBox !== box) {
      fail(`${where} is [${box}], the book's page [${bookBox}]`);
    }
    const body = pdf.objects.get(Number(contents[1]));
    if (!body?.stream) fail(`${where}: its contents are not a stream`);
    return { k, res, box, body };
  });
  // Fonts and the like are shared between the overlay's pages: copy them
  // once.
  const { to, retag } = copy(pdf,
    drawn.flatMap((d) => d === null ? [] : refsOf(d.res)), 'the overlay');
  for (const d of drawn) {
    if (d === null) continue;
    const form = add({
      text: `<</Type /XObject\n/Subtype /Form\n/BBox [${d.box}]\n` +
        `/Resources ${renumber(retag(d.res), to)}\n` +
        d.body.text.trim().replace(/^<<|>>$/g, '').trim() + '>>',
      stream: d.body.stream,
    });
    const page = out[kids[d.k] - 1];
    out[kids[d.k] - 1] = {
      ...page, text: withOverlay(page.text, form, before, after),
    };
  }
}

/** A page's text with the overlay form added to its resources and drawn
 * after its own content. */
function withOverlay(page: string, form: number, before: number,
  after: number): string {
  const entry = `/${OVERLAY} ${form} 0 R`;
  let text = page;
  const res = dictAt(text, 'Resources') ?? fail('a page has no /Resources');
  const dict = text.slice(res.start, res.end);
  const xo = dictAt(dict, 'XObject');
  const newDict = xo
    ? dict.slice(0, xo.start + 2) + entry + '\n' + dict.slice(xo.start + 2)
    : `<</XObject <<${entry}>>\n` + dict.slice(2);
  text = text.slice(0, res.start) + newDict + text.slice(res.end);
  const one = /\/Contents\s+(\d+ 0 R)/.exec(text);
  const many = /\/Contents\s*\[([^\]]*)\]/.exec(text);
  if (one) {
    return text.replace(one[0],
      `/Contents [${before} 0 R ${one[1]} ${after} 0 R]`);
  }
  if (many) {
    return text.replace(many[0],
      `/Contents [${before} 0 R ${many[1].trim()} ${after} 0 R]`);
  }
  return text.replace(/>>\s*$/, `\n/Contents [${before} 0 R ${after} 0 R]>>`);
}

/** A link annotation whose URI action is internal, as a /Dest link. */
function linkToDest(text: string, internal: (uri: string) => string | null) {
  const m = URI_ACTION.exec(text);
  if (!m) return text;
  const dest = internal(pdfString(m[1]));
  return dest === null ? text : text.replace(m[0], `/Dest /${pdfName(dest)}`);
}

/**
 * Writes the outline: each bookmark under the nearest earlier one that
 * is shallower. Top-level entries start open (showing their children),
 * deeper ones closed. Returns the outline dictionary's number.
 */
function writeOutline(
  marks: readonly Bookmark[],
  dests: ReadonlyMap<string, string>,
  set: (n: number, o: PdfObject) => void,
  reserve: () => number,
): number | null {
  if (marks.length === 0) return null;
  interface Node { mark: Bookmark | null; num: number; kids: Node[] }
  const root: Node = { mark: null, num: reserve(), kids: [] };
  const stack: Node[] = [root];
  for (const mark of marks) {
    if (!dests.has(mark.dest)) {
      fail(`bookmark "${mark.title}" points to missing "${mark.dest}"`);
    }
    if (mark.depth > stack.length - 1) {
      fail(`bookmark "${mark.title}" is at depth ${mark.depth}, ` +
        `its parent at ${stack.length - 2}`);
    }
    stack.length = mark.depth + 1;
    const node: Node = { mark, num: reserve(), kids: [] };
    stack[stack.length - 1].kids.push(node);
    stack.push(node);
  }
  // Entries shown when a node is open: its children and, for open
  // children, theirs.
  const open = (n: Node) => n.mark === null || n.mark.depth === 0;
  const shown = (n: Node): number =>
    n.kids.reduce((s, k) => s + 1 + (open(k) ? shown(k) : 0), 0);
  const write = (n: Node, parent: Node | null, prev: Node | null,
    next: Node | null) => {
    const e: string[] = [];
    if (n.mark) {
      e.push(`/Title ${pdfText(n.mark.title)}`,
        `/Parent ${parent!.num} 0 R`, `/Dest /${pdfName(n.mark.dest)}`);
      if (prev) e.push(`/Prev ${prev.num} 0 R`);
      if (next) e.push(`/Next ${next.num} 0 R`);
    } else {
      e.push('/Type /Outlines');
    }
    if (n.kids.length > 0) {
      e.push(`/First ${n.kids[0].num} 0 R`,
        `/Last ${n.kids[n.kids.length - 1].num} 0 R`,
        `/Count ${open(n) ? shown(n) : -n.kids.length}`);
    }
    set(n.num, { text: `<<${e.join('\n')}>>`, stream: null });
    n.kids.forEach((k, i) =>
      write(k, n, n.kids[i - 1] ?? null, n.kids[i + 1] ?? null));
  };
  write(root, null, null, null);
  return root.num;
}
