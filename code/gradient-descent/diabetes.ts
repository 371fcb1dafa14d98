// Gradient descent in practice on the diabetes data: the three variants,
// the schedules, scaling, and early stopping on a small training set.
// Node only: the loader reads the file.
import { createRng } from '../introduction/random.ts';
import {
  requireFiniteArray,
  requireFunction,
  requireInteger,
} from '../introduction/checks.ts';
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import {
  addOnesColumn,
  center,
  fitNormalEquations,
  squaredLoss,
} from '../linear-regression/model.ts';
import { standardize } from '../linear-regression/scaling.ts';
import { DivergenceError } from '../optimization/objective.ts';
import { takeRows } from './batches.ts';
import { hessianSpectrum, stepBounds } from './conditioning.ts';
import { scaleWith } from './early-stopping.ts';
import { minibatchGD, type MinibatchOptions } from './minibatch.ts';
import { cosine, inverseTime, stepDecay } from './schedules.ts';

// #region diabetes-design
/** The design, computed on first use; callers must not modify it. */
let design: {
  X: Matrix; y: Vector; A: Matrix; best: Vector; lossStar: number;
} | undefined;

/**
 * The standardized diabetes features with a column of ones in front,
 * so w₀ is the intercept; the least-squares ŵ and its loss L(ŵ).
 */
export function diabetesDesign() {
  design ??= (() => {
    const { X, y } = loadDiabetes();
    const A = addOnesColumn(standardize(X).Z); // Eq. (lr-standardize)
    const best = fitNormalEquations(A, y, { intercept: false }).w;
    return { X, y, A, best, lossStar: squaredLoss(A, y, best) };
  })();
  return design;
}
// #endregion

// #region variants
/**
 * Batch, mini-batch and stochastic GD. Steps: half the batch bound,
 * a quarter of the per-sample bound, and for b = 32 one chosen by
 * trying (larger steps run but settle at a higher noise floor).
 */
export const VARIANTS = [
  { name: 'batch', batch: 442, eta: 0.25 },
  { name: 'mini-batch', batch: 32, eta: 0.05 },
  { name: 'stochastic', batch: 1, eta: 0.01 },
] as const;

/** L(w) − L(ŵ) after each epoch for every variant, seeded. */
export function variantCurves(epochs: number, seed = 1) {
  checkRun('variantCurves', epochs, seed);
  const { A, y, lossStar } = diabetesDesign();
  return VARIANTS.map((v) => {
    const run = minibatchGD(A, y, { ...v, epochs, seed });
    return { ...v, gaps: run.trainLoss.map((L) => L - lossStar) };
  });
}
// #endregion

// #region over-seeds
/**
 * The excess loss at the end of each run, over seeds 1..seeds: its
 * values and their mean ± standard error, run by run.
 */
export function finalGapsOverSeeds(
  curves: (seed: number) => { gaps: number[] }[],
  seeds: number,
): { values: number[]; mean: number; se: number }[] {
  requireFunction('finalGapsOverSeeds', 'curves', curves);
  requireInteger('finalGapsOverSeeds', 'seeds', seeds, 2);
  const runs = Array.from({ length: seeds }, (_, s) => curves(s + 1));
  return runs[0].map((_, r) => {
    const values = runs.map((c) => c[r].gaps[c[r].gaps.length - 1]);
    return { values, ...meanSe(values) };
  });
}

/** Mean and standard error s/√m of m ≥ 2 values. */
export function meanSe(values: number[]): { mean: number; se: number } {
  requireFiniteArray('meanSe', 'values', values);
  const m = values.length;
  requireInteger('meanSe', 'values.length', m, 2);
  let mean = 0;
  for (const v of values) mean += v / m;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (m - 1) / m) };
}
// #endregion

// #region divergence-demo
/** Steps at and beyond the bounds: the loss, or the error raised. */
export function divergenceDemo(epochs = 100) {
  checkRun('divergenceDemo', epochs);
  const { A, y } = diabetesDesign();
  const bound = stepBounds(A); // Eqs. (lr-step-size), (gd-sample-bound)
  const tries = [
    { batch: 442, eta: 1.02 * bound.batch },
    { batch: 32, eta: bound.batch },
    { batch: 1, eta: 2 * bound.sample },
    { batch: 1, eta: 3 * bound.sample },
  ];
  return tries.map((t) => {
    try {
      const run = minibatchGD(A, y, { ...t, epochs, seed: 1 });
      return { ...t, loss: run.trainLoss[epochs], error: null };
    } catch (e) {
      if (!(e instanceof DivergenceError)) throw e;
      return { ...t, loss: null, error: e.message };
    }
  });
}
// #endregion

