// Build-time computation of "k-means": its figures, the data of its
// interactive demo and every number its prose shows, computed by the
// chapter's code (code/k-means) and cached (see src/lib/cache.ts).
// Seeded throughout. Colour is always paired with a symbol, a dash
// pattern or a direct label.
import { cached } from '../lib/cache.ts';
import { sci } from '../lib/format.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/k-means/sklearn.json' with {
  type: 'json',
};
import bench from '../../tests/fixtures/k-means/benchmark.json' with {
  type: 'json',
};
import { loadIris } from '../../code/calculus/iris.ts';
import { createRng } from '../../code/introduction/random.ts';
import { moments } from '../../code/introduction/stats.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { loadWine } from '../../code/k-nearest-neighbors/wine.ts';
import { loadDigits } from '../../code/softmax-regression/digits.ts';
import { blobs, twoMoons } from '../../code/k-means/data.ts';
import {
  bestOf,
  hardLimit,
  seedingStudy,
} from '../../code/k-means/experiments.ts';
import { assign, lloyd, update } from '../../code/k-means/lloyd.ts';
import { miniBatchKMeans } from '../../code/k-means/minibatch.ts';
import { responsibilities } from '../../code/k-means/mixture.ts';
import {
  irisChooseK,
  wineScaling,
} from '../../code/k-means/real-data.ts';
import { rowsOf } from '../../code/k-means/seeding.ts';
import { silhouetteScore } from '../../code/k-means/silhouette.ts';

const sk = skRaw as any;
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star',
  'cross'];
const f64 = (xs: number[]) => Float64Array.from(xs);
const BLOBS = () => new Matrix(sk.n, 2, f64(sk.blobs));
const INIT = () => rowsOf(BLOBS(), sk.init_rows);

// ---------------------------------------------------------------------
// Lloyd on the blobs, half-step by half-step.

/** The states of Lloyd's algorithm from the fixture's initial centres:
 *  after each assignment and each update, with the inertia. */
const lloydStates = once(() => {
  const X = BLOBS();
  let C = INIT();
  const states: { C: number[]; labels: number[]; inertia: number;
    kind: string }[] = [];
  let labels = assign(X, C).labels;
  for (let t = 0; t < 40; t++) {
    const a = assign(X, C);
    const changed = t > 0 && a.labels.some((v, i) => v !== labels[i]);
    labels = a.labels;
    states.push({ C: Array.from(C.data), labels: Array.from(labels),
      inertia: a.dist2.reduce((s, v) => s + v, 0), kind: 'assign' });
    if (t > 0 && !changed) break;
    C = update(X, C, labels).centers;
    let inert = 0; // the new centres with the labels that made them
    for (let i = 0; i < X.rows; i++) {
      inert += (X.get(i, 0) - C.get(labels[i], 0)) ** 2 +
        (X.get(i, 1) - C.get(labels[i], 1)) ** 2;
    }
    states.push({ C: Array.from(C.data), labels: Array.from(labels),
      inertia: inert, kind: 'update' });
  }
  const full = lloyd(X, INIT(), { tol: 0, trace: true });
  return { states, full };
});

function panelPoints(state: { C: number[]; labels: number[] },
  panel: string) {
  const X = BLOBS();
  return Array.from({ length: X.rows }, (_, i) => ({
    x: X.get(i, 0), y: X.get(i, 1), panel,
    cluster: `cluster ${state.labels[i] + 1}`,
  }));
}

