// Using a fitted tree: find each row's leaf, read its value.
import { checkTree, checkX } from './checks.ts';
import type { Tree } from './tree.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';

// #region apply
/** The leaf each row of X reaches. A feature is compared as a float32,
 *  as it was at fit time; a missing one (NaN, if the tree was fitted
 *  with allowMissing) takes the side learned at fit time. */
export function applyTree(tree: Tree, X: Matrix): Int32Array {
  return leavesOf('applyTree', tree, X);
}

function leavesOf(fn: string, tree: Tree, X: Matrix): Int32Array {
  checkTree(fn, tree);
  checkX(fn, X, tree.allowMissing, tree.nFeatures);
  const leaves = new Int32Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let node = 0;
    while (tree.left[node] !== -1) {
      const x = X.data[i * X.cols + tree.feature[node]];
      const goLeft = Number.isNaN(x) ? tree.missingLeft[node] === 1
        : Math.fround(x) <= tree.threshold[node];
      node = goLeft ? tree.left[node] : tree.right[node];
    }
    leaves[i] = node;
  }
  return leaves;
}
// #endregion

// #region predict
/** Class probabilities (rows of K), from the leaves' class weights. */
export function predictProba(tree: Tree, X: Matrix): Float64Array {
  if (tree?.criterion === 'squared_error') {
    throw new Error('predictProba: a regression tree has no classes');
  }
  const leaves = leavesOf('predictProba', tree, X);
  const K = tree.nOutputs;
  const out = new Float64Array(X.rows * K);
  leaves.forEach((leaf, i) => {
    let total = 0;
    for (let k = 0; k < K; k++) total += tree.value[leaf * K + k];
    for (let k = 0; k < K; k++) {
      out[i * K + k] = tree.value[leaf * K + k] / total;
    }
  });
  return out;
}

/** The predicted class (the first of the largest weights), or the
 *  leaf's mean for a regression tree. */
export function predictTree(tree: Tree, X: Matrix): Float64Array {
  const leaves = leavesOf('predictTree', tree, X);
  const K = tree.nOutputs;
  return Float64Array.from(leaves, (leaf) => {
    if (tree.criterion === 'squared_error') return tree.value[leaf];
    let best = 0;
    for (let k = 1; k < K; k++) {
      if (tree.value[leaf * K + k] > tree.value[leaf * K + best]) best = k;
    }
    return best;
  });
}
// #endregion
