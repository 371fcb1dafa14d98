// Impurity importance (mean decrease in impurity), as scikit-learn's
// feature_importances_ computes it.
import { checkTree } from './checks.ts';
import type { Tree } from './tree.ts';

// #region importance
/** For each feature, the weighted impurity decrease Eq. (dt-decrease)
 *  summed over the nodes that split on it, scaled to sum to 1. */
export function featureImportances(tree: Tree): Float64Array {
  checkTree('featureImportances', tree);
  const out = new Float64Array(tree.nFeatures);
  const w = tree.weightedNNodeSamples;
  const imp = tree.impurity;
  for (let t = 0; t < tree.nodeCount; t++) {
    const l = tree.left[t];
    const r = tree.right[t];
    if (l === -1) continue;
    out[tree.feature[t]] += w[t] * imp[t] - w[l] * imp[l] - w[r] * imp[r];
  }
  let total = 0;
  for (let j = 0; j < out.length; j++) total += out[j] /= w[0];
  if (total > 0) for (let j = 0; j < out.length; j++) out[j] /= total;
  return out;
}
// #endregion
