// Client script of ScalingDemo.astro: a plain custom element. Moving the
// slider changes one penguin's recorded body mass; every scaler is
// refitted with the chapter's own fitScaling, the function
// tests/preprocessing-and-pipelines.test.ts checks against scikit-learn.
import {
  fitScaling,
  SCALERS,
} from '../../../code/preprocessing-and-pipelines/scale.ts';
import { goLive, setText, SVG_NS as SVG } from './demo-kit.ts';

// The plot box in SVG units; keep in step with ScalingDemo.astro.
const L = 90;
const R = 470;
const ROW = [40, 95, 150];
const NAMES = { standard: 'Standard', minmax: 'Min–max', robust: 'Robust' };
const num = (v: number, d = 2) => v.toFixed(d).replace('-', '\u2212');

class ScalingDemo extends HTMLElement {
  masses = new Float64Array(0);
  slip = 0;
  lo = -2;
  hi = 4;

  connectedCallback() {
    if (this.masses.length) return; // already set up
    const d = JSON.parse(this.dataset.demo ?? '{}');
    this.masses = Float64Array.from(d.masses ?? []);
    [this.slip, this.lo, this.hi] = [d.slip, d.lo, d.hi];
    goLive(this);
    const input = this.querySelector<HTMLInputElement>('input')!;
    input.addEventListener('input', () => this.render(Number(input.value)));
    this.render(Number(input.value));
  }

  sx(v: number) {
    const c = Math.min(Math.max(v, this.lo), this.hi);
    return L + ((c - this.lo) / (this.hi - this.lo)) * (R - L);
  }

  render(grams: number) {
    const x = this.masses.slice();
    x[this.slip] = grams;
    const svg = this.querySelector('svg.demo-svg')!;
    const layer = svg.querySelector('.scd-data')!;
    layer.replaceChildren();
    const said: string[] = [];
    SCALERS.forEach((kind, r) => {
      const { center, scale } = fitScaling(x, kind);
      let lo = Infinity, hi = -Infinity;
      x.forEach((v, i) => {
        const z = (v - center) / scale;
        if (i === this.slip) return;
        lo = Math.min(lo, z);
        hi = Math.max(hi, z);
        const dot = layer.appendChild(document.createElementNS(SVG, 'circle'));
        dot.setAttribute('cx', String(this.sx(z)));
        dot.setAttribute('cy', String(ROW[r]));
        dot.setAttribute('r', '2.5');
        dot.setAttribute('class', 'scd-dot');
      });
      const z = (grams - center) / scale;
      const [cx, cy] = [this.sx(z), ROW[r]];
      const tri = layer.appendChild(document.createElementNS(SVG, 'path'));
      tri.setAttribute('d', `M${cx},${cy - 8}L${cx + 7},${cy + 5}` +
        `L${cx - 7},${cy + 5}Z`);
      tri.setAttribute('class', 'scd-slip');
      const t = layer.appendChild(document.createElementNS(SVG, 'text'));
      t.setAttribute('x', String(Math.min(cx, R)));
      t.setAttribute('y', String(cy - 12));
      t.setAttribute('text-anchor', 'end');
      t.textContent = z > this.hi ? `slip: ${num(z, 1)} →` : 'slip';
      said.push(`${NAMES[kind]} scaling: the other penguins span ` +
        `${num(lo)} to ${num(hi)}, the slip sits at ${num(z)}.`);
    });
    setText(this, '.demo-readout',
      `Slip recorded as ${grams} g. ${said.join(' ')}`);
  }
}

customElements.define('scaling-demo', ScalingDemo);
