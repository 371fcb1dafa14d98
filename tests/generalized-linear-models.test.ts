// Tests for the generalized-linear-models chapter. Each `it` is one claim
// of the chapter; equation labels refer to chapters/linear-models/
// generalized-linear-models.mdx.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hessianCheck } from '../code/calculus/numerical.ts';
import { symmetricEigen } from '../code/decompositions/eigen.ts';
import {
  centralDifference,
  gradientCheck,
  relativeError,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  Matrix,
  norm,
  subVec,
} from '../code/linear-algebra/matrix.ts';
import { addOnesColumn } from '../code/linear-regression/model.ts';
import { columns } from '../code/logistic-regression/experiments.ts';
import { minimizerDistanceBound } from '../code/logistic-regression/fit.ts';
import { logisticData } from '../code/logistic-regression/synthetic.ts';
import { ConvergenceError } from '../code/optimization/objective.ts';
import {
  bernoulliLogPmf,
  normalLogPdf,
} from '../code/probability/univariate.ts';
import { chiSquareTail } from '../code/generalized-linear-models/chi-square.ts';
import {
  yearlyDispersion,
  bernoulliCase,
  convergenceStudy,
  countsExample,
  gaussianCase,
  newtonComparison,
  nonCanonicalExample,
  WILKS,
  wilksSimulation,
} from '../code/generalized-linear-models/experiments.ts';
import {
  bernoulli,
  deviance,
  gaussian,
  logDensity,
  poisson,
  type Family,
} from '../code/generalized-linear-models/families.ts';
import {
  HORSE_KICKS_SHA256,
  fitHorseKicks,
  horseKickDesign,
  horseKicksPath,
  loadHorseKicks,
  tenCorpsFrequencies,
} from '../code/generalized-linear-models/horse-kicks.ts';
import { glmInference } from '../code/generalized-linear-models/inference.ts';
import { fitGlm, irlsStep } from '../code/generalized-linear-models/irls.ts';
import {
  identityLink,
  logLink,
  logitLink,
} from '../code/generalized-linear-models/links.ts';
import {
  linearPredictor,
  type GlmModel,
} from '../code/generalized-linear-models/model.ts';
import {
  fisherInformation,
  glmGradient,
  glmObjective,
} from '../code/generalized-linear-models/objective.ts';
import {
  poissonLogPmf,
  poissonSample,
} from '../code/generalized-linear-models/poisson.ts';
import sm from './fixtures/generalized-linear-models/statsmodels.json';
import { normwiseError } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/generalized-linear-models.ts';

const EPS = Number.EPSILON;
const FAMILIES: Family[] = [gaussian, bernoulli, poisson];

// The studies are deterministic; run each once for the whole file.
const horse = fitHorseKicks();
const gauss = gaussianCase();
const bern = bernoulliCase();
const nonCanonical = nonCanonicalExample();

/** κ(F) = λmax/λmin of a symmetric positive definite F. */
function kappa(F: Matrix): number {
  const v = symmetricEigen(F).values; // sorted, largest first
  return v[0] / v[v.length - 1];
}

/** Seeded Poisson data with log μ = b + w x, x uniform on [0, 2). */
function poissonData(seed: number, n: number, b: number, w: number) {
  const rng = createRng(seed);
  const x = rng.uniformArray(n, 0, 2);
  const y = x.map((xi) => poissonSample(rng, Math.exp(b + w * xi)));
  return { A: addOnesColumn(new Matrix(n, 1, x)), y };
}

