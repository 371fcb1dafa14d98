// Gradient boosting: trees fitted to pseudo-residuals, their leaves
// re-optimised for the loss, added with a learning rate. The trees
// come from the decision-trees chapter; the leaf values live here.
import { createRng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { applyTree } from '../decision-trees/predict.ts';
import { type Tree, fitTree } from '../decision-trees/tree.ts';
import { checkBoosting, checkModelX } from './checks.ts';
import {
  type LossName,
  type RoundState,
  initialScores,
  leafValue,
  lossValue,
  pseudoResiduals,
} from './losses.ts';

// #region model
/** A fitted model: F_M(x) = F_0 + η Σ_m tree_m(x), Eq. (gb-update). */
export interface BoostedTrees {
  loss: LossName;
  /** Outputs per round: 1, or K for K > 2 classes (K trees). */
  K: number;
  init: Float64Array; // F_0, one per output
  eta: number;
  /** Tree of round m, output k at m·K + k ... */
  trees: Tree[];
  /** ... and its leaf values γ, indexed by node id. */
  gammas: Float64Array[];
  trainLoss: number[]; // after each round
  validationLoss: number[]; // after each round, if a validation set
}
// #endregion

export interface BoostingOptions {
  loss?: LossName; // default 'squared_error'
  nEstimators?: number; // rounds M; default 100
  eta?: number; // learning rate (shrinkage); default 0.1
  maxDepth?: number; // default 3
  minSamplesLeaf?: number; // default 1
  subsample?: number; // share φ of rows per round; default 1
  alpha?: number; // Huber's quantile level q; default 0.9
  seed?: number; // for the subsample; default 0
  validation?: { X: Matrix; y: ArrayLike<number> };
  nIterNoChange?: number; // early stopping; needs validation
  tol?: number; // default 1e-4
}

// #region fit
/** Fits M rounds (fewer if early stopping ends the loop). */
export function fitGradientBoosting(
  X: Matrix, y: ArrayLike<number>, options: BoostingOptions = {},
): BoostedTrees {
  const o = checkBoosting('fitGradientBoosting', X, y, options);
  const K = o.nClasses > 2 ? o.nClasses : 1;
  const init = initialScores(o.loss, y, K); // F_0
  const F = tile(init, X.rows);
  const model: BoostedTrees = { loss: o.loss, K, init, eta: o.eta,
    trees: [], gammas: [], trainLoss: [], validationLoss: [] };
  const stop = o.validation ? earlyStopping(model, o) : () => false;
  const rng = createRng(o.seed);
  for (let m = 0; m < o.nEstimators; m++) {
    const w = subsampleWeights(rng, X.rows, o.subsample);
    const F0 = F.slice(); // every output's residuals at F_{m-1}
    for (let k = 0; k < K; k++) {
      const { tree, gamma } = fitRound(X, { y, F: F0, K, k, w }, o);
      const leaves = applyTree(tree, X);
      for (let i = 0; i < X.rows; i++) {
        F[i * K + k] += o.eta * gamma[leaves[i]]; // Eq. (gb-update)
      }
      model.trees.push(tree);
      model.gammas.push(gamma);
    }
    model.trainLoss.push(lossValue(o.loss, y, F, K, o.alpha));
    if (stop()) break;
  }
  return model;
}
// #endregion

// #region round
/** One tree of round m for output k: residuals, splits, leaf values. */
function fitRound(
  X: Matrix, s: Omit<RoundState, 'r' | 'delta'>,
  o: ReturnType<typeof checkBoosting>,
): { tree: Tree; gamma: Float64Array } {
  const { r, delta } = pseudoResiduals(o.loss, s, o.alpha);
  // the regions: a least-squares tree fitted to r, Eq. (gb-tree)
  const tree = fitTree(X, r, { criterion: 'squared_error',
    maxDepth: o.maxDepth, minSamplesLeaf: o.minSamplesLeaf,
    sampleWeight: s.w });
  const gamma = leafValues(o.loss, tree, applyTree(tree, X),
    { ...s, r, delta });
  return { tree, gamma };
}
// #endregion

// #region leaves
/** γ for every leaf: its rows in the subsample, Eq. (gb-leaf). */
function leafValues(
  loss: LossName, tree: Tree, leaves: Int32Array,
  s: RoundState,
): Float64Array {
  const rows: number[][] = Array.from({ length: tree.nodeCount },
    () => []);
  leaves.forEach((leaf, i) => { if (s.w[i] > 0) rows[leaf].push(i); });
  const gamma = new Float64Array(tree.nodeCount);
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.left[node] === -1) gamma[node] = leafValue(loss, rows[node],
      s);
  }
  return gamma;
}
// #endregion

