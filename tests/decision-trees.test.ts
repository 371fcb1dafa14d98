// Tests for the decision-trees chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/trees-and-ensembles/
// decision-trees.mdx. Reference values come from scikit-learn 1.2.1
// (scripts/reference/decision_trees.py).
import { describe, expect, it } from 'vitest';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { loadWine } from '../code/k-nearest-neighbors/wine.ts';
import { errorRate } from '../code/k-nearest-neighbors/selection.ts';
import { loadDiabetes } from '../code/linear-regression/diabetes.ts';
import { loadBreastCancer } from '../code/logistic-regression/breast-cancer.ts';
import { kFoldIndices } from '../code/regularization/cross-validation.ts';
import { compareUpToTies } from '../code/decision-trees/compare.ts';
import {
  type CriterionName,
  impurity,
  impurityDecrease,
  proxy,
} from '../code/decision-trees/criterion.ts';
import { penguinMeasurements } from '../code/decision-trees/data.ts';
import { featureImportances } from '../code/decision-trees/importance.ts';
import {
  instability,
  predictAlong,
  xorData,
} from '../code/decision-trees/pitfalls.ts';
import {
  applyTree,
  predictProba,
  predictTree,
} from '../code/decision-trees/predict.ts';
import { pruneTree, pruningPath } from '../code/decision-trees/pruning.ts';
import { leafBoxes } from '../code/decision-trees/regions.ts';
import {
  meanAndError,
  prunedTreeFitter,
  selectAlpha,
} from '../code/decision-trees/selection.ts';
import {
  FEATURE_THRESHOLD, nodeStats,
} from '../code/decision-trees/splitter.ts';
import { type Tree, type TreeOptions, fitTree } from '../code/decision-trees/tree.ts';
import { decisionPath } from '../code/decision-trees/solutions/decision-path.ts';
import { misclassification } from '../code/decision-trees/solutions/misclassification.ts';
import { repeatRows } from '../code/decision-trees/solutions/repeat-rows.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/decision-trees.ts';
import { fixture } from './helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sk = fixture<any>('decision-trees', 'sklearn.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const bench = fixture<any>('decision-trees', 'benchmark.json');
const DATA = {
  penguins: penguinMeasurements(),
  wine: loadWine(),
  diabetes: loadDiabetes(),
  'breast-cancer': loadBreastCancer(),
};
const OPTION = { criterion: 'criterion', max_depth: 'maxDepth',
  min_samples_leaf: 'minSamplesLeaf',
  min_impurity_decrease: 'minImpurityDecrease' } as const;

/** Our fit with the reference fit's settings. */
function refit(name: string) {
  const f = sk.fits.find((g: { name: string }) => g.name === name);
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f.params)) {
    o[OPTION[k as keyof typeof OPTION]] = v;
  }
  if (f.sampleWeight) o.sampleWeight = f.sampleWeight;
  const { X, y } = DATA[f.dataset as keyof typeof DATA];
  return { f, X, y, tree: fitTree(X, y, o as TreeOptions) };
}

/** Largest |a − b| / max(1, |b|) over two arrays of one length. */
function gap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  }
  return m;
}

/** Same nodes, same splits, and values to 1e-12 (relative). */
function expectSameTree(ours: Tree, theirs: Record<string, number[]>) {
  expect(ours.nodeCount).toBe(theirs.nodeCount);
  expect(Array.from(ours.feature)).toEqual(theirs.feature);
  expect(Array.from(ours.left)).toEqual(theirs.left);
  expect(Array.from(ours.right)).toEqual(theirs.right);
  expect(Array.from(ours.nNodeSamples)).toEqual(theirs.nNodeSamples);
  expect(Array.from(ours.threshold)).toEqual(theirs.threshold);
  expect(gap(ours.value, theirs.value)).toBeLessThan(1e-12);
  expect(gap(ours.impurity, theirs.impurity)).toBeLessThan(1e-12);
  expect(gap(ours.weightedNNodeSamples, theirs.weightedNNodeSamples))
    .toBeLessThan(1e-12);
}

