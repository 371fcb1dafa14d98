// Build-time computation of "k-nearest neighbours": its figures, the data
// of its interactive demo and every number its prose shows, computed by
// the chapter's code (code/k-nearest-neighbors) and cached (see
// src/lib/cache.ts). Seeded throughout. Colour is always paired with a
// symbol, a dash pattern, a boundary line or a direct label.
import { cached } from '../lib/cache.ts';
import { powerOfTen } from '../lib/format.ts';
import { label, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/k-nearest-neighbors/sklearn.json' with {
  type: 'json',
};
import bench from '../../tests/fixtures/k-nearest-neighbors/benchmark.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { moments } from '../../code/introduction/stats.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { kFoldIndices } from '../../code/regularization/cross-validation.ts';
import { digitsStudy } from '../../code/softmax-regression/experiments.ts';
import {
  sine,
  sineBiasVariance,
} from '../../code/locally-weighted-regression/examples.ts';
import {
  grid,
  sineTruth,
  SINE,
} from '../../code/locally-weighted-regression/synthetic.ts';
import { bruteForceNeighbors } from '../../code/k-nearest-neighbors/brute.ts';
import {
  fitKnnClassifier,
  predictKnn,
  predictProbaKnn,
} from '../../code/k-nearest-neighbors/classifier.ts';
import {
  LINEAR,
  STEP,
  asymptoticRisks,
  knnTestError,
  type TwoClassProblem,
} from '../../code/k-nearest-neighbors/cover-hart.ts';
import {
  distanceConcentration,
  squaredDistanceMoments,
  treeWork,
} from '../../code/k-nearest-neighbors/curse.ts';
import {
  boxBound,
  buildKdTree,
  kdTreeNeighbors,
} from '../../code/k-nearest-neighbors/kd-tree.ts';
import { knnBiasVariance } from '../../code/k-nearest-neighbors/bias-variance.ts';
import {
  DIGITS_KS,
  WINE_KS,
  digitsKnnStudy,
  irisSepals,
  pairedDifference,
  wineScalingStudy,
} from '../../code/k-nearest-neighbors/real-data.ts';
import {
  decisionRegions,
  type Grid,
} from '../../code/k-nearest-neighbors/regions.ts';
import {
  fitKnnRegressor,
  predictKnnRegression,
} from '../../code/k-nearest-neighbors/regressor.ts';
import { cvErrorByK } from '../../code/k-nearest-neighbors/selection.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sk = skRaw as any;

/** Figures are drawn 520 px wide with 16 px text, so that on a 390 px
 *  phone (a 358 px column) the text is still 11 px. */
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };

const SPECIES = ['setosa', 'versicolor', 'virginica'];
const CLASS_STYLE = [
  { color: PALETTE[0], symbol: 'circle' },
  { color: PALETTE[1], symbol: 'square' },
  { color: PALETTE[2], symbol: 'triangle' },
] as const;

// ---------------------------------------------------------------------
// Decision regions on the iris sepals (Figure 1 and the demo).

/** The plotted box and the grid of the regions: 0.05 cm cells. */
export const IRIS_GRID: Grid = {
  x0: 4, x1: 8.2, nx: 84, y0: 1.8, y1: 4.6, ny: 56,
};
export const DEMO_K_MAX = 75;
/** The two k of the intuition figure; the demo starts at the second. */
export const REGION_KS = [1, 15];

/** Leave-one-out error of every k in 1..DEMO_K_MAX, both weightings. */
function irisLoo() {
  const { X, y } = irisSepals();
  const ks = Array.from({ length: DEMO_K_MAX }, (_, i) => i + 1);
  const folds = kFoldIndices(X.rows, X.rows);
  const uniform = cvErrorByK(X, y, folds, ks).mean;
  const distance = cvErrorByK(X, y, folds, ks, { weights: 'distance' })
    .mean;
  return { ks, uniform, distance };
}

/** Same-label runs of each grid row as rectangles, and the cell edges
 *  between different labels as segments. */
