// Tests for the statistics chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/foundations/statistics.mdx.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  centralDifference,
  gradientCheck,
  numericalGradient,
  relativeError,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  chiSquare,
  moments,
  normalProbability,
} from '../code/introduction/stats.ts';
import { betaLogPdf } from '../code/probability/gamma.ts';
import { logBeta } from '../code/probability/special.ts';
import { normalLogPdf } from '../code/probability/univariate.ts';
import {
  bootstrapReplicates,
  bootstrapStandardError,
  median,
  percentileInterval,
  quantile,
} from '../code/statistics/bootstrap.ts';
import {
  estimatorError,
  samplingDistributions,
  varianceEstimatorTheory,
  varianceWithDivisor,
} from '../code/statistics/estimators.ts';
import {
  TEST_SIZES,
  coverageStudy,
  exactBootstrapCoverage,
  plugInCoverage,
  varianceStudy,
} from '../code/statistics/experiments.ts';
import { tInterval, zInterval } from '../code/statistics/intervals.ts';
import {
  bernoulliLogLikelihood,
  bernoulliMle,
  bernoulliScore,
  gaussianLogLikelihood,
  gaussianMle,
  gaussianScore,
} from '../code/statistics/likelihood.ts';
import {
  betaBernoulliPosterior,
  betaMean,
  betaMode,
  gaussianMeanPosterior,
} from '../code/statistics/map.ts';
import {
  loadNewcomb,
  NEWCOMB_PATH_M,
  NEWCOMB_SHA256,
  SPEED_OF_LIGHT,
  newcombPath,
  newcombStudy,
} from '../code/statistics/newcomb.ts';
import {
  exactCoverage,
  plusFourInterval,
  waldInterval,
} from '../code/statistics/solutions/wald.ts';
import {
  contaminatedNormal,
  varianceRatio,
} from '../code/statistics/solutions/mean-median.ts';
import {
  maxReplicateShare,
  sampleMax,
} from '../code/statistics/solutions/bootstrap-max.ts';
import { coverage } from '../code/statistics/intervals.ts';
import {
  AS241,
  normalQuantile,
} from '../code/statistics/normal-quantile.ts';
import { tCdf, tPdf, tQuantile } from '../code/statistics/student-t.ts';
import {
  discordantDifference,
  meanStandardError,
  pairedDifference,
  pairedRatioDifference,
  ratioOfSums,
} from '../code/statistics/paired.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/statistics.ts';

const ref = fixture('statistics', 'reference.json');

const EPS = Number.EPSILON;

// Statistical checks allow 4 standard errors: for an approximately
// normal estimate a deviation that large has probability 6e-5, so a
// failure points at a bug rather than bad luck. The seeds are fixed, so
// the tests are also deterministic. The sizes are those the chapter's
// Verification section quotes (TEST_SIZES).
const Z_BOUND = TEST_SIZES.zBound;

