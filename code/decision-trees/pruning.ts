// Minimal cost-complexity pruning (Breiman et al. 1984, ch. 3): the
// weakest-link path of subtrees, and the subtree for a given α, as
// scikit-learn's cost_complexity_pruning_path and ccp_alpha compute
// them.
import { checkTree } from './checks.ts';
import type { Tree } from './tree.ts';

interface Pruning {
  /** R(t) = (w_t / w_root) · impurity(t): the node as a leaf. */
  rNode: Float64Array;
  /** R(T_t): the sum of R over the leaves below t (still in T). */
  rBranch: Float64Array;
  /** |leaves(T_t)|. */
  leaves: Float64Array;
  parent: Int32Array;
  /** 1 for an internal node not yet pruned. */
  candidate: Uint8Array;
}

// #region weakest-link
/** Prunes the weakest link: the internal node t of smallest g(t),
 *  Eq. (dt-weakest), the first in node order at a tie. Returns it,
 *  with its g, or null when only the root is left. */
function pruneWeakest(tree: Tree, p: Pruning) {
  let t = -1;
  let alpha = Infinity;
  for (let i = 0; i < tree.nodeCount; i++) {
    if (!p.candidate[i]) continue;
    const g = (p.rNode[i] - p.rBranch[i]) / (p.leaves[i] - 1);
    if (g < alpha) [t, alpha] = [i, g];
  }
  if (t < 0) return null;
  const stack = [t]; // the nodes below t stop being candidates
  while (stack.length > 0) {
    const i = stack.pop()!;
    p.candidate[i] = 0;
    if (tree.left[i] !== -1) stack.push(tree.left[i], tree.right[i]);
  }
  const lost = p.leaves[t] - 1; // T_t becomes one leaf
  const rise = p.rNode[t] - p.rBranch[t];
  for (let a = t; a !== -1; a = p.parent[a]) {
    p.leaves[a] -= lost;
    p.rBranch[a] += rise;
  }
  return { node: t, alpha };
}
// #endregion

// #region path
/** The α at which each subtree of the weakest-link sequence becomes
 *  optimal, and its total leaf impurity R(T) (scikit-learn's). */
export function pruningPath(tree: Tree): {
  alphas: number[]; impurities: number[];
} {
  checkTree('pruningPath', tree);
  const p = startPruning(tree);
  const alphas = [0];
  const impurities = [p.rBranch[0]];
  for (let step = pruneWeakest(tree, p); step !== null;
    step = pruneWeakest(tree, p)) {
    alphas.push(step.alpha);
    impurities.push(p.rBranch[0]);
  }
  return { alphas, impurities };
}
// #endregion

// #region prune
/** The subtree T(α): prune weakest links while g <= α; the result's
 *  nodes are renumbered depth first, as scikit-learn's are. */
export function pruneTree(tree: Tree, alpha: number): Tree {
  checkTree('pruneTree', tree);
  if (typeof alpha !== 'number' || !(alpha >= 0) || alpha === Infinity) {
    throw new Error(`pruneTree: alpha must be a finite number >= 0, ` +
      `got ${alpha}`);
  }
  const p = startPruning(tree);
  const cut = new Uint8Array(tree.nodeCount); // became a leaf
  while (alpha > 0) {
    const i = weakestAlpha(tree, p);
    if (i === null || i.alpha > alpha) break;
    cut[pruneWeakest(tree, p)!.node] = 1;
  }
  return keepNodes(tree, cut);
}
// #endregion

/** The weakest link's g, without pruning it. */
function weakestAlpha(tree: Tree, p: Pruning) {
  let alpha = Infinity;
  let found = false;
  for (let i = 0; i < tree.nodeCount; i++) {
    if (!p.candidate[i]) continue;
    found = true;
    alpha = Math.min(alpha,
      (p.rNode[i] - p.rBranch[i]) / (p.leaves[i] - 1));
  }
  return found ? { alpha } : null;
}

// #region start
/** R(t), R(T_t) and |leaves(T_t)| of every node of the full tree. */
function startPruning(tree: Tree): Pruning {
  const m = tree.nodeCount;
  const w0 = tree.weightedNNodeSamples[0];
  const p: Pruning = { rNode: new Float64Array(m),
    rBranch: new Float64Array(m), leaves: new Float64Array(m),
    parent: new Int32Array(m).fill(-1), candidate: new Uint8Array(m) };
  for (let i = 0; i < m; i++) {
    p.rNode[i] = (tree.weightedNNodeSamples[i] * tree.impurity[i]) / w0;
    if (tree.left[i] !== -1) {
      p.parent[tree.left[i]] = p.parent[tree.right[i]] = i;
      p.candidate[i] = 1;
    }
  }
  for (let leaf = 0; leaf < m; leaf++) {
    if (tree.left[leaf] !== -1) continue;
    for (let a = leaf; a !== -1; a = p.parent[a]) {
      p.rBranch[a] += p.rNode[leaf];
      p.leaves[a] += 1;
    }
  }
  return p;
}
// #endregion

/** A copy of tree without the nodes below a cut node, renumbered in
 *  depth-first order (left child first). */
function keepNodes(tree: Tree, cut: Uint8Array): Tree {
  const order: number[] = [];
  const stack = [0];
  while (stack.length > 0) {
    const i = stack.pop()!;
    order.push(i);
    if (tree.left[i] !== -1 && !cut[i]) {
      stack.push(tree.right[i], tree.left[i]);
    }
  }
  const id = new Map(order.map((old, k) => [old, k]));
  const K = tree.nOutputs;
  const leaf = (i: number) => tree.left[i] === -1 || cut[i] === 1;
  const pick = <A extends Int32Array | Float64Array | Uint8Array>(
    a: A, f: (i: number) => number) => {
    const out = new (a.constructor as new (n: number) => A)(order.length);
    order.forEach((old, k) => { out[k] = f(old); });
    return out;
  };
  const value = new Float64Array(order.length * K);
  order.forEach((old, k) =>
    value.set(tree.value.subarray(old * K, old * K + K), k * K));
  return { ...tree, nodeCount: order.length, value,
    feature: pick(tree.feature, (i) => (leaf(i) ? -2 : tree.feature[i])),
    threshold: pick(tree.threshold,
      (i) => (leaf(i) ? -2 : tree.threshold[i])),
    left: pick(tree.left, (i) => (leaf(i) ? -1 : id.get(tree.left[i])!)),
    right: pick(tree.right,
      (i) => (leaf(i) ? -1 : id.get(tree.right[i])!)),
    missingLeft: pick(tree.missingLeft,
      (i) => (leaf(i) ? 0 : tree.missingLeft[i])),
    impurity: pick(tree.impurity, (i) => tree.impurity[i]),
    nNodeSamples: pick(tree.nNodeSamples, (i) => tree.nNodeSamples[i]),
    weightedNNodeSamples: pick(tree.weightedNNodeSamples,
      (i) => tree.weightedNNodeSamples[i]) };
}