function regionMarks(labels: Int32Array, g: Grid, fx?: string) {
  const cw = (g.x1 - g.x0) / g.nx;
  const ch = (g.y1 - g.y0) / g.ny;
  const rects: Record<string, number | string>[] = [];
  const edges: Record<string, number | string>[] = [];
  const at = (r: number, c: number) => labels[r * g.nx + c];
  for (let r = 0; r < g.ny; r++) {
    let start = 0;
    for (let c = 1; c <= g.nx; c++) {
      if (c < g.nx && at(r, c) === at(r, start)) continue;
      rects.push({ x1: g.x0 + start * cw, x2: g.x0 + c * cw,
        y1: g.y0 + r * ch, y2: g.y0 + (r + 1) * ch, k: at(r, start) });
      start = c;
    }
    for (let c = 1; c < g.nx; c++) {
      if (at(r, c) === at(r, c - 1)) continue;
      const x = g.x0 + c * cw;
      edges.push({ x1: x, x2: x, y1: g.y0 + r * ch, y2: g.y0 + (r + 1) * ch });
    }
    if (r === 0) continue;
    for (let c = 0; c < g.nx; c++) {
      if (at(r, c) === at(r - 1, c)) continue;
      const y = g.y0 + r * ch;
      edges.push({ x1: g.x0 + c * cw, x2: g.x0 + (c + 1) * cw, y1: y, y2: y });
    }
  }
  const facet = <T extends Record<string, unknown>>(rows: T[]) =>
    fx === undefined ? rows : rows.map((o) => ({ ...o, panel: fx }));
  return { rects: facet(rects), edges: facet(edges) };
}

/** The species' points, each with its symbol and colour. */
function irisPoints(panel?: string) {
  const { X, y } = irisSepals();
  return Array.from(y, (c, i) => ({
    x: X.get(i, 0), y: X.get(i, 1), name: SPECIES[c],
    ...(panel === undefined ? {} : { panel }),
  }));
}

/** Panels of regions for the given k (uniform weights), with the
 *  species' points and their names. */
export function regionsFigure(ks: number[], width = WIDTH): string {
  const { X, y } = irisSepals();
  const loo = irisLoo();
  const panels = ks.map((k) => `k = ${k}: LOO error ` +
    `${(100 * loo.uniform[k - 1]).toFixed(1)}%`);
  const all = ks.map((k, p) => regionMarks(
    decisionRegions(fitKnnClassifier(X, y, { k }), IRIS_GRID), IRIS_GRID,
    panels[p]));
  const rects = all.flatMap((a) => a.rects);
  const edges = all.flatMap((a) => a.edges);
  const points = panels.flatMap((p) => irisPoints(p));
  const names = panels.flatMap((panel) => [
    { x: 4.1, y: 4.45, text: 'setosa', anchor: 'start', panel },
    { x: 5.15, y: 1.95, text: 'versicolor', anchor: 'start', panel },
    { x: 8.1, y: 3.95, text: 'virginica', anchor: 'end', panel },
  ]);
  return renderPlot({
    width,
    height: ks.length > 1 ? 300 : 380,
    style: STYLE,
    marginLeft: 58,
    marginBottom: 44,
    fx: { label: null, domain: panels, padding: 0.08 },
    x: { label: 'sepal length (cm)', domain: [IRIS_GRID.x0, IRIS_GRID.x1],
      ticks: [5, 6, 7, 8], tickFormat: (v: number) => String(v),
      labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'sepal width (cm)', domain: [IRIS_GRID.y0, IRIS_GRID.y1],
      ticks: [2, 3, 4], tickFormat: (v: number) => String(v),
      labelArrow: 'none', labelAnchor: 'center' },
    color: { domain: [0, 1, 2], range: CLASS_STYLE.map((s) => s.color) },
    symbol: { domain: SPECIES, range: CLASS_STYLE.map((s) => s.symbol) },
    marks: [
      Plot.rect(rects, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fx: 'panel',
        fill: 'k', fillOpacity: 0.22 }),
      Plot.link(edges, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2',
        fx: 'panel', stroke: 'currentColor', strokeWidth: 1 }),
      Plot.dot(points, { x: 'x', y: 'y', fx: 'panel', symbol: 'name',
        stroke: (d) => CLASS_STYLE[SPECIES.indexOf(d.name)].color,
        fill: (d) => CLASS_STYLE[SPECIES.indexOf(d.name)].color,
        fillOpacity: 0.5, r: 3.2, strokeWidth: 1.2 }),
      ...(['start', 'end'] as const).map((anchor) => Plot.text(
        names.filter((d) => d.anchor === anchor), { x: 'x', y: 'y',
          text: 'text', fx: 'panel', textAnchor: anchor,
          fill: 'currentColor', fontWeight: 'bold',
          stroke: 'var(--plot-background)', strokeWidth: 4,
          paintOrder: 'stroke' })),
    ],
  });
}

/** What the browser demo needs: the points and the LOO errors. */
function demoData() {
  const { X, y } = irisSepals();
  const loo = irisLoo();
  return {
    x: Array.from(X.data),
    y: Array.from(y),
    grid: IRIS_GRID,
    kMax: DEMO_K_MAX,
    looUniform: loo.uniform,
    looDistance: loo.distance,
  };
}

