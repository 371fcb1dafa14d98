// Tests for the probability chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/foundations/probability.mdx.
//
// Statistical tests use fixed seeds and a bound of 5 standard errors
// (5 SE). For an estimate that is close to normal, as every sample mean
// here is by the central limit theorem (n >= 2000), a deviation beyond
// 5 SE has probability about 6e-7: a failure means a wrong formula, not
// bad luck. A wrong mean or variance by a few percent is far beyond it.
import { describe, expect, it } from 'vitest';
import {
  assertAllClose,
  gradientCheck,
  relativeError,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  chiSquare,
  normalProbability,
} from '../code/introduction/stats.ts';
import {
  Matrix,
  fromRows,
  type Vector,
} from '../code/linear-algebra/matrix.ts';
import { NotPositiveDefiniteError } from '../code/decompositions/cholesky.ts';
import { logSoftmax } from '../code/calculus/softmax.ts';
import { bayesPosterior } from '../code/probability/bayes.ts';
import {
  sampleCovariance,
  sampleMean,
} from '../code/probability/covariance.ts';
import {
  covarianceEllipse,
  ellipseRadius,
} from '../code/probability/ellipse.ts';
import {
  DIRICHLET_PANELS,
  DIRICHLET_SIMPSON_BOUND,
  RECURRENCE_POINTS,
  RECURRENCE_RANGE,
  klConvergence,
  klPair,
  samplingDemo,
  screeningExample,
  underflowDemo,
} from '../code/probability/examples.ts';
import {
  betaLogPdf,
  betaSample,
  dirichletLogPdf,
  dirichletSample,
  gammaLogPdf,
  gammaSample,
  logGammaSample,
} from '../code/probability/gamma.ts';
import {
  crossEntropy,
  entropy,
  klDivergence,
  klGaussian,
  klMonteCarlo,
  klNormal,
  normalEntropy,
} from '../code/probability/information.ts';
import { IRIS_SHA256, loadIris } from '../code/calculus/iris.ts';
import {
  coverage,
  fitSpecies,
  irisPetals,
  resubstitutionAccuracy,
  speciesPosterior,
} from '../code/probability/iris-study.ts';
import { MultivariateNormal } from '../code/probability/mvn.ts';
import {
  LANCZOS,
  logBeta,
  logGamma,
  logMultiBeta,
} from '../code/probability/special.ts';
import {
  sampleWithFactor,
} from '../code/probability/solutions/rotated-sampler.ts';
import {
  aliasSample,
  aliasTable,
  gumbelMaxSample,
} from '../code/probability/solutions/gumbel-max.ts';
import { symmetricEigen } from '../code/decompositions/eigen.ts';
import { qrLeastSquares } from '../code/decompositions/least-squares.ts';
import {
  bernoulliLogPmf,
  bernoulliLogPmfLogit,
  bernoulliSample,
  categoricalLogPmf,
  categoricalLogPmfLogits,
  categoricalSample,
  normalLogPdf,
  normalPdf,
  softplus,
} from '../code/probability/univariate.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/probability.ts';

const ref = fixture('probability', 'scipy.json');

