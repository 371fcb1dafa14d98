// Impurity of a node from its statistics, and the decrease of a split.
// A node's statistics are its total weight w and a small vector s:
// the weight of each class (classification), or [Σ w·y, Σ w·y²]
// (regression). Adding a sample adds to s, so a split's two children
// are found by a running sum (splitter.ts).

export type CriterionName = 'gini' | 'entropy' | 'squared_error';

// #region impurity
const LN2 = Math.log(2);

/** The impurity of a node with statistics s and weight w > 0. */
function impurityOf(c: CriterionName, s: Float64Array, w: number) {
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
function proxyOf(
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
  return -wR * impurityOf(c, right, wR) - wL * impurityOf(c, left, wL);
}
// #endregion

/** impurityOf, with its input checked (cheaply: it runs in the sweep). */
export function impurity(
  c: CriterionName, s: Float64Array, w: number,
): number {
  checkStats('impurity', c, s, w);
  return finite('impurity', impurityOf(c, s, w));
}

/** proxyOf, with its input checked. */
export function proxy(
  c: CriterionName, left: Float64Array, wL: number,
  right: Float64Array, wR: number,
): number {
  checkStats('proxy', c, left, wL);
  checkStats('proxy', c, right, wR);
  if (left.length !== right.length) {
    throw new Error(`proxy: left and right must be statistics of one ` +
      `length, got ${left.length} and ${right.length}`);
  }
  return finite('proxy', proxyOf(c, left, wL, right, wR));
}

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
  checkDecrease(wTotal, wNode, iNode, wL, iL, wR, iR);
  return (wNode / wTotal) *
    (iNode - (wR / wNode) * iR - (wL / wNode) * iL);
}
// #endregion

/** s holds the statistics of a node of weight w > 0. */
function checkStats(
  fn: string, c: CriterionName, s: Float64Array, w: number,
): void {
  if (c !== 'gini' && c !== 'entropy' && c !== 'squared_error') {
    throw new Error(`${fn}: criterion must be gini, entropy or ` +
      `squared_error, got ${c}`);
  }
  const need = c === 'squared_error' ? 2 : 1;
  if (!(s?.length >= need)) {
    throw new Error(`${fn}: the statistics (s, left, right) need at ` +
      `least ${need} entries, got ${s?.length}`);
  }
  if (!(w > 0) || w === Infinity) {
    throw new Error(`${fn}: the weight (w, wL, wR) must be finite and ` +
      `> 0, got ${w}`);
  }
  for (let k = 0; k < s.length; k++) finite(fn, s[k]);
}

/** x, or an error naming fn if x is NaN or infinite. */
function finite(fn: string, x: number): number {
  if (!Number.isFinite(x)) {
    throw new Error(`${fn}: the statistics (s, left, right) and what ` +
      `they give must be finite, got ${x}`);
  }
  return x;
}

function checkDecrease(...v: number[]): void {
  const names = ['wTotal', 'wNode', 'iNode', 'wL', 'iL', 'wR', 'iR'];
  v.forEach((x, k) => {
    const weight = k === 0 || k === 1 || k === 3 || k === 5;
    if (!Number.isFinite(x) || (weight && !(x > 0))) {
      throw new Error(`impurityDecrease: ${names[k]} must be a finite ` +
        `number${weight ? ' > 0' : ''}, got ${x}`);
    }
  });
}