describe('impurity, Eqs. (dt-gini), (dt-entropy), (dt-mse)', () => {
  const f64 = (...v: number[]) => Float64Array.from(v);
  it('is 0 for a pure node and 1 − 1/K (Gini), log2 K (entropy) for K equal classes', () => {
    expect(impurity('gini', f64(5, 0, 0), 5)).toBe(0);
    expect(impurity('entropy', f64(0, 7), 7)).toBe(0);
    expect(impurity('gini', f64(2, 2, 2, 2), 8)).toBeCloseTo(0.75, 15);
    expect(impurity('entropy', f64(3, 3, 3, 3), 12)).toBeCloseTo(2, 14);
  });
  it('is the weighted variance for squared error', () => {
    const y = [1, 4, 2, 7];
    const w = [1, 2, 1, 0.5];
    let W = 0; let s = 0; let s2 = 0;
    y.forEach((v, i) => { W += w[i]; s += w[i] * v; s2 += w[i] * v * v; });
    const mean = s / W;
    const variance = y.reduce((a, v, i) => a + w[i] * (v - mean) ** 2, 0)
      / W;
    expect(impurity('squared_error', f64(s, s2), W))
      .toBeCloseTo(variance, 12);
  });
  it('orders the splits of a node as the impurity decrease does (Eq. (dt-proxy))', () => {
    const rng = createRng(3);
    for (const c of ['gini', 'entropy', 'squared_error'] as const) {
      for (let t = 0; t < 50; t++) {
        const L = Float64Array.from({ length: 3 }, () => rng.int(1, 9));
        const R = Float64Array.from({ length: 3 }, () => rng.int(1, 9));
        const stats = (s: Float64Array) => c === 'squared_error'
          ? f64(s[0], s[0] * s[0] / s[2] + s[1]) : s;
        const wOf = (s: Float64Array) => (c === 'squared_error' ? s[2]
          : s[0] + s[1] + s[2]);
        const sl = stats(L); const sr = stats(R);
        const wl = wOf(L); const wr = wOf(R);
        const sp = sl.map((v, k) => v + sr[k]);
        const iP = impurity(c, sp, wl + wr);
        const dec = impurityDecrease(10, wl + wr, iP, wl,
          impurity(c, sl, wl), wr, impurity(c, sr, wr));
        // Eq. (dt-proxy): 10·decrease = w·I + proxy (− Σ w y² for MSE)
        const offset = c === 'squared_error' ? sp[1] : 0;
        expect(10 * dec).toBeCloseTo(
          (wl + wr) * iP + proxy(c, sl, wl, sr, wr) - offset, 9);
      }
    }
  });
  it('misclassification rate gives no decrease to a split that Gini rewards (Exercise)', () => {
    const f = (s: number[]) => misclassification(s, s[0] + s[1]);
    const parent = f([400, 400]);
    const a = (400 * f([300, 100]) + 400 * f([100, 300])) / 800;
    const b = (600 * f([200, 400]) + 200 * f([200, 0])) / 800;
    expect(parent - a).toBeCloseTo(parent - b, 15);
    const g = (s: number[]) => impurity('gini', f64(...s), s[0] + s[1]);
    const ga = (400 * g([300, 100]) + 400 * g([100, 300])) / 800;
    const gb = (600 * g([200, 400]) + 200 * g([200, 0])) / 800;
    expect(gb).toBeLessThan(ga);
  });
});

/** Exhaustive search: every threshold between distinct values of every
 *  feature, scored by Eq. (dt-decrease) from scratch. */
function bruteBest(X: Matrix, y: Float64Array, c: CriterionName,
  minLeaf: number) {
  let best = { decrease: -Infinity, feature: -1, threshold: 0 };
  const stats = (rows: number[]) => {
    const s = new Float64Array(c === 'squared_error' ? 2 : 3);
    for (const i of rows) {
      if (c === 'squared_error') { s[0] += y[i]; s[1] += y[i] ** 2; }
      else s[y[i]] += 1;
    }
    return impurity(c, s, rows.length);
  };
  const all = [...Array(X.rows).keys()];
  const iP = stats(all);
  for (let j = 0; j < X.cols; j++) {
    const v = [...new Set(all.map((i) => Math.fround(X.data[i * X.cols +
      j])))].sort((a, b) => a - b);
    for (let k = 0; k + 1 < v.length; k++) {
      const t = v[k] / 2 + v[k + 1] / 2;
      const L = all.filter((i) => Math.fround(X.data[i * X.cols + j]) <= t);
      const R = all.filter((i) => Math.fround(X.data[i * X.cols + j]) > t);
      if (L.length < minLeaf || R.length < minLeaf) continue;
      const d = iP - (L.length * stats(L) + R.length * stats(R)) / X.rows;
      if (d > best.decrease + 1e-12) best = { decrease: d, feature: j,
        threshold: t };
    }
  }
  return best;
}