/** Composite Simpson's rule for f on [a, b] with m (even) panels. */
function simpson(f: (x: number) => number, a: number, b: number,
  m: number): number {
  const h = (b - a) / m;
  let s = f(a) + f(b);
  for (let i = 1; i < m; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** |estimate - truth| in units of the standard error se. */
function zScore(estimate: number, truth: number, se: number): number {
  return Math.abs(estimate - truth) / se;
}

/** Sample mean and variance (divisor n - 1) of draws of `draw`. */
function drawMoments(n: number, draw: () => number) {
  let mean = 0;
  let m2 = 0;
  for (let i = 1; i <= n; i++) {
    const x = draw();
    const d = x - mean;
    mean += d / i;
    m2 += d * (x - mean);
  }
  return { mean, variance: m2 / (n - 1) };
}

const vec = (xs: number[]): Vector => Float64Array.from(xs);

function mvnFromFixture(mean: number[], cov: number[]) {
  const d = mean.length;
  return new MultivariateNormal(vec(mean),
    new Matrix(d, d, Float64Array.from(cov)));
}

describe('Bernoulli and categorical', () => {
  it('bernoulliLogPmf matches scipy, including p = 1e-20', () => {
    const b = ref.bernoulli;
    const one = b.p.map((p: number) => bernoulliLogPmf(1, p));
    const zero = b.p.map((p: number) => bernoulliLogPmf(0, p));
    // one log or log1p each: a few roundings of values of size <= 46
    assertAllClose(one, b.logpmf1, { rtol: 1e-14, atol: 0 });
    assertAllClose(zero, b.logpmf0, { rtol: 1e-14, atol: 0 });
  });

  it('log1p keeps log(1 - p) for tiny p, where log(1 - p) is 0', () => {
    expect(Math.log(1 - 1e-20)).toBe(0); // 1 - 1e-20 rounds to 1
    expect(bernoulliLogPmf(0, 1e-20)).toBe(-1e-20);
  });

  it('bernoulliLogPmfLogit is log sigma(z) and stays finite at z = -800',
    () => {
      for (const z of [-5, -0.3, 0, 2, 7]) {
        const p = 1 / (1 + Math.exp(-z));
        // Eq. (prob-bern-logit): agreement up to rounding of log(p)
        assertAllClose(bernoulliLogPmfLogit(1, z), Math.log(p),
          { rtol: 1e-14, atol: 1e-15 });
        assertAllClose(bernoulliLogPmfLogit(0, z), Math.log(1 - p),
          { rtol: 1e-12, atol: 1e-15 }); // 1 - p loses digits at z=7
      }
      const naive = Math.log(1 / (1 + Math.exp(800)));
      expect(naive).toBe(-Infinity);
      expect(bernoulliLogPmfLogit(1, -800)).toBe(-800);
    });

  it('d/dz of the logit log-pmf is x - sigma(z) (finite differences)',
    () => {
      const sigma = (z: number) => 1 / (1 + Math.exp(-z));
      for (const x of [0, 1]) {
        const check = gradientCheck(
          (z) => bernoulliLogPmfLogit(x, z[0]),
          (z) => vec([x - sigma(z[0])]),
          vec([0.7]),
        );
        expect(check.ok, `x = ${x}: ${check.maxError}`).toBe(true);
      }
    });

  it('softplus neither overflows nor loses small values', () => {
    expect(softplus(800)).toBe(800); // naive log(1 + e^800) = Infinity
    expect(softplus(-800)).toBe(0);
    // log1p(e^-40) = e^-40 to double precision; log(1 + e^-40) gives 0
    expect(relativeError(softplus(-40), Math.exp(-40))).toBeLessThan(1e-15);
  });

  it('bernoulliSample has mean p within 5 SE', () => {
    const rng = createRng(21);
    const n = 20_000;
    const p = 0.3;
    const m = drawMoments(n, () => bernoulliSample(rng, p));
    // SE of a mean of n Bernoulli(p) draws: sqrt(p(1 - p) / n)
    expect(zScore(m.mean, p, Math.sqrt((p * (1 - p)) / n)))
      .toBeLessThan(5);
  });

  it('categoricalLogPmfLogits equals log softmax, Eq. (calc-log-softmax)',
    () => {
      const z = [1.5, -2, 0.3, 1000];
      const ls = logSoftmax(z);
      for (let k = 0; k < z.length; k++) {
        expect(categoricalLogPmfLogits(k, z)).toBe(ls[k]);
      }
      // with moderate scores the probabilities themselves are fine
      const z2 = [1.5, -2, 0.3];
      const p = Array.from(logSoftmax(z2), Math.exp);
      expect(Math.abs(categoricalLogPmf(1, p) - logSoftmax(z2)[1]))
        .toBeLessThan(1e-14);
      // but with z_3 = 1000 they underflow: p_1 = e^-1002 = 0
      expect(Math.exp(ls[1])).toBe(0);
    });

  it('categoricalSample frequencies pass a chi-square test', () => {
    const rng = createRng(22);
    const probs = [0.1, 0.2, 0.05, 0.4, 0.25];
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[categoricalSample(rng, probs)]++;
    // Wilson–Hilferty z is about N(0, 1) when the sampler is right
    expect(Math.abs(chiSquare(counts, probs).z)).toBeLessThan(5);
  });

  it('categoricalSample never returns a category of probability 0', () => {
    const rng = createRng(23);
    const probs = [0.5, 0, 0.5, 0];
    for (let i = 0; i < 2000; i++) {
      const k = categoricalSample(rng, probs);
      if (probs[k] === 0) throw new Error(`drew category ${k}`);
    }
    expect(categoricalSample(rng, [0, 0, 1])).toBe(2);
  });
});

describe('the univariate normal', () => {
  it('normalLogPdf matches scipy, out to 40 (21 sd) in the tail', () => {
    const r = ref.normal;
    const ours = r.x.map((x: number) => normalLogPdf(x, r.mean, r.sd));
    // the same three-term formula: a few roundings of values up to 220
    assertAllClose(ours, r.logpdf, { rtol: 1e-14, atol: 1e-15 });
  });

  it('the log-density is finite where the density underflows', () => {
    expect(normalPdf(40)).toBe(0);
    expect(normalLogPdf(40)).toBeCloseTo(-800 - 0.5 * Math.log(2 * Math.PI),
      12);
  });

  it('normalPdf integrates to 1 numerically', () => {
    const mean = -1.3;
    const sd = 0.7;
    // Simpson with h = sd / 100 errs by about h^4 |p''''| ~ 1e-8 sd^-4
    // per unit length, far below 1e-10 in total; mass beyond 12 sd is
    // 4e-33
    const total = simpson((x) => normalPdf(x, mean, sd), mean - 12 * sd,
      mean + 12 * sd, 2400);
    expect(Math.abs(total - 1)).toBeLessThan(1e-10);
  });

  it('a product of densities underflows; the sum of logs does not', () => {
    const { n, logSum } = underflowDemo();
    // log phi(x) of a standard normal x has mean -(1 + log 2 pi) / 2 =
    // -1.419 and sd 1/sqrt(2); the sum reaches log(5e-324) = -744.4
    // near n = 525, give or take 0.71 sqrt(525) / 1.419 = 11.5 draws
    expect(n).toBeGreaterThan(525 - 5 * 11.5);
    expect(n).toBeLessThan(525 + 5 * 11.5);
    expect(logSum).toBeLessThan(-744);
    expect(Number.isFinite(logSum)).toBe(true);
  });
});

describe('log-gamma and the Gamma family', () => {
  it('logGamma gives log (n - 1)! and log sqrt(pi) exactly enough', () => {
    let logFact = 0;
    for (let n = 1; n <= 30; n++) {
      // Lanczos: relative error of Gamma < 2e-15, so |error| of
      // log Gamma < 2e-15, plus rounding of a value of size <= 75
      expect(Math.abs(logGamma(n) - logFact)).toBeLessThan(1e-13);
      logFact += Math.log(n);
    }
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)))
      .toBeLessThan(1e-14);
  });

  it('logGamma(x + 1) = logGamma(x) + log x from 1e-6 to 1e4', () => {
    const rng = createRng(31);
    const [lo, hi] = RECURRENCE_RANGE.map(Math.log10);
    for (let i = 0; i < RECURRENCE_POINTS; i++) {
      const x = 10 ** rng.uniform(lo, hi);
      const lhs = logGamma(x + 1);
      const rhs = logGamma(x) + Math.log(x);
      // both sides carry ~1e-15 relative error of their largest term
      const scale = Math.max(1, Math.abs(logGamma(x)), Math.abs(lhs));
      expect(Math.abs(lhs - rhs) / scale, `x = ${x}`).toBeLessThan(1e-13);
    }
  });

  it('logGamma and logBeta match scipy from 1e-8 to 1e6', () => {
    const g = ref.gammaln;
    // 2e-15 (Lanczos) plus rounding of |log Gamma| up to 1.3e7
    assertAllClose(g.x.map(logGamma), g.value,
      { rtol: 1e-14, atol: 1e-14 });
    const b = ref.betaln;
    const ours = b.a.map((a: number, i: number) => logBeta(a, b.b[i]));
    // log B cancels terms of size up to |log Gamma(200)| ~ 860
    assertAllClose(ours, b.value, { rtol: 0, atol: 1e-12 });
  });

  it('Gamma, Beta and Dirichlet log-densities match scipy', () => {
    for (const r of ref.gamma) {
      assertAllClose(gammaLogPdf(r.x, r.a, r.b), r.logpdf,
        { rtol: 1e-13, atol: 1e-13 }, `Gamma(${r.a}, ${r.b})`);
    }
    for (const r of ref.beta) {
      assertAllClose(betaLogPdf(r.x, r.a, r.b), r.logpdf,
        { rtol: 1e-13, atol: 1e-13 }, `Beta(${r.a}, ${r.b})`);
    }
    const d = ref.dirichlet;
    // sums of terms up to |log Gamma(9.5)| ~ 12: 1e-13 absolute
    assertAllClose(dirichletLogPdf(d.x, d.alpha), d.logpdf,
      { rtol: 0, atol: 1e-13 });
  });

  it('Gamma(3, 2) and Beta(3, 4.5) densities integrate to 1', () => {
    // Simpson, h = 0.002: error ~ h^4 max|p''''| ~ 1e-10; the Gamma
    // tail beyond 30 has mass ~ e^-60
    const g = simpson((x) => Math.exp(gammaLogPdf(x, 3, 2)), 0, 30, 15000);
    expect(Math.abs(g - 1)).toBeLessThan(1e-9);
    // (1 - x)^3.5 has a 4th derivative ~ (1 - x)^-0.5, integrable: the
    // error still falls like h^4.5
    const b = simpson((x) => Math.exp(betaLogPdf(x, 3, 4.5)), 0, 1, 2000);
    expect(Math.abs(b - 1)).toBeLessThan(1e-9);
  });

  it('the Dirichlet(2, 3, 4) density integrates to 1 on the simplex',
    () => {
      // x1 = u, x2 = (1 - u) v maps the unit square onto the simplex with
      // Jacobian (1 - u); the integrand is 3360 u (1-u)^6 v^2 (1-v)^3.
      // Simpson's bound h^4/180 max|f''''| with h = 1/200 gives 9.3e-8
      // in u (max 26 880) plus 4.8e-8 in v (max 3360 * 0.0567 * 72)
      const alpha = [2, 3, 4];
      const inner = (u: number) => simpson((v) => {
        const x1 = u;
        const x2 = (1 - u) * v;
        const x3 = 1 - x1 - x2;
        if (x1 <= 0 || x2 <= 0 || x3 <= 0) return 0; // density 0 there
        return Math.exp(dirichletLogPdf([x1, x2, x3], alpha)) * (1 - u);
      }, 0, 1, DIRICHLET_PANELS);
      expect(Math.abs(simpson(inner, 0, 1, DIRICHLET_PANELS) - 1))
        .toBeLessThan(DIRICHLET_SIMPSON_BOUND);
    });

  it('gammaSample has mean a/b and variance a/b^2 (shape 4.5) within 5 SE',
    () => {
      const rng = createRng(32);
      const [a, b, n] = [4.5, 0.5, 20_000];
      const m = drawMoments(n, () => gammaSample(rng, a, b));
      const v = a / (b * b);
      expect(zScore(m.mean, a / b, Math.sqrt(v / n))).toBeLessThan(5);
      // SE of a sample variance: sigma^2 sqrt((2 + kurtosis) / n), and
      // a Gamma's excess kurtosis is 6 / a
      const seVar = v * Math.sqrt((2 + 6 / a) / n);
      expect(zScore(m.variance, v, seVar)).toBeLessThan(5);
    });

  it('gammaSample with shape 0.3 < 1 (the boost) within 5 SE', () => {
    const rng = createRng(33);
    const [a, b, n] = [0.3, 2, 20_000];
    const m = drawMoments(n, () => gammaSample(rng, a, b));
    const v = a / (b * b);
    expect(zScore(m.mean, a / b, Math.sqrt(v / n))).toBeLessThan(5);
    const seVar = v * Math.sqrt((2 + 6 / a) / n);
    expect(zScore(m.variance, v, seVar)).toBeLessThan(5);
  });

  it('logGammaSample stays finite for shape 1e-3, where exp underflows',
    () => {
      const rng = createRng(34);
      let underflows = 0;
      for (let i = 0; i < 200; i++) {
        const l = logGammaSample(rng, 1e-3);
        expect(Number.isFinite(l)).toBe(true);
        if (Math.exp(l) === 0) underflows++;
      }
      // log G ~ log U / a: below -745 when U < e^-0.745, about half
      expect(underflows).toBeGreaterThan(50);
    });

  it('betaSample(2, 5) has mean 2/7 within 5 SE', () => {
    const rng = createRng(35);
    const [a, b, n] = [2, 5, 20_000];
    const m = drawMoments(n, () => betaSample(rng, a, b));
    const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(zScore(m.mean, a / (a + b), Math.sqrt(v / n))).toBeLessThan(5);
  });

  it('dirichletSample has mean alpha / sum(alpha) within 5 SE', () => {
    const rng = createRng(36);
    const alpha = [0.5, 2, 7];
    const a0 = 9.5;
    const n = 10_000;
    const sums = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const x = dirichletSample(rng, alpha);
      for (let k = 0; k < 3; k++) sums[k] += x[k];
    }
    for (let k = 0; k < 3; k++) {
      const m = alpha[k] / a0;
      const se = Math.sqrt((m * (1 - m)) / (a0 + 1) / n); // Var x_k
      expect(zScore(sums[k] / n, m, se), `k = ${k}`).toBeLessThan(5);
    }
  });

  it('dirichletSample with alpha = 0.01 stays on the simplex, no NaN',
    () => {
      const rng = createRng(37);
      for (let i = 0; i < 100; i++) {
        const x = dirichletSample(rng, [0.01, 0.01, 0.01]);
        const sum = x[0] + x[1] + x[2];
        expect(Math.abs(sum - 1)).toBeLessThan(1e-15);
        expect(x.every((v) => v >= 0 && v <= 1)).toBe(true);
      }
    });

  it('Beta(1, 1) is uniform and Dirichlet(1, 1) on 2 points is too', () => {
    // both reduce to -logBeta(1, 1) = -(2 logGamma(1) - logGamma(2)):
    // Lanczos' absolute error at 1 and 2 is about 1e-15 each
    expect(Math.abs(betaLogPdf(0.37, 1, 1))).toBeLessThan(1e-14);
    expect(Math.abs(dirichletLogPdf([0.37, 0.63], [1, 1])))
      .toBeLessThan(1e-14);
    expect(logMultiBeta([2, 3])).toBe(logBeta(2, 3)); // same operations
  });
});

