// The discriminant-analysis chapter's live figure (DaDemo.astro): LDA or
// QDA on two wine measurements, refitted in the browser by the chapter's
// own fitLdaEigen / fitQda (the functions tests/discriminant-analysis
// checks against scikit-learn) as the reader moves the regularisation
// slider. demoSvg draws the whole plot; DaDemo.astro calls it at build
// time for the static figure (print, no JavaScript), the custom element
// below calls it on every change. The cross-validated accuracies in the
// readout were computed at build time by the same code.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import {
  fitLdaEigen, ldaDecision,
} from '../../../code/discriminant-analysis/fit-lda.ts';
import { fitQda, qdaScores } from '../../../code/discriminant-analysis/qda.ts';
import { goLive, scales, setText } from './demo-kit.ts';

export interface DemoData {
  x: number[]; // n x 2, row after row
  y: number[];
  names: string[]; // class names
  axes: [string, string];
  box: [number, number, number, number]; // x0, x1, y0, y1
  ticks: [number[], number[]];
  values: number[]; // slider values: α for LDA, λ for QDA
  cvLda: number[]; // 10-fold CV accuracy per value
  cvQda: number[];
  seLda: number[]; // their standard errors over the folds
  seQda: number[];
}
export type Model = 'lda' | 'qda';

// The plot box in SVG units (viewBox 0 0 480 330).
const L = 56;
const R = 470;
const T = 10;
const B = 272;
const NX = 96;
const NY = 60;
const COLORS = ['#0072B2', '#E69F00', '#009E73'];

/** The fitted model's label on every grid cell and its ellipses. */
function fitted(data: DemoData, model: Model, v: number) {
  const X = new Matrix(data.y.length, 2, Float64Array.from(data.x));
  const y = Int32Array.from(data.y);
  const [x0, x1, y0, y1] = data.box;
  const G = new Matrix(NX * NY, 2);
  for (let r = 0; r < NY; r++) {
    for (let c = 0; c < NX; c++) {
      G.data[2 * (r * NX + c)] = x0 + ((c + 0.5) / NX) * (x1 - x0);
      G.data[2 * (r * NX + c) + 1] = y0 + ((r + 0.5) / NY) * (y1 - y0);
    }
  }
  let S: Matrix;
  let covs: Matrix[];
  let means: Matrix;
  if (model === 'lda') {
    const f = fitLdaEigen(X, y, v);
    S = ldaDecision(f, G);
    covs = data.names.map(() => f.covariance);
    means = f.means;
  } else {
    const f = fitQda(X, y, v);
    S = qdaScores(f, G);
    covs = f.covariances;
    means = f.means;
  }
  const K = S.cols;
  const labels = new Int32Array(NX * NY);
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) {
      if (S.data[i * K + k] > S.data[i * K + best]) best = k;
    }
    labels[i] = best;
  }
  return { labels, covs, means };
}

const f1 = (v: number) => v.toFixed(1);

