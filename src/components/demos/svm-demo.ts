// Client script of SvmDemo.astro: a plain custom element. Every change of
// C or γ refits the RBF SVM with the chapter's own fitSvc and ovoValues,
// the functions tests/support-vector-machines.test.ts checks against
// scikit-learn, and redraws the boundary f = 0 and the margins f = ±1.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import { ovoValues, predictSvc } from '../../../code/support-vector-machines/predict.ts';
import { fitSvc } from '../../../code/support-vector-machines/svc.ts';

interface Grid { x0: number; x1: number; nx: number; y0: number; y1: number; ny: number }
import { goLive, setText, SVG_NS as SVG } from './demo-kit.ts';

interface DemoData {
  x: number[]; y: number[]; grid: Grid;
  Cs: number[]; gammas: number[]; start: { C: number; gamma: number };
}

// The plot box in SVG units; keep in step with BOX in SvmDemo.astro.
const L = 50, R = 470, T = 10, B = 280;
const COLORS = ['#0072B2', '#E69F00'];

class SvmDemo extends HTMLElement {
  data!: DemoData;
  X!: Matrix;
  y!: Int32Array;
  Q!: Matrix;
  cSlider!: HTMLInputElement;
  gSlider!: HTMLInputElement;

  connectedCallback() {
    if (this.cSlider) return; // already set up
    this.data = JSON.parse(this.dataset.demo ?? '{}');
    const n = this.data.y.length, g = this.data.grid;
    this.X = new Matrix(n, 2, Float64Array.from(this.data.x));
    this.y = Int32Array.from(this.data.y);
    this.Q = new Matrix(g.nx * g.ny, 2);
    for (let r = 0; r < g.ny; r++) {
      for (let c = 0; c < g.nx; c++) {
        const k = r * g.nx + c;
        this.Q.data[2 * k] = g.x0 + ((c + 0.5) * (g.x1 - g.x0)) / g.nx;
        this.Q.data[2 * k + 1] = g.y0 + ((r + 0.5) * (g.y1 - g.y0)) / g.ny;
      }
    }
    this.cSlider = this.querySelector('input.svd-c')!;
    this.gSlider = this.querySelector('input.svd-g')!;
    goLive(this);
    this.addEventListener('input', () => this.render());
    this.render();
  }

  /** Refits, redraws regions, boundary, margins and support vectors. */
  render() {
    const C = this.data.Cs[Number(this.cSlider.value)];
    const gamma = this.data.gammas[Number(this.gSlider.value)];
    const g = this.data.grid;
    const m = fitSvc(this.X, this.y, { C, kernel: { kind: 'rbf', gamma } });
    const F = ovoValues(m, this.Q).data; // libsvm sign: class 0 > 0
    const f = (r: number, c: number) => -F[r * g.nx + c];
    const cw = (R - L) / g.nx, ch = (B - T) / g.ny;
    const cells = this.querySelector('.svd-cells')!;
    cells.replaceChildren();
    const edges = ['', '', '']; // levels −1, 0, +1
    for (let r = 0; r < g.ny; r++) {
      const top = B - (r + 1) * ch; // grid row 0 is at the bottom
      let start = 0;
      for (let c = 1; c <= g.nx; c++) {
        if (c < g.nx && (f(r, c) > 0) === (f(r, start) > 0)) continue;
        const rect = cells.appendChild(document.createElementNS(SVG, 'rect'));
        rect.setAttribute('x', String(L + start * cw));
        rect.setAttribute('y', String(top));
        rect.setAttribute('width', String((c - start) * cw + 0.3));
        rect.setAttribute('height', String(ch + 0.3));
        rect.setAttribute('fill', COLORS[f(r, start) > 0 ? 1 : 0]);
        start = c;
      }
      [-1, 0, 1].forEach((lv, e) => {
        const side = (rr: number, cc: number) => f(rr, cc) > lv;
        for (let c = 1; c < g.nx; c++) {
          if (side(r, c) !== side(r, c - 1)) edges[e] += `M${L + c * cw},${top}v${ch}`;
        }
        if (r === 0) return;
        for (let c = 0; c < g.nx; c++) {
          if (side(r, c) !== side(r - 1, c)) edges[e] += `M${L + c * cw},${top + ch}h${cw}`;
        }
      });
    }
    const paths = this.querySelectorAll('.svd-edges path');
    edges.forEach((d, e) => paths[e].setAttribute('d', d));
    const rings = this.querySelector('.svd-sv')!;
    rings.replaceChildren();
    for (const i of m.support) {
      const ring = rings.appendChild(document.createElementNS(SVG, 'circle'));
      ring.setAttribute('cx', String(L + ((this.X.data[2 * i] - g.x0) / (g.x1 - g.x0)) * (R - L)));
      ring.setAttribute('cy', String(B - ((this.X.data[2 * i + 1] - g.y0) / (g.y1 - g.y0)) * (B - T)));
      ring.setAttribute('r', '7');
    }
    const p = predictSvc(m, this.X);
    let wrong = 0;
    p.forEach((c, i) => { if (c !== this.y[i]) wrong++; });
    const n = this.y.length;
    setText(this, '.svd-c-value', String(C));
    setText(this, '.svd-g-value', String(gamma));
    setText(this, '.demo-readout',
      `C = ${C}, γ = ${gamma}: ${m.support.length} of ${n} points are ` +
      `support vectors (ringed); ${wrong} of ${n} training points are ` +
      `on the wrong side of the boundary.`);
  }
}

customElements.define('svm-demo', SvmDemo);