describe('the multivariate normal', () => {
  const r = ref.mvn;
  const dist = mvnFromFixture(r.mean, r.cov);

  it('logPdf and entropy match scipy', () => {
    const ours = r.points.map((x: number[]) => dist.logPdf(vec(x)));
    // scipy whitens with an eigendecomposition, we with Cholesky; both
    // are backward stable, kappa(Sigma) ~ 6: agreement ~1e-15 relative
    assertAllClose(ours, r.logpdf, { rtol: 1e-13, atol: 1e-14 });
    assertAllClose(dist.entropy(), r.entropy, { rtol: 1e-14, atol: 0 });
  });

  it('with a diagonal covariance, logPdf is a sum of 1-D log-densities',
    () => {
      const sd = [0.5, 2, 1.3];
      const d = new MultivariateNormal(vec([1, 2, 3]),
        fromRows([[0.25, 0, 0], [0, 4, 0], [0, 0, 1.69]]));
      const x = [0.2, -1, 4];
      const sum = x.reduce((s, xi, i) => s + normalLogPdf(xi, i + 1, sd[i]),
        0);
      assertAllClose(d.logPdf(vec(x)), sum, { rtol: 1e-14 });
    });

  it('the 2-D density integrates to 1 numerically', () => {
    const d = new MultivariateNormal(vec([0.5, -1]),
      fromRows([[1.5, 1.2], [1.2, 1.5]]));
    // box of +-9 sd (sd = 1.22): the mass outside is < 1e-17; 2-D
    // Simpson with h = 0.055 errs by ~h^4 * |4th derivatives| ~ 1e-9
    const s = 9 * Math.sqrt(1.5);
    const x = vec([0, 0]);
    const total = simpson((u) => simpson((v) => {
      x[0] = u;
      x[1] = v;
      return Math.exp(d.logPdf(x));
    }, -1 - s, -1 + s, 400), 0.5 - s, 0.5 + s, 400);
    expect(Math.abs(total - 1)).toBeLessThan(1e-8);
  });

  it('sample means and covariances are within 5 SE (Cholesky sampling)',
    () => {
      const rng = createRng(41);
      const n = 20_000;
      const X = dist.sampleMany(rng, n);
      const mu = sampleMean(X);
      const S = sampleCovariance(X);
      const C = dist.cov;
      for (let i = 0; i < 3; i++) {
        expect(zScore(mu[i], dist.mean[i], Math.sqrt(C.get(i, i) / n)))
          .toBeLessThan(5);
        for (let j = 0; j <= i; j++) {
          // Var of a normal sample covariance: (S_ii S_jj + S_ij^2) / n
          const se = Math.sqrt(
            (C.get(i, i) * C.get(j, j) + C.get(i, j) ** 2) / n);
          expect(zScore(S.get(i, j), C.get(i, j), se), `(${i},${j})`)
            .toBeLessThan(5);
        }
      }
    });

  it('the score -cov^-1 (x - mu) is the gradient of logPdf', () => {
    const x = vec([0.3, -1.1, 2]);
    const check = gradientCheck((y) => dist.logPdf(y),
      (y) => dist.score(y), x);
    expect(check.ok, `max error ${check.maxError}`).toBe(true);
  });

  it('a marginal keeps the sub-vector and the sub-block', () => {
    const m = dist.marginal([2, 0]);
    expect(Array.from(m.mean)).toEqual([r.mean[2], r.mean[0]]);
    expect(Array.from(m.cov.data)).toEqual(
      [r.cov[8], r.cov[6], r.cov[2], r.cov[0]]);
  });

  it('conditionals match the textbook formula computed by numpy', () => {
    const c1 = dist.conditional(r.cond_b, vec(r.cond_xb));
    const c2 = dist.conditional(r.cond2_b, vec(r.cond2_xb));
    // numpy forms Sigma_bb^-1 explicitly, we solve with Cholesky;
    // kappa(Sigma_bb) < 10, so both are good to ~1e-15
    assertAllClose(c1.mean, r.cond_mean, { rtol: 1e-13, atol: 1e-14 });
    assertAllClose(c1.cov.data, r.cond_cov, { rtol: 1e-13, atol: 1e-14 });
    assertAllClose(c2.mean, r.cond2_mean, { rtol: 1e-13, atol: 1e-14 });
    assertAllClose(c2.cov.data, r.cond2_cov, { rtol: 1e-13, atol: 1e-14 });
  });

  it('p(x_a, x_b) = p(x_a | x_b) p(x_b), Eq. (prob-chain)', () => {
    const rng = createRng(42);
    for (let t = 0; t < 20; t++) {
      const x = dist.sample(rng);
      const joint = dist.logPdf(x);
      const cond = dist.conditional([1], vec([x[1]]));
      const split = cond.logPdf(vec([x[0], x[2]])) +
        dist.marginal([1]).logPdf(vec([x[1]]));
      // an identity of exact arithmetic: rounding of values ~ 10
      expect(Math.abs(joint - split)).toBeLessThan(1e-13);
    }
  });

  it('conditioning shrinks the variance and leaves an independent block',
    () => {
      const c = dist.conditional([2], vec([10]));
      expect(c.cov.get(0, 0)).toBeLessThan(dist.cov.get(0, 0));
      expect(c.cov.get(1, 1)).toBeLessThan(dist.cov.get(1, 1));
      // the covariance does not depend on the observed value
      const c2 = dist.conditional([2], vec([-3]));
      expect(Array.from(c2.cov.data)).toEqual(Array.from(c.cov.data));
      const block = new MultivariateNormal(vec([1, 2, 3]),
        fromRows([[2, 0.5, 0], [0.5, 1, 0], [0, 0, 3]]));
      const cb = block.conditional([2], vec([7]));
      expect(Array.from(cb.mean)).toEqual([1, 2]);
      expect(Array.from(cb.cov.data)).toEqual([2, 0.5, 0.5, 1]);
    });

  it('refuses a covariance that is not positive definite', () => {
    const bad = fromRows([[1, 2], [2, 1]]); // eigenvalues 3 and -1
    expect(() => new MultivariateNormal(vec([0, 0]), bad))
      .toThrow(NotPositiveDefiniteError);
    expect(() => new MultivariateNormal(vec([0, 0]), bad))
      .toThrow(/MultivariateNormal: the covariance must be positive/);
  });

  it('rejects wrong shapes, NaN and bad indices with named errors', () => {
    const I2 = fromRows([[1, 0], [0, 1]]);
    expect(() => new MultivariateNormal(vec([0, 0, 0]), I2))
      .toThrow(/MultivariateNormal: expected mean vector\(d\) and cov/);
    expect(() => new MultivariateNormal(vec([0, NaN]), I2))
      .toThrow(/MultivariateNormal: mean .* NaN/);
    const d = new MultivariateNormal(vec([0, 0]), I2);
    expect(() => d.logPdf(vec([1]))).toThrow(/logPdf: expected x of/);
    expect(() => d.logPdf(vec([1, Infinity]))).toThrow(/Infinity/);
    expect(() => d.marginal([0, 0])).toThrow(/marginal: expected distinct/);
    expect(() => d.conditional([0, 1], vec([1, 2])))
      .toThrow(/conditional: expected 1 to 1 observed/);
    expect(() => d.sampleMany(createRng(1), 0)).toThrow(/sampleMany/);
  });
});