describe('the exponential family, Eq. (glm-expfam)', () => {
  it('gives the normal density for the Gaussian family', () => {
    for (const [y, mu, phi] of [[0.3, -1.2, 0.5], [4, 4, 2], [-2, 1, 9]]) {
      // the Gaussian's natural parameter is θ = μ and φ = σ²
      const ours = logDensity(gaussian, y, mu, phi);
      expect(relativeError(ours, normalLogPdf(y, mu, Math.sqrt(phi))))
        .toBeLessThan(1e-14); // the same formula, rearranged: rounding
    }
  });

  it('gives the Bernoulli probabilities with θ the log-odds', () => {
    for (const [y, p] of [[1, 0.2], [0, 0.2], [1, 0.97], [0, 0.5]]) {
      const theta = Math.log(p / (1 - p));
      expect(relativeError(logDensity(bernoulli, y, theta),
        bernoulliLogPmf(y, p))).toBeLessThan(1e-14);
    }
  });

  it('gives the Poisson probabilities with θ = log μ', () => {
    for (const [k, mu] of [[0, 0.61], [3, 0.61], [7, 12.5], [40, 33]]) {
      expect(relativeError(logDensity(poisson, k, Math.log(mu)),
        poissonLogPmf(k, mu))).toBeLessThan(1e-13);
    }
    let total = 0; // and the probabilities add up to one
    for (let k = 0; k <= 60; k++) total += Math.exp(poissonLogPmf(k, 3.7));
    expect(Math.abs(total - 1)).toBeLessThan(1e-14); // tail < 1e-40
  });

  it('has mean b′(θ) = g⁻¹(θ), Eq. (glm-mean)', () => {
    for (const family of FAMILIES) {
      for (const theta of [-1.3, 0.2, 1.7]) {
        // central difference of b: error ~ ε^(2/3) relative
        const d = centralDifference(family.cumulant, theta, 1e-5);
        expect(relativeError(d, family.canonical.inverse(theta)))
          .toBeLessThan(1e-8);
      }
    }
  });

  it('has variance b″(θ) = V(μ) = dμ/dη for the canonical link', () => {
    for (const family of FAMILIES) {
      const link = family.canonical;
      for (const theta of [-1.3, 0.2, 1.7]) {
        const mu = link.inverse(theta);
        const d = centralDifference(link.inverse, theta, 1e-5);
        expect(relativeError(d, family.variance(mu))).toBeLessThan(1e-8);
        expect(relativeError(link.derivative(theta), family.variance(mu)))
          .toBeLessThan(1e-14); // Eq. (glm-canonical-weights)
      }
    }
  });

  it('matches the Poisson moments summed from its probabilities', () => {
    const mu = 2.4;
    let m1 = 0;
    let m2 = 0;
    for (let k = 0; k <= 80; k++) {
      const p = Math.exp(poissonLogPmf(k, mu));
      m1 += k * p;
      m2 += k * k * p;
    }
    const theta = Math.log(mu);
    // b′ = b″ = e^θ for the Poisson; the tail beyond 80 is < 1e-80
    expect(relativeError(m1, Math.exp(theta))).toBeLessThan(1e-14);
    expect(relativeError(m2 - m1 * m1, poisson.variance(mu)))
      .toBeLessThan(1e-13);
  });
});

describe('links and deviance', () => {
  it('inverts each link and differentiates its inverse', () => {
    const cases = [
      [identityLink, [-3, 0.5, 12]],
      [logLink, [0.01, 1, 40]],
      [logitLink, [0.001, 0.5, 0.93]],
    ] as const;
    for (const [link, mus] of cases) {
      for (const mu of mus) {
        const eta = link.link(mu);
        expect(relativeError(link.inverse(eta), mu)).toBeLessThan(1e-13);
        const d = centralDifference(link.inverse, eta, 1e-5);
        expect(relativeError(link.derivative(eta), d)).toBeLessThan(1e-8);
      }
    }
  });

  it('is twice the log-likelihood ratio to the saturated model', () => {
    // Eq. (glm-deviance): d(y, μ) = 2[log p(y; θ = g(y)) − log p(y; μ)];
    // for Bernoulli the saturated probability is 1, log 1 = 0
    const saturated = (f: Family, y: number) =>
      f === bernoulli ? 0 : logDensity(f, y, f.canonical.link(y));
    const cases: [Family, number, number][] = [
      [gaussian, 1.5, -0.4], [poisson, 3, 1.2], [poisson, 7, 9.5],
      [bernoulli, 1, 0.3], [bernoulli, 0, 0.3],
    ];
    for (const [f, y, mu] of cases) {
      const ratio = 2 * (saturated(f, y) -
        logDensity(f, y, f.canonical.link(mu)));
      expect(relativeError(f.unitDeviance(y, mu), ratio))
        .toBeLessThan(1e-12);
    }
  });

  it('is zero exactly at μ = y and positive elsewhere', () => {
    expect(poisson.unitDeviance(0, 1e-300)).toBeGreaterThan(0);
    expect(poisson.unitDeviance(4, 4)).toBe(0);
    expect(gaussian.unitDeviance(-2, -2)).toBe(0);
    for (const mu of [0.1, 0.5, 2.9, 6]) {
      expect(poisson.unitDeviance(3, mu)).toBeGreaterThan(0);
      expect(poisson.unitDeviance(0, mu)).toBeCloseTo(2 * mu, 14);
    }
    expect(bernoulli.unitDeviance(1, 0.999)).toBeGreaterThan(0);
  });
});

