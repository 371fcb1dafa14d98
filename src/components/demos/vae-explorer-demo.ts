// Client script of VaeExplorerDemo.astro: a plain custom element. It
// rebuilds the trained decoder (Linear, ReLU, Linear: the multilayer-
// perceptron chapter's layers) from its weights and decodes the code z
// under the point with decodeMean's formula, σ(logits), each time the
// point moves; the 64 pixel means are drawn as grey squares, ink dark.
import { Tensor, noGrad } from '../../../code/autodiff/tensor.ts';
import { Act, Linear } from '../../../code/multilayer-perceptron/layers.ts';
import { Sequential } from '../../../code/multilayer-perceptron/mlp.ts';
import {
  draggable, goLive, scales, setText, SVG_NS as SVG,
} from './demo-kit.ts';

interface DemoData {
  hidden: number; W1: number[]; b1: number[]; W2: number[];
  b2: number[]; limit: number;
}

// Keep in step with BOX in VaeExplorerDemo.astro; the image sits to the
// right of the plane, 8 pixels of PX units.
const BOX = { L: 40, R: 250, T: 10, B: 220 };
const IMG = { x: 280, y: 15, PX: 25 };

class VaeExplorerDemo extends HTMLElement {
  decoder!: Sequential;
  limit = 3;
  z: [number, number] = [0, 0];
  svg!: SVGSVGElement;
  point!: SVGCircleElement;
  pixels: SVGRectElement[] = [];
  scale!: ReturnType<typeof scales>;

  connectedCallback() {
    if (this.decoder) return; // already set up
    const d: DemoData = JSON.parse(this.dataset.demo ?? '{}');
    const h = d.hidden;
    const lin = (W: number[], b: number[], i: number, o: number) =>
      new Linear(new Tensor(W, [i, o], true), new Tensor(b, [o], true));
    this.decoder = new Sequential([lin(d.W1, d.b1, 2, h),
      new Act('relu'), lin(d.W2, d.b2, h, 64)]);
    this.limit = d.limit;
    const L = d.limit;
    this.scale = scales(BOX, { x0: -L, x1: L, y0: -L, y1: L });
    this.svg = this.querySelector('svg.demo-svg')!;
    this.point = this.querySelector('.vxd-point')!;
    this.buildImage();
    goLive(this);
    draggable(this.point, this.svg, this.scale, () => this.z,
      (z1, z2) => this.move(z1, z2), (e) => (e.shiftKey ? 0.5 : 0.1));
    this.move(0, 0);
  }

  /** 64 squares for the pixels and a frame around them. */
  buildImage() {
    const g = this.querySelector('.vxd-image')!;
    for (let p = 0; p < 64; p++) {
      const r = g.appendChild(document.createElementNS(SVG, 'rect'));
      r.setAttribute('x', String(IMG.x + (p % 8) * IMG.PX));
      r.setAttribute('y', String(IMG.y + Math.floor(p / 8) * IMG.PX));
      r.setAttribute('width', String(IMG.PX + 0.5));
      r.setAttribute('height', String(IMG.PX + 0.5));
      this.pixels.push(r);
    }
    const f = g.appendChild(document.createElementNS(SVG, 'rect'));
    f.setAttribute('class', 'vxd-frame');
    f.setAttribute('x', String(IMG.x));
    f.setAttribute('y', String(IMG.y));
    f.setAttribute('width', String(8 * IMG.PX));
    f.setAttribute('height', String(8 * IMG.PX));
  }

  /** Puts the point at z (kept inside the plane) and redraws. */
  move(z1: number, z2: number) {
    const L = this.limit;
    const clip = (v: number) => Math.max(-L, Math.min(L, v));
    this.z = [clip(z1), clip(z2)];
    this.point.setAttribute('cx', String(this.scale.sx(this.z[0])));
    this.point.setAttribute('cy', String(this.scale.sy(this.z[1])));
    const means = noGrad(() => this.decoder.forward(
      new Tensor(this.z, [1, 2])).sigmoid().data);
    means.forEach((m, p) => {
      const g = Math.round(255 * (1 - m)); // ink dark on white
      this.pixels[p].setAttribute('fill', `rgb(${g}, ${g}, ${g})`);
    });
    const text = `z = (${this.z[0].toFixed(1)}, ${this.z[1].toFixed(1)})`;
    this.point.setAttribute('aria-valuetext', text);
    setText(this, '.vxd-readout', `${text}: the image on the right is ` +
      'the decoder\'s pixel means for this code.');
  }
}

customElements.define('vae-explorer-demo', VaeExplorerDemo);