describe('entropy and KL divergence', () => {
  const dsc = ref.discrete;

  it('entropy, KL(p||q) and KL(q||p) match scipy.stats.entropy', () => {
    // sums of four terms of size <= 1: a few ulp
    assertAllClose(entropy(dsc.p), dsc.entropy_p, { rtol: 1e-15 });
    assertAllClose(klDivergence(dsc.p, dsc.q), dsc.kl_pq, { rtol: 1e-14 });
    assertAllClose(klDivergence(dsc.q, dsc.p), dsc.kl_qp, { rtol: 1e-14 });
  });

  it('KL is not symmetric and is 0 only for equal distributions', () => {
    expect(klDivergence(dsc.p, dsc.q)).not.toBeCloseTo(
      klDivergence(dsc.q, dsc.p), 2);
    expect(klDivergence(dsc.p, dsc.p)).toBe(0);
    expect(klDivergence(dsc.p, dsc.q)).toBeGreaterThan(0);
  });

  it('KL(p||q) = H(p, q) - H(p), Eq. (prob-kl-cross)', () => {
    const diff = crossEntropy(dsc.p, dsc.q) - entropy(dsc.p);
    expect(Math.abs(klDivergence(dsc.p, dsc.q) - diff)).toBeLessThan(1e-15);
  });

  it('the uniform distribution has the largest entropy, log K', () => {
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 15);
    const rng = createRng(51);
    for (let t = 0; t < 50; t++) {
      const p = dirichletSample(rng, [1, 1, 1, 1]);
      expect(entropy(p)).toBeLessThan(Math.log(4));
    }
    expect(entropy([0, 1, 0, 0])).toBe(0); // 0 log 0 = 0
  });

  it('KL is infinite where q has no mass and p has', () => {
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(klDivergence([1, 0], [0.5, 0.5])).toBeCloseTo(Math.log(2), 15);
  });

  it('klNormal and normalEntropy agree with the 1-D multivariate case',
    () => {
      const p = new MultivariateNormal(vec([0.4]), fromRows([[2.25]]));
      const q = new MultivariateNormal(vec([-1]), fromRows([[0.36]]));
      assertAllClose(klGaussian(p, q), klNormal(0.4, 1.5, -1, 0.6),
        { rtol: 1e-14 });
      assertAllClose(p.entropy(), normalEntropy(1.5), { rtol: 1e-14 });
    });

  it('klGaussian matches numpy with an explicit inverse, both ways', () => {
    const r = ref.mvn;
    const p = mvnFromFixture(r.mean, r.cov);
    const q = mvnFromFixture(r.mean2, r.cov2);
    // kappa of the covariances 7.6 and 2.5: differences are rounding
    assertAllClose(klGaussian(p, q), r.kl_12, { rtol: 1e-13 });
    assertAllClose(klGaussian(q, p), r.kl_21, { rtol: 1e-13 });
    expect(klGaussian(p, p)).toBeLessThan(1e-15);
  });

  it('the closed-form KL agrees with a Monte Carlo estimate (5 SE)', () => {
    const r = ref.mvn;
    const p = mvnFromFixture(r.mean, r.cov);
    const q = mvnFromFixture(r.mean2, r.cov2);
    const mc = klMonteCarlo(createRng(52), p, q, 20_000);
    // the estimate is a mean of 20 000 i.i.d. log-ratios: CLT applies
    expect(zScore(mc.estimate, klGaussian(p, q), mc.standardError))
      .toBeLessThan(5);
    expect(mc.standardError).toBeLessThan(0.02); // and the bound is tight
  });

  it('the chapter\'s KL example: Monte Carlo converges to the exact KL',
    () => {
      const { exact, rows } = klConvergence();
      for (const row of rows.filter((x) => x.n >= 1000)) {
        expect(zScore(row.estimate, exact, row.standardError), `${row.n}`)
          .toBeLessThan(5);
      }
      // SE falls like 1 / sqrt(n): 100x the draws, a tenth the SE
      const a = rows.find((x) => x.n === 1000)!.standardError;
      const b = rows.find((x) => x.n === 100_000)!.standardError;
      expect(a / b).toBeGreaterThan(7);
      expect(a / b).toBeLessThan(14);
    });

  it('rejects mismatched lengths and non-distributions', () => {
    expect(() => klDivergence([0.5, 0.5], [0.2, 0.3, 0.5]))
      .toThrow(/klDivergence: expected p and q of one length/);
    expect(() => entropy([0.5, 0.6])).toThrow(/entropy: p must sum to 1/);
    expect(() => klNormal(0, 0, 1, 1)).toThrow(/klNormal: s1 must be > 0/);
    const p = new MultivariateNormal(vec([0]), fromRows([[1]]));
    const q = new MultivariateNormal(vec([0, 0]),
      fromRows([[1, 0], [0, 1]]));
    expect(() => klGaussian(p, q)).toThrow(/klGaussian: expected p and q/);
  });
});

