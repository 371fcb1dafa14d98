// The variance of an average of B correlated trees, Eq. (rf-variance),
// and its measurement on real trees: ρ and σ² from pairs of trees
// grown on the same training set, over many training sets.
import { predictTree } from '../decision-trees/predict.ts';
import { type Rng, createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkCount, checkMatrix, checkTargets } from './checks.ts';
import { fitForest } from './forest.ts';

// #region variance
/** Eq. (rf-variance): Var of the mean of B identically distributed
 *  variables of variance σ² and pairwise correlation ρ. */
export function averageVariance(
  rho: number, sigma2: number, B: number,
): number {
  checkVarianceArgs(rho, sigma2, B);
  return rho * sigma2 + ((1 - rho) * sigma2) / B;
}
// #endregion

// #region measure
/** Over reps training sets of nTrain rows drawn from (X, y), grows B
 *  regression trees each and predicts the rows of Xtest. Returns σ²
 *  (one tree's variance), ρ (the correlation of two trees of one
 *  training set), both averaged over the test rows, the measured
 *  variance of the mean of the first b trees for b = 1..B, and the
 *  forest's test MSE. */
export function treeCorrelation(
  X: Matrix, y: ArrayLike<number>, Xtest: Matrix,
  yTest: ArrayLike<number>,
  o: { nTrain: number; B: number; reps: number; maxFeatures: number;
    seed: number },
) {
  checkCorrelation(X, y, Xtest, yTest, o);
  const rng = createRng(o.seed);
  const nTest = Xtest.rows;
  // T[r][b][t]: tree b of training set r at test row t
  const T: Float64Array[][] = [];
  const mse: number[] = []; // the forest's test MSE, per training set
  for (let r = 0; r < o.reps; r++) {
    const { Xr, yr } = drawRows(X, y, o.nTrain, rng);
    const forest = fitForest(Xr, yr, {
      task: 'regression', nTrees: o.B, maxFeatures: o.maxFeatures,
      seed: rng.int(0, 2 ** 32) });
    T.push(forest.trees.map((tree) => predictTree(tree, Xtest)));
    let sq = 0;
    for (let t = 0; t < nTest; t++) {
      let f = 0;
      for (let b = 0; b < o.B; b++) f += T[r][b][t] / o.B;
      sq += (f - yTest[t]) ** 2 / nTest;
    }
    mse.push(sq);
  }
  return { ...moments(T, o.B, nTest), mse };
}
// #endregion

/** nTrain rows of (X, y) drawn without replacement. */
function drawRows(
  X: Matrix, y: ArrayLike<number>, nTrain: number, rng: Rng,
) {
  const rows = rng.shuffle(Array.from({ length: X.rows }, (_, i) => i))
    .slice(0, nTrain);
  const Xr = new Matrix(nTrain, X.cols);
  rows.forEach((i, k) => Xr.data.set(X.data.subarray(i * X.cols,
    (i + 1) * X.cols), k * X.cols));
  return { Xr, yr: rows.map((i) => y[i]) };
}

// #region moments
/** σ², ρ and Var(mean of b trees), pooled over training sets. */
function moments(T: Float64Array[][], B: number, nTest: number) {
  const R = T.length;
  let sigma2 = 0, cov = 0;
  const forestVar = new Float64Array(B);
  for (let t = 0; t < nTest; t++) {
    let mu = 0; // the mean of one tree at x_t, over r and b
    for (const trees of T) for (const v of trees) mu += v[t] / (R * B);
    for (const trees of T) {
      let s = 0, s2 = 0;
      for (const v of trees) {
        s += v[t] - mu;
        s2 += (v[t] - mu) ** 2;
      }
      sigma2 += s2 / (R * B - 1) / nTest;
      cov += (s * s - s2) / (B * (B - 1)) / R / nTest; // b ≠ b'
    }
    for (let b = 1; b <= B; b++) {
      let mean = 0, sq = 0;
      for (const trees of T) {
        let f = 0;
        for (let k = 0; k < b; k++) f += trees[k][t] / b;
        mean += f / R;
        sq += (f * f) / R;
      }
      forestVar[b - 1] += ((sq - mean * mean) * R) / (R - 1) / nTest;
    }
  }
  return { sigma2, rho: cov / sigma2, forestVar };
}
// #endregion

function checkVarianceArgs(rho: number, sigma2: number, B: number) {
  if (!(rho >= -1 && rho <= 1)) {
    throw new Error(`averageVariance: rho must be in [-1, 1], got ${rho}`);
  }
  if (!(sigma2 >= 0) || sigma2 === Infinity) {
    throw new Error(`averageVariance: sigma2 must be finite and >= 0, ` +
      `got ${sigma2}`);
  }
  checkCount('averageVariance', 'B', B, 1);
}

function checkCorrelation(
  X: Matrix, y: ArrayLike<number>, Xtest: Matrix,
  yTest: ArrayLike<number>,
  o: { nTrain: number; B: number; reps: number; maxFeatures: number;
    seed: number },
): void {
  const fn = 'treeCorrelation';
  checkMatrix(fn, X);
  checkTargets(fn, y, X.rows, false);
  checkMatrix(fn, Xtest, X.cols, 'Xtest');
  checkTargets(fn, yTest, Xtest.rows, false, 'yTest',
    'Xtest');
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: o must be an object, got ${o}`);
  }
  checkCount(fn, 'nTrain', o.nTrain, 2);
  if (o.nTrain > X.rows) {
    throw new Error(`${fn}: nTrain must be <= ${X.rows}, got ${o.nTrain}`);
  }
  checkCount(fn, 'B', o.B, 2);
  checkCount(fn, 'reps', o.reps, 2);
  checkCount(fn, 'maxFeatures', o.maxFeatures, 1);
  checkCount(fn, 'seed', o.seed, 0);
}