/** The plot as SVG markup: regions, boundaries, ellipses, points. */
export function demoSvg(
  data: DemoData, model: Model, v: number, clip = 'dad-clip',
): string {
  const [x0, x1, y0, y1] = data.box;
  const { sx, sy } = scales({ L, R, T, B }, { x0, x1, y0, y1 });
  const { labels, covs, means } = fitted(data, model, v);
  const cw = (R - L) / NX;
  const ch = (B - T) / NY;
  const at = (r: number, c: number) => labels[r * NX + c];
  let cells = '';
  let edges = '';
  for (let r = 0; r < NY; r++) {
    const top = B - (r + 1) * ch;
    let start = 0;
    for (let c = 1; c <= NX; c++) {
      if (c < NX && at(r, c) === at(r, start)) continue;
      cells += `<rect x="${f1(L + start * cw)}" y="${f1(top)}" width="` +
        `${f1((c - start) * cw + 0.4)}" height="${f1(ch + 0.4)}" ` +
        `fill="${COLORS[at(r, start)]}"/>`;
      start = c;
    }
    for (let c = 1; c < NX; c++) {
      if (at(r, c) !== at(r, c - 1)) edges += `M${f1(L + c * cw)},${f1(top)}v${f1(ch)}`;
    }
    if (r === 0) continue;
    for (let c = 0; c < NX; c++) {
      if (at(r, c) !== at(r - 1, c)) edges += `M${f1(L + c * cw)},${f1(top + ch)}h${f1(cw)}`;
    }
  }
  let ellipses = '';
  covs.forEach((C, k) => {
    // 2-standard-deviation contour: μ + 2 L (cos t, sin t), C = L Lᵀ
    const a = C.get(0, 0);
    const l11 = Math.sqrt(a);
    const l21 = C.get(1, 0) / l11;
    const l22 = Math.sqrt(Math.max(C.get(1, 1) - l21 * l21, 0));
    let d = '';
    for (let s = 0; s <= 64; s++) {
      const t = (2 * Math.PI * s) / 64;
      const u = 2 * Math.cos(t);
      const w = 2 * Math.sin(t);
      const px = means.get(k, 0) + l11 * u;
      const py = means.get(k, 1) + l21 * u + l22 * w;
      d += `${s === 0 ? 'M' : 'L'}${f1(sx(px))},${f1(sy(py))}`;
    }
    ellipses += `<path d="${d}Z" stroke="${COLORS[k]}" ` +
      `stroke-dasharray="${['6 3', '2 3', '9 3 2 3'][k]}"/>`;
  });
  let pts = '';
  data.y.forEach((c, i) => {
    const px = sx(data.x[2 * i]);
    const py = sy(data.x[2 * i + 1]);
    pts += c === 0
      ? `<circle cx="${f1(px)}" cy="${f1(py)}" r="3.4" fill="${COLORS[0]}" stroke="${COLORS[0]}"/>`
      : c === 1
        ? `<rect x="${f1(px - 3.2)}" y="${f1(py - 3.2)}" width="6.4" height="6.4" fill="${COLORS[1]}" stroke="${COLORS[1]}"/>`
        : `<path d="M${f1(px)},${f1(py - 4.2)}L${f1(px + 3.8)},${f1(py + 2.5)}L${f1(px - 3.8)},${f1(py + 2.5)}Z" fill="${COLORS[2]}" stroke="${COLORS[2]}"/>`;
  });
  const [tx, ty] = data.ticks;
  const axes =
    `<rect class="demo-frame" x="${L}" y="${T}" width="${R - L}" height="${B - T}"/>` +
    tx.map((t) => `<text x="${f1(sx(t))}" y="${B + 18}" text-anchor="middle">${t}</text>`).join('') +
    ty.map((t) => `<text x="${L - 8}" y="${f1(sy(t) + 5)}" text-anchor="end">${t}</text>`).join('') +
    `<text x="${(L + R) / 2}" y="${B + 42}" text-anchor="middle">${data.axes[0]}</text>` +
    `<text x="14" y="${(T + B) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(T + B) / 2})">${data.axes[1]}</text>`;
  return `<svg class="demo-svg" viewBox="0 0 480 330" aria-hidden="true" ` +
    `xmlns="http://www.w3.org/2000/svg">` +
    `<defs><clipPath id="${clip}"><rect x="${L}" y="${T}" width="${R - L}" height="${B - T}"/></clipPath></defs>` +
    `<g class="dad-cells" clip-path="url(#${clip})">${cells}</g>` +
    `<g class="dad-edges" clip-path="url(#${clip})"><path d="${edges}"/></g>` +
    `<g class="dad-ellipses" clip-path="url(#${clip})">${ellipses}</g>` +
    `<g class="dad-pts">${pts}</g><g class="demo-axes">${axes}</g></svg>`;
}

/** The sentence under the plot. */
export function demoReadout(data: DemoData, model: Model, i: number): string {
  const cv = model === 'lda' ? data.cvLda : data.cvQda;
  const se = model === 'lda' ? data.seLda : data.seQda;
  const pct = (a: number) => `${(100 * a).toFixed(1)}%`;
  const what = model === 'lda'
    ? `LDA with shrinkage α = ${data.values[i].toFixed(2)}`
    : `QDA with reg_param λ = ${data.values[i].toFixed(2)}`;
  let best = 0;
  cv.forEach((a, j) => { if (a > cv[best]) best = j; });
  return `${what}: 10-fold cross-validated accuracy ${pct(cv[i])} ` +
    `(standard error ${pct(se[i])}). Best on this slider: ` +
    `${pct(cv[best])} at ${data.values[best].toFixed(2)}; differences ` +
    'smaller than about two standard errors are noise.';
}

if (typeof HTMLElement !== 'undefined') {
  class DaDemo extends HTMLElement {
    data!: DemoData;
    slider!: HTMLInputElement;

    connectedCallback() {
      if (this.slider) return;
      this.data = JSON.parse(this.dataset.demo ?? '{}');
      this.slider = this.querySelector('input[type=range]')!;
      goLive(this);
      this.addEventListener('input', () => this.render());
      this.addEventListener('change', () => this.render());
      this.render();
    }

    render() {
      const i = Number(this.slider.value);
      const checked = this.querySelector<HTMLInputElement>(
        'input[type=radio]:checked');
      const model: Model = checked?.value === 'qda' ? 'qda' : 'lda';
      const v = this.data.values[i];
      this.querySelector('.dad-plot')!.innerHTML = demoSvg(this.data, model, v);
      setText(this, '.dad-v', `${model === 'lda' ? 'α' : 'λ'} = ` +
        v.toFixed(2));
      setText(this, '.demo-readout', demoReadout(this.data, model, i));
    }
  }
  customElements.define('da-demo', DaDemo);
}