describe("Bayes' theorem", () => {
  it('the screening example gives 0.95 * 0.01 / P(positive)', () => {
    const { post } = screeningExample(0.01, 0.95, 0.05);
    const byHand = (0.95 * 0.01) / (0.95 * 0.01 + 0.05 * 0.99);
    expect(relativeError(post, byHand)).toBeLessThan(1e-14);
  });

  it('posteriors are right when every likelihood underflows', () => {
    // log-likelihoods -2000 and -2001: exp() of both is 0, yet the
    // posterior with equal priors is 1 / (1 + e^-1)
    const { posterior, logEvidence } = bayesPosterior(
      [Math.log(0.5), Math.log(0.5)], [-2000, -2001]);
    expect(Math.exp(-2000)).toBe(0);
    assertAllClose(posterior[0], 1 / (1 + Math.exp(-1)), { rtol: 1e-15 });
    assertAllClose(posterior[0] + posterior[1], 1, { rtol: 1e-15 });
    assertAllClose(logEvidence,
      -2000 + Math.log(0.5) + Math.log1p(Math.exp(-1)), { rtol: 1e-15 });
  });

  it('rejects priors and likelihoods of different lengths', () => {
    expect(() => bayesPosterior([0, 0], [0]))
      .toThrow(/bayesPosterior: expected one log-likelihood per/);
    expect(() => bayesPosterior([0, NaN], [0, 0]))
      .toThrow(/bayesPosterior: logPrior must hold finite/);
  });
});

