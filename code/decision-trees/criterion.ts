// Impurity of a node from its statistics, and the decrease of a split.
// A node's statistics are its total weight w and a small vector s:
// the weight of each class (classification), or [Σ w·y, Σ w·y²]
// (regression). Adding a sample adds to s, so a split's two children
// are found by a running sum (splitter.ts).

export type CriterionName = 'gini' | 'entropy' | 'squared_error';

// #region impurity
const LN2 = Math.log(2);

/** The impurity of a node with statistics s and weight w > 0. */
export function impurity(c: CriterionName, s: Float64Array, w: number) {
  if (c === 'squared_error') {
    const mean = s[0] / w;
    return s[1] / w - mean * mean; // Eq. (dt-mse)
  }
  let sum = 0;
  for (let k = 0; k < s.length; k++) {
    if (c === 'gini') {
      sum += s[k] * s[k];
    } else if (s[k] > 0) {
      const p = s[k] / w;
      sum -= p * (Math.log(p) / LN2); // Eq. (dt-entropy), in bits
    }
  }
  return c === 'gini' ? 1 - sum / (w * w) : sum; // Eq. (dt-gini)
}
// #endregion

// #region proxy
/**
 * A score that orders the splits of one node as the impurity
 * decrease Eq. (dt-decrease) does, but is cheaper: the parent's
 * impurity is the same for every split, so it is left out.
 */
export function proxy(
  c: CriterionName,
  left: Float64Array,
  wL: number,
  right: Float64Array,
  wR: number,
): number {
  if (c === 'squared_error') {
    // −wL·I_L − wR·I_R = (Σ_L wy)²/wL + (Σ_R wy)²/wR − Σ wy²
    return (left[0] * left[0]) / wL + (right[0] * right[0]) / wR;
  }
  return -wR * impurity(c, right, wR) - wL * impurity(c, left, wL);
}
// #endregion

// #region decrease
/** Eq. (dt-decrease): the weighted impurity decrease of a split. */
export function impurityDecrease(
  wTotal: number,
  wNode: number,
  iNode: number,
  wL: number,
  iL: number,
  wR: number,
  iR: number,
): number {
  return (wNode / wTotal) *
    (iNode - (wR / wNode) * iR - (wL / wNode) * iL);
}
// #endregion
