// Client script of LeastSquaresDemo.astro: a plain custom element. Every
// change refits the line with the chapter's own fitNormalEquations and
// r2Score, the functions tests/linear-regression.test.ts checks.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import { r2Score } from '../../../code/linear-regression/metrics.ts';
import {
  fitNormalEquations,
  predict,
} from '../../../code/linear-regression/model.ts';
import {
  arrow, drag, goLive, scales, setText, svgPoint, SVG_NS as SVG,
} from './demo-kit.ts';

// The plot box in SVG units; data live in [0, 10] × [0, 10]. Keep in
// step with BOX in LeastSquaresDemo.astro.
const { sx, sy, dx, dy } = scales({ L: 40, R: 470, T: 10, B: 270 },
  { x0: 0, x1: 10, y0: 0, y1: 10 });
const tenth = (v: number) =>
  Math.round(Math.min(10, Math.max(0, v)) * 10) / 10;
const num = (v: number) => v.toFixed(2).replace('-', '\u2212');

class LeastSquaresDemo extends HTMLElement {
  pts: [number, number][] = [];
  start: [number, number][] = [];
  svg!: SVGSVGElement;

  connectedCallback() {
    if (this.svg) return; // already set up
    this.start = JSON.parse(this.dataset.points ?? '[]');
    this.pts = this.start.map(([x, y]) => [x, y]);
    this.svg = this.querySelector('svg.lsd-svg')!;
    goLive(this);
    this.svg.addEventListener('pointerdown', (e) => this.down(e));
    this.svg.addEventListener('keydown', (e) => this.key(e));
    this.addEventListener('click', (e) => {
      const act = (e.target as Element).closest('button')?.dataset.act;
      if (act === 'add') this.add(5, 5);
      if (act === 'reset') {
        this.pts = this.start.map(([x, y]) => [x, y]);
        this.render('Points reset. ');
      }
    });
    this.render('');
  }

  /** The pointer position in data units, to a tenth. */
  at(e: PointerEvent): [number, number] {
    const { u, v } = svgPoint(this.svg, e);
    return [tenth(dx(u)), tenth(dy(v))];
  }

  down(e: PointerEvent) {
    const target = e.target as Element;
    let i = Number(target.getAttribute('data-i') ?? -1);
    if (i < 0 && target.classList.contains('lsd-bg')) {
      i = this.add(...this.at(e));
    }
    if (i < 0) return;
    drag(this.svg, e, (u, v) => {
      this.pts[i] = [tenth(dx(u)), tenth(dy(v))];
      this.render('');
    });
    e.preventDefault();
    this.dot(i)?.focus();
  }

  key(e: KeyboardEvent) {
    const i = Number((e.target as Element).getAttribute('data-i') ?? -1);
    if (e.key === '+' || e.key === 'Insert') this.add(5, 5);
    if (i < 0) return;
    const step = arrow(e);
    if (step) {
      const by = e.shiftKey ? 1 : 0.1;
      const [x, y] = this.pts[i];
      this.pts[i] = [tenth(x + step[0] * by), tenth(y + step[1] * by)];
      this.render(`Point ${i + 1} at (${this.pts[i].join(', ')}). `);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      this.pts.splice(i, 1);
      this.render(`Point ${i + 1} removed. `);
      this.dot(Math.min(i, this.pts.length - 1))?.focus();
    } else return;
    e.preventDefault();
  }

  add(x: number, y: number): number {
    this.pts.push([x, y]);
    this.render(`Point ${this.pts.length} added at (${x}, ${y}). `);
    this.dot(this.pts.length - 1)?.focus();
    return this.pts.length - 1;
  }

  dot(i: number): SVGElement | undefined {
    return this.svg.querySelectorAll<SVGElement>('.lsd-pt')[i];
  }

  /** Fits the line, redraws, and says what changed. */
  render(said: string) {
    const n = this.pts.length;
    const X = new Matrix(Math.max(n, 1), 1);
    const y = new Float64Array(n);
    this.pts.forEach(([xi, yi], i) => ((X.data[i] = xi), (y[i] = yi)));
    let fit: { w: Float64Array; b: number } | null = null;
    let text = 'Add a second point with a different x to fit a line.';
    try {
      fit = fitNormalEquations(X, y);
      const [w, b] = [fit.w[0], fit.b];
      let r2 = 'undefined (all y are equal)';
      try {
        r2 = num(r2Score(y, predict(X, fit.w, b)));
      } catch {}
      text = `Slope ${num(w)}, intercept ${num(b)}, R² ${r2}; ${n} points.`;
    } catch {}
    setText(this, '.lsd-readout', said + text);
    const line = this.svg.querySelector('.lsd-line')!;
    line.setAttribute('visibility', fit ? 'visible' : 'hidden');
    if (fit) {
      line.setAttribute('y1', String(sy(fit.b)));
      line.setAttribute('y2', String(sy(fit.b + 10 * fit.w[0])));
    }
    const res = this.svg.querySelector('.lsd-res')!;
    const dots = this.svg.querySelector('.lsd-pts')!;
    res.replaceChildren();
    while (dots.children.length > n) dots.lastElementChild!.remove();
    this.pts.forEach(([xi, yi], i) => {
      if (fit) {
        const seg = res.appendChild(document.createElementNS(SVG, 'line'));
        const yHat = fit.b + fit.w[0] * xi;
        seg.setAttribute('x1', String(sx(xi)));
        seg.setAttribute('x2', String(sx(xi)));
        seg.setAttribute('y1', String(sy(yi)));
        seg.setAttribute('y2', String(sy(yHat)));
      }
      let c = dots.children[i];
      if (!c) {
        c = dots.appendChild(document.createElementNS(SVG, 'circle'));
        c.setAttribute('class', 'demo-point lsd-pt');
        c.setAttribute('r', '7');
        c.setAttribute('tabindex', '0');
        c.setAttribute('role', 'button');
        c.setAttribute('data-i', String(i));
      }
      c.setAttribute('cx', String(sx(xi)));
      c.setAttribute('cy', String(sy(yi)));
      c.setAttribute('aria-label', `Point ${i + 1}: x ${xi}, y ${yi}`);
    });
  }
}

customElements.define('least-squares-demo', LeastSquaresDemo);