describe('the loss, its gradient and the Fisher information', () => {
  const { A, y } = poissonData(5, 40, 0.2, 0.7);
  const yb = logisticData({ seed: 6, n: 40, w: [1.5] }).y;
  const w = Float64Array.of(0.3, 0.5);

  it('has the gradient of Eq. (glm-gradient) for any family and link', () => {
    const models: [GlmModel, Float64Array][] = [
      [{ family: poisson }, y],
      [{ family: bernoulli }, yb],
      [{ family: gaussian }, y],
      [{ family: gaussian, link: logLink }, y],
      [{ family: poisson, link: identityLink }, y],
    ];
    for (const [model, target] of models) {
      const { f, grad } = glmObjective(A, target, model);
      const check = gradientCheck(f, grad, w); // the book's defaults
      expect(check.ok, `${model.family.name}: ${check.maxError}`)
        .toBe(true);
    }
  });

  it('has the Fisher information as Hessian for canonical links', () => {
    for (const [family, target] of [[poisson, y], [bernoulli, yb],
      [gaussian, y]] as const) {
      const { grad, hess } = glmObjective(A, target, { family });
      // Eq. (glm-canonical-hessian): XᵀWX is ∇²L itself
      expect(hessianCheck(grad, hess, w).ok).toBe(true);
    }
  });

  it('has a Fisher information unequal to the Hessian otherwise', () => {
    // Gaussian targets, log link: the two differ by the residual term
    // of Eq. (glm-observed); the numerical Hessian is good to ~1e-7
    expect(nonCanonical.gap).toBeGreaterThan(1e-3);
    const { grad } = glmObjective(nonCanonical.A, nonCanonical.y,
      nonCanonical.model);
    const exact = hessianCheck(grad, () => nonCanonical.hessian,
      nonCanonical.fit.w);
    expect(exact.ok).toBe(true);
  });
});

