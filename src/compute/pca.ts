// Build-time computation of "Principal component analysis": its figures,
// the data of its interactive demo and every number its prose shows,
// computed by the chapter's code (code/pca) and cached (see
// src/lib/cache.ts). Seeded throughout. Colour is always paired with a
// symbol, a dash pattern or a direct label.
import { cached } from '../lib/cache.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { pngDataUrl } from '../lib/png.ts';
import skRaw from '../../tests/fixtures/pca/sklearn.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { routeErrors } from '../../code/pca/conditioning.ts';
import {
  FASHION_CLASSES,
  loadFashionMnist,
} from '../../code/pca/idx.ts';
import {
  fitPca,
  inverseTransform,
  transform,
  type PcaModel,
} from '../../code/pca/pca.ts';
import { ppcaLogLikelihood } from '../../code/pca/ppca.ts';
import { chooseK } from '../../code/pca/solutions/choose-k.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sk = skRaw as any;

/** Figures are drawn 520 px wide with 16 px text, so that on a 390 px
 *  phone (a 358 px column) the text is still 11 px. */
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };
const U = Number.EPSILON / 2; // unit roundoff

// ---------------------------------------------------------------------
// A cloud of 40 points in the plane: the intuition figure and the demo.

const cloud = once(() => {
  const rng = createRng(30);
  const n = 40;
  const X = new Matrix(n, 2);
  for (let i = 0; i < n; i++) {
    const a = rng.normal(0, 1.6);
    const b = rng.normal(0, 0.55);
    // rotate by 30 degrees and shift to (5, 3)
    X.data[2 * i] = 5 + a * Math.cos(Math.PI / 6) - b * Math.sin(Math.PI / 6);
    X.data[2 * i + 1] = 3 + a * Math.sin(Math.PI / 6) + b * Math.cos(Math.PI / 6);
  }
  const model = fitPca(X, 2);
  const u = model.components.data;
  const angle = (Math.atan2(u[1], u[0]) * 180) / Math.PI;
  return { X, model, angle: (angle + 180) % 180 };
});

function cloudFigure(): string {
  const { X, model } = cloud();
  const [mx, my] = model.mean;
  const C = model.components.data;
  const pts = Array.from({ length: X.rows }, (_, i) => ({
    x: X.data[2 * i], y: X.data[2 * i + 1],
  }));
  const Z = transform(model, X);
  const segs = pts.map((p, i) => {
    const z = Z.data[2 * i];
    return { x1: p.x, y1: p.y, x2: mx + z * C[0], y2: my + z * C[1] };
  });
  const axis = (j: number, len: number) => {
    const s = len * Math.sqrt(model.explainedVariance[j]);
    return [
      { x: mx - s * C[2 * j], y: my - s * C[2 * j + 1], j },
      { x: mx + s * C[2 * j], y: my + s * C[2 * j + 1], j },
    ];
  };
  const a1 = axis(0, 2.2);
  const a2 = axis(1, 2.2);
  return renderPlot({
    width: WIDTH, style: STYLE, aspectRatio: 1,
    marginLeft: 44, marginBottom: 44,
    x: { label: 'feature x₁', domain: [0, 10], labelAnchor: 'center',
      labelArrow: 'none' },
    y: { label: 'feature x₂', domain: [-1, 7], labelAnchor: 'center',
      labelArrow: 'none' },
    marks: [
      Plot.link(segs, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2',
        stroke: PALETTE[1], strokeWidth: 1.2 }),
      Plot.line(a1, { x: 'x', y: 'y', stroke: PALETTE[0],
        strokeWidth: 2.5 }),
      Plot.line(a2, { x: 'x', y: 'y', stroke: PALETTE[2], strokeWidth: 2.5,
        strokeDasharray: '6 4' }),
      Plot.dot(pts, { x: 'x', y: 'y', r: 3.5, fill: 'currentColor' }),
      label(a1[1].x, a1[1].y, 'v₁', { dx: 6, dy: -8, fontSize: 17 }),
      label(a2[1].x, a2[1].y, 'v₂', { dx: -22, dy: -6, fontSize: 17 }),
    ],
  });
}

// ---------------------------------------------------------------------
// SVD versus covariance: the smallest variance's relative error.

const KAPPA_EXPONENTS = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5,
  7, 7.5, 8];
const conditioning = once(() => KAPPA_EXPONENTS.map((e) => {
  const kappa = 10 ** e;
  const r = routeErrors(50, [1, 0.5, 1 / kappa], 3);
  return { kappa, svd: Math.max(r.svd, 1e-17),
    covariance: Math.max(r.covariance, 1e-17) };
}));

