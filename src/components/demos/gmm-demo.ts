// Client script of GmmDemo.astro: a plain custom element. Each press of
// "Next half-step" (or the N key) runs one E step or one M step with the
// chapter's own eStep and mStep (code/gaussian-mixtures, the functions
// tests/gaussian-mixtures.test.ts checks). The initial means can be
// dragged, or moved with the arrow keys when focused; "Reset" goes back
// to the start from where the means now are.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import type { GmmParams } from '../../../code/gaussian-mixtures/checks.ts';
import { ellipse } from '../../../code/gaussian-mixtures/ellipse.ts';
import { eStep } from '../../../code/gaussian-mixtures/estep.ts';
import { mStep } from '../../../code/gaussian-mixtures/mstep.ts';
import {
  arrow, drag, goLive, scales, setText, SVG_NS as SVG,
} from './demo-kit.ts';

interface DemoData {
  x: number[];
  weights: number[];
  means: number[];
  covs: number[][];
  box: { x0: number; x1: number; y0: number; y1: number };
}

// The plot box in SVG units; keep in step with BOX in GmmDemo.astro.
const BOX = { L: 50, R: 470, T: 10, B: 330 };
const COLORS = [[0x00, 0x72, 0xb2], [0xe6, 0x9f, 0x00]];
const hex = (c: number[]) =>
  `rgb(${c.map((v) => Math.round(v)).join(',')})`;

class GmmDemo extends HTMLElement {
  data!: DemoData;
  X!: Matrix;
  p!: GmmParams;
  start!: number[]; // where the reader put the initial means
  svg!: SVGSVGElement;
  scale!: ReturnType<typeof scales>; // data <-> SVG units
  resp: Matrix | null = null;
  step = 0; // half-steps done
  done = false;
  history: number[] = [];

  connectedCallback() {
    if (this.X) return; // already set up
    this.data = JSON.parse(this.dataset.demo ?? '{}');
    const n = this.data.x.length / 2;
    this.X = new Matrix(n, 2, Float64Array.from(this.data.x));
    this.start = this.data.means.slice();
    this.scale = scales(BOX, this.data.box);
    this.svg = this.querySelector('svg.demo-svg')!;
    goLive(this);
    this.querySelector('.gmd-next')!.addEventListener('click',
      () => this.next());
    this.querySelector('.gmd-reset')!.addEventListener('click',
      () => this.reset());
    this.svg.addEventListener('keydown', (e) =>
      this.key(e as KeyboardEvent));
    this.buildMeans();
    this.reset();
  }

  /** The means as focusable, draggable groups. */
  buildMeans() {
    const g = this.querySelector('.gmd-means')!;
    for (let m = 0; m < 2; m++) {
      const c = g.appendChild(document.createElementNS(SVG, 'g'));
      c.setAttribute('tabindex', '0');
      c.setAttribute('role', 'button');
      c.setAttribute('aria-label', `mean of component ${m + 1}: drag, ` +
        'or use the arrow keys, to move it; EM then starts again');
      c.innerHTML = '<circle r="13"></circle><text dy="6" ' +
        `text-anchor="middle">${m + 1}</text>`;
      c.addEventListener('pointerdown', (e) => drag(this.svg, e,
        (u, v) => this.moveStart(m, this.scale.dx(u), this.scale.dy(v))));
      c.addEventListener('keydown', (e) => this.nudge(e, m));
    }
  }

  nudge(e: KeyboardEvent, m: number) {
    const d = arrow(e); // 0.1 min of eruption, 2 min of waiting
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    this.moveStart(m, this.p.means.get(m, 0) + 0.1 * d[0],
      this.p.means.get(m, 1) + 2 * d[1]);
  }

  /** A new initial mean for component m: EM starts again there. */
  moveStart(m: number, x: number, y: number) {
    const b = this.data.box;
    this.start[2 * m] = Math.min(b.x1, Math.max(b.x0, x));
    this.start[2 * m + 1] = Math.min(b.y1, Math.max(b.y0, y));
    this.reset('Mean moved: the next press runs the E step from here.');
  }

  reset(message = 'Start: press "Next half-step" (or N) for the E ' +
    'step, which computes every point\'s responsibilities.') {
    this.p = { weights: Float64Array.from(this.data.weights),
      means: new Matrix(2, 2, Float64Array.from(this.start)),
      covs: this.data.covs.map((c) => new Matrix(2, 2,
        Float64Array.from(c))) };
    this.resp = null;
    this.step = 0;
    this.done = false;
    this.history = [];
    this.render(message);
  }