describe('IRLS, Eq. (glm-irls)', () => {
  it('takes exactly the Newton steps for a canonical link', () => {
    const { gaps, fit } = newtonComparison();
    // Newton solves with LU on XᵀWX, IRLS with QR on √W X: both have
    // relative rounding error ≲ κ(XᵀWX) ε per step, and near the
    // minimum a Newton step contracts rather than amplifies it
    const F = fisherInformation(horse.X, fit.model, fit.eta);
    expect(Math.max(...gaps)).toBeLessThan(100 * kappa(F) * EPS);
    expect(gaps.length).toBe(fit.run.iterations + 1);
  });

  it('converges quadratically for canonical links', () => {
    for (const { label, run } of convergenceStudy().slice(0, 2)) {
      const g = run.history.map((h) => h.gradNorm);
      // the last steps above rounding: g_{k+1} ≈ C g_k², order ≈ 2
      const k = g.findIndex((v) => v < 1e-4 * g[0]); // in the fast phase
      const order = Math.log(g[k + 1] / g[k]) / Math.log(g[k] / g[k - 1]);
      expect(order, label).toBeGreaterThan(1.7);
    }
  });

  it('converges linearly at the rate ρ(I − F⁻¹H) otherwise', () => {
    const g = nonCanonical.fit.run.history.map((h) => h.gradNorm);
    const late = g[g.length - 1] / g[g.length - 2];
    // the error follows (I − F⁻¹H)e once the fit is close, Eq.
    // (glm-scoring-rate); 2% covers the not-yet-asymptotic part
    expect(relativeError(late, nonCanonical.rate)).toBeLessThan(0.02);
    expect(nonCanonical.rate).toBeGreaterThan(0.01);
  });

  it('fits the Gaussian case in one step, as least squares', () => {
    expect(gauss.fit.run.iterations).toBe(1);
    // two solvers of one least-squares problem: the gap is bounded by
    // κ(XᵀX) ε (normal equations) plus κ(X) ε (QR)
    const F = fisherInformation(gauss.A, gauss.fit.model, gauss.fit.eta);
    expect(gauss.distance).toBeLessThan(10 * kappa(F) * EPS);
  });

  it('equals the logistic chapter’s fit in the Bernoulli case', () => {
    // Each fit is within its own a-posteriori bound of the one minimizer
    // (the logistic chapter's Eq. (logr-error-bound)); so within the sum
    const Z = columns(bern.A, [1, 2]);
    const ours = minimizerDistanceBound(Z, bern.y, bern.fit.w);
    const theirs = minimizerDistanceBound(Z, bern.y, bern.logistic);
    const gap = norm(subVec(bern.fit.w, bern.logistic));
    expect(gap).toBeLessThan(ours + theirs);
    expect(ours + theirs).toBeLessThan(1e-8); // and that is tight
  });

  it('reaches the same fit from any reasonable start', () => {
    const { X, y, fit } = horse;
    const again = fitGlm(X, y, { family: poisson },
      { w0: new Float64Array(X.cols) }); // μ = 1 everywhere
    const F = fisherInformation(X, fit.model, fit.eta);
    expect(normwiseError(again.w, fit.w)).toBeLessThan(100 * kappa(F) * EPS);
  });

  it('needs the data-based start when counts are large', () => {
    const { A, y } = poissonData(21, 40, 6.7, 0.1); // counts near 1000
    const fit = fitGlm(A, y, { family: poisson });
    expect(Math.abs(fit.w[0] - 6.7)).toBeLessThan(0.05); // se ≈ 0.01
    // from w = 0 every μ is 1, z = y − 1 ≈ 1000, and e^η overflows
    expect(() => fitGlm(A, y, { family: poisson },
      { w0: new Float64Array(2) })).toThrow(/gives μ = Infinity/);
  });

  it('shifts only the intercept under a constant offset', () => {
    const { A, y } = poissonData(9, 50, 0.1, 0.8);
    const plain = fitGlm(A, y, { family: poisson });
    const c = Math.log(2.5); // e.g. 2.5 times the exposure everywhere
    const shifted = fitGlm(A, y, { family: poisson },
      { offset: new Float64Array(50).fill(c) });
    // log μ = (b − c) + c + wx: the same model, so b moves by −c
    expect(shifted.w[0]).toBeCloseTo(plain.w[0] - c, 12);
    expect(shifted.w[1]).toBeCloseTo(plain.w[1], 12);
  });

  it('recovers the true coefficients within their standard errors', () => {
    const truth = [0.4, -0.9];
    const { A, y } = poissonData(12, 3000, truth[0], truth[1]);
    const fit = fitGlm(A, y, { family: poisson });
    const { se } = glmInference(A, y, fit);
    for (let j = 0; j < 2; j++) {
      // |ŵⱼ − wⱼ| / seⱼ is about N(0, 1): beyond 4 has chance 6e-5
      expect(Math.abs(fit.w[j] - truth[j])).toBeLessThan(4 * se[j]);
    }
    // and se shrinks like 1/√n: 3000 counts pin w to a few hundredths
    expect(se[1]).toBeLessThan(0.05);
  });

  it('makes the fitted counts sum to the observed ones', () => {
    // Eq. (glm-score-zero): Xᵀ(y − μ) = 0 for a canonical link; the
    // column of ones gives Σμ = Σy, each corps indicator its own total
    const { X, y, fit } = horse;
    for (let j = 0; j < X.cols; j++) {
      const col = X.col(j);
      let observed = 0;
      let fitted = 0;
      for (let i = 0; i < y.length; i++) {
        observed += col[i] * y[i];
        fitted += col[i] * fit.mu[i];
      }
      expect(Math.abs(fitted - observed)).toBeLessThan(1e-9 * 196);
    }
  });
});