// ---------------------------------------------------------------------
// The k-d tree at work on a small example.

export const TREE_DEMO = { n: 64, leafSize: 4, k: 3, seed: 5,
  query: [0.62, 0.55] };

function treeExample() {
  const { n, leafSize, k, seed, query } = TREE_DEMO;
  const rng = createRng(seed);
  const X = new Matrix(n, 2, rng.uniformArray(2 * n));
  const tree = buildKdTree(X, leafSize);
  const Q = new Matrix(1, 2, Float64Array.from(query));
  const stats = { visited: 0, leaves: [] as number[] };
  const nb = kdTreeNeighbors(tree, Q, k, 2, stats);
  const firstLeaf = (tree.nodes - 1) / 2;
  const kth = nb.distances[k - 1];
  const leaves = [];
  for (let t = firstLeaf; t < tree.nodes; t++) {
    leaves.push({ t, bound: Math.sqrt(boxBound(tree, t, Q.data, 0, 2)),
      opened: stats.leaves.includes(t) });
  }
  return { X, tree, nb, stats, kth, leaves, firstLeaf };
}

/** The leaf boxes, the query, its k nearest, the k-th distance's
 *  circle; the leaves the search opened are shaded. */
export function treeFigure(): string {
  const { X, tree, nb, kth, leaves } = treeExample();
  const [qx, qy] = TREE_DEMO.query;
  const boxes = leaves.map(({ t, opened }) => ({
    x1: tree.lo[2 * t], x2: tree.hi[2 * t],
    y1: tree.lo[2 * t + 1], y2: tree.hi[2 * t + 1],
    near: opened,
  }));
  const pts = Array.from({ length: X.rows }, (_, i) => ({
    x: X.get(i, 0), y: X.get(i, 1),
    hit: Array.from(nb.indices).includes(i),
  }));
  const circle = Array.from({ length: 121 }, (_, s) => {
    const a = (2 * Math.PI * s) / 120;
    return { x: qx + kth * Math.cos(a), y: qy + kth * Math.sin(a) };
  });
  return renderPlot({
    width: 440,
    aspectRatio: 1,
    style: STYLE,
    marginLeft: 40,
    marginBottom: 40,
    x: { domain: [0, 1], label: 'x₁', ticks: 5, labelArrow: 'none',
      labelAnchor: 'center' },
    y: { domain: [0, 1], label: 'x₂', ticks: 5, labelArrow: 'none',
      labelAnchor: 'center' },
    marks: [
      Plot.rect(boxes.filter((b) => b.near), { x1: 'x1', x2: 'x2',
        y1: 'y1', y2: 'y2', fill: PALETTE[0], fillOpacity: 0.16 }),
      Plot.rect(boxes, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2',
        stroke: 'currentColor', strokeOpacity: 0.55, fill: 'none' }),
      Plot.line(circle, { x: 'x', y: 'y', stroke: PALETTE[4],
        strokeWidth: 2, strokeDasharray: '6,3' }),
      Plot.dot(pts.filter((p) => !p.hit), { x: 'x', y: 'y', r: 3,
        fill: 'currentColor', fillOpacity: 0.6 }),
      Plot.dot(pts.filter((p) => p.hit), { x: 'x', y: 'y', r: 6,
        stroke: PALETTE[4], strokeWidth: 2.5 }),
      Plot.dot([{ x: qx, y: qy }], { x: 'x', y: 'y', symbol: 'star',
        r: 8, fill: PALETTE[4], stroke: 'currentColor' }),
      label(qx + 0.03, qy - 0.05, 'query', { fontSize: 16 }),
    ],
  });
}

// ---------------------------------------------------------------------
// k-NN regression on the sine data of the locally weighted chapter.

export const REGRESSION_KS = Array.from({ length: 40 }, (_, i) => i + 1);

function regressionStudy() {
  const { X, f } = sine();
  const Q = grid(0, 1, 101);
  const fQ = Q.data.map(sineTruth);
  const rows = REGRESSION_KS.map((k) => {
    const bv = knnBiasVariance(X, f, Q, fQ, SINE.noise, k);
    return { k, ...bv, total: bv.bias2 + bv.variance };
  });
  let best = rows[0];
  for (const r of rows) if (r.total < best.total) best = r;
  const lwr = sineBiasVariance();
  let lwrBest = lwr.total[0];
  for (const v of lwr.total) lwrBest = Math.min(lwrBest, v);
  return { rows, best, lwrBest, lwrTau: lwr.best, n: SINE.n,
    sigma: SINE.noise };
}