/** Three panels: the first assignment, after one iteration, converged. */
function lloydFigure(): string {
  const { states } = lloydStates();
  const last = states[states.length - 1];
  const picks = [
    { s: states[0], name: 'first assignment' },
    { s: states[2], name: 'second assignment' },
    { s: last, name: `converged` },
  ];
  const pts = picks.flatMap((p) => panelPoints(p.s, p.name));
  const centres = picks.flatMap((p) => [0, 1, 2, 3].map((m) => ({
    x: p.s.C[2 * m], y: p.s.C[2 * m + 1], panel: p.name,
    text: String(m + 1) })));
  return renderPlot({
    width: 640,
    height: 300,
    style: { ...STYLE, fontSize: '15px' },
    marginLeft: 40,
    marginBottom: 40,
    x: { label: 'x₁', labelAnchor: 'center', labelArrow: 'none',
      ticks: 4 },
    y: { label: 'x₂', labelArrow: 'none', ticks: 4 },
    fx: { label: null, domain: picks.map((p) => p.name) },
    color: { domain: [1, 2, 3, 4].map((m) => `cluster ${m}`),
      range: PALETTE.slice(0, 4) },
    symbol: { domain: [1, 2, 3, 4].map((m) => `cluster ${m}`),
      range: SYMBOLS.slice(0, 4) },
    marks: [
      Plot.frame({ strokeOpacity: 0.4 }),
      Plot.dot(pts, { x: 'x', y: 'y', fx: 'panel', stroke: 'cluster',
        symbol: 'cluster', r: 2.2, strokeWidth: 1.1 }),
      Plot.dot(centres, { x: 'x', y: 'y', fx: 'panel', r: 11,
        fill: 'var(--sl-color-bg, #fff)', stroke: 'currentColor',
        strokeWidth: 2 }),
      Plot.text(centres, { x: 'x', y: 'y', fx: 'panel', text: 'text',
        fill: 'currentColor', fontSize: 15, fontWeight: 700 }),
    ],
  });
}

/** Inertia after every half-step of the same run. */
function traceFigure(): string {
  const { full } = lloydStates();
  const rows = full.trace.map((v, t) => ({ step: (t + 1) / 2, inertia: v,
    kind: t % 2 === 0 ? 'after an assignment' : 'after an update' }));
  return renderPlot({
    width: WIDTH,
    height: 300,
    style: STYLE,
    marginLeft: 64,
    marginBottom: 44,
    marginRight: 20,
    marginTop: 30,
    x: { label: 'iteration', labelAnchor: 'center', labelArrow: 'none',
      ticks: 5 },
    y: { type: 'log', label: 'inertia', grid: true, labelArrow: 'none',
      ticks: [500, 1000, 2000, 5000, 10000],
      tickFormat: (v: number) => String(v) },
    symbol: { domain: ['after an assignment', 'after an update'],
      range: ['circle', 'square'] },
    marks: [
      Plot.line(rows, { x: 'step', y: 'inertia', stroke: PALETTE[0],
        curve: 'step-after', strokeWidth: 1.5 }),
      Plot.dot(rows, { x: 'step', y: 'inertia', symbol: 'kind',
        stroke: PALETTE[0], fill: PALETTE[0], r: 4 }),
      label(rows[0].step, rows[0].inertia, '● after an assignment',
        { dx: 12, dy: -12, fontSize: 16 }),
      label(rows[1].step, rows[1].inertia, '■ after an update',
        { dx: 12, dy: -12, fontSize: 16 }),
    ],
  });
}

/** The data the live figure needs: points, initial centres, k. */
function demoData() {
  const X = BLOBS();
  return { x: Array.from(X.data), k: 4, init: Array.from(INIT().data),
    box: { x0: -4, x1: 11, y0: -4, y1: 11 } };
}

// ---------------------------------------------------------------------
// Seeding.

const SEED_KS = [2, 4, 8, 16, 32];
const SEEDS = 100;
const SEED_PER = 40; // points per blob
const seeding = once(() => seedingStudy(SEED_KS, SEED_PER, SEEDS, 1));

