// Mini-batch gradient descent on least squares: epochs of shuffled
// batches, a step-size schedule, divergence checks and early stopping.
import { createRng } from '../introduction/random.ts';
import {
  Matrix,
  checkFinite,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import {
  requireFunction,
  requireInteger,
} from '../introduction/checks.ts';
import { checkXy, squaredLoss } from '../linear-regression/model.ts';
import {
  DivergenceError,
  checked,
  gradient,
} from '../optimization/objective.ts';
import { batchGradient, epochBatches } from './batches.ts';
import type { Schedule } from './schedules.ts';

// #region minibatch-types
export interface MinibatchOptions {
  /** Rows per step, 1 <= batch <= n: 1 is SGD, n is batch GD. */
  batch: number;
  /** Passes over the data: the only bound on the work. */
  epochs: number;
  /** A constant step, or a schedule η_e of the epoch. */
  eta: number | Schedule;
  /** Seed of the shuffles (default 0). */
  seed?: number;
  /** Reshuffle every epoch (default true); false keeps row order. */
  shuffle?: boolean;
  /** The start w₀ (default 0). */
  w0?: Vector;
  /** Held-out rows: their loss is recorded, the best w returned. */
  validation?: { X: Matrix; y: Vector };
  /** Stop after this many epochs without a better validation loss. */
  patience?: number;
  /** Keep w after every step, for plots (default false). */
  recordPath?: boolean;
}

export interface MinibatchResult {
  /** The last w or, with validation, the best on it. */
  w: Vector;
  /** The epoch that w is from; steps taken in all. */
  bestEpoch: number;
  steps: number;
  stoppedEarly: boolean;
  /** L(w) on the training rows at the start and after each epoch. */
  trainLoss: number[];
  /** The same on the validation rows (empty without validation). */
  validationLoss: number[];
  /** w₀ and w after every step, if recordPath. */
  path: Vector[];
}
// #endregion

// #region minibatch-gd
/** Mini-batch gradient descent by epochs, Eq. (gd-minibatch-step). */
export function minibatchGD(
  X: Matrix,
  y: Vector,
  opts: MinibatchOptions,
): MinibatchResult {
  const fn = 'minibatchGD';
  const o = resolve(X, y, opts);
  const rng = o.shuffle ? createRng(o.seed) : null;
  const run = start(X, y, o);
  let w = run.w;
  for (let e = 0; e < o.epochs && !run.stoppedEarly; e++) {
    const eta = stepSize(o.eta, e);
    for (const B of epochBatches(X.rows, o.batch, rng)) {
      const grad = (v: Vector) => batchGradient(X, y, v, B);
      const { g } = gradient(fn, grad, w, run.steps); // finite or throw
      w = step(w, g, eta, run.steps);
      run.steps += 1;
      if (o.recordPath) run.path.push(w);
    }
    endEpoch(run, X, y, w, o, e + 1, eta);
  }
  return run;
}
// #endregion

// #region step
/** w − η g, Eq. (gd-minibatch-step); an overflow is a divergence. */
function step(w: Vector, g: Vector, eta: number, k: number): Vector {
  const next = new Float64Array(w.length);
  let finite = true;
  for (let j = 0; j < w.length; j++) {
    next[j] = w[j] - eta * g[j];
    finite &&= Number.isFinite(next[j]);
  }
  if (!finite) {
    throw new DivergenceError(
      `minibatchGD: w overflowed at step ${k + 1} (eta = ${eta})`,
    );
  }
  return next;
}
// #endregion

// #region end-epoch
/** Records the losses after epoch e; divergence and early stopping. */
function endEpoch(
  run: MinibatchResult,
  X: Matrix,
  y: Vector,
  w: Vector,
  o: Resolved,
  e: number,
  eta: number,
): void {
  const fn = 'minibatchGD';
  const loss = checked(fn, squaredLoss(X, y, w), e); // NaN: diverged
  run.trainLoss.push(loss);
  if (loss > run.trainLoss[0]) { // proof for b = n: Eq. (lr-step-size)
    const [from, to, at] = [run.trainLoss[0], loss, eta]
      .map((v) => v.toPrecision(4));
    throw new DivergenceError(
      `${fn}: the loss rose from ${from} at the start to ${to} ` +
        `after epoch ${e}: eta = ${at} is too large for batches ` +
        `of ${o.batch}`,
    );
  }
  if (o.validation === null) {
    [run.w, run.bestEpoch] = [w, e];
    return;
  }
  const v = checked(fn, squaredLoss(o.validation.X, o.validation.y, w), e);
  run.validationLoss.push(v);
  if (v < run.validationLoss[run.bestEpoch]) {
    [run.w, run.bestEpoch] = [w, e]; // a new best: keep its weights
  } else if (e - run.bestEpoch >= o.patience) {
    run.stoppedEarly = true; // Eq. (gd-early-stopping)
  }
}
// #endregion

// #region minibatch-checks
type Resolved = Required<
  Omit<MinibatchOptions, 'validation' | 'seed'>
> & { seed: number; validation: { X: Matrix; y: Vector } | null };

/** The options with defaults filled in, or an error naming the bad one. */
function resolve(X: Matrix, y: Vector, opts: MinibatchOptions): Resolved {
  const fn = 'minibatchGD';
  checkXy(fn, X, y);
  const { batch, epochs, eta, seed = 0, shuffle = true } = opts;
  const w0 = opts.w0 ?? new Float64Array(X.cols);
  if (!(w0 instanceof Float64Array) || w0.length !== X.cols) {
    throw new Error(`${fn}: X is ${shapeOf(X)}, so w0 must be ` +
      `vector(${X.cols}); got ${shapeOf(w0)}`);
  }
  checkFinite(fn, 'w0', w0);
  requireInteger(fn, 'seed', seed);
  requireInteger(fn, 'batch', batch, 1, X.rows);
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new Error(`${fn}: epochs must be an integer >= 1, got ${epochs}`);
  }
  if (typeof eta === 'number') stepSize(eta, 0);
  else requireFunction(fn, 'eta', eta);
  const validation = opts.validation ?? null;
  if (validation !== null) {
    checkXy(fn, validation.X, validation.y);
    if (validation.X.cols !== X.cols) {
      throw new Error(`${fn}: validation X must have ${X.cols} columns, ` +
        `got ${shapeOf(validation.X)}`);
    }
  }
  const patience = opts.patience ?? Infinity;
  const whole = Number.isInteger(patience) || patience === Infinity;
  if (!(patience >= 1 && whole) ||
    (validation === null && opts.patience)) {
    throw new Error(`${fn}: patience must be >= 1 and needs ` +
      `validation data; got ${opts.patience}`);
  }
  return { batch, epochs, eta, seed, shuffle, w0, validation, patience,
    recordPath: opts.recordPath ?? false };
}
// #endregion

// #region minibatch-start
/** The record of a run before its first step. */
function start(X: Matrix, y: Vector, o: Resolved): MinibatchResult {
  const fn = 'minibatchGD';
  const w = Float64Array.from(o.w0);
  const validationLoss = o.validation === null ? [] :
    [checked(fn, squaredLoss(o.validation.X, o.validation.y, w), 0)];
  return {
    w, bestEpoch: 0, steps: 0, stoppedEarly: false,
    trainLoss: [checked(fn, squaredLoss(X, y, w), 0)],
    validationLoss, path: o.recordPath ? [w] : [],
  };
}

/** η_e: the constant, or the schedule at epoch e; finite and > 0. */
function stepSize(eta: number | Schedule, e: number): number {
  const v = typeof eta === 'number' ? eta : eta(e);
  if (!(Number.isFinite(v) && v > 0)) {
    throw new Error(`minibatchGD: eta at epoch ${e} must be finite ` +
      `and > 0, got ${v}`);
  }
  return v;
}
// #endregion