// #region subsample
/** Friedman's stochastic boosting: ⌊φn⌋ rows drawn without
 *  replacement get weight 1, the others 0. */
function subsampleWeights(
  rng: ReturnType<typeof createRng>, n: number, phi: number,
): Float64Array {
  const w = new Float64Array(n);
  if (phi === 1) return w.fill(1);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const inBag = Math.max(1, Math.floor(phi * n));
  for (let t = 0; t < inBag; t++) w[order[t]] = 1;
  return w;
}
// #endregion

// #region early-stopping
/** scikit-learn's rule: stop after round m unless its validation loss
 *  beats, by tol, one of the last nIterNoChange recorded losses. */
function earlyStopping(
  model: BoostedTrees, o: ReturnType<typeof checkBoosting>,
): () => boolean {
  const { X, y } = o.validation!;
  const history = new Float64Array(o.nIterNoChange).fill(Infinity);
  const F = tile(model.init, X.rows);
  return () => {
    const m = model.trainLoss.length - 1;
    addRound(model, X, m, F); // F_m on the validation rows
    const loss = lossValue(o.loss, y, F, model.K, o.alpha);
    model.validationLoss.push(loss);
    if (!history.some((h) => loss + o.tol < h)) return true;
    history[m % history.length] = loss;
    return false;
  };
}
// #endregion

// #region staged
/** The scores F_m(x) (n × K) after every round m = 1..M. */
export function stagedScores(
  model: BoostedTrees, X: Matrix,
): Float64Array[] {
  checkModelX('stagedScores', model, X);
  const rounds = model.trees.length / model.K;
  const out: Float64Array[] = [];
  const F = tile(model.init, X.rows);
  for (let m = 0; m < rounds; m++) {
    addRound(model, X, m, F);
    out.push(F.slice());
  }
  return out;
}
// #endregion

// #region predict
/** Regression: F_M(x). Classes: the largest score (F > 0 if K = 1). */
export function predictBoosting(
  model: BoostedTrees, X: Matrix,
): Float64Array {
  checkModelX('predictBoosting', model, X);
  const F = scoresAfter(model, X, model.trees.length / model.K);
  if (model.loss !== 'log_loss') return F;
  if (model.K === 1) return F.map((f) => (f > 0 ? 1 : 0));
  return Float64Array.from({ length: X.rows }, (_, i) => {
    let best = 0;
    for (let k = 1; k < model.K; k++) {
      if (F[i * model.K + k] > F[i * model.K + best]) best = k;
    }
    return best;
  });
}
// #endregion

function tile(init: Float64Array, n: number): Float64Array {
  const F = new Float64Array(n * init.length);
  for (let i = 0; i < n; i++) F.set(init, i * init.length);
  return F;
}

function addRound(
  model: BoostedTrees, X: Matrix, m: number, F: Float64Array,
): void {
  const { K } = model;
  for (let k = 0; k < K; k++) {
    const leaves = applyTree(model.trees[m * K + k], X);
    const gamma = model.gammas[m * K + k];
    for (let i = 0; i < X.rows; i++) {
      F[i * K + k] += model.eta * gamma[leaves[i]];
    }
  }
}

function scoresAfter(
  model: BoostedTrees, X: Matrix, rounds: number,
): Float64Array {
  const F = tile(model.init, X.rows);
  for (let m = 0; m < rounds; m++) addRound(model, X, m, F);
  return F;
}