/** Mean squared bias, variance and their sum against k. */
export function biasVarianceFigure(): string {
  const { rows, best } = regressionStudy();
  const series = [
    { key: 'bias2', name: 'bias²', color: PALETTE[1], dash: '7,3' },
    { key: 'variance', name: 'variance', color: PALETTE[0], dash: '2,3' },
    { key: 'total', name: 'sum', color: PALETTE[4], dash: 'none' },
  ] as const;
  const last = rows[rows.length - 1];
  return renderPlot({
    width: WIDTH,
    height: 300,
    style: STYLE,
    marginRight: 80,
    marginLeft: 56,
    marginBottom: 44,
    x: { type: 'log', label: 'k (neighbours averaged)', ticks: [1, 2, 5,
      10, 20, 40], tickFormat: (v: number) => String(v),
      labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'mean over x', grid: true, zero: true, labelArrow: 'none' },
    marks: [
      ...series.map((s) => Plot.line(rows, { x: 'k', y: s.key,
        stroke: s.color, strokeWidth: 2.2, strokeDasharray: s.dash })),
      ...series.map((s) => label(last.k, last[s.key], s.name,
        { dx: 6, dy: s.key === 'total' ? -9 : s.key === 'bias2' ? 9 : 0,
          fontSize: 16 })),
      Plot.dot([best], { x: 'k', y: 'total', r: 5, fill: PALETTE[4] }),
      label(best.k, best.total, `best k = ${best.k}`, { dy: -14,
        anchor: 'middle', fontSize: 16 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Cover and Hart, by simulation.

export const COVER_HART = {
  ns: [10, 30, 100, 300, 1000, 3000, 10000], tests: 2000, reps: 20,
};

function coverHartStudy() {
  const rng = createRng(1967);
  const run = (problem: TwoClassProblem) => {
    const risks = asymptoticRisks(problem);
    const rows = COVER_HART.ns.flatMap((n) => {
      const spec = { tests: COVER_HART.tests, reps: COVER_HART.reps };
      const k = Math.max(1, 2 * Math.floor(Math.sqrt(n) / 2) + 1);
      return [
        { n, rule: '1-NN', ...knnTestError(problem, n, 1, spec, rng) },
        { n, rule: 'k-NN, k ≈ √n', k,
          ...knnTestError(problem, n, k, spec, rng) },
      ];
    });
    return { name: problem.name, risks, rows };
  };
  return [run(LINEAR), run(STEP)];
}

/** Test error against n for 1-NN and √n-NN; R*, R₁ and the bound,
 *  one panel per problem, stacked. */
export function coverHartFigure(study = coverHartStudy()): string {
  const panels = study.map((s) => s.name);
  const rows = study.flatMap((s) => s.rows.map((r) => ({ ...r,
    panel: s.name, lo: r.mean - 2 * r.se, hi: r.mean + 2 * r.se })));
  const lines = study.flatMap((s) => {
    const tight = Math.abs(s.risks.nn - s.risks.bound) < 1e-9;
    return [
      { panel: s.name, y: s.risks.bayes, text: 'R*', dash: '2,3' },
      { panel: s.name, y: s.risks.nn,
        text: tight ? 'R₁ = 2R*(1−R*)' : 'R₁', dash: '7,3' },
      ...(tight ? [] : [{ panel: s.name, y: s.risks.bound,
        text: '2R*(1−R*)', dash: '1,5' }]),
    ];
  });
  const style = { '1-NN': { color: PALETTE[4], symbol: 'circle' },
    'k-NN, k ≈ √n': { color: PALETTE[0], symbol: 'square' } } as const;
  const nMax = COVER_HART.ns[COVER_HART.ns.length - 1];
  return renderPlot({
    width: WIDTH,
    height: 440,
    style: STYLE,
    marginLeft: 62,
    marginRight: 132,
    marginBottom: 44,
    fy: { label: null, domain: panels, padding: 0.18, axis: null },
    x: { type: 'log', label: 'training points n', ticks: [10, 100, 1000,
      10000], tickFormat: powerOfTen, labelAnchor: 'center',
      labelArrow: 'none' },
    y: { label: 'test error', grid: true, domain: [0, 0.45],
      ticks: [0, 0.1, 0.2, 0.3, 0.4], labelArrow: 'none',
      labelAnchor: 'center', tickFormat: (v: number) => v.toFixed(1) },
    marks: [
      ...lines.map((l) => Plot.ruleY([l], { y: 'y', fy: 'panel',
        stroke: 'currentColor', strokeDasharray: l.dash,
        strokeOpacity: 0.8 })),
      Plot.text(lines, { x: nMax, y: 'y', fy: 'panel', text: 'text',
        dx: 8, textAnchor: 'start', fill: 'currentColor' }),
      Plot.text(panels.map((panel) => ({ panel })), { x: nMax, y: 0.44,
        fy: 'panel', text: 'panel', textAnchor: 'end',
        fill: 'currentColor', fontWeight: 'bold' }),
      ...Object.entries(style).flatMap(([rule, s]) => {
        const data = rows.filter((r) => r.rule === rule);
        return [
          Plot.ruleX(data, { x: 'n', y1: 'lo', y2: 'hi', fy: 'panel',
            stroke: s.color }),
          Plot.line(data, { x: 'n', y: 'mean', fy: 'panel',
            stroke: s.color, strokeWidth: 2 }),
          Plot.dot(data, { x: 'n', y: 'mean', fy: 'panel',
            symbol: s.symbol, fill: s.color, r: 3.5 }),
        ];
      }),
      ...Object.keys(style).map((rule) => Plot.text(
        rows.filter((r) => r.n === 30 && r.rule === rule), { x: 'n',
          y: 'mean', fy: 'panel', text: () => rule,
          dy: rule === '1-NN' ? -14 : 16, dx: 4, textAnchor: 'start',
          fill: 'currentColor', fontSize: 14 })),
    ],
  });
}

// ---------------------------------------------------------------------
// The curse of dimensionality.

export const CURSE = { ds: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  n: 1000, reps: 20, treeDs: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32],
  treeN: 5000, treeQueries: 200, k: 5 };

function curseStudy() {
  const rng = createRng(1957);
  const concentration = CURSE.ds.map((d) => {
    const m = distanceConcentration(d, CURSE.n, CURSE.reps, rng);
    const t = squaredDistanceMoments(d);
    return { d, spread: m.sd / m.mean, theory: t.sd / t.mean,
      contrast: m.contrast };
  });
  const work = CURSE.treeDs.map((d) => ({ d,
    share: treeWork(d, CURSE.treeN, CURSE.treeQueries, CURSE.k, rng) }));
  return { concentration, work };
}

/** Two plots, stacked: the relative spread of squared distances against
 *  d with its theory, and the share of points a k-d tree query
 *  measures. */
export function curseFigure(study = curseStudy()): string {
  const { concentration, work } = study;
  const x = (ticks: number[]) => ({ type: 'log' as const,
    label: 'dimension d', labelAnchor: 'center' as const,
    labelArrow: 'none' as const, ticks,
    tickFormat: (v: number) => String(v) });
  const spread = renderPlot({
    width: WIDTH,
    height: 250,
    style: STYLE,
    marginLeft: 70,
    marginBottom: 44,
    x: x([1, 10, 100, 1000]),
    y: { type: 'log', label: 'sd / mean of ‖x − q‖²', labelArrow: 'none',
      labelAnchor: 'center', domain: [0.02, 1.5], ticks: [0.03, 0.1, 0.3,
        1], tickFormat: (v: number) => String(v), grid: true },
    marks: [
      Plot.line(concentration, { x: 'd', y: 'theory',
        stroke: 'currentColor', strokeDasharray: '6,3' }),
      Plot.dot(concentration, { x: 'd', y: 'spread', fill: PALETTE[0],
        r: 4.5 }),
      Plot.text(concentration.filter((c) => c.d === 20), { x: 'd',
        y: 'theory', text: () => 'theory: √(7 / 5d)',
        dy: -16, dx: -6, textAnchor: 'start', fill: 'currentColor' }),
    ],
  });
  const tree = renderPlot({
    width: WIDTH,
    height: 250,
    style: STYLE,
    marginTop: 24,
    marginLeft: 70,
    marginBottom: 44,
    x: x([1, 2, 4, 8, 16, 32]),
    y: { label: 'share of points measured', labelArrow: 'none',
      labelAnchor: 'center', domain: [0, 1], grid: true,
      tickFormat: (v: number) => `${Math.round(100 * v)}%` },
    marks: [
      Plot.line(work, { x: 'd', y: 'share', stroke: PALETTE[4],
        strokeWidth: 2 }),
      Plot.dot(work, { x: 'd', y: 'share', symbol: 'square',
        fill: PALETTE[4], r: 4 }),
    ],
  });
  return spread + tree;
}

// ---------------------------------------------------------------------
// Digits and wine.

function digitsComparison() {
  const knn = digitsKnnStudy();
  const soft = digitsStudy(); // softmax regression, same test images
  const softWrong = Float64Array.from(soft.yHat, (v, i) =>
    +(v !== soft.test.y[i]));
  const diff = pairedDifference(knn.wrong, softWrong);
  const softError = moments(softWrong).mean;
  const disagree = knn.yHat.reduce((s, v, i) => s + +(v !== soft.yHat[i]), 0);
  return { knn, softError, diff, disagree, m: knn.wrong.length,
    nTrain: soft.train.X.rows };
}

export function digitsFigure(study: ReturnType<typeof digitsComparison>) {
  const { cv, k } = study.knn;
  const rows = DIGITS_KS.map((kk, s) => ({ k: kk, e: cv.mean[s],
    lo: cv.mean[s] - cv.se[s], hi: cv.mean[s] + cv.se[s] }));
  const best = rows[k - 1];
  return renderPlot({
    width: WIDTH,
    height: 280,
    style: STYLE,
    marginLeft: 60,
    marginBottom: 44,
    x: { label: 'k', ticks: DIGITS_KS.filter((v) => v % 2 === 1),
      labelAnchor: 'center', labelArrow: 'none' },
    y: { label: '10-fold CV error', grid: true, labelArrow: 'none',
      tickFormat: (v: number) => `${(100 * v).toFixed(1)}%` },
    marks: [
      Plot.ruleX(rows, { x: 'k', y1: 'lo', y2: 'hi', stroke: PALETTE[0] }),
      Plot.line(rows, { x: 'k', y: 'e', stroke: PALETTE[0] }),
      Plot.dot(rows, { x: 'k', y: 'e', fill: PALETTE[0], r: 3.5 }),
      Plot.dot([best], { x: 'k', y: 'e', r: 8, stroke: PALETTE[4],
        strokeWidth: 2 }),
    ],
  });
}

/** The largest k (1, 2, … in order) up to which every mean CV error is
 *  within one standard error of the chosen k's. */
function withinOneSe(mean: number[], se: number[], k: number): number {
  const limit = mean[k - 1] + se[k - 1];
  let last = 0;
  while (last < mean.length && mean[last] <= limit) last++;
  return last;
}

/** The rows of the wine table, and what the prose says about them. */
export const WINE_SHOWN = [1, 5, 9, 15, 31];

function wineTable(wine: ReturnType<typeof wineScalingStudy>) {
  const rows = WINE_SHOWN.map((k) => {
    const s = WINE_KS.indexOf(k);
    return { k, raw: wine.raw.mean[s], rawSe: wine.raw.se[s],
      scaled: wine.scaled.mean[s], scaledSe: wine.scaled.se[s],
      diff: wine.paired[s].mean, diffSe: wine.paired[s].se };
  });
  const pick = (f: (r: (typeof rows)[number]) => number) => rows.map(f);
  return {
    rows,
    rawMin: Math.min(...pick((r) => r.raw)),
    rawMax: Math.max(...pick((r) => r.raw)),
    scaledMin: Math.min(...pick((r) => r.scaled)),
    scaledMax: Math.max(...pick((r) => r.scaled)),
    zMin: Math.min(...pick((r) => r.diff / r.diffSe)),
  };
}

// ---------------------------------------------------------------------
// Against scikit-learn: what the tests check, as numbers for the page.

function agreement() {
  const mat = (flat: number[], d: number) =>
    new Matrix(flat.length / d, d, Float64Array.from(flat));
  const tf = sk.tie_free;
  const X = mat(tf.X, 3);
  const Q = mat(tf.Q, 3);
  const tree = buildKdTree(X);
  let sameIndices = true;
  let bitwise = true;
  let bruteRel = 0;
  for (const [name, p] of [['1', 1], ['2', 2], ['3', 3], ['inf',
    Infinity]] as const) {
    const ours = kdTreeNeighbors(tree, Q, tf.k, p);
    ours.indices.forEach((v, t) => {
      sameIndices &&= v === tf[name].brute.indices[t] &&
        v === tf[name].kd_tree.indices[t];
    });
    if (p !== 3) {
      ours.distances.forEach((v, t) => {
        bitwise &&= v === tf[name].kd_tree.distances[t];
      });
    }
    if (p === 2) {
      ours.distances.forEach((v, t) => {
        bruteRel = Math.max(bruteRel, Math.abs(v -
          tf[name].brute.distances[t]) / v);
      });
    }
  }
  const c = sk.classifier;
  const Xc = mat(c.X, 2);
  const Qc = mat(c.Q, 2);
  let labelsSame = true;
  let proba = 0;
  let voteTies = 0;
  for (const fit of c.fits) {
    const m = fitKnnClassifier(Xc, Int32Array.from(c.y),
      { k: fit.k, weights: fit.weights });
    const yHat = predictKnn(m, Qc);
    labelsSame &&= yHat.every((v, q) => v === fit.predict[q]);
    const P = predictProbaKnn(m, Qc);
    P.data.forEach((v, t) => (proba = Math.max(proba,
      Math.abs(v - fit.proba[t]))));
    if (fit.k === 4 && fit.weights === 'uniform') {
      for (let q = 0; q < Qc.rows; q++) {
        const row = Array.from(P.data.subarray(3 * q, 3 * q + 3));
        const top = Math.max(...row);
        voteTies += +(row.filter((v) => v === top).length > 1);
      }
    }
  }
  const r = sk.regressor;
  let regression = 0;
  for (const fit of r.fits) {
    const m = fitKnnRegressor(mat(r.X, 2), Float64Array.from(r.y),
      { k: fit.k, weights: fit.weights });
    predictKnnRegression(m, mat(r.Q, 2)).forEach((v, q) => (regression =
      Math.max(regression, Math.abs(v - fit.predict[q]) /
        Math.max(1, Math.abs(v)))));
  }
  // ties: how often scikit-learn's own answers differ from each other
  const t = sk.ties;
  const rowsDiffer = (a: { indices: number[] }, b: { indices: number[] },
    sets = false) => {
    let n = 0;
    for (let q = 0; q < a.indices.length / t.k; q++) {
      const s = q * t.k;
      const ra = a.indices.slice(s, s + t.k);
      const rb = b.indices.slice(s, s + t.k);
      if (sets) {
        ra.sort((u, v) => u - v);
        rb.sort((u, v) => u - v);
      }
      n += +ra.some((v, j) => v !== rb[j]);
    }
    return n;
  };
  const ours = bruteForceNeighbors(mat(t.X, 2), mat(t.Q, 2), t.k);
  const mine = { indices: Array.from(ours.indices) };
  const queries = t.Q.length / 2;
  const ties = {
    queries, n: t.X.length / 2, k: t.k,
    bruteVsKd: rowsDiffer(t.brute_1_thread, t.kd_tree),
    bruteVsKdSets: rowsDiffer(t.brute_1_thread, t.kd_tree, true),
    threads: rowsDiffer(t.brute_1_thread, t.brute_2_threads),
    threadsSets: rowsDiffer(t.brute_1_thread, t.brute_2_threads, true),
    oursVsKd: rowsDiffer(mine, t.kd_tree),
  };
  const f = sk.far;
  let farWorst = 0;
  f.brute.distances.forEach((v: number, i: number) => (farWorst =
    Math.max(farWorst, Math.abs(v - f.exact_nearest[i]) /
      f.exact_nearest[i])));
  const farWrong = f.brute.indices.filter((v: number, i: number) =>
    v !== f.kd_tree.indices[i]).length;
  return { sameIndices, bitwise, bruteRel, labelsSame, proba, voteTies,
    regression, ties, farWorst, farWrong, farQueries: f.Q.length / 3,
    farN: f.X.length / 3,
    farK: f.k, farOffset: f.offset };
}

/** Fold-by-fold agreement of the CV accuracies with scikit-learn's. */
function cvAgreement(study: ReturnType<typeof digitsComparison>,
  wine: ReturnType<typeof wineScalingStudy>) {
  let digitsFolds = 0;
  let digitsDiffer = 0;
  DIGITS_KS.forEach((k, s) => {
    study.knn.cv.foldErrors[s].forEach((e, f) => {
      digitsFolds++;
      digitsDiffer += +(Math.abs(1 - e - sk.digits.cv[String(k)][f]) >
        1e-12);
    });
  });
  let wineWorst = 0;
  WINE_KS.forEach((k, s) => {
    wine.raw.foldErrors[s].forEach((e, f) => (wineWorst = Math.max(
      wineWorst, Math.abs(1 - e - sk.wine.raw[String(k)][f]))));
    wine.scaled.foldErrors[s].forEach((e, f) => (wineWorst = Math.max(
      wineWorst, Math.abs(1 - e - sk.wine.standardized[String(k)][f]))));
  });
  // iris sepals, leave-one-out: counts of flowers, ours against theirs
  const { X, y } = irisSepals();
  const ks = sk.iris_sepal.ks as number[];
  const loo = cvErrorByK(X, y, kFoldIndices(X.rows, X.rows), ks);
  const gaps = ks.map((k, s) => Math.round(Math.abs(1 - loo.mean[s] -
    sk.iris_sepal.loo_accuracy[String(k)]) * X.rows));
  return { digitsFolds, digitsDiffer, wineWorst,
    wineRuns: 2 * WINE_KS.length * 10, irisKs: ks.length,
    irisDiffer: gaps.filter((g) => g > 0).length,
    irisMaxGap: Math.max(...gaps) };
}

// ---------------------------------------------------------------------
// What the chapter shows.

export default cached('k-nearest-neighbors', () => {
  const loo = irisLoo();
  const sepals = irisSepals();
  const train1 = predictKnn(fitKnnClassifier(sepals.X, sepals.y, { k: 1 }),
    sepals.X).reduce((s, v, i) => s + +(v !== sepals.y[i]), 0);
  let looBest = 0;
  loo.uniform.forEach((e, s) => { if (e < loo.uniform[looBest]) looBest = s; });
  const regression = regressionStudy();
  const coverHart = coverHartStudy();
  const curse = curseStudy();
  const digits = digitsComparison();
  const wine = wineScalingStudy();
  const wineBest = (m: number[]) => m.reduce((b, v, s) => (v < m[b] ? s : b),
    0);
  const tree = treeExample();
  const conc = (d: number) => curse.concentration.find((c) => c.d === d)!;
  return {
    regionsFigure: regionsFigure(REGION_KS),
    demoFallback: regionsFigure([REGION_KS[1]], 520),
    regionKs: REGION_KS,
    demo: demoData(),
    treeFigure: treeFigure(),
    biasVarianceFigure: biasVarianceFigure(),
    coverHartFigure: coverHartFigure(coverHart),
    curseFigure: curseFigure(curse),
    digitsFigure: digitsFigure(digits),
    iris: { n: sepals.X.rows, train1,
      looDistBest: Math.min(...loo.distance),
      looDistBestK: loo.distance.indexOf(Math.min(...loo.distance)) + 1,
      loo1: loo.uniform[0], loo15: loo.uniform[14],
      looBestK: loo.ks[looBest], looBest: loo.uniform[looBest],
      looMax: DEMO_K_MAX, looAtMax: loo.uniform[DEMO_K_MAX - 1] },
    tree: { ...TREE_DEMO, visited: tree.stats.visited,
      leaves: tree.leaves.length,
      opened: tree.leaves.filter((l) => l.opened).length,
      reach: tree.leaves.filter((l) => l.bound <= tree.kth).length },
    regression: { best: regression.best, lwrBest: regression.lwrBest,
      lwrTau: regression.lwrTau, n: regression.n, sigma: regression.sigma,
      k1: regression.rows[0], k40: regression.rows[39] },
    coverHart: coverHart.map((s) => ({ name: s.name, risks: s.risks,
      last: s.rows.filter((r) => r.n === COVER_HART.ns[COVER_HART.ns.length
        - 1]) })),
    coverHartSpec: COVER_HART,
    curse: { d2: conc(2), d1000: conc(1000),
      work2: curse.work.find((w) => w.d === 2)!,
      work16: curse.work.find((w) => w.d === 16)!,
      n: CURSE.n, treeN: CURSE.treeN, k: CURSE.k,
      edgeShare: 0.01, edges: [10, 100].map((d) => ({ d,
        edge: 0.01 ** (1 / d) })) },
    overflowAt: Math.sqrt(Number.MAX_VALUE),
    digits: { k: digits.knn.k, testError: digits.knn.testError,
      testSe: digits.knn.testSe, softError: digits.softError,
      diff: digits.diff, disagree: digits.disagree, m: digits.m,
      nTrain: digits.nTrain, cvBest: digits.knn.cv.mean[digits.knn.k - 1],
      cvBestSe: digits.knn.cv.se[digits.knn.k - 1],
      cv1: digits.knn.cv.mean[0], cv1Se: digits.knn.cv.se[0],
      withinK: withinOneSe(digits.knn.cv.mean, digits.knn.cv.se,
        digits.knn.k) },
    wine: {
      n: wine.raw.predictions[0].length,
      d: wine.spread.length,
      ...wineTable(wine),
      bestRaw: WINE_KS[wineBest(wine.raw.mean)],
      bestScaled: WINE_KS[wineBest(wine.scaled.mean)],
      spread: wine.spread,
    },
    agree: { ...agreement(), ...cvAgreement(digits, wine) },
    versions: sk.versions,
    bench,
  };
}, { reason: 'the digits comparison refits the softmax-regression ' +
  'chapter\'s model (about 8 s on a loaded machine) and the Cover–Hart ' +
  'simulation runs 560 k-NN fits' });
