// The predictive distribution of a new target: its mean and variance in
// closed form, and draws from it to check them by Monte Carlo.
import type { Rng } from '../introduction/random.ts';
import {
  Matrix,
  checkFinite,
  dot,
  matvec,
  shapeOf,
} from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { solveLower } from '../decompositions/triangular.ts';
import {
  checkHyper,
  checkPosterior,
  posteriorDistribution,
} from './posterior.ts';
import type { Posterior } from './posterior.ts';

// #region predictive
/** The predictive N(mean, varY) at each row x of Xs, and its parts. */
export interface Predictive {
  mean: Vector; // xᵀm
  varF: Vector; // xᵀSx: how unsure we are of the line at x
  varY: Vector; // xᵀSx + σ²: of a new target at x
}

/** Eqs. (blr-pred-mean) and (blr-pred-var); xᵀSx = ‖L⁻¹x‖² ≥ 0. */
export function predictive(
  p: Posterior, Xs: Matrix, sigma2: number,
): Predictive {
  checkRows('predictive', p, Xs);
  checkHyper('predictive', { sigma2, tau2: 1 });
  const d = Xs.cols;
  const varF = new Float64Array(Xs.rows);
  for (let i = 0; i < Xs.rows; i++) {
    const x = Xs.data.subarray(i * d, (i + 1) * d);
    const z = solveLower(p.L, x); // A = L Lᵀ, so xᵀA⁻¹x = zᵀz
    varF[i] = dot(z, z);
  }
  return {
    mean: matvec(Xs, p.mean),
    varF,
    varY: varF.map((v) => v + sigma2),
  };
}
// #endregion

// #region sample-predictive
/** `draws` targets at x: w from the posterior, then xᵀw + ε. */
export function samplePredictive(
  p: Posterior, x: Vector, sigma2: number, rng: Rng, draws: number,
): Vector {
  checkPoint(p, x);
  checkHyper('samplePredictive', { sigma2, tau2: 1 });
  if (!Number.isInteger(draws) || draws < 1) {
    throw new Error(
      `samplePredictive: draws must be an integer >= 1, got ${draws}`,
    );
  }
  const posterior = posteriorDistribution(p); // N(m, S)
  const out = new Float64Array(draws);
  for (let k = 0; k < draws; k++) {
    const w = posterior.sample(rng);
    out[k] = dot(x, w) + rng.normal(0, Math.sqrt(sigma2));
  }
  return out;
}
// #endregion

function checkRows(fn: string, p: Posterior, Xs: Matrix): void {
  checkPosterior(fn, p);
  if (!(Xs instanceof Matrix) || Xs.cols !== p.mean.length) {
    const got = Xs instanceof Matrix ? shapeOf(Xs) : typeof Xs;
    throw new Error(
      `${fn}: the posterior is over ${p.mean.length} weights, so ` +
        `the points must have ${p.mean.length} columns; got ${got}`,
    );
  }
  checkFinite(fn, 'Xs', Xs);
}

function checkPoint(p: Posterior, x: Vector): void {
  if (!(x instanceof Float64Array) || x.length === 0) {
    throw new Error('samplePredictive: x must be a non-empty ' +
      `Float64Array, got ${x}`);
  }
  checkRows('samplePredictive', p, new Matrix(1, x.length, x));
}
