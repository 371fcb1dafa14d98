// A fitted tree as flat typed arrays, one entry per node, in the
// order scikit-learn's tree_ uses (depth first, left child first),
// and the builder that grows it without recursion.
import { type Rng, createRng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { checkFit } from './checks.ts';
import {
  type CriterionName,
  impurity,
  impurityDecrease,
} from './criterion.ts';
import {
  type SplitData,
  bestSplit,
  children,
  nodeStats,
} from './splitter.ts';

// #region tree
/** A fitted tree. Node 0 is the root; a leaf has left = right = −1. */
export interface Tree {
  criterion: CriterionName;
  nFeatures: number;
  /** Width of value: the number of classes K, or 1 (regression). */
  nOutputs: number;
  nodeCount: number;
  /** The feature a node splits on; −2 at a leaf. */
  feature: Int32Array;
  /** Go left when x_feature <= threshold; −2 at a leaf. */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Fitted with allowMissing: NaN in X means missing. */
  allowMissing: boolean;
  /** 1 where a missing x_feature goes left. */
  missingLeft: Uint8Array;
  /** nodeCount × nOutputs: class weights, or the weighted mean. */
  value: Float64Array;
  impurity: Float64Array;
  nNodeSamples: Int32Array;
  weightedNNodeSamples: Float64Array;
}
// #endregion

// #region options
export interface TreeOptions {
  criterion?: CriterionName; // default 'gini'
  maxDepth?: number; // default Infinity
  minSamplesSplit?: number; // default 2
  minSamplesLeaf?: number; // default 1
  minImpurityDecrease?: number; // default 0
  /** Features tried per node, drawn at random; default all, in order. */
  maxFeatures?: number;
  seed?: number; // for maxFeatures; default 0
  sampleWeight?: ArrayLike<number>; // default all 1
  /** Number of classes K; default 1 + the largest label. */
  nClasses?: number;
  /** Accept NaN in X as "missing" (see splitter.ts); default false. */
  allowMissing?: boolean;
}
// #endregion

/** 2^-52, the gap between 1 and the next double: scikit-learn's
 *  EPSILON. */
export const EPSILON = 2.220446049250313e-16;

interface Job {
  start: number; end: number; depth: number;
  parent: number; isLeft: boolean; impurity: number;
}

// #region fit
/** Grows a CART tree on (X, y) depth first, with an explicit stack. */
export function fitTree(
  X: Matrix, y: ArrayLike<number>, options: TreeOptions = {},
): Tree {
  const o = checkFit('fitTree', X, y, options);
  const data = splitData(X, y, o);
  const grow = newNodes();
  const idx = weightedRows(o.sampleWeight); // rows of weight > 0
  const rng = createRng(o.seed);
  const stack: Job[] = [{ start: 0, end: idx.length, depth: 0,
    parent: -1, isLeft: false, impurity: NaN }];
  while (stack.length > 0) {
    const job = stack.pop()!;
    const { start, end } = job;
    const { s, w } = nodeStats(data, idx, start, end);
    const imp = job.parent < 0 ? impurity(o.criterion, s, w)
      : job.impurity;
    const split = isLeaf(job, imp, o) ? null : bestSplit(data, idx,
      start, end, s, w, featureOrder(o, rng), o.maxFeatures);
    const { iL, iR, wL } = split === null ? { iL: 0, iR: 0, wL: 0 }
      : children(data, idx, start, split.pos, end);
    const keep = split !== null && impurityDecrease(o.totalWeight, w,
      imp, wL, iL, w - wL, iR) + EPSILON >= o.minImpurityDecrease;
    const id = addNode(grow, job, keep ? split : null, s, w, imp, o);
    if (!keep) continue;
    const child = { depth: job.depth + 1, parent: id };
    stack.push({ ...child, start: split.pos, end, isLeft: false,
      impurity: iR });
    stack.push({ ...child, start, end: split.pos, isLeft: true,
      impurity: iL });
  }
  return pack(grow, o, X.cols, data.stats);
}
// #endregion

/** The rows a tree is grown from: those of positive weight, as in
 *  scikit-learn, so that a row of weight 0 moves no threshold and
 *  counts toward no minimum (a bootstrap's undrawn rows, say). */
function weightedRows(w: Float64Array): Uint32Array {
  let m = 0;
  for (let i = 0; i < w.length; i++) if (w[i] > 0) m++;
  const idx = new Uint32Array(m);
  for (let i = 0, k = 0; i < w.length; i++) if (w[i] > 0) idx[k++] = i;
  return idx;
}

// #region stopping
/** The stopping rules checked before a node is split. */
function isLeaf(job: Job, imp: number, o: FitOptions): boolean {
  const m = job.end - job.start;
  return job.depth >= o.maxDepth || m < o.minSamplesSplit ||
    m < 2 * o.minSamplesLeaf || imp <= EPSILON;
}
// #endregion

/** Options after checking, with every default filled in. */
export type FitOptions = Required<Omit<TreeOptions, 'sampleWeight'>> & {
  sampleWeight: Float64Array;
  totalWeight: number;
  nFeatures: number;
};

/** The features a node tries: all in order, or maxFeatures of them
 *  drawn at random (a random order, cut where enough were tried). */
function featureOrder(o: FitOptions, rng: Rng): number[] {
  const order: number[] = [];
  for (let j = 0; j < o.nFeatures; j++) order.push(j);
  return o.maxFeatures < o.nFeatures ? rng.shuffle(order) : order;
}

/** The columns of X as float32, feature by feature. */
function splitData(
  X: Matrix, y: ArrayLike<number>, o: FitOptions,
): SplitData {
  const n = X.rows;
  const d = X.cols;
  const cols = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) cols[j * n + i] = X.data[i * d + j];
  }
  const stats = o.criterion === 'squared_error' ? 2 : o.nClasses;
  const label = o.criterion === 'squared_error' ? new Int32Array(0)
    : Int32Array.from(y);
  return { n, d, X: cols, y: Float64Array.from(y), label,
    w: o.sampleWeight,
    criterion: o.criterion, stats, minSamplesLeaf: o.minSamplesLeaf };
}

