// What goes wrong with least squares: collinear features and a single
// outlier, as small seeded experiments that the chapter plots.
import { createRng } from '../introduction/random.ts';
import {
  calledAs,
  requireFiniteArray,
  requireInteger,
} from '../introduction/checks.ts';
import {
  Matrix,
  matmul,
  scale,
  shapeOf,
  transpose,
} from '../linear-algebra/matrix.ts';
import {
  SingularMatrixError,
  luFactor,
  luSolve,
  solve,
} from '../linear-algebra/solve.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { center, fitNormalEquations, predict } from './model.ts';
import type { LinearFit } from './model.ts';
import { standardize } from './scaling.ts';
import { linearData } from './synthetic.ts';

// #region diagnostics
/** R = ZᵀZ/n: the correlations of X's columns, and the Hessian on Z. */
export function correlationMatrix(X: Matrix): Matrix {
  const { Z } = calledAs('correlationMatrix', () => standardize(X));
  return scale(matmul(transpose(Z), Z), 1 / Z.rows);
}

/**
 * VIF_j = [R⁻¹]_jj: how many times correlation with the other
 * features inflates the variance of ŵ_j, Eq. (lr-vif).
 */
export function varianceInflationFactors(X: Matrix): Vector {
  const R = calledAs('varianceInflationFactors',
    () => correlationMatrix(X));
  let lu;
  try {
    lu = luFactor(R);
  } catch (e) {
    if (!(e instanceof SingularMatrixError)) throw e;
    throw new SingularMatrixError(
      `varianceInflationFactors: the columns of X (${shapeOf(X)}) are ` +
        `linearly dependent: some VIF is infinite. ${e.message}`,
    );
  }
  const d = R.rows;
  const vif = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const e = new Float64Array(d);
    e[j] = 1;
    vif[j] = luSolve(lu, e)[j]; // entry j of column j of R⁻¹
  }
  return vif;
}
// #endregion

export interface CollinearitySpec {
  rho: number;
  n?: number;
  reps?: number;
  noise?: number;
  seed?: number;
}

// #region collinearity
/**
 * One fixed design of n rows whose two features have correlation about
 * rho; y = x₁ + x₂ + ε is redrawn `reps` times and refitted. Returns
 * every estimate (ŵ₁, ŵ₂): their spread is σ²(XᵀX)⁻¹, Eq. (lr-cov).
 */
export function collinearityExperiment(
  spec: CollinearitySpec,
): { X: Matrix; w1: number[]; w2: number[] } {
  const { rho, n = 50, reps = 200, noise = 1, seed = 1 } = spec;
  checkDraws('collinearityExperiment', seed, noise);
  const sizes = Number.isInteger(n) && n >= 3 && Number.isInteger(reps);
  if (!(Math.abs(rho) < 1) || !sizes || reps < 1) {
    throw new Error(
      `collinearityExperiment: need |rho| < 1, integers n >= 3 and ` +
        `reps >= 1; got rho = ${rho}, n = ${n}, reps = ${reps}`,
    );
  }
  const rng = createRng(seed);
  const X = new Matrix(n, 2);
  for (let i = 0; i < n; i++) {
    const [z1, z2] = [rng.normal(), rng.normal()];
    X.set(i, 0, z1);
    X.set(i, 1, rho * z1 + Math.sqrt(1 - rho * rho) * z2);
  }
  const signal = predict(X, Float64Array.of(1, 1)); // true w = (1, 1)
  const w1: number[] = [];
  const w2: number[] = [];
  for (let r = 0; r < reps; r++) {
    const y = signal.map((s) => s + rng.normal(0, noise));
    const { w } = fitNormalEquations(X, y);
    w1.push(w[0]);
    w2.push(w[1]);
  }
  return { X, w1, w2 };
}
// #endregion

// #region outlier
/**
 * n points near the line y = 1 + x/2 on [0, 10), fitted with and
 * without one extra point far to the right and below the line.
 */
export function outlierExperiment(
  { seed = 3, n = 20, at = [18, 1] } = {},
): {
  x: Vector;
  y: Vector;
  outlier: number[];
  clean: LinearFit;
  withOutlier: LinearFit;
} {
  checkOutlier(seed, n, at);
  const { X, y } = linearData({
    seed, n, w: [0.5], b: 1, noise: 0.5, lo: 0, hi: 10,
  });
  const clean = fitNormalEquations(X, y);
  const Xo = new Matrix(n + 1, 1);
  Xo.data.set(X.data);
  Xo.data[n] = at[0];
  const yo = new Float64Array(n + 1);
  yo.set(y);
  yo[n] = at[1];
  const withOutlier = fitNormalEquations(Xo, yo);
  return { x: X.data, y, outlier: at, clean, withOutlier };
}
// #endregion

/** The correlations of the collinearity figure's two designs. */
export const COLLINEAR_RHOS = [0, 0.95] as const;

/**
 * The figure's two experiments (seeded), each with the sample
 * correlation of its design, the s.d. of ŵ₁ over the repetitions with
 * its standard error s/√(2(R − 1)), the s.d. that Eq. (lr-cov) predicts
 * for the centred design with σ = 1, and the s.d. of ŵ₁ + ŵ₂.
 */
export function collinearityStudy(seed = 6) {
  requireInteger('collinearityStudy', 'seed', seed);
  return COLLINEAR_RHOS.map((rho) => {
    const e = collinearityExperiment({ rho, seed });
    const sd1 = sampleSd(e.w1);
    const { Xc } = center(e.X, new Float64Array(e.X.rows));
    const G = matmul(transpose(Xc), Xc);
    const inverse11 = solve(G, Float64Array.of(1, 0))[0]; // [(XcᵀXc)⁻¹]₁₁
    return {
      rho,
      ...e,
      r: correlationMatrix(e.X).get(0, 1),
      sd1,
      se1: sd1 / Math.sqrt(2 * (e.w1.length - 1)),
      predictedSd1: Math.sqrt(inverse11),
      sdSum: sampleSd(e.w1.map((v, i) => v + e.w2[i])),
    };
  });
}

/** The sample standard deviation (divisor R − 1) of R ≥ 2 draws. */
function sampleSd(xs: number[]): number {
  let mean = 0;
  for (const x of xs) mean += x / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

// Input checks of the experiments above.

function checkDraws(fn: string, seed: number, noise: number): void {
  requireInteger(fn, 'seed', seed);
  if (!(Number.isFinite(noise) && noise >= 0)) {
    throw new Error(`${fn}: noise must be finite and >= 0, got ${noise}`);
  }
}

function checkOutlier(seed: number, n: number, at: number[]): void {
  const fn = 'outlierExperiment';
  requireInteger(fn, 'seed', seed);
  requireInteger(fn, 'n', n, 2);
  requireFiniteArray(fn, 'at', at);
  if (at.length !== 2) {
    throw new Error(`${fn}: at must be a point (x, y), got ${at}`);
  }
}
