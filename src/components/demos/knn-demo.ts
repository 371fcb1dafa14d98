// Client script of KnnDemo.astro: a plain custom element. Every change of
// k or of the weighting refits the classifier with the chapter's own
// fitKnnClassifier and decisionRegions, the functions
// tests/k-nearest-neighbors.test.ts checks; the leave-one-out errors in
// the readout were computed at build time by the same code.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import { fitKnnClassifier } from '../../../code/k-nearest-neighbors/classifier.ts';
import {
  decisionRegions,
  type Grid,
} from '../../../code/k-nearest-neighbors/regions.ts';
import { goLive, setText, SVG_NS as SVG } from './demo-kit.ts';

interface DemoData {
  x: number[];
  y: number[];
  grid: Grid;
  kMax: number;
  looUniform: number[];
  looDistance: number[];
}

// The plot box in SVG units; keep in step with BOX in KnnDemo.astro.
const L = 50;
const R = 470;
const T = 10;
const B = 280;
const COLORS = ['#0072B2', '#E69F00', '#009E73'];
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

class KnnDemo extends HTMLElement {
  data!: DemoData;
  X!: Matrix;
  y!: Int32Array;
  slider!: HTMLInputElement;

  connectedCallback() {
    if (this.slider) return; // already set up
    this.data = JSON.parse(this.dataset.demo ?? '{}');
    this.X = new Matrix(this.data.y.length, 2, Float64Array.from(this.data.x));
    this.y = Int32Array.from(this.data.y);
    this.slider = this.querySelector('input[type=range]')!;
    goLive(this);
    this.addEventListener('input', () => this.render());
    this.addEventListener('change', () => this.render());
    this.render();
  }

  weights(): 'uniform' | 'distance' {
    const w = this.querySelector<HTMLInputElement>('input[type=radio]:checked');
    return w?.value === 'distance' ? 'distance' : 'uniform';
  }

  /** Refits, redraws the regions and their boundaries, and says so. */
  render() {
    const k = Number(this.slider.value);
    const weights = this.weights();
    const g = this.data.grid;
    const model = fitKnnClassifier(this.X, this.y, { k, weights });
    const labels = decisionRegions(model, g);
    const cw = (R - L) / g.nx;
    const ch = (B - T) / g.ny;
    const at = (r: number, c: number) => labels[r * g.nx + c];
    const cells = this.querySelector('.knd-cells')!;
    cells.replaceChildren();
    let edges = '';
    for (let r = 0; r < g.ny; r++) {
      const top = B - (r + 1) * ch; // grid row 0 is at the bottom
      let start = 0;
      for (let c = 1; c <= g.nx; c++) {
        if (c < g.nx && at(r, c) === at(r, start)) continue;
        const rect = cells.appendChild(document.createElementNS(SVG, 'rect'));
        rect.setAttribute('x', String(L + start * cw));
        rect.setAttribute('y', String(top));
        rect.setAttribute('width', String((c - start) * cw + 0.3));
        rect.setAttribute('height', String(ch + 0.3));
        rect.setAttribute('fill', COLORS[at(r, start)] ?? '#888');
        start = c;
      }
      for (let c = 1; c < g.nx; c++) {
        if (at(r, c) !== at(r, c - 1)) {
          edges += `M${L + c * cw},${top}v${ch}`;
        }
      }
      if (r === 0) continue;
      for (let c = 0; c < g.nx; c++) {
        if (at(r, c) !== at(r - 1, c)) edges += `M${L + c * cw},${top + ch}h${cw}`;
      }
    }
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', edges);
    this.querySelector('.knd-edges')!.replaceChildren(path);
    setText(this, '.knd-k-value', String(k));
    const loo = weights === 'uniform' ? this.data.looUniform : this.data.looDistance;
    let best = 0;
    loo.forEach((e, s) => { if (e < loo[best]) best = s; });
    const wrong = Math.round(loo[k - 1] * this.y.length);
    const how = weights === 'uniform' ? 'equal votes' : 'votes weighted by 1/distance';
    setText(this, '.demo-readout',
      `k = ${k}, ${how}: leave-one-out error ${pct(loo[k - 1])} ` +
      `(${wrong} of ${this.y.length} flowers). The lowest for k from 1 ` +
      `to ${this.data.kMax} is ${pct(loo[best])}, at k = ${best + 1}.`);
  }
}

customElements.define('knn-demo', KnnDemo);
