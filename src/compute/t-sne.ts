// Build-time computation of "t-SNE": its figures and every number its
// prose shows, computed by the chapter's code (code/t-sne) and cached
// (see src/lib/cache.ts). Seeded throughout. Colour is always paired
// with a dash pattern or a direct label.
import { cached } from '../lib/cache.ts';
import { label, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/t-sne/sklearn.json' with {
  type: 'json',
};
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { fitPca, transform } from '../../code/pca/pca.ts';
import { loadDigits } from '../../code/softmax-regression/digits.ts';
import {
  conditionalProbabilities, jointProbabilities, squaredDistances,
} from '../../code/t-sne/affinities.ts';
import {
  clusters, relativeDistances, stratified,
} from '../../code/t-sne/data.ts';
import { pcaInit, randomInit } from '../../code/t-sne/init.ts';
import { tsne, type TsneResult } from '../../code/t-sne/tsne.ts';
import { trustworthiness } from '../../code/t-sne/trustworthiness.ts';

const sk = skRaw as any;
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };
const PER_CLASS = 30;
const PERPLEXITIES = [5, 30, 100];
const RANDOM_SEEDS = [1, 2, 3, 4, 5];
const N_ITER = 1000;
const DIGIT_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7',
  '#D55E00', '#56B4E9', '#7f7f7f', '#b8860b', '#8c564b', '#1b9e77'];

/** Tick labels of a log axis: 1, 1e-4, ... */
const pow10 = (v: number) => (v === 1 ? '1' : `1e${Math.round(
  Math.log10(v))}`);

/** sklearn's learning_rate="auto": max(n / (4 alpha), 50). */
const autoRate = (n: number) => Math.max(n / (4 * 12), 50);

