// Renders an Observable Plot chart to a static SVG string at build time.
// Ink uses `currentColor`, so axes and labels follow the page's text colour
// in light mode, dark mode and print; data colours come from PALETTE, which
// is legible on white and on the dark theme. Never carry meaning by colour
// alone: pair it with a mark shape, a dash pattern or a direct label.
import { createHash } from 'node:crypto';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { plotData } from './plot-data.ts';

export { Plot };

/** Colour-blind-safe (Okabe–Ito) colours, readable on light and dark. */
export const PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // green
  '#CC79A7', // purple
  '#D55E00', // vermillion
  '#56B4E9', // sky
] as const;

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/**
 * Renders `options` with Plot and returns the `<svg>` markup. Width
 * defaults to 640 (the chapter column); fonts inherit from the page.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const node = Plot.plot({
    width: 640,
    // A given aspect ratio (equal units on x and y) sets the height.
    ...(options.aspectRatio === undefined ? { height: 320 } : {}),
    style: { background: 'transparent', fontSize: '12px' },
    ...options,
    document: document as unknown as Document,
  }) as unknown as Element;
  // Plot names each mark's group (aria-label="line", and a frame's
  // <rect> "frame") but gives it no role, which ARIA forbids; the
  // figure's alt text describes the chart.
  for (const e of node.querySelectorAll('[aria-label]:not([role])')) {
    e.removeAttribute('aria-label');
  }
  // Dashes end flat: Plot's lines have round caps, which grow each dash
  // by the stroke's width and close a gap that is not wider, so a dashed
  // line would draw solid. A gap must be a positive length ("" and
  // "none" are solid lines).
  for (const e of node.querySelectorAll('[stroke-dasharray]')) {
    const dash = e.getAttribute('stroke-dasharray')!.trim();
    if (dash === '' || dash === 'none') continue; // solid
    const parts = dash.split(/[\s,]+/).map(Number);
    if (parts.some((v) => !(v >= 0)) || parts.every((v) => v === 0) ||
      (parts.length % 2 === 0 && parts.some((v, i) => i % 2 === 1 &&
        v === 0))) {
      throw new Error(`renderPlot: stroke-dasharray "${dash}" has no gap`);
    }
    e.setAttribute('stroke-linecap', 'butt');
    for (const c of e.querySelectorAll('[stroke-linecap]')) {
      c.setAttribute('stroke-linecap', 'butt');
    }
  }
  // The numbers behind the chart, for the figure's "Data" tables
  // (Figure.astro takes the attribute off and renders them).
  const tables = plotData(options);
  if (tables.length > 0) {
    node.setAttribute('data-book-data',
      encodeURIComponent(JSON.stringify(tables)));
  }
  if (node.tagName.toLowerCase() === 'figure') {
    // A legend makes Plot wrap the chart in <figure>; keep the markup.
    return stableIds(node.outerHTML);
  }
  node.setAttribute('width', '100%');
  node.removeAttribute('height');
  return stableIds(node.outerHTML);
}

const PLOT_ID = /\bplot-(clip|pattern)-\d+\b/g;

/**
 * Plot numbers its clip paths and patterns from a counter global to the
 * process ("plot-clip-7"), so a figure's markup would depend on how many
 * charts this thread drew before it, and a rebuild that draws fewer
 * would print different pages. Renames each to a hash of the markup
 * with its ids taken out, and its order: the same chart, the same ids;
 * two different charts on one page, different ids.
 */
export function stableIds(svg: string): string {
  const seen = new Map<string, string>();
  const hash = createHash('sha256').update(svg.replace(PLOT_ID, 'plot-$1'))
    .digest('hex').slice(0, 10);
  return svg.replace(PLOT_ID, (id, kind: string) => {
    let name = seen.get(id);
    if (name === undefined) {
      name = `plot-${kind}-${hash}-${seen.size + 1}`;
      seen.set(id, name);
    }
    return name;
  });
}

/**
 * `make()`, computed on the first call only: a figure's study runs once
 * per build and is shared by its figures and the numbers in the prose.
 */
export function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

export interface LabelOptions {
  anchor?: 'start' | 'middle' | 'end';
  /** Offsets in pixels from the point. */
  dx?: number;
  dy?: number;
  fontSize?: number;
  italic?: boolean;
}

/** A direct label: `text` at the data point (x, y), in the page's ink. */
export function label(
  x: number,
  y: number,
  text: string,
  opts: LabelOptions = {},
) {
  const { anchor = 'start', dx, dy, fontSize, italic } = opts;
  return Plot.text([{ x, y }], {
    x: 'x',
    y: 'y',
    text: () => text,
    textAnchor: anchor,
    fill: 'currentColor',
    ...(dx === undefined ? {} : { dx }),
    ...(dy === undefined ? {} : { dy }),
    ...(fontSize === undefined ? {} : { fontSize }),
    ...(italic === undefined ? {} : {
      fontStyle: italic ? 'italic' : 'normal',
    }),
  });
}
