// Client script of PcaDemo.astro: a plain custom element. A slider turns
// a line through the mean of forty points; the readout gives the
// variance of the projections onto the line and the mean squared
// distance to it, which always add up to the total variance. The first
// principal direction is found once by the chapter's own fitPca
// (code/pca/pca.ts), the function tests/pca.test.ts checks.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import { fitPca } from '../../../code/pca/pca.ts';
import { goLive, scales, setText, SVG_NS as SVG } from './demo-kit.ts';

interface DemoData {
  x: number[];
}

// The plot box in SVG units and its data domain; keep in step with
// PcaDemo.astro.
const { sx, sy } = scales({ L: 50, R: 470, T: 10, B: 346 },
  { x0: 0, x1: 10, y0: -1, y1: 7 });

class PcaDemo extends HTMLElement {
  X!: Matrix;
  mean!: Float64Array;
  total = 0;
  angle1 = 0;
  lambda1 = 0;
  slider!: HTMLInputElement;

  connectedCallback() {
    if (this.slider) return; // already set up
    const data: DemoData = JSON.parse(this.dataset.demo ?? '{}');
    this.X = new Matrix(data.x.length / 2, 2, Float64Array.from(data.x));
    const model = fitPca(this.X, 2);
    this.mean = model.mean;
    this.total = model.totalVariance;
    this.lambda1 = model.explainedVariance[0];
    const v = model.components.data;
    this.angle1 = ((Math.atan2(v[1], v[0]) * 180) / Math.PI + 180) % 180;
    this.slider = this.querySelector('input[type=range]')!;
    goLive(this);
    this.drawAxis();
    this.addEventListener('input', () => this.render());
    this.render();
  }

  /** The first principal direction, dashed, drawn once. */
  drawAxis() {
    const t = (this.angle1 * Math.PI) / 180;
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', this.linePath(Math.cos(t), Math.sin(t)));
    this.querySelector('.pcd-axis')!.replaceChildren(path);
  }

  linePath(c: number, s: number): string {
    const [mx, my] = this.mean;
    const a = 12; // long enough to cross the box; clipped
    return `M${sx(mx - a * c)},${sy(my - a * s)}` +
      `L${sx(mx + a * c)},${sy(my + a * s)}`;
  }

  render() {
    const deg = Number(this.slider.value);
    const t = (deg * Math.PI) / 180;
    const [c, s] = [Math.cos(t), Math.sin(t)];
    const [mx, my] = this.mean;
    const n = this.X.rows;
    let along = 0;
    let across = 0;
    let segs = '';
    for (let i = 0; i < n; i++) {
      const dx = this.X.data[2 * i] - mx;
      const dy = this.X.data[2 * i + 1] - my;
      const z = c * dx + s * dy; // score on the line
      const px = mx + z * c;
      const py = my + z * s;
      along += z * z;
      across += (dx - z * c) ** 2 + (dy - z * s) ** 2;
      segs += `M${sx(mx + dx)},${sy(my + dy)}L${sx(px)},${sy(py)}`;
    }
    along /= n - 1;
    across /= n - 1;
    const seg = document.createElementNS(SVG, 'path');
    seg.setAttribute('d', segs);
    this.querySelector('.pcd-segs')!.replaceChildren(seg);
    const line = document.createElementNS(SVG, 'path');
    line.setAttribute('d', this.linePath(c, s));
    this.querySelector('.pcd-line')!.replaceChildren(line);
    setText(this, '.pcd-angle', `${deg}°`);
    const f = (v: number) => v.toFixed(3);
    setText(this, '.demo-readout',
      `Line at ${deg}°: variance of the projections ${f(along)}, mean ` +
      `squared distance to the line ${f(across)}; their sum ` +
      `${f(along + across)} is the total variance ${f(this.total)}. ` +
      `The first principal direction (dashed) is at ` +
      `${this.angle1.toFixed(1)}°, with variance λ₁ = ` +
      `${f(this.lambda1)}, the most any line keeps.`);
  }
}

customElements.define('pca-demo', PcaDemo);