describe('comparing models by deviance', () => {
  it('drops by about q when q useless features are added', () => {
    const drops = wilksSimulation();
    const mean = drops.reduce((a, v) => a + v, 0) / drops.length;
    // Wilks: the drop is ≈ χ²_q, mean q and variance 2q; the mean of
    // `reps` drops has sd √(2q / reps) = 0.22, and we allow 4 sd
    const sd = Math.sqrt(2 * WILKS.q / WILKS.reps);
    expect(Math.abs(mean - WILKS.q)).toBeLessThan(4 * sd);
    expect(drops.every((d) => d >= 0)).toBe(true); // nested: never up
  });
});

describe('the horse-kick data', () => {
  it('loads 14 corps × 20 years with 196 deaths and checks its hash', () => {
    const { years, corps, deaths } = loadHorseKicks();
    expect(corps).toHaveLength(14);
    expect(years).toEqual(Array.from({ length: 20 }, (_, i) => 1875 + i));
    expect(deaths.data.reduce((s, v) => s + v, 0)).toBe(196);
    expect(HORSE_KICKS_SHA256).toBe(sm.data.horse_kicks.sha256);
    const dir = mkdtempSync(join(tmpdir(), 'glm-'));
    const bad = join(dir, 'horse_kicks.csv');
    writeFileSync(bad,
      readFileSync(horseKicksPath(), 'utf8').replace('1894,1', '1894,2'));
    expect(() => loadHorseKicks(bad)).toThrow(/loadHorseKicks: .*SHA-256/);
  });

  it('reproduces the famous ten-corps table 109, 65, 22, 3, 1', () => {
    expect(Array.from(tenCorpsFrequencies())).toEqual([109, 65, 22, 3, 1]);
  });

  it('has corps coefficients log(T_c / T_G), by the balanced design', () => {
    // μ = A_c B_t factorizes; the corps score equations give A_c ∝ T_c
    const { data, fit, names } = horse;
    const totals = data.corps.map((_, c) =>
      data.years.reduce((s, _y, t) => s + data.deaths.get(t, c), 0));
    for (let c = 1; c < totals.length; c++) {
      expect(fit.w[c + 1], names[c + 1])
        .toBeCloseTo(Math.log(totals[c] / totals[0]), 12);
    }
  });

  it('has the decade effect of a regression of the yearly totals', () => {
    const { data, fit } = horse;
    const full = horseKickDesign(data);
    const years = new Matrix(20, 1, Float64Array.from(data.years,
      (yr) => (yr - 1884.5) / 10));
    const totals = Float64Array.from(data.years, (_, t) =>
      full.y.subarray(14 * t, 14 * t + 14).reduce((s, v) => s + v, 0));
    const yearly = fitGlm(addOnesColumn(years), totals, { family: poisson });
    expect(yearly.w[1]).toBeCloseTo(fit.w[1], 12);
  });

  it('fits the intercept-only model with μ = ȳ = 0.7', () => {
    const mu = horse.nullFit.mu;
    expect(mu.every((m) => Math.abs(m - 196 / 280) < 1e-12)).toBe(true);
  });
});

