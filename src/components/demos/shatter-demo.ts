// Client script of ShatterDemo.astro: a plain custom element. Every move
// recomputes, with the chapter's own halfPlaneWitnesses (the function
// tests/learning-theory.test.ts checks against SciPy's LP), which of the
// 2^m labellings of the points a half-plane can make, and draws each
// labelling with its half-plane or a cross.
import {
  halfPlaneWitnesses,
  type Point2,
} from '../../../code/learning-theory/classes.ts';
import {
  arrow, drag, goLive, scales, setText, SVG_NS as SVG,
} from './demo-kit.ts';

const MAX = 5; // 32 small panels at most
// The main plot: data in [0, 1]^2 drawn in a 300 x 300 box.
const S = 300;
const PAD = 12;
const { sx, sy, dx, dy } = scales({ L: PAD, R: S - PAD, T: PAD, B: S - PAD },
  { x0: 0, x1: 1, y0: 0, y1: 1 });
const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 20)
  / 20;

function el(tag: string, attrs: Record<string, string | number>) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The segment of <w, x> + b = 0 inside the unit square, if any. */
function segment(w: Point2, b: number): [Point2, Point2] | null {
  const pts: Point2[] = [];
  for (const t of [0, 1]) {
    if (Math.abs(w[1]) > 1e-12) {
      const y = -(b + w[0] * t) / w[1];
      if (y >= 0 && y <= 1) pts.push([t, y]);
    }
    if (Math.abs(w[0]) > 1e-12) {
      const x = -(b + w[1] * t) / w[0];
      if (x >= 0 && x <= 1) pts.push([x, t]);
    }
  }
  return pts.length >= 2 ? [pts[0], pts[1]] : null;
}

class ShatterDemo extends HTMLElement {
  pts: Point2[] = [];
  start: Point2[] = [];
  svg!: SVGSVGElement;

  connectedCallback() {
    if (this.svg) return; // already set up
    this.start = JSON.parse(this.dataset.points ?? '[]');
    this.pts = this.start.map(([x, y]) => [x, y]);
    this.svg = this.querySelector('svg.shd-main')!;
    goLive(this);
    this.svg.addEventListener('pointerdown', (e) => this.down(e));
    this.svg.addEventListener('keydown', (e) => this.key(e));
    this.addEventListener('click', (e) => {
      const act = (e.target as Element).closest('button')?.dataset.act;
      if (act === 'add' && this.pts.length < MAX) {
        this.pts.push([0.5, 0.5]);
        this.render(`Point ${this.pts.length} added. `);
      } else if (act === 'remove' && this.pts.length > 1) {
        this.pts.pop();
        this.render('Last point removed. ');
      } else if (act === 'reset') {
        this.pts = this.start.map(([x, y]) => [x, y]);
        this.render('Points reset. ');
      }
    });
    this.render('');
  }

  down(e: PointerEvent) {
    const i = Number((e.target as Element).getAttribute('data-i') ?? -1);
    if (i < 0) return;
    drag(this.svg, e, (u, v) => {
      this.pts[i] = [clamp(dx(u)), clamp(dy(v))];
      this.render('');
    });
    e.preventDefault();
    this.dot(i)?.focus();
  }

  key(e: KeyboardEvent) {
    const i = Number((e.target as Element).getAttribute('data-i') ?? -1);
    const step = arrow(e);
    if (i < 0 || !step) return;
    const by = e.shiftKey ? 0.2 : 0.05;
    const [x, y] = this.pts[i];
    this.pts[i] = [clamp(x + step[0] * by), clamp(y + step[1] * by)];
    this.render(`Point ${i + 1} at (${this.pts[i].join(', ')}). `);
    e.preventDefault();
  }

  dot(i: number): SVGElement | undefined {
    return this.svg.querySelectorAll<SVGElement>('.demo-point')[i];
  }

  /** Recomputes the labellings, redraws, and says what changed. */
  render(said: string) {
    const m = this.pts.length;
    const found = halfPlaneWitnesses(this.pts);
    const dots = this.svg.querySelector('.shd-pts')!;
    while (dots.children.length > m) dots.lastElementChild!.remove();
    this.pts.forEach(([x, y], i) => {
      let g = dots.children[i];
      if (!g) {
        g = dots.appendChild(el('g', {}));
        g.appendChild(el('circle', { class: 'demo-point', r: 9, tabindex: 0,
          role: 'button', 'data-i': i }));
        g.appendChild(el('text', { class: 'shd-num', 'aria-hidden': 'true' }))
          .textContent = String(i + 1);
      }
      const c = g.firstElementChild!;
      c.setAttribute('cx', String(sx(x)));
      c.setAttribute('cy', String(sy(y)));
      c.setAttribute('aria-label', `Point ${i + 1}: x ${x}, y ${y}`);
      const t = g.lastElementChild!;
      t.setAttribute('x', String(sx(x) + 12));
      t.setAttribute('y', String(sy(y) - 10));
    });
    const grid = this.querySelector('.shd-grid')!;
    grid.replaceChildren();
    const missing: string[] = [];
    for (let mask = 0; mask < 2 ** m; mask++) {
      const name = Array.from({ length: m }, (_, i) => (mask >> i) & 1)
        .join(' ');
      const h = found.get(mask);
      if (!h) missing.push(`(${name})`);
      grid.appendChild(this.panel(mask, name, h));
    }
    const total = 2 ** m;
    const verdict = found.size === total ? 'shattered' :
      `not shattered; no half-plane makes ${missing.join(', ')}`;
    setText(this, '.demo-readout', said +
      `${m} point${m === 1 ? '' : 's'}: ${found.size} of ${total} ` +
      `labellings, ${verdict}.`);
  }

  panel(mask: number, name: string,
    h: { w: Point2; b: number } | undefined): Element {
    const fig = document.createElement('figure');
    fig.className = h ? 'shd-panel' : 'shd-panel shd-none';
    const svg = el('svg', { viewBox: '-6 -6 72 72', 'aria-hidden': 'true' });
    const px = (x: number) => x * 60;
    const py = (y: number) => 60 - y * 60;
    svg.appendChild(el('rect', { x: 0, y: 0, width: 60, height: 60,
      class: 'shd-box' }));
    const seg = h ? segment(h.w, h.b) : null;
    if (seg) {
      svg.appendChild(el('line', { x1: px(seg[0][0]), y1: py(seg[0][1]),
        x2: px(seg[1][0]), y2: py(seg[1][1]), class: 'shd-line' }));
    } else if (!h) {
      svg.appendChild(el('path', { d: 'M15 15 L45 45 M45 15 L15 45',
        class: 'shd-cross' }));
    }
    this.pts.forEach(([x, y], i) => {
      svg.appendChild(el('circle', { cx: px(x), cy: py(y), r: 5,
        class: (mask >> i) & 1 ? 'shd-one' : 'shd-zero' }));
    });
    fig.appendChild(svg);
    const cap = fig.appendChild(document.createElement('figcaption'));
    cap.textContent = `(${name})`;
    return fig;
  }
}

customElements.define('shatter-demo', ShatterDemo);