describe('the split search', () => {
  const rng = createRng(11);
  const X = new Matrix(60, 3, Float64Array.from({ length: 180 },
    () => Math.round(rng.uniform(0, 20)) / 4));
  const yc = Float64Array.from({ length: 60 }, (_, i) =>
    (X.data[3 * i] + X.data[3 * i + 2] > 5 ? 1 : 0) + (i % 7 === 0 ? 1 : 0));
  const yr = Float64Array.from({ length: 60 }, (_, i) =>
    Math.sin(X.data[3 * i]) + X.data[3 * i + 1] / 3);
  it('the running-sum sweep finds the split of largest Gini decrease (exhaustive search)', () => {
    const t = fitTree(X, yc, { maxDepth: 1 });
    const b = bruteBest(X, yc, 'gini', 1);
    expect([t.feature[0], t.threshold[0]]).toEqual([b.feature, b.threshold]);
  });
  it('... and of largest squared-error decrease, with minSamplesLeaf = 7', () => {
    const t = fitTree(X, yr, { maxDepth: 1, criterion: 'squared_error',
      minSamplesLeaf: 7 });
    const b = bruteBest(X, yr, 'squared_error', 7);
    expect([t.feature[0], t.threshold[0]]).toEqual([b.feature, b.threshold]);
  });
  it('puts thresholds midway between consecutive distinct values', () => {
    const t = fitTree(X, yc, {});
    const paths = [...Array(X.rows).keys()].map((i) =>
      decisionPath(t, X.data.subarray(3 * i, 3 * i + 3), ['a', 'b', 'c'])
        .nodes);
    for (let n = 0; n < t.nodeCount; n++) {
      if (t.left[n] === -1) continue;
      const j = t.feature[n];
      let below = -Infinity; let above = Infinity;
      for (let i = 0; i < X.rows; i++) {
        if (!paths[i].includes(n)) continue;
        const v = X.data[i * 3 + j];
        if (v <= t.threshold[n]) below = Math.max(below, v);
        else above = Math.min(above, v);
      }
      expect(t.threshold[n]).toBe(below / 2 + above / 2);
    }
  });
  it('treats values closer than FEATURE_THRESHOLD = 1e-7 as equal', () => {
    const Xc = new Matrix(4, 1, Float64Array.of(1, 1 + 5e-8, 2, 2 + 5e-8));
    const t = fitTree(Xc, [0, 1, 0, 1]);
    expect(FEATURE_THRESHOLD).toBe(1e-7);
    expect(t.nodeCount).toBe(3); // only the split between 1 and 2
    expect(t.threshold[0]).toBeCloseTo(1.5, 6);
  });
  it('numbers nodes depth first, left child first, and children weights add up', () => {
    const t = fitTree(X, yc, { maxDepth: 4 });
    for (let n = 0; n < t.nodeCount; n++) {
      if (t.left[n] === -1) continue;
      expect(t.left[n]).toBe(n + 1);
      expect(t.right[n]).toBeGreaterThan(t.left[n]);
      expect(t.weightedNNodeSamples[t.left[n]] +
        t.weightedNNodeSamples[t.right[n]])
        .toBe(t.weightedNNodeSamples[n]);
    }
  });
});

/** Depth of each node of a tree. */
function depths(t: Tree): Int32Array {
  const d = new Int32Array(t.nodeCount);
  for (let n = 0; n < t.nodeCount; n++) {
    if (t.left[n] !== -1) d[t.left[n]] = d[t.right[n]] = d[n] + 1;
  }
  return d;
}

describe('stopping rules', () => {
  const { X, y } = DATA.penguins;
  it('maxDepth bounds the depth', () => {
    const t = fitTree(X, y, { maxDepth: 2 });
    expect(Math.max(...depths(t))).toBe(2);
  });
  it('minSamplesLeaf bounds every leaf from below', () => {
    const t = fitTree(X, y, { minSamplesLeaf: 12 });
    for (let n = 0; n < t.nodeCount; n++) {
      expect(t.nNodeSamples[n]).toBeGreaterThanOrEqual(12);
    }
  });
  it('minSamplesSplit: no node with fewer samples is split', () => {
    const t = fitTree(X, y, { minSamplesSplit: 40 });
    let smallestSplit = Infinity;
    for (let n = 0; n < t.nodeCount; n++) {
      if (t.left[n] !== -1) smallestSplit = Math.min(smallestSplit,
        t.nNodeSamples[n]);
    }
    expect(smallestSplit).toBeGreaterThanOrEqual(40);
  });
  it('minImpurityDecrease: every split decreases impurity by at least it', () => {
    const t = fitTree(X, y, { minImpurityDecrease: 0.01 });
    const w = t.weightedNNodeSamples;
    for (let n = 0; n < t.nodeCount; n++) {
      const l = t.left[n]; const r = t.right[n];
      if (l === -1) continue;
      const dec = impurityDecrease(w[0], w[n], t.impurity[n], w[l],
        t.impurity[l], w[r], t.impurity[r]);
      expect(dec).toBeGreaterThanOrEqual(0.01);
    }
  });
  it('a pure node is a leaf', () => {
    const t = fitTree(X, y, {});
    for (let n = 0; n < t.nodeCount; n++) {
      if (t.impurity[n] === 0) expect(t.left[n]).toBe(-1);
    }
  });
});

