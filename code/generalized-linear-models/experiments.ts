// @unshown: harness for the figures and tables; it runs shown code
// The experiments of the chapter, each a plain function of fixed, seeded
// inputs, so that the page, the figures and the tests share them.
// Node only: it loads the diabetes and breast cancer files.
import { numericalHessian } from '../calculus/numerical.ts';
import { createRng } from '../introduction/random.ts';
import {
  Matrix,
  norm,
  sub,
  subVec,
} from '../linear-algebra/matrix.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import {
  addOnesColumn,
  fitNormalEquations,
} from '../linear-regression/model.ts';
import { standardize } from '../linear-regression/scaling.ts';
import { solve } from '../linear-algebra/solve.ts';
import { pairStudy } from '../logistic-regression/experiments.ts';
import { newton } from '../optimization/newton.ts';
import {
  bernoulli,
  deviance,
  gaussian,
  poisson,
} from './families.ts';
import { calledAs } from '../introduction/checks.ts';
import {
  MID_YEAR,
  fitHorseKicks,
  horseKickDesign,
  loadHorseKicks,
} from './horse-kicks.ts';
import { glmInference } from './inference.ts';
import { fitGlm } from './irls.ts';
import { logLink } from './links.ts';
import { glmObjective } from './objective.ts';
import { poissonSample } from './poisson.ts';

// ---------------------------------------------------------------------
// Counts against one feature: least squares and Poisson regression.

export const COUNTS = { seed: 31, n: 60, b: -0.5, w: 1.1, lo: 0, hi: 3 };

export function countsExample() {
  const { seed, n, b, w, lo, hi } = COUNTS;
  const rng = createRng(seed);
  const x = rng.uniformArray(n, lo, hi);
  const y = x.map((xi) => poissonSample(rng, Math.exp(b + w * xi)));
  const X = new Matrix(n, 1, Float64Array.from(x));
  const glm = fitGlm(addOnesColumn(X), y, { family: poisson });
  const ols = fitNormalEquations(X, y);
  return { x, y, glm, ols };
}

// ---------------------------------------------------------------------
// The special cases: the Gaussian GLM on the diabetes data, the
// Bernoulli GLM on the logistic chapter's two-feature model.

export function gaussianCase() {
  const { X, y } = loadDiabetes();
  const { Z } = standardize(X); // as in the linear-regression chapter
  const A = addOnesColumn(Z);
  const fit = fitGlm(A, y, { family: gaussian });
  const lr = fitNormalEquations(Z, y);
  const ols = new Float64Array(lr.w.length + 1); // (b, w)
  ols[0] = lr.b;
  ols.set(lr.w, 1);
  return { A, y, fit, inference: glmInference(A, y, fit), ols,
    distance: norm(subVec(fit.w, ols)) / norm(ols) };
}

export function bernoulliCase() {
  const pair = pairStudy();
  const A = addOnesColumn(pair.Z);
  const fit = fitGlm(A, pair.y, { family: bernoulli });
  const logistic = pair.fit.theta; // (b, w) of the logistic chapter
  return { A, y: pair.y, fit, inference: glmInference(A, pair.y, fit),
    logistic, distance: norm(subVec(fit.w, logistic)) / norm(logistic) };
}

// ---------------------------------------------------------------------
// IRLS against the Newton method of the optimization chapter.

export function newtonComparison() {
  const { X, y, fit } = fitHorseKicks();
  const model = { family: poisson };
  const { f, grad, hess } = glmObjective(X, y, model);
  const w0 = fit.run.history[0].x;
  const steps = fit.run.iterations;
  const run = newton(f, grad, hess, w0, {
    maxIter: steps, tol: 0, requireConvergence: false,
  });
  const gaps = fit.run.history.map((it, k) =>
    norm(subVec(it.x, run.history[k].x)) / norm(run.history[k].x));
  const worst = gaps.reduce((m, g) => Math.max(m, g), -Infinity);
  return { fit, run, gaps, worst };
}

// ---------------------------------------------------------------------
// A non-canonical link: Gaussian targets with a log link.

