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
  // the chart, not a legend's swatch icons (Plot names its chart plot-…)
  const root = /<svg\b[^>]*\bclass="plot-[^>]*>/.exec(svg)?.[0] ??
    /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return null;
  const view = /viewBox="[\d.\s-]*?\s([\d.]+)\s+[\d.]+"/.exec(root);
  if (!view) return null;
  const width = Number(view[1]);
  const rootStyle = /font-size:\s*([\d.]+)px/.exec(root);
  const sizes: number[] = rootStyle ? [Number(rootStyle[1])] : [];
  const rest = svg.slice(svg.indexOf(root) + root.length);
  for (const m of rest.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)) {
    sizes.push(Number(m[1]));
  }
  if (!/<text\b/.test(svg) || sizes.length === 0) return null;
  let smallest = Infinity;
  for (const s of sizes) if (s < smallest) smallest = s;
  return Math.ceil((width * MIN_TEXT_PX) / smallest);
}
