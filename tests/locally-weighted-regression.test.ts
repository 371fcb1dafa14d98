// Tests for the locally-weighted-regression chapter. Each `it` is one
// claim of the chapter; equation labels refer to chapters/linear-models/
// locally-weighted-regression.mdx.
import { describe, expect, it } from 'vitest';
import {
  assertAllClose,
  numericalGradient,
  relativeError,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  Matrix,
  dot,
  norm,
  subVec,
} from '../code/linear-algebra/matrix.ts';
import { SingularMatrixError } from '../code/linear-algebra/solve.ts';
import { DIABETES_SHA256 } from '../code/linear-regression/diabetes.ts';
import {
  fitNormalEquations,
  predict,
} from '../code/linear-regression/model.ts';
import { conditionNumber } from '../code/linear-regression/spectrum.ts';
import { linearData } from '../code/linear-regression/synthetic.ts';
import {
  amise,
  amiseBandwidth,
  biasVarianceAt,
} from '../code/locally-weighted-regression/bias-variance.ts';
import {
  KERNEL_SHOWN,
  SHOWN,
  equivalentKernels,
  sine,
  sineBiasVariance,
  sineCv,
} from '../code/locally-weighted-regression/examples.ts';
import {
  HDL_TAUS,
  hdlStudy,
  loadHdl,
} from '../code/locally-weighted-regression/hdl.ts';
import {
  gaussianKernel,
  kernelWeights,
} from '../code/locally-weighted-regression/kernel.ts';
import {
  equilibrate,
  equivalentKernel,
  localLinearFit,
  localSystem,
  lwrPredict,
  smoothAt,
} from '../code/locally-weighted-regression/local-fit.ts';
import { leaveOneOut } from '../code/locally-weighted-regression/loo.ts';
import { pairedSquaredError } from '../code/locally-weighted-regression/hdl.ts';
import { looBrute } from '../code/locally-weighted-regression/solutions/loo-brute.ts';
import {
  nadarayaWatson,
  nadarayaWatsonWeights,
} from '../code/locally-weighted-regression/solutions/nadaraya-watson.ts';
import {
  bisquare,
  robustLwr,
} from '../code/locally-weighted-regression/solutions/robust.ts';
import {
  SINE,
  SINE_ROUGHNESS,
  grid,
  sineData,
} from '../code/locally-weighted-regression/synthetic.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/locally-weighted-regression.ts';

const sk = fixture('locally-weighted-regression', 'sklearn.json');

const EPS = Number.EPSILON;

/**
 * κ(X̃ᵀKX̃) of the local system at x0. Solving it perturbs the result by
 * about κ ε relative to its size (the forward-error bound of a backward
 * stable solve), so 100 κ ε leaves a factor 100 for the rounding in
 * forming A and c: that is the tolerance of every exactness test below.
 */
function localTolerance(X: Matrix, x0: Float64Array, tau: number): number {
  const { A } = localSystem(X, x0, kernelWeights(X, x0, tau));
  return 100 * conditionNumber(equilibrate(A).As) * EPS;
}

/** A small 2-D design with noise, the same every run. */
function plane() {
  return linearData({ seed: 3, n: 30, w: [2, -1], b: 0.5, noise: 0.2 });
}

/** x_i = i h on [0, 1] as an n × 1 matrix (the design of Eq. lwr-moments). */
function uniformGrid(h: number): Matrix {
  const m = Math.round(1 / h) + 1;
  return new Matrix(m, 1, Float64Array.from({ length: m }, (_, i) => i * h));
}

/** Drops row i of X and entry i of y. */
function withoutRow(X: Matrix, y: Float64Array, i: number) {
  const d = X.cols;
  const data = new Float64Array((X.rows - 1) * d);
  data.set(X.data.subarray(0, i * d));
  data.set(X.data.subarray((i + 1) * d), i * d);
  const yy = new Float64Array(y.length - 1);
  yy.set(y.subarray(0, i));
  yy.set(y.subarray(i + 1), i);
  return { X: new Matrix(X.rows - 1, d, data), y: yy };
}

