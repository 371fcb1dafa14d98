// The t-SNE objective (Student-t similarities q_ij in the map, the
// Kullback-Leibler divergence KL(P || Q) and its exact gradient) and
// the optimiser of scikit-learn's exact method.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkData, checkInt, checkJoint, checkRange,
} from './checks.ts';

// #region kl-gradient
/**
 * KL(P || Q), Eq. (tsne-kl), and its gradient, Eq. (tsne-gradient),
 * written into grad (n x 2). P is n x n, symmetric, zero diagonal;
 * `work` (n x n) receives the kernel (1 + ||y_i - y_j||^2)^-1. The
 * logarithms cost most: like sklearn, KL is skipped (NaN) unless asked.
 */
function klGradient(P: Float64Array, Y: Matrix, grad: Float64Array,
  work: Float64Array, exaggeration: number, withKl: boolean): number {
  const n = Y.rows, y = Y.data;
  let z = 0; // Z = sum over i != j of the kernel, Eq. (tsne-q)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
      const w = 1 / (1 + dx * dx + dy * dy); // Eq. (tsne-student)
      work[i * n + j] = w;
      z += 2 * w;
    }
  }
  grad.fill(0);
  let kl = withKl ? 0 : NaN;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = work[i * n + j], p = exaggeration * P[i * n + j];
      const q = Math.max(w / z, Number.EPSILON);
      if (withKl) kl += 2 * p * Math.log(Math.max(p, Number.EPSILON) / q);
      const m = 4 * (p - q) * w; // Eq. (tsne-gradient)
      const dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
      grad[2 * i] += m * dx; grad[2 * i + 1] += m * dy;
      grad[2 * j] -= m * dx; grad[2 * j + 1] -= m * dy;
    }
  }
  return kl;
}
// #endregion

/** KL(P || Q) of the map Y and its gradient, checked. */
export function klDivergence(P: Float64Array, Y: Matrix) {
  checkData('klDivergence', Y, 'Y');
  if (Y.cols !== 2) {
    throw new Error(`klDivergence: Y must have 2 columns, got ` +
      `${Y.rows} x ${Y.cols}`);
  }
  checkJoint('klDivergence', P, Y.rows);
  const n = Y.rows;
  const grad = new Float64Array(2 * n);
  const kl = klGradient(P, Y, grad, new Float64Array(n * n), 1, true);
  return { kl, grad };
}

// #region options
export interface TsneOptions {
  /** eta (default 200, sklearn's default before 1.2; 1.2 has "auto"). */
  readonly learningRate?: number;
  /** Total iterations, both phases (sklearn's n_iter, default 1000). */
  readonly nIter?: number;
  /** alpha, multiplies P in the first phase (default 12). */
  readonly earlyExaggeration?: number;
  /** Length of the first phase (default 250). */
  readonly explorationIter?: number;
  /** Stop when ||gains * grad|| <= this at a check (default 1e-7). */
  readonly minGradNorm?: number;
  /** Stop after this many iterations with no better KL (300). */
  readonly nIterWithoutProgress?: number;
}

export interface TsneResult {
  readonly Y: Matrix;
  /** KL(P || Q) at the last gradient evaluation (sklearn's value). */
  readonly kl: number;
  /** Index of the last iteration run (sklearn's n_iter_). */
  readonly iterations: number;
  /** KL every CHECK_EVERY iterations: [iteration + 1, kl] pairs. */
  readonly history: number[][];
}

export const CHECK_EVERY = 50; // sklearn's _N_ITER_CHECK
// #endregion

// #region descend
interface State {
  P: Float64Array; Y: Matrix; grad: Float64Array; work: Float64Array;
  update: Float64Array; gains: Float64Array; history: number[][];
}

/** Iterations from..to-1 of sklearn's _gradient_descent. */
function descend(s: State, from: number, to: number, momentum: number,
  exaggeration: number, eta: number, minGradNorm: number,
  patience: number): { kl: number; last: number } {
  const { Y, grad, update, gains } = s, y = Y.data;
  update.fill(0); gains.fill(1); // sklearn restarts both per phase
  let kl = NaN, best = Infinity, bestIter = from, i = from;
  for (; i < to; i++) {
    const check = (i + 1) % CHECK_EVERY === 0;
    kl = klGradient(s.P, Y, grad, s.work, exaggeration,
      check || i === to - 1);
    for (let k = 0; k < y.length; k++) {
      // delta-bar-delta, Eq. (tsne-gains): grow while the sign keeps
      gains[k] = update[k] * grad[k] < 0 ? gains[k] + 0.2 : gains[k] * 0.8;
      if (gains[k] < 0.01) gains[k] = 0.01;
      grad[k] *= gains[k];
      update[k] = momentum * update[k] - eta * grad[k]; // Eq. (tsne-step)
      y[k] += update[k];
    }
    if (!check) continue;
    s.history.push([i + 1, kl]);
    let norm = 0;
    for (let k = 0; k < y.length; k++) norm += grad[k] * grad[k];
    if (kl < best) { best = kl; bestIter = i; }
    else if (i - bestIter > patience) break;
    if (Math.sqrt(norm) <= minGradNorm) break;
  }
  return { kl, last: Math.min(i, to - 1) };
}
// #endregion

// #region tsne
/** t-SNE from the joint P and a starting map Y0 (n x 2, not changed). */
export function tsne(P: Float64Array, Y0: Matrix,
  options: TsneOptions = {}): TsneResult {
  const o = checkTsne('tsne', P, Y0, options);
  const n = Y0.rows;
  const s: State = { P, Y: new Matrix(n, 2, Y0.data.slice()),
    grad: new Float64Array(2 * n), work: new Float64Array(n * n),
    update: new Float64Array(2 * n), gains: new Float64Array(2 * n),
    history: [] };
  const phase1 = Math.min(o.explorationIter, o.nIter);
  let r = descend(s, 0, phase1, 0.5, o.earlyExaggeration,
    o.learningRate, o.minGradNorm, o.explorationIter);
  if (r.last + 1 < o.nIter) {
    r = descend(s, r.last + 1, o.nIter, 0.8, 1, o.learningRate,
      o.minGradNorm, o.nIterWithoutProgress);
  }
  return { Y: s.Y, kl: r.kl, iterations: r.last, history: s.history };
}
// #endregion

function checkTsne(fn: string, P: Float64Array, Y0: Matrix,
  o: TsneOptions): Required<TsneOptions> {
  checkData(fn, Y0, 'Y0');
  if (Y0.cols !== 2) {
    throw new Error(`${fn}: Y0 must have 2 columns, got ` +
      `${Y0.rows} x ${Y0.cols}`);
  }
  checkJoint(fn, P, Y0.rows);
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
  const r = {
    learningRate: o.learningRate ?? 200, nIter: o.nIter ?? 1000,
    earlyExaggeration: o.earlyExaggeration ?? 12,
    explorationIter: o.explorationIter ?? 250,
    minGradNorm: o.minGradNorm ?? 1e-7,
    nIterWithoutProgress: o.nIterWithoutProgress ?? 300,
  };
  checkRange(fn, 'options.learningRate', r.learningRate, 0);
  checkInt(fn, 'options.nIter', r.nIter, 1);
  checkRange(fn, 'options.earlyExaggeration', r.earlyExaggeration, 0);
  checkInt(fn, 'options.explorationIter', r.explorationIter, 0);
  checkRange(fn, 'options.minGradNorm', r.minGradNorm, 0, Infinity, true);
  checkInt(fn, 'options.nIterWithoutProgress', r.nIterWithoutProgress, 1);
  return r;
}
