// The chapter's simulations on y = sin(2πx) + ε: the sweep over degree,
// the fits behind it, learning curves, and the conditioning of the
// polynomial design. Seeded; the figures and the prose read these.
import { requireInteger } from '../introduction/checks.ts';
import { createRng } from '../introduction/random.ts';
import { monomials } from '../decompositions/conditioning.ts';
import { svd } from '../decompositions/svd.ts';
import {
  decompose,
  simulate,
  type Problem,
} from './bias-variance.ts';
import {
  fixedDesign,
  optimismSimulation,
  optimismTheory,
} from './optimism.ts';
import { polynomialDesign } from './polynomial.ts';

// #region sine-problem
/** The running example: y = sin(2πx) + ε on [0, 1], σ = 0.3. */
export const SINE: Problem = {
  f: (x) => Math.sin(2 * Math.PI * x),
  sigma: 0.3,
  domain: { lo: 0, hi: 1 },
};

/** m test inputs at the midpoints of m equal cells of [0, 1]. */
function testGrid(m: number): Float64Array {
  return Float64Array.from({ length: m }, (_, t) => (t + 0.5) / m);
}
// #endregion

// #region degree-sweep
export const SWEEP = { n: 30, reps: 500, maxDegree: 10, grid: 50 };

/** Bias², variance, noise and test error for degrees 0..maxDegree. */
export function degreeSweep() {
  const { n, reps, maxDegree, grid } = SWEEP;
  const xTest = testGrid(grid);
  return Array.from({ length: maxDegree + 1 }, (_, degree) => {
    const rng = createRng(1000 + degree); // one stream per degree
    const sim = simulate(SINE, { degree, n, reps, xTest }, rng);
    return { degree, ...decompose(sim, SINE) };
  });
}
// #endregion

/** Degrees of the fits figure, fits drawn, and grid of inputs. */
export const FITS = { degrees: [1, 3, 9], shown: 20, reps: 500 };

/** All fits at each degree of FITS on a fine grid (for the figure). */
export function fitsAtDegrees() {
  const xTest = testGrid(60);
  return FITS.degrees.map((degree) => {
    const rng = createRng(2000 + degree);
    const sim = simulate(SINE, {
      degree, n: SWEEP.n, reps: FITS.reps, xTest,
    }, rng);
    return { degree, sim, ...decompose(sim, SINE) };
  });
}

// #region learning-curves
export const CURVES = {
  degrees: [1, 5],
  sizes: [10, 12, 15, 20, 30, 40, 60, 80, 120, 160, 240, 320],
  reps: 300,
};

/** Expected training and test error against n, per degree. */
export function learningCurves() {
  const xTest = testGrid(SWEEP.grid);
  return CURVES.degrees.map((degree) => ({
    degree,
    points: CURVES.sizes.map((n) => {
      const rng = createRng(3000 + 100 * degree + n);
      const sim = simulate(SINE, { degree, n, reps: CURVES.reps, xTest },
        rng);
      return { n, ...decompose(sim, SINE) };
    }),
  }));
}
// #endregion

// #region conditioning
/** κ(X) of the degree-q design at m points evenly spread over [0, 1]:
 * raw powers xʲ against powers of the rescaled t = 2x − 1. */
export function designConditioning(degree: number, m = 50) {
  requireInteger('designConditioning', 'degree', degree);
  requireInteger('designConditioning', 'm', m, degree + 1);
  const kappa = (s: Float64Array) => s[0] / s[s.length - 1];
  const raw = svd(monomials(m, degree + 1)).s;
  const x = Float64Array.from({ length: m }, (_, i) => i / (m - 1));
  const scaled = svd(polynomialDesign(x, degree, SINE.domain)).s;
  return { degree, raw: kappa(raw), scaled: kappa(scaled) };
}
// #endregion

// #region optimism-table
export const OPTIMISM = { n: 20, degrees: [0, 1, 3, 5, 7, 9], reps: 2000 };

/** Predicted and simulated optimism on n fixed inputs, per degree. */
export function optimismTable() {
  const { n, degrees, reps } = OPTIMISM;
  const x = fixedDesign(SINE, n);
  return degrees.map((degree) => {
    const theory = optimismTheory(SINE, x, degree);
    const sim = optimismSimulation(SINE, x, degree, reps,
      createRng(4000 + degree));
    return { degree, d: degree + 1, theory, sim };
  });
}
// #endregion
