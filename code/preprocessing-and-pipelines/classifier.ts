// The model at the end of a pipeline: softmax regression of the
// softmax-regression chapter, as a step from a numeric frame to class
// probabilities, and the two scores of its predictions. Browser-safe.
import { Matrix, checkFinite } from '../linear-algebra/matrix.ts';
import { fitSoftmax } from '../softmax-regression/fit.ts';
import { predictProba } from '../softmax-regression/model.ts';
import { checkLambda } from '../regularization/ridge.ts';
import { checkLabelsFor } from './checks.ts';
import { toMatrix, type Frame } from './frame.ts';
import type { Step } from './pipeline.ts';
import { sameNames } from './scale.ts';

// #region classifier-step
/**
 * Softmax regression with penalty λ (scikit-learn's C = 1/λ) on K
 * classes: fitted on the frame's matrix, it predicts P, n x K.
 */
export function softmaxClassifier(
  lambda_: number,
  K: number,
): Step<Frame, Matrix> {
  checkLambda('softmaxClassifier', 'lambda_', lambda_);
  checkClassCount(K);
  return (X, y) => {
    const A = toMatrix('softmaxClassifier', X);
    checkLabelsFor('softmaxClassifier', y as Int32Array, A.rows);
    const { Theta } = named(() =>
      fitSoftmax(A, y as Int32Array, { lambda_, K }));
    return (Xnew) => {
      sameNames('softmaxClassifier', X, Xnew);
      return predictProba(toMatrix('softmaxClassifier', Xnew), Theta);
    };
  };
}
// #endregion

// #region log-loss
/** −(1/n) Σᵢ log P[i, yᵢ], Eq. (pp-log-loss), with P clipped to
 *  [ε, 1−ε] and renormalized as scikit-learn 1.2.1 does. */
export function multiclassLogLoss(y: Int32Array, P: Matrix): number {
  checkScores('multiclassLogLoss', y, P);
  const eps = Number.EPSILON;
  const K = P.cols;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    let total = 0;
    for (let k = 0; k < K; k++) {
      total += Math.min(Math.max(P.data[i * K + k], eps), 1 - eps);
    }
    const p = Math.min(Math.max(P.data[i * K + y[i]], eps), 1 - eps);
    sum -= Math.log(p / total);
  }
  return sum / y.length;
}
// #endregion

// #region accuracy
/** The share of rows whose most probable class is the true one. */
export function accuracyFromProba(y: Int32Array, P: Matrix): number {
  checkScores('accuracyFromProba', y, P);
  const K = P.cols;
  let hits = 0;
  for (let i = 0; i < P.rows; i++) {
    let best = 0; // the first of tied classes, as argmax does
    for (let k = 1; k < K; k++) {
      if (P.data[i * K + k] > P.data[i * K + best]) best = k;
    }
    if (best === y[i]) hits += 1;
  }
  return hits / P.rows;
}
// #endregion

/** Runs fit; an error it throws gets this step's name in front. */
function named<T>(fit: () => T): T {
  try {
    return fit();
  } catch (e) {
    (e as Error).message = `softmaxClassifier: ${(e as Error).message}`;
    throw e;
  }
}

function checkClassCount(K: number): void {
  if (!Number.isInteger(K) || K < 2) {
    throw new Error(`softmaxClassifier: K must be an integer >= 2 ` +
      `classes, got ${K}`);
  }
}

function checkScores(fn: string, y: Int32Array, P: Matrix): void {
  if (!(P instanceof Matrix) || P.cols < 2) {
    throw new Error(`${fn}: P must be an n x K Matrix of ` +
      'probabilities with K >= 2');
  }
  checkLabelsFor(fn, y, P.rows);
  checkFinite(fn, 'P', P);
  for (let i = 0; i < y.length; i++) {
    if (y[i] >= P.cols) {
      throw new Error(`${fn}: y[${i}] = ${y[i]} is not a class of ` +
        `P (${P.cols} columns)`);
    }
  }
  for (let t = 0; t < P.data.length; t++) {
    if (P.data[t] < 0 || P.data[t] > 1) {
      throw new Error(`${fn}: P must hold probabilities in [0, 1], ` +
        `got ${P.data[t]}`);
    }
  }
}