  key(e: KeyboardEvent) {
    if (e.key === 'n' || e.key === 'N') { e.preventDefault(); this.next(); }
    if (e.key === 'r' || e.key === 'R') { e.preventDefault(); this.reset(); }
  }

  /** One half-step: an E step if the last was an M step, else an M. */
  next() {
    if (this.done) return;
    const it = Math.floor(this.step / 2) + 1;
    try {
      if (this.step % 2 === 0) {
        const { resp, meanLogLik } = eStep(this.X, this.p);
        this.resp = resp;
        this.step++;
        const prev = this.history[this.history.length - 1];
        this.history.push(meanLogLik);
        let unsure = 0;
        for (let i = 0; i < resp.rows; i++) {
          unsure += +(Math.max(resp.get(i, 0), resp.get(i, 1)) < 0.9);
        }
        if (prev !== undefined && Math.abs(meanLogLik - prev) < 1e-6) {
          this.done = true;
          this.render(`Iteration ${it}, E step: the mean log-likelihood ` +
            `moved by less than 1e-6, so EM has converged at ` +
            `${meanLogLik.toFixed(4)}.`);
          return;
        }
        this.render(`Iteration ${it}, E step: responsibilities ` +
          `computed; ${unsure} points have no component above 0.9. ` +
          `Mean log-likelihood ${meanLogLik.toFixed(4)}.`);
      } else {
        this.p = mStep(this.X, this.resp!, 'full');
        this.step++;
        const w = this.p.weights;
        this.render(`Iteration ${it}, M step: weights ` +
          `${w[0].toFixed(2)} and ${w[1].toFixed(2)}; means and ` +
          'covariances refitted to the weighted points.');
      }
    } catch (e) {
      this.done = true;
      this.render((e as Error).message);
    }
  }

  render(message: string) {
    const pts = this.querySelector('.gmd-pts')!;
    pts.replaceChildren();
    const n = this.X.rows;
    for (let i = 0; i < n; i++) {
      const r1 = this.resp ? this.resp.get(i, 1) : -1;
      const x = this.scale.sx(this.X.get(i, 0));
      const y = this.scale.sy(this.X.get(i, 1));
      const square = r1 > 0.5;
      const e = document.createElementNS(SVG, square ? 'rect' : 'circle');
      if (square) {
        e.setAttribute('x', String(x - 3));
        e.setAttribute('y', String(y - 3));
        e.setAttribute('width', '6');
        e.setAttribute('height', '6');
      } else {
        e.setAttribute('cx', String(x));
        e.setAttribute('cy', String(y));
        e.setAttribute('r', '3.2');
      }
      const c = r1 < 0 ? null
        : COLORS[0].map((v, j) => (1 - r1) * v + r1 * COLORS[1][j]);
      e.setAttribute('fill', c ? hex(c) : 'none');
      e.setAttribute('stroke', c ? hex(c) : 'currentColor');
      pts.appendChild(e);
    }
    const ells = this.querySelector('.gmd-ellipses')!;
    ells.replaceChildren();
    for (let m = 0; m < 2; m++) {
      for (const level of [1, 2]) {
        const mu = this.p.means.data.subarray(2 * m, 2 * m + 2);
        const path = ellipse(mu, this.p.covs[m], level, 64)
          .map(([u, v], t) => `${t ? 'L' : 'M'}${this.scale.sx(u).toFixed(1)} ` +
            `${this.scale.sy(v).toFixed(1)}`).join('') + 'Z';
        const el = document.createElementNS(SVG, 'path');
        el.setAttribute('d', path);
        el.setAttribute('stroke', hex(COLORS[m]));
        if (level === 2) el.setAttribute('stroke-dasharray', '6 4');
        ells.appendChild(el);
      }
    }
    this.querySelectorAll<SVGGElement>('.gmd-means > g').forEach((g, m) => {
      g.setAttribute('transform', `translate(` +
        `${this.scale.sx(this.p.means.get(m, 0))} ` +
        `${this.scale.sy(this.p.means.get(m, 1))})`);
      g.querySelector('circle')!.setAttribute('stroke', hex(COLORS[m]));
    });
    const phase = this.done ? 'converged'
      : this.step % 2 === 0 ? 'next: E step' : 'next: M step';
    setText(this, '.gmd-phase', phase);
    const trail = this.history.slice(-4).map((v) => v.toFixed(3))
      .join(' → ');
    setText(this, '.gmd-readout', message +
      (trail ? ` Mean log-likelihood at the last E steps: ${trail}.` : ''));
    this.querySelector<HTMLButtonElement>('.gmd-next')!.disabled =
      this.done;
  }
}

customElements.define('gmm-demo', GmmDemo);