function seedingFigure(): string {
  const rows = seeding();
  const series = [
    { key: 'random', name: 'uniform', color: PALETTE[4],
      symbol: 'triangle' },
    { key: 'plusplus', name: 'k-means++', color: PALETTE[0],
      symbol: 'circle' },
    { key: 'greedy', name: 'greedy', color: PALETTE[2],
      symbol: 'square' },
  ] as const;
  const pts = series.flatMap((s) => rows.map((r) => ({ k: r.k,
    mean: r[s.key].mean, lo: r[s.key].mean - 2 * r[s.key].se,
    hi: r[s.key].mean + 2 * r[s.key].se, seeding: s.name })));
  const last = rows[rows.length - 1];
  return renderPlot({
    width: WIDTH,
    height: 330,
    style: STYLE,
    marginLeft: 56,
    marginRight: 132,
    marginBottom: 44,
    x: { type: 'log', base: 2, label: 'k (blobs = clusters)',
      labelAnchor: 'center', labelArrow: 'none', ticks: SEED_KS,
      tickFormat: (v: number) => String(v) },
    y: { type: 'log', label: 'seeded inertia / best found',
      labelArrow: 'none', grid: true, ticks: [1, 2, 5, 10, 20, 50],
      tickFormat: (v: number) => String(v), domain: [1, 60] },
    color: { domain: series.map((s) => s.name),
      range: series.map((s) => s.color) },
    symbol: { domain: series.map((s) => s.name),
      range: series.map((s) => s.symbol) },
    marks: [
      Plot.line(rows, { x: 'k', y: 'bound', stroke: 'currentColor',
        strokeDasharray: '6,4' }),
      label(last.k, last.bound, '8(ln k + 2)', { dx: 8, fontSize: 16 }),
      Plot.ruleX(pts, { x: 'k', y1: 'lo', y2: 'hi', stroke: 'seeding' }),
      Plot.line(pts, { x: 'k', y: 'mean', z: 'seeding', stroke: 'seeding',
        strokeWidth: 1.5 }),
      Plot.dot(pts, { x: 'k', y: 'mean', symbol: 'seeding',
        stroke: 'seeding', fill: 'seeding', r: 4 }),
      ...series.map((s) => label(last.k, last[s.key].mean, s.name,
        { dx: 8, fontSize: 16 })),
    ],
  });
}

// ---------------------------------------------------------------------
// Choosing k on iris.

const iris = once(() => irisChooseK());