describe('against scikit-learn 1.2.1 (the same tree, values to 1e-12)', () => {
  it('records one tree over 20 random_state values where we compare exactly', () => {
    const exact = sk.fits.filter((f: { distinctTrees: number }) =>
      f.distinctTrees === 1).map((f: { name: string }) => f.name);
    expect(exact).toEqual(['penguins-gini', 'penguins-entropy',
      'penguins-depth3', 'penguins-weighted', 'wine-depth2',
      'wine-entropy-depth2', 'diabetes-leaf5', 'diabetes-depth3',
      'diabetes-decrease']);
    expect(sk.versions.sklearn).toBe('1.2.1');
  });
  it('penguins, Gini, minSamplesLeaf 10', () => {
    const { f, tree } = refit('penguins-gini');
    expectSameTree(tree, f.tree);
  });
  it('penguins, entropy, minSamplesLeaf 10', () => {
    const { f, tree } = refit('penguins-entropy');
    expectSameTree(tree, f.tree);
  });
  it('penguins, Gini, depth 3 (the tree of the diagram)', () => {
    const { f, tree } = refit('penguins-depth3');
    expectSameTree(tree, f.tree);
  });
  it('penguins with whole-number sample weights 1..3', () => {
    const { f, tree } = refit('penguins-weighted');
    expectSameTree(tree, f.tree);
  });
  it('wine, Gini and entropy, depth 2', () => {
    expectSameTree(refit('wine-depth2').tree, refit('wine-depth2').f.tree);
    const e = refit('wine-entropy-depth2');
    expectSameTree(e.tree, e.f.tree);
  });
  it('diabetes regression, minSamplesLeaf 5 (137 nodes)', () => {
    const { f, tree } = refit('diabetes-leaf5');
    expectSameTree(tree, f.tree);
  });
  it('diabetes regression, depth 3', () => {
    const { f, tree } = refit('diabetes-depth3');
    expectSameTree(tree, f.tree);
  });
  it('diabetes regression, minImpurityDecrease 20', () => {
    const { f, tree } = refit('diabetes-decrease');
    expectSameTree(tree, f.tree);
  });
  it('the same predictions and class probabilities', () => {
    for (const name of ['penguins-gini', 'diabetes-leaf5']) {
      const { f, X, tree } = refit(name);
      expect(gap(predictTree(tree, X), f.predict)).toBeLessThan(1e-12);
    }
    const { X, tree } = refit('penguins-gini');
    const p = predictProba(tree, X);
    for (let i = 0; i < X.rows; i++) {
      expect(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).toBeCloseTo(1, 14);
    }
  });
  it('the same impurity importances to 1e-12', () => {
    for (const name of ['penguins-gini', 'penguins-weighted',
      'diabetes-leaf5', 'diabetes-decrease']) {
      const { f, tree } = refit(name);
      expect(gap(featureImportances(tree), f.importances))
        .toBeLessThan(1e-12);
    }
  });
  it('the same cost_complexity_pruning_path to 1e-12', () => {
    for (const name of ['penguins-gini', 'penguins-entropy',
      'penguins-weighted', 'diabetes-leaf5']) {
      const { f, tree } = refit(name);
      const p = pruningPath(tree);
      expect(gap(p.alphas, f.path.alphas)).toBeLessThan(1e-12);
      expect(gap(p.impurities, f.path.impurities)).toBeLessThan(1e-12);
    }
  });
  it('the same tree pruned with ccp_alpha', () => {
    for (const name of ['penguins-gini', 'penguins-entropy',
      'penguins-weighted', 'diabetes-leaf5']) {
      const { f, tree } = refit(name);
      expectSameTree(pruneTree(tree, f.pruned.alpha), f.pruned.tree);
    }
  });
  it('breast cancer: scikit-learn grows 20 different trees over 20 seeds', () => {
    expect(refit('breast-cancer-gini').f.distinctTrees).toBe(20);
  });
  it('breast cancer: ours equals random_state=0 up to ties (no worse split anywhere compared)', () => {
    const { f, X, y, tree } = refit('breast-cancer-gini');
    const c = compareUpToTies(tree, f.tree, X, y, 'gini', 2);
    expect(c.worse).toBe(0);
    expect(c.tied).toBeGreaterThan(0);
    expect(c.sameSplit + c.tied).toBe(c.compared);
    expect(c.maxGap).toBe(0);
  });
  it('breast cancer: the pruning path agrees to 1e-12 all the same', () => {
    const { f, tree } = refit('breast-cancer-gini');
    const p = pruningPath(tree);
    expect(gap(p.alphas, f.path.alphas)).toBeLessThan(1e-12);
    expect(gap(p.impurities, f.path.impurities)).toBeLessThan(1e-12);
  });
});

