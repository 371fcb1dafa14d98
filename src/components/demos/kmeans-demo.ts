// Client script of KMeansDemo.astro: a plain custom element. Each press
// of "Next half-step" (or the N key) runs one assignment or one update
// with the chapter's own assign and update (code/k-means/lloyd.ts, the
// functions tests/k-means.test.ts checks). The initial centres can be
// dragged, or moved with the arrow keys when focused; "Reset" goes back
// to the first assignment from where the centres now are.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import { assign, inertia, update } from '../../../code/k-means/lloyd.ts';
import {
  draggable, goLive, scales, setText, SVG_NS as SVG,
} from './demo-kit.ts';

interface DemoData {
  x: number[];
  k: number;
  init: number[];
  box: { x0: number; x1: number; y0: number; y1: number };
}

// The plot box in SVG units; keep in step with BOX in KMeansDemo.astro.
const BOX = { L: 40, R: 470, T: 10, B: 330 };
const COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'];

class KMeansDemo extends HTMLElement {
  data!: DemoData;
  X!: Matrix;
  C!: Matrix; // the current centres
  C0!: Matrix; // where the reader put the initial centres
  svg!: SVGSVGElement;
  scale!: ReturnType<typeof scales>; // data <-> SVG units
  labels: Int32Array | null = null;
  step = 0; // half-steps done
  done = false;
  history: number[] = [];

  connectedCallback() {
    if (this.X) return; // already set up
    this.data = JSON.parse(this.dataset.demo ?? '{}');
    const n = this.data.x.length / 2;
    this.X = new Matrix(n, 2, Float64Array.from(this.data.x));
    this.C0 = new Matrix(this.data.k, 2, Float64Array.from(this.data.init));
    this.scale = scales(BOX, this.data.box);
    this.svg = this.querySelector('svg.demo-svg')!;
    goLive(this);
    this.querySelector('.kmd-next')!.addEventListener('click',
      () => this.next());
    this.querySelector('.kmd-reset')!.addEventListener('click',
      () => this.reset());
    this.svg.addEventListener('keydown', (e) =>
      this.key(e as KeyboardEvent));
    this.buildCentres();
    this.reset();
  }

  /** The centres as focusable, draggable groups. */
  buildCentres() {
    const g = this.querySelector('.kmd-centres')!;
    for (let m = 0; m < this.data.k; m++) {
      const c = g.appendChild(document.createElementNS(SVG, 'g'));
      c.setAttribute('tabindex', '0');
      c.setAttribute('role', 'button');
      c.setAttribute('aria-label', `centre ${m + 1}: drag, or use the ` +
        'arrow keys, to move it before the first step');
      c.dataset.m = String(m);
      c.innerHTML = '<circle r="14"></circle><text dy="6" ' +
        `text-anchor="middle">${m + 1}</text>`;
      draggable(c, this.svg, this.scale,
        () => [this.C.get(m, 0), this.C.get(m, 1)],
        (x, y) => this.moveStart(m, x, y), () => 0.5);
    }
  }

  /** A new initial position for centre m: Lloyd starts again there. */
  moveStart(m: number, x: number, y: number) {
    const b = this.data.box;
    const cx = Math.min(b.x1, Math.max(b.x0, x));
    const cy = Math.min(b.y1, Math.max(b.y0, y));
    this.C.set(m, 0, cx);
    this.C.set(m, 1, cy);
    this.C0 = new Matrix(this.C.rows, 2, this.C.data.slice());
    this.labels = null;
    this.step = 0;
    this.done = false;
    this.history = [];
    this.render('Centres moved: the next press assigns the points.');
  }

  reset() {
    this.C = new Matrix(this.C0.rows, 2, this.C0.data.slice());
    this.labels = null;
    this.step = 0;
    this.done = false;
    this.history = [];
    this.render('Start: press "Next half-step" (or N) to assign each ' +
      'point to its nearest centre.');
  }

  key(e: KeyboardEvent) {
    if (e.key === 'n' || e.key === 'N') { e.preventDefault(); this.next(); }
    if (e.key === 'r' || e.key === 'R') { e.preventDefault(); this.reset(); }
  }

  /** One half-step: an assignment if the last was an update, else an
   *  update. */
  next() {
    if (this.done) return;
    const it = Math.floor(this.step / 2) + 1;
    if (this.step % 2 === 0) {
      const old = this.labels;
      const { labels } = assign(this.X, this.C);
      const changed = old === null ? labels.length
        : labels.reduce((s, v, i) => s + +(v !== old[i]), 0);
      this.labels = labels;
      this.step++;
      const J = inertia(this.X, this.C, labels);
      this.history.push(J);
      if (old !== null && changed === 0) {
        this.done = true;
        this.render(`Iteration ${it}, assignment: no point changed ` +
          `cluster, so Lloyd's algorithm has converged. Inertia ` +
          `${J.toFixed(1)}.`);
        return;
      }
      this.render(`Iteration ${it}, assignment: ${changed} points ` +
        `changed cluster. Inertia ${J.toFixed(1)}.`);
    } else {
      const up = update(this.X, this.C, this.labels!);
      this.C = up.centers;
      this.labels = up.labels;
      this.step++;
      const J = inertia(this.X, this.C, this.labels);
      this.history.push(J);
      this.render(`Iteration ${it}, update: each centre moved to the ` +
        `mean of its points. Inertia ${J.toFixed(1)}.`);
    }
  }

  render(message: string) {
    const pts = this.querySelector('.kmd-pts')!;
    pts.replaceChildren();
    const n = this.X.rows;
    for (let i = 0; i < n; i++) {
      const m = this.labels ? this.labels[i] : -1;
      const x = this.scale.sx(this.X.get(i, 0));
      const y = this.scale.sy(this.X.get(i, 1));
      const e = document.createElementNS(SVG, m === 1 || m === 3
        ? 'rect' : 'circle');
      if (e.tagName === 'rect') {
        const s = m === 3 ? 4.4 : 5.2;
        e.setAttribute('x', String(x - s / 2));
        e.setAttribute('y', String(y - s / 2));
        e.setAttribute('width', String(s));
        e.setAttribute('height', String(s));
        if (m === 3) e.setAttribute('transform', `rotate(45 ${x} ${y})`);
      } else {
        e.setAttribute('cx', String(x));
        e.setAttribute('cy', String(y));
        e.setAttribute('r', m === 2 ? '2' : '2.8');
      }
      e.setAttribute('stroke', m < 0 ? 'currentColor' : COLORS[m]);
      e.setAttribute('fill', m === 2 ? COLORS[2] : 'none');
      pts.appendChild(e);
    }
    const cs = this.querySelectorAll<SVGGElement>('.kmd-centres > g');
    cs.forEach((g, m) => {
      g.setAttribute('transform', 'translate(' +
        `${this.scale.sx(this.C.get(m, 0))} ` +
        `${this.scale.sy(this.C.get(m, 1))})`);
      g.querySelector('circle')!.setAttribute('stroke', COLORS[m]);
    });
    const phase = this.done ? 'converged'
      : this.step % 2 === 0 ? 'next: assign' : 'next: update';
    setText(this, '.kmd-phase', phase);
    const trail = this.history.map((v) => v.toFixed(0)).join(' → ');
    setText(this, '.kmd-readout', message +
      (trail ? ` Inertia so far: ${trail}.` : ''));
    this.querySelector<HTMLButtonElement>('.kmd-next')!.disabled =
      this.done;
  }
}

customElements.define('kmeans-demo', KMeansDemo);
