// Build-time computation of "Decision trees": its figures, the data of
// its interactive demo and every number its prose shows, computed by the
// chapter's code (code/decision-trees) and cached (src/lib/cache.ts).
// Seeded throughout. Colour is always paired with a symbol, a dash
// pattern or a direct label.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/decision-trees/sklearn.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { loadWine } from '../../code/k-nearest-neighbors/wine.ts';
import { errorRate } from '../../code/k-nearest-neighbors/selection.ts';
import { loadDiabetes } from '../../code/linear-regression/diabetes.ts';
import {
  BREAST_CANCER_FEATURES,
  loadBreastCancer,
} from '../../code/logistic-regression/breast-cancer.ts';
import { crossValidate } from '../../code/model-evaluation/cross-validation.ts';
import { kFoldIndices } from '../../code/regularization/cross-validation.ts';
import { compareUpToTies } from '../../code/decision-trees/compare.ts';
import { impurity, impurityDecrease } from '../../code/decision-trees/criterion.ts';
import {
  PENGUIN_FEATURES,
  penguinMeasurements,
} from '../../code/decision-trees/data.ts';
import { featureImportances } from '../../code/decision-trees/importance.ts';
import {
  instability,
  predictAlong,
  xorData,
} from '../../code/decision-trees/pitfalls.ts';
import { predictTree } from '../../code/decision-trees/predict.ts';
import { pruneTree, pruningPath } from '../../code/decision-trees/pruning.ts';
import { leafBoxes } from '../../code/decision-trees/regions.ts';
import {
  meanAndError,
  prunedTreeFitter,
  selectAlpha,
} from '../../code/decision-trees/selection.ts';
import {
  type Tree,
  type TreeOptions,
  fitTree,
} from '../../code/decision-trees/tree.ts';

import bench from '../../tests/fixtures/decision-trees/benchmark.json' with {
  type: 'json',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sk = skRaw as any;

/** Figures are drawn 520 px wide with 16 px text, so that on a 390 px
 *  phone (a 358 px column) the text is still 11 px. */
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };
const SPECIES = ['Adélie', 'Chinstrap', 'Gentoo'];
const SYMBOLS = ['circle', 'square', 'triangle'] as const;
const NICE: Record<string, string> = {
  bill_length_mm: 'bill length', bill_depth_mm: 'bill depth',
  flipper_length_mm: 'flipper length', body_mass_g: 'body mass',
};
const UNIT: Record<string, string> = {
  bill_length_mm: 'mm', bill_depth_mm: 'mm', flipper_length_mm: 'mm',
  body_mass_g: 'g',
};

const penguins = once(() => penguinMeasurements());

// ---------------------------------------------------------------------
// The tree of the diagram: penguins, Gini, depth 3, minSamplesLeaf 5.