describe('cost-complexity pruning, Eq. (dt-weakest)', () => {
  const { tree } = refit('diabetes-leaf5');
  const path = pruningPath(tree);
  /** R(T) = Σ over leaves of (w_t / w_root) · impurity. */
  const risk = (t: Tree) => {
    let r = 0;
    for (let n = 0; n < t.nodeCount; n++) {
      if (t.left[n] === -1) r += t.weightedNNodeSamples[n] * t.impurity[n]
        / t.weightedNNodeSamples[0];
    }
    return r;
  };
  const leaves = (t: Tree) => t.left.filter((v) => v === -1).length;
  it('α and R(T) never decrease along the path', () => {
    for (let k = 1; k < path.alphas.length; k++) {
      expect(path.alphas[k]).toBeGreaterThanOrEqual(path.alphas[k - 1]);
      expect(path.impurities[k]).toBeGreaterThanOrEqual(
        path.impurities[k - 1]);
    }
  });
  it('T(α_k) has total leaf impurity R = impurities[k], and fewer leaves as k grows', () => {
    let last = Infinity;
    for (let k = 0; k < path.alphas.length; k++) {
      const t = pruneTree(tree, path.alphas[k]);
      expect(risk(t)).toBeCloseTo(path.impurities[k], 10);
      expect(leaves(t)).toBeLessThanOrEqual(last);
      last = leaves(t);
    }
    expect(last).toBe(1);
  });
  it('T(α) minimises R(T) + α·|leaves(T)| among the subtrees on the path', () => {
    const subtrees = path.alphas.map((a) => pruneTree(tree, a));
    for (const alpha of [5, 20, 60, 150]) {
      const cost = (t: Tree) => risk(t) + alpha * leaves(t);
      const best = Math.min(...subtrees.map(cost));
      expect(cost(pruneTree(tree, alpha))).toBeCloseTo(best, 9);
    }
  });
  it('the weakest-link exercise: α path 0, 0.05, 0.10 and T(0.08) keeps leaves a and b', () => {
    // root 0 → leaf a (1), node b (2) → leaves c (3), e (4); W = 100 and
    // impurities chosen so that R = 0.30, 0.05, 0.15, 0.04, 0.06
    const w = [100, 40, 60, 30, 30];
    const R = [0.30, 0.05, 0.15, 0.04, 0.06];
    const hand: Tree = { criterion: 'gini', allowMissing: false,
      nFeatures: 1, nOutputs: 1, nodeCount: 5,
      feature: Int32Array.of(0, -2, 0, -2, -2),
      threshold: Float64Array.of(1, -2, 2, -2, -2),
      left: Int32Array.of(1, -1, 3, -1, -1),
      right: Int32Array.of(2, -1, 4, -1, -1),
      missingLeft: new Uint8Array(5), value: new Float64Array(5),
      impurity: Float64Array.from(R, (r, t) => (r * 100) / w[t]),
      nNodeSamples: Int32Array.from(w),
      weightedNNodeSamples: Float64Array.from(w) };
    const p = pruningPath(hand);
    expect(p.alphas.length).toBe(3);
    [0, 0.05, 0.10].forEach((a, k) => expect(p.alphas[k]).toBeCloseTo(a, 12));
    [0.15, 0.20, 0.30].forEach((v, k) =>
      expect(p.impurities[k]).toBeCloseTo(v, 12));
    const t = pruneTree(hand, 0.08);
    expect(t.nodeCount).toBe(3);
    expect(Array.from(t.left)).toEqual([1, -1, -1]);
  });
  it('α = 0 prunes nothing', () => {
    expect(pruneTree(tree, 0)).toEqual(tree);
  });
});

describe('choosing α by cross-validation', () => {
  const { X, y } = DATA.penguins;
  const folds = kFoldIndices(X.rows, 5, createRng(2));
  const s = selectAlpha(X, y, folds, errorRate, { minSamplesLeaf: 3 });
  it('scores each α of the path with crossValidate; the one-SE α is at least the best', () => {
    expect(s.mean.length).toBe(s.alphas.length);
    expect(s.alphas[s.oneSe]).toBeGreaterThanOrEqual(s.alphas[s.best]);
    expect(s.mean[s.oneSe]).toBeLessThanOrEqual(
      s.mean[s.best] + s.standardError[s.best]);
  });
  it('a pruned-tree Fitter predicts as fit, prune and predict do', () => {
    const alpha = s.alphas[s.best];
    const model = prunedTreeFitter(alpha, { minSamplesLeaf: 3 })(X, y);
    const direct = predictTree(pruneTree(fitTree(X, y,
      { minSamplesLeaf: 3 }), alpha), X);
    expect(model(X)).toEqual(direct);
  });
});

describe('impurity importance', () => {
  it('is >= 0, sums to 1 and is 0 for a feature no node splits on', () => {
    const { X, y } = DATA.wine;
    const t = fitTree(X, y, { maxDepth: 2 });
    const imp = featureImportances(t);
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const used = new Set(t.feature);
    imp.forEach((v, j) => {
      expect(v).toBeGreaterThanOrEqual(0);
      if (!used.has(j)) expect(v).toBe(0);
    });
  });
});

describe('sample weights and feature subsets', () => {
  const { X, y } = DATA.penguins;
  it('whole-number weights give the tree of repeated rows (Exercise)', () => {
    const rng = createRng(5);
    const w = Float64Array.from({ length: X.rows }, () => rng.int(1, 4));
    const a = fitTree(X, y, { sampleWeight: w });
    const r = repeatRows(X, y, w);
    const b = fitTree(r.X, r.y, {});
    expect(Array.from(a.feature)).toEqual(Array.from(b.feature));
    expect(Array.from(a.threshold)).toEqual(Array.from(b.threshold));
    expect(gap(a.value, b.value)).toBe(0);
  });
  it('maxFeatures = d is the default; smaller draws features per node from the seed', () => {
    const all = fitTree(X, y, { maxFeatures: 4, seed: 9 });
    expect(all).toEqual(fitTree(X, y, {}));
    const a = fitTree(X, y, { maxFeatures: 1, seed: 1 });
    expect(fitTree(X, y, { maxFeatures: 1, seed: 1 })).toEqual(a);
    const roots = new Set([1, 2, 3, 4, 5, 6].map((seed) =>
      fitTree(X, y, { maxFeatures: 1, seed, maxDepth: 1 }).feature[0]));
    expect(roots.size).toBeGreaterThan(1);
  });
});