/** Sample standard deviation of xs. */
function sd(xs: number[]): number {
  let m = 0, v = 0;
  for (const x of xs) m += x / xs.length;
  for (const x of xs) v += (x - m) ** 2 / (xs.length - 1);
  return Math.sqrt(v);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** One line mark per series, solid or dashed, coloured by `key`. */
function series<T extends Record<string, unknown>>(rows: T[],
  key: keyof T & string, styles: [string, string | null][],
  channels: Record<string, unknown>) {
  return styles.map(([name, dash]) => Plot.line(
    rows.filter((r) => r[key] === name), {
      ...channels, stroke: key, strokeWidth: 2.2,
      ...(dash === null ? {} : { strokeDasharray: dash }),
    }));
}

/** Each column of Y scaled to [-1, 1] by the largest |entry| overall. */
function unitScale(Y: Matrix): number[][] {
  let m = 0;
  for (const v of Y.data) m = Math.max(m, Math.abs(v));
  const out: number[][] = [];
  for (let i = 0; i < Y.rows; i++) {
    out.push([Y.data[2 * i] / m, Y.data[2 * i + 1] / m]);
  }
  return out;
}

// ---------------------------------------------------------------------
// Digits: a stratified subset, maps at several perplexities.

function digitsStudy() {
  const all = loadDigits();
  const { X, y } = stratified(all.X, all.y, PER_CLASS, 1);
  const n = X.rows, eta = autoRate(n);
  const init = pcaInit(X);
  const runs = PERPLEXITIES.map((perp) => {
    const r = tsne(jointProbabilities(X, perp), init,
      { learningRate: eta, nIter: N_ITER });
    return { perp, r, trust: trustworthiness(X, r.Y, 5) };
  });
  const P30 = jointProbabilities(X, 30);
  const random = RANDOM_SEEDS.map((seed) => {
    const r = tsne(P30, randomInit(n, seed),
      { learningRate: eta, nIter: N_ITER });
    return { kl: r.kl, trust: trustworthiness(X, r.Y, 5), Y: r.Y };
  });
  const pca = transform(fitPca(X, 2), X);
  return { X, y, n, eta, runs, random, pca,
    pcaTrust: trustworthiness(X, pca, 5), allN: all.X.rows };
}

/** Points and class labels (at class medians) for faceted panels. */
function panelData(panels: { name: string; Y: Matrix }[], y: Int32Array) {
  const pts: { x: number; y: number; digit: string; panel: string }[] = [];
  const labs: typeof pts = [];
  for (const { name, Y } of panels) {
    const u = unitScale(Y);
    u.forEach(([a, b], i) => pts.push({ x: a, y: b, digit: String(y[i]),
      panel: name }));
    for (let c = 0; c < 10; c++) {
      const xs: number[] = [], ys: number[] = [];
      u.forEach(([a, b], i) => { if (y[i] === c) { xs.push(a); ys.push(b); } });
      xs.sort((p, q) => p - q); ys.sort((p, q) => p - q);
      const h = xs.length >> 1;
      labs.push({ x: xs[h], y: ys[h], digit: String(c), panel: name });
    }
  }
  return { pts, labs };
}

function digitsFigure(panels: { name: string; Y: Matrix }[],
  y: Int32Array, height: number): string {
  const { pts, labs } = panelData(panels, y);
  return renderPlot({
    width: WIDTH, height, style: STYLE,
    marginLeft: 10, marginRight: 10, marginBottom: 10, marginTop: 30,
    x: { axis: null, domain: [-1.1, 1.1] },
    y: { axis: null, domain: [-1.1, 1.1] },
    fx: { label: null, axis: 'top', domain: panels.map((p) => p.name) },
    color: { domain: Array.from({ length: 10 }, (_, c) => String(c)),
      range: DIGIT_COLOURS },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.dot(pts, { x: 'x', y: 'y', fx: 'panel', fill: 'digit',
        r: 1.8 }),
      Plot.text(labs, { x: 'x', y: 'y', fx: 'panel', text: 'digit',
        fill: 'currentColor', stroke: 'var(--sl-color-bg, #fff)',
        strokeWidth: 4, paintOrder: 'stroke', fontSize: 17,
        fontWeight: 700 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Crowding: relative distances in 2-d and 10-d; the two kernels.

function crowdingFigure() {
  const rows: { dist: number; density: number; space: string }[] = [];
  const spreads: Record<string, number> = {};
  for (const d of [2, 10]) {
    const r = relativeDistances(d, 300, 4);
    const bins = 40, hi = 2.5, counts = new Float64Array(bins);
    let v = 0;
    for (const x of r) {
      v += (x - 1) ** 2 / r.length;
      if (x < hi) counts[Math.floor((x / hi) * bins)]++;
    }
    spreads[d] = Math.sqrt(v);
    for (let b = 0; b < bins; b++) {
      rows.push({ dist: ((b + 0.5) * hi) / bins,
        density: counts[b] / r.length / (hi / bins), space: `${d}-d` });
    }
  }
  const peak = (s: string) => rows.filter((q) => q.space === s)
    .reduce((a, b) => (b.density > a.density ? b : a));
  const p10 = peak('10-d');
  const svg = renderPlot({
    width: WIDTH, height: 320, style: STYLE, marginLeft: 50,
    marginBottom: 50,
    x: { label: 'distance / mean distance', domain: [0, 2.5],
      labelAnchor: 'center', labelArrow: 'none', labelOffset: 44 },
    y: { label: 'density', grid: true },
    marks: [
      Plot.ruleY([0]),
      ...series(rows, 'space', [['2-d', '6,4'], ['10-d', null]], {
        x: 'dist', y: 'density' }),
      label(p10.dist + 0.12, p10.density, '10-d', { fontSize: 16 }),
      label(1.75, 0.62, '2-d (dashed)', { fontSize: 16 }),
    ],
    color: { domain: ['2-d', '10-d'], range: [PALETTE[1], PALETTE[0]] },
  });
  return { svg, sd2: spreads[2], sd10: spreads[10] };
}

function kernelFigure() {
  const rows: { distance: number; similarity: number; kernel: string }[] =
    [];
  for (let t = 0; t <= 120; t++) {
    const d = t / 20;
    rows.push({ distance: d, similarity: Math.exp(-(d * d) / 2),
      kernel: 'Gaussian' });
    rows.push({ distance: d, similarity: 1 / (1 + d * d),
      kernel: 'Student t' });
  }
  const svg = renderPlot({
    width: WIDTH, height: 320, style: STYLE, marginLeft: 60,
    marginBottom: 50,
    x: { label: 'distance ‖yᵢ − yⱼ‖', labelAnchor: 'center',
      labelArrow: 'none', labelOffset: 44 },
    y: { label: 'similarity', type: 'log', domain: [1e-8, 1.5],
      ticks: [1e-8, 1e-6, 1e-4, 1e-2, 1], tickFormat: pow10, grid: true },
    color: { domain: ['Gaussian', 'Student t'],
      range: [PALETTE[4], PALETTE[0]] },
    marks: [
      ...series(rows, 'kernel', [['Gaussian', '6,4'], ['Student t', null]],
        { x: 'distance', y: 'similarity' }),
      label(1.2, 1e-6, 'Gaussian (dashed)', { fontSize: 16 }),
      label(3.6, 0.12, 'Student t', { fontSize: 16 }),
    ],
  });
  // the distance at which the t kernel falls to the Gaussian's value at 1
  const g1 = Math.exp(-0.5);
  return { svg, tAtGauss1: Math.sqrt(1 / g1 - 1),
    gaussAt3: Math.exp(-4.5), tAt3: 1 / 10 };
}

// ---------------------------------------------------------------------
// Chaos: two exact runs started 1e-12 apart, at two learning rates.

function chaosStudy() {
  const n: number = sk.data.rows;
  const all = loadDigits();
  const X = new Matrix(n, 64, all.X.data.slice(0, n * 64));
  const P = jointProbabilities(X, sk.perplexity);
  const init = new Matrix(n, 2, Float64Array.from(sk.init));
  const nudged = new Matrix(n, 2, init.data.map((v, k) =>
    v * (1 + 1e-12 * Math.sin(k))));
  const rows: { iteration: number; difference: number; rate: string }[] =
    [];
  for (const eta of [5, 100]) {
    for (let t = 10; t <= 300; t += 10) {
      const a = tsne(P, init, { learningRate: eta, nIter: t });
      const b = tsne(P, nudged, { learningRate: eta, nIter: t });
      let m = 0, big = 0;
      for (let k = 0; k < 2 * n; k++) {
        m = Math.max(m, Math.abs(a.Y.data[k] - b.Y.data[k]));
        big = Math.max(big, Math.abs(a.Y.data[k]));
      }
      rows.push({ iteration: t, difference: Math.max(m / big, 1e-17),
        rate: `η = ${eta}` });
    }
  }
  const svg = renderPlot({
    width: WIDTH, height: 320, style: STYLE, marginLeft: 60,
    marginBottom: 50,
    x: { label: 'iteration', domain: [0, 300], labelAnchor: 'center',
      labelArrow: 'none', labelOffset: 44 },
    y: { label: 'relative max difference', type: 'log',
      domain: [1e-17, 10], ticks: [1e-16, 1e-12, 1e-8, 1e-4, 1],
      tickFormat: pow10, grid: true },
    color: { domain: ['η = 5', 'η = 100'],
      range: [PALETTE[0], PALETTE[4]] },
    marks: [
      Plot.ruleX([250], { strokeOpacity: 0.5 }),
      ...series(rows, 'rate', [['η = 5', '6,4'], ['η = 100', null]],
        { x: 'iteration', y: 'difference', marker: 'circle' }),
      label(120, 3e-3, 'η = 100', { fontSize: 16 }),
      label(60, 1e-13, 'η = 5 (dashed)', { fontSize: 16 }),
      label(245, 1e-6, 'end of', { anchor: 'end', fontSize: 16 }),
      label(245, 10 ** -7.3, 'exaggeration', { anchor: 'end', fontSize: 16 }),
    ],
  });
  return { svg };
}

// ---------------------------------------------------------------------
// What the map does not show (Wattenberg, Viégas & Johnson 2016).

function inputAndMap(X: Matrix, y: Int32Array, perp: number,
  names: string[]) {
  const P = jointProbabilities(X, perp);
  const r = tsne(P, pcaInit(X), { learningRate: autoRate(X.rows),
    nIter: N_ITER });
  const pca = transform(fitPca(X, 2), X);
  const pts: { x: number; y: number; group: string; panel: string }[] =
    [];
  for (const [panel, Y] of [['input (PCA)', pca], ['t-SNE map', r.Y]] as
    [string, Matrix][]) {
    unitScale(Y).forEach(([a, b], i) => pts.push({ x: a, y: b,
      group: names[y[i]], panel }));
  }
  return { Y: r.Y, pca, pts };
}

/** Mean distance of a group's points to their centroid, per group. */
function groupSpread(Y: Matrix, y: Int32Array, g: number): number {
  let cx = 0, cy = 0, m = 0;
  for (let i = 0; i < Y.rows; i++) {
    if (y[i] !== g) continue;
    cx += Y.data[2 * i]; cy += Y.data[2 * i + 1]; m++;
  }
  cx /= m; cy /= m;
  let s = 0;
  for (let i = 0; i < Y.rows; i++) {
    if (y[i] === g) s += Math.hypot(Y.data[2 * i] - cx,
      Y.data[2 * i + 1] - cy) / m;
  }
  return s;
}

function centroid(Y: Matrix, y: Int32Array, g: number): number[] {
  const d = Y.cols, c = new Array(d).fill(0);
  let m = 0;
  for (let i = 0; i < Y.rows; i++) {
    if (y[i] !== g) continue;
    for (let a = 0; a < d; a++) c[a] += Y.data[i * d + a];
    m++;
  }
  return c.map((v) => v / m);
}
const dist = (a: number[], b: number[]) =>
  Math.sqrt(a.reduce((s, v, k) => s + (v - b[k]) ** 2, 0));

/** One label per group and panel, above the group (below it when the
 *  group touches the top of the panel, so the label clears the facet
 *  title). */
function groupLabels(pts: { x: number; y: number; group: string;
  panel: string }[], names: string[]) {
  const out: { x: number; y: number; group: string; panel: string;
    below: boolean }[] = [];
  for (const panel of ['input (PCA)', 't-SNE map']) {
    for (const group of names) {
      const g = pts.filter((p) => p.panel === panel && p.group === group);
      let x = 0, top = -Infinity, bottom = Infinity;
      for (const p of g) {
        x += p.x / g.length;
        top = Math.max(top, p.y); bottom = Math.min(bottom, p.y);
      }
      const below = top > 0.6;
      out.push({ x, y: below ? bottom : top, group: group.split(' ')[0],
        panel, below });
    }
  }
  return out;
}

function pairFigure(pts: { x: number; y: number; group: string;
  panel: string }[], names: string[]) {
  const symbols = ['circle', 'triangle', 'square'];
  return renderPlot({
    width: WIDTH, height: 290, style: STYLE,
    marginLeft: 10, marginRight: 10, marginBottom: 10, marginTop: 30,
    x: { axis: null, domain: [-1.15, 1.15] },
    y: { axis: null, domain: [-1.15, 1.15] },
    fx: { label: null, axis: 'top',
      domain: ['input (PCA)', 't-SNE map'] },
    color: { domain: names, range: [PALETTE[0], PALETTE[4], PALETTE[2]] },
    symbol: { domain: names, range: symbols.slice(0, names.length) },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.dot(pts, { x: 'x', y: 'y', fx: 'panel', stroke: 'group',
        symbol: 'group', r: 2.6, strokeWidth: 1.3 }),
      ...[false, true].map((below) => Plot.text(
        groupLabels(pts, names).filter((l) => l.below === below), {
          x: 'x', y: 'y', fx: 'panel', text: 'group',
          fill: 'currentColor', fontSize: 16, fontWeight: 700,
          stroke: 'var(--sl-color-bg, #fff)', strokeWidth: 4,
          paintOrder: 'stroke', dy: below ? 22 : -22 })),
    ],
  });
}

function sizesStudy() {
  const names = ['tight (sd 1)', 'wide (sd 10)'];
  const c = clusters([new Array(10).fill(0), [100, ...new Array(9)
    .fill(0)]], [75, 75], [1, 10], 11);
  const m = inputAndMap(c.X, c.y, 30, names);
  return { svg: pairFigure(m.pts, names),
    inputRatio: groupSpread(m.pca, c.y, 1) / groupSpread(m.pca, c.y, 0),
    mapRatio: groupSpread(m.Y, c.y, 1) / groupSpread(m.Y, c.y, 0) };
}

function distancesStudy() {
  const names = ['A', 'B', 'C'];
  const e = (v: number) => [v, ...new Array(9).fill(0)];
  const c = clusters([e(0), e(10), e(50)], [50, 50, 50], [1, 1, 1], 12);
  const m = inputAndMap(c.X, c.y, 30, names);
  const ratio = (Z: Matrix) => {
    const [a, b, cc] = [0, 1, 2].map((g) => centroid(Z, c.y, g));
    return dist(b, cc) / dist(a, b);
  };
  return { svg: pairFigure(m.pts, names),
    inputRatio: ratio(c.X), mapRatio: ratio(m.Y) };
}

// ---------------------------------------------------------------------
// Perplexity calibration on the 100-digit reference data.

function calibration() {
  const n: number = sk.data.rows;
  const all = loadDigits();
  const X = new Matrix(n, 64, all.X.data.slice(0, n * 64));
  const { beta } = conditionalProbabilities(squaredDistances(X), n,
    sk.perplexity);
  const sigmas = Array.from(beta, (b) => Math.sqrt(1 / (2 * b)));
  let lo = Infinity, hi = 0;
  for (const s of sigmas) { lo = Math.min(lo, s); hi = Math.max(hi, s); }
  return { sigmaMin: lo, sigmaMax: hi };
}

/** Our run beside sklearn's on the reference data (stable rate). */
function referenceStudy() {
  const n: number = sk.data.rows;
  const all = loadDigits();
  const X = new Matrix(n, 64, all.X.data.slice(0, n * 64));
  const P = jointProbabilities(X, sk.perplexity);
  let pDiff = 0, k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      pDiff = Math.max(pDiff, Math.abs(P[i * n + j] - sk.P[k]));
    }
  }
  const init = new Matrix(n, 2, Float64Array.from(sk.init));
  const rel = (a: ArrayLike<number>, b: number[]) => {
    let m = 0, big = 0;
    for (let t = 0; t < b.length; t++) {
      m = Math.max(m, Math.abs(a[t] - b[t]));
      big = Math.max(big, Math.abs(b[t]));
    }
    return m / big;
  };
  const st = sk.runs.stable;
  const ten = tsne(P, init, { learningRate: 5, nIter: 10 });
  const ten100 = tsne(P, init, { learningRate: 100, nIter: 10 });
  const full = tsne(P, init, { learningRate: 5, nIter: sk.n_iter });
  const hot = tsne(P, init, { learningRate: 100, nIter: sk.n_iter });
  // Where the first phase ends at each rate: a run whose first phase is
  // cut to 50 iterations gives the same map iff phase 1 stopped at 49.
  const cut = tsne(P, init, { learningRate: 5, nIter: sk.n_iter,
    explorationIter: 50 });
  const calmPhase1Iter = rel(cut.Y.data, Array.from(full.Y.data)) === 0 ?
    50 : 250;
  // Trustworthiness: tie-free copy (sklearn's map vs ours) and raw pixels.
  const noisy = new Matrix(n, 64, X.data.map((v, t) => v + sk.noise[t]));
  const unit = 2 / (n * 5 * (2 * n - 15 - 1));
  let ties = 0;
  const D = squaredDistances(X);
  for (let i = 0; i < n; i++) {
    const row = Array.from(D.subarray(i * n, i * n + n))
      .filter((_, j) => j !== i).sort((a, b) => a - b);
    for (let j = 1; j < row.length; j++) if (row[j] === row[j - 1]) ties++;
  }
  const ourTrust = trustworthiness(X, full.Y, 5);
  return { pDiff, after10: Math.max(rel(ten.Y.data, st.after10),
    rel(ten100.Y.data, sk.runs.unstable.after10)),
  mapDiff: rel(full.Y.data, st.Y), klDiff: Math.abs(full.kl - st.kl),
  ourKl: full.kl, ourTrust,
  hotKl: hot.kl, ourIter: full.iterations, calmPhase1Iter,
  tieFreeDiff: Math.abs(trustworthiness(noisy, full.Y, 5) -
    sk.trust_tiefree.k5),
  rawTrustUnits: Math.round(Math.abs(ourTrust - st.trust) / unit),
  tiedPairs: ties };
}

export default cached('t-sne', () => {
  const d = digitsStudy();
  const byPerp = (p: number) => d.runs.find((r) => r.perp === p)!;
  const main = byPerp(30);
  const crowd = crowdingFigure();
  const kern = kernelFigure();
  const sizes = sizesStudy();
  const dists = distancesStudy();
  const cal = calibration();
  const stable = sk.runs.stable, unstable = sk.runs.unstable;
  const ref = referenceStudy();
  const rKl = d.random.map((q) => q.kl);
  const rTrust = d.random.map((q) => q.trust);
  return {
    sklearn: sk.versions.sklearn as string,
    refN: sk.data.rows as number,
    refPerplexity: sk.perplexity as number,
    refIter: sk.n_iter as number,
    stableKl: stable.kl as number,
    stableTrust: stable.trust as number,
    unstableKlMean: mean(unstable.spread.kl),
    unstableKlSd: sd(unstable.spread.kl),
    hotZ: (ref.hotKl - mean(unstable.spread.kl)) / sd(unstable.spread.kl),
    calmZ: (ref.ourKl - mean(unstable.spread.kl)) /
      sd(unstable.spread.kl),
    unstableKl: unstable.kl as number,
    spreadRuns: unstable.spread.kl.length as number,
    sdRelSe: 1 / Math.sqrt(2 * (unstable.spread.kl.length - 1)),
    ref,
    sigmaMin: cal.sigmaMin, sigmaMax: cal.sigmaMax,
    crowdingFigure: crowd.svg, sd2: crowd.sd2, sd10: crowd.sd10,
    kernelFigure: kern.svg, tAtGauss1: kern.tAtGauss1,
    gaussAt3: kern.gaussAt3, tAt3: kern.tAt3,
    chaosFigure: chaosStudy().svg,
    digitsFigure: digitsFigure([{ name: 'PCA', Y: d.pca },
      { name: 't-SNE, perplexity 30', Y: main.r.Y }], d.y, 300),
    perplexityFigure: digitsFigure(d.runs.map((r) => ({
      name: `perplexity ${r.perp}`, Y: r.r.Y })), d.y, 230),
    digitsN: d.n, perClass: PER_CLASS, allN: d.allN,
    costRatio: (d.allN / d.n) ** 2,
    eta: d.eta, nIter: N_ITER,
    perplexities: d.runs.map((r) => ({ perp: r.perp, kl: r.r.kl,
      trust: r.trust })),
    mainKl: main.r.kl, mainTrust: main.trust, pcaTrust: d.pcaTrust,
    // Exercise 4: expected T(5) of a random map
    randomMapTrust: 1 - ((d.n - 5) * (d.n - 6)) /
      ((d.n - 1) * (2 * d.n - 16)),
    randomSeeds: RANDOM_SEEDS.length,
    randomKlMean: mean(rKl), randomKlSd: sd(rKl),
    randomTrustMean: mean(rTrust), randomTrustSd: sd(rTrust),
    sizesFigure: sizes.svg, sizesInput: sizes.inputRatio,
    sizesMap: sizes.mapRatio,
    distancesFigure: dists.svg, distInput: dists.inputRatio,
    distMap: dists.mapRatio,
  };
}, { reason: 'eight exact t-SNE runs of 1000 iterations on 300 digits ' +
  '(O(n^2) each) and 120 short runs for the chaos figure' });

export type { TsneResult };