describe('against statsmodels', () => {
  // Our QR-based IRLS and statsmodels' (pinv of √W X) each solve to
  // about κ(XᵀWX) ε relative; 100 κ ε leaves room for both and for
  // the last step of either iteration.
  const cases = [
    { name: 'Poisson', ref: sm.poisson, A: horse.X, y: horse.y,
      fit: horse.fit, inf: horse.inference },
    { name: 'Bernoulli', ref: sm.bernoulli, A: bern.A, y: bern.y,
      fit: bern.fit, inf: bern.inference },
    { name: 'Gaussian', ref: sm.gaussian, A: gauss.A, y: gauss.y,
      fit: gauss.fit, inf: gauss.inference },
  ];
  const tol = (c: (typeof cases)[number]) =>
    100 * kappa(fisherInformation(c.A, c.fit.model, c.fit.eta)) * EPS;

  it('agrees on the coefficients of all three fits', () => {
    for (const c of cases) {
      expect(normwiseError(c.fit.w, c.ref.params), c.name).toBeLessThan(tol(c));
    }
  });

  it('agrees on the standard errors and the dispersion', () => {
    for (const c of cases) {
      c.inf.se.forEach((s, j) => {
        expect(relativeError(s, c.ref.bse[j]), c.name).toBeLessThan(tol(c));
      });
      expect(relativeError(c.inf.dispersion, c.ref.scale))
        .toBeLessThan(tol(c));
    }
    // statsmodels' own bse, from the weights of its last-but-one
    // iterate, differ by far more: why the script makes one more pass
    const off = horse.inference.se.map((s, j) =>
      relativeError(s, sm.poisson.bse_last_but_one[j]));
    expect(Math.max(...off)).toBeGreaterThan(1e-10);
  });

  it('agrees on deviance, null deviance and Pearson statistic', () => {
    for (const c of cases) {
      // sums of n terms: rounding ≲ n ε relative, times 10
      const t = 10 * c.y.length * EPS;
      expect(relativeError(c.fit.deviance, c.ref.deviance)).toBeLessThan(t);
      expect(relativeError(c.inf.pearson, c.ref.pearson_chi2))
        .toBeLessThan(t + tol(c));
    }
    expect(relativeError(horse.nullFit.deviance, sm.poisson.null_deviance))
      .toBeLessThan(10 * 280 * EPS);
  });

  it('has scikit-learn’s L-BFGS within its own gradient bound', () => {
    const sk = Float64Array.of(sm.sklearn_poisson.intercept,
      ...sm.sklearn_poisson.coef);
    const { X, y } = horse;
    const model = { family: poisson };
    const eta = linearPredictor(X, sk);
    const g = norm(glmGradient(X, y, model, eta));
    const v = symmetricEigen(fisherInformation(X, model, eta)).values;
    // A heuristic margin, not a proven bound: if L keeps curvature at
    // least λmin/2 along the segment to w*, ‖w − w*‖ ≤ ‖∇L(w)‖/(λmin/2),
    // as in Eq. (logr-error-bound)
    const bound = g / (v[v.length - 1] / 2);
    expect(norm(subVec(sk, horse.fit.w))).toBeLessThan(bound);
    expect(bound).toBeLessThan(1e-4); // L-BFGS stopped early, not wildly
    // its gradient test (max |∂(L/n)| ≤ tol) did not stop it: ftol did
    const grad = glmGradient(X, y, model, eta);
    const largest = Math.max(...Array.from(grad, (v) => Math.abs(v)));
    expect(largest / X.rows).toBeGreaterThan(sm.sklearn_poisson.tol);
  });
});

