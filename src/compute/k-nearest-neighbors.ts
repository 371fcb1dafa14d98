// Build-time computation of "k-nearest neighbours": its figures, the data
// of its interactive demo and every number its prose shows, computed by
// the chapter's code (code/k-nearest-neighbors) and cached (see
// src/lib/cache.ts). Seeded throughout. Colour is always paired with a
// symbol, a dash pattern, a boundary line or a direct label.
import { cached } from '../lib/cache.ts';
import { powerOfTen } from '../lib/format.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
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
  knnTestErrors,
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
import { noisyWine } from '../../code/k-nearest-neighbors/solutions/irrelevant.ts';

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

/** The iris sepals, read once. */
const sepals = once(irisSepals);

/** Leave-one-out predictions and error of every k in 1..DEMO_K_MAX,
 *  both weightings; computed once. */
const irisLoo = once(() => {
  const { X, y } = sepals();
  const ks = Array.from({ length: DEMO_K_MAX }, (_, i) => i + 1);
  const folds = kFoldIndices(X.rows, X.rows);
  const u = cvErrorByK(X, y, folds, ks);
  const d = cvErrorByK(X, y, folds, ks, { weights: 'distance' });
  return { ks, uniform: u.mean, distance: d.mean,
    uniformPred: u.predictions, distancePred: d.predictions };
});

/** The LOO errors of the iris sepals, flower by flower (1 = wrong),
 *  for k with uniform or distance weights. */
function irisWrong(k: number, weights: 'uniform' | 'distance') {
  const { y } = sepals();
  const loo = irisLoo();
  const p = (weights === 'uniform' ? loo.uniformPred : loo.distancePred)
    [k - 1];
  return Float64Array.from(p, (v, i) => +(v !== y[i]));
}

/** Flowers with a twin (another flower with the same sepal
 *  measurements), and those with a twin of another species. */
function irisTwins() {
  const { X, y } = sepals();
  let twins = 0;
  let mixed = 0;
  for (let i = 0; i < X.rows; i++) {
    let twin = false;
    let other = false;
    for (let j = 0; j < X.rows; j++) {
      if (j === i || X.get(j, 0) !== X.get(i, 0) ||
        X.get(j, 1) !== X.get(i, 1)) continue;
      twin = true;
      other ||= y[j] !== y[i];
    }
    twins += +twin;
    mixed += +other;
  }
  return { twins, mixed };
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
  const { X, y } = sepals();
  return Array.from(y, (c, i) => ({
    x: X.get(i, 0), y: X.get(i, 1), name: SPECIES[c],
    ...(panel === undefined ? {} : { panel }),
  }));
}

/** Panels of regions for the given k (uniform weights), with the
 *  species' points and their names. */
export function regionsFigure(ks: number[], width = WIDTH): string {
  const { X, y } = sepals();
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
  const { X, y } = sepals();
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
    height: 310,
    style: STYLE,
    marginTop: 24,
    marginRight: 80,
    marginLeft: 56,
    marginBottom: 44,
    x: { type: 'log', label: 'k (neighbours averaged)', ticks: [1, 2, 5,
      10, 20, 40], tickFormat: (v: number) => String(v),
      labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'squared error (mean over x)', grid: true, zero: true,
      labelArrow: 'none' },
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
  ns: [10, 30, 100, 300, 1000, 3000, 10000], points: 500, reps: 20,
};

/** k ≈ √n, odd: 2⌊√n / 2⌋ + 1. */
const sqrtK = (n: number) => 2 * Math.floor(Math.sqrt(n) / 2) + 1;

