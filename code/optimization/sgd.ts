// Stochastic gradient descent on a finite sum f = (1/n) Σ f_i, with
// minibatches drawn with replacement from the book's seeded generator.
import {
  Matrix,
  checkFinite,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { createRng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';
import {
  checkStart,
  checked,
  type Fn,
} from './objective.ts';

// #region finite-sum
/** f(x) = (1/n) Σ_i f_i(x), Eq. (opt-finite-sum). */
export interface FiniteSum {
  n: number;
  /** The full objective f(x): O(n) work. */
  f: Fn;
  /** ∇f_i(x) for one term i in [0, n): O(1) in n. */
  gradI: (i: number, x: Vector) => Vector;
}

export interface SGDOptions {
  /** A constant step, or the step η_k of step k = 0, 1, … */
  eta: number | ((k: number) => number);
  /** Number of steps (there is no stopping test). */
  steps: number;
  /** Terms per minibatch, drawn with replacement; default 1. */
  batch?: number;
  seed: number;
  /** Record x and f(x) every this many steps; default 1. */
  recordEvery?: number;
}

export interface SGDResult {
  x: Vector;
  /** (k, x_k, f(x_k)) at k = 0, recordEvery, 2 recordEvery, … */
  history: { k: number; x: Vector; f: number }[];
}
// #endregion

// #region sgd
/** x_{k+1} = x_k − η_k · (mean of b sampled ∇f_i), Eq. (opt-sgd). */
export function sgd(p: FiniteSum, x0: Vector, opts: SGDOptions): SGDResult {
  const fn = 'sgd';
  const { steps, batch = 1, recordEvery = 1 } = checkSgd(p, x0, opts);
  const rate = typeof opts.eta === 'number'
    ? (() => opts.eta) as (k: number) => number
    : opts.eta;
  const rng = createRng(opts.seed);
  let x = Float64Array.from(x0);
  const history = [{ k: 0, x, f: checked(fn, p.f(x), 0) }];
  for (let k = 0; k < steps; k++) {
    const eta = rate(k);
    if (!(Number.isFinite(eta) && eta > 0)) {
      throw new Error(`${fn}: eta(${k}) must be > 0, got ${eta}`);
    }
    const step = new Float64Array(x.length);
    for (let b = 0; b < batch; b++) {
      const gi = p.gradI(rng.int(0, p.n), x); // unbiased: E ∇f_i = ∇f
      for (let j = 0; j < x.length; j++) step[j] += gi[j] / batch;
    }
    x = x.map((xj, j) => xj - eta * step[j]);
    if ((k + 1) % recordEvery === 0) {
      history.push({ k: k + 1, x, f: checked(fn, p.f(x), k + 1) });
    }
  }
  return { x, history };
}
// #endregion

function checkSgd(p: FiniteSum, x0: Vector, o: SGDOptions) {
  const fn = 'sgd';
  if (!Number.isInteger(p.n) || p.n < 1) {
    throw new Error(`${fn}: expected n >= 1 terms, got ${p.n}`);
  }
  checkStart(fn, x0);
  requireInteger(fn, 'steps', o.steps, 1);
  requireInteger(fn, 'seed', o.seed);
  for (const [name, v] of [
    ['batch', o.batch ?? 1],
    ['recordEvery', o.recordEvery ?? 1],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`${fn}: ${name} must be an integer >= 1, got ${v}`);
    }
  }
  if (typeof o.eta === 'number' && !(Number.isFinite(o.eta) && o.eta > 0)) {
    throw new Error(`${fn}: eta must be > 0, got ${o.eta}`);
  }
  return { steps: o.steps, batch: o.batch, recordEvery: o.recordEvery };
}

// #region mean-problem
/**
 * f(x) = (1/n) Σ ½‖x − a_i‖² for the rows a_i of A: minimized by the
 * mean ā, with f(x) − f(ā) = ½‖x − ā‖², Eq. (opt-mean-problem).
 */
export function meanProblem(A: Matrix): FiniteSum & {
  mean: Vector;
  /** σ² = (1/n) Σ ‖a_i − ā‖², the variance of one ∇f_i. */
  sigma2: number;
} {
  checkFinite('meanProblem', 'A', A);
  const { rows: n, cols: d } = A;
  const mean = new Float64Array(d);
  for (let t = 0; t < n * d; t++) mean[t % d] += A.data[t] / n;
  let sigma2 = 0;
  for (let t = 0; t < n * d; t++) sigma2 += (A.data[t] - mean[t % d]) ** 2;
  sigma2 /= n;
  const gradI = (i: number, x: Vector): Vector => {
    if (x.length !== d) {
      throw new Error(`meanProblem: x must have length ${d}, ` +
        `got ${shapeOf(x)}`);
    }
    return x.map((xj, j) => xj - A.data[i * d + j]); // ∇f_i = x − a_i
  };
  // (1/n) Σ ½‖x − a_i‖² = ½‖x − ā‖² + ½σ²: O(d), not O(nd)
  const f = (x: Vector): number =>
    0.5 * gradI(0, x).reduce((a, _, j) => a + (x[j] - mean[j]) ** 2, 0) +
    0.5 * sigma2;
  return { n, f, gradI, mean, sigma2 };
}
// #endregion

// #region mean-theory
/**
 * E‖x_k − ā‖² for constant-step SGD on meanProblem, Eq. (opt-sgd-mse):
 * the start error decays like (1 − η)^(2k) towards the floor.
 */
export function sgdMeanSquaredError(
  eta: number,
  sigma2: number,
  batch: number,
  start: number,
  k: number,
): number {
  const ok = eta > 0 && eta < 2 && sigma2 >= 0 && start >= 0 &&
    Number.isFinite(sigma2) && Number.isFinite(start);
  if (!ok) {
    throw new Error(
      `sgdMeanSquaredError: expected 0 < eta < 2, sigma2 >= 0, ` +
        `start >= 0; got ${eta}, ${sigma2}, ${start}`,
    );
  }
  requireInteger('sgdMeanSquaredError', 'batch', batch, 1);
  requireInteger('sgdMeanSquaredError', 'k', k);
  const floor = (eta * sigma2) / (batch * (2 - eta)); // Eq. (opt-sgd-floor)
  return (1 - eta) ** (2 * k) * (start - floor) + floor;
}
// #endregion