/** Maximizes a unimodal f on [lo, hi] by golden-section search. */
function goldenMax(f: (x: number) => number, lo: number, hi: number) {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && b - a > 1e-13 * (1 + Math.abs(a)); i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (f(c) > f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/** A small Gaussian sample, the same every run. */
function gaussSample(n = 25) {
  return createRng(21).normalArray(n, 3, 1.5);
}

/** 0/1 data with 7 ones in 20. */
const COINS = Float64Array.from({ length: 20 }, (_, i) => (i < 7 ? 1 : 0));

describe('the normal quantile (Wichura AS 241)', () => {
  it('has the coefficient tables of the paper (its hash sums)', () => {
    // Wichura prints, for each pair of tables, the sum of the mantissas
    // of its coefficients (the leading 1 of each denominator excluded)
    // as a transcription check. A sum of 15 numbers below 10 is exact
    // to about 15 * 10 * eps = 3e-14.
    const mantissa = (x: number) => x / 10 ** Math.floor(Math.log10(x));
    const hash = (p: readonly number[], q: readonly number[]) =>
      [...p, ...q.slice(1)].reduce((s, x) => s + mantissa(x), 0);
    const sums = ref.as241_hash_sums;
    expect(Math.abs(hash(AS241.A, AS241.B) - sums.AB)).toBeLessThan(1e-13);
    expect(Math.abs(hash(AS241.C, AS241.D) - sums.CD)).toBeLessThan(1e-13);
    expect(Math.abs(hash(AS241.E, AS241.F) - sums.EF)).toBeLessThan(1e-13);
  });

  it('is within 1e-15 of the exact quantile from p = 1e-300 to 1 - 1e-10', () => {
    // AS 241 is accurate to about 1 part in 1e16; rounding in Horner's
    // rule and in log() adds a few eps = 2.2e-16 (measured: 4e-16).
    const { p, exact } = ref.normal_ppf;
    const errors = p.map((pi: number, i: number) =>
      relativeError(normalQuantile(pi), exact[i]),
    );
    let worst = 0;
    errors.forEach((e: number, i: number) => {
      if (exact[i] !== 0) worst = Math.max(worst, e);
    });
    expect(worst, 'worst relative error')
      .toBeLessThan(TEST_SIZES.normalTolerance);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('equals CPython NormalDist.inv_cdf (the same algorithm) bit for bit, or within 2 ulps', () => {
    // Same formulas, same order of operations. But Math.log need not
    // round exactly like C's log, and the tail formulas pass a one-ulp
    // difference in log(p) on, amplified a little: we allow 2 units in
    // the last place and demand all but two values bit for bit.
    const ulp = (x: number) => 2 ** Math.floor(Math.log2(Math.abs(x))) * EPS;
    const { p, cpython_inv_cdf: py } = ref.normal_ppf;
    let same = 0;
    p.forEach((pi: number, i: number) => {
      const z = normalQuantile(pi);
      if (z === py[i]) same++;
      if (py[i] === 0) return expect(z).toBe(0);
      expect(Math.abs(z - py[i]), `p = ${pi}`).toBeLessThanOrEqual(
        2 * ulp(py[i]),
      );
    });
    expect(same).toBeGreaterThanOrEqual(p.length - 2);
  });

  it('agrees with SciPy norm.ppf within 1e-15 relative', () => {
    // SciPy's ndtri (Cephes) is a different approximation; both are
    // within a few eps of the exact value, so of each other.
    const { p, scipy_ppf } = ref.normal_ppf;
    p.forEach((pi: number, i: number) => {
      if (scipy_ppf[i] === 0) return expect(normalQuantile(pi)).toBe(0);
      expect(relativeError(normalQuantile(pi), scipy_ppf[i]), `p = ${pi}`)
        .toBeLessThan(1e-15);
    });
  });

  it('is antisymmetric, z(1 - p) = -z(p), exactly for dyadic p (z_{1-p} = -z_p)', () => {
    for (let k = 1; k < 64; k++) {
      // k/64 and 1 - k/64 are both exact doubles; a + b = 0 iff a = -b
      expect(normalQuantile(1 - k / 64) + normalQuantile(k / 64)).toBe(0);
    }
  });

  it('inverts the introduction\'s normal probabilities: P(0 <= Z < z_p) = p - 1/2', () => {
    // normalProbability is Simpson's rule with panels <= 0.01: its error
    // is below 1e-10 (the introduction's test shows 9 decimals).
    for (const p of [0.55, 0.7, 0.9, 0.975, 0.999]) {
      const z = normalQuantile(p);
      expect(Math.abs(normalProbability(0, z) - (p - 0.5))).toBeLessThan(
        1e-10,
      );
    }
  });

  it('refuses p outside (0, 1) and NaN, naming the function', () => {
    for (const p of [0, 1, -0.1, 1.5, NaN, Infinity]) {
      expect(() => normalQuantile(p)).toThrow(/normalQuantile: p must/);
    }
  });
});

describe('Student\'s t distribution', () => {
  it('tCdf matches SciPy t.cdf within (nu + 4) eps absolute (Eq. stat-t-cdf)', () => {
    // J is a sum of about nu/2 positive terms, each with a few
    // roundings: the absolute error is at most a few nu eps. (The lower
    // tail is now computed directly, Eq. (stat-t-tail), and is tested
    // for relative accuracy in the review block.)
    const { dof, t, scipy_cdf } = ref.t_cdf;
    dof.forEach((nu: number, i: number) => t.forEach((x: number, j: number) => {
      const err = Math.abs(tCdf(x, nu) - scipy_cdf[i][j]);
      expect(err, `nu=${nu}, t=${x}`).toBeLessThanOrEqual((nu + 4) * EPS);
    }));
  });

  it('tPdf matches SciPy t.pdf within 4 (nu + 4) eps relative (Eq. stat-t-pdf)', () => {
    // W_{nu-1} is a product of nu/2 factors and cos^(nu+1) amplifies
    // the relative error of cos by nu + 1: both grow like nu eps.
    const { dof, t, scipy_pdf } = ref.t_cdf;
    dof.forEach((nu: number, i: number) => t.forEach((x: number, j: number) => {
      const err = relativeError(tPdf(x, nu), scipy_pdf[i][j]);
      expect(err, `nu=${nu}, t=${x}`).toBeLessThanOrEqual(4 * (nu + 4) * EPS);
    }));
  });

  it('tPdf is the derivative of tCdf (central differences)', () => {
    // Central differences with h = 1e-5 have truncation error
    // h^2 |F'''| / 6 < 1e-11 and round-off eps / h < 3e-11.
    for (const nu of [1, 2, 5, 30]) {
      for (const x of [-3, -0.5, 0, 0.8, 2.5]) {
        const d = centralDifference((s) => tCdf(s, nu), x, 1e-5);
        expect(Math.abs(d - tPdf(x, nu)), `nu=${nu}, t=${x}`)
          .toBeLessThan(1e-10);
      }
    }
  });

  it('tQuantile matches the exact quantile (mpmath) within its condition bound', () => {
    // An error dF in the CDF moves the quantile by dF / p(t). With
    // dF <= 2 (nu + 4) eps (twice the CDF bound above) and the stopping
    // rule's 4 eps |t|, the bound below follows; measured: well inside.
    const { dof, p, exact } = ref.t_ppf;
    dof.forEach((nu: number, i: number) => p.forEach((pj: number, j: number) => {
      const t = exact[i][j];
      const bound = (2 * (nu + 4) * EPS) / tPdf(t, nu) + 4 * EPS * t;
      expect(Math.abs(tQuantile(pj, nu) - t), `nu=${nu}, p=${pj}`)
        .toBeLessThanOrEqual(bound);
    }));
  });

  it('tQuantile agrees with SciPy t.ppf within 1e-8 relative (SciPy\'s own accuracy)', () => {
    // SciPy's stdtrit inverts the incomplete beta function to about
    // 1e-9 only: the fixture shows it up to 4.6e-9 from the exact value.
    const { dof, p, scipy_ppf } = ref.t_ppf;
    dof.forEach((nu: number, i: number) => p.forEach((pj: number, j: number) => {
      expect(relativeError(tQuantile(pj, nu), scipy_ppf[i][j]))
        .toBeLessThan(1e-8);
    }));
  });

  it('tQuantile above nu = 1e5 (the expansion in 1/nu) is exact to rounding and fast at nu = 1e7', () => {
    // There the O(nu) CDF costs milliseconds a call and carries
    // (nu + 4) eps of noise, which kept Newton bisecting for seconds;
    // the expansion's first dropped term, g5/nu^5, is below 1e-20, so
    // the error is normalQuantile's, within 1e-15 (tested above).
    const { dof, p, exact } = ref.t_ppf_large;
    dof.forEach((nu: number, i: number) => p.forEach((pj: number, j: number) => {
      expect(relativeError(tQuantile(pj, nu), exact[i][j]), `nu=${nu}, p=${pj}`)
        .toBeLessThan(1e-15);
    }));
    const start = performance.now();
    tQuantile(0.975, 1e7); // 1.3 to 3.9 s before; a generous bound
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('has the closed forms for nu = 1 (Cauchy) and nu = 2', () => {
    for (const p of [0.1, 0.6, 0.9, 0.975, 0.995]) {
      const cauchy = Math.tan(Math.PI * (p - 0.5));
      const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      expect(relativeError(tQuantile(p, 1), cauchy)).toBeLessThan(1e-13);
      expect(relativeError(tQuantile(p, 2), two)).toBeLessThan(1e-13);
    }
  });

  it('approaches the normal quantile like z + g1/nu + g2/nu^2', () => {
    // Abramowitz and Stegun 26.7.5: g1 = (z^3 + z)/4 and
    // g2 = (5z^5 + 16z^3 + 3z)/96; the next term, g3/nu^3, has
    // g3 = 2.6 at z = 1.96, so the remainder is below 4/nu^3.
    const z = normalQuantile(0.975);
    const g1 = (z ** 3 + z) / 4;
    const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
    for (const nu of [50, 200, 1000, 10000]) {
      const approx = z + g1 / nu + g2 / nu ** 2;
      expect(Math.abs(tQuantile(0.975, nu) - approx), `nu = ${nu}`)
        .toBeLessThan(4 / nu ** 3);
    }
  });

  it('refuses non-integer or non-positive degrees of freedom and bad p', () => {
    expect(() => tCdf(1, 0)).toThrow(/tCdf: nu must be an integer/);
    expect(() => tPdf(1, 2.5)).toThrow(/tPdf: nu must be an integer/);
    expect(() => tQuantile(0.9, -3)).toThrow(/tQuantile: nu must/);
    expect(() => tQuantile(1, 3)).toThrow(/tQuantile: p must be in/);
    expect(() => tCdf(NaN, 3)).toThrow(/tCdf: t must be a finite/);
  });
});

describe('likelihood and maximum likelihood', () => {
  it('gaussianScore matches central differences (Eq. stat-gauss-score)', () => {
    const xs = gaussSample();
    const check = gradientCheck(
      (v) => gaussianLogLikelihood(xs, v[0], v[1]),
      (v) => gaussianScore(xs, v[0], v[1]),
      Float64Array.of(2.2, 1.7),
    );
    expect(check.ok, `max error ${check.maxError}`).toBe(true);
  });

  it('bernoulliScore matches central differences (Eq. stat-bern-score)', () => {
    const check = gradientCheck(
      (v) => bernoulliLogLikelihood(COINS, v[0]),
      (v) => Float64Array.of(bernoulliScore(COINS, v[0])),
      Float64Array.of(0.23),
    );
    expect(check.ok, `max error ${check.maxError}`).toBe(true);
  });

  it('the Gaussian MLE equals the closed form found by numerical maximization', () => {
    // Golden section stops at a bracket of 1e-13; the flat top of the
    // log-likelihood limits the argmax to about sqrt(eps) = 1.5e-8
    // relative, so we allow 1e-6.
    const xs = gaussSample();
    const fit = gaussianMle(xs);
    const mu = goldenMax((m) => gaussianLogLikelihood(xs, m, 2), -10, 10);
    const s2 = goldenMax((v) => gaussianLogLikelihood(xs, fit.mu, v),
      0.01, 20);
    expect(relativeError(mu, fit.mu)).toBeLessThan(1e-6);
    expect(relativeError(s2, fit.sigma2)).toBeLessThan(1e-6);
    let direct = 0; // Eq. (stat-gauss-mle-var): divisor n
    for (const x of xs) direct += (x - fit.mu) ** 2 / xs.length;
    expect(relativeError(fit.sigma2, direct)).toBeLessThan(1e-13);
  });

  it('the score vanishes at the Gaussian MLE, and the maximum is -n/2 (log 2 pi sigma2 + 1)', () => {
    const xs = gaussSample();
    const { n, mu, sigma2 } = gaussianMle(xs);
    const g = numericalGradient(
      (v) => gaussianLogLikelihood(xs, v[0], v[1]),
      Float64Array.of(mu, sigma2),
    );
    // central differences of a function of size ~50 with h ~ 1e-5:
    // round-off about 50 eps / h = 1e-9
    expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-6);
    const max = (-n / 2) * (Math.log(2 * Math.PI * sigma2) + 1);
    expect(relativeError(gaussianLogLikelihood(xs, mu, sigma2), max))
      .toBeLessThan(1e-13); // Eq. (stat-gauss-mle-var)
  });

  it('the Bernoulli MLE k/n is the maximizer of the log-likelihood (Eq. stat-bern-mle)', () => {
    const p = goldenMax((q) => bernoulliLogLikelihood(COINS, q), 1e-6,
      1 - 1e-6);
    expect(bernoulliMle(COINS)).toBe(7 / 20);
    expect(Math.abs(p - 7 / 20)).toBeLessThan(1e-7);
    expect(bernoulliScore(COINS, 7 / 20)).toBeCloseTo(0, 12);
  });

  it('the Gaussian MLE matches SciPy norm.fit on Newcomb\'s data', () => {
    // mean and a sum of 66 squares: a few eps relative in either code
    const fit = gaussianMle(loadNewcomb());
    const sp = ref.newcomb.all.norm_fit;
    expect(relativeError(fit.mu, sp.mu)).toBeLessThan(1e-14);
    expect(relativeError(Math.sqrt(fit.sigma2), sp.sigma)).toBeLessThan(
      1e-14,
    );
  });

  it('refuses samples with no spread, too few values, NaN and non-binary data', () => {
    expect(() => gaussianMle([2, 2, 2])).toThrow(/gaussianMle: all values/);
    expect(() => gaussianMle([1])).toThrow(/gaussianMle: need n >= 2/);
    expect(() => gaussianMle([1, NaN])).toThrow(/gaussianMle: xs must/);
    expect(() => gaussianLogLikelihood([1, 2], 0, 0)).toThrow(
      /gaussianLogLikelihood: sigma2 must be > 0/,
    );
    expect(() => bernoulliMle([0, 1, 2])).toThrow(/x must be 0 or 1/);
    expect(() => bernoulliScore(COINS, 0)).toThrow(
      /bernoulliScore: p must be in \(0, 1\)/,
    );
  });
});

describe('MAP estimation', () => {
  it('the Beta prior is conjugate: prior x likelihood / posterior is constant in p (Eq. stat-beta-post)', () => {
    const prior = { a: 3, b: 2 };
    const post = betaBernoulliPosterior(prior, COINS);
    expect(post).toEqual({ a: 10, b: 15 });
    const logRatio = (p: number) => betaLogPdf(p, prior.a, prior.b) +
      bernoulliLogLikelihood(COINS, p) - betaLogPdf(p, post.a, post.b);
    const c = logRatio(0.5);
    for (const p of [0.05, 0.2, 0.35, 0.8, 0.97]) {
      // sums of a few logs of size ~20: a few 1e-15 absolute
      expect(Math.abs(logRatio(p) - c), `p = ${p}`).toBeLessThan(1e-12);
    }
  });

  it('the MAP estimate maximizes the log-posterior (Eq. stat-beta-map)', () => {
    const prior = { a: 3, b: 2 };
    const post = betaBernoulliPosterior(prior, COINS);
    const logPost = (p: number) =>
      bernoulliLogLikelihood(COINS, p) + betaLogPdf(p, prior.a, prior.b);
    const found = goldenMax(logPost, 1e-6, 1 - 1e-6);
    expect(Math.abs(found - betaMode(post))).toBeLessThan(1e-7);
    expect(betaMode(post)).toBeCloseTo(9 / 23, 15);
  });

  it('MAP is the MLE of the data plus a-1 ones and b-1 zeros; Beta(1, 1) gives the MLE', () => {
    const prior = { a: 4, b: 3 };
    const padded = [...COINS, 1, 1, 1, 0, 0]; // a - 1 = 3, b - 1 = 2
    expect(betaMode(betaBernoulliPosterior(prior, COINS))).toBe(
      bernoulliMle(padded),
    );
    expect(betaMode(betaBernoulliPosterior({ a: 1, b: 1 }, COINS))).toBe(
      bernoulliMle(COINS),
    );
  });

  it('the posterior mean (k + a)/(n + a + b) lies between the prior mean and the MLE', () => {
    const prior = { a: 8, b: 2 }; // prior mean 0.8, MLE 0.35
    const m = betaMean(betaBernoulliPosterior(prior, COINS));
    expect(m).toBeCloseTo(15 / 30, 15); // Eq. (stat-beta-mean)
    expect(m).toBeGreaterThan(bernoulliMle(COINS));
    expect(m).toBeLessThan(betaMean(prior));
  });

  it('the Gaussian-prior MAP of a mean is the shrunken average (Eq. stat-shrinkage)', () => {
    const xs = gaussSample(12);
    const sigma2 = 2.25;
    const post = gaussianMeanPosterior(xs, sigma2, 0, 0.5);
    const logPost = (v: Float64Array) =>
      gaussianLogLikelihood(xs, v[0], sigma2) +
      normalLogPdf(v[0], 0, Math.sqrt(0.5));
    const [slope] = numericalGradient(logPost, Float64Array.of(post.mean));
    expect(Math.abs(slope)).toBeLessThan(1e-7); // round-off ~ 30 eps / h
    // the penalized least-squares form: (sum x + lambda mu0)/(n + lambda)
    const lambda = sigma2 / 0.5;
    const sum = xs.reduce((s, x) => s + x, 0);
    expect(relativeError(post.mean, sum / (xs.length + lambda)))
      .toBeLessThan(1e-14);
  });

  it('the posterior variance is minus one over the curvature of the log-posterior', () => {
    const xs = gaussSample(12);
    const post = gaussianMeanPosterior(xs, 2.25, 1, 0.5);
    const f = (m: number) => gaussianLogLikelihood(xs, m, 2.25) +
      normalLogPdf(m, 1, Math.sqrt(0.5));
    const h = 1e-3; // second difference: exact for a quadratic in m
    const curv = (f(post.mean + h) - 2 * f(post.mean) + f(post.mean - h)) /
      (h * h);
    // round-off 4 |f| eps / h^2 with |f| ~ 25: about 2e-8 relative
    expect(relativeError(-1 / curv, post.variance)).toBeLessThan(1e-6);
  });

  it('shrinkage fades with data and with a flat prior', () => {
    const xs = gaussSample(400);
    const xbar = moments(xs).mean;
    const many = gaussianMeanPosterior(xs, 2.25, -5, 0.5);
    const flat = gaussianMeanPosterior(xs.slice(0, 5), 2.25, -5, 1e12);
    const few = gaussianMeanPosterior(xs.slice(0, 1), 2.25, -5, 1e-6);
    expect(many.weight).toBeGreaterThan(0.98); // 400/2.25 vs 1/0.5
    expect(Math.abs(flat.mean - moments(xs.slice(0, 5)).mean))
      .toBeLessThan(1e-10);
    expect(Math.abs(few.mean + 5)).toBeLessThan(1e-5); // the prior wins
    expect(Math.abs(many.mean - xbar)).toBeLessThan(
      Math.abs(-5 - xbar) * 0.02,
    );
  });

  it('refuses improper or modeless priors and bad variances', () => {
    expect(() => betaBernoulliPosterior({ a: 0, b: 1 }, COINS)).toThrow(
      /betaBernoulliPosterior: prior.a must be > 0/,
    );
    expect(() => betaMode({ a: 0.5, b: 3 })).toThrow(/betaMode: needs a >= 1/);
    expect(() => betaMode({ a: 1, b: 1 })).toThrow(/betaMode/);
    expect(() => gaussianMeanPosterior([1, 2], 1, 0, 0)).toThrow(
      /gaussianMeanPosterior: tau2 must be > 0/,
    );
  });
});

describe('bias, variance and MSE by simulation', () => {
  const N = TEST_SIZES.varianceN;
  const SIGMA2 = 4;
  const REPS = TEST_SIZES.varianceReps;
  const study = varianceStudy(8, N, SIGMA2, REPS, [N - 1, N, N + 1]);

  it('MSE = bias^2 + variance holds for simulated estimates (Eq. stat-mse)', () => {
    for (const row of study) {
      const { bias, variance, mse } = row.measured;
      // an algebraic identity; only rounding separates the two sides
      expect(relativeError(bias * bias + variance, mse)).toBeLessThan(1e-12);
    }
  });

  it('the simulated mean of S/c is (n-1) sigma^2 / c within 4 standard errors (Eq. stat-s-mean)', () => {
    for (const row of study) {
      const se = Math.sqrt(row.theory.variance / REPS);
      const z = (row.measured.bias - row.theory.bias) / se;
      expect(Math.abs(z), `c = ${row.c}: z = ${z}`).toBeLessThan(Z_BOUND);
    }
  });

  it('the simulated variance of S/c is 2(n-1) sigma^4 / c^2 within 4 standard errors (Eq. stat-s-var)', () => {
    // S/sigma^2 is chi-square with k = n-1 degrees of freedom: fourth
    // central moment 12k(k+4), so a sample variance of R estimates has
    // standard error sqrt((12k(k+4) - 4k^2)/R) (sigma^2/c)^2.
    const k = N - 1;
    for (const row of study) {
      const scale = (SIGMA2 / row.c) ** 2;
      const se = Math.sqrt((12 * k * (k + 4) - 4 * k * k) / REPS) * scale;
      const z = (row.measured.variance - row.theory.variance) / se;
      expect(Math.abs(z), `c = ${row.c}: z = ${z}`).toBeLessThan(Z_BOUND);
    }
  });

  it('the unbiased S/(n-1) has the largest MSE of the three; S/(n+1) the smallest', () => {
    const [unbiased, mle, best] = study.map((r) => r.measured.mse);
    expect(unbiased).toBeGreaterThan(mle);
    expect(mle).toBeGreaterThan(best);
    const theory = (c: number) => varianceEstimatorTheory(N, c, SIGMA2).mse;
    const slope = centralDifference(theory, N + 1, 1e-4);
    expect(Math.abs(slope)).toBeLessThan(1e-9); // Eq. (stat-best-divisor)
    expect(theory(N + 1)).toBeLessThan(theory(N + 1.01));
    expect(theory(N + 1)).toBeLessThan(theory(N + 0.99));
  });

  it('samplingDistributions feeds the same samples to every estimator', () => {
    const draw = (r: ReturnType<typeof createRng>) => r.normalArray(5);
    const [a, b] = samplingDistributions(createRng(3), 50, draw, [
      (xs) => varianceWithDivisor(xs, 4),
      (xs) => varianceWithDivisor(xs, 5),
    ]);
    a.forEach((v, r) => expect(relativeError(b[r], (v * 4) / 5))
      .toBeLessThan(1e-15));
  });

  it('refuses bad divisors, sizes and repetition counts', () => {
    expect(() => varianceWithDivisor([1, 2], 0)).toThrow(
      /varianceWithDivisor: c must be > 0/,
    );
    expect(() => varianceEstimatorTheory(1, 1, 1)).toThrow(
      /varianceEstimatorTheory: n must be an integer >= 2/,
    );
    expect(() => estimatorError([1, NaN], 0)).toThrow(/estimatorError/);
    expect(() => samplingDistributions(createRng(1), 1, (r) =>
      r.normalArray(2), [])).toThrow(/samplingDistributions: reps/);
  });
});

describe('confidence intervals and their coverage', () => {
  const n = TEST_SIZES.coverageN;
  const reps = TEST_SIZES.coverageReps;
  const cov = coverageStudy(31, n, reps, 2); // B unused below

  it('the t interval matches SciPy t.interval on Newcomb\'s data', () => {
    const xs = loadNewcomb();
    const ours = tInterval(xs, 0.95);
    const [lo, hi] = ref.newcomb.all.t_interval_95;
    // SciPy's t.ppf is accurate to about 1e-8 relative (see above), and
    // its error scales the half-width; mean and s add a few eps.
    const allowed = 1e-8 * (hi - lo) / 2 + 1e-13 * Math.abs(hi);
    expect(Math.abs(ours.lo - lo)).toBeLessThan(allowed);
    expect(Math.abs(ours.hi - hi)).toBeLessThan(allowed);
  });

  it('the z interval with known sigma covers 95% within 4 binomial standard errors', () => {
    const c = cov['z, σ known'];
    expect(Math.abs(c.rate - 0.95) / c.se).toBeLessThan(Z_BOUND);
  });

  it('the t interval covers 95% within 4 binomial standard errors at n = 8', () => {
    const c = cov.t;
    expect(Math.abs(c.rate - 0.95) / c.se).toBeLessThan(Z_BOUND);
  });

  it('z with estimated sigma undercovers, as Eq. (stat-plugin-coverage) predicts', () => {
    const c = cov['z, σ estimated'];
    const exact = plugInCoverage(n); // 2 F_t(1.96; 7) - 1, about 0.91
    expect(exact).toBeLessThan(0.92);
    expect(Math.abs(c.rate - exact) / c.se).toBeLessThan(Z_BOUND);
    expect(c.rate).toBeLessThan(cov.t.rate);
  });

  it('the bootstrap percentile interval covers close to 95% at n = 30', () => {
    // 1000 intervals, each from B = 250 resamples: the coverage has a
    // binomial standard error of sqrt(0.95 * 0.05 / 1000) = 0.0069.
    // For the mean of normal data the percentile interval is close to
    // xbar +- 1.96 sigma_MLE / sqrt(n), whose exact coverage at n = 30
    // is 0.936 (Eq. stat-plugin-coverage with f = sqrt(29/30)): that
    // 0.014 shortfall is real, not noise, and is allowed on top of 4 SE.
    const { bootN: nb, bootReps, bootB } = TEST_SIZES;
    const boot = coverageStudy(77, nb, bootReps, bootB).bootstrap;
    const predicted = plugInCoverage(nb, Math.sqrt((nb - 1) / nb));
    expect(0.95 - predicted).toBeLessThan(0.015);
    expect(Math.abs(boot.rate - predicted) / boot.se).toBeLessThan(Z_BOUND);
    expect(Math.abs(boot.rate - 0.95)).toBeLessThan(
      0.95 - predicted + Z_BOUND * boot.se,
    );
  });

  it('refuses bad levels, sigma and samples', () => {
    expect(() => zInterval([1, 2, 3], 0)).toThrow(
      /zInterval: sigma must be > 0/,
    );
    expect(() => tInterval([1, 2, 3], 1)).toThrow(
      /tInterval: level must be in \(0, 1\)/,
    );
    expect(() => tInterval([1])).toThrow(/tInterval: need n >= 2/);
  });
});

describe('the bootstrap', () => {
  it('quantile equals NumPy\'s default (linear) quantile (Eq. stat-quantile)', () => {
    const { p, small, newcomb } = ref.quantiles;
    const xs = loadNewcomb();
    p.forEach((pi: number, i: number) => {
      // one interpolation between two stored values: a few eps
      expect(Math.abs(quantile(small.data, pi) - small.quantiles[i]))
        .toBeLessThan(1e-14);
      expect(Math.abs(quantile(xs, pi) - newcomb[i])).toBeLessThan(1e-13);
    });
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it('resamples uniformly with replacement: the exact law of the mean of two values', () => {
    // the mean of a resample of (0, 1) is 0, 1/2 or 1 with
    // probabilities 1/4, 1/2, 1/4: Pearson's chi-square with 2 degrees
    // of freedom, |z| < 5 as in the introduction
    const reps = bootstrapReplicates(createRng(5), [0, 1],
      (s) => (s[0] + s[1]) / 2, 20000);
    const counts = [0, 0, 0];
    for (const r of reps) counts[r * 2]++;
    const { z } = chiSquare(counts, [0.25, 0.5, 0.25]);
    expect(Math.abs(z)).toBeLessThan(5);
  });

  it('the bootstrap standard error of the mean approaches sigma_MLE / sqrt(n)', () => {
    // the exact bootstrap variance of the mean is sigma_MLE^2 / n
    // (Eq. stat-boot-mean-var); with B replicates a standard deviation
    // has relative standard error about 1 / sqrt(2(B - 1)).
    const xs = gaussSample(30);
    const B = 4000;
    const se = bootstrapStandardError(bootstrapReplicates(createRng(9), xs,
      (s) => moments(s).mean, B));
    const exact = Math.sqrt(gaussianMle(xs).sigma2 / xs.length);
    const z = (se - exact) / (exact / Math.sqrt(2 * (B - 1)));
    expect(Math.abs(z)).toBeLessThan(Z_BOUND);
  });

  it('percentileInterval reads the alpha/2 and 1 - alpha/2 quantiles', () => {
    const reps = Float64Array.from({ length: 1001 }, (_, i) => i / 1000);
    createRng(2).shuffle(Array.from(reps)); // order must not matter
    const { lo, hi } = percentileInterval(reps.reverse(), 0.9);
    expect(lo).toBeCloseTo(0.05, 14);
    expect(hi).toBeCloseTo(0.95, 14);
  });

  it('the same seed gives the same replicates; another seed others', () => {
    const xs = gaussSample(10);
    const stat = (s: Float64Array) => moments(s).mean;
    const a = bootstrapReplicates(createRng(4), xs, stat, 50);
    const b = bootstrapReplicates(createRng(4), xs, stat, 50);
    const c = bootstrapReplicates(createRng(5), xs, stat, 50);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('refuses bad p, B and levels', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(/quantile: p must be/);
    expect(() => quantile([], 0.5)).toThrow(/quantile: xs must be non-empty/);
    expect(() => bootstrapReplicates(createRng(1), [1, 2], median, 1))
      .toThrow(/bootstrapReplicates: B must be an integer >= 2/);
    expect(() => percentileInterval([1, 2, 3], 0)).toThrow(
      /percentileInterval: level must be in/,
    );
  });
});

describe('Newcomb\'s data', () => {
  it('loads 66 values with the published summaries and checks its hash', () => {
    const xs = loadNewcomb();
    expect(xs.length).toBe(66);
    expect(Math.min(...xs)).toBe(-44);
    expect(median(xs)).toBe(ref.newcomb.all.median);
    expect(ref.newcomb.sha256).toBe(NEWCOMB_SHA256);
  });

  it('refuses a copy with one value changed', () => {
    const text = readFileSync(newcombPath(), 'utf8').replace('\n28\n',
      '\n29\n');
    const dir = mkdtempSync(join(tmpdir(), 'newcomb-'));
    const path = join(dir, 'newcomb.csv');
    writeFileSync(path, text);
    expect(() => loadNewcomb(path)).toThrow(/loadNewcomb: .* has SHA-256/);
  });

  it('the outliers move the mean and its interval, the median barely', () => {
    const { all, kept } = newcombStudy(); // as on the page
    const meanShift = kept.mle.mu - all.mle.mu;
    const medianShift = kept.median - all.median;
    expect(meanShift).toBeGreaterThan(1.5);
    expect(Math.abs(medianShift)).toBeLessThanOrEqual(0.5);
    const width = (i: { lo: number; hi: number }) => i.hi - i.lo;
    expect(width(all.t)).toBeGreaterThan(1.9 * width(kept.t));
    expect(width(all.medianBoot)).toBeLessThan(width(all.meanBoot));
    // the median's interval gets wider, by half a unit, without them:
    // its ends are order statistics, integers or half integers
    expect(width(kept.medianBoot) - width(all.medianBoot)).toBe(0.5);
    expect(Math.sqrt(all.mle.sigma2 / kept.mle.sigma2)).toBeGreaterThan(2);
    // with the outliers, t and bootstrap intervals for the mean roughly
    // agree; without them, closely
    expect(Math.abs(all.meanBoot.lo - all.t.lo)).toBeLessThan(0.5);
    expect(Math.abs(all.meanBoot.hi - all.t.hi)).toBeLessThan(0.5);
    // without the outliers, the two mean intervals nearly agree
    expect(Math.abs(kept.meanBoot.lo - kept.t.lo)).toBeLessThan(0.15);
    expect(Math.abs(kept.meanBoot.hi - kept.t.hi)).toBeLessThan(0.15);
  });
});

describe('paired comparisons (code/statistics/paired.ts)', () => {
  it('meanStandardError: mean 3 and s/√n = √(14/3/4) for 1, 2, 3, 6', () => {
    const r = meanStandardError([1, 2, 3, 6]);
    expect(r.mean).toBe(3);
    expect(r.se).toBeCloseTo(Math.sqrt(7 / 6), 15);
  });

  it('pairedDifference: differences 2, 3, 0 give 5/3 and √7/3', () => {
    const r = pairedDifference([3, 5, 4], [1, 2, 4]);
    expect(r.mean).toBeCloseTo(5 / 3, 15);
    expect(r.se).toBeCloseTo(Math.sqrt(7) / 3, 15);
  });

  it('pairedDifference: what both share per item cancels', () => {
    const a = [3, 5, 4, 8], b = [1, 2, 4, 7];
    const shared = [100, -40, 7, 1e3];
    const r = pairedDifference(a.map((v, i) => v + shared[i]),
      b.map((v, i) => v + shared[i]));
    const plain = pairedDifference(a, b);
    expect(r.mean).toBeCloseTo(plain.mean, 12);
    expect(r.se).toBeCloseTo(plain.se, 12);
    // unpaired, the shared part would swamp the difference
    expect(Math.hypot(meanStandardError(a.map((v, i) => v + shared[i])).se,
      meanStandardError(b.map((v, i) => v + shared[i])).se))
      .toBeGreaterThan(100 * r.se);
  });

  it('ratioOfSums: (3 + 1 + 2) / (2 + 1 + 1) = 1.5', () => {
    expect(ratioOfSums([3, 1, 2], [2, 1, 1])).toBe(1.5);
  });

  it('pairedRatioDifference: D = 4/6 and the delta-method SE 1/(3√3)', () => {
    // d = 2, 0, 2 on 2, 1, 3 characters; residuals 2/3, -2/3, 0
    const r = pairedRatioDifference([4, 2, 3], [2, 2, 1], [2, 1, 3]);
    expect(r.diff).toBeCloseTo(2 / 3, 15);
    expect(r.se).toBeCloseTo(1 / (3 * Math.sqrt(3)), 15);
  });

  it('pairedRatioDifference: with one character a word, pairedDifference', () => {
    const a = [3, 5, 4, 8], b = [1, 2, 4, 7];
    const r = pairedRatioDifference(a, b, [1, 1, 1, 1]);
    const p = pairedDifference(a, b);
    expect(r.diff).toBeCloseTo(p.mean, 14);
    expect(r.se).toBeCloseTo(p.se, 14);
  });

  it('discordantDifference: 3 vs 1 of 10 gives 0.2 and 0.6/√10', () => {
    const r = discordantDifference(3, 1, 10);
    expect(r.mean).toBeCloseTo(0.2, 15);
    expect(r.se).toBeCloseTo(0.6 / Math.sqrt(10), 15);
    // = the SE of the mean of the per-example differences, divisor n
    const d = [1, 1, 1, -1, 0, 0, 0, 0, 0, 0];
    expect(r.se).toBeCloseTo(meanStandardError(d).se * Math.sqrt(9 / 10),
      15);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('quantiles, the bootstrap and its intervals', () => {
    rejectsBadInput(badInput.bootstrap);
  });

  it('estimators as random variables, and the studies', () => {
    rejectsBadInput(badInput.estimators);
  });

  it('z and t intervals, coverage, and the normal and t quantiles', () => {
    rejectsBadInput(badInput.intervals);
  });

  it('likelihoods, scores and MLEs', () => {
    rejectsBadInput(badInput.likelihood);
  });

  it('MAP estimates with conjugate priors', () => {
    rejectsBadInput(badInput.map);
  });

  it("Newcomb's data", () => {
    rejectsBadInput(badInput.newcomb);
  });

  it('the exercise solutions', () => {
    rejectsBadInput(badInput.solutions);
  });

  it('paired differences and their standard errors', () => {
    rejectsBadInput(badInput.paired);
  });
});

describe('review', () => {
  it("the 24 800 ns offset is the light's passage over Newcomb's 7.44 km", () => {
    const us = (NEWCOMB_PATH_M / SPEED_OF_LIGHT) * 1e6;
    // the measurements scatter a few tens of ns around 24 800 ns
    expect(Math.abs(us - 24.8)).toBeLessThan(0.05);
    expect(NEWCOMB_PATH_M / 2).toBeLessThan(3800); // one way: 3.7 km
  });

  it('the coverage figure: every exact interval within 3 SE of 95%', () => {
    // the figure's runs (seed 100 + 10 i, 1000 intervals each); the
    // z interval with known sigma and the t interval are exact
    [4, 8, 16, 32, 64].forEach((n, i) => {
      const c = coverageStudy(100 + 10 * i, n, 1000, 2);
      for (const m of ['z, σ known', 't'] as const) {
        expect(Math.abs(c[m].rate - 0.95) / c[m].se, `${m}, n = ${n}`)
          .toBeLessThan(3);
      }
    });
  });

  it('tQuantile(1e-17, 5) is -3939.62..., where 1 - p rounds to 1', () => {
    const exact = ref.t_ppf_tail.exact[ref.t_ppf_tail.dof.indexOf(5)][
      ref.t_ppf_tail.p.indexOf(1e-17)];
    expect(1 - 1e-17).toBe(1);
    expect(relativeError(tQuantile(1e-17, 5), exact)).toBeLessThan(1e-14);
  });

  it('tQuantile keeps its relative accuracy in the lower tail (mpmath), down to p = 1e-300', () => {
    // The tail is a sum of positive terms and W_m a product of m/2
    // factors: relative errors of a few nu eps, divided by the tail's
    // log-derivative in log t (nu in the far tail, above 1/10 near the
    // centre). Measured: at most 75 eps up to nu = 1000, 1.1e4 eps at
    // nu = 1e5; the bound is (nu + 100) eps.
    const { dof, p, exact } = ref.t_ppf_tail;
    dof.forEach((nu: number, i: number) => p.forEach((pj: number, j: number) => {
      expect(relativeError(tQuantile(pj, nu), exact[i][j]), `nu=${nu}, p=${pj}`)
        .toBeLessThanOrEqual((nu + 100) * EPS);
    }));
  });

  it('tCdf is relatively accurate in the lower tail (mpmath)', () => {
    const { dof, t, exact } = ref.t_cdf_tail;
    dof.forEach((nu: number, i: number) => t.forEach((x: number, j: number) => {
      const ours = tCdf(x, nu);
      if (exact[i][j] === 0) {
        // far below the smallest double: the series underflows too
        expect(ours, `nu=${nu}, t=${x}`).toBeLessThan(1e-300);
      } else {
        expect(relativeError(ours, exact[i][j]), `nu=${nu}, t=${x}`)
          .toBeLessThanOrEqual((nu + 100) * EPS);
      }
    }));
  });

  it("SciPy's t.ppf at p = 1e-300 stops at -1e100 for nu <= 3 (as the page says)", () => {
    const { dof, scipy_ppf, exact } = ref.t_ppf_tail;
    const i1 = dof.indexOf(1);
    expect(scipy_ppf[i1][0]).toBe(-1e100);
    expect(exact[i1][0]).toBeLessThan(-1e299);
  });

  it('the exact bootstrap (B to infinity) covers less than its normal approximation at n = 4', () => {
    // all 35 compositions of a resample of 4 enumerated; 20 000 samples
    const c = exactBootstrapCoverage(107, 4, 20_000);
    const se = Math.sqrt((c.rate * (1 - c.rate)) / c.reps);
    const curve = plugInCoverage(4, Math.sqrt(3 / 4)); // 0.812
    expect(c.rate + 3 * se).toBeLessThan(curve);
    expect(c.rate).toBeGreaterThan(0.75);
  });

  it('the exact bootstrap enumeration at n = 2 covers exactly 1/2', () => {
    // resample means x1, (x1 + x2)/2, x2 with weights 1/4, 1/2, 1/4: the
    // 2.5% and 97.5% points are the sample's min and max, which enclose
    // mu unless both draws fall on one side: probability 1 - 1/4 - 1/4
    const c = exactBootstrapCoverage(9, 2, 20_000);
    expect(Math.abs(c.rate - 0.5) / Math.sqrt(0.25 / 20_000))
      .toBeLessThan(Z_BOUND);
  });

  it('bootstrapReplicates refuses a statistic that returns NaN', () => {
    expect(() => bootstrapReplicates(createRng(1), [1, 2, 3], () => NaN, 2))
      .toThrow(/^bootstrapReplicates: .*statistic/);
  });

  it('errors name the function the caller called', () => {
    expect(() => bernoulliMle([0, 2])).toThrow(/^bernoulliMle:/);
    expect(() => bernoulliLogLikelihood([0, 2], 0.5))
      .toThrow(/^bernoulliLogLikelihood:/);
    expect(() => betaBernoulliPosterior({ a: 1, b: 1 }, [3]))
      .toThrow(/^betaBernoulliPosterior:/);
    expect(() => gaussianScore([1, NaN], 0, 1)).toThrow(/^gaussianScore:/);
    expect(() => median([])).toThrow(/^median:/);
  });
});

describe('exercise solutions', () => {
  it('Exercise 1: -E[l\'\'(p)] = n / (p (1 - p)), summed over the binomial', () => {
    const [n, p] = [20, 0.05];
    let info = 0;
    let logC = 0;
    for (let k = 0; k <= n; k++) {
      if (k > 0) logC += Math.log((n - k + 1) / k);
      const pk = Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
      info += pk * (k / p ** 2 + (n - k) / (1 - p) ** 2); // -l''(p)
    }
    expect(relativeError(info, n / (p * (1 - p)))).toBeLessThan(1e-13);
  });

  it("Exercise 1: the Wald interval's exact coverage at n = 20, p = 0.05 is far below 95%, and simulation agrees", () => {
    const exact = exactCoverage(20, 0.05, waldInterval);
    expect(exact).toBeLessThan(0.7);
    const draw = (rng: ReturnType<typeof createRng>) =>
      Float64Array.from({ length: 20 }, () => (rng.uniform() < 0.05 ? 1 : 0));
    const sim = coverage(createRng(71), 2000, draw, (xs) => waldInterval(xs),
      0.05);
    const se = Math.sqrt((exact * (1 - exact)) / 2000);
    expect(Math.abs(sim.rate - exact) / se).toBeLessThan(Z_BOUND);
  });

  it('Exercise 1: the plus-four interval covers its exact coverage, above 95%', () => {
    const exact = exactCoverage(20, 0.05, plusFourInterval);
    expect(exact).toBeGreaterThan(0.95);
    const draw = (rng: ReturnType<typeof createRng>) =>
      Float64Array.from({ length: 20 }, () => (rng.uniform() < 0.05 ? 1 : 0));
    const sim = coverage(createRng(72), 2000, draw,
      (xs) => plusFourInterval(xs), 0.05);
    const se = Math.sqrt((exact * (1 - exact)) / 2000);
    expect(Math.abs(sim.rate - exact) / se).toBeLessThan(Z_BOUND);
  });

  it('Exercise 3: Var(median)/Var(mean) at n = 25 matches the order-statistic integral', () => {
    // the median of 25 is the 13th order statistic, with density
    // 25!/(12! 12!) Phi^12 (1 - Phi)^12 phi; Phi from the introduction's
    // Simpson rule (error < 1e-10), the integral by the trapezoid rule
    // on [-6, 6] with h = 0.01 (the density is smooth and negligible
    // beyond): Var(mean) = 1/25
    let logC = 0;
    for (let k = 13; k <= 25; k++) logC += Math.log(k);
    for (let k = 2; k <= 12; k++) logC -= Math.log(k);
    let v = 0;
    for (let i = -600; i <= 600; i++) {
      const x = i / 100;
      const Phi = 0.5 + Math.sign(x) * normalProbability(0, Math.abs(x) || 1e-12);
      const f = Math.exp(logC + 12 * Math.log(Phi) + 12 * Math.log1p(-Phi) -
        0.5 * x * x) / Math.sqrt(2 * Math.PI);
      v += x * x * f * 0.01;
    }
    const exact = 25 * v;
    expect(exact).toBeLessThan(Math.PI / 2); // finite n: below the limit
    const R = 10_000;
    const ratio = varianceRatio(createRng(73), 25, 0, 10, R);
    // conservative SE: log of a ratio of two sample variances, each
    // with variance 2/R, ignoring their positive correlation
    expect(Math.abs(ratio - exact) / (exact * Math.sqrt(4 / R)))
      .toBeLessThan(5);
  });

  it('Exercise 3: with 5% wild values the median beats the mean', () => {
    expect(varianceRatio(createRng(74), 25, 0.05, 10, 4000)).toBeLessThan(0.5);
    const xs = contaminatedNormal(createRng(75), 10_000, 0.05, 10);
    // the mixture's variance is 0.95 + 0.05 * 100 = 5.95
    const se = Math.sqrt((0.95 * 3 + 0.05 * 3 * 1e4 - 5.95 ** 2) / 10_000);
    expect(Math.abs(moments(xs).variance - 5.95) / se).toBeLessThan(5);
  });

  it('Exercise 4: a resample holds the sample maximum with probability 1 - (1 - 1/n)^n', () => {
    const xs = createRng(76).uniformArray(50);
    const B = 10_000;
    const share = maxReplicateShare(createRng(77), xs, B);
    const p = 1 - (49 / 50) ** 50;
    expect(Math.abs(share - p) / Math.sqrt((p * (1 - p)) / B)).toBeLessThan(5);
    expect(sampleMax([3, -1, 7, 2])).toBe(7);
  });

  it('Exercise 4: percentile intervals of the maximum never cover theta', () => {
    const draw = (rng: ReturnType<typeof createRng>) => rng.uniformArray(50);
    const c = coverage(createRng(78), 200, draw, (xs, rng) =>
      percentileInterval(bootstrapReplicates(rng, xs, sampleMax, 200)), 1);
    expect(c.hits).toBe(0);
  });

  it('Exercise 5: P(|T| <= t) is the incomplete beta I_x(1/2, nu/2), x = t^2/(nu + t^2)', () => {
    // with x = u^2 the integrand x^(-1/2) (1 - x)^(nu/2 - 1) becomes
    // 2 (1 - u^2)^(nu/2 - 1), smooth on [0, sqrt(x)] with sqrt(x) < 1:
    // Simpson's rule with 2000 panels errs by far less than 1e-10
    const simpson = (f: (u: number) => number, b: number) => {
      const m = 2000;
      const h = b / m;
      let sum = f(0) + f(b);
      for (let k = 1; k < m; k++) sum += (k % 2 ? 4 : 2) * f(k * h);
      return (sum * h) / 3;
    };
    for (const nu of [2, 3, 5, 8]) {
      for (const t of [0.4, 1.3, 3]) {
        const g = (u: number) => (1 - u * u) ** (nu / 2 - 1);
        const x = (t * t) / (nu + t * t);
        // B(1/2, nu/2) from the probability chapter's log-gamma
        const incomplete = (2 * simpson(g, Math.sqrt(x))) /
          Math.exp(logBeta(0.5, nu / 2));
        expect(Math.abs(2 * tCdf(t, nu) - 1 - incomplete), `nu=${nu}, t=${t}`)
          .toBeLessThan(1e-10);
      }
    }
  });
});