const DIAGRAM_OPTIONS: TreeOptions = { maxDepth: 3, minSamplesLeaf: 5 };
const diagramTree = once(() => {
  const { X, y } = penguins();
  return fitTree(X, y, DIAGRAM_OPTIONS);
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  .replace(/>/g, '&gt;');

/** The fitted tree as an indented diagram: one box per node, children
 *  below their parent and indented, "yes" (the test holds) first. */
function treeDiagram(tree: Tree): string {
  const ROW = 54;
  const INDENT = 30;
  const rows: { node: number; depth: number; branch: string }[] = [];
  const stack = [{ node: 0, depth: 0, branch: '' }];
  while (stack.length > 0) {
    const r = stack.pop()!;
    rows.push(r);
    if (tree.left[r.node] === -1) continue;
    stack.push({ node: tree.right[r.node], depth: r.depth + 1,
      branch: 'no' });
    stack.push({ node: tree.left[r.node], depth: r.depth + 1,
      branch: 'yes' });
  }
  const rowOf = new Map(rows.map((r, k) => [r.node, k]));
  const K = tree.nOutputs;
  const parts: string[] = [];
  rows.forEach((r, k) => {
    const t = r.node;
    const x = 4 + r.depth * INDENT;
    const y = 4 + k * ROW;
    const counts = Array.from(tree.value.subarray(t * K, t * K + K));
    const total = counts.reduce((a, b) => a + b, 0);
    let top = 0;
    counts.forEach((c, j) => { if (c > counts[top]) top = j; });
    const leaf = tree.left[t] === -1;
    const j = tree.feature[t];
    const head = leaf
      ? `leaf: ${SPECIES[top]} (${Math.round((100 * counts[top]) /
        total)}%)`
      : `${NICE[PENGUIN_FEATURES[j]]} ≤ ${+tree.threshold[t].toFixed(2)} ` +
        `${UNIT[PENGUIN_FEATURES[j]]}?`;
    const branch = r.branch === '' ? '' : `${r.branch}: `;
    const stats = `n = ${tree.nNodeSamples[t]}, Gini ` +
      `${tree.impurity[t].toFixed(3)}, [${counts.join(', ')}]`;
    const fill = leaf ? PALETTE[top] : 'none';
    parts.push(`<rect x="${x}" y="${y}" width="${WIDTH - x - 4}" ` +
      `height="${ROW - 8}" rx="5" fill="${fill}" fill-opacity="0.16" ` +
      `stroke="currentColor" stroke-opacity="0.5"/>`);
    parts.push(`<text x="${x + 8}" y="${y + 20}" font-weight="700">` +
      `${esc(branch + head)}</text>`);
    parts.push(`<text x="${x + 8}" y="${y + 40}">` +
      `${esc(stats)}</text>`);
    if (!leaf) {
      for (const c of [tree.left[t], tree.right[t]]) {
        const cy = 4 + rowOf.get(c)! * ROW + (ROW - 8) / 2;
        const lx = x + INDENT / 2;
        parts.push(`<path d="M${lx},${y + ROW - 8}V${cy}H${x + INDENT}" ` +
          'fill="none" stroke="currentColor" stroke-opacity="0.6"/>');
      }
    }
  });
  const h = rows.length * ROW + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ` +
    `${h}" width="100%" fill="currentColor" ` +
    `style="font-family: inherit; font-size: 16px">${parts.join('')}</svg>`;
}

// ---------------------------------------------------------------------
// Impurity of a two-class node as a function of p (Figure).

function impurityFigure(): string {
  const rows: { p: number; v: number; name: string }[] = [];
  for (let k = 0; k <= 100; k++) {
    const p = k / 100;
    const s = Float64Array.of(p, 1 - p);
    rows.push({ p, v: impurity('gini', s, 1), name: 'Gini' });
    rows.push({ p, v: impurity('entropy', s, 1) / 2,
      name: 'entropy / 2' });
    rows.push({ p, v: Math.min(p, 1 - p), name: 'misclassification' });
  }
  const dash = { Gini: 'none', 'entropy / 2': '8 4',
    misclassification: '2 3' } as Record<string, string>;
  const labels = [
    { p: 0.5, v: 0.5, text: 'entropy / 2', dy: -10 },
    { p: 0.5, v: 0.5, text: 'Gini', dy: 20, dx: 0 },
    { p: 0.2, v: 0.2, text: 'misclassification', dy: 22 },
  ];
  return renderPlot({
    width: WIDTH, height: 300, style: STYLE, marginLeft: 56,
    marginBottom: 46,
    x: { label: 'share p of class 1 in the node', domain: [0, 1] },
    y: { label: 'impurity', domain: [0, 0.56], grid: true },
    marks: [
      ...Object.keys(dash).map((name, k) => Plot.line(
        rows.filter((r) => r.name === name),
        { x: 'p', y: 'v', stroke: PALETTE[k], strokeWidth: 2.2,
          strokeDasharray: dash[name] })),
      ...labels.map((l) => Plot.text([l], { x: 'p', y: 'v', text: 'text',
        dy: l.dy, fill: 'currentColor', fontWeight: 700,
        stroke: 'var(--sl-color-bg, white)', strokeWidth: 4,
        paintOrder: 'stroke' })),
    ],
  });
}

// ---------------------------------------------------------------------
// The sweep at the root of the penguin tree (Figure).

/** The Gini decrease Eq. (dt-decrease) of every threshold of every
 *  feature at the root, against the share of samples sent left. */
const rootSweep = once(() => {
  const { X, y } = penguins();
  const n = X.rows;
  const out: { share: number; decrease: number; name: string }[] = [];
  const best: { name: string; decrease: number; threshold: number }[] = [];
  const total = new Float64Array(3);
  for (let i = 0; i < n; i++) total[y[i]] += 1;
  const iRoot = impurity('gini', total, n);
  PENGUIN_FEATURES.forEach((f, j) => {
    const order = [...Array(n).keys()].sort((a, b) =>
      X.data[a * 4 + j] - X.data[b * 4 + j]);
    const left = new Float64Array(3);
    let top = { decrease: -1, threshold: 0 };
    for (let p = 0; p < n - 1; p++) {
      left[y[order[p]]] += 1;
      const a = X.data[order[p] * 4 + j];
      const b = X.data[order[p + 1] * 4 + j];
      if (a === b) continue;
      const right = total.map((c, k) => c - left[k]);
      const wl = p + 1;
      const d = impurityDecrease(n, n, iRoot, wl,
        impurity('gini', left, wl), n - wl,
        impurity('gini', right, n - wl));
      out.push({ share: wl / n, decrease: d, name: NICE[f] });
      if (d > top.decrease) top = { decrease: d, threshold: a / 2 + b / 2 };
    }
    best.push({ name: NICE[f], ...top });
  });
  let top = 0;
  best.forEach((b, j) => { if (b.decrease > best[top].decrease) top = j; });
  return { curves: out, best, n, top };
});

function sweepFigure(): string {
  const { curves, n } = rootSweep();
  const dashes = ['none', '8 4', '2 3', '12 3 2 3'];
  const names = PENGUIN_FEATURES.map((f) => NICE[f]);
  const peaks = names.map((name) => {
    const c = curves.filter((r) => r.name === name);
    return c.reduce((a, b) => (b.decrease > a.decrease ? b : a));
  });
  return renderPlot({
    width: WIDTH, height: 320, style: STYLE, marginLeft: 56,
    marginBottom: 46, marginTop: 24,
    x: { label: `share of the ${n} penguins sent left`, domain: [0, 1] },
    y: { label: 'Gini decrease', grid: true, domain: [0, 0.4] },
    marks: [
      ...names.map((name, k) => Plot.line(
        curves.filter((r) => r.name === name),
        { x: 'share', y: 'decrease', stroke: PALETTE[k], strokeWidth: 2,
          strokeDasharray: dashes[k] })),
      Plot.dot(peaks, { x: 'share', y: 'decrease', r: 4,
        fill: 'currentColor' }),
      // bill length, bill depth and flipper length peak close together:
      // label the first two to the left of their dots and flipper length
      // to the right of its dot, so that no label hides a dot or another
      ...peaks.map((p, k) => Plot.text([p], { x: 'share', y: 'decrease',
        text: 'name', dy: [-12, 4, 4, -12][k], dx: [-8, -8, 10, 8][k],
        textAnchor: (['end', 'end', 'start', 'start'] as const)[k],
        fill: 'currentColor', fontWeight: 700,
        stroke: 'var(--sl-color-bg, white)', strokeWidth: 4,
        paintOrder: 'stroke' })),
    ],
  });
}

// ---------------------------------------------------------------------
// Against scikit-learn.

const DATA_NAME: Record<string, string> = { penguins: 'penguins',
  wine: 'wine', diabetes: 'diabetes', 'breast-cancer': 'breast cancer' };
const loaders = once(() => ({
  penguins: penguins(), wine: loadWine(), diabetes: loadDiabetes(),
  'breast-cancer': loadBreastCancer(),
}));

function settings(params: Record<string, unknown>, weighted: boolean) {
  const parts: string[] = [];
  if (params.max_depth !== undefined) parts.push(`depth ≤ ${params.max_depth}`);
  if (params.min_samples_leaf !== undefined) {
    parts.push(`leaf ≥ ${params.min_samples_leaf}`);
  }
  if (params.min_impurity_decrease !== undefined) {
    parts.push(`Δ ≥ ${params.min_impurity_decrease}`);
  }
  if (weighted) parts.push('weights 1–3');
  return parts.length === 0 ? 'grown in full' : parts.join(', ');
}

const OPTION: Record<string, string> = { criterion: 'criterion',
  max_depth: 'maxDepth', min_samples_leaf: 'minSamplesLeaf',
  min_impurity_decrease: 'minImpurityDecrease' };

function relGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  }
  return m;
}