describe('errors', () => {
  const { X, y } = horse;

  it('refuses targets the family cannot produce', () => {
    const bad = Float64Array.from(y);
    bad[3] = 1.5;
    expect(() => fitGlm(X, bad, { family: poisson }))
      .toThrow(/fitGlm: y\[3\] = 1.5 is not a possible Poisson/);
    bad[3] = -1;
    expect(() => fitGlm(X, bad, { family: poisson })).toThrow(/y\[3\]/);
    expect(() => fitGlm(X, y, { family: bernoulli }))
      .toThrow(/not a possible Bernoulli observation/);
  });

  it('refuses wrong shapes, NaN, and bad options', () => {
    expect(() => fitGlm(X, y.subarray(1), { family: poisson }))
      .toThrow(/fitGlm: X is 280x15, so y must be vector\(280\)/);
    const nan = new Matrix(X.rows, X.cols, X.data.slice());
    nan.data[7] = NaN;
    expect(() => fitGlm(nan, y, { family: poisson })).toThrow(/fitGlm: X/);
    expect(() => fitGlm(X, y, { family: poisson },
      { offset: new Float64Array(3) })).toThrow(/offset must be/);
    expect(() => fitGlm(X, y, { family: poisson },
      { w0: new Float64Array(2) })).toThrow(/w0 must be vector\(15\)/);
    expect(() => fitGlm(X, y, { family: poisson }, { tol: -1 }))
      .toThrow(/fitGlm: tol/);
    expect(() => fitGlm(X, y, { family: poisson }, { maxIter: 0 }))
      .toThrow(/fitGlm: maxIter/);
    expect(() => logDensity(poisson, 2, NaN)).toThrow(/logDensity/);
    expect(() => poissonSample(createRng(1), 0)).toThrow(/poissonSample/);
    expect(() => poissonLogPmf(1.5, 1)).toThrow(/poissonLogPmf/);
    expect(() => deviance(poisson, y, new Float64Array(2)))
      .toThrow(/deviance: expected y and μ of the same length/);
  });

  it('reports non-convergence instead of looping', () => {
    expect(() => fitGlm(X, y, { family: poisson }, { maxIter: 2 }))
      .toThrow(ConvergenceError);
    expect(() => fitGlm(X, y, { family: poisson }, { maxIter: 2 }))
      .toThrow(/fitGlm: no convergence in 2 IRLS steps/);
  });

  it('stops with a clear error on separable Bernoulli data', () => {
    const { X: Xs, y: ys } = logisticData({ seed: 3, n: 50, w: [4, -3],
      separable: true });
    expect(() => fitGlm(addOnesColumn(Xs), ys, { family: bernoulli }))
      .toThrow(/gives μ = 1, not a possible Bernoulli mean.*separable/);
  });

  it('refuses a design with one indicator per corps and an intercept', () => {
    const { X: Xh, y: yh } = horse;
    const all = new Matrix(Xh.rows, Xh.cols + 1);
    for (let i = 0; i < Xh.rows; i++) {
      all.data.set(Xh.row(i), i * all.cols);
      all.data[i * all.cols + Xh.cols] = i % 14 === 0 ? 1 : 0; // Guard
    }
    expect(() => fitGlm(all, yh, { family: poisson }))
      .toThrow(/rank deficient/);
  });

  it('does not converge when a group has no events at all', () => {
    const { X: Xh } = horse;
    const yz = horse.y.map((v, i) => (i % 14 === 13 ? 0 : v)); // no XV
    try {
      fitGlm(Xh, yz, { family: poisson }, { maxIter: 30 });
      expect.unreachable('expected a ConvergenceError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConvergenceError);
      const h = (e as ConvergenceError).result.history;
      const last = h[h.length - 1].x[14]; // γ_XV
      const before = h[h.length - 2].x[14];
      // log(0) = −∞: each Newton step lowers γ by about one, for ever
      expect(before - last).toBeCloseTo(1, 6);
      expect(last).toBeLessThan(-25);
    }
  });

  it('refuses a mean outside the family’s range mid-fit', () => {
    // a Poisson model with the identity link: η < 0 is no mean
    const eta = Float64Array.of(1, -0.5);
    expect(() => irlsStep(addOnesColumn(new Matrix(2, 1,
      Float64Array.of(0, 1))), Float64Array.of(1, 0),
    { family: poisson, link: identityLink }, eta))
      .toThrow(/irlsStep: at η\[1\] = -0.5 the identity link gives μ/);
  });
});

describe('the Poisson sampler and the page’s example', () => {
  it('draws counts with mean and variance μ, reproducibly', () => {
    const rng = createRng(77);
    const n = 20000;
    const mu = 3.2;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const k = poissonSample(rng, mu);
      s += k;
      s2 += k * k;
    }
    const mean = s / n;
    const variance = s2 / n - mean * mean;
    // sd of the mean is √(μ/n) = 0.013; of the variance about
    // √((μ + 2μ²)/n) = 0.033: 5 sd each
    expect(Math.abs(mean - mu)).toBeLessThan(5 * Math.sqrt(mu / n));
    expect(Math.abs(variance - mu)).toBeLessThan(0.17);
    expect(poissonSample(createRng(4), 2)).toBe(
      poissonSample(createRng(4), 2));
  });

  it('has the Poisson curve above zero where the line goes below', () => {
    const { x, glm, ols } = countsExample();
    const lo = Math.min(...x);
    expect(ols.b + ols.w[0] * lo).toBeLessThan(0); // a negative "count"
    expect(glm.mu.every((m) => m > 0)).toBe(true);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the families, deviance, their checks and the Poisson distribution', () => {
    rejectsBadInput(badInput.families);
  });

  it('the model, its link, the linear predictor, the means and their checks', () => {
    rejectsBadInput(badInput.model);
  });

  it('the objective, gradient, Fisher information, IRLS, the fit and inference', () => {
    rejectsBadInput(badInput.fitting);
  });

  it('the horse-kick data', () => {
    rejectsBadInput(badInput.horseKicks);
  });
});

