// AdaBoost in its multiclass form SAMME (Zhu et al. 2009): K = 2 is
// the AdaBoost of Freund & Schapire (1997). The weak learners are the
// decision-trees chapter's trees, fitted with sample weights.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { predictTree } from '../decision-trees/predict.ts';
import { type Tree, fitTree } from '../decision-trees/tree.ts';
import { checkAdaBoost, checkAdaBoostX, checkArray } from './checks.ts';

export interface AdaBoost {
  K: number; // classes
  stumps: Tree[]; // the weak learners h_m
  alphas: number[]; // their weights α_m
  errors: number[]; // their weighted errors err_m
}

export interface AdaBoostOptions {
  nEstimators?: number; // rounds M; default 50
  maxDepth?: number; // of each tree; default 1 (stumps)
  eta?: number; // shrinks every α_m; default 1
}

// #region fit
/** SAMME: weigh by Eq. (ada-alpha), re-weight by Eq. (ada-update). */
export function fitAdaBoost(
  X: Matrix, y: ArrayLike<number>, options: AdaBoostOptions = {},
): AdaBoost {
  const { K, nEstimators, maxDepth, eta } = checkAdaBoost('fitAdaBoost',
    X, y, options);
  const n = X.rows;
  const w = new Float64Array(n).fill(1 / n); // Eq. (ada-w0)
  const model: AdaBoost = { K, stumps: [], alphas: [], errors: [] };
  for (let m = 0; m < nEstimators; m++) {
    const h = fitTree(X, y, { criterion: 'gini', maxDepth,
      sampleWeight: w, nClasses: K });
    const wrong = Array.from(predictTree(h, X), (c, i) => c !== y[i]);
    const err = weightedError(w, wrong); // Eq. (ada-error)
    if (err >= 1 - 1 / K) break; // no better than chance: drop h
    const perfect = err <= 0; // a perfect h ends the loop, α = 1
    const alpha = perfect ? 1
      : eta * (Math.log((1 - err) / err) + Math.log(K - 1));
    model.stumps.push(h);
    model.alphas.push(alpha);
    model.errors.push(err);
    if (perfect || m === nEstimators - 1) break;
    reweight(w, wrong, alpha);
  }
  if (model.stumps.length === 0) {
    throw new Error('fitAdaBoost: the first tree is no better than ' +
      'chance; nothing to boost');
  }
  return model;
}
// #endregion

// #region reweight
/** Σ w_i [wrong_i] / Σ w_i. */
function weightedError(w: Float64Array, wrong: boolean[]): number {
  let err = 0;
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    total += w[i];
    if (wrong[i]) err += w[i];
  }
  return err / total;
}

/** w_i ← w_i e^{α [wrong]}, then normalised: Eq. (ada-update). */
function reweight(w: Float64Array, wrong: boolean[], alpha: number) {
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    if (wrong[i]) w[i] *= Math.exp(alpha);
    sum += w[i];
  }
  for (let i = 0; i < w.length; i++) w[i] /= sum;
}
// #endregion

// #region predict
/** The class after each round m: argmax_k Σ_{t≤m} α_t [h_t(x) = k],
 *  Eq. (ada-classifier); a tie goes to the smaller k. */
export function stagedAdaBoost(model: AdaBoost, X: Matrix): Float64Array[] {
  checkAdaBoostX('stagedAdaBoost', model, X);
  const { K } = model;
  const votes = new Float64Array(X.rows * K);
  return model.stumps.map((h, m) => {
    predictTree(h, X).forEach((c, i) => {
      votes[i * K + c] += model.alphas[m];
    });
    return Float64Array.from({ length: X.rows }, (_, i) => {
      let best = 0;
      for (let k = 1; k < K; k++) {
        if (votes[i * K + k] > votes[i * K + best]) best = k;
      }
      return best;
    });
  });
}
// #endregion

// #region bound
/** Freund & Schapire's bound on the training error after each round
 *  of binary AdaBoost: Π_m 2√(ε_m(1 − ε_m)), Eq. (ada-bound). */
export function trainingErrorBound(errors: ArrayLike<number>): number[] {
  checkArray('trainingErrorBound', 'errors', errors);
  const out: number[] = [];
  let bound = 1;
  for (let m = 0; m < errors.length; m++) {
    const e = errors[m];
    if (!(e >= 0 && e < 0.5)) {
      throw new Error(`trainingErrorBound: errors must be in [0, 0.5), ` +
        `got errors[${m}] = ${e}`);
    }
    bound *= 2 * Math.sqrt(e * (1 - e));
    out.push(bound);
  }
  return out;
}
// #endregion