const comparison = once(() => {
  const data = loaders();
  return sk.fits.map((f: any) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.params)) o[OPTION[k]] = v;
    if (f.sampleWeight) o.sampleWeight = f.sampleWeight;
    const { X, y } = data[f.dataset as keyof typeof data];
    const tree = fitTree(X, y, o as TreeOptions);
    // the same structure: every node's feature, threshold, children
    // and count
    const same = tree.nodeCount === f.tree.nodeCount &&
      (['feature', 'threshold', 'left', 'right', 'nNodeSamples'] as const)
        .every((k) => Array.from(tree[k]).every((v, i) =>
          v === f.tree[k][i]));
    const path = f.path ? pruningPath(tree) : null;
    return {
      name: f.name,
      data: DATA_NAME[f.dataset],
      criterion: f.params.criterion === 'squared_error' ? 'MSE'
        : f.params.criterion,
      settings: settings(f.params, f.sampleWeight !== undefined),
      nodes: tree.nodeCount,
      distinct: f.distinctTrees,
      same,
      valueGap: same ? Math.max(relGap(tree.value, f.tree.value),
        relGap(tree.impurity, f.tree.impurity),
        relGap(tree.weightedNNodeSamples, f.tree.weightedNNodeSamples))
        : null,
      pathGap: path ? Math.max(relGap(path.alphas, f.path.alphas),
        relGap(path.impurities, f.path.impurities)) : null,
      pathLength: path ? path.alphas.length : null,
      tree, X, y,
    };
  });
});

