// The bias–variance decomposition measured by simulation: redraw the
// training set many times, refit, and split the expected test error.
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { meanSquaredError } from '../linear-regression/metrics.ts';
import {
  requireFiniteArray,
  requireFunction,
  requireInterval,
} from '../introduction/checks.ts';
import { estimatorError } from '../statistics/estimators.ts';
import {
  fitPolynomial,
  predictPolynomial,
  type Domain,
} from './polynomial.ts';

// #region problem
/** y = f(x) + ε, x uniform on the domain, ε ~ N(0, σ²). */
export interface Problem {
  f: (x: number) => number;
  sigma: number;
  domain: Domain;
}

/** n training pairs (x_i, y_i) from the problem, Eq. (me-data-model). */
function drawData(problem: Problem, n: number, rng: Rng) {
  const { f, sigma, domain } = problem;
  const x = rng.uniformArray(n, domain.lo, domain.hi);
  const y = x.map((xi) => f(xi) + rng.normal(0, sigma));
  return { x, y };
}
// #endregion

// #region simulate
export interface Simulation {
  degree: number;
  n: number; // training-set size
  reps: number; // B, the training sets drawn
  xTest: Vector; // the test inputs
  preds: Vector[]; // preds[t][r]: fit r's prediction at xTest[t]
  trainErrors: Vector; // training MSE of each fit
  testErrors: Vector; // MSE of each fit on fresh noisy y at xTest
}

/** Fits a degree-q polynomial to B = `reps` independent training sets. */
export function simulate(
  problem: Problem,
  spec: { degree: number; n: number; reps: number; xTest: Vector },
  rng: Rng,
): Simulation {
  const { degree, n, reps, xTest } = spec;
  checkSpec(problem, spec);
  const { f, sigma, domain } = problem;
  const preds = Array.from(xTest, () => new Float64Array(reps));
  const trainErrors = new Float64Array(reps);
  const testErrors = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    const { x, y } = drawData(problem, n, rng);
    const fit = fitPolynomial(x, y, degree, domain);
    trainErrors[r] = meanSquaredError(y, predictPolynomial(fit, x));
    const yHat = predictPolynomial(fit, xTest);
    yHat.forEach((v, t) => (preds[t][r] = v));
    const yNew = xTest.map((xt) => f(xt) + rng.normal(0, sigma));
    testErrors[r] = meanSquaredError(yNew, yHat);
  }
  return { degree, n, reps, xTest, preds, trainErrors, testErrors };
}
// #endregion

// #region decompose
export interface Decomposition {
  bias2: number; // Eq. (me-bias2-unbiased): unbiased for E_x bias²
  bias2Se: number; // its jackknife standard error, Eq. (me-bias2-se)
  variance: number; // average over x of s_t², divisor B − 1
  noise: number; // σ²
  testError: number; // measured: average of the fits' test MSEs
  mcError: number; // standard error of testError − the sum
  trainError: number; // average training MSE
}

/** Splits the simulation's test error as in Eq. (me-bias-variance). */
export function decompose(sim: Simulation, problem: Problem) {
  checkSimulation(sim, problem);
  const m = sim.xTest.length;
  const B = sim.reps;
  let bias2 = 0;
  let variance = 0;
  const fitError = new Float64Array(B); // mean over t of e_rt²
  const pairs = new Float64Array(B); // G_r, Eq. (me-bias2-se)
  sim.preds.forEach((p, t) => {
    const truth = problem.f(sim.xTest[t]);
    const e = estimatorError(p, truth); // Eq. (stat-mse), divisor B
    const s2 = (e.variance * B) / (B - 1); // divisor B − 1
    bias2 += (e.bias ** 2 - s2 / B) / m; // Eq. (me-bias2-unbiased)
    variance += s2 / m;
    const sum = B * e.bias; // the sum over r of e_rt = f̂_r(x_t) − f(x_t)
    p.forEach((v, r) => {
      const ert = v - truth;
      fitError[r] += ert ** 2 / m;
      pairs[r] += (ert * (sum - ert)) / m;
    });
  });
  const noise = problem.sigma ** 2;
  // testError − fitError − σ²: B independent terms of mean zero
  const diff = sim.testErrors.map((e, r) => e - fitError[r] - noise);
  return {
    bias2,
    bias2Se: jackknifeSe(pairs),
    variance, noise,
    testError: moments(sim.testErrors).mean,
    mcError: Math.sqrt(moments(diff).variance / B),
    trainError: moments(sim.trainErrors).mean,
  } satisfies Decomposition;
}

/** Jackknife standard error of bias², Eq. (me-bias2-se), from G_r. */
function jackknifeSe(pairs: Float64Array): number {
  const B = pairs.length;
  const mean = moments(pairs).mean;
  let ss = 0;
  for (const g of pairs) ss += (g - mean) ** 2;
  // bias²₍₋ᵣ₎ − bias² = −2 (G_r − mean G) / ((B − 1)(B − 2))
  const c = 2 / ((B - 1) * (B - 2));
  return Math.sqrt(((B - 1) / B) * c * c * ss);
}
// #endregion

// #region check-spec
function checkSpec(
  problem: Problem,
  spec: { degree: number; n: number; reps: number; xTest: Vector },
): void {
  const fn = 'simulate';
  const { degree, n, reps, xTest } = spec;
  checkProblem(fn, problem);
  if (!Number.isSafeInteger(degree) || degree < 0) {
    throw new Error(`${fn}: degree must be an integer >= 0, got ` +
      `${degree}`);
  }
  if (!Number.isSafeInteger(reps) || reps < 3) {
    throw new Error(`${fn}: reps must be an integer >= 3, got ${reps}`);
  }
  if (!Number.isSafeInteger(n) || n < degree + 1) {
    throw new Error(
      `${fn}: degree ${degree} needs n >= ${degree + 1} training ` +
        `points, got n = ${n}`,
    );
  }
  requireFiniteArray(fn, 'xTest', xTest);
}
// #endregion

/** Throws unless f is a function, σ >= 0 and the domain an interval. */
export function checkProblem(fn: string, problem: Problem): void {
  requireFunction(fn, 'problem.f', problem?.f);
  if (!(problem.sigma >= 0 && Number.isFinite(problem.sigma))) {
    throw new Error(`${fn}: sigma must be finite and >= 0, got ` +
      `${problem.sigma}`);
  }
  requireInterval(fn, problem.domain?.lo, problem.domain?.hi,
    ['domain.lo', 'domain.hi']);
}

/** sim as simulate returns it: one finite prediction per rep and x. */
function checkSimulation(sim: Simulation, problem: Problem): void {
  const fn = 'decompose';
  checkProblem(fn, problem);
  const ok = Array.isArray(sim?.preds) && Number.isInteger(sim.reps) &&
    sim.reps >= 2 && sim.preds.length === sim.xTest?.length &&
    sim.trainErrors?.length === sim.reps &&
    sim.testErrors?.length === sim.reps &&
    sim.preds.every((p) => p?.length === sim.reps);
  if (!ok) {
    throw new Error(`${fn}: sim must come from simulate: preds of ` +
      'xTest.length rows of reps >= 2 values, and reps errors each');
  }
  requireFiniteArray(fn, 'sim.xTest', sim.xTest);
  sim.preds.forEach((p, t) => requireFiniteArray(fn, `sim.preds[${t}]`, p));
  requireFiniteArray(fn, 'sim.trainErrors', sim.trainErrors);
  requireFiniteArray(fn, 'sim.testErrors', sim.testErrors);
}