/** The HDL study runs 21 × 442 local fits (~1 s): run it once. */
let hdlRun: ReturnType<typeof hdlStudy> | undefined;
function hdl() {
  hdlRun ??= hdlStudy();
  return hdlRun;
}

describe('the kernel and its weights', () => {
  it('the Gaussian kernel is symmetric, 1 at x0 and e^(−1/2) at distance τ', () => {
    const a = Float64Array.of(0.3, -1.2);
    const b = Float64Array.of(1.1, 0.4);
    expect(gaussianKernel(a, b, 0.7)).toBe(gaussianKernel(b, a, 0.7));
    expect(gaussianKernel(a, a, 0.7)).toBe(1);
    const c = Float64Array.of(0.3 + 0.6, -1.2); // distance 0.6 = τ
    expect(relativeError(gaussianKernel(a, c, 0.6), Math.exp(-0.5)))
      .toBeLessThan(4 * EPS); // a few roundings in exp and the square
  });

  it('kernelWeights are k(x_i, x0) divided by the largest of them', () => {
    const { X } = plane();
    const x0 = Float64Array.of(0.2, -0.1);
    const k = kernelWeights(X, x0, 0.5);
    const raw = Float64Array.from({ length: X.rows }, (_, i) =>
      gaussianKernel(X.row(i), x0, 0.5));
    const top = Math.max(...raw);
    expect(Math.max(...k)).toBe(1);
    // the exponent differs by rounding in d² − d²_min: a few ε
    assertAllClose(k, raw.map((v) => v / top), { rtol: 1e-14, atol: 0 });
  });

  it('far from the data the raw kernel underflows but the fit still works', () => {
    const { X, y } = linearData({ seed: 8, n: 20, w: [3], b: 1 });
    const x0 = Float64Array.of(40); // ≥ 39 = 39 τ from every x_i ∈ [−1, 1]
    const raw = Array.from({ length: X.rows }, (_, i) =>
      gaussianKernel(X.row(i), x0, 1));
    expect(Math.max(...raw)).toBe(0); // exp(−39²/2) < 1e−330 underflows
    const fit = localLinearFit(X, y, x0, 1);
    // exact data: any weights give the true line, Eq. (lwr-reproduce)
    expect(relativeError(fit.yHat, 1 + 3 * 40)).toBeLessThan(
      localTolerance(X, x0, 1));
  });

  it('τ = ∞ gives every point weight 1', () => {
    const { X } = plane();
    const k = kernelWeights(X, Float64Array.of(5, 5), Infinity);
    expect(k.every((v) => v === 1)).toBe(true);
  });
});