function coverHartStudy() {
  const rng = createRng(1967);
  const spec = { points: COVER_HART.points, reps: COVER_HART.reps };
  const run = (problem: TwoClassProblem) => {
    const risks = asymptoticRisks(problem);
    const pairs = COVER_HART.ns.map((n) => {
      const [one, many] = knnTestErrors(problem, n, [1, sqrtK(n)], spec,
        rng); // the same training sets for both rules
      return { n, one, many, diff: pairedDifference(one.errors,
        many.errors) };
    });
    const rows = pairs.flatMap(({ n, one, many }) => [
      { n, rule: '1-NN', k: 1, mean: one.mean, se: one.se },
      { n, rule: 'k-NN, k ≈ √n', k: many.k, mean: many.mean,
        se: many.se },
    ]);
    const last = pairs[pairs.length - 1];
    return { name: problem.name, risks, rows, diff: last.diff };
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
  // the rules' names, in the top panel only, under their last points:
  // 1-NN under its circles, k-NN under the R* line its squares reach
  const top = study[0];
  const names = [
    { panel: top.name, y: top.rows[top.rows.length - 2].mean,
      text: '1-NN' },
    { panel: top.name, y: top.risks.bayes, text: 'k-NN, k ≈ √n' },
  ];
  return renderPlot({
    width: WIDTH,
    height: 460,
    style: STYLE,
    marginLeft: 62,
    marginRight: 132,
    marginBottom: 44,
    fy: { label: null, domain: panels, padding: 0.18, axis: null },
    x: { type: 'log', label: 'training points n', ticks: [10, 100, 1000,
      10000], tickFormat: powerOfTen, labelAnchor: 'center',
      labelArrow: 'none' },
    y: { label: 'test error', grid: true, domain: [0.05, 0.45],
      ticks: [0.1, 0.2, 0.3, 0.4], labelArrow: 'none',
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
      Plot.text(names, { x: nMax, y: 'y', fy: 'panel', text: 'text',
        dy: 16, textAnchor: 'end', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The curse of dimensionality.

export const CURSE = { ds: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  n: 200, reps: 20, contrastReps: 400,
  treeDs: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32], treeN: 5000,
  treeQueries: 50, k: 5 };

function curseStudy() {
  const rng = createRng(1957);
  const concentration = CURSE.ds.map((d) => {
    const m = distanceConcentration(d, CURSE.n, CURSE.reps, rng);
    const t = squaredDistanceMoments(d);
    return { d, spread: m.sd / m.mean, theory: t.sd / t.mean,
      contrast: m.contrast, contrastMin: m.contrastMin,
      contrastMax: m.contrastMax, reps: CURSE.reps };
  });
  // at d = 2 one draw's contrast is wild (the nearest point can be
  // arbitrarily near): its median needs many draws, which cost little
  const m2 = distanceConcentration(2, CURSE.n, CURSE.contrastReps, rng);
  const low = { d: 2, contrast: m2.contrast, contrastMin: m2.contrastMin,
    contrastMax: m2.contrastMax, reps: CURSE.contrastReps };
  const work = CURSE.treeDs.map((d) => ({ d,
    share: treeWork(d, CURSE.treeN, CURSE.treeQueries, CURSE.k, rng) }));
  return { concentration, low, work };
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
    y: { label: 'share measured', labelArrow: 'none',
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
  // the pairing below is by position: the two splits must hold the same
  // images in the same order (Chapter 15 keeps its split private)
  const same = soft.test.X.data.length === knn.XTest.data.length &&
    soft.test.X.data.every((v, t) => v === knn.XTest.data[t]) &&
    soft.test.y.every((v, i) => v === knn.yTest[i]);
  if (!same) {
    throw new Error('k-nearest-neighbors: the softmax chapter\'s test ' +
      'images differ from digitsSplit\'s; the paired comparison needs ' +
      'the same images in the same order');
  }
  const softWrong = Float64Array.from(soft.yHat, (v, i) =>
    +(v !== soft.test.y[i]));
  const diff = pairedDifference(knn.wrong, softWrong);
  const softError = moments(softWrong).mean;
  const disagree = knn.yHat.reduce((s, v, i) => s + +(v !== soft.yHat[i]),
    0);
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
  const { X } = sepals();
  const ks = sk.iris_sepal.ks as number[];
  const loo = irisLoo();
  const gaps = ks.map((k) => Math.round(Math.abs(1 - loo.uniform[k - 1] -
    sk.iris_sepal.loo_accuracy[String(k)]) * X.rows));
  return { digitsFolds, digitsDiffer, wineWorst,
    wineRuns: 2 * WINE_KS.length * 10, irisKs: ks.length,
    irisDiffer: gaps.filter((g) => g > 0).length,
    irisMaxGap: Math.max(...gaps) };
}

/** The noise columns tried in Exercise "Irrelevant features". */
export const NOISE_COUNTS = [0, 1, 2, 5, 10, 20, 50, 100];

// ---------------------------------------------------------------------
// What the chapter shows.

export default cached('k-nearest-neighbors', () => {
  const loo = irisLoo();
  const { X: SX, y: Sy } = sepals();
  const train1 = predictKnn(fitKnnClassifier(SX, Sy, { k: 1 }), SX)
    .reduce((s, v, i) => s + +(v !== Sy[i]), 0);
  const argmin = (m: number[]) => m.reduce((b, v, s) => (v < m[b] ? s : b),
    0);
  const looBest = argmin(loo.uniform);
  const looDistBest = argmin(loo.distance);
  const [kA, kB] = REGION_KS;
  const regression = regressionStudy();
  const coverHart = coverHartStudy();
  const curse = curseStudy();
  const digits = digitsComparison();
  const wine = wineScalingStudy();
  const tree = treeExample();
  const conc = (d: number) => curse.concentration.find((c) => c.d === d)!;
  const cv = digits.knn.cv;
  const fewest = Math.min(...digits.knn.cvWrong);
  const folds = kFoldIndices(digits.nTrain, 10).map((f) => f.test.length);
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
    iris: { n: SX.rows, train1, ...irisTwins(),
      looDistBest: loo.distance[looDistBest], looDistBestK: looDistBest + 1,
      loo1: loo.uniform[kA - 1], loo15: loo.uniform[kB - 1],
      pairK: pairedDifference(irisWrong(kA, 'uniform'),
        irisWrong(kB, 'uniform')),
      looBestK: looBest + 1, looBest: loo.uniform[looBest],
      pairWeights: pairedDifference(irisWrong(looDistBest + 1, 'distance'),
        irisWrong(looBest + 1, 'uniform')),
      pairWeightsSameK: pairedDifference(irisWrong(looBest + 1,
        'distance'), irisWrong(looBest + 1, 'uniform')),
      jump: [kB, kB + 1, kB + 2].map((k) => ({ k,
        error: loo.uniform[k - 1] })),
      looMax: DEMO_K_MAX, looAtMax: loo.uniform[DEMO_K_MAX - 1] },
    tree: { ...TREE_DEMO, visited: tree.stats.visited,
      leaves: tree.leaves.length,
      opened: tree.leaves.filter((l) => l.opened).length,
      reach: tree.leaves.filter((l) => l.bound <= tree.kth).length },
    regression: { best: regression.best, lwrBest: regression.lwrBest,
      lwrTau: regression.lwrTau, n: regression.n, sigma: regression.sigma,
      k1: regression.rows[0], k40: regression.rows[39] },
    coverHart: coverHart.map((s) => ({ name: s.name, risks: s.risks,
      last: s.rows.slice(-2), diff: s.diff })),
    coverHartSpec: COVER_HART,
    curse: { d2: conc(2), d1000: conc(1000), low: curse.low,
      work2: curse.work.find((w) => w.d === 2)!,
      work16: curse.work.find((w) => w.d === 16)!,
      n: CURSE.n, reps: CURSE.reps, treeN: CURSE.treeN, k: CURSE.k,
      treeQueries: CURSE.treeQueries, distanceSd: Math.sqrt(7 / 120),
      edgeShare: 0.01, edges: [10, 100].map((d) => ({ d,
        edge: 0.01 ** (1 / d) })) },
    // p = 2: entries up to √(MAX/d)/2 keep d·(2·entry)² finite; gaps
    // below √(MIN_VALUE/2) square to 0 (MIN_VALUE/2 itself rounds to 0)
    numerics: { maxDouble: Number.MAX_VALUE,
      overflowAt: Math.sqrt(Number.MAX_VALUE) / 2,
      underflowGap: Math.sqrt(Number.MIN_VALUE) / Math.SQRT2 },
    digits: { k: digits.knn.k, testError: digits.knn.testError,
      testSe: digits.knn.testSe,
      testWrong: digits.knn.wrong.reduce((s, v) => s + v, 0),
      softError: digits.softError,
      diff: digits.diff, disagree: digits.disagree, m: digits.m,
      nTrain: digits.nTrain, fewest,
      tiedKs: DIGITS_KS.filter((_, s) => digits.knn.cvWrong[s] === fewest),
      foldMin: Math.min(...folds), foldMax: Math.max(...folds),
      meanSplit: Math.abs(cv.mean[0] - cv.mean[4]),
      cvBest: cv.mean[digits.knn.k - 1],
      cvBestSe: cv.se[digits.knn.k - 1],
      withinK: withinOneSe(cv.mean, cv.se, digits.knn.k) },
    wine: {
      n: wine.raw.predictions[0].length,
      d: wine.spread.length,
      ...wineTable(wine),
      bestRaw: WINE_KS[argmin(wine.raw.mean)],
      bestScaled: WINE_KS[argmin(wine.scaled.mean)],
      spread: wine.spread,
    },
    noise: noisyWine(NOISE_COUNTS).map(({ noise, error, diff, diffSe }) =>
      ({ noise, error, diff, diffSe })),
    agree: { ...agreement(), ...cvAgreement(digits, wine) },
    versions: sk.versions,
    bench,
  };
}, { reason: 'the digits comparison refits the softmax-regression ' +
  'chapter\'s model (2 to 9 s, by the load)' });