describe('missing values (Deeper)', () => {
  // x₁ decides the class; where x₁ is missing the class is 1
  const X = new Matrix(8, 1, Float64Array.of(1, 2, 3, 4, 5, 6, NaN, NaN));
  const y = [0, 0, 0, 1, 1, 1, 1, 1];
  it('are refused unless allowMissing is set', () => {
    expect(() => fitTree(X, y)).toThrow(/^fitTree: X/);
  });
  it('go to the side with the larger impurity decrease, learned at fit', () => {
    const t = fitTree(X, y, { allowMissing: true, maxDepth: 1 });
    expect(t.threshold[0]).toBe(3.5);
    expect(t.missingLeft[0]).toBe(0); // with the 1s, on the right
    // the decrease of each choice, from scratch
    const g = (s: number[]) => impurity('gini', Float64Array.from(s),
      s[0] + s[1]);
    const right = 1 - (3 * g([3, 0]) + 5 * g([0, 5])) / 8 - g([3, 5]) + 1;
    const left = 1 - (5 * g([3, 2]) + 3 * g([0, 3])) / 8 - g([3, 5]) + 1;
    expect(right).toBeGreaterThan(left);
    const q = new Matrix(1, 1, Float64Array.of(NaN));
    expect(predictTree(t, q)[0]).toBe(1);
  });
  it('with none at fit, take the bigger child at prediction', () => {
    const Xf = new Matrix(7, 1, Float64Array.of(1, 2, 3, 4, 5, 6, 7));
    const t = fitTree(Xf, [0, 0, 1, 1, 1, 1, 1], { maxDepth: 1,
      allowMissing: true });
    expect(t.missingLeft[0]).toBe(0);
    const q = new Matrix(1, 1, Float64Array.of(NaN));
    expect(applyTree(t, q)[0]).toBe(t.right[0]);
  });
  it('on the penguins: the two unmeasured birds get a leaf', () => {
    const all = penguinMeasurements(false);
    const t = fitTree(all.X, all.y, { allowMissing: true, maxDepth: 3 });
    expect(all.X.rows).toBe(344);
    const p = predictTree(t, all.X);
    expect(p.every((v) => v >= 0 && v <= 2)).toBe(true);
  });
});

describe('pitfalls', () => {
  it('XOR: no first split decreases Gini much, and the greedy depth-2 tree misclassifies', () => {
    const { X, y } = xorData(400, 1);
    const t = fitTree(X, y, { maxDepth: 2 });
    const w = t.weightedNNodeSamples;
    const root = impurityDecrease(w[0], w[0], t.impurity[0],
      w[t.left[0]], t.impurity[t.left[0]], w[t.right[0]],
      t.impurity[t.right[0]]);
    expect(root).toBeLessThan(0.02);
    const acc = 1 - errorRate(y, predictTree(t, X));
    expect(acc).toBeLessThan(0.85);
    // a depth-2 tree with both splits at 0 is perfect on the same data
    const quadrant = Float64Array.from({ length: 400 }, (_, i) =>
      ((X.data[2 * i] > 0) === (X.data[2 * i + 1] > 0) ? 1 : 0));
    expect(errorRate(y, quadrant)).toBe(0);
  });
  it('XOR: the greedy tree first fits all 400 points at depth 7', () => {
    const { X, y } = xorData(400, 1);
    const acc = (maxDepth: number) =>
      1 - errorRate(y, predictTree(fitTree(X, y, { maxDepth }), X));
    expect(acc(6)).toBeLessThan(1);
    expect(acc(7)).toBe(1);
  });
  it('instability: dropping 10 % of the rows changes the breast-cancer tree', () => {
    const { X, y } = DATA['breast-cancer'];
    const r = instability(X, y, {}, 4, 0.1, 3);
    expect(Math.min(...r.disagree)).toBeGreaterThan(0);
  });
  it('regression is flat outside the data: the edge leaf\'s mean', () => {
    const X = new Matrix(50, 1, Float64Array.from({ length: 50 },
      (_, i) => i / 49));
    const y = Float64Array.from({ length: 50 }, (_, i) => 2 * (i / 49));
    const t = fitTree(X, y, { criterion: 'squared_error',
      minSamplesLeaf: 5 });
    const { yHat } = predictAlong(t, [0], 0, 1, 3, 20);
    const last = predictTree(t, new Matrix(1, 1, Float64Array.of(1)))[0];
    expect(yHat.every((v) => v === last)).toBe(true);
    expect(last).toBeLessThan(2);
  });
  it('a tree on 10⁵ rows grows deep, with counts that add up and scikit-learn\'s size', () => {
    // No time bound: a test asserts what could be wrong, not how fast a
    // shared machine is; scripts/bench/decision-trees.ts measures speed
    // on these same data and records scikit-learn's tree size.
    const n = 100000;
    const rng = createRng(8);
    const X = new Matrix(n, 2, rng.uniformArray(2 * n));
    const y = Float64Array.from({ length: n }, (_, i) =>
      (X.data[2 * i] + X.data[2 * i + 1] > 1 ? 1 : 0));
    const t = fitTree(X, y, { minSamplesLeaf: 20 });
    expect(t.nodeCount).toBe(bench.theirs.node_count);
    const dep = depths(t);
    let deepest = 0;
    for (let k = 0; k < t.nodeCount; k++) deepest = Math.max(deepest, dep[k]);
    expect(deepest).toBeGreaterThan(8);
    for (let k = 0; k < t.nodeCount; k++) {
      const l = t.left[k];
      if (l === -1) {
        expect(t.nNodeSamples[k]).toBeGreaterThanOrEqual(20);
      } else {
        expect(t.nNodeSamples[l] + t.nNodeSamples[t.right[k]])
          .toBe(t.nNodeSamples[k]);
      }
    }
    // and it has learned the boundary: new points, under 2 % wrong
    const Xt = new Matrix(10000, 2, rng.uniformArray(20000));
    const yt = Float64Array.from({ length: 10000 }, (_, i) =>
      (Xt.data[2 * i] + Xt.data[2 * i + 1] > 1 ? 1 : 0));
    expect(errorRate(yt, predictTree(t, Xt))).toBeLessThan(0.02);
  });
});