describe('the local fit', () => {
  it('is exact on linear data for every τ and x0 (Eq. lwr-reproduce)', () => {
    const { X, y } = linearData({ seed: 5, n: 25, w: [2, -1], b: 0.5 });
    for (const tau of [0.2, 1, 50]) {
      for (const x0 of [Float64Array.of(0, 0), Float64Array.of(0.9, -3)]) {
        const { theta } = localLinearFit(X, y, x0, tau);
        const truth = Float64Array.of(0.5 + 2 * x0[0] - x0[1], 2, -1);
        expect(norm(subVec(theta, truth)) / norm(truth)).toBeLessThan(
          localTolerance(X, x0, tau));
      }
    }
  });

  it('τ = ∞ is ordinary least squares', () => {
    const { X, y } = plane();
    const ols = fitNormalEquations(X, y);
    const Q = new Matrix(3, 2, Float64Array.of(0, 0, 0.5, -0.5, 2, 1));
    const ours = lwrPredict(X, y, Q, Infinity);
    const theirs = predict(Q, ols.w, ols.b);
    const tol = localTolerance(X, Q.row(2), Infinity);
    assertAllClose(ours, theirs, { rtol: tol, atol: tol });
  });

  it('approaches least squares like 1/τ² as τ grows', () => {
    const { X, y } = sine();
    const x0 = Float64Array.of(0.3);
    const ols = localLinearFit(X, y, x0, Infinity).yHat;
    const gap = (tau: number) =>
      Math.abs(localLinearFit(X, y, x0, tau).yHat - ols);
    // weights 1 − (d² − d²min)/(2τ²) + O(τ⁻⁴): the gap is c/τ² + O(τ⁻⁴),
    // so the ratio for τ = 10 and 100 is 100 (1 + O(10⁻²))
    expect(gap(10) / gap(100)).toBeCloseTo(100, 0);
    expect(Math.abs(gap(10) / gap(100) / 100 - 1)).toBeLessThan(0.02);
  });

  it('interpolates the data as τ → 0', () => {
    const X = uniformGrid(0.01);
    const y = X.data.map((x) => Math.sin(7 * x));
    const tau = 0.01 / 8; // neighbours weigh exp(−32) ≈ 1e-14
    for (const i of [0, 37, 100]) {
      const l = equivalentKernel(X, X.row(i), tau);
      expect(l[i]).toBeGreaterThan(1 - 1e-12);
      expect(Math.abs(localLinearFit(X, y, X.row(i), tau).yHat - y[i]))
        .toBeLessThan(1e-12);
    }
  });

  it('equilibration removes the 1/τ² growth of κ (Eq. lwr-scaled)', () => {
    const { X } = sine();
    const x0 = Float64Array.of(0.5);
    const kappa = (tau: number) => {
      const { A } = localSystem(X, x0, kernelWeights(X, x0, tau));
      const { As } = equilibrate(A);
      expect(Math.abs(As.get(0, 0) - 1) + Math.abs(As.get(1, 1) - 1))
        .toBeLessThan(4 * EPS); // a product of three roundings each
      return { raw: conditionNumber(A), scaled: conditionNumber(As) };
    };
    const ref = kappa(0.1).raw * 0.1 ** 2;
    for (const tau of [0.3, 0.1, 0.03]) {
      const k = kappa(tau);
      // κ(A) τ² stays within a factor 2: κ(A) grows like 1/τ²
      expect(k.raw * tau ** 2 / ref).toBeGreaterThan(0.5);
      expect(k.raw * tau ** 2 / ref).toBeLessThan(2);
      expect(k.scaled).toBeLessThan(2);
    }
  });

  it('lwrPredict, localLinearFit and l(x0)ᵀy agree (Eq. lwr-equivalent)', () => {
    const { X, y } = sine();
    const Q = grid(0, 1, 7);
    const yHat = lwrPredict(X, y, Q, 0.05);
    const viaL = Float64Array.from({ length: 7 }, (_, q) =>
      smoothAt(X, y, Q.row(q), 0.05));
    // two solves of the same 2 × 2 system, κ < 10³ here: 1e-12 is 10 κ ε
    assertAllClose(yHat, viaL, { rtol: 1e-12, atol: 1e-12 });
    expect(yHat[3]).toBe(localLinearFit(X, y, Q.row(3), 0.05).yHat);
  });

  it('the equivalent kernel sums to 1 (Eq. lwr-reproduce)', () => {
    const { X } = plane();
    for (const tau of [0.3, 2]) {
      const l = equivalentKernel(X, Float64Array.of(0.4, 0.1), tau);
      expect(Math.abs(l.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    }
  });

  it('its first moment about x0 vanishes (Eq. lwr-reproduce)', () => {
    const { X } = plane();
    const x0 = Float64Array.of(0.4, 0.1);
    const l = equivalentKernel(X, x0, 0.3);
    for (let j = 0; j < 2; j++) {
      const m = l.reduce((s, v, i) => s + v * (X.get(i, j) - x0[j]), 0);
      expect(Math.abs(m)).toBeLessThan(1e-12);
    }
  });

  it('on a design symmetric about x0 it is symmetric: k_i / Σk', () => {
    const X = new Matrix(7, 1, Float64Array.of(-3, -2, -0.5, 0, 0.5, 2, 3));
    const l = equivalentKernel(X, Float64Array.of(0), 1.5);
    const k = kernelWeights(X, Float64Array.of(0), 1.5);
    const sum = k.reduce((s, v) => s + v, 0);
    for (let i = 0; i < 7; i++) {
      expect(Math.abs(l[i] - l[6 - i])).toBeLessThan(1e-15);
      expect(Math.abs(l[i] - k[i] / sum)).toBeLessThan(1e-15);
    }
  });

  it('at the boundary some weights are negative', () => {
    const [interior, boundary] = equivalentKernels();
    expect(interior.x0).toBe(KERNEL_SHOWN.x0[0]);
    expect(boundary.min).toBeLessThan(-0.01);
    const right = boundary.l.filter((_, i) => sine().X.data[i] > 0.1);
    expect(Math.min(...right)).toBeLessThan(0); // the far side pulls down
  });
});

describe('bias and variance', () => {
  it('the exact bias and variance match 4000 simulated data sets', () => {
    const { X, f } = sine();
    const x0 = Float64Array.of(0.25); // the crest: f'' largest
    const tau = 0.06;
    const sigma = SINE.noise;
    const f0 = Math.sin(2 * Math.PI * 0.25);
    const { bias, variance } = biasVarianceAt(X, f, f0, sigma, x0, tau);
    const rng = createRng(21);
    const R = 4000;
    const draws = new Float64Array(R);
    const l = equivalentKernel(X, x0, tau);
    for (let r = 0; r < R; r++) {
      const y = f.map((fi) => fi + rng.normal(0, sigma));
      draws[r] = dot(l, y);
    }
    const mean = draws.reduce((s, v) => s + v, 0) / R;
    const v = draws.reduce((s, d) => s + (d - mean) ** 2, 0) / (R - 1);
    // 4 standard errors: of the mean √(var/R); of the variance √(2/(R−1))
    expect(Math.abs(mean - f0 - bias))
      .toBeLessThan(4 * Math.sqrt(variance / R));
    expect(Math.abs(v / variance - 1))
      .toBeLessThan(4 * Math.sqrt(2 / (R - 1)));
  });

  it('for a quadratic f the bias is ½ f″ Σ l_i (x_i − x0)² exactly', () => {
    const { X } = sine();
    const f = (x: number) => 3 * x * x - x + 2; // f″ = 6
    const fX = X.data.map(f);
    const x0 = Float64Array.of(0.05);
    const tau = 0.1;
    const { bias } = biasVarianceAt(X, fX, f(0.05), 0.3, x0, tau);
    const l = equivalentKernel(X, x0, tau);
    const m2 = l.reduce((s, v, i) => s + v * (X.data[i] - 0.05) ** 2, 0);
    expect(Math.abs(bias - 0.5 * 6 * m2)).toBeLessThan(1e-12);
  });

  it('on a grid Σ l u² = τ², ‖l‖² = h / (2√π τ) (Eq. lwr-moments)', () => {
    const h = 1e-3;
    const tau = 0.02; // 25 τ to the ends: truncation below e^(−312)
    const X = uniformGrid(h);
    const l = equivalentKernel(X, Float64Array.of(0.5), tau);
    const m2 = l.reduce((s, v, i) => s + v * (X.data[i] - 0.5) ** 2, 0);
    // Riemann sums of a Gaussian with h/τ = 0.05 are exact to e^(−2π²τ²/h²):
    // only rounding is left, 1e-10 covers the sums over 1001 terms
    expect(relativeError(m2, tau * tau)).toBeLessThan(1e-10);
    expect(relativeError(dot(l, l), h / (2 * Math.sqrt(Math.PI) * tau)))
      .toBeLessThan(1e-10);
  });

  it('τ* of Eq. (lwr-tau-star) minimizes Eq. (lwr-amise)', () => {
    const [n, sigma, R] = [100, 0.3, 779.27];
    const t = amiseBandwidth(n, sigma, R);
    const g = numericalGradient((v) => amise(v[0], n, sigma, R).total,
      Float64Array.of(t));
    const scale = amise(t, n, sigma, R).total / t; // size of the terms
    expect(Math.abs(g[0]) / scale).toBeLessThan(1e-6); // central differences
    const total = (tau: number) => amise(tau, n, sigma, R).total;
    expect(total(t)).toBeLessThan(total(0.95 * t));
    expect(total(t)).toBeLessThan(total(1.05 * t));
  });

  it('τ* shrinks like n^(−1/5): 32 times the data halves it', () => {
    const ratio = amiseBandwidth(3200, 0.3, 10) / amiseBandwidth(100, 0.3, 10);
    expect(relativeError(ratio, 0.5)).toBeLessThan(4 * EPS);
  });

  it('on the sine data bias² grows and variance falls with τ', () => {
    const bv = sineBiasVariance();
    for (let t = 1; t < bv.taus.length; t++) {
      expect(bv.bias2[t]).toBeGreaterThan(bv.bias2[t - 1]);
      expect(bv.variance[t]).toBeLessThan(bv.variance[t - 1]);
    }
  });

  it('the large-n formula underestimates the variance at every τ', () => {
    const bv = sineBiasVariance();
    bv.taus.forEach((tau, t) => {
      const approx = amise(tau, SINE.n, SINE.noise, SINE_ROUGHNESS);
      expect(bv.variance[t]).toBeGreaterThan(approx.variance);
    });
  });

  it('and overestimates the bias at the largest τ', () => {
    const bv = sineBiasVariance();
    const last = bv.taus.length - 1;
    const approx = amise(bv.taus[last], SINE.n, SINE.noise, SINE_ROUGHNESS);
    expect(approx.bias2).toBeGreaterThan(2 * bv.bias2[last]);
  });

  it('leave-one-out picks τ within a factor 1.5 of the true optimum', () => {
    const ratio = sineCv().best / sineBiasVariance().best;
    expect(ratio).toBeGreaterThan(1 / 1.5);
    expect(ratio).toBeLessThan(1.5);
  });

  it('the exact optimum lies within 15% of the large-n τ*', () => {
    const bv = sineBiasVariance();
    // the grid steps by a factor 10^(1/16) ≈ 1.155, so ±7.5% is resolution
    expect(Math.abs(bv.best / bv.tauStar - 1)).toBeLessThan(0.15);
  });
});

describe('leave-one-out cross-validation', () => {
  it('Eq. (lwr-loo) equals refitting without each point', () => {
    const { X, y } = sineData({ n: 40, noise: 0.3, seed: 12 });
    const tau = 0.05;
    const loo = leaveOneOut(X, y, tau);
    const brute = Float64Array.from({ length: X.rows }, (_, i) => {
      const rest = withoutRow(X, y, i);
      return y[i] - localLinearFit(rest.X, rest.y, X.row(i), tau).yHat;
    });
    // both are 2 × 2 solves with κ < 10⁴ (checked by localTolerance):
    // differences of order κ ε |y| ≈ 1e-12
    assertAllClose(loo.residuals, brute, { rtol: 1e-9, atol: 1e-11 });
  });

  it('at τ = ∞ it is least squares’ leave-one-out residual', () => {
    const { X, y } = plane();
    const loo = leaveOneOut(X, y, Infinity);
    const brute = Float64Array.from({ length: X.rows }, (_, i) => {
      const rest = withoutRow(X, y, i);
      const fit = fitNormalEquations(rest.X, rest.y);
      return y[i] - (dot(fit.w, X.row(i)) + fit.b);
    });
    assertAllClose(loo.residuals, brute, { rtol: 1e-9, atol: 1e-11 });
  });

  it('tr S falls from nearly n (small τ) to d + 1 (τ = ∞) (Eq. lwr-df)', () => {
    const h = 0.02;
    const X = uniformGrid(h);
    const y = X.data.map((x) => Math.sin(7 * x));
    const df = [h / 2.5, h, 4 * h, 16 * h, Infinity].map((tau) =>
      leaveOneOut(X, y, tau).df);
    // neighbours at 2.5 τ weigh exp(−3.125): inside, S_ii = 1/1.088
    expect(df[0]).toBeGreaterThan(0.9 * X.rows);
    for (let t = 1; t < df.length; t++) expect(df[t]).toBeLessThan(df[t - 1]);
    expect(df[4]).toBeCloseTo(2, 12);
  });

  it('refuses a point that decides its own fit', () => {
    // the last point is 8 τ from the rest: 1 − S_ii ≈ exp(−32)
    const X = new Matrix(4, 1, Float64Array.of(0, 0.1, 0.2, 1));
    const y = Float64Array.of(1, 2, 3, 4);
    expect(() => leaveOneOut(X, y, 0.1)).toThrow(
      /leaveOneOut: point 3 has S_ii = .*increase tau/);
  });
});

describe('on real data: the cholesterol ratio against HDL', () => {
  it('loads 442 patients of the checked diabetes file', () => {
    const { X, y } = loadHdl();
    expect(sk.data.sha256).toBe(DIABETES_SHA256);
    expect([X.rows, X.cols, y.length]).toEqual([sk.data.n, 1, sk.data.n]);
    expect([Math.min(...X.data), Math.max(...X.data)]).toEqual([22, 99]);
  });

  it('local fits match scikit-learn’s weighted LinearRegression', () => {
    const { X, y } = loadHdl();
    for (const r of sk.local_fits.fits) {
      const x0 = Float64Array.of(r.x0);
      const { theta } = localLinearFit(X, y, x0, r.tau);
      const ref = Float64Array.of(r.prediction, r.slope);
      const err = norm(subVec(theta, ref)) / norm(ref);
      expect(err, `tau ${r.tau}, x0 ${r.x0}`).toBeLessThan(
        localTolerance(X, x0, r.tau));
    }
  });

  it('the grid of bandwidths is the reference script’s', () => {
    expect(HDL_TAUS).toEqual(sk.loo.taus);
  });

  it('leave-one-out errors match brute-force refits with scikit-learn', () => {
    // 100 κ ε with κ < 10⁵ for every local system at these τ: 1e-9
    assertAllClose(hdl().cv.mse, sk.loo.mse, { rtol: 1e-9, atol: 0 });
    assertAllClose(hdl().line.mse, sk.loo.line_mse, { rtol: 1e-9, atol: 0 });
    assertAllClose(hdl().reciprocal.mse, sk.loo.reciprocal_mse,
      { rtol: 1e-9, atol: 0 });
  });

  it('tr S matches NumPy at every τ', () => {
    assertAllClose(hdl().cv.df, sk.loo.trace, { rtol: 1e-9, atol: 0 });
  });

  it('the line is below the local fit at both ends, above it inside', () => {
    const { X, y } = loadHdl();
    const Q = new Matrix(3, 1, Float64Array.of(25, 55, 95));
    const local = lwrPredict(X, y, Q, hdl().cv.best);
    const line = lwrPredict(X, y, Q, Infinity);
    expect(line[0]).toBeLessThan(local[0]);
    expect(line[1]).toBeGreaterThan(local[1]);
    expect(line[2]).toBeLessThan(local[2]);
  });

  it('cross-validation picks τ ≈ 7.9; it and a + b/x differ by < 2 paired SE', () => {
    const h = hdl();
    expect(h.cv.best).toBe(10 ** 0.9);
    const best = h.cv.mse.reduce((m, v) => Math.min(m, v), Infinity);
    expect(best).toBe(h.cv.bestRun.mse);
    const { diff, se } = h.reciprocalVsLocal;
    expect(Math.abs(diff)).toBeLessThan(2 * se);
  });
});

describe('errors name the function and the problem', () => {
  it('a bandwidth that is not > 0', () => {
    const { X, y } = plane();
    const x0 = Float64Array.of(0, 0);
    expect(() => localLinearFit(X, y, x0, 0)).toThrow(
      /localLinearFit: the bandwidth tau must be a number > 0.*got 0/);
    expect(() => kernelWeights(X, x0, Number.NaN)).toThrow(
      /kernelWeights: the bandwidth tau .*got NaN/);
    expect(() => leaveOneOut(X, y, -1)).toThrow(/leaveOneOut: .*got -1/);
  });

  it('a query of the wrong length, NaN inputs, a short y', () => {
    const { X, y } = plane();
    expect(() => localLinearFit(X, y, Float64Array.of(1), 1)).toThrow(
      /localLinearFit: X is 30x2, so the query x0 must be vector\(2\); got/);
    const bad = new Matrix(30, 2, X.data.slice());
    bad.data[7] = Number.NaN;
    expect(() => equivalentKernel(bad, Float64Array.of(0, 0), 1)).toThrow(
      /equivalentKernel: X \(30x2\) has NaN at \(3, 1\)/);
    expect(() => localLinearFit(X, y.subarray(1), Float64Array.of(0, 0), 1))
      .toThrow(/localLinearFit: X is 30x2, so y must be vector\(30\)/);
    expect(() => lwrPredict(X, y, new Matrix(2, 1), 1)).toThrow(
      /lwrPredict: .*Q must be a matrix with 2 columns; got 2x1/);
  });

  it('a local system with too few points in general position', () => {
    const X = new Matrix(5, 1, new Float64Array(5).fill(2));
    const y = Float64Array.of(1, 2, 3, 4, 5);
    const fit = () => localLinearFit(X, y, Float64Array.of(2), 1);
    expect(fit).toThrow(SingularMatrixError);
    expect(fit).toThrow(
      /localLinearFit: the local system at x0 = \[2\] with tau = 1 is/);
    expect(fit).toThrow(/is singular.*increase tau/);
    expect(() => localLinearFit(new Matrix(2, 2), Float64Array.of(1, 2),
      Float64Array.of(0, 0), 1)).toThrow(/needs at least 3 points/);
  });

  it('bad arguments to the data and formula helpers', () => {
    expect(() => sineData({ n: 1, noise: 0.1, seed: 1 })).toThrow(
      /sineData: need an integer n >= 2/);
    expect(() => grid(1, 0, 5)).toThrow(/grid: need .* lo < hi/);
    expect(() => amiseBandwidth(100, 0, 1)).toThrow(
      /amiseBandwidth: need finite n, sigma, R > 0/);
    expect(() => amise(0, 100, 1, 1)).toThrow(/amise: tau must be finite/);
    const { X, f } = sine();
    expect(() => biasVarianceAt(X, f.subarray(1), 0, 1, Float64Array.of(0),
      1)).toThrow(/biasVarianceAt: need fX of length 100/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the kernel, its weights and their checks', () => {
    rejectsBadInput(badInput.kernel);
  });

  it('the local system, the local fit, predictions and the equivalent kernel', () => {
    rejectsBadInput(badInput.local);
  });

  it('leave-one-out and the bandwidth choice', () => {
    rejectsBadInput(badInput.loo);
  });

  it('exact and asymptotic bias and variance', () => {
    rejectsBadInput(badInput.biasVariance);
  });

  it('the synthetic data', () => {
    rejectsBadInput(badInput.synthetic);
  });

  it('the paired comparison and the exercise solutions', () => {
    rejectsBadInput(badInput.review);
    rejectsBadInput(badInput.solutions);
  });
});

describe('review', () => {
  it('the local fit beats the straight line by more than 2 paired SE', () => {
    const { diff, se } = hdl().lineVsLocal;
    expect(diff).toBeGreaterThan(2 * se);
  });

  it('a + b/x beats the straight line by more than 2 paired SE', () => {
    const { diff, se } = hdl().lineVsReciprocal;
    expect(diff).toBeGreaterThan(2 * se);
  });

  it('pairedSquaredError is the mean and SE of a_i² − b_i²', () => {
    // differences 3, −3, 0: mean 0, s = 3, se = 3 / √3
    const r = pairedSquaredError(Float64Array.of(2, 0, 1),
      Float64Array.of(1, Math.sqrt(3), 1));
    expect(Math.abs(r.diff)).toBeLessThan(1e-15);
    expect(r.se).toBeCloseTo(Math.sqrt(3), 14);
  });

  it('most cholesterol ratios are recorded as whole numbers', () => {
    const { y } = loadHdl();
    const whole = y.filter((v) => Number.isInteger(v)).length;
    expect(whole).toBe(380);
    expect(whole / y.length).toBeGreaterThan(0.8);
  });

  it('the sine figures use one bandwidth, within 5% of the exact optimum', () => {
    expect(KERNEL_SHOWN.tau).toBe(SHOWN.tau);
    const best = sineBiasVariance().best;
    expect(Math.abs(SHOWN.tau - best) / best).toBeLessThan(0.05);
  });

  it('Nadaraya–Watson equals the local line on a design symmetric about x0', () => {
    const X = uniformGrid(0.05);
    const y = X.data.map((x) => Math.sin(5 * x));
    const x0 = Float64Array.of(0.5);
    const nw = nadarayaWatson(X, y, x0, 0.1);
    expect(Math.abs(nw - localLinearFit(X, y, x0, 0.1).yHat))
      .toBeLessThan(1e-12);
  });

  it('at x0 = 0 the local constant’s bias exceeds 10 × the local line’s', () => {
    const { X } = sine();
    const x0 = Float64Array.of(0);
    const bias = (l: Float64Array) => l.reduce((s, li, i) =>
      s + li * Math.sin(2 * Math.PI * X.data[i]), 0);
    const nw = bias(nadarayaWatsonWeights(X, x0, SHOWN.tau));
    const ll = bias(equivalentKernel(X, x0, SHOWN.tau));
    expect(Math.abs(nw)).toBeGreaterThan(10 * Math.abs(ll));
  });

  it('brute-force leave-one-out equals Eq. (lwr-loo), finite τ and τ = ∞', () => {
    const { X, y } = sine();
    for (const tau of [SHOWN.tau, Infinity]) {
      const brute = looBrute(X, y, tau);
      const formula = leaveOneOut(X, y, tau).residuals;
      assertAllClose(brute, formula, { rtol: 1e-10, atol: 1e-10 });
    }
  });

  it('an outlier moves the plain fit at its point by exactly 10 S_ii', () => {
    const { X, y } = sine();
    const i = 50;
    const spiked = y.slice();
    spiked[i] += 10;
    const Q = new Matrix(1, 1, X.row(i));
    const move = lwrPredict(X, spiked, Q, SHOWN.tau)[0] -
      lwrPredict(X, y, Q, SHOWN.tau)[0];
    const sii = leaveOneOut(X, y, SHOWN.tau).leverage[i];
    expect(Math.abs(move - 10 * sii)).toBeLessThan(1e-12);
  });

  it('the robust fit moves by less than 0.1 under the same outlier', () => {
    const { X, y } = sine();
    const spiked = y.slice();
    spiked[50] += 10;
    const Q = new Matrix(1, 1, X.row(50));
    const move = robustLwr(X, spiked, Q, SHOWN.tau)[0] -
      robustLwr(X, y, Q, SHOWN.tau)[0];
    expect(Math.abs(move)).toBeLessThan(0.1);
  });

  it('without outliers robust and plain fits differ by less than σ', () => {
    const { X, y } = sine();
    const plain = lwrPredict(X, y, X, SHOWN.tau);
    const robust = robustLwr(X, y, X, SHOWN.tau);
    const gap = robust.reduce((m, r, j) =>
      Math.max(m, Math.abs(r - plain[j])), 0);
    expect(gap).toBeLessThan(SINE.noise);
  });

  it('the bisquare is (1 − u²)² inside |u| < 1 and 0 outside', () => {
    expect(bisquare(0.5)).toBe(0.5625);
    expect(bisquare(-1)).toBe(0);
  });
});
