// Rosenblatt's perceptron and two variants for data that no line
// separates: the pocket algorithm and the averaged perceptron. All three
// visit the examples in their stored order, as scikit-learn does with
// shuffle=False. Browser-safe: no node imports.
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import type { LinearFit } from '../linear-regression/model.ts';
import { checkSigns, errorsOf, scoreRow } from './model.ts';

// #region rule
/** A separator being trained, and how many updates it has had. */
interface RunState extends LinearFit {
  mistakes: number;
}

/**
 * Rosenblatt's rule on example i, Eq. (pcp-rule): if y_i z_i <= 0 then
 * w += η y_i x_i and b += η y_i, an SGD step, Eq. (pcp-sgd-step).
 * Returns true if example i was a mistake.
 */
function visit(
  X: Matrix,
  y: Vector,
  i: number,
  s: RunState,
  eta: number,
): boolean {
  if (y[i] * scoreRow(X, i, s) > 0) return false;
  const step = eta * y[i];
  const d = X.cols;
  for (let j = 0; j < d; j++) s.w[j] += step * X.data[i * d + j];
  s.b += step;
  s.mistakes++;
  return true;
}

function start(X: Matrix): RunState {
  return { w: new Float64Array(X.cols), b: 0, mistakes: 0 };
}
// #endregion

// #region perceptron-types
export interface PerceptronOptions {
  /** Passes over the data, at most. */
  maxEpochs: number;
  /** Step size η > 0; default 1 (from θ = 0 it only scales θ). */
  eta?: number;
  /** Throw if no pass is free of mistakes; default true. */
  requireConvergence?: boolean;
}

/** θ right after an update at example i in pass `epoch`. */
export interface Mistake extends LinearFit {
  epoch: number;
  i: number;
}

export interface PerceptronResult extends LinearFit {
  mistakes: number;
  /** Passes made, the final mistake-free one included. */
  epochs: number;
  /** True if the last pass made no mistake: the run is over. */
  converged: boolean;
  /** θ after every update, in order. */
  history: Mistake[];
}
// #endregion

// #region perceptron
/** Rosenblatt's perceptron from θ = 0 until a pass makes no mistake. */
export function perceptron(
  X: Matrix,
  y: Vector,
  opts: PerceptronOptions,
): PerceptronResult {
  const fn = 'perceptron';
  const eta = checkRun(fn, X, y, opts.maxEpochs, opts.eta);
  const s = start(X);
  const history: Mistake[] = [];
  let epochs = 0;
  let clean = false;
  while (!clean && epochs < opts.maxEpochs) {
    epochs++;
    clean = true;
    for (let i = 0; i < X.rows; i++) {
      if (!visit(X, y, i, s, eta)) continue;
      clean = false;
      history.push({ epoch: epochs, i, w: s.w.slice(), b: s.b });
    }
  }
  if (!clean && (opts.requireConvergence ?? true)) {
    throw new Error(
      `${fn}: still ${errorsOf(X, y, s)} errors after ${epochs} ` +
        `passes (${s.mistakes} updates); the data may not be linearly ` +
        'separable. Use pocketPerceptron or averagedPerceptron, or ' +
        'pass requireConvergence: false',
    );
  }
  return { ...s, epochs, converged: clean, history };
}
// #endregion

// #region pocket
/** Training errors right after one update. */
export interface UpdateErrors {
  /** Examples visited so far, this one included. */
  visit: number;
  /** Errors of the current iterate θ. */
  last: number;
  /** Errors of the pocket's θ, or of the average. */
  kept: number;
}

/**
 * The pocket algorithm with ratchet, Eq. (pcp-pocket): the rule runs
 * for `epochs` passes; after each update the new θ goes into the
 * pocket if it makes fewer training errors than the pocket's θ.
 */
export function pocketPerceptron(
  X: Matrix,
  y: Vector,
  opts: { epochs: number; eta?: number },
) {
  const eta = checkRun('pocketPerceptron', X, y, opts.epochs, opts.eta);
  const s = start(X);
  // θ = 0 scores every example 0: all n count as errors
  let pocket = { w: s.w.slice(), b: 0, errors: X.rows };
  const trace: UpdateErrors[] = [];
  for (let t = 0; t < opts.epochs * X.rows; t++) {
    if (!visit(X, y, t % X.rows, s, eta)) continue;
    const errors = errorsOf(X, y, s); // O(nd) per update
    if (errors < pocket.errors) {
      pocket = { w: s.w.slice(), b: s.b, errors };
    }
    trace.push({ visit: t + 1, last: errors, kept: pocket.errors });
  }
  return { pocket, last: s, trace };
}
// #endregion

// #region averaged
/**
 * The averaged perceptron, Eq. (pcp-average): the rule runs for
 * `epochs` = m passes, and the result is the mean of θ over all T = nm
 * visits, mistakes or not.
 */
export function averagedPerceptron(
  X: Matrix,
  y: Vector,
  opts: { epochs: number; eta?: number },
) {
  const eta = checkRun('averagedPerceptron', X, y, opts.epochs, opts.eta);
  const s = start(X);
  const T = opts.epochs * X.rows;
  const sum = { w: new Float64Array(X.cols), b: 0 };
  const trace: UpdateErrors[] = [];
  for (let t = 0; t < T; t++) {
    const updated = visit(X, y, t % X.rows, s, eta);
    for (let j = 0; j < X.cols; j++) sum.w[j] += s.w[j];
    sum.b += s.b;
    if (!updated) continue;
    // the sum and the mean have the same signs: no division needed
    const kept = errorsOf(X, y, sum);
    trace.push({ visit: t + 1, last: errorsOf(X, y, s), kept });
  }
  const averaged = { w: sum.w.map((v) => v / T), b: sum.b / T };
  return { averaged, last: s, trace };
}
// #endregion

// #region checks
/** Checks X, y, the number of passes and η; returns η. */
function checkRun(
  fn: string,
  X: Matrix,
  y: Vector,
  epochs: number,
  eta = 1,
): number {
  checkSigns(fn, X, y);
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new Error(
      `${fn}: the number of passes must be an integer >= 1, ` +
        `got ${epochs}`,
    );
  }
  if (!(Number.isFinite(eta) && eta > 0)) {
    throw new Error(`${fn}: eta must be a finite number > 0, got ${eta}`);
  }
  return eta;
}
// #endregion