describe('the diagram and the regions', () => {
  it('the leaf boxes tile the plane and each box predicts its label', () => {
    const { X, y } = DATA.penguins;
    const X2 = new Matrix(X.rows, 2);
    for (let i = 0; i < X.rows; i++) {
      X2.data[2 * i] = X.data[4 * i];
      X2.data[2 * i + 1] = X.data[4 * i + 1];
    }
    const t = fitTree(X2, y, { maxDepth: 4 });
    const boxes = leafBoxes(t, [30, 60, 13, 22]);
    const area = boxes.reduce((a, b) => a + (b.x1 - b.x0) * (b.y1 - b.y0),
      0);
    expect(area).toBeCloseTo(30 * 9, 9);
    for (const b of boxes) {
      if (b.x1 <= b.x0 || b.y1 <= b.y0) continue;
      const c = new Matrix(1, 2, Float64Array.of((b.x0 + b.x1) / 2,
        (b.y0 + b.y1) / 2));
      expect(predictTree(t, c)[0]).toBe(b.label);
    }
  });
  it('decisionPath lists the tests from the root to the leaf (Exercise)', () => {
    const { f, X, tree } = refit('penguins-depth3');
    const x = X.data.subarray(0, 4);
    const p = decisionPath(tree, x, ['a', 'b', 'c', 'd']);
    expect(p.nodes.at(-1)).toBe(applyTree(tree, new Matrix(1, 4,
      Float64Array.from(x)))[0]);
    expect(p.rules.length).toBe(p.nodes.length - 1);
    expect(p.rules[0]).toMatch(/^c <= /);
    expect(f.tree.feature[0]).toBe(2);
  });
});

describe('bad input', () => {
  it('impurity, the splitter and the loader', () => {
    rejectsBadInput(badInput.internals);
  });
  it('the shared checks', () => {
    rejectsBadInput(badInput.checks);
  });
  it('criteria, fitting and prediction', () => {
    rejectsBadInput(badInput.core);
  });
  it('pruning, selection and experiments', () => {
    rejectsBadInput(badInput.more);
  });
});

