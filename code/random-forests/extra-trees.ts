// Extremely randomized trees (Geurts, Ernst & Wehenkel 2006): at each
// node, each feature tried gets one threshold drawn uniformly between
// its smallest and largest value in the node, and the best of these
// random splits is kept. The tree has the decision-trees chapter's
// Tree layout, so applyTree, predictTree and featureImportances work.
import {
  type CriterionName,
  impurity,
  proxy,
} from '../decision-trees/criterion.ts';
import {
  type SplitData,
  FEATURE_THRESHOLD,
  addSample,
  children,
  nodeStats,
} from '../decision-trees/splitter.ts';
import { EPSILON, type Tree } from '../decision-trees/tree.ts';
import { type Rng, createRng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { checkExtraOptions } from './checks.ts';

export interface ExtraTreeOptions {
  criterion?: CriterionName; // default gini
  maxDepth?: number; // default Infinity
  minSamplesLeaf?: number; // default 1
  maxFeatures?: number; // default d
  seed?: number; // default 0
  sampleWeight?: ArrayLike<number>; // default all 1
  nClasses?: number; // default 1 + the largest label
}

interface Cut { feature: number; threshold: number; score: number }

// #region random-split
/** One uniform threshold per feature tried; the best of them, or
 *  null. Features are tried in a random order until maxFeatures
 *  non-constant ones have been tried, as in the best-split search. */
function randomSplit(
  data: SplitData, idx: Uint32Array, start: number, end: number,
  total: Float64Array, wNode: number, maxFeatures: number, rng: Rng,
): Cut | null {
  const order = rng.shuffle(Array.from({ length: data.d }, (_, j) => j));
  let best: Cut | null = null;
  for (let f = 0, tried = 0; f < data.d && tried < maxFeatures; f++) {
    const j = order[f];
    const x = data.X.subarray(j * data.n, (j + 1) * data.n);
    let lo = Infinity, hi = -Infinity;
    for (let p = start; p < end; p++) {
      lo = Math.min(lo, x[idx[p]]);
      hi = Math.max(hi, x[idx[p]]);
    }
    if (hi <= lo + FEATURE_THRESHOLD) continue; // constant here
    tried++;
    const threshold = rng.uniform(lo, hi); // the random cut
    const score = scoreCut(data, idx, start, end, total, wNode, x,
      threshold);
    if (score !== null && (best === null || score > best.score)) {
      best = { feature: j, threshold, score };
    }
  }
  return best;
}
// #endregion

// #region score-cut
/** The proxy Eq. (dt-proxy) of sending x <= threshold left, or null
 *  if a child would have fewer than minSamplesLeaf samples. */
function scoreCut(
  data: SplitData, idx: Uint32Array, start: number, end: number,
  total: Float64Array, wNode: number, x: Float32Array, threshold: number,
): number | null {
  const left = new Float64Array(data.stats);
  let wL = 0, nL = 0;
  for (let p = start; p < end; p++) {
    if (x[idx[p]] > threshold) continue;
    wL += addSample(data, left, idx[p], 1);
    nL++;
  }
  const minLeaf = data.minSamplesLeaf;
  if (nL < minLeaf || end - start - nL < minLeaf ||
      !(wL > 0 && wNode - wL > 0)) {
    return null;
  }
  const right = total.map((s, k) => s - left[k]);
  return proxy(data.criterion, left, wL, right, wNode - wL);
}
// #endregion

// #region fit-extra
/** Grows an extremely randomized tree depth first. */
export function fitExtraTree(
  X: Matrix, y: ArrayLike<number>, options: ExtraTreeOptions = {},
): Tree {
  const o = checkExtraOptions('fitExtraTree', X, y, options);
  const data = columns(X, y, o);
  const rng = createRng(o.seed);
  const idx = Uint32Array.from({ length: X.rows }, (_, i) => i);
  const g = new Nodes(o.criterion, data.stats);
  const stack = [{ start: 0, end: X.rows, depth: 0, parent: -1,
    isLeft: false }];
  while (stack.length > 0) {
    const job = stack.pop()!;
    const { start, end, depth } = job;
    const { s, w } = nodeStats(data, idx, start, end);
    const imp = impurity(o.criterion, s, w);
    const leaf = depth >= o.maxDepth || end - start < 2 ||
      end - start < 2 * o.minSamplesLeaf || imp <= EPSILON;
    const cut = leaf ? null : randomSplit(data, idx, start, end, s, w,
      o.maxFeatures, rng);
    const id = g.add(job, cut, s, w, imp, end - start);
    if (cut === null) continue;
    const pos = partition(data, idx, start, end, cut);
    const child = { depth: depth + 1, parent: id };
    stack.push({ ...child, start: pos, end, isLeft: false });
    stack.push({ ...child, start, end: pos, isLeft: true });
  }
  return g.pack(X.cols);
}
// #endregion

/** Moves the samples that go left to the front; returns where the
 *  right child starts. */
function partition(
  data: SplitData, idx: Uint32Array, start: number, end: number,
  cut: Cut,
): number {
  const x = data.X.subarray(cut.feature * data.n,
    (cut.feature + 1) * data.n);
  let p = start;
  for (let q = start; q < end; q++) {
    if (x[idx[q]] <= cut.threshold) {
      const t = idx[p]; idx[p] = idx[q]; idx[q] = t;
      p++;
    }
  }
  children(data, idx, start, p, end); // checks 0 < p − start < m
  return p;
}

/** The columns of X as float32, as the best-split search reads them. */
function columns(
  X: Matrix, y: ArrayLike<number>, o: Required<ExtraTreeOptions>,
): SplitData {
  const { rows: n, cols: d } = X;
  const cols = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) cols[j * n + i] = X.data[i * d + j];
  }
  const regression = o.criterion === 'squared_error';
  return { n, d, X: cols, y: Float64Array.from(y),
    label: regression ? new Int32Array(0) : Int32Array.from(y),
    w: Float64Array.from(o.sampleWeight), criterion: o.criterion,
    stats: regression ? 2 : o.nClasses,
    minSamplesLeaf: o.minSamplesLeaf };
}