function conditioningFigure(): string {
  const rows = conditioning();
  const svdPts = rows.map((r) => ({ kappa: r.kappa, err: r.svd }));
  const covPts = rows.map((r) => ({ kappa: r.kappa, err: r.covariance }));
  const guide = (p: number) => rows.map((r) => ({
    kappa: r.kappa, err: U * r.kappa ** p,
  }));
  return renderPlot({
    width: WIDTH, style: STYLE, marginLeft: 64, marginBottom: 46,
    marginRight: 18, marginTop: 16, height: 380,
    x: { type: 'log', label: 'condition number κ = s₁ / s₃',
      labelAnchor: 'center', labelArrow: 'none',
      ticks: [10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8],
      tickFormat: (d: number) => `10${sup(Math.round(Math.log10(d)))}` },
    y: { type: 'log', label: 'relative error of λ₃',
      labelAnchor: 'center', labelArrow: 'none', domain: [1e-17, 10],
      ticks: [1e-16, 1e-12, 1e-8, 1e-4, 1],
      tickFormat: (d: number) => `10${sup(Math.round(Math.log10(d)))}`,
      grid: true },
    marks: [
      Plot.line(guide(1), { x: 'kappa', y: 'err', stroke: 'currentColor',
        strokeOpacity: 0.5, strokeDasharray: '4 4' }),
      Plot.line(guide(2), { x: 'kappa', y: 'err', stroke: 'currentColor',
        strokeOpacity: 0.5, strokeDasharray: '4 4' }),
      Plot.line(svdPts, { x: 'kappa', y: 'err', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(svdPts, { x: 'kappa', y: 'err', symbol: 'circle', r: 4,
        fill: PALETTE[0] }),
      Plot.line(covPts, { x: 'kappa', y: 'err', stroke: PALETTE[4],
        strokeWidth: 2 }),
      Plot.dot(covPts, { x: 'kappa', y: 'err', symbol: 'square', r: 4,
        fill: PALETTE[4] }),
      label(3e4, 3e-5, 'covariance ■', { anchor: 'end' }),
      label(1e5, 1e-13, '● SVD', { anchor: 'start' }),
      label(1e8, U * 1e16 * 0.05, 'uκ²', { anchor: 'end', dy: 14 }),
      label(1e8, U * 1e8 * 0.2, 'uκ', { anchor: 'end', dy: 14 }),
    ],
  });
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function sup(e: number): string {
  const s = String(Math.abs(e)).split('').map((c) => SUP[Number(c)])
    .join('');
  return e < 0 ? `⁻${s}` : s;
}

// ---------------------------------------------------------------------
// Fashion-MNIST: 10,000 images of 784 pixels.

const SHARES = [0.8, 0.9, 0.95, 0.99];
const K_RECON = [5, 20, 50, 150];
const K_PPCA = 50;

const fashion = once(() => {
  const { X, y } = loadFashionMnist(10000);
  const t0 = performance.now();
  const full = fitPca(X, 784, { method: 'covariance' });
  const seconds = (performance.now() - t0) / 1000;
  return { X, y, full, seconds };
});

/** The model of the first k components of the full fit. */
function firstK(full: PcaModel, k: number): PcaModel {
  const d = full.d;
  const ev = full.explainedVariance;
  let dropped = 0;
  for (let j = k; j < d; j++) dropped += ev[j];
  return {
    ...full, k,
    components: new Matrix(k, d, full.components.data.slice(0, k * d)),
    explainedVariance: ev.slice(0, k),
    explainedVarianceRatio: full.explainedVarianceRatio.slice(0, k),
    singularValues: full.singularValues.slice(0, k),
    noiseVariance: dropped / (d - k),
  };
}

function screeFigure(): string {
  const { full } = fashion();
  const pts = Array.from({ length: 100 }, (_, j) => ({
    j: j + 1, lambda: full.explainedVariance[j],
  }));
  return renderPlot({
    width: WIDTH, style: STYLE, marginLeft: 60, marginBottom: 46,
    height: 320,
    x: { label: 'component j', labelAnchor: 'center', labelArrow: 'none' },
    y: { type: 'log', label: 'variance λⱼ', labelAnchor: 'center',
      labelArrow: 'none', ticks: [0.1, 0.2, 1, 2, 10, 20],
      tickFormat: (d: number) => `${d}`, grid: true },
    marks: [
      Plot.line(pts, { x: 'j', y: 'lambda', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(pts.slice(0, 10), { x: 'j', y: 'lambda', r: 3.5,
        fill: PALETTE[0] }),
    ],
  });
}

function cumulativeFigure(): string {
  const { full } = fashion();
  let c = 0;
  const pts = Array.from(full.explainedVarianceRatio, (r, j) => {
    c += r;
    return { k: j + 1, share: c };
  });
  const marks = SHARES.map((s) => ({
    k: chooseK(full.explainedVarianceRatio, s), share: s,
  }));
  return renderPlot({
    width: WIDTH, style: STYLE, marginLeft: 70, marginBottom: 46,
    marginRight: 24, height: 340,
    x: { type: 'log', label: 'number of components k', labelAnchor:
      'center', labelArrow: 'none', ticks: [1, 3, 10, 30, 100, 300],
      tickFormat: (d: number) => `${d}` },
    y: { label: 'share of variance explained', labelAnchor: 'center',
      labelArrow: 'none', domain: [0, 1], grid: true,
      tickFormat: (d: number) => `${Math.round(100 * d)}%` },
    marks: [
      Plot.line(pts, { x: 'k', y: 'share', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(marks, { x: 'k', y: 'share', symbol: 'diamond', r: 5,
        fill: PALETTE[4] }),
      Plot.text(marks, { x: 'k', y: 'share',
        text: (m: { k: number; share: number }) =>
          `${Math.round(100 * m.share)}%`,
        textAnchor: 'end', dx: -8, dy: -10, fill: 'currentColor' }),
      Plot.text(marks.map((m, i) => ({ ...m, y: 0.45 - 0.1 * i })), {
        x: () => 700, y: 'y', textAnchor: 'end', fill: 'currentColor',
        text: (m: { k: number; share: number }) =>
          `${Math.round(100 * m.share)}% needs k = ${m.k}`,
      }),
    ],
  });
}

/** Panels of 28 x 28 images laid out on a grid, titles above. */
function imageGrid(
  panels: { title: string; data: ArrayLike<number> }[], cols: number,
  side: number,
): string {
  const rows = Math.ceil(panels.length / cols);
  const laid = panels.map((p, i) => ({
    ...p, x: i % cols, y: Math.floor(i / cols),
    src: pngDataUrl({ rows: 28, cols: 28, data: p.data }),
  }));
  return renderPlot({
    width: cols * (side + 14), height: rows * (side + 30) + 6,
    style: STYLE, margin: 4, marginTop: 26,
    x: { axis: null, domain: [-0.5, cols - 0.5] },
    y: { axis: null, domain: [rows - 0.5, -0.5] },
    marks: [
      Plot.image(laid, { x: 'x', y: 'y', src: 'src', width: side,
        height: side, imageRendering: 'pixelated' }),
      Plot.text(laid, { x: 'x', y: 'y', text: 'title', dy: -side / 2 - 9,
        fill: 'currentColor', fontSize: 15 }),
    ],
  });
}

/** A signed vector as grey levels: 0 is mid-grey, +-max|v| white/black. */
function signedGrey(v: ArrayLike<number>): Float64Array {
  let big = 0;
  for (let i = 0; i < v.length; i++) big = Math.max(big, Math.abs(v[i]));
  return Float64Array.from(v, (x) => 0.5 + x / (2 * big));
}

function eigenImagesFigure(): string {
  const { full } = fashion();
  const C = full.components.data;
  const panels = [{ title: 'mean x̄', data: full.mean }];
  for (let j = 0; j < 8; j++) {
    panels.push({ title: `v${sub(j + 1)}`,
      data: signedGrey(C.subarray(j * 784, (j + 1) * 784)) });
  }
  return imageGrid(panels, 3, 130);
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
function sub(j: number): string {
  return String(j).split('').map((c) => SUB[Number(c)]).join('');
}

/** Four test images (a first of four classes), rebuilt from k parts. */
const RECON_CLASSES = [9, 2, 1, 8];
const reconstructions = once(() => {
  const { X, y, full } = fashion();
  const picks = RECON_CLASSES.map((c) => y.indexOf(c));
  const rowsOf = new Matrix(picks.length, 784);
  picks.forEach((i, r) => rowsOf.data.set(
    X.data.subarray(i * 784, (i + 1) * 784), r * 784));
  const byK = K_RECON.map((k) => {
    const m = firstK(full, k);
    return inverseTransform(m, transform(m, rowsOf));
  });
  return { picks, rowsOf, byK };
});

function reconstructionFigure(): string {
  const { rowsOf, byK } = reconstructions();
  const panels: { title: string; data: ArrayLike<number> }[] = [];
  for (let r = 0; r < rowsOf.rows; r++) {
    panels.push({ title: r === 0 ? 'image' : '',
      data: rowsOf.data.subarray(r * 784, (r + 1) * 784) });
    K_RECON.forEach((k, s) => panels.push({
      title: r === 0 ? `k = ${k}` : '',
      data: byK[s].data.subarray(r * 784, (r + 1) * 784),
    }));
  }
  return imageGrid(panels, K_RECON.length + 1, 84);
}

/** Mean squared reconstruction error per image, measured and predicted. */
const reconstructionError = once(() => {
  const { X, full } = fashion();
  return K_RECON.map((k) => {
    const m = firstK(full, k);
    const R = inverseTransform(m, transform(m, X));
    let sq = 0;
    for (let i = 0; i < R.data.length; i++) {
      sq += (R.data[i] - X.data[i]) ** 2;
    }
    return { k, measured: sq / (X.rows - 1),
      dropped: m.noiseVariance * (784 - k) };
  });
});

// ---------------------------------------------------------------------
// Agreement with scikit-learn, recomputed from the fixture.

/** max |a - b| / max |b|, each row of a (rows of length `cols`) first
 *  multiplied by the sign that matches it to b: equal up to sign. */
function relErr(
  a: ArrayLike<number>, b: ArrayLike<number>, cols = a.length,
): number {
  let diff = 0;
  let big = 0;
  for (let r = 0; r * cols < a.length; r++) {
    let dot = 0;
    for (let i = r * cols; i < (r + 1) * cols; i++) dot += a[i] * b[i];
    const sign = dot < 0 ? -1 : 1;
    for (let i = r * cols; i < (r + 1) * cols; i++) {
      diff = Math.max(diff, Math.abs(sign * a[i] - b[i]));
      big = Math.max(big, Math.abs(b[i]));
    }
  }
  return diff / big;
}

const agreement = once(() => {
  const f = sk.fashion;
  const { X } = loadFashionMnist(f.n);
  const m = fitPca(X, f.k);
  const theirs = { ...m, noiseVariance: f.noise_variance };
  return {
    n: f.n, k: f.k,
    components: relErr(m.components.data, f.components, f.d),
    variance: relErr(m.explainedVariance, f.explained_variance),
    score: relErr([ppcaLogLikelihood(theirs, X)], [f.score]),
    ourNoise: m.noiseVariance, skNoise: f.noise_variance,
    sklearn: sk.versions.sklearn,
  };
});

export default cached('pca', () => {
  const { full, seconds } = fashion();
  const c = cloud();
  const ratio = full.explainedVarianceRatio;
  const ppca = firstK(full, K_PPCA);
  const cond = conditioning();
  const at = (e: number) => cond[KAPPA_EXPONENTS.indexOf(e)];
  return {
    cloudFigure: cloudFigure(),
    demo: {
      x: Array.from(c.X.data), angle: c.angle,
      lambda: Array.from(c.model.explainedVariance),
    },
    cloudAngle: c.angle,
    cloudLambda: Array.from(c.model.explainedVariance),
    conditioningFigure: conditioningFigure(),
    cond6: at(6), cond8: at(8),
    digits6: {
      svd: Math.floor(-Math.log10(at(6).svd)),
      covariance: Math.floor(-Math.log10(at(6).covariance)),
    },
    screeFigure: screeFigure(),
    cumulativeFigure: cumulativeFigure(),
    eigenImagesFigure: eigenImagesFigure(),
    reconstructionFigure: reconstructionFigure(),
    recon: reconstructionError(),
    reconClasses: RECON_CLASSES.map((k) => FASHION_CLASSES[k]),
    kForShare: SHARES.map((s) => ({ share: s, k: chooseK(ratio, s) })),
    top: Array.from(ratio.slice(0, 3)),
    total: full.totalVariance,
    lambda1: full.explainedVariance[0],
    fitSeconds: seconds,
    ppcaK: K_PPCA, ppcaSigma2: ppca.noiseVariance,
    ppcaSigma: Math.sqrt(ppca.noiseVariance),
    ppcaLogLik: ppcaLogLikelihood(ppca, fashion().X),
    agreement: agreement(),
  };
}, { reason: 'the covariance fit of 10,000 Fashion-MNIST images (forming ' +
  'the 784 x 784 S, then tridiagonal QR) takes 15-40 s on two shared cores' });