const breastTies = once(() => {
  const bc = comparison().find((c: any) => c.name === 'breast-cancer-gini');
  const f = sk.fits.find((g: any) => g.name === 'breast-cancer-gini');
  const c = compareUpToTies(bc.tree, f.tree, bc.X, bc.y, 'gini', 2);
  // the first node where the two trees name different features
  let first = -1;
  for (let t = 0; t < bc.tree.nodeCount && first < 0; t++) {
    if (bc.tree.feature[t] !== f.tree.feature[t]) first = t;
  }
  return { ...c, nodes: bc.tree.nodeCount,
    oursFeature: BREAST_CANCER_FEATURES[bc.tree.feature[first]],
    theirFeature: BREAST_CANCER_FEATURES[f.tree.feature[first]],
    firstNode: first, firstN: bc.tree.nNodeSamples[first] };
});

// ---------------------------------------------------------------------
// Pruning the breast-cancer tree: α by 10-fold cross-validation.

const pruningStudy = once(() => {
  const { X, y } = loadBreastCancer();
  const folds = kFoldIndices(X.rows, 10, createRng(24));
  const s = selectAlpha(X, y, folds, errorRate);
  const full = fitTree(X, y);
  const leaves = s.alphas.map((a) =>
    pruneTree(full, a).left.filter((v) => v === -1).length);
  // the three candidates are scored on the same folds: compare them by
  // the fold-by-fold differences, whose standard error is the right one
  const scores = (k: number) => crossValidate(X, y, folds,
    prunedTreeFitter(s.alphas[k]), errorRate).scores;
  const full0 = scores(0);
  const diff = (k: number) => {
    const other = scores(k);
    return meanAndError(full0.map((v, f) => v - other[f]));
  };
  return { ...s, leaves, fullLeaves: leaves[0],
    fullMinusBest: diff(s.best), fullMinusOneSe: diff(s.oneSe) };
});