describe('covariance ellipses', () => {
  it('ellipse points have Mahalanobis distance r', () => {
    const d = new MultivariateNormal(vec([1, -2]),
      fromRows([[1.5, 1.2], [1.2, 1.5]]));
    const r = ellipseRadius(0.95);
    for (const [x, y] of covarianceEllipse(d, r, 37)) {
      // Eq. (prob-ellipse): |L^-1 (x - mu)| = |u| = r, up to rounding
      expect(Math.abs(d.mahalanobisSq(vec([x, y])) - r * r))
        .toBeLessThan(1e-12);
    }
  });

  it('the 95% radius is sqrt(-2 log 0.05) = 2.4477', () => {
    expect(ellipseRadius(0.95)).toBeCloseTo(2.447746830680816, 14);
    expect(ellipseRadius(0)).toBe(0);
  });

  it('the ellipses of mass 0.5 and 0.95 hold those shares of draws', () => {
    for (const panel of samplingDemo(5, 2000)) {
      panel.inside.forEach((share, k) => {
        const q = [0.5, 0.95][k];
        // binomial SE of a share of 2000 draws
        expect(zScore(share, q, Math.sqrt((q * (1 - q)) / 2000)))
          .toBeLessThan(5);
      });
    }
  });

  it('rejects q = 1, a 3-D normal and too few points', () => {
    expect(() => ellipseRadius(1)).toThrow(/ellipseRadius: q = 1/);
    const d3 = new MultivariateNormal(vec([0, 0, 0]),
      fromRows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]));
    expect(() => covarianceEllipse(d3, 1)).toThrow(/expected a 2-D normal/);
    const d2 = d3.marginal([0, 1]);
    expect(() => covarianceEllipse(d2, 1, 2)).toThrow(/points must be/);
  });
});

describe('iris', () => {
  const ir = ref.iris;

  it('uses the iris file the fixture was computed from', () => {
    const { X, y } = loadIris(); // checks the SHA-256 itself
    expect([X.rows, X.cols]).toEqual([150, 4]);
    expect(Array.from(y.slice(48, 52))).toEqual([0, 0, 1, 1]);
    expect(ir.sha256).toBe(IRIS_SHA256);
  });

  it('sample means and covariances match numpy (np.cov)', () => {
    const fits = fitSpecies();
    fits.forEach((f, s) => {
      // sums of 50 numbers of size <= 6: ~1e-15 relative each
      assertAllClose(f.mean, ir.means[s], { rtol: 1e-13 });
      assertAllClose(f.cov.data, ir.covs[s], { rtol: 1e-12, atol: 1e-15 });
    });
  });

  it('every flower\'s log-density matches scipy', () => {
    const fits = fitSpecies();
    irisPetals().forEach((P, s) => {
      const ours = Array.from({ length: P.rows },
        (_, i) => fits[s].logPdf(P.row(i)));
      // kappa of the species covariances <= 18.5: ~1e-14 relative, and
      // absolute below 1e-12 where a log-density is near 0
      assertAllClose(ours, ir.own_logpdf[s], { rtol: 1e-11, atol: 1e-12 });
    });
  });

  it('posteriors and predicted species match scipy', () => {
    const fits = fitSpecies();
    const post = speciesPosterior(fits, vec(ir.query));
    // exp of a log-posterior of size ~216 carries a relative error
    // of about 216 * 1e-14
    assertAllClose(post, ir.posterior, { rtol: 1e-10, atol: 0 });
    const predicted: number[] = [];
    for (const P of irisPetals()) {
      for (let i = 0; i < P.rows; i++) {
        const p = speciesPosterior(fits, P.row(i));
        predicted.push(p.indexOf(Math.max(...p)));
      }
    }
    expect(predicted).toEqual(ir.predicted);
    expect(resubstitutionAccuracy()).toBe(ir.accuracy);
  });

  it('versicolor petal width given length matches numpy', () => {
    const vers = fitSpecies()[1];
    const c = ir.versicolor_given_length;
    const means = c.length.map((l: number) =>
      vers.conditional([0], vec([l])).mean[0]);
    const vars = c.length.map((l: number) =>
      vers.conditional([0], vec([l])).cov.get(0, 0));
    assertAllClose(means, c.mean, { rtol: 1e-13 });
    assertAllClose(vars, c.var, { rtol: 1e-12 });
  });

  // With 50 flowers, 100% coverage is only 1.6 SE above 95%: this test
  // cannot fail from above and is no check of the model (the ellipse
  // mass itself is tested with 2000 draws above); it guards the
  // coverages the page prints.
  it('the iris coverages the page prints are within 5 SE of 95%', () => {
    const fits = fitSpecies();
    irisPetals().forEach((P, s) => {
      const share = coverage(fits[s], P, 0.95);
      const se = Math.sqrt((0.95 * 0.05) / P.rows);
      expect(zScore(share, 0.95, se), `species ${s}`).toBeLessThan(5);
    });
  });
});

