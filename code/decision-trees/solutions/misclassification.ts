// Exercise: the misclassification rate as an impurity, and why CART
// does not grow trees with it.

/** 1 − max_k p_k of a node with class weights s and total weight w. */
export function misclassification(s: ArrayLike<number>, w: number) {
  if (!(w > 0) || !Number.isFinite(w) || !(s?.length >= 1)) {
    throw new Error(`misclassification: need w > 0 and class weights, ` +
      `got w = ${w}`);
  }
  let top = 0;
  for (let k = 0; k < s.length; k++) {
    if (!(s[k] >= 0) || !Number.isFinite(s[k])) {
      throw new Error(`misclassification: s[${k}] = ${s[k]} must be a ` +
        'finite number >= 0');
    }
    top = Math.max(top, s[k]);
  }
  return 1 - top / w;
}