/** One curve against k: the best inertia, or the mean silhouette. */
function chooseKFigure(key: 'inertia' | 'silhouette'): string {
  const { rows } = iris();
  return renderPlot({
    width: WIDTH,
    height: 260,
    style: STYLE,
    marginLeft: 56,
    marginRight: 20,
    marginBottom: 44,
    x: { label: 'k', labelAnchor: 'center', labelArrow: 'none',
      ticks: rows.map((r) => r.k), tickFormat: (v: number) => String(v) },
    y: { label: key === 'inertia' ? 'inertia (best of 10 runs)'
      : 'mean silhouette', grid: true, zero: true, labelArrow: 'none' },
    marks: [
      Plot.line(rows, { x: 'k', y: key, stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(rows, { x: 'k', y: key, fill: PALETTE[0], r: 4 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Pitfalls: non-convex and unequal clusters.

const UNEQUAL = { sizes: [400, 40, 40], spreads: [1.6, 0.4, 0.4] };
const pitfalls = once(() => {
  const rng = createRng(31);
  const moons = twoMoons(150, 0.06, rng);
  const mFit = bestOf(moons.X, 2, 10, rng);
  const unequal = blobs([[0, 0], [5, 0], [2.5, 6]], UNEQUAL.sizes,
    UNEQUAL.spreads, createRng(32));
  const uFit = bestOf(unequal.X, 3, 10, createRng(33));
  const agree = (labels: Int32Array, y: Int32Array, k: number) => {
    // the share of points in the cluster that most of their class is in
    let ok = 0;
    for (let c = 0; c < k; c++) {
      const counts = new Array(k).fill(0);
      y.forEach((v, i) => { if (v === c) counts[labels[i]]++; });
      ok += counts.reduce((a: number, b: number) => Math.max(a, b), 0);
    }
    return ok / y.length;
  };
  return { moons, mFit, unequal, uFit,
    moonsAgree: agree(mFit.labels, moons.y, 2),
    unequalAgree: agree(uFit.labels, unequal.y, 3) };
});

function pitfallsFigure(which: 'moons' | 'unequal'): string {
  const { moons, mFit, unequal, uFit } = pitfalls();
  const pts = (X: Matrix, labels: Int32Array) =>
    Array.from({ length: X.rows }, (_, i) => ({ x: X.get(i, 0),
      y: X.get(i, 1), cluster: `cluster ${labels[i] + 1}` }));
  const all = which === 'moons' ? pts(moons.X, mFit.labels)
    : pts(unequal.X, uFit.labels);
  return renderPlot({
    width: WIDTH,
    height: which === 'moons' ? 280 : 380,
    style: STYLE,
    marginLeft: 44,
    marginBottom: 44,
    x: { label: 'x₁', labelAnchor: 'center', labelArrow: 'none',
      ticks: 5 },
    y: { label: 'x₂', labelArrow: 'none', ticks: 5 },
    color: { domain: ['cluster 1', 'cluster 2', 'cluster 3'],
      range: PALETTE.slice(0, 3) },
    symbol: { domain: ['cluster 1', 'cluster 2', 'cluster 3'],
      range: SYMBOLS.slice(0, 3) },
    marks: [
      Plot.frame({ strokeOpacity: 0.4 }),
      Plot.dot(all, { x: 'x', y: 'y', stroke: 'cluster',
        symbol: 'cluster', r: 2.6, strokeWidth: 1.2 }),
    ],
  });
}

// ---------------------------------------------------------------------
// The hard limit of a Gaussian mixture.

const SIGMAS = [3, 2, 1.5, 1, 0.7, 0.5, 0.35, 0.25, 0.18, 0.12, 0.08];
const hard = once(() => {
  const { full } = lloydStates();
  return { rows: hardLimit(BLOBS(), full.centers, SIGMAS),
    centers: full.centers };
});

function hardLimitFigure(): string {
  const rows = hard().rows.filter((r) => r.gap > 1e-300);
  return renderPlot({
    width: WIDTH,
    height: 300,
    style: STYLE,
    marginLeft: 64,
    marginBottom: 44,
    marginRight: 20,
    x: { type: 'log', label: 'σ', labelAnchor: 'center',
      labelArrow: 'none', ticks: [0.1, 0.2, 0.5, 1, 2],
      tickFormat: (v: number) => String(v) },
    y: { type: 'log', label: 'max over points of 1 − r(own cluster)',
      labelArrow: 'none', grid: true, ticks: [1e-20, 1e-15, 1e-10, 1e-5, 1],
      tickFormat: (v: number) => (v === 1 ? '1' : `1e${Math.log10(v)}`) },
    marks: [
      Plot.line(rows, { x: 'sigma', y: 'gap', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(rows, { x: 'sigma', y: 'gap', fill: PALETTE[0], r: 4 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Against scikit-learn.

const DATA: Record<string, { name: string; X: () => Matrix }> = {
  blobs_tol0: { name: 'blobs', X: BLOBS },
  blobs_tol: { name: 'blobs', X: BLOBS },
  iris: { name: 'iris', X: () => loadIris().X },
  wine: { name: 'wine', X: () => loadWine().X },
  digits: { name: 'digits', X: () => loadDigits().X },
};

function referenceRows() {
  const cases = [...Object.keys(DATA).map((key) => ({ key,
    ref: sk.lloyd[key], name: DATA[key].name, X: DATA[key].X })),
  { key: 'one', ref: sk.empty.one, name: 'blobs, 1 empty', X: BLOBS },
  { key: 'two', ref: sk.empty.two, name: 'blobs, 2 empty', X: BLOBS }];
  let worstC = 0;
  let worstI = 0;
  let allLabels = true;
  let allIter = true;
  const rows = cases.map(({ ref, name, X: make }) => {
    const X = make();
    const ours = lloyd(X, new Matrix(ref.k, X.cols, f64(ref.init)),
      { tol: ref.tol });
    let dc = 0;
    ours.centers.data.forEach((v, t) => {
      dc = Math.max(dc, Math.abs(v - ref.centers[t]));
    });
    const di = Math.abs(ours.inertia - ref.inertia) / ref.inertia;
    const same = ours.labels.every((v, i) => v === ref.labels[i]);
    worstC = Math.max(worstC, dc);
    worstI = Math.max(worstI, di);
    allLabels &&= same;
    allIter &&= ours.nIter === ref.n_iter;
    return [name, `${X.rows} × ${X.cols}`, String(ref.k),
      ref.tol === 0 ? '0' : String(ref.tol),
      `${ours.nIter} / ${ref.n_iter}`, same ? 'yes' : 'no',
      dc === 0 ? '0' : sci(dc, 1), di === 0 ? '0' : sci(di, 1)];
  });
  const iters = cases.map((c) => c.ref.n_iter as number);
  return { rows, worstC, worstI, allLabels, allIter, iters };
}

function miniBatchStudy() {
  const mb = sk.minibatch;
  const X = BLOBS();
  const ours: number[] = [];
  for (let s = 0; s < mb.seeds; s++) {
    const C = miniBatchKMeans(X, INIT(), { batchSize: mb.batch_size,
      steps: mb.n_steps }, createRng(100 + s));
    ours.push(assign(X, C).dist2.reduce((a, b) => a + b, 0));
  }
  const a = moments(ours);
  const b = moments(mb.inertias);
  return { seeds: mb.seeds, batch: mb.batch_size, steps: mb.n_steps,
    epochs: mb.epochs, ours: a.mean, oursSd: Math.sqrt(a.variance), oursSe: Math.sqrt(a.variance /
      mb.seeds), theirs: b.mean, theirsSe: Math.sqrt(b.variance /
      mb.seeds), lloyd: lloydStates().full.inertia };
}

/** The benchmark's numbers (scripts/bench/kmeans.ts): the ratio is
 *  recomputed from the two times, and set against the 1.5 goal. */
function benchNumbers() {
  const GOAL = 1.5;
  const ratio = bench.ours_ms / bench.sklearn_ms;
  return { ratio, goal: GOAL, met: ratio <= GOAL, ours: bench.ours_ms,
    theirs: bench.sklearn_ms, n: bench.n, k: bench.k,
    iterations: bench.iterations, machine: bench.machine,
    cores: Number(/(\d+) cores/.exec(bench.machine)?.[1] ?? NaN),
    load: bench.load_average,
    oursPerIter: bench.ours_ms / bench.iterations,
    theirsPerIter: bench.sklearn_ms / bench.iterations,
    same: bench.same_labels && bench.same_iterations,
    verdict: ratio <= GOAL ? 'this run meets it'
      : 'we do not meet it' };
}

export default cached('k-means', () => {
  const { states, full } = lloydStates();
  const digits = loadDigits().X;
  const ref = referenceRows();
  const seed = seeding();
  const ch = iris();
  const best = ch.rows.reduce((a, b) => (b.silhouette > a.silhouette ? b
    : a));
  const wine = wineScaling();
  const pit = pitfalls();
  const h = hard().rows;
  const R = responsibilities(BLOBS(), hard().centers, 1);
  let soft = 0; // points whose largest responsibility is below 0.9
  for (let i = 0; i < R.rows; i++) {
    let top = 0;
    for (let m = 0; m < R.cols; m++) top = Math.max(top, R.get(i, m));
    if (top < 0.9) soft++;
  }
  const sil4 = silhouetteScore(BLOBS(), full.labels, 4);
  return {
    n: sk.n,
    lloydFigure: lloydFigure(),
    traceFigure: traceFigure(),
    seedingFigure: seedingFigure(),
    elbowFigure: chooseKFigure('inertia'),
    silhouetteFigure: chooseKFigure('silhouette'),
    moonsFigure: pitfallsFigure('moons'),
    unequalFigure: pitfallsFigure('unequal'),
    hardLimitFigure: hardLimitFigure(),
    demo: demoData(),
    iterations: full.nIter,
    halfSteps: full.trace.length,
    firstInertia: states[0].inertia,
    finalInertia: full.inertia,
    sil4,
    reference: ref.rows,
    worstCenter: ref.worstC,
    worstInertia: ref.worstI,
    allLabels: ref.allLabels,
    allIter: ref.allIter,
    sklearn: sk.versions.sklearn,
    seeding: seed,
    seeds: SEEDS,
    seedK32: seed[seed.length - 1],
    irisRows: ch.rows,
    irisN: ch.n,
    digitsIter: sk.lloyd.digits.n_iter,
    minIter: Math.min(...ref.iters),
    maxIter: Math.max(...ref.iters),
    irisBestK: best.k,
    irisBestSil: best.silhouette,
    irisPurity3: ch.purity3,
    wine,
    moonsAgree: pit.moonsAgree,
    unequalAgree: pit.unequalAgree,
    sigmaFirst: h[0],
    sigmaLast: h[h.length - 1],
    sigmaOne: h.find((r) => r.sigma === 1),
    softAtOne: soft,
    minibatch: miniBatchStudy(),
    bench: benchNumbers(),
    digitsN: digits.rows,
    digitsD: digits.cols,
    wineD: loadWine().X.cols,
    unequal: { big: UNEQUAL.sizes[0], small: UNEQUAL.sizes[1],
      bigSpread: UNEQUAL.spreads[0], smallSpread: UNEQUAL.spreads[1] },
    seedPer: SEED_PER,
    seedKs: SEED_KS.join(', '),
  };
});
