// How wide a figure must stay for its text to be legible: the book's
// figures are SVGs drawn at a width of 640 units with 10–14 px text and
// scaled to the column, so on a 390 px phone their labels would shrink to
// about 6 px. A figure never gets narrower than the width at which its
// smallest text is MIN_TEXT_PX; below that it scrolls.

/** Smallest text size, in CSS pixels, a reader is asked to read. */
export const MIN_TEXT_PX = 11;

/**
 * The width in CSS pixels below which the figure's smallest text would be
 * smaller than MIN_TEXT_PX, or null if the SVG has no text or no viewBox.
 * The root's own `font-size` attribute is Plot's default, overridden by
 * its `style`; every other size in the markup counts.
 */
export function figureMinWidth(svg: string): number | null {
  // the charts, not a legend's swatch icons (Plot names its chart plot-…);
  // a figure may stack several charts
  let roots = [...svg.matchAll(/<svg\b[^>]*\bclass="plot-[^>]*>/g)]
    .map((m) => m[0]);
  if (roots.length === 0) {
    const first = /<svg\b[^>]*>/.exec(svg)?.[0];
    if (!first) return null;
    roots = [first];
  }
  if (!/<text\b/.test(svg)) return null;
  // a legend's stylesheet sets its HTML text, which book.css overrides
  let rest = svg.replace(/<style>[\s\S]*?<\/style>/g, '');
  let need = 0;
  for (const root of roots) {
    rest = rest.replace(root, '');
    const view = /viewBox="[\d.\s-]*?\s([\d.]+)\s+[\d.]+"/.exec(root);
    if (!view) continue;
    // the root's own font-size attribute is Plot's default, overridden by
    // its style; the style sets the chart's text
    const style = /font-size:\s*([\d.]+)px/.exec(root);
    need = Math.max(need, Number(view[1]) / (style ? Number(style[1]) : 10));
  }
  if (need === 0) return null;
  let smallest = Infinity;
  for (const m of rest.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)) {
    smallest = Math.min(smallest, Number(m[1]));
  }
  // text set smaller than a chart's own size needs more width still
  const widest = Math.max(...roots.map((r) =>
    Number(/viewBox="[\d.\s-]*?\s([\d.]+)\s+[\d.]+"/.exec(r)?.[1] ?? 0)));
  if (Number.isFinite(smallest)) need = Math.max(need, widest / smallest);
  return Math.ceil(need * MIN_TEXT_PX);
}
