// Cover and Hart's bound, checked by simulation: on one-dimensional
// two-class problems with a known η(x) = P(y = 1 | x), the error of the
// 1-nearest-neighbour rule approaches E[2η(1 − η)], between the Bayes
// error R* and 2R*(1 − R*). Browser-safe.
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { fitKnnClassifier, predictKnn } from './classifier.ts';

// #region problems
/** x uniform on [0, 1], and y = 1 with probability η(x). */
export interface TwoClassProblem {
  name: string;
  eta: (x: number) => number;
}

export const LINEAR: TwoClassProblem = { name: 'η(x) = x', eta: (x) => x };
export const STEP: TwoClassProblem = {
  name: 'η(x) = 0.1 or 0.9', eta: (x) => (x < 0.5 ? 0.1 : 0.9),
};

/** R* = E min(η, 1 − η), Eq. (knn-bayes-error), and the 1-NN limit
 *  R₁ = E 2η(1 − η), Eq. (knn-nn-limit), by the midpoint rule. */
export function asymptoticRisks(problem: TwoClassProblem, cells = 1e5) {
  checkProblem('asymptoticRisks', problem);
  checkCount('asymptoticRisks', 'cells', cells, 1);
  let bayes = 0;
  let nn = 0;
  for (let c = 0; c < cells; c++) {
    const e = problem.eta((c + 0.5) / cells);
    bayes += Math.min(e, 1 - e) / cells;
    nn += (2 * e * (1 - e)) / cells;
  }
  return { bayes, nn, bound: 2 * bayes * (1 - bayes) };
}
// #endregion

// #region simulate
/** n labelled draws from the problem, as an n × 1 X and labels y. */
export function drawLabelled(problem: TwoClassProblem, n: number,
  rng: Rng) {
  checkProblem('drawLabelled', problem);
  checkCount('drawLabelled', 'n', n, 1);
  const x = rng.uniformArray(n);
  const y = Int32Array.from(x, (v) => (rng.uniform() < problem.eta(v)
    ? 1 : 0));
  return { X: new Matrix(n, 1, x), y };
}

/** The test error of k-NN trained on n draws, on `tests` fresh draws,
 *  over `reps` training sets: its mean and standard error. */
export function knnTestError(
  problem: TwoClassProblem, n: number, k: number,
  spec: { tests: number; reps: number }, rng: Rng,
) {
  checkSimulation(problem, n, k, spec);
  const errors = new Float64Array(spec.reps);
  for (let r = 0; r < spec.reps; r++) {
    const train = drawLabelled(problem, n, rng);
    const test = drawLabelled(problem, spec.tests, rng);
    const model = fitKnnClassifier(train.X, train.y, { k });
    const yHat = predictKnn(model, test.X);
    errors[r] = yHat.reduce((s, v, i) => s + +(v !== test.y[i]), 0) /
      spec.tests;
  }
  const { mean, variance } = moments(errors);
  return { mean, se: Math.sqrt(variance / spec.reps) };
}
// #endregion

function checkSimulation(problem: TwoClassProblem, n: number, k: number,
  spec: { tests: number; reps: number }): void {
  const fn = 'knnTestError';
  checkProblem(fn, problem);
  checkCount(fn, 'n', n, 1);
  checkCount(fn, 'k', k, 1, n);
  checkCount(fn, 'spec.tests', spec?.tests, 1);
  checkCount(fn, 'spec.reps', spec?.reps, 2);
}

function checkProblem(fn: string, problem: TwoClassProblem): void {
  if (typeof problem?.eta !== 'function') {
    throw new Error(`${fn}: problem must have a function eta(x)`);
  }
}

function checkCount(fn: string, name: string, v: number, lo: number,
  hi = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(v) || v < lo || v > hi) {
    throw new Error(`${fn}: ${name} must be an integer in [${lo}, ` +
      `${hi}], got ${v}`);
  }
}
