// What the client scripts of the book's interactive figures share (the
// *-demo.ts files here): the live/static switch, the map between data
// and SVG units, dragging a point with the pointer or moving it with the
// arrow keys, and writing a readout. The classes named here are styled
// by src/styles/demo.css; CONTRIBUTING.md ("Interactive figures") shows
// how a demo uses both.

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Shows the live drawing instead of the static figure: unhides the
 *  host's .demo-live and sets [data-ready] (demo.css does the rest, and
 *  print still shows the static figure). */
export function goLive(host: HTMLElement): void {
  host.querySelector<HTMLElement>('.demo-live')!.hidden = false;
  host.toggleAttribute('data-ready', true);
}

/** Sets the text of the host's element that matches sel (a readout, a
 *  slider's value). */
export function setText(host: Element, sel: string, text: string): void {
  host.querySelector(sel)!.textContent = text;
}

/** A plot box in SVG units: left, right, top and bottom edges. */
export interface Box { L: number; R: number; T: number; B: number }
/** The data shown in that box: x from x0 to x1, y from y0 (bottom) to
 *  y1 (top). */
export interface Domain { x0: number; x1: number; y0: number; y1: number }

/** The linear map between data (x, y) and SVG units (u, v) of a plot:
 *  sx, sy to draw; dx, dy to read a pointer position back as data. */
export function scales(box: Box, d: Domain) {
  const { L, R, T, B } = box;
  return {
    sx: (x: number) => L + ((x - d.x0) / (d.x1 - d.x0)) * (R - L),
    sy: (y: number) => B - ((y - d.y0) / (d.y1 - d.y0)) * (B - T),
    dx: (u: number) => d.x0 + ((u - L) / (R - L)) * (d.x1 - d.x0),
    dy: (v: number) => d.y0 + ((B - v) / (B - T)) * (d.y1 - d.y0),
  };
}

/** A pointer event's position in the SVG's own units (its viewBox). */
export function svgPoint(svg: SVGSVGElement,
  e: { clientX: number; clientY: number }): { u: number; v: number } {
  const pt = svg.createSVGPoint();
  pt.x = e.clientX;
  pt.y = e.clientY;
  const p = pt.matrixTransform(svg.getScreenCTM()!.inverse());
  return { u: p.x, v: p.y };
}

/** Follows a drag that starts with the pointerdown e: captures the
 *  pointer on e.currentTarget and calls move with each new position in
 *  the SVG's units until the pointer is released. */
export function drag(svg: SVGSVGElement, e: PointerEvent,
  move: (u: number, v: number) => void): void {
  const target = e.currentTarget as Element;
  target.setPointerCapture(e.pointerId);
  const onMove = (ev: Event) => {
    const p = svgPoint(svg, ev as PointerEvent);
    move(p.u, p.v);
  };
  const up = () => {
    target.removeEventListener('pointermove', onMove);
    target.removeEventListener('pointerup', up);
  };
  target.addEventListener('pointermove', onMove);
  target.addEventListener('pointerup', up);
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/** The direction in data units (up is +y) an arrow key moves a point
 *  by, or null for any other key. */
export function arrow(e: KeyboardEvent): [number, number] | null {
  return ARROWS[e.key] ?? null;
}

/** Makes the mark `el` on `svg` movable by dragging and, once focused,
 *  by the arrow keys: `to` receives each new position in data units
 *  (scale's dx, dy read the pointer back); a key moves the mark from
 *  `at()` by `step(e)` data units. The key is not passed on, so that a
 *  key handler on the plot itself does not see it. */
export function draggable(el: Element, svg: SVGSVGElement,
  scale: { dx: (u: number) => number; dy: (v: number) => number },
  at: () => readonly [number, number],
  to: (x: number, y: number) => void,
  step: (e: KeyboardEvent) => number): void {
  el.addEventListener('pointerdown', (e) => drag(svg, e as PointerEvent,
    (u, v) => to(scale.dx(u), scale.dy(v))));
  el.addEventListener('keydown', (e) => {
    const k = e as KeyboardEvent;
    const d = arrow(k);
    if (!d) return;
    k.preventDefault();
    k.stopPropagation();
    const [x, y] = at();
    to(x + step(k) * d[0], y + step(k) * d[1]);
  });
}