describe('review', () => {
  it('the line is below the GLM at x = 0 and 3, above it at 1.5', () => {
    const { ols, glm } = countsExample();
    const line = (x: number) => ols.b + ols.w[0] * x;
    const curve = (x: number) => Math.exp(glm.w[0] + glm.w[1] * x);
    expect(line(0)).toBeLessThan(curve(0));
    expect(line(3)).toBeLessThan(curve(3));
    expect(line(1.5)).toBeGreaterThan(curve(1.5));
  });

  it('χ² tails match SciPy (chi2.sf) to 1e-12 relative', () => {
    // scipy 1.10.1 scipy.stats.chi2.sf(x, k), series and fraction sides
    const ref: [number, number, number][] = [
      [26.1, 13, 0.016482805481748956], [2.29, 1, 0.13020992305355925],
      [1, 1, 0.31731050786291115], [30, 5, 1.4748581038443073e-05],
      [0.5, 3, 0.9188914116546758], [100, 80, 0.064570368921133],
      [5, 13, 0.9751931333240135],
    ];
    let worst = 0;
    for (const [x, k, p] of ref) {
      worst = Math.max(worst, relativeError(chiSquareTail(x, k), p));
    }
    expect(worst).toBeLessThan(1e-12);
    expect(chiSquareTail(0, 4)).toBe(1);
  });

  it('the corps drop has χ²₁₃ tail 0.016; the decade drop 0.13', () => {
    const h = fitHorseKicks();
    const corpsDrop = h.yearOnly.deviance - h.fit.deviance;
    const yearDrop = h.corpsOnly.deviance - h.fit.deviance;
    expect(chiSquareTail(corpsDrop, 13)).toBeCloseTo(0.0163, 4);
    expect(chiSquareTail(yearDrop, 1)).toBeCloseTo(0.1305, 4);
  });

  it('the yearly totals are overdispersed about the trend', () => {
    const y = yearlyDispersion();
    expect(y.df).toBe(18);
    expect(y.ratio).toBeGreaterThan(1.5);
    expect(chiSquareTail(y.pearson, y.df)).toBeLessThan(0.01);
    // and the same decade coefficient as the corps-year model
    const h = fitHorseKicks();
    expect(relativeError(y.fit.w[1], h.fit.w[1])).toBeLessThan(1e-12);
  });

  it('every corps interval, and the decade\'s, contains 1', () => {
    const h = fitHorseKicks();
    for (let j = 1; j < h.names.length; j++) {
      expect(h.inference.lower[j]).toBeLessThan(0);
      expect(h.inference.upper[j]).toBeGreaterThan(0);
    }
  });

  it('doubled counts with offset log 2: same w, se over √2, X² twice', () => {
    const h = fitHorseKicks();
    const y2 = h.y.map((v) => 2 * v);
    const offset = new Float64Array(h.y.length).fill(Math.log(2));
    const fit2 = fitGlm(h.X, y2, { family: poisson }, { offset });
    const inf2 = glmInference(h.X, y2, fit2);
    // IRLS to its tolerance 1e-10 on both fits: 1e-9 on the weights
    for (let j = 0; j < h.fit.w.length; j++) {
      expect(Math.abs(fit2.w[j] - h.fit.w[j])).toBeLessThan(1e-9);
      expect(relativeError(inf2.se[j] * Math.SQRT2, h.inference.se[j]))
        .toBeLessThan(1e-9);
    }
    expect(relativeError(inf2.pearson, 2 * h.inference.pearson))
      .toBeLessThan(1e-9);
  });

  it('bad input to the χ² tail is refused', () => {
    rejectsBadInput(badInput.chiSquare);
  });
});