function pruningFigure(): string {
  const s = pruningStudy();
  const rows = s.alphas.map((_, k) => ({ leaves: s.leaves[k],
    err: s.mean[k], lo: s.mean[k] - s.standardError[k],
    hi: s.mean[k] + s.standardError[k] }));
  const marks = [
    { ...rows[s.best], text: 'lowest' },
    { ...rows[s.oneSe], text: 'one-SE rule' },
  ];
  return renderPlot({
    width: WIDTH, height: 320, style: STYLE, marginLeft: 60,
    marginBottom: 46, marginTop: 30,
    x: { label: 'leaves of the pruned tree', type: 'log',
      ticks: [1, 2, 3, 5, 10, 20, 30] },
    y: { label: 'CV error rate (%)', grid: true, percent: true },
    marks: [
      Plot.ruleX(rows, { x: 'leaves', y1: 'lo', y2: 'hi',
        stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.line(rows, { x: 'leaves', y: 'err', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(rows, { x: 'leaves', y: 'err', r: 3.5, fill: PALETTE[0] }),
      Plot.text(marks, { x: 'leaves', y: 'hi', text: 'text', dy: -12,
        fill: 'currentColor', fontWeight: 700,
        stroke: 'var(--sl-color-bg, white)', strokeWidth: 4,
        paintOrder: 'stroke' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Decision regions on two penguin measurements (the demo).

const DEMO_FEATURES = [0, 1]; // bill length, bill depth
const DEMO_BOUNDS: [number, number, number, number] = [31, 61, 12.5, 22];
const DEMO_DEPTH_MAX = 8;
const DEMO_DEPTH = 3;

const demoStudy = once(() => {
  const { X, y } = penguins();
  const X2 = new Matrix(X.rows, 2);
  for (let i = 0; i < X.rows; i++) {
    X2.data[2 * i] = X.data[4 * i + DEMO_FEATURES[0]];
    X2.data[2 * i + 1] = X.data[4 * i + DEMO_FEATURES[1]];
  }
  const folds = kFoldIndices(X.rows, 10, createRng(4));
  const depths = Array.from({ length: DEMO_DEPTH_MAX }, (_, k) => k + 1);
  const cv = depths.map((maxDepth) => crossValidate(X2, y, folds,
    prunedTreeFitter(0, { maxDepth }), errorRate));
  const train = depths.map((maxDepth) =>
    errorRate(y, predictTree(fitTree(X2, y, { maxDepth }), X2)));
  const leaves = depths.map((maxDepth) => fitTree(X2, y, { maxDepth })
    .left.filter((v) => v === -1).length);
  return { X2, y, depths, cvError: cv.map((c) => c.mean),
    cvSe: cv.map((c) => c.standardError), train, leaves };
});

function regionsFigure(depth: number): string {
  const { X2, y } = demoStudy();
  const tree = fitTree(X2, y, { maxDepth: depth });
  const boxes = leafBoxes(tree, DEMO_BOUNDS).filter((b) =>
    b.x1 > b.x0 && b.y1 > b.y0);
  const pts = Array.from(y, (c, i) => ({ x: X2.data[2 * i],
    y: X2.data[2 * i + 1], c }));
  return renderPlot({
    width: WIDTH, height: 380, style: STYLE, marginLeft: 56,
    marginBottom: 46,
    x: { label: 'bill length (mm)', domain: DEMO_BOUNDS.slice(0, 2) },
    y: { label: 'bill depth (mm)', domain: DEMO_BOUNDS.slice(2) },
    marks: [
      Plot.rect(boxes, { x1: 'x0', x2: 'x1', y1: 'y0', y2: 'y1',
        fill: (b) => PALETTE[b.label], fillOpacity: 0.2,
        stroke: 'currentColor', strokeOpacity: 0.7 }),
      ...[0, 1, 2].map((c) => Plot.dot(pts.filter((p) => p.c === c),
        { x: 'x', y: 'y', symbol: SYMBOLS[c], r: 3.4,
          stroke: PALETTE[c], fill: PALETTE[c], fillOpacity: 0.5 })),
      ...([
        { x: 31.5, y: 21.5, t: 'Adélie (circles)', a: 'start' },
        { x: 60.5, y: 21.5, t: 'Chinstrap (squares)', a: 'end' },
        { x: 60.5, y: 13.0, t: 'Gentoo (triangles)', a: 'end' },
      ] as const).map((l) => Plot.text([l], { x: 'x', y: 'y', text: 't',
        textAnchor: l.a, fill: 'currentColor', fontWeight: 700,
        stroke: 'var(--sl-color-bg, white)', strokeWidth: 4,
        paintOrder: 'stroke' })),
    ],
  });
}

// ---------------------------------------------------------------------
// Pitfalls.

const xorStudy = once(() => {
  const { X, y } = xorData(400, 1);
  const fitOf = (maxDepth: number) => fitTree(X, y, { maxDepth });
  const t2 = fitOf(2);
  const w = t2.weightedNNodeSamples;
  const rootDecrease = impurityDecrease(w[0], w[0], t2.impurity[0],
    w[t2.left[0]], t2.impurity[t2.left[0]], w[t2.right[0]],
    t2.impurity[t2.right[0]]);
  const acc = (t: Tree) => 1 - errorRate(y, predictTree(t, X));
  const depthToPerfect = (() => {
    for (let d = 2; d <= 20; d++) if (acc(fitOf(d)) === 1) return d;
    return null;
  })();
  return { n: X.rows, rootDecrease, acc2: acc(t2),
    leaves6: fitOf(6).left.filter((v) => v === -1).length,
    acc6: acc(fitOf(6)), depthToPerfect };
});

const INSTABILITY = { reps: 50, drop: 0.1, seed: 31 };
const instabilityStudy = once(() => {
  const { X, y } = loadBreastCancer();
  const r = instability(X, y, {}, INSTABILITY.reps, INSTABILITY.drop,
    INSTABILITY.seed);
  const d = meanAndError(r.disagree);
  const h = meanAndError(r.heldOut);
  let maxD = 0;
  for (const v of r.disagree) maxD = Math.max(maxD, v);
  return { reps: INSTABILITY.reps, drop: INSTABILITY.drop,
    sameRoot: r.sameRoot.filter(Boolean).length,
    meanDisagree: d.mean, seDisagree: d.standardError, maxDisagree: maxD,
    meanHeldOut: h.mean, seHeldOut: h.standardError,
    heldOutRows: Math.ceil(INSTABILITY.drop * X.rows),
    rootFeature: BREAST_CANCER_FEATURES[r.full.feature[0]] };
});

/** Diabetes, one feature (BMI): a regression tree's step function and
 *  its flat extrapolation beyond the data. */
const flatStudy = once(() => {
  const { X, y, features } = loadDiabetes();
  const j = features.indexOf('BMI');
  const x1 = new Matrix(X.rows, 1);
  let lo = Infinity; let hi = -Infinity;
  for (let i = 0; i < X.rows; i++) {
    x1.data[i] = X.data[i * X.cols + j];
    lo = Math.min(lo, x1.data[i]); hi = Math.max(hi, x1.data[i]);
  }
  const tree = fitTree(x1, y, { criterion: 'squared_error',
    minSamplesLeaf: 20 });
  const along = predictAlong(tree, [0], 0, lo - 8, hi + 8, 600);
  return { x: x1.data, y, lo, hi, tree, along,
    leaves: tree.left.filter((v) => v === -1).length,
    edge: predictTree(tree, new Matrix(1, 1, Float64Array.of(hi)))[0] };
});

function flatFigure(): string {
  const s = flatStudy();
  const pts = Array.from(s.x, (x, i) => ({ x, y: s.y[i] }));
  const line = Array.from(s.along.x, (x, i) => ({ x, y: s.along.yHat[i],
    inside: x >= s.lo && x <= s.hi }));
  return renderPlot({
    width: WIDTH, height: 320, style: STYLE, marginLeft: 56,
    marginBottom: 46,
    x: { label: 'BMI (kg/m²)' },
    y: { label: 'disease progression', grid: true },
    marks: [
      Plot.dot(pts, { x: 'x', y: 'y', r: 2.2, fill: 'currentColor',
        fillOpacity: 0.3 }),
      Plot.ruleX([s.lo, s.hi], { stroke: 'currentColor',
        strokeDasharray: '3 3', strokeOpacity: 0.7 }),
      Plot.line(line, { x: 'x', y: 'y', stroke: PALETTE[4],
        strokeWidth: 2.5 }),
      Plot.text([{ x: s.hi + 0.5, y: 330, t: 'no data →' }], { x: 'x',
        y: 'y', text: 't', textAnchor: 'start', fill: 'currentColor' }),
      Plot.text([{ x: s.lo - 0.5, y: 330, t: '← no data' }], { x: 'x',
        y: 'y', text: 't', textAnchor: 'end', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------

const importances = once(() => {
  const tree = diagramTree();
  const imp = featureImportances(tree);
  return PENGUIN_FEATURES.map((f, j) => ({ feature: NICE[f],
    importance: imp[j] }));
});

export default cached('decision-trees', () => {
  const cmp = comparison();
  const tree = diagramTree();
  const demo = demoStudy();
  const prune = pruningStudy();
  const ties = breastTies();
  const sweep = rootSweep();
  const flat = flatStudy();
  return {
    diagram: treeDiagram(tree),
    diagramNodes: tree.nodeCount,
    diagramLeaves: tree.left.filter((v) => v === -1).length,
    nPenguins: penguins().X.rows,
    rootFeature: NICE[PENGUIN_FEATURES[tree.feature[0]]],
    rootThreshold: tree.threshold[0],
    // a threshold no penguin's measurement equals (a float32 midpoint)
    oddThreshold: tree.threshold[tree.left[0]],
    sweepBest: sweep.best,
    sweepTop: sweep.best[sweep.top],
    impurityFigure: impurityFigure(),
    sweepFigure: sweepFigure(),
    table: cmp.map((c: any) => ({ name: c.name,
      fit: `${c.data}, ${c.criterion}, ${c.settings}`, nodes: c.nodes,
      distinct: c.distinct,
      tree: !c.same ? 'up to ties'
        : c.valueGap === 0 ? 'exact'
        : `within ${c.valueGap.toExponential(1)}`,
      path: c.pathGap === null ? '—' : c.pathGap === 0
        ? `${c.pathLength} α, exact`
        : `${c.pathLength} α, within ${c.pathGap.toExponential(1)}`,
    })),
    exactFits: cmp.filter((c: any) => c.distinct === 1).length,
    ties: { compared: ties.compared, sameSplit: ties.sameSplit,
      tied: ties.tied, worse: ties.worse,
      samePartition: ties.samePartition, nodes: ties.nodes,
      ours: ties.oursFeature, theirs: ties.theirFeature,
      firstN: ties.firstN },
    pruning: { figure: pruningFigure(), fullLeaves: prune.fullLeaves,
      nAlphas: prune.alphas.length,
      best: { alpha: prune.alphas[prune.best],
        leaves: prune.leaves[prune.best], err: prune.mean[prune.best],
        se: prune.standardError[prune.best] },
      oneSe: { alpha: prune.alphas[prune.oneSe],
        leaves: prune.leaves[prune.oneSe], err: prune.mean[prune.oneSe],
        se: prune.standardError[prune.oneSe] },
      full: { err: prune.mean[0], se: prune.standardError[0] },
      minLeaves: prune.leaves.reduce((a, b) => Math.min(a, b)),
      fullMinusBest: prune.fullMinusBest,
      fullMinusOneSe: prune.fullMinusOneSe },
    importances: importances(),
    demo: {
      data: { x: Array.from(demo.X2.data), y: Array.from(demo.y),
        bounds: DEMO_BOUNDS, depthMax: DEMO_DEPTH_MAX,
        cvError: demo.cvError, cvSe: demo.cvSe, train: demo.train,
        leaves: demo.leaves },
      depth: DEMO_DEPTH,
      fallback: regionsFigure(DEMO_DEPTH),
    },
    xor: xorStudy(),
    nTumours: loadBreastCancer().X.rows,
    // measured by scripts/bench/decision-trees.ts, not at build time
    bench: { rows: bench.n, oursMs: bench.ours.fit_ms,
      sklearnMs: bench.theirs.fit_ms, ratio: bench.ratio,
      machine: bench.machine, sklearn: bench.sklearn },
    instability: instabilityStudy(),
    flat: { figure: flatFigure(), leaves: flat.leaves, edge: flat.edge,
      hi: flat.hi, lo: flat.lo },
  };
});
