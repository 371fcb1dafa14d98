// The chapter's pitfalls, measured: XOR defeats a greedy split, a small
// change of the data changes the tree, and a regression tree is flat
// outside its data.
import { createRng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkData, checkTree, checkVector } from './checks.ts';
import { predictTree } from './predict.ts';
import { type Tree, type TreeOptions, fitTree } from './tree.ts';

// #region xor
/** n points uniform on [−1, 1]², class 1 where x₁·x₂ > 0: XOR. */
export function xorData(n: number, seed: number) {
  requireInteger('xorData', 'n', n, 4);
  requireInteger('xorData', 'seed', seed, 0);
  const rng = createRng(seed);
  const X = new Matrix(n, 2, rng.uniformArray(2 * n, -1, 1));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = X.data[2 * i] * X.data[2 * i + 1] > 0 ? 1 : 0;
  }
  return { X, y };
}
// #endregion

// #region instability
/**
 * Refits the tree `reps` times, each time without a random `drop`
 * share of the rows, and compares each refit with the tree on all rows:
 * is the root's feature the same, and on what share of all rows, and
 * of the rows the refit did not see, do their predictions differ?
 */
export function instability(
  X: Matrix, y: ArrayLike<number>, options: TreeOptions,
  reps: number, drop: number, seed: number,
) {
  checkData('instability', X, y, options);
  requireInteger('instability', 'reps', reps, 1);
  if (!(drop > 0 && drop < 1)) {
    throw new Error(`instability: drop must be in (0, 1), got ${drop}`);
  }
  const full = fitTree(X, y, options);
  const base = predictTree(full, X);
  const rng = createRng(seed);
  const keep = X.rows - Math.ceil(drop * X.rows);
  const sameRoot: boolean[] = [];
  const disagree: number[] = [];
  const heldOut: number[] = [];
  for (let r = 0; r < reps; r++) {
    const order = rng.shuffle([...Array(X.rows).keys()]);
    const rows = order.slice(0, keep);
    const Xr = new Matrix(keep, X.cols);
    rows.forEach((i, k) => Xr.data.set(
      X.data.subarray(i * X.cols, (i + 1) * X.cols), k * X.cols));
    const tree = fitTree(Xr, rows.map((i) => y[i]), options);
    sameRoot.push(tree.feature[0] === full.feature[0]);
    const p = predictTree(tree, X);
    let d = 0;
    for (let i = 0; i < X.rows; i++) d += p[i] === base[i] ? 0 : 1;
    disagree.push(d / X.rows);
    let out = 0; // among the rows this refit did not see
    for (const i of order.slice(keep)) out += p[i] === base[i] ? 0 : 1;
    heldOut.push(out / (X.rows - keep));
  }
  return { full, sameRoot, disagree, heldOut };
}
// #endregion

// #region flat
/** The tree's predictions along feature j from lo to hi (m points),
 *  the other features fixed at the values in `at`. */
export function predictAlong(
  tree: Tree, at: ArrayLike<number>, j: number,
  lo: number, hi: number, m: number,
): { x: Float64Array; yHat: Float64Array } {
  checkTree('predictAlong', tree);
  checkVector('predictAlong', 'at', at, tree.nFeatures);
  requireInteger('predictAlong', 'j', j, 0, tree.nFeatures - 1);
  requireInteger('predictAlong', 'm', m, 2);
  if (!(lo < hi) || !Number.isFinite(hi - lo)) {
    throw new Error(`predictAlong: need finite lo < hi, got ${lo}, ${hi}`);
  }
  const Q = new Matrix(m, tree.nFeatures);
  const x = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    x[r] = lo + ((hi - lo) * r) / (m - 1);
    for (let c = 0; c < tree.nFeatures; c++) {
      Q.data[r * tree.nFeatures + c] = c === j ? x[r] : at[c];
    }
  }
  return { x, yHat: predictTree(tree, Q) };
}
// #endregion