describe('bad inputs to the univariate functions', () => {
  it('rejects bad x, p, sd and probability vectors, naming the function',
    () => {
      expect(() => bernoulliLogPmf(2, 0.5))
        .toThrow(/bernoulliLogPmf: x must be 0 or 1, got 2/);
      expect(() => bernoulliLogPmf(1, 1.5))
        .toThrow(/bernoulliLogPmf: p must be in \[0, 1\]/);
      expect(() => normalLogPdf(0, 0, 0))
        .toThrow(/normalLogPdf: sd must be > 0, got 0/);
      expect(() => normalLogPdf(NaN)).toThrow(/normalLogPdf: x must be/);
      expect(() => categoricalSample(createRng(1), [0.5, 0.4]))
        .toThrow(/categoricalSample: probs must sum to 1/);
      expect(() => categoricalLogPmf(3, [0.5, 0.5]))
        .toThrow(/categoricalLogPmf: k must be an integer in \[0, 2\)/);
    });

  it('rejects bad shapes and parameters of the Gamma family', () => {
    expect(() => logGamma(0)).toThrow(/logGamma: x must be > 0, got 0/);
    expect(() => logGamma(-1.5)).toThrow(/logGamma: x must be > 0/);
    expect(() => gammaLogPdf(1, -2)).toThrow(/gammaLogPdf: shape must/);
    expect(() => betaSample(createRng(1), 1, Infinity))
      .toThrow(/betaSample: b must be a finite number/);
    expect(() => dirichletLogPdf([0.5, 0.5], [1, 1, 1]))
      .toThrow(/dirichletLogPdf: expected x and alpha of one length/);
    expect(() => dirichletLogPdf([0.5, 0.6], [1, 1]))
      .toThrow(/dirichletLogPdf: x must sum to 1/);
    expect(gammaLogPdf(-1, 2)).toBe(-Infinity); // outside the support
    expect(betaLogPdf(1, 2, 2)).toBe(-Infinity);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('Bernoulli, categorical and normal', () => {
    rejectsBadInput(badInput.univariate);
  });

  it('log-gamma, log-beta, and the Gamma, Beta and Dirichlet densities and samplers', () => {
    rejectsBadInput(badInput.special);
  });

  it("entropy, cross-entropy, the KL divergences and Bayes' theorem", () => {
    rejectsBadInput(badInput.information);
  });

  it('the multivariate normal, sample moments and ellipses', () => {
    rejectsBadInput(badInput.normal);
  });

  it('the examples and the iris study', () => {
    rejectsBadInput(badInput.examples);
  });

  it('the exercise solutions', () => {
    rejectsBadInput(badInput.solutions);
  });
});

describe('review', () => {
  const u = Number.EPSILON / 2;

  it('1 - p rounds to 1 only for p <= 2^-54; log(1 - 1e-10) keeps 7 digits',
    () => {
      expect(1 - 2 ** -54).toBe(1);
      expect(1 - 6e-17).not.toBe(1);
      expect(1 - 1e-16).not.toBe(1);
      const exact = -1e-10 - 5e-21; // -p - p^2/2; -p^3/3 is 3e-31
      const naive = Math.abs((Math.log(1 - 1e-10) - exact) / exact);
      expect(naive).toBeGreaterThan(1e-8);
      expect(naive).toBeLessThan(1e-7);
      const ours = Math.abs((bernoulliLogPmf(0, 1e-10) - exact) / exact);
      expect(ours).toBeLessThan(4 * u);
    });

  it('errors name the function the caller called', () => {
    const rng = createRng(1);
    expect(() => dirichletSample(rng, [1, -1])).toThrow(/^dirichletSample:/);
    expect(() => gammaSample(rng, 0)).toThrow(/^gammaSample:/);
    expect(() => dirichletLogPdf([0.5, 0.5], [1, -1]))
      .toThrow(/^dirichletLogPdf:/);
    expect(() => sampleCovariance(new Matrix(2, 2,
      Float64Array.of(1, NaN, 2, 3)))).toThrow(/^sampleCovariance:/);
    expect(() => new MultivariateNormal(vec([0, 0]), new Matrix(2, 2,
      Float64Array.of(1, NaN, NaN, 1)))).toThrow(/^MultivariateNormal:/);
    expect(() => normalPdf(NaN)).toThrow(/^normalPdf:/);
  });

  it("Marsaglia-Tsang: k(s) <= 0 with k'(s) = -3(s - 1)^3 / s", () => {
    const k = (s: number) => 4.5 * (s - 1) ** 2 + 1 - s ** 3 +
      3 * Math.log(s);
    for (let i = 10; i <= 400; i++) {
      const s = i / 100; // 0.1 to 4
      expect(k(s), `s = ${s}`).toBeLessThanOrEqual(1e-15);
      const h = 1e-6;
      const fd = (k(s + h) - k(s - h)) / (2 * h);
      const exact = (-3 * (s - 1) ** 3) / s;
      // central difference: error ~ h^2 |k'''| / 6 + u |k| / h, where
      // k''' = 6 / s^3 - 6 is at most 6000: below 1e-8 here
      expect(Math.abs(fd - exact), `s = ${s}`).toBeLessThan(1e-6);
    }
  });

  it('the Lanczos formula errs by at most 2.2e-15 up to x = 20, and by 1 - c_0 for large x',
    () => {
      const { x, error } = ref.lanczos;
      for (let i = 0; i < x.length; i++) {
        if (x[i] <= 20) expect(Math.abs(error[i])).toBeLessThan(2.2e-15);
      }
      // A_g tends to c_0: log A_g -> log c_0 = -(1 - c_0) to 1e-26
      const gap = 1 - LANCZOS[0];
      expect(gap).toBeGreaterThan(1.8e-13);
      expect(Math.abs(error[x.length - 1] + gap)).toBeLessThan(1e-17);
    });

  it('logGamma agrees with the 40-digit formula plus rounding u |log Gamma|',
    () => {
      // SciPy's gammaln is independent of the formula; at x = 1e6 the
      // rounding u |log Gamma| = 1.4e-9 dominates the 1.9e-13 error
      const g = ref.gammaln;
      g.x.forEach((x: number, i: number) => {
        const bound = 2e-13 + 8 * u * Math.abs(g.value[i]);
        expect(Math.abs(logGamma(x) - g.value[i]), `x = ${x}`)
          .toBeLessThan(bound);
      });
    });

  it('Monte Carlo KL is unbiased: z-scores over 200 seeds have mean 0, sd 1',
    () => {
      const { p, q } = klPair();
      const exact = klGaussian(p, q);
      const z: number[] = [];
      for (let seed = 0; seed < 200; seed++) {
        const mc = klMonteCarlo(createRng(1000 + seed), p, q, 200);
        z.push((mc.estimate - exact) / mc.standardError);
      }
      const m = drawMoments(z.length, (() => {
        let i = 0;
        return () => z[i++];
      })());
      // mean of 200 near-normal z: SE 1/sqrt(200); sd: SE 1/sqrt(400)
      expect(zScore(m.mean, 0, 1 / Math.sqrt(200))).toBeLessThan(5);
      expect(zScore(Math.sqrt(m.variance), 1, 1 / Math.sqrt(400)))
        .toBeLessThan(5);
    });

  it("the page's KL miss: 2.4 SE at n = 100 000, one chance in eight among nine",
    () => {
      const { exact, rows } = klConvergence();
      const last = rows[rows.length - 1];
      const z = (last.estimate - exact) / last.standardError;
      expect(Math.abs(z)).toBeGreaterThan(2);
      expect(Math.abs(z)).toBeLessThan(3);
      const one = 1 - normalProbability(-Math.abs(z), Math.abs(z));
      const any = 1 - (1 - one) ** rows.length;
      expect(any).toBeGreaterThan(1 / 10);
      expect(any).toBeLessThan(1 / 7);
    });

  it('the conditional slope of the versicolor normal is the least-squares slope',
    () => {
      const P = irisPetals()[1];
      const vers = fitSpecies()[1];
      const X = new Matrix(P.rows, 2);
      const y = new Float64Array(P.rows);
      for (let i = 0; i < P.rows; i++) {
        X.data.set([1, P.get(i, 0)], 2 * i);
        y[i] = P.get(i, 1);
      }
      const ols = qrLeastSquares(X, y).w[1];
      const slope = vers.conditional([0], vec([4])).mean[0] -
        vers.conditional([0], vec([3])).mean[0];
      // both are S_21 / S_11 of the same sums: rounding of values ~ 1
      expect(Math.abs(slope - ols)).toBeLessThan(1e-12);
    });

  it('setosa petal widths are mostly 0.2 cm (29 of 50)', () => {
    const P = irisPetals()[0];
    let k = 0;
    for (let i = 0; i < P.rows; i++) if (P.get(i, 1) === 0.2) k++;
    expect(k).toBe(29);
  });

  it('the covariances compared with SciPy have condition numbers below 19',
    () => {
      const kappa = (S: Matrix) => {
        const v = symmetricEigen(S).values;
        return v[0] / v[v.length - 1];
      };
      const all = [mvnFromFixture(ref.mvn.mean, ref.mvn.cov).cov,
        mvnFromFixture(ref.mvn.mean2, ref.mvn.cov2).cov,
        ...fitSpecies().map((f) => f.cov)];
      for (const S of all) expect(kappa(S)).toBeLessThan(19);
    });
});

describe('exercise solutions', () => {
  const Sigma = fromRows([[2, 0.6, -0.4], [0.6, 1, 0.3], [-0.4, 0.3, 0.8]]);
  const mu = vec([1, -2, 0.5]);
  const L = new MultivariateNormal(mu, Sigma).L;
  /** L Q with Q = I - 2 v v^T / v^T v, a Householder reflection. */
  function rotated(): Matrix {
    const v = [1, -2, 0.5];
    const vv = v[0] ** 2 + v[1] ** 2 + v[2] ** 2;
    const A = new Matrix(3, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) {
          const q = (k === j ? 1 : 0) - (2 * v[k] * v[j]) / vv;
          s += L.get(i, k) * q;
        }
        A.data[i * 3 + j] = s;
      }
    }
    return A;
  }

  it('Exercise 1: draws with L Q have covariance Sigma within 5 SE', () => {
    const n = 20_000;
    const X = sampleWithFactor(createRng(61), mu, rotated(), n);
    const S = sampleCovariance(X);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j <= i; j++) {
        const se = Math.sqrt((Sigma.get(i, i) * Sigma.get(j, j) +
          Sigma.get(i, j) ** 2) / n);
        expect(zScore(S.get(i, j), Sigma.get(i, j), se), `(${i},${j})`)
          .toBeLessThan(5);
      }
    }
  });

  it('Exercise 1: with one seed, L and L Q give different draws', () => {
    const a = sampleWithFactor(createRng(62), mu, L, 5);
    const b = sampleWithFactor(createRng(62), mu, rotated(), 5);
    expect(Array.from(a.data)).not.toEqual(Array.from(b.data));
    // with L itself it is the chapter's sampler, draw for draw
    const c = new MultivariateNormal(mu, Sigma).sampleMany(createRng(62), 5);
    assertAllClose(a.data, c.data, { rtol: 1e-15, atol: 1e-15 });
  });

  it('Exercise 4: Gumbel-max draws of softmax(0, 1, 2, -1) pass chi-square',
    () => {
      const z = [0, 1, 2, -1];
      const probs = Array.from(logSoftmax(z), Math.exp);
      const rng = createRng(63);
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < 20_000; i++) counts[gumbelMaxSample(rng, z)]++;
      expect(Math.abs(chiSquare(counts, probs).z)).toBeLessThan(5);
    });

  it('Exercise 4: scores (1000, 1001) give softmax frequencies', () => {
    const rng = createRng(64);
    const n = 20_000;
    let ones = 0;
    for (let i = 0; i < n; i++) ones += gumbelMaxSample(rng, [1000, 1001]);
    const p = 1 / (1 + Math.exp(-1)); // softmax of the second score
    expect(zScore(ones / n, p, Math.sqrt((p * (1 - p)) / n)))
      .toBeLessThan(5);
  });

  it('Exercise 4: the alias table holds each probability exactly', () => {
    const probs = [0.1, 0.2, 0.05, 0.4, 0.25, 0];
    const { keep, alias } = aliasTable(probs);
    const K = probs.length;
    const mass = new Array<number>(K).fill(0);
    for (let k = 0; k < K; k++) {
      mass[k] += keep[k] / K;
      mass[alias[k]] += (1 - keep[k]) / K;
    }
    // sums of K terms of size <= 1: a few roundings
    assertAllClose(mass, probs, { rtol: 0, atol: 1e-15 });
  });

  it('Exercise 4: alias draws pass chi-square, never a zero category', () => {
    const probs = [0.1, 0.2, 0.05, 0.4, 0.25, 0];
    const table = aliasTable(probs);
    const rng = createRng(65);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[aliasSample(rng, table)]++;
    expect(counts[5]).toBe(0);
    expect(Math.abs(chiSquare(counts.slice(0, 5), probs.slice(0, 5)).z))
      .toBeLessThan(5);
  });
});
