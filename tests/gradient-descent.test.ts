// Tests for the gradient-descent chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/linear-models/
// gradient-descent.mdx.
import { describe, expect, it } from 'vitest';
import { gradientCheck, relativeError } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  Matrix,
  matmul,
  norm,
  scale,
  subVec,
  transpose,
  type Vector,
} from '../code/linear-algebra/matrix.ts';
import { symmetricEigen } from '../code/decompositions/eigen.ts';
import { DIABETES_SHA256 } from '../code/linear-regression/diabetes.ts';
import {
  addOnesColumn,
  center,
  fitNormalEquations,
  squaredLoss,
  squaredLossGradient,
} from '../code/linear-regression/model.ts';
import { standardize } from '../code/linear-regression/scaling.ts';
import { linearData } from '../code/linear-regression/synthetic.ts';
import { gradientDescent } from '../code/optimization/gradient-descent.ts';
import { DivergenceError } from '../code/optimization/objective.ts';
import {
  batchGradient,
  batchGradientVariance,
  epochBatches,
  takeRows,
} from '../code/gradient-descent/batches.ts';
import {
  conditionOf,
  hessianSpectrum,
  stepBounds,
  stepsNeeded,
} from '../code/gradient-descent/conditioning.ts';
import {
  SPLIT,
  VARIANTS,
  diabetesDesign,
  divergenceDemo,
  earlyStoppingSplits,
  earlyStoppingStudy,
  finalGapsOverSeeds,
  meanSe,
  scalingStudy,
  scheduleCurves,
  variantCurves,
} from '../code/gradient-descent/diabetes.ts';
import {
  gdFilterIterate,
  scaleWith,
} from '../code/gradient-descent/early-stopping.ts';
import { minibatchGD } from '../code/gradient-descent/minibatch.ts';
import {
  cosine,
  inverseTime,
  stepDecay,
} from '../code/gradient-descent/schedules.ts';
import {
  averagedIterate,
} from '../code/gradient-descent/solutions/averaging.ts';
import {
  earlyVsRidge,
  largestFactorGap,
} from '../code/gradient-descent/solutions/early-vs-ridge.ts';
import {
  largestStableStep,
} from '../code/gradient-descent/solutions/largest-step.ts';
import { escapeDamage } from '../scripts/check-book.ts';
import { readFileSync } from 'node:fs';
import { fixture, normwiseError } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/gradient-descent.ts';

const sk = fixture('gradient-descent', 'sklearn.json');

/**
 * A well-posed regression problem: three features and an intercept
 * column, κ(H) ≈ 3.3; noiseless, or with noise of s.d. 0.3.
 */
function problem(noise: number) {
  const { X, y } = linearData({
    seed: 11, n: 200, w: [2, -1, 0.5], b: 3, noise,
  });
  const A = addOnesColumn(X);
  const best = fitNormalEquations(A, y, { intercept: false }).w;
  return { A, y, best, bounds: stepBounds(A) };
}

/** The Hessian XᵀX / n, Eq. (lr-hessian). */
function hessian(X: Matrix): Matrix {
  return scale(matmul(transpose(X), X), 1 / X.rows);
}

/** Memoized runs of the diabetes studies that several tests read. */
let variantsRun: ReturnType<typeof variantCurves> | undefined;
const variants = () => (variantsRun ??= variantCurves(100));
let splitsRun: ReturnType<typeof earlyStoppingSplits> | undefined;
const splits = () => (splitsRun ??= earlyStoppingSplits(20));
let studyRun: ReturnType<typeof earlyStoppingStudy> | undefined;
const stopping = () => (studyRun ??= earlyStoppingStudy());
let scalingRun: ReturnType<typeof scalingStudy> | undefined;
const scaling = () => (scalingRun ??= scalingStudy());