/** The growing node arrays, packed into a Tree at the end. */
class Nodes {
  feature: number[] = []; threshold: number[] = [];
  left: number[] = []; right: number[] = []; value: number[] = [];
  impurity: number[] = []; n: number[] = []; w: number[] = [];
  readonly criterion: CriterionName;
  readonly stats: number;
  constructor(criterion: CriterionName, stats: number) {
    this.criterion = criterion;
    this.stats = stats;
  }

  add(job: { parent: number; isLeft: boolean }, cut: Cut | null,
    s: Float64Array, w: number, imp: number, m: number): number {
    const id = this.feature.length;
    if (job.parent >= 0) {
      (job.isLeft ? this.left : this.right)[job.parent] = id;
    }
    this.feature.push(cut === null ? -2 : cut.feature);
    this.threshold.push(cut === null ? -2 : cut.threshold);
    this.left.push(-1);
    this.right.push(-1);
    if (this.criterion === 'squared_error') this.value.push(s[0] / w);
    else for (let k = 0; k < s.length; k++) this.value.push(s[k]);
    this.impurity.push(imp);
    this.n.push(m);
    this.w.push(w);
    return id;
  }

  pack(d: number): Tree {
    const count = this.feature.length;
    return {
      criterion: this.criterion, nFeatures: d,
      nOutputs: this.criterion === 'squared_error' ? 1 : this.stats,
      nodeCount: count, allowMissing: false,
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      missingLeft: new Uint8Array(count),
      value: Float64Array.from(this.value),
      impurity: Float64Array.from(this.impurity),
      nNodeSamples: Int32Array.from(this.n),
      weightedNNodeSamples: Float64Array.from(this.w),
    };
  }
}
