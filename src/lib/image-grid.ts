// Figures of small grey-scale images (Fashion-MNIST and the like) laid
// out on a grid: the autoencoder chapters' reconstructions, denoised
// images, samples and decoded latent grids. Each panel is a PNG data
// URL drawn by a Plot.image mark; a title may sit above a panel and a
// label left of each row. Used by src/compute/ modules only.
import { renderPlot, Plot } from './plot.ts';
import { pngDataUrl } from './png.ts';

export interface ImagePanel {
  /** side x side grey levels in [0, 1] (clamped), row-major. */
  readonly data: ArrayLike<number>;
  /** Drawn above the panel; '' or undefined for none. */
  readonly title?: string;
}

export interface ImageGridOptions {
  /** Panels per row; panels fill the grid row by row. */
  readonly cols: number;
  /** Pixels per image side (28 for Fashion-MNIST, 14 shrunk). */
  readonly pixels: number;
  /** Drawn size of a panel in px (default 64). */
  readonly side?: number;
  /** One label per grid row, drawn to the left (default none). */
  readonly rowLabels?: readonly string[];
  /** Width reserved for the row labels in px (default 110). */
  readonly labelWidth?: number;
  /** Font size in px (default 15: 11 px or more on a phone when the
   *  figure is at most ~520 px wide). */
  readonly fontSize?: number;
}

/** An SVG string (renderPlot) of the panels on a grid. */
export function imageGrid(panels: readonly ImagePanel[],
  o: ImageGridOptions): string {
  const { cols, pixels } = o;
  if (!Number.isInteger(cols) || cols < 1 || panels.length === 0) {
    throw new Error('imageGrid: need cols >= 1 and at least one panel');
  }
  const side = o.side ?? 64;
  const fontSize = o.fontSize ?? 15;
  const positive = (name: string, v: number, whole: boolean) => {
    if (!(Number.isFinite(v) && v > 0 && (!whole || Number.isInteger(v)))) {
      throw new Error(`imageGrid: ${name} must be a positive ` +
        `${whole ? 'integer' : 'number'}, got ${v}`);
    }
  };
  positive('pixels', pixels, true);
  positive('side', side, false);
  positive('fontSize', fontSize, false);
  if (o.labelWidth !== undefined) positive('labelWidth', o.labelWidth, false);
  const rows = Math.ceil(panels.length / cols);
  if (o.rowLabels && o.rowLabels.length !== rows) {
    throw new Error(`imageGrid: ${o.rowLabels.length} row labels for ` +
      `${rows} rows`);
  }
  const hasTitles = panels.some((p) => p.title);
  const left = o.rowLabels ? (o.labelWidth ?? 110) : 4;
  const laid = panels.map((p, i) => {
    if (p.data.length !== pixels * pixels) {
      throw new Error(`imageGrid: panel ${i} has ${p.data.length} ` +
        `values, expected ${pixels * pixels}`);
    }
    return {
      title: p.title ?? '', x: i % cols, y: Math.floor(i / cols),
      src: pngDataUrl({ rows: pixels, cols: pixels, data: p.data }),
    };
  });
  const gap = hasTitles ? fontSize + 12 : 6;
  const labels = (o.rowLabels ?? []).map((text, y) => ({ text, y }));
  return renderPlot({
    width: left + cols * (side + 6) + 4,
    height: rows * (side + gap) + (hasTitles ? 4 : 8),
    style: { background: 'transparent', fontSize: `${fontSize}px` },
    marginLeft: left, marginRight: 4, marginBottom: 4,
    marginTop: hasTitles ? gap : 4,
    x: { axis: null, domain: [-0.5, cols - 0.5] },
    y: { axis: null, domain: [rows - 0.5, -0.5] },
    marks: [
      Plot.image(laid, { x: 'x', y: 'y', src: 'src', width: side,
        height: side, imageRendering: 'pixelated' }),
      Plot.text(laid.filter((p) => p.title), { x: 'x', y: 'y',
        text: 'title', dy: -side / 2 - fontSize / 2 - 3,
        fill: 'currentColor', fontSize }),
      Plot.text(labels, { x: () => -0.5, y: 'y', text: 'text',
        textAnchor: 'end', dx: -8, fill: 'currentColor', fontSize,
        lineWidth: Math.max(4, Math.floor(left / (0.55 * fontSize))) }),
    ],
  });
}