interface Nodes {
  feature: number[]; threshold: number[]; left: number[];
  right: number[]; missingLeft: number[]; value: number[];
  impurity: number[]; n: number[]; w: number[];
}

function newNodes(): Nodes {
  return { feature: [], threshold: [], left: [], right: [],
    missingLeft: [], value: [], impurity: [], n: [], w: [] };
}

/** Appends a node, links it to its parent and returns its id. */
function addNode(
  g: Nodes, job: Job, split: { feature: number; threshold: number;
    missingLeft: boolean } | null,
  s: Float64Array, w: number, imp: number, o: FitOptions,
): number {
  const id = g.feature.length;
  if (job.parent >= 0) (job.isLeft ? g.left : g.right)[job.parent] = id;
  g.feature.push(split === null ? -2 : split.feature);
  g.threshold.push(split === null ? -2 : split.threshold);
  g.left.push(-1);
  g.right.push(-1);
  g.missingLeft.push(split?.missingLeft ? 1 : 0);
  if (o.criterion === 'squared_error') g.value.push(s[0] / w);
  else for (let k = 0; k < s.length; k++) g.value.push(s[k]);
  g.impurity.push(imp);
  g.n.push(job.end - job.start);
  g.w.push(w);
  return id;
}

function pack(g: Nodes, o: FitOptions, d: number, stats: number): Tree {
  const { criterion } = o;
  return {
    criterion,
    allowMissing: o.allowMissing,
    nFeatures: d,
    nOutputs: criterion === 'squared_error' ? 1 : stats,
    nodeCount: g.feature.length,
    feature: Int32Array.from(g.feature),
    threshold: Float64Array.from(g.threshold),
    left: Int32Array.from(g.left),
    right: Int32Array.from(g.right),
    missingLeft: Uint8Array.from(g.missingLeft),
    value: Float64Array.from(g.value),
    impurity: Float64Array.from(g.impurity),
    nNodeSamples: Int32Array.from(g.n),
    weightedNNodeSamples: Float64Array.from(g.w),
  };
}
