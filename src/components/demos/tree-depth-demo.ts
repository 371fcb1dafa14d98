// Client script of TreeDepthDemo.astro: a plain custom element. Every
// change of the depth regrows the tree with the chapter's own fitTree
// and draws its leaves with leafBoxes, the functions
// tests/decision-trees.test.ts checks; the errors in the readout were
// computed at build time by the same code.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import { leafBoxes } from '../../../code/decision-trees/regions.ts';
import { fitTree } from '../../../code/decision-trees/tree.ts';
import { goLive, scales, setText, SVG_NS as SVG } from './demo-kit.ts';

interface DemoData {
  x: number[];
  y: number[];
  bounds: [number, number, number, number];
  depthMax: number;
  cvError: number[];
  cvSe: number[];
  train: number[];
  leaves: number[];
}

// The plot box in SVG units; keep in step with BOX in TreeDepthDemo.astro.
const BOX = { L: 50, R: 470, T: 10, B: 285 };
const COLORS = ['#0072B2', '#E69F00', '#009E73'];
const SPECIES = ['Adélie', 'Chinstrap', 'Gentoo'];
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

class TreeDepthDemo extends HTMLElement {
  data!: DemoData;
  X!: Matrix;
  y!: Float64Array;
  slider!: HTMLInputElement;

  connectedCallback() {
    if (this.slider) return; // already set up
    this.data = JSON.parse(this.dataset.demo ?? '{}');
    this.X = new Matrix(this.data.y.length, 2, Float64Array.from(this.data.x));
    this.y = Float64Array.from(this.data.y);
    this.slider = this.querySelector('input[type=range]')!;
    goLive(this);
    this.slider.addEventListener('input', () => this.render());
    this.render();
  }

  /** Regrows the tree, redraws its leaves and says so. */
  render() {
    const depth = Number(this.slider.value);
    const [x0, x1, y0, y1] = this.data.bounds;
    const { sx, sy } = scales(BOX, { x0, x1, y0, y1 });
    const tree = fitTree(this.X, this.y, { maxDepth: depth });
    const g = this.querySelector('.tdd-boxes')!;
    g.replaceChildren();
    for (const b of leafBoxes(tree, this.data.bounds)) {
      if (!(b.x1 > b.x0 && b.y1 > b.y0)) continue;
      const rect = g.appendChild(document.createElementNS(SVG, 'rect'));
      rect.setAttribute('x', String(sx(b.x0)));
      rect.setAttribute('y', String(sy(b.y1)));
      rect.setAttribute('width', String(sx(b.x1) - sx(b.x0)));
      rect.setAttribute('height', String(sy(b.y0) - sy(b.y1)));
      rect.setAttribute('fill', COLORS[b.label] ?? '#888');
      const title = rect.appendChild(document.createElementNS(SVG, 'title'));
      title.textContent = `leaf: ${SPECIES[b.label]}`;
    }
    setText(this, '.tdd-depth-value', String(depth));
    const d = this.data;
    const k = depth - 1;
    setText(this, '.demo-readout',
      `Max depth ${depth}: ${d.leaves[k]} leaves, training error ` +
      `${pct(d.train[k])}, 10-fold cross-validated error ` +
      `${pct(d.cvError[k])} (standard error ${pct(d.cvSe[k])}).`);
  }
}

customElements.define('tree-depth-demo', TreeDepthDemo);