describe('review', () => {
  it('10⁵ rows, a label that steps at x₁ = 0.3: one split at the float32 midpoint, two pure leaves', () => {
    const n = 100000;
    const rng = createRng(13);
    const X = new Matrix(n, 2, rng.uniformArray(2 * n));
    const y = Float64Array.from({ length: n }, (_, i) =>
      (Math.fround(X.data[2 * i]) > Math.fround(0.3) ? 1 : 0));
    let below = -Infinity; let above = Infinity; let ones = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.fround(X.data[2 * i]);
      if (y[i] === 1) { above = Math.min(above, v); ones++; }
      else below = Math.max(below, v);
    }
    const t = fitTree(X, y);
    expect(t.nodeCount).toBe(3);
    expect(t.feature[0]).toBe(0);
    expect(t.threshold[0]).toBe(below / 2 + above / 2);
    expect(Array.from(t.nNodeSamples)).toEqual([n, n - ones, ones]);
    expect(Array.from(t.impurity.subarray(1))).toEqual([0, 0]);
  });
  it('the highest peak of the root sweep (Figure dt-sweep) is the root split of the diagram', () => {
    const { X, y } = DATA.penguins;
    const b = bruteBest(X, Float64Array.from(y), 'gini', 1);
    const t = fitTree(X, y, { maxDepth: 3, minSamplesLeaf: 5 });
    expect([t.feature[0], t.threshold[0]]).toEqual([b.feature, b.threshold]);
    expect(b.feature).toBe(2); // flipper length
  });
  it('the fits the table calls exact equal scikit-learn\'s bit for bit, tree and path', () => {
    const exact = sk.fits.filter((f: { distinctTrees: number }) =>
      f.distinctTrees === 1);
    expect(exact.length).toBe(9);
    for (const f of exact) {
      const { tree } = refit(f.name);
      for (const k of ['feature', 'threshold', 'left', 'right', 'value',
        'impurity', 'nNodeSamples', 'weightedNNodeSamples'] as const) {
        expect(Array.from(tree[k])).toEqual(f.tree[k]);
      }
      if (f.path) {
        const p = pruningPath(tree);
        expect(p.alphas).toEqual(f.path.alphas);
        expect(p.impurities).toEqual(f.path.impurities);
      }
    }
  });
  it('instability: the refits disagree with the full tree only on rows they did not see', () => {
    const { X, y } = DATA['breast-cancer'];
    const full = fitTree(X, y);
    expect(errorRate(y, predictTree(full, X))).toBe(0);
    const r = instability(X, y, {}, 4, 0.1, 31);
    const out = Math.ceil(0.1 * X.rows);
    r.disagree.forEach((d, k) => {
      expect(Math.round(d * X.rows)).toBe(Math.round(r.heldOut[k] * out));
      expect(r.heldOut[k]).toBeGreaterThan(0);
    });
  });
  it('breast cancer: the full tree\'s excess error over the lowest and the one-SE α is under two paired standard errors', () => {
    const { X, y } = DATA['breast-cancer'];
    const folds = kFoldIndices(X.rows, 10, createRng(24));
    const alphas = pruningPath(fitTree(X, y)).alphas.slice(0, -1);
    // one tree per fold, pruned at every α: what selectAlpha scores
    const rows = (M: Matrix, idx: number[]) => {
      const out = new Matrix(idx.length, M.cols);
      idx.forEach((i, k) => out.data.set(
        M.data.subarray(i * M.cols, (i + 1) * M.cols), k * M.cols));
      return out;
    };
    const err = folds.map(({ train, test }) => {
      const t = fitTree(rows(X, train), train.map((i) => y[i]));
      const Xt = rows(X, test);
      const yt = test.map((i) => y[i]);
      return alphas.map((a) => errorRate(yt, predictTree(pruneTree(t, a),
        Xt)));
    });
    const cv = alphas.map((_, k) => meanAndError(err.map((e) => e[k])));
    let best = 0;
    cv.forEach((c, k) => { if (c.mean < cv[best].mean) best = k; });
    let oneSe = best;
    cv.forEach((c, k) => {
      if (c.mean <= cv[best].mean + cv[best].standardError && k > oneSe) {
        oneSe = k;
      }
    });
    expect(oneSe).toBeGreaterThan(best);
    for (const k of [best, oneSe]) {
      const d = meanAndError(err.map((e) => e[0] - e[k]));
      expect(d.mean).toBeGreaterThan(0);
      expect(d.mean).toBeLessThan(2 * d.standardError);
    }
  });
  it('the benchmark fixture: same tree size as scikit-learn, ratio = our time / theirs', () => {
    expect(bench.same_node_count).toBe(true);
    expect(bench.ratio).toBeCloseTo(bench.ours.fit_ms / bench.theirs.fit_ms,
      12);
    expect(bench.sklearn).toBe(sk.versions.sklearn);
  });
});

describe('rows of weight 0', () => {
  // scikit-learn 1.2.1 (DecisionTreeClassifier/Regressor, random_state
  // 0) on these rows gives the thresholds and counts asserted below:
  // its splitter leaves out every sample of weight 0.
  it('are left out as scikit-learn leaves them out: no threshold ' +
    'beside them, not counted in nNodeSamples', () => {
    const X = new Matrix(4, 1, Float64Array.of(0, 1, 2, 3));
    const t = fitTree(X, Int32Array.of(0, 0, 1, 1),
      { sampleWeight: [1, 1, 0, 1] });
    expect(Array.from(t.threshold)).toEqual([2, -2, -2]);
    expect(Array.from(t.nNodeSamples)).toEqual([3, 2, 1]);
    expect(Array.from(t.weightedNNodeSamples)).toEqual([3, 2, 1]);
  });

  it('leave the splitter an idx of the weighted rows only: at most n ' +
    'indices, and a node within them', () => {
    const X = new Matrix(3, 1, Float64Array.of(0, 1, 2));
    const t = fitTree(X, Int32Array.of(0, 1, 1),
      { sampleWeight: [0, 1, 1] });
    expect(Array.from(t.nNodeSamples)).toEqual([2]); // one class left
    const data = { n: 2, d: 1, X: Float32Array.of(0, 1),
      y: Float64Array.of(0, 1), label: Int32Array.of(0, 1),
      w: Float64Array.of(1, 1), criterion: 'gini' as const, stats: 2,
      minSamplesLeaf: 1 };
    expect(() => nodeStats(data, Uint32Array.of(0, 1, 0), 0, 2)).toThrow('nodeStats: idx must be a Uint32Array of at most 2 sample indices');
    expect(() => nodeStats(data, Uint32Array.of(1), 0, 2)).toThrow('nodeStats: need integers 0 <= start < end <= 1, got start 0, end 2');
    expect(nodeStats(data, Uint32Array.of(1), 0, 1).w).toBe(1);
  });

  it('do not count toward minSamplesLeaf', () => {
    const X = new Matrix(5, 1, Float64Array.of(0, 1, 2, 3, 4));
    const t = fitTree(X, Float64Array.of(0, 0, 5, 1, 1), {
      criterion: 'squared_error', minSamplesLeaf: 2,
      sampleWeight: [1, 1, 0, 1, 1],
    });
    expect(Array.from(t.threshold)).toEqual([2, -2, -2]);
    expect(Array.from(t.nNodeSamples)).toEqual([4, 2, 2]);
    expect(Array.from(t.value)).toEqual([0.5, 0, 1]);
  });
});