export const LOG_GAUSS = { seed: 8, n: 80, b: 0.5, w: 0.8, noise: 0.6 };

export function nonCanonicalExample() {
  const { seed, n, b, w, noise } = LOG_GAUSS;
  const rng = createRng(seed);
  const x = rng.uniformArray(n, 0, 2);
  const y = x.map((xi) => Math.exp(b + w * xi) + rng.normal(0, noise));
  const A = addOnesColumn(new Matrix(n, 1, Float64Array.from(x)));
  const model = { family: gaussian, link: logLink };
  const fit = fitGlm(A, y, model);
  const { grad, hess } = glmObjective(A, y, model);
  const fisher = hess(fit.w);
  const hessian = numericalHessian(grad, fit.w);
  const gap = norm(sub(hessian, fisher).data) / norm(fisher.data);
  // Fisher scoring maps the error e to (I − F⁻¹H)e near the optimum:
  // its rate is the largest |eigenvalue| of M = F⁻¹(F − H), 2 x 2 here
  const D = sub(fisher, hessian);
  const [c0, c1] = [0, 1].map((j) => solve(fisher, D.col(j))); // M's cols
  const [m00, m10, m01, m11] = [c0[0], c0[1], c1[0], c1[1]];
  const half = (m00 + m11) / 2;
  const root = Math.sqrt(half * half - (m00 * m11 - m01 * m10));
  const rate = Math.max(Math.abs(half + root), Math.abs(half - root));
  return { x, y, A, model, fit, fisher, hessian, gap, rate };
}

// ---------------------------------------------------------------------
// How fast IRLS converges on each fit of the chapter.

export function convergenceStudy() {
  const horse = fitHorseKicks().fit;
  const bern = bernoulliCase().fit;
  const gauss = gaussianCase().fit;
  const logGauss = nonCanonicalExample().fit;
  return [
    { label: 'Poisson, horse kicks', run: horse.run },
    { label: 'Bernoulli, breast cancer', run: bern.run },
    { label: 'Gaussian, diabetes', run: gauss.run },
    { label: 'Gaussian, log link', run: logGauss.run },
  ];
}

// ---------------------------------------------------------------------
// The deviance drop when the added features do nothing: about χ²_q.

export const WILKS = { seed: 41, n: 80, q: 3, reps: 120, mu: 2 };

export function wilksSimulation() {
  const { seed, n, q, reps, mu } = WILKS;
  const rng = createRng(seed);
  const drops = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    const X = new Matrix(n, q, rng.uniformArray(n * q, -1, 1));
    const y = new Float64Array(n).map(() => poissonSample(rng, mu));
    const ybar = y.reduce((s, v) => s + v, 0) / n; // the null fit: μ = ȳ
    const nullDev = deviance(poisson, y, new Float64Array(n).fill(ybar));
    const full = fitGlm(addOnesColumn(X), y, { family: poisson });
    drops[r] = nullDev - full.deviance;
  }
  return drops;
}

// ---------------------------------------------------------------------
// The yearly totals about the trend: overdispersed at the level of years.

/** Poisson regression of the 20 yearly totals on the decade, and X². */
export function yearlyDispersion(data = loadHorseKicks()) {
  // the same checks of the table as the corps-year design
  calledAs('yearlyDispersion', () => horseKickDesign(data));
  const { years, deaths } = data;
  const totals = new Float64Array(years.length);
  for (let t = 0; t < years.length; t++) {
    for (let c = 0; c < deaths.cols; c++) totals[t] += deaths.get(t, c);
  }
  const X = new Matrix(years.length, 2);
  years.forEach((year, t) => {
    X.set(t, 0, 1);
    X.set(t, 1, (year - MID_YEAR) / 10);
  });
  const fit = fitGlm(X, totals, { family: poisson });
  const inf = glmInference(X, totals, fit);
  return { totals, fit, pearson: inf.pearson, df: inf.dfResidual,
    ratio: inf.pearson / inf.dfResidual };
}
