// The home page's figures (chapters/index.mdx, PartFigures.astro): one
// figure from each part of the book, each the very figure a chapter of
// that part shows. Only the chapter and the figure's id are chosen here;
// which value of the chapter's computation draws it, and its alt text,
// are read from the chapter's own <Figure> element, so the home page
// cannot show anything the chapter does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTS, chapter } from '../toc.ts';
import { figAnchor } from '../plugins/book-index.ts';

export interface PartFigure {
  /** The part's folder under chapters/ (src/toc.ts). */
  readonly part: string;
  /** A chapter of that part. */
  readonly slug: string;
  /** The id of a <Figure> in that chapter. */
  readonly id: string;
  /** One line: what the figure shows. */
  readonly caption: string;
}

export const PART_FIGURES: readonly PartFigure[] = [
  {
    part: 'foundations', slug: 'decompositions', id: 'dec-ellipse',
    caption: 'A matrix maps the unit circle to an ellipse; its singular ' +
      'value decomposition finds the axes.',
  },
  {
    part: 'linear-models', slug: 'learning-theory', id: 'lt-shatter',
    caption: 'A straight line splits three points in all eight ways, ' +
      'but not four: the labellings no half-plane makes.',
  },
  {
    part: 'instance-based', slug: 'naive-bayes', id: 'nb-petals',
    caption: 'Gaussian naive Bayes tells three iris species apart by ' +
      'their petals.',
  },
  {
    part: 'trees-and-ensembles', slug: 'decision-trees', id: 'dt-diagram',
    caption: 'A decision tree grown on the penguins\' measurements, ' +
      'drawn from the fitted tree.',
  },
  {
    part: 'kernel-methods', slug: 'kernels', id: 'kn-moons',
    caption: 'A support vector machine with an RBF kernel winds a curved ' +
      'boundary between two moons.',
  },
  {
    part: 'unsupervised', slug: 'pca', id: 'pca-eigen-images',
    caption: 'The mean garment and the first principal directions of ' +
      'Fashion-MNIST, drawn as images.',
  },
  {
    part: 'neural-networks', slug: 'convolutional-networks',
    id: 'cnn-maps',
    caption: 'The six filters a small convolutional network learned, ' +
      'and what each sees in an image.',
  },
  {
    part: 'papers', slug: 'diffusion-models', id: 'dm-guided',
    caption: 'Digits drawn from noise by a diffusion model, guided ' +
      'towards each class by a classifier.',
  },
];

/**
 * Where a chapter's <Figure> gets its picture and its alt text: `svg` is
 * the path of a value in the chapter's computation (`ellipseFigure` for
 * svg={r.ellipseFigure}), `alt` the plain alt text, or `altKey` the
 * path of a computed one (alt={r.guidedAlt}).
 */
export interface FigureSource {
  readonly svg: readonly string[];
  readonly alt?: string;
  readonly altKey?: readonly string[];
}

/** Reads the <Figure id> of a chapter's MDX text (`file` for messages). */
export function figureSource(
  source: string, id: string, file: string,
): FigureSource {
  const imp = /^import\s+(\w+)\s+from\s+'[^']*src\/compute\/[^']+';/m
    .exec(source);
  if (!imp) {
    throw new Error(`figureSource: ${file} imports no src/compute module`);
  }
  const name = imp[1];
  const start = source.indexOf(`<Figure id="${id}"`);
  if (start < 0) {
    throw new Error(`figureSource: ${file} has no <Figure id="${id}">`);
  }
  const tag = /^<Figure\b(?:"[^"]*"|\{[^}]*\}|[^>"{])*>/
    .exec(source.slice(start))?.[0];
  if (!tag) {
    throw new Error(`figureSource: <Figure id="${id}"> in ${file} ` +
      'is not closed');
  }
  const path = (expr: string, what: string): string[] => {
    const m = new RegExp(`^${name}((?:\\.\\w+)+)$`).exec(expr.trim());
    if (!m) {
      throw new Error(`figureSource: <Figure id="${id}"> in ${file}: ` +
        `${what}={${expr}} is not a value of ${name}`);
    }
    return m[1].slice(1).split('.');
  };
  const svg = /\bsvg=\{([^}]*)\}/.exec(tag);
  if (!svg) {
    throw new Error(`figureSource: <Figure id="${id}"> in ${file} ` +
      'has no svg={…}');
  }
  const altText = /\balt="([^"]*)"/.exec(tag);
  const altExpr = /\balt=\{([^}]*)\}/.exec(tag);
  if (altText) {
    return {
      svg: path(svg[1], 'svg'),
      alt: altText[1].replace(/\s+/g, ' ').trim(),
    };
  }
  if (altExpr) {
    return { svg: path(svg[1], 'svg'), altKey: path(altExpr[1], 'alt') };
  }
  throw new Error(`figureSource: <Figure id="${id}"> in ${file} ` +
    'has no alt');
}

/** The value at `path` in a chapter's computation, a string. */
export function valueAt(
  value: unknown, path: readonly string[], where: string,
): string {
  let v = value;
  for (const k of path) {
    v = v !== null && typeof v === 'object'
      ? (v as Record<string, unknown>)[k] : undefined;
  }
  if (typeof v !== 'string') {
    throw new Error(`valueAt: ${where}.${path.join('.')} is not a string`);
  }
  return v;
}

/** Every part's figure with where it comes from, in the book's order. */
export function partFigures(
  figures: readonly PartFigure[] = PART_FIGURES,
  root = process.cwd(),
): (PartFigure & FigureSource & { title: string })[] {
  return PARTS.filter((p) => p.chapters.length > 0).map((p) => {
    const mine = figures.filter((f) => f.part === p.dir);
    if (mine.length !== 1) {
      throw new Error(`partFigures: part "${p.dir}" has ${mine.length} ` +
        'figures; the home page shows one from each part');
    }
    const f = mine[0];
    if (!p.chapters.includes(f.slug)) {
      throw new Error(`partFigures: "${f.slug}" is not a chapter of ` +
        `part "${p.dir}"`);
    }
    const file = chapter(f.slug).file;
    const source = readFileSync(join(root, file), 'utf8');
    return { ...f, ...figureSource(source, f.id, file), title: p.title };
  });
}

/**
 * Which figures of a two-column grid take a whole row: those too wide
 * for a column (`wide`), and one that fits a column but would stand
 * alone in its row (the next takes a whole row, or it is the last).
 */
export function wholeRows(wide: readonly boolean[]): boolean[] {
  const out: boolean[] = [];
  let open = false; // a row with one figure in its first column
  wide.forEach((w, i) => {
    if (w) {
      out.push(true);
      return;
    }
    const last = i + 1 === wide.length || wide[i + 1];
    if (!open && last) {
      out.push(true);
      return;
    }
    out.push(false);
    open = !open;
  });
  return out;
}

/** The figure's place in its chapter, under the site's `base`. */
export function chapterLink(base: string, slug: string, id: string) {
  return `${base.replace(/\/?$/, '/')}${slug}/#${figAnchor(id)}`;
}

/**
 * The figure's id on the home page: the chapter's anchor after "front-",
 * so that it is unique there and no link meant for the chapter lands on
 * the home page.
 */
export const frontAnchor = (id: string) => `front-${figAnchor(id)}`;
