// Pegasos (Shalev-Shwartz, Singer, Srebro and Cotter 2011): stochastic
// subgradient descent on the hinge-loss primal of a linear SVM.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { createRng } from '../introduction/random.ts';
import {
  checkCount, checkMatrix, checkPositive, checkSigns,
} from './checks.ts';

export interface PegasosOptions {
  lambda_: number; // λ = 1/(nC), Eq. (sv-hinge-primal)
  iterations: number;
  batch?: number; // k samples per step
  seed?: number;
  every?: number; // record the objective every this many steps
}

// #region hinge-objective
/** λ/2 ‖w‖² + (1/n) Σ max(0, 1 − y_i(wᵀx_i + b)), Eq. (sv-hinge-primal). */
export function hingeObjective(
  X: Matrix, y: Int8Array, w: Float64Array, b: number, lambda_: number,
): number {
  checkSigns('hingeObjective', y);
  checkMatrix('hingeObjective', 'X', X, y.length, undefined, 'y has');
  if (!(w instanceof Float64Array) || w.length !== X.cols) {
    throw new Error(`hingeObjective: w must be a Float64Array of ` +
      `${X.cols}, one per column of X`);
  }
  for (const v of [...w, b]) {
    if (!Number.isFinite(v)) {
      throw new Error(`hingeObjective: w and b must be finite, got ${v}`);
    }
  }
  checkPositive('hingeObjective', 'lambda_', lambda_);
  let loss = 0, ww = 0;
  for (let i = 0; i < X.rows; i++) {
    loss += Math.max(0, 1 - y[i] * (rowDot(X, i, w) + b));
  }
  for (const v of w) ww += v * v;
  return (lambda_ / 2) * ww + loss / X.rows;
}
// #endregion

// #region pegasos
/**
 * Step t: η = 1/(λt); w ← (1 − ηλ)w + (η/k) Σ y_i x_i over the batch
 * samples with margin < 1, Eq. (sv-pegasos); b, unregularized, takes
 * the same subgradient step.
 */
export function pegasos(X: Matrix, y: Int8Array, o: PegasosOptions) {
  const { lambda_, iterations, batch = 1, seed = 0, every = 1 } = o;
  checkPegasos(X, y, lambda_, iterations, batch, seed, every);
  const rng = createRng(seed);
  const w = new Float64Array(X.cols), g = new Float64Array(X.cols);
  let b = 0;
  const trace: { t: number; objective: number }[] = [];
  for (let t = 1; t <= iterations; t++) {
    const eta = 1 / (lambda_ * t);
    g.fill(0);
    let gb = 0;
    for (let s = 0; s < batch; s++) {
      const i = rng.int(0, X.rows); // uniform over the rows
      if (y[i] * (rowDot(X, i, w) + b) >= 1) continue;
      for (let j = 0; j < X.cols; j++) {
        g[j] += y[i] * X.data[i * X.cols + j];
      }
      gb += y[i];
    }
    for (let j = 0; j < X.cols; j++) {
      w[j] = (1 - eta * lambda_) * w[j] + (eta / batch) * g[j];
    }
    b += (eta / batch) * gb;
    if (t % every === 0) {
      trace.push({ t, objective: hingeObjective(X, y, w, b, lambda_) });
    }
  }
  return { w, b, trace };
}
// #endregion

function rowDot(X: Matrix, i: number, w: Float64Array): number {
  let s = 0;
  for (let j = 0; j < X.cols; j++) s += X.data[i * X.cols + j] * w[j];
  return s;
}

function checkPegasos(
  X: Matrix, y: Int8Array, lambda_: number, iterations: number,
  batch: number, seed: number, every: number,
): void {
  checkSigns('pegasos', y);
  checkMatrix('pegasos', 'X', X, y.length, undefined, 'y has');
  checkPositive('pegasos', 'lambda_', lambda_);
  checkCount('pegasos', 'iterations', iterations, 1);
  checkCount('pegasos', 'batch', batch, 1);
  checkCount('pegasos', 'seed', seed, 0);
  checkCount('pegasos', 'every', every, 1);
}
