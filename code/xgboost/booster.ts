// XGBoost: boosting with second-order trees. Each round takes g and h
// at the current scores, grows a tree on them (exact or hist), and
// adds η times its leaf weights to the scores.
import { createRng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import type { Tree } from '../decision-trees/tree.ts';
import { applyTree } from '../decision-trees/predict.ts';
import { requireFinite } from '../introduction/checks.ts';
import { checkColumns, checkModel, checkXGBoost } from './checks.ts';
import { type Columns, exactSplitter, sortColumns } from './exact.ts';
import { type Grown, growTree, pruneByGamma } from './grow.ts';
import { binColumns, histSplitter } from './hist.ts';
import {
  type Objective, baseMargin, gradients, sigmoid32,
} from './objective.ts';

// #region options
export interface XGBoostOptions {
  objective?: Objective; // default 'reg:squarederror'
  treeMethod?: 'exact' | 'hist'; // default 'exact'
  rounds?: number; // trees, default 10
  eta?: number; // shrinkage η, default 0.3
  lambda?: number; // L2 on leaf weights, default 1
  alpha?: number; // L1 on leaf weights, default 0
  gamma?: number; // γ, the price of a leaf, default 0
  minChildWeight?: number; // least H in a child, default 1
  maxDepth?: number; // default 6
  maxBin?: number; // hist: at most 255 bins a feature, default 255
  baseScore?: number; // starting prediction, default 0.5
  colsampleBytree?: number; // share of features per tree, default 1
  seed?: number; // for colsampleBytree, default 0
}
// #endregion

/** One boosted tree: a decision-trees Tree (so applyTree walks it) and
 *  what XGBoost records besides: float32 split values and gains. */
export interface BoostedTree { tree: Tree; split: Float64Array;
  gain: Float64Array; features: number[] }

export interface XGBoostModel {
  objective: Objective; base: number; nFeatures: number;
  trees: BoostedTree[];
}

// #region fit
export function fitXGBoost(
  X: Matrix, y: ArrayLike<number>, options: XGBoostOptions = {},
): XGBoostModel {
  const o = checkXGBoost('fitXGBoost', X, y, options);
  const c = toColumns(X);
  const sorted = o.treeMethod === 'exact' ? sortColumns(c) : [];
  const binned = o.treeMethod === 'hist' ? binColumns(c, o.maxBin)
    : null;
  const dense = !c.X.some(Number.isNaN);
  const base = baseMargin(o.objective, o.baseScore);
  const F = new Float32Array(c.n).fill(base); // raw scores, float32
  const rng = createRng(o.seed);
  const trees: BoostedTree[] = [];
  for (let m = 0; m < o.rounds; m++) {
    const { g, h } = gradients(o.objective, y, F); // Eq. (xgb-g-h)
    const use = sampleColumns(c.d, o.colsampleBytree, rng);
    const s = binned === null ? exactSplitter(c, sorted, use, g, h, o)
      : histSplitter(binned, use, g, h, o, dense);
    const grown = growTree(s, o, binned !== null);
    if (binned === null) pruneByGamma(grown, o.gamma, o.eta);
    const t = toTree(grown, c.d, use);
    if (s.leaves) { // hist knows each row's leaf; exact walks the tree
      const leaf = s.leaves(grown);
      for (let i = 0; i < c.n; i++) F[i] += grown.value[leaf[i]];
    } else {
      const leaf = applyTree(t.tree, X);
      for (let i = 0; i < c.n; i++) F[i] += t.tree.value[leaf[i]];
    }
    trees.push(t);
  }
  return { objective: o.objective, base, nFeatures: c.d, trees };
}
// #endregion

// #region colsample
/** colsample_bytree: ⌊share·d⌋ features (at least 1) drawn without
 *  replacement from the book's generator, in increasing order. */
export function sampleColumns(
  d: number, share: number, rng: ReturnType<typeof createRng>,
): number[] {
  checkColumns('sampleColumns', d, share);
  const all = Array.from({ length: d }, (_, j) => j);
  if (share >= 1) return all;
  const k = Math.max(1, Math.floor(share * d));
  return rng.shuffle(all).slice(0, k).sort((a, b) => a - b);
}
// #endregion

// #region predict
/** Raw scores: base + Σ trees, accumulated in float32 as XGBoost. */
export function predictMargin(model: XGBoostModel, X: Matrix) {
  checkModel('predictMargin', model, X);
  const F = new Float32Array(X.rows).fill(model.base);
  for (const t of model.trees) {
    const leaves = applyTree(t.tree, X);
    for (let i = 0; i < X.rows; i++) F[i] += t.tree.value[leaves[i]];
  }
  return Float64Array.from(F);
}

/** Predictions: the raw score, or σ of it for binary:logistic. */
export function predictXGBoost(model: XGBoostModel, X: Matrix) {
  checkModel('predictXGBoost', model, X);
  const F = predictMargin(model, X);
  return model.objective === 'reg:squarederror' ? F
    : F.map(sigmoid32);
}
// #endregion

// #region to-tree
/** The largest float32 below s: `x ≤ below(s)` ⇔ `x < s` for float32
 *  x, so decision-trees' `fround(x) <= threshold` follows XGBoost. */
export function float32Below(s: number): number {
  requireFinite('float32Below', 's', s);
  const f = new Float32Array([s]);
  const u = new Int32Array(f.buffer);
  if (f[0] === 0) return -1.401298464324817e-45;
  u[0] += f[0] > 0 ? -1 : 1;
  return f[0];
}
// #endregion

/** The grown tree in depth-first order (left first) as a Tree. */
function toTree(t: Grown, d: number, features: number[]): BoostedTree {
  const order: number[] = [];
  const stack = [0];
  while (stack.length > 0) {
    const k = stack.pop()!;
    order.push(k);
    if (t.left[k] >= 0) stack.push(t.right[k], t.left[k]);
  }
  const id = new Map(order.map((k, i) => [k, i]));
  const m = order.length;
  const at = (f: (k: number) => number) => order.map(f);
  const leaf = (k: number) => t.left[k] < 0;
  const tree: Tree = {
    criterion: 'squared_error', nFeatures: d, nOutputs: 1,
    nodeCount: m, allowMissing: true,
    feature: Int32Array.from(at((k) => leaf(k) ? -2 : t.feature[k])),
    threshold: Float64Array.from(at((k) =>
      leaf(k) ? -2 : float32Below(t.split[k]))),
    left: Int32Array.from(at((k) => leaf(k) ? -1 : id.get(t.left[k])!)),
    right: Int32Array.from(at((k) =>
      leaf(k) ? -1 : id.get(t.right[k])!)),
    missingLeft: Uint8Array.from(at((k) => t.missingLeft[k] ? 1 : 0)),
    value: Float64Array.from(at((k) => t.value[k])),
    impurity: new Float64Array(m),
    nNodeSamples: new Int32Array(m),
    weightedNNodeSamples: Float64Array.from(at((k) => t.H[k])),
  };
  return { tree, features,
    split: Float64Array.from(at((k) => leaf(k) ? NaN : t.split[k])),
    gain: Float64Array.from(at((k) => leaf(k) ? 0 : t.gain[k])) };
}

/** X as float32 columns (XGBoost's DMatrix holds float32). */
function toColumns(X: Matrix): Columns {
  const { rows: n, cols: d } = X;
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[j * n + i] = X.data[i * d + j];
  }
  return { n, d, X: out };
}