// #region schedule-runs
/** SGD on the diabetes data under each schedule from η₀ = 0.02. */
export function scheduleCurves(epochs: number, seed = 1) {
  checkRun('scheduleCurves', epochs, seed);
  const { A, y, lossStar } = diabetesDesign();
  const eta0 = 0.02;
  const schedules: [string, MinibatchOptions['eta']][] = [
    ['constant', eta0],
    ['step decay', stepDecay(eta0, 0.5, 10)], // Eq. (gd-step-decay)
    ['1/t', inverseTime(eta0, 5)], // Eq. (gd-inverse-time)
    ['cosine', cosine(eta0, epochs)], // Eq. (gd-cosine)
  ];
  return schedules.map(([name, eta]) => {
    const run = minibatchGD(A, y, { batch: 1, epochs, eta, seed });
    return { name, eta, gaps: run.trainLoss.map((L) => L - lossStar) };
  });
}
// #endregion

// #region scaling-study
/** The Hessian's spectrum for the raw, centred and scaled designs. */
export function scalingStudy() {
  const { X, y } = loadDiabetes();
  const designs: [string, Matrix][] = [
    ['raw', addOnesColumn(X)],
    ['centred', addOnesColumn(center(X, y).Xc)],
    ['standardized', addOnesColumn(standardize(X).Z)],
  ];
  return designs.map(([name, A]) => ({
    name, A, y, spectrum: hessianSpectrum(A),
  }));
}
// #endregion

// #region early-stopping-study
/** Split sizes: a small training set, where least squares overfits. */
export const SPLIT = { train: 40, validation: 101, seed: 1 } as const;

/** Batch GD with early stopping against least squares, on held-out data. */
export function earlyStoppingStudy(
  epochs = 2000,
  patience = 200,
  seed: number = SPLIT.seed,
) {
  checkRun('earlyStoppingStudy', epochs, seed, patience);
  const { X, y } = loadDiabetes();
  const order = createRng(seed).shuffle([...y.keys()]);
  const cut = [SPLIT.train, SPLIT.train + SPLIT.validation];
  const part = (idx: number[]) => takeRows(X, y, idx);
  const [train, valid, test] = [order.slice(0, cut[0]),
    order.slice(cut[0], cut[1]), order.slice(cut[1])].map(part);
  const { Z, mean, scale } = standardize(train.X); // training statistics
  const design = (M: Matrix) => addOnesColumn(scaleWith(M, mean, scale));
  const [A, Av, At] = [Z, valid.X, test.X].map((M, i) =>
    i === 0 ? addOnesColumn(M) : design(M));
  const eta = 1 / hessianSpectrum(A)[0];
  const run = minibatchGD(A, train.y, { batch: A.rows, epochs, eta,
    validation: { X: Av, y: valid.y }, patience });
  const ols = fitNormalEquations(A, train.y, { intercept: false }).w;
  const testLoss = (w: Vector) => squaredLoss(At, test.y, w);
  return { run, eta, ols, Z, A, y: train.y, Av, validY: valid.y, At,
    testY: test.y, stopped: testLoss(run.w), leastSquares: testLoss(ols),
    testSize: test.y.length };
}
// #endregion

// #region early-stopping-splits
/** How often early stopping beats least squares over many splits. */
export function earlyStoppingSplits(splits: number) {
  requireInteger('earlyStoppingSplits', 'splits', splits, 2);
  const ratios = Array.from({ length: splits }, (_, s) => {
    const study = earlyStoppingStudy(2000, 200, SPLIT.seed + s);
    return study.stopped / study.leastSquares; // test-loss ratio
  });
  const { mean, se } = meanSe(ratios);
  return {
    ratios,
    wins: ratios.filter((r) => r < 1).length,
    meanRatio: mean,
    seRatio: se,
  };
}
// #endregion

/** epochs >= 1, a seed, and patience >= 1 (Infinity: never stop). */
function checkRun(fn: string, epochs: number, seed = 0, patience = 1) {
  requireInteger(fn, 'epochs', epochs, 1);
  requireInteger(fn, 'seed', seed);
  if (patience !== Infinity) requireInteger(fn, 'patience', patience, 1);
}
