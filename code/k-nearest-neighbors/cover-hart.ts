// Cover and Hart's bound, checked by simulation: on one-dimensional
// two-class problems with a known π₁(x) = P(y = 1 | x), the error of the
// 1-nearest-neighbour rule approaches E[2π₁(1 − π₁)], between the Bayes
// error R* and 2R*(1 − R*). Browser-safe.
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { argmaxRows, fitKnnClassifier, voteScores } from './classifier.ts';
import { kneighbors } from './model.ts';

// #region problems
/** x uniform on [0, 1], and y = 1 with probability π₁(x). */
export interface TwoClassProblem {
  name: string;
  pi1: (x: number) => number;
}

export const LINEAR: TwoClassProblem = {
  name: 'π₁(x) = x', pi1: (x) => x,
};
export const STEP: TwoClassProblem = {
  name: 'π₁(x) = 0.1 or 0.9', pi1: (x) => (x < 0.5 ? 0.1 : 0.9),
};

/** R* = E min(π₁, 1 − π₁), Eq. (knn-bayes-error), and the 1-NN limit
 *  R₁ = E 2π₁(1 − π₁), Eq. (knn-nn-limit), by the midpoint rule. */
export function asymptoticRisks(problem: TwoClassProblem, cells = 1e5) {
  checkProblem('asymptoticRisks', problem);
  checkCount('asymptoticRisks', 'cells', cells, 1);
  let bayes = 0;
  let nn = 0;
  for (let c = 0; c < cells; c++) {
    const p = problem.pi1((c + 0.5) / cells);
    bayes += Math.min(p, 1 - p) / cells;
    nn += (2 * p * (1 - p)) / cells;
  }
  return { bayes, nn, bound: 2 * bayes * (1 - bayes) };
}
// #endregion

// #region draw
/** n labelled draws from the problem, as an n × 1 X and labels y. */
export function drawLabelled(problem: TwoClassProblem, n: number,
  rng: Rng) {
  checkProblem('drawLabelled', problem);
  checkCount('drawLabelled', 'n', n, 1);
  const x = rng.uniformArray(n);
  const y = Int32Array.from(x, (v) => (rng.uniform() < problem.pi1(v)
    ? 1 : 0));
  return { X: new Matrix(n, 1, x), y };
}
// #endregion

// #region simulate
/** For each k in ks, k-NN's test error over `reps` training sets of
 *  n draws (mean and SE): per set, the exact chance of error, π₁(x) or
 *  1 − π₁(x) by the prediction, averaged over `points` cell midpoints.
 *  One search for the largest k serves every k. */
export function knnTestErrors(
  problem: TwoClassProblem, n: number, ks: number[],
  spec: { points: number; reps: number }, rng: Rng,
) {
  const kMax = checkSimulation(problem, n, ks, spec);
  const { points, reps } = spec;
  const Q = new Matrix(points, 1, Float64Array.from({ length: points },
    (_, c) => (c + 0.5) / points));
  const pi1 = Q.data.map(problem.pi1);
  const errors = ks.map(() => new Float64Array(reps));
  for (let r = 0; r < reps; r++) {
    const train = drawLabelled(problem, n, rng);
    const model = fitKnnClassifier(train.X, train.y, { k: kMax });
    const nb = kneighbors(model, Q);
    ks.forEach((k, s) => {
      const yHat = argmaxRows(voteScores(nb, train.y, 2, 'uniform', k));
      let wrong = 0; // the chance that a label drawn at x differs
      yHat.forEach((v, c) => (wrong += v === 1 ? 1 - pi1[c] : pi1[c]));
      errors[s][r] = wrong / points;
    });
  }
  return ks.map((k, s) => {
    const { mean, variance } = moments(errors[s]);
    return { k, mean, se: Math.sqrt(variance / reps), errors: errors[s] };
  });
}
// #endregion

function checkSimulation(problem: TwoClassProblem, n: number,
  ks: number[], spec: { points: number; reps: number }): number {
  const fn = 'knnTestErrors';
  checkProblem(fn, problem);
  checkCount(fn, 'n', n, 1);
  if (!Array.isArray(ks) || ks.length === 0) {
    throw new Error(`${fn}: ks must be a non-empty array of k, got ${ks}`);
  }
  let kMax = 1;
  for (const k of ks) {
    checkCount(fn, 'every k in ks', k, 1, n);
    kMax = Math.max(kMax, k);
  }
  checkCount(fn, 'spec.points', spec?.points, 1);
  checkCount(fn, 'spec.reps', spec?.reps, 2);
  return kMax;
}

function checkProblem(fn: string, problem: TwoClassProblem): void {
  if (typeof problem?.pi1 !== 'function') {
    throw new Error(`${fn}: problem must have a function pi1(x)`);
  }
}

function checkCount(fn: string, name: string, v: number, lo: number,
  hi = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(v) || v < lo || v > hi) {
    throw new Error(`${fn}: ${name} must be an integer in [${lo}, ` +
      `${hi}], got ${v}`);
  }
}