describe('mini-batches and epochs', () => {
  it('an epoch partitions the rows: each index once, batches of b', () => {
    const batches = epochBatches(23, 5, createRng(1));
    expect(batches.map((B) => B.length)).toEqual([5, 5, 5, 5, 3]);
    const all = batches.flat().sort((a, b) => a - b);
    expect(all).toEqual([...Array(23).keys()]);
  });

  it('without a generator the batches are the rows in order', () => {
    expect(epochBatches(7, 3, null)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('a seed fixes the shuffles; the next epoch reshuffles', () => {
    const a = createRng(9);
    const b = createRng(9);
    const first = epochBatches(50, 10, a);
    expect(epochBatches(50, 10, b)).toEqual(first);
    expect(epochBatches(50, 10, a)).not.toEqual(first);
  });

  it('batchGradient matches central differences (Eq. gd-batch-gradient)', () => {
    const { A, y } = problem(0.3);
    const B = [3, 17, 42, 99, 150];
    const rows = takeRows(A, y, B);
    const check = gradientCheck(
      (w) => squaredLoss(rows.X, rows.y, w),
      (w) => batchGradient(A, y, w, B),
      createRng(2).normalArray(4),
    );
    expect(check.ok, `max error ${check.maxError}`).toBe(true);
  });

  it('the mean of the batch gradients of an epoch is ∇L (Eq. gd-epoch-mean)', () => {
    const { A, y } = problem(0.3);
    const w = createRng(3).normalArray(4);
    const batches = epochBatches(200, 20, createRng(4)); // 20 divides 200
    const mean = new Float64Array(4);
    for (const B of batches) {
      batchGradient(A, y, w, B).forEach((g, j) => {
        mean[j] += g / batches.length;
      });
    }
    // both sides sum the same 200 terms in another order: rounding only
    expect(normwiseError(mean, squaredLossGradient(A, y, w))).toBeLessThan(1e-14);
  });

  it('with a short last batch, the size-weighted mean is ∇L', () => {
    const { A, y } = problem(0.3);
    const w = createRng(5).normalArray(4);
    const batches = epochBatches(200, 30, createRng(6)); // 6 × 30 + 20
    const mean = new Float64Array(4);
    for (const B of batches) {
      batchGradient(A, y, w, B).forEach((g, j) => {
        mean[j] += (B.length / 200) * g; // Eq. (gd-epoch-mean)
      });
    }
    expect(normwiseError(mean, squaredLossGradient(A, y, w))).toBeLessThan(1e-14);
  });

  it('the variance of a batch gradient is Eq. (gd-batch-variance), exactly', () => {
    const { A, y } = problem(0.3);
    const X = takeRows(A, y, [0, 1, 2, 3, 4, 5, 6, 7]);
    const w = createRng(7).normalArray(4);
    const full = squaredLossGradient(X.X, X.y, w);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < 8; i++) { // every one of the C(8, 3) = 56 batches
      for (let j = i + 1; j < 8; j++) {
        for (let k = j + 1; k < 8; k++) {
          const g = batchGradient(X.X, X.y, w, [i, j, k]);
          sum += norm(subVec(g, full)) ** 2;
          count += 1;
        }
      }
    }
    expect(count).toBe(56);
    // an exact average over all batches: equal up to rounding
    expect(relativeError(sum / count, batchGradientVariance(X.X, X.y, w, 3)))
      .toBeLessThan(1e-13);
  });

  it('a batch of all n rows has no noise, a batch of one the most', () => {
    const { A, y } = problem(0.3);
    const w = createRng(8).normalArray(4);
    const v = [1, 10, 100, 200].map((b) => batchGradientVariance(A, y, w, b));
    expect(v[3]).toBe(0);
    expect(v[0] > v[1] && v[1] > v[2] && v[2] > v[3]).toBe(true);
  });
});

describe('the driver and convergence', () => {
  it('batch = n takes the optimization chapter’s fixed-step GD steps', () => {
    const { A, y } = problem(0.3);
    const eta = 0.5;
    const ours = minibatchGD(A, y, {
      batch: 200, epochs: 20, eta, shuffle: false, recordPath: true,
    });
    const theirs = gradientDescent(
      (w) => squaredLoss(A, y, w),
      (w) => squaredLossGradient(A, y, w),
      new Float64Array(4),
      { eta, maxIter: 20, tol: 0, requireConvergence: false },
    );
    // the same steps; the two gradient codes round differently, by a
    // few ulps per step, and the steps do not amplify (|1 − ηλ| < 1)
    expect(theirs.history.length).toBe(21);
    const size = norm(theirs.x);
    theirs.history.forEach((h, k) => {
      expect(norm(subVec(ours.path[k], h.x))).toBeLessThanOrEqual(
        k * 8 * Number.EPSILON * size);
    });
  });

  it('noiseless data: batch GD converges to the normal equations', () => {
    const { A, y, best, bounds } = problem(0);
    const run = minibatchGD(A, y, {
      batch: 200, epochs: 300, eta: bounds.batch / 2,
    });
    // κ ≈ 3.3, so 300 steps shrink the error by (1 − 1/κ)^300 < 1e-40:
    // what is left is rounding, a few ulps of ‖ŵ‖
    expect(normwiseError(run.w, best)).toBeLessThan(1e-12);
  });

  it('noiseless data: mini-batch GD converges to the normal equations', () => {
    const { A, y, best, bounds } = problem(0);
    const run = minibatchGD(A, y, {
      batch: 20, epochs: 100, eta: bounds.sample / 2, seed: 1,
    });
    // every ∇ℓ_i vanishes at ŵ: no noise floor, rounding is left
    expect(normwiseError(run.w, best)).toBeLessThan(1e-12);
  });

  it('noiseless data: SGD converges to the normal equations', () => {
    const { A, y, best, bounds } = problem(0);
    const run = minibatchGD(A, y, {
      batch: 1, epochs: 100, eta: bounds.sample / 2, seed: 1,
    });
    expect(normwiseError(run.w, best)).toBeLessThan(1e-12);
  });

  it('noisy data: batch GD still converges to the normal equations', () => {
    const { A, y, best, bounds } = problem(0.3);
    const run = minibatchGD(A, y, {
      batch: 200, epochs: 300, eta: bounds.batch / 2,
    });
    expect(normwiseError(run.w, best)).toBeLessThan(1e-12);
  });

  it('noisy data: constant-step SGD stalls at a noise floor', () => {
    const { A, y, best, bounds } = problem(0.3);
    const run = (epochs: number) => minibatchGD(A, y, {
      batch: 1, epochs, eta: bounds.sample / 2, seed: 1,
    });
    // the floor is the size of the step times the gradient noise,
    // Eq. (gd-batch-variance) at ŵ: far above rounding, and twice the
    // epochs do not bring it down tenfold
    const at100 = normwiseError(run(100).w, best);
    expect(at100).toBeGreaterThan(1e-3);
    expect(normwiseError(run(200).w, best)).toBeGreaterThan(at100 / 10);
  });

  it('noisy data: a 1/t schedule gets far below the floor', () => {
    const { A, y, best, bounds } = problem(0.3);
    const eta0 = bounds.sample / 2;
    const run = (eta: number | ((e: number) => number)) =>
      normwiseError(minibatchGD(A, y, { batch: 1, epochs: 100, eta, seed: 1 }).w,
        best);
    // η ends 100 times smaller, and with reshuffled epochs the distance
    // to ŵ scales like η (see the text): demand a factor 30, not 100
    expect(run(inverseTime(eta0, 1))).toBeLessThan(run(eta0) / 30);
  });

  it('the same seed gives the same run; another seed another', () => {
    const { A, y, bounds } = problem(0.3);
    const run = (seed: number) => minibatchGD(A, y, {
      batch: 5, epochs: 3, eta: bounds.sample / 2, seed,
    }).w;
    expect(Array.from(run(4))).toEqual(Array.from(run(4)));
    expect(Array.from(run(5))).not.toEqual(Array.from(run(4)));
  });
});

describe('step sizes and divergence', () => {
  it('batch GD converges at 0.98 × 2/λmax (Eq. lr-step-size)', () => {
    const { A, y, best, bounds } = problem(0.3);
    const run = minibatchGD(A, y, {
      batch: 200, epochs: 2000, eta: 0.98 * bounds.batch,
    });
    // |1 − ηλmax| = 0.96 per step: 0.96^2000 ≈ 1e-36, rounding is left
    expect(normwiseError(run.w, best)).toBeLessThan(1e-12);
  });

  it('above 2/λmax batch GD raises a DivergenceError, not NaN', () => {
    const { A, y, bounds } = problem(0.3);
    expect(() => minibatchGD(A, y, {
      batch: 200, epochs: 2000, eta: 1.02 * bounds.batch,
    })).toThrow(DivergenceError);
  });

  it('an overflowing SGD run raises a DivergenceError mid-epoch', () => {
    const { A, y, bounds } = problem(0.3);
    // 100 × the per-sample bound: residuals grow ~100× per step and
    // overflow long before the first epoch ends
    expect(() => minibatchGD(A, y, {
      batch: 1, epochs: 1, eta: 100 * bounds.sample, seed: 1,
    })).toThrow(/overflow|non-finite/);
  });

  it('below 2/max‖x_i‖², SGD never moves away from ŵ (Eq. gd-sample-bound)', () => {
    const { A, y, best, bounds } = problem(0);
    const run = minibatchGD(A, y, {
      batch: 1, epochs: 3, eta: 0.99 * bounds.sample, seed: 2,
      recordPath: true,
    });
    const errors = run.path.map((w) => norm(subVec(w, best)));
    // ‖e‖ is non-increasing at every one of the 600 steps, up to the
    // rounding of one step, a few ulps of ‖w‖
    const ulps = 16 * Number.EPSILON * norm(best);
    for (let k = 1; k < errors.length; k++) {
      expect(errors[k]).toBeLessThanOrEqual(errors[k - 1] + ulps);
    }
    expect(errors[errors.length - 1]).toBeLessThan(1e-3 * errors[0]);
  });

  it('the per-sample bound is the smaller: λmax ≤ mean ‖x_i‖² ≤ max', () => {
    const { A } = problem(0.3);
    const { values } = symmetricEigen(hessian(A));
    const b = stepBounds(A);
    expect(b.batch).toBeCloseTo(2 / values[0], 12);
    expect(b.sample).toBeLessThan(b.batch);
  });

  it('on diabetes, mini-batches of 32 diverge at the full-batch bound', () => {
    const { A, y } = diabetesDesign();
    const bounds = stepBounds(A);
    expect(() => minibatchGD(A, y, {
      batch: 32, epochs: 50, eta: bounds.batch, seed: 1,
    })).toThrow(DivergenceError);
  });
});

describe('divergence on diabetes', () => {
  it('the demo diverges where the text says, and SGD at 2× survives', () => {
    const outcomes = divergenceDemo().map((t) => t.error === null);
    expect(outcomes).toEqual([false, false, true, false]);
  });
});

describe('schedules', () => {
  it('step decay multiplies by γ every m epochs (Eq. gd-step-decay)', () => {
    const s = stepDecay(0.1, 0.5, 10);
    expect([0, 9, 10, 19, 20, 35].map(s)).toEqual(
      [0.1, 0.1, 0.05, 0.05, 0.025, 0.0125]);
  });

  it('1/t halves the step at e = τ and satisfies Robbins–Monro', () => {
    const s = inverseTime(0.2, 4);
    expect(s(0)).toBe(0.2);
    expect(s(4)).toBeCloseTo(0.1, 15);
    // Σ η_e grows like τ η₀ ln e without bound; Σ η_e² stays below
    // η₀² (1 + τ) = 0.2: check both on 10⁵ epochs
    let sum = 0;
    let squares = 0;
    for (let e = 0; e < 100_000; e++) {
      sum += s(e);
      squares += s(e) ** 2;
    }
    expect(sum).toBeGreaterThan(0.2 * 4 * Math.log(100_000 / 4));
    expect(squares).toBeLessThan(0.2 ** 2 * (1 + 4));
  });

  it('cosine falls from η₀ to η_min, half-way at E/2 (Eq. gd-cosine)', () => {
    const s = cosine(0.3, 40, 0.01);
    expect(s(0)).toBe(0.3);
    expect(s(20)).toBeCloseTo(0.155, 15);
    expect(s(40)).toBeCloseTo(0.01, 15);
    expect(s(100)).toBeCloseTo(0.01, 15);
    for (let e = 1; e <= 40; e++) expect(s(e)).toBeLessThan(s(e - 1));
  });

  it('schedules refuse bad parameters and epochs', () => {
    expect(() => stepDecay(0.1, 1.5, 10)).toThrow(/stepDecay: gamma/);
    expect(() => inverseTime(-1, 5)).toThrow(/inverseTime: eta0/);
    expect(() => cosine(0.1, 0)).toThrow(/cosine: epochs/);
    expect(() => cosine(0.1, 10, 0.2)).toThrow(/cosine: etaMin/);
    expect(() => stepDecay(0.1, 0.5, 2)(1.5)).toThrow(/epoch must be/);
  });
});

describe('scaling and conditioning', () => {
  it('our spectra of XᵀX/n match NumPy’s eigvalsh for all three designs', () => {
    for (const s of scaling()) {
      const ref: number[] = sk.hessian_eigenvalues[s.name];
      // Jacobi and LAPACK are both backward stable: each eigenvalue is
      // right to a small multiple of ε λmax in absolute terms
      const tol = 1e3 * Number.EPSILON * ref[0];
      s.spectrum.forEach((v, i) => {
        expect(Math.abs(v - ref[i])).toBeLessThan(tol);
      });
    }
  });

  it('standardizing makes H the correlation matrix beside a 1: trace d + 1', () => {
    const std = scaling()[2];
    const H = hessian(std.A);
    for (let j = 0; j < H.cols; j++) expect(H.get(j, j)).toBeCloseTo(1, 12);
    const trace = std.spectrum.reduce((a, v) => a + v, 0);
    expect(trace).toBeCloseTo(11, 10);
  });

  it('standardizing cuts κ(H) on diabetes by more than 10⁵', () => {
    const [raw, , std] = scaling().map((s) => conditionOf(s.spectrum));
    expect(raw / std).toBeGreaterThan(1e5);
  });

  it('GD on standardized features is GD with steps η/sd_j² (Eq. gd-preconditioned)', () => {
    const { X, y } = linearData({ seed: 3, n: 50, w: [1, -2], noise: 0.1,
      lo: -5, hi: 5 });
    const { Xc, yc } = center(X, y);
    const { Z, scale: s } = standardize(X);
    const eta = 0.3;
    const onZ = minibatchGD(Z, yc, { batch: 50, epochs: 10, eta,
      shuffle: false, recordPath: true });
    let w: Vector = new Float64Array(2);
    for (let k = 1; k <= 10; k++) {
      const g = squaredLossGradient(Xc, yc, w);
      w = w.map((wj, j) => wj - (eta / s[j] ** 2) * g[j]);
      // w = D⁻¹ v: the two runs are one run in two coordinates
      const v = onZ.path[k].map((vj, j) => vj / s[j]);
      expect(normwiseError(w, v)).toBeLessThan(1e-13);
    }
  });

  it('stepsNeeded counts the steps along the slowest direction exactly', () => {
    // orthogonal columns of sizes 1 and 1/√κ: H = diag(1, 1/κ)
    const kappa = 50;
    const X = new Matrix(2, 2, Float64Array.of(
      Math.SQRT2, 0, 0, Math.SQRT2 / Math.sqrt(kappa)));
    const y = Float64Array.of(0, Math.SQRT2 / Math.sqrt(kappa)); // ŵ=(0,1)
    const run = minibatchGD(X, y, { batch: 2, epochs: 1000, eta: 1,
      shuffle: false, recordPath: true });
    const k = run.path.findIndex((w) => Math.abs(1 - w[1]) <= 1e-6);
    expect(k).toBe(stepsNeeded(kappa, 1e-6));
  });
});

describe('early stopping', () => {
  it('batch GD equals the spectral filter of Eq. (gd-filter)', () => {
    const { A, y, bounds } = problem(0.3);
    const eta = bounds.batch / 2;
    const run = minibatchGD(A, y, { batch: 200, epochs: 100, eta,
      shuffle: false, recordPath: true });
    for (const k of [1, 10, 100]) {
      // both are exact; the eigenvectors carry ~κε of rounding
      expect(normwiseError(run.path[k], gdFilterIterate(A, y, eta, k)))
        .toBeLessThan(1e-12);
    }
  });

  it('the norm of the GD iterates only grows: stopping shrinks w', () => {
    const { A, y, bounds } = problem(0.3);
    const run = minibatchGD(A, y, { batch: 200, epochs: 50,
      eta: bounds.batch / 2, shuffle: false, recordPath: true });
    const sizes = run.path.map(norm);
    for (let k = 1; k < sizes.length; k++) {
      expect(sizes[k]).toBeGreaterThanOrEqual(sizes[k - 1]);
    }
  });

  it('it returns the best validation epoch and stops after patience', () => {
    const s = stopping();
    const v = s.run.validationLoss;
    expect(s.run.stoppedEarly).toBe(true);
    expect(v[s.run.bestEpoch]).toBe(Math.min(...v));
    expect(v.length - 1 - s.run.bestEpoch).toBe(200); // the patience
    expect(squaredLoss(s.Av, s.validY, s.run.w)).toBe(v[s.run.bestEpoch]);
  });

  it('on the diabetes split the stopped model beats least squares', () => {
    const s = stopping();
    expect(s.stopped).toBeLessThan(s.leastSquares);
  });

  it('over 20 splits early stopping wins most often', () => {
    const r = splits();
    expect(r.wins).toBeGreaterThan(10);
    expect(r.meanRatio).toBeLessThan(1);
  });

  it('scaleWith uses the training mean and scale, not its own', () => {
    const X = new Matrix(2, 1, Float64Array.of(3, 5));
    const Z = scaleWith(X, Float64Array.of(1), Float64Array.of(2));
    expect(Array.from(Z.data)).toEqual([1, 2]);
  });
});

describe('the diabetes runs', () => {
  it('after one epoch SGD is far ahead of mini-batch, and it of batch', () => {
    const [batch, mini, sgd] = variants().map((r) => r.gaps[1]);
    expect(sgd < mini && mini < batch).toBe(true);
  });

  it('the batch curve only falls; the stochastic one does not', () => {
    const [batch, , sgd] = variants().map((r) => r.gaps);
    expect(batch.every((g, e) => e === 0 || g < batch[e - 1])).toBe(true);
    expect(sgd.some((g, e) => e > 0 && g > sgd[e - 1])).toBe(true);
  });

  it('at epoch 100 the mini-batch curve is still below the batch one', () => {
    const [batch, mini] = variants().map((r) => r.gaps[100]);
    expect(mini).toBeLessThan(batch);
  });

  it('every decaying schedule ends ten times below the constant step', () => {
    const [constant, ...decaying] = scheduleCurves(60).map(
      (r) => r.gaps[60]);
    for (const g of decaying) expect(g).toBeLessThan(constant / 10);
  });

  it('the variants use the step sizes stated in the text', () => {
    expect(VARIANTS.map((v) => [v.batch, v.eta])).toEqual(
      [[442, 0.25], [32, 0.05], [1, 0.01]]);
    expect(SPLIT.train + SPLIT.validation).toBeLessThan(442);
  });
});

describe('against scikit-learn', () => {
  it('the fixture was made from our copy of the data', () => {
    expect(sk.data.sha256).toBe(DIABETES_SHA256);
    expect(sk.versions.sklearn).toBe('1.2.1');
  });

  it('SGD in row order matches SGDRegressor after every recorded epoch', () => {
    const { A, y } = diabetesDesign();
    const run = minibatchGD(A, y, { batch: 1, epochs: sk.sgd.epochs,
      eta: sk.sgd.eta0, shuffle: false, recordPath: true });
    // each of T = 30 · 442 = 13 260 non-expansive steps adds a few ulps
    // of rounding: T · 4ε ≈ 1.2e-11 bounds the drift
    const tol = sk.sgd.epochs * 442 * 4 * Number.EPSILON;
    for (const rec of sk.sgd.by_epoch) {
      const w = run.path[rec.epoch * 442];
      expect(normwiseError(w, [rec.intercept, ...rec.coef])).toBeLessThan(tol);
    }
    expect(normwiseError(run.w, [sk.sgd.fit_intercept, ...sk.sgd.fit_coef]))
      .toBeLessThan(tol);
  });

  it('our least-squares target matches LinearRegression', () => {
    const { best } = diabetesDesign();
    const ref = [sk.ols_standardized.intercept, ...sk.ols_standardized.coef];
    // κ(H) ≈ 470 for the standardized design: 100 κ ε ≈ 1e-11
    expect(normwiseError(best, ref)).toBeLessThan(100 * 470 * Number.EPSILON);
  });
});

describe('errors', () => {
  it('minibatchGD names the bad option', () => {
    const { A, y } = problem(0.3);
    const base = { batch: 10, epochs: 5, eta: 0.1 };
    expect(() => minibatchGD(A, y, { ...base, batch: 0 }))
      .toThrow(/minibatchGD: batch must be an integer in \[1, /);
    expect(() => minibatchGD(A, y, { ...base, batch: 201 }))
      .toThrow(/batch must be an integer in \[1, 200\], got 201/);
    expect(() => minibatchGD(A, y, { ...base, epochs: 0 }))
      .toThrow(/minibatchGD: epochs/);
    expect(() => minibatchGD(A, y, { ...base, eta: -1 }))
      .toThrow(/minibatchGD: eta/);
    expect(() => minibatchGD(A, y, { ...base, patience: 3 }))
      .toThrow(/needs validation/);
    expect(() => minibatchGD(A, y, { ...base, w0: new Float64Array(3) }))
      .toThrow(/w0 must be vector\(4\)/);
  });

  it('minibatchGD refuses NaN data and a schedule that returns NaN', () => {
    const { A, y } = problem(0.3);
    const bad = Float64Array.from(y);
    bad[7] = NaN;
    expect(() => minibatchGD(A, bad, { batch: 10, epochs: 1, eta: 0.1 }))
      .toThrow(/minibatchGD: y/);
    expect(() => minibatchGD(A, y, { batch: 10, epochs: 3,
      eta: (e) => (e < 1 ? 0.1 : NaN) })).toThrow(/eta at epoch 1/);
  });

  it('batchGradient and takeRows refuse bad indices and weights', () => {
    const { A, y } = problem(0.3);
    const w = new Float64Array(4);
    expect(() => batchGradient(A, y, w, [0, 200])).toThrow(/outside/);
    expect(() => batchGradient(A, y, w, [])).toThrow(/empty/);
    expect(() => batchGradient(A, y, new Float64Array(2), [0]))
      .toThrow(/batchGradient: X is 200x4/);
    expect(() => takeRows(A, y, [1.5])).toThrow(/takeRows/);
    expect(() => epochBatches(5, 6, null)).toThrow(/epochBatches/);
  });

  it('takeRows refuses indices that are not a non-empty array', () => {
    const { A, y } = problem(0.3);
    expect(() => takeRows(A, y, [])).toThrow(/takeRows.*non-empty.*got \[\]/);
    const notArray = undefined as unknown as number[];
    expect(() => takeRows(A, y, notArray))
      .toThrow(/takeRows.*\[0, 200\).*got undefined/);
  });

  it('the conditioning helpers refuse degenerate input', () => {
    expect(() => stepBounds(new Matrix(3, 2))).toThrow(/all zeros/);
    expect(() => stepsNeeded(0.5, 1e-3)).toThrow(/stepsNeeded/);
    expect(conditionOf(Float64Array.of(2, 1, 0))).toBe(Infinity);
    expect(() => gdFilterIterate(new Matrix(2, 1), Float64Array.of(1, 2),
      0, 1)).toThrow(/gdFilterIterate/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('epochs of batches, takeRows, the batch gradient and its noise', () => {
    rejectsBadInput(badInput.batches);
  });

  it('the Hessian spectrum, step bounds, the GD filter and scaleWith', () => {
    rejectsBadInput(badInput.conditioning);
  });

  it('the step-size schedules', () => {
    rejectsBadInput(badInput.schedules);
  });

  it('minibatchGD and its options', () => {
    rejectsBadInput(badInput.minibatch);
  });

  it('the diabetes studies', () => {
    rejectsBadInput(badInput.studies);
  });

  it('the exercise solutions and the statistics over seeds', () => {
    rejectsBadInput(badInput.solutions);
  });
});

describe('review', () => {
  /** κ(H) and the ratio of the extreme diagonal entries of H. */
  function diagonalRatio(A: Matrix) {
    const H = hessian(A);
    let [hi, lo] = [0, Infinity];
    for (let j = 0; j < H.rows; j++) {
      [hi, lo] = [Math.max(hi, H.get(j, j)), Math.min(lo, H.get(j, j))];
    }
    return { kappa: conditionOf(hessianSpectrum(A)), ratio: hi / lo };
  }

  it('the chapter source carries no trace of eaten backslashes', () => {
    const text = readFileSync(
      new URL('../chapters/linear-models/gradient-descent.mdx',
        import.meta.url), 'utf8');
    expect(escapeDamage(text)).toEqual([]);
    expect(text).toContain('$O(\\text{nonzeros})$');
    expect(text).toContain('\\mathbf{g}_B - \\nabla L\\rVert^2 = S^2/b');
  });

  it('κ(H) is at least the ratio of the extreme diagonal entries (diabetes designs)', () => {
    for (const { A } of scaling()) {
      const { kappa, ratio } = diagonalRatio(A);
      expect(kappa).toBeGreaterThanOrEqual(ratio);
    }
  });

  it('κ(H) is at least the diagonal ratio on a stretched two-feature design', () => {
    const rng = createRng(4);
    const A = new Matrix(100, 2);
    for (let i = 0; i < 100; i++) {
      const a = rng.normal();
      A.data.set([a, 5 * (0.6 * a + 0.8 * rng.normal())], 2 * i);
    }
    const { kappa, ratio } = diagonalRatio(A);
    expect(ratio).toBeGreaterThan(10);
    expect(kappa).toBeGreaterThanOrEqual(ratio);
  });

  it('the raw design’s λmax is within 3% of ‖(1, x̄)‖², the mean term', () => {
    const [raw] = scaling();
    const { rows: n, cols } = raw.A;
    let size = 0;
    for (let j = 0; j < cols; j++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += raw.A.get(i, j) / n;
      size += m * m;
    }
    expect(Math.abs(raw.spectrum[0] - size)).toBeLessThan(0.03 * size);
  });

  it('over seeds 1–20, mini-batch ends below batch on average, 4 s.e. above 0, below in 15', () => {
    const { A, y, lossStar } = diabetesDesign();
    const batch = minibatchGD(A, y, { ...VARIANTS[0], epochs: 100 })
      .trainLoss[100] - lossStar;
    const [mini] = finalGapsOverSeeds((seed) => [{
      gaps: minibatchGD(A, y, { ...VARIANTS[1], epochs: 100, seed })
        .trainLoss.map((L) => L - lossStar),
    }], 20);
    expect(mini.mean).toBeLessThan(batch);
    expect(mini.mean).toBeGreaterThan(4 * mini.se);
    expect(mini.values.filter((v) => v < batch).length).toBe(15);
    expect(Math.min(...mini.values)).toBe(mini.values[0]); // seed 1 shown
  });

  it('for b = 32 the noise floor at η = 0.1 is above the one at 0.05', () => {
    const { A, y } = diabetesDesign();
    const floor = (eta: number) => Math.max(...minibatchGD(A, y,
      { batch: 32, eta, epochs: 100, seed: 1 }).trainLoss.slice(20));
    expect(floor(0.1)).toBeGreaterThan(floor(0.05));
  });

  it('over 20 splits the test-loss ratio is below 1 by more than 2 s.e.', () => {
    const r = splits();
    expect(r.seRatio).toBeCloseTo(meanSe(r.ratios).se, 15);
    expect(r.meanRatio + 2 * r.seRatio).toBeLessThan(1);
  });

  it('the filter iterate is exact for ηh = 1e-18, where 1 − ηh rounds to 1', () => {
    // H = diag(1, 1e-18): rows (√2, 0) and (0, √2·1e-9), n = 2
    const A = new Matrix(2, 2, Float64Array.of(Math.SQRT2, 0, 0,
      Math.SQRT2 * 1e-9));
    const y = Float64Array.of(1, 1);
    const k = 10_000;
    const run = minibatchGD(A, y, { batch: 2, epochs: k, eta: 1,
      shuffle: false });
    const filtered = gdFilterIterate(A, y, 1, k);
    expect(filtered[1]).toBeGreaterThan(0); // 0 with (1 − ηh)^k
    expect(normwiseError(filtered, run.w)).toBeLessThan(1e-9);
    expect(relativeError(filtered[1], run.w[1])).toBeLessThan(1e-9);
  });

  it('takeRows names the first bad index of a long list, not the whole list', () => {
    const { A, y } = problem(0);
    const idx = Array.from({ length: 1000 }, (_, i) => i % 200);
    idx[500] = 999;
    let message = '';
    try {
      takeRows(A, y, idx);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/idx\[500\] = 999 of 1000 indices/);
    expect(message.length).toBeLessThan(200);
  });

  it('Exercise 1: over all 5³ ordered batches with replacement the noise is S²/3', () => {
    const { A, y } = problem(0.3);
    const X = takeRows(A, y, [0, 1, 2, 3, 4]);
    const w = createRng(12).normalArray(4);
    const full = squaredLossGradient(X.X, X.y, w);
    let spread = 0; // S² = (1/n) Σ ‖∇ℓ_i − ∇L‖²
    for (let i = 0; i < 5; i++) {
      spread += norm(subVec(batchGradient(X.X, X.y, w, [i]), full)) ** 2 / 5;
    }
    let sum = 0;
    for (let t = 0; t < 125; t++) {
      const B = [t % 5, Math.floor(t / 5) % 5, Math.floor(t / 25)];
      sum += norm(subVec(batchGradient(X.X, X.y, w, B), full)) ** 2 / 125;
    }
    expect(relativeError(sum, spread / 3)).toBeLessThan(1e-13);
    // (n − 1)/(n − b) = 4/2 times Eq. (gd-batch-variance)
    expect(relativeError(sum, 2 * batchGradientVariance(X.X, X.y, w, 3)))
      .toBeLessThan(1e-13);
  });

  it('Exercise 2: the averaged iterate beats the last one by more than 4 s.e.', () => {
    const { A, y, lossStar } = diabetesDesign();
    const gains: number[] = [];
    for (let seed = 1; seed <= 5; seed++) {
      const r = averagedIterate(A, y, { batch: 1, eta: 0.01, epochs: 30,
        seed });
      gains.push(squaredLoss(A, y, r.last) - squaredLoss(A, y, r.average));
    }
    const { mean, se } = meanSe(gains);
    expect(mean).toBeGreaterThan(4 * se);
    expect(lossStar).toBeGreaterThan(0);
  });

  it('Exercise 4: (1 − e^−x) − x/(1 + x) peaks at x = 2.51 with 0.204', () => {
    const { x, gap } = largestFactorGap();
    expect(Math.abs(x - 2.513)).toBeLessThan(0.01);
    expect(Math.abs(gap - 0.2036)).toBeLessThan(0.001);
  });

  it('Exercise 4: on the split no early-stopping factor is below ridge’s, the gap at most 0.23', () => {
    const s = stopping();
    const c = earlyVsRidge(s.Z, s.y, s.eta, s.run.bestEpoch);
    const gaps = c.gd.map((g, j) => g - c.ridge[j]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...gaps)).toBeGreaterThan(0.2);
    expect(Math.max(...gaps)).toBeLessThan(0.23);
  });

  it('Exercise 4: ridge with λ = n/(e*η) has nearly the early-stopped test loss', () => {
    const s = stopping();
    const c = earlyVsRidge(s.Z, s.y, s.eta, s.run.bestEpoch);
    const ridge = squaredLoss(s.At, s.testY, c.bw);
    expect(Math.abs(ridge - s.stopped)).toBeLessThan(0.01 * s.stopped);
    expect(ridge).toBeLessThan(s.leastSquares);
  });

  it('Exercise 6: the largest stable steps lie between the bounds and grow with b', () => {
    const { A, y } = diabetesDesign();
    const bound = stepBounds(A);
    const eta = [1, 4, 16, 64, 442].map((b) => largestStableStep(A, y, b));
    for (const e of eta) {
      expect(e).toBeGreaterThan(bound.sample);
      expect(e).toBeLessThan(1.02 * bound.batch);
    }
    for (let i = 1; i < 4; i++) expect(eta[i]).toBeGreaterThan(eta[i - 1]);
    expect(Math.abs(eta[3] / eta[4] - 1)).toBeLessThan(0.01);
    expect(Math.abs(eta[4] / bound.batch - 1)).toBeLessThan(0.02);
  });
});
