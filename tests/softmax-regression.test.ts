// Tests for the softmax-regression chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/linear-models/
// softmax-regression.mdx.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  crossEntropyGradient,
  crossEntropyLoss,
} from '../code/calculus/classifier.ts';
import { IRIS_SHA256 } from '../code/calculus/iris.ts';
import { softmax } from '../code/calculus/softmax.ts';
import { symmetricEigen } from '../code/decompositions/eigen.ts';
import { smallestEigenvalue } from '../code/linear-regression/spectrum.ts';
import {
  assertAllClose,
  gradientCheck,
  numericalGradient,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  Matrix,
  matvec,
  norm,
  type Vector,
} from '../code/linear-algebra/matrix.ts';
import {
  logisticGradient,
  logisticHessian,
} from '../code/logistic-regression/model.ts';
import { sigmoid } from '../code/logistic-regression/sigmoid.ts';
import { SeparationError } from '../code/logistic-regression/fit.ts';
import type { Problem } from '../code/optimization/problems.ts';
import {
  DIGITS_SHA256,
  digitsPath,
  loadDigits,
} from '../code/softmax-regression/digits.ts';
import {
  LAMBDA,
  digitsRows,
  irisColumns,
  overflowStudy,
  redundancyStudy,
  twoClassStudy,
  twoSpecies,
} from '../code/softmax-regression/experiments.ts';
import {
  centredObjective,
  fitSoftmax,
  referenceObjective,
  type SoftmaxFit,
} from '../code/softmax-regression/fit.ts';
import {
  accuracyOf,
  confusionMatrix,
} from '../code/softmax-regression/metrics.ts';
import {
  classScores,
  oneHot,
  predictClass,
  predictProba,
  softmaxGradient,
  softmaxHessian,
  softmaxLoss,
} from '../code/softmax-regression/model.ts';
import { softmaxHvp } from '../code/softmax-regression/solutions/hvp.ts';
import {
  fitOneVsRest,
  oneVsRestProba,
} from '../code/softmax-regression/solutions/one-vs-rest.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/softmax-regression.ts';

const sk = fixture('softmax-regression', 'sklearn.json');

/** A seeded (d+1) x K parameter matrix with N(0, s²) entries. */
function randomTheta(q: number, K: number, seed: number, s = 1): Matrix {
  const rng = createRng(seed);
  return new Matrix(q, K, Float64Array.from({ length: q * K },
    () => s * rng.normal()));
}

const petals = irisColumns([2, 3]); // 150 x 2, three species

/**
 * For a μ-strongly convex f, ‖θ − θ*‖ ≤ ‖∇f(θ)‖/μ. Two approximate
 * minimizers are then at most (‖∇f(a)‖ + ‖∇f(b)‖)/μ apart. μ is measured
 * at one end; the factor 10 allows the Hessian to change along the
 * (tiny) segment between them.
 */
function distanceBound(gA: number, gB: number, mu: number): number {
  return (10 * (gA + gB)) / mu;
}

/** Our Θ beside scikit-learn's (b, W) as one vector each. */
function sideBySide(fit: SoftmaxFit, ref: { coef: number[][];
  intercept: number[] }) {
  const K = ref.intercept.length;
  const theirs = new Float64Array(fit.Theta.data.length);
  ref.intercept.forEach((b, k) => { theirs[k] = b; });
  ref.coef.forEach((w, k) => w.forEach((v, j) => {
    theirs[(j + 1) * K + k] = v;
  }));
  return { ours: fit.Theta.data, theirs };
}

/** The fixture's (b, W) as the centred objective's θ. */
function theirTheta(ref: { coef: number[][]; intercept: number[] }) {
  const K = ref.intercept.length;
  const t = new Float64Array((ref.coef[0].length + 1) * K);
  ref.intercept.forEach((b, k) => { t[k] = b; });
  ref.coef.forEach((w, k) => w.forEach((v, j) => { t[(j + 1) * K + k] = v; }));
  return t;
}

/** Compares our fit to the library's within the bound above. */
function agreeWithLibrary(X: Matrix, y: Int32Array, ref: {
  coef: number[][]; intercept: number[]; lambda: number }) {
  const K = ref.intercept.length;
  const fit = fitSoftmax(X, y, { lambda_: ref.lambda });
  const p: Problem = centredObjective(X, y, K, ref.lambda);
  const mu = smallestEigenvalue(p.hess!(fit.Theta.data));
  const gOurs = norm(p.grad(fit.Theta.data));
  const gTheirs = norm(p.grad(theirTheta(ref)));
  const atol = distanceBound(gOurs, gTheirs, mu);
  const { ours, theirs } = sideBySide(fit, ref);
  assertAllClose(ours, theirs, { rtol: 0, atol }, 'Θ vs scikit-learn');
  // the bound must be meaningful: far below the size of the weights
  expect(atol).toBeLessThan(1e-6 * norm(theirs));
  return fit;
}

describe('the model, Eqs. (smr-scores) and (smr-model)', () => {
  it('one-hot targets have a single 1 per row, at the label', () => {
    const Y = oneHot(Int32Array.of(2, 0, 1, 2), 3);
    expect(Array.from(Y.data)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('each row of P is a probability vector', () => {
    const P = predictProba(petals.X, randomTheta(3, 3, 1, 2));
    for (let i = 0; i < P.rows; i++) {
      const row = P.row(i);
      expect(row.every((v) => v > 0 && v < 1)).toBe(true);
      expect(row.reduce((s, v) => s + v)).toBeCloseTo(1, 14);
    }
  });

  it('adding one vector to every class column leaves P unchanged', () => {
    // Eq. (smr-shift): only differences of scores matter. Rounding in
    // Z = X̃Θ is about 1e-15 · |z| ≈ 1e-14 here, hence the tolerance.
    const Theta = randomTheta(3, 3, 2);
    const c = [0.7, -1.3, 2.1]; // one number per row of Θ
    const shifted = new Matrix(3, 3, Theta.data.map((v, t) =>
      v + c[Math.floor(t / 3)]));
    assertAllClose(predictProba(petals.X, shifted).data,
      predictProba(petals.X, Theta).data, { rtol: 1e-12, atol: 1e-14 });
  });

  it('predictClass is the argmax of the probabilities', () => {
    const Theta = randomTheta(3, 3, 3);
    const P = predictProba(petals.X, Theta);
    const yHat = predictClass(petals.X, Theta);
    for (let i = 0; i < P.rows; i++) {
      expect(P.get(i, yHat[i])).toBe(Math.max(...P.row(i)));
    }
  });

  it('with two classes, softmax is the sigmoid of the difference', () => {
    // Eq. (smr-two-class): p₁ = e^{z₁}/(e^{z₀}+e^{z₁}) = σ(z₁ − z₀)
    for (const [z0, z1] of [[0.3, -2], [5, 5], [-30, 12], [700, 690]]) {
      expect(softmax([z0, z1])[1]).toBeCloseTo(sigmoid(z1 - z0), 15);
    }
  });
});

describe('the loss, Eq. (smr-loss)', () => {
  it('is −Σ log p_{i,yᵢ} + (λ/2)‖W‖², from the probabilities', () => {
    const Theta = randomTheta(3, 3, 4);
    const P = predictProba(petals.X, Theta);
    let expected = 0;
    for (let i = 0; i < P.rows; i++) expected -= Math.log(P.get(i, petals.y[i]));
    const w2 = Theta.data.slice(3).reduce((s, v) => s + v * v, 0);
    expected += (0.7 / 2) * w2;
    // a sum of 150 terms of size ~10: rounding ~150 · 1e-16 · 10
    expect(softmaxLoss(petals.X, petals.y, Theta, 0.7))
      .toBeCloseTo(expected, 10);
  });

  it('is n times the calculus chapter\'s mean cross-entropy', () => {
    // that chapter stores W as K x (d+1) with the bias last
    const Theta = randomTheta(3, 3, 5);
    const Wc = new Matrix(3, 3);
    for (let k = 0; k < 3; k++) {
      Wc.set(k, 0, Theta.get(1, k));
      Wc.set(k, 1, Theta.get(2, k));
      Wc.set(k, 2, Theta.get(0, k));
    }
    const n = petals.X.rows;
    expect(softmaxLoss(petals.X, petals.y, Theta))
      .toBeCloseTo(n * crossEntropyLoss(Wc, petals.X, petals.y), 10);
    const G = softmaxGradient(petals.X, petals.y, Theta);
    const Gc = crossEntropyGradient(Wc, petals.X, petals.y);
    const mapped = Float64Array.from({ length: 9 }, (_, t) => {
      const [j, k] = [Math.floor(t / 3), t % 3];
      return n * Gc.get(k, j === 0 ? 2 : j - 1);
    });
    assertAllClose(G.data, mapped, { rtol: 1e-12, atol: 1e-12 });
  });

  it('equals n log K at Θ = 0, where every class gets 1/K', () => {
    const L = softmaxLoss(petals.X, petals.y, new Matrix(3, 3));
    expect(L).toBeCloseTo(150 * Math.log(3), 12);
  });

  it('stays finite where the unshifted log Σ e^z overflows', () => {
    // Eq. (smr-lse): the scores reach ~900 > log(MAX_VALUE) ≈ 709.8
    const o = overflowStudy();
    expect(o.maxScore).toBeGreaterThan(Math.log(Number.MAX_VALUE));
    expect(o.naive).toBe(Infinity);
    expect(Number.isFinite(o.stable)).toBe(true);
    // a model 100x more confident than the fit, on the data it fits:
    // the few errors cost a lot, but far less than its 150 · 900
    expect(o.stable).toBeGreaterThan(0);
    expect(o.stable).toBeLessThan(1000);
  });
});

describe('gradient and Hessian, Eqs. (smr-gradient) and (smr-hessian)', () => {
  it('the gradient X̃ᵀ(P − Y) + λ[0; W] matches finite differences', () => {
    const { X, y } = digitsRows([...Array(20).keys()]); // 20 x 64
    const Theta = randomTheta(65, 10, 6, 0.3);
    const f = (t: Vector) =>
      softmaxLoss(X, y, new Matrix(65, 10, t), 0.5);
    const g = (t: Vector) =>
      softmaxGradient(X, y, new Matrix(65, 10, t), 0.5).data;
    // GRADIENT_TOLERANCE: central differences are good to ~1e-8 relative
    const check = gradientCheck(f, g, Theta.data);
    expect(check.ok, `worst ${check.maxError} at ${check.index}`).toBe(true);
  });

  it('the Hessian matches finite differences of the gradient', () => {
    const Theta = randomTheta(3, 3, 7);
    const H = softmaxHessian(petals.X, Theta, 0.5);
    const numeric = new Matrix(9, 9);
    for (let r = 0; r < 9; r++) {
      const gr = (t: Vector) =>
        softmaxGradient(petals.X, petals.y, new Matrix(3, 3, t), 0.5)
          .data[r];
      numeric.data.set(numericalGradient(gr, Theta.data), r * 9);
    }
    // the gradient's entries are ~100: a central difference of it is
    // good to about 1e-7 relative (step h ≈ 1e-5, error h²|f'''|)
    assertAllClose(H.data, numeric.data, { rtol: 1e-6, atol: 1e-6 });
  });

  it('the Hessian is positive semidefinite, so L is convex', () => {
    const H = softmaxHessian(petals.X, randomTheta(3, 3, 8, 3), 0);
    const values = symmetricEigen(H).values;
    // zero eigenvalues come out as ±rounding: ~1e-16 · λmax
    expect(Math.min(...values)).toBeGreaterThan(-1e-12 * values[0]);
  });

  it('a shift of all classes by the same vector is a null direction', () => {
    // v_{jK+k} = c_j for every class k: H v = 0, Eq. (smr-null)
    const H = softmaxHessian(petals.X, randomTheta(3, 3, 9), 0);
    const v = Float64Array.of(1, 1, 1, -2, -2, -2, 0.5, 0.5, 0.5);
    const Hv = matvec(H, v);
    // entries of H are up to ~1e3; rounding leaves ~1e-12 in H v
    expect(norm(Hv)).toBeLessThan(1e-10);
  });

  it('counts d+1 null directions; λ > 0 leaves 1; centring none', () => {
    const r = redundancyStudy();
    expect(r.zeros).toEqual({ plain: 3, ridge: 1, centred: 0 });
    // the centring term turns each 0 into K = 3, Eq. (smr-centred)
    expect(r.centred.filter((e) => Math.abs(e - 3) < 1e-9).length).toBe(3);
  });

  it('row j of the gradient sums to λ times row j of W over classes', () => {
    // Σ_k (p_ik − y_ik) = 0, so Σ_k ∂L/∂Θ_jk = λ Σ_k W_jk (0 for b)
    const Theta = randomTheta(3, 3, 10);
    const G = softmaxGradient(petals.X, petals.y, Theta, 0.8);
    for (let j = 0; j < 3; j++) {
      const sumG = G.row(j).reduce((s, v) => s + v);
      const sumT = j === 0 ? 0 : 0.8 * Theta.row(j).reduce((s, v) => s + v);
      expect(sumG).toBeCloseTo(sumT, 10);
    }
  });

  it('the centred and reference objectives have correct gradients', () => {
    const c = centredObjective(petals.X, petals.y, 3, 0.5);
    const r = referenceObjective(petals.X, petals.y, 3, 0.5);
    const t = randomTheta(3, 3, 11).data;
    expect(gradientCheck(c.f, c.grad, t).ok).toBe(true);
    expect(gradientCheck(r.f, r.grad, t.slice(0, 6)).ok).toBe(true);
  });

  it('the reference objective\'s Hessian is the full one, trimmed', () => {
    const r = referenceObjective(petals.X, petals.y, 3, 0);
    const t = randomTheta(3, 2, 12).data;
    const Theta = new Matrix(3, 3);
    for (let j = 0; j < 3; j++) Theta.data.set(t.subarray(2 * j, 2 * j + 2), 3 * j);
    const H = softmaxHessian(petals.X, Theta, 0);
    const R = r.hess!(t);
    const keep = [0, 1, 3, 4, 6, 7];
    keep.forEach((a, i) => keep.forEach((b, j) => {
      expect(R.get(i, j)).toBe(H.get(a, b));
    }));
  });
});

describe('fitting, and what the fit satisfies', () => {
  it('Newton reaches ‖∇L‖ ≤ 1e-10 ‖∇L(0)‖ in a few steps', () => {
    const fit = fitSoftmax(petals.X, petals.y, { lambda_: LAMBDA });
    const h = fit.run.history;
    expect(fit.run.gradNorm).toBeLessThanOrEqual(1e-10 * h[0].gradNorm);
    expect(fit.run.iterations).toBeLessThanOrEqual(15);
  });

  it('the penalized fit is a minimizer of L itself, weights summing to 0',
    () => {
      // the centring term is 0 on the solution it picks: L's own
      // gradient vanishes there and every row of Θ sums to 0
      const fit = fitSoftmax(petals.X, petals.y, { lambda_: LAMBDA });
      const G = softmaxGradient(petals.X, petals.y, fit.Theta, LAMBDA);
      const g0 = fit.run.history[0].gradNorm;
      expect(norm(G.data)).toBeLessThan(1e-9 * g0);
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(fit.Theta.row(j).reduce((s, v) => s + v)))
          .toBeLessThan(1e-9);
      }
    });

  it('the reference-class fit predicts the same probabilities', () => {
    const { X, y } = twoSpecies(); // not separable: a finite MLE exists
    const a = fitSoftmax(X, y, { reference: true });
    const b = fitSoftmax(X, y);
    expect(a.Theta.col(1).every((v) => v === 0)).toBe(true);
    // both stop at ‖∇‖ ≤ 1e-10 ‖∇₀‖; probabilities are 1-Lipschitz in
    // the scores, so they agree as closely as Θ does (see below)
    assertAllClose(predictProba(X, a.Theta).data,
      predictProba(X, b.Theta).data, { rtol: 0, atol: 1e-9 });
  });

  it('refuses linearly separable classes without a penalty', () => {
    // setosa and versicolor are separated by their petals
    const keep = [...Array(100).keys()];
    const X = new Matrix(100, 2, petals.X.data.slice(0, 200));
    const y = Int32Array.from(keep, (i) => petals.y[i]);
    expect(() => fitSoftmax(X, y)).toThrow(SeparationError);
    expect(() => fitSoftmax(X, y))
      .toThrow(/fitSoftmax: the classes are linearly separable/);
    expect(fitSoftmax(X, y, { lambda_: 1 }).run.converged).toBe(true);
  });
});

describe('two classes: logistic regression, Eq. (smr-two-class)', () => {
  const study = twoClassStudy();
  const { X, y } = twoSpecies();
  const yLogistic = Float64Array.from(y);

  /** ‖∇L‖ of the logistic problem of the previous chapter at θ. */
  function logisticGrad(theta: Vector, lambda_: number) {
    return norm(logisticGradient(X, yLogistic, theta, lambda_));
  }

  function bound(a: Vector, b: Vector, lambda_: number) {
    const mu = smallestEigenvalue(logisticHessian(X, a, lambda_));
    return distanceBound(logisticGrad(a, lambda_), logisticGrad(b, lambda_),
      mu);
  }

  it('a reference class gives the logistic fit exactly (λ = 0)', () => {
    const atol = bound(study.logistic, study.reference, 0);
    assertAllClose(study.reference, study.logistic, { rtol: 0, atol },
      'θ₁ − θ₀ vs logistic θ');
    expect(atol).toBeLessThan(1e-8 * norm(study.logistic));
  });

  it('centring gives it too: θ₁ − θ₀ is the logistic θ (λ = 0)', () => {
    const atol = bound(study.logistic, study.centred, 0);
    assertAllClose(study.centred, study.logistic, { rtol: 0, atol });
  });

  it('a penalty λ on softmax is a penalty λ/2 on logistic regression',
    () => {
      // θ₀ = −θ₁ at the optimum, so (λ/2)(‖w₀‖² + ‖w₁‖²) = (λ/4)‖w₁ − w₀‖²
      const theta = logisticViewOf(study.penalized);
      const atol = bound(study.halfLogistic, theta, LAMBDA / 2);
      assertAllClose(theta, study.halfLogistic, { rtol: 0, atol });
      expect(study.penalized.Theta.get(1, 0))
        .toBeCloseTo(-study.penalized.Theta.get(1, 1), 9);
    });
});

function logisticViewOf(fit: SoftmaxFit): Float64Array {
  return Float64Array.from({ length: 3 },
    (_, j) => fit.Theta.get(j, 1) - fit.Theta.get(j, 0));
}

describe('against scikit-learn (tests/fixtures/softmax-regression)', () => {
  it('the fixture was made from these very data files', () => {
    expect(sk.sha256.iris).toBe(IRIS_SHA256);
    expect(sk.sha256.digits).toBe(DIGITS_SHA256);
    expect(sk.settings.multi_class).toBe('multinomial');
  });

  it('iris, four features, λ = 1: Θ within the convexity bound', () => {
    const { X, y } = irisColumns(sk.iris.features);
    agreeWithLibrary(X, y, sk.iris);
  });

  it('iris petals, λ = 1: Θ and three probability rows agree', () => {
    const fit = agreeWithLibrary(petals.X, petals.y, sk.iris_petals);
    const rows: number[] = sk.iris_petals.proba_rows;
    const Xr = new Matrix(rows.length, 2);
    rows.forEach((i, r) => Xr.data.set(petals.X.row(i), 2 * r));
    // P is 1-Lipschitz in the scores; scores move by ≤ ‖x̃‖ ‖ΔΘ‖ ≈ 1e-8
    assertAllClose(predictProba(Xr, fit.Theta).data,
      (sk.iris_petals.proba as number[][]).flat(), { rtol: 0, atol: 1e-7 });
  });

  it('digits 0–2 of the first 360 images, λ = 1: Θ agrees', () => {
    const { X, y } = digitsRows(sk.digits_small.rows);
    expect(X.rows).toBe(sk.digits_small.n);
    agreeWithLibrary(X, y, sk.digits_small);
  });

  it('the intercepts sum to 0 in both, as centring demands', () => {
    const fit = fitSoftmax(petals.X, petals.y, { lambda_: LAMBDA });
    expect(Math.abs(fit.b.reduce((s, v) => s + v))).toBeLessThan(1e-9);
    expect(Math.abs(sk.iris_petals.intercept_sum)).toBeLessThan(1e-9);
    expect(Math.abs(sk.digits.intercept_sum)).toBeLessThan(1e-9);
  });

  it('the losses agree: ours is no larger, by at most ‖g‖²/(2μ)', () => {
    const fit = fitSoftmax(petals.X, petals.y, { lambda_: LAMBDA });
    const ours = softmaxLoss(petals.X, petals.y, fit.Theta, LAMBDA);
    // μ: the smallest eigenvalue of the centred Hessian, which is the
    // smallest non-zero one of ∇²L here (about 0.13; the flat intercept
    // shift becomes K = 3)
    const p = centredObjective(petals.X, petals.y, 3, LAMBDA);
    const mu = smallestEigenvalue(p.hess!(fit.Theta.data));
    expect(mu).toBeGreaterThan(0.1);
    const gap = sk.iris_petals.grad_norm ** 2 / (2 * mu);
    // rounding in a sum of 150 terms of size ≤ 10: below 1e-12
    expect(ours).toBeLessThanOrEqual(sk.iris_petals.loss + 1e-12);
    expect(sk.iris_petals.loss - ours).toBeLessThanOrEqual(gap + 1e-12);
  });
});

describe('data and metrics', () => {
  it('loadDigits: 1797 images of 64 pixels in 0..16, 174–183 per digit',
    () => {
      const { X, y } = loadDigits();
      expect([X.rows, X.cols]).toEqual([1797, 64]);
      expect(X.data.every((v) => Number.isInteger(v) && v >= 0 && v <= 16))
        .toBe(true);
      const counts = Array.from({ length: 10 }, (_, k) =>
        y.filter((v) => v === k).length);
      expect(Math.min(...counts)).toBe(174);
      expect(Math.max(...counts)).toBe(183);
    });

  it('loadDigits refuses a file whose SHA-256 differs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digits-'));
    const path = join(dir, 'digits.csv');
    const text = readFileSync(digitsPath(), 'utf8');
    writeFileSync(path, text.replace('0,0,5,13', '0,0,5,14'));
    expect(() => loadDigits(path)).toThrow(/loadDigits: .* SHA-256/);
  });

  it('the confusion matrix counts pairs; its trace/n is accuracy', () => {
    const y = Int32Array.of(0, 0, 1, 1, 2, 2, 2);
    const yHat = Int32Array.of(0, 1, 1, 1, 2, 0, 2);
    const C = confusionMatrix(y, yHat, 3);
    expect(Array.from(C.data)).toEqual([1, 1, 0, 0, 2, 0, 1, 0, 2]);
    expect(accuracyOf(y, yHat)).toBeCloseTo(5 / 7, 15);
  });
});

describe('large input: no stack overflow', () => {
  // Math.max(...y) overflowed the stack in accuracyOf from about 62,826
  // labels and in fitSoftmax's default K at 300,000.
  const n = 1_000_000;
  const rng = createRng(21);
  const y = Int32Array.from({ length: n }, () => rng.int(0, 3));
  const yHat = y.map((k, i) => (i % 4 === 0 ? (k + 1) % 3 : k));

  it('accuracyOf and confusionMatrix count 10^6 labels', () => {
    expect(accuracyOf(y, yHat)).toBe(750_000 / n); // every 4th is wrong
    const C = confusionMatrix(y, yHat, 3);
    expect(C.data.reduce((s, c) => s + c, 0)).toBe(n);
    expect(C.data[0] + C.data[4] + C.data[8]).toBe(750_000);
  });

  it('fitSoftmax takes K = max(y) + 1 from 10^6 labels', () => {
    // A fit of 10^6 samples takes tens of seconds; the class missing
    // from 0..2 stops this one right after K is found and y checked.
    const y02 = y.map((k) => (k === 1 ? 2 : k));
    const X = new Matrix(n, 1, rng.normalArray(n));
    expect(() => fitSoftmax(X, y02))
      .toThrow(/^fitSoftmax: class 1 of 0\.\.2 has no sample/);
  });
});

describe('bad input is refused with a clear error', () => {
  const Theta = new Matrix(3, 3);

  it('NaN in X', () => {
    const X = new Matrix(2, 2, Float64Array.of(1, NaN, 0, 1));
    expect(() => softmaxLoss(X, Int32Array.of(0, 1), Theta))
      .toThrow(/softmaxLoss: X \(2x2\) has NaN at \(0, 1\)/);
  });

  it('Θ of the wrong shape, or with Infinity', () => {
    expect(() => classScores(petals.X, new Matrix(2, 3)))
      .toThrow(/classScores: X is 150x2, so Θ = \[bᵀ; W\] must be 3xK/);
    const bad = new Matrix(3, 3);
    bad.data[4] = Infinity;
    expect(() => softmaxGradient(petals.X, petals.y, bad))
      .toThrow(/softmaxGradient: Θ \(3x3\) has Infinity/);
  });

  it('labels out of range, or not one per row', () => {
    const y = Int32Array.from(petals.y);
    y[7] = 3;
    expect(() => softmaxLoss(petals.X, y, Theta))
      .toThrow(/labels must lie in 0\.\.2, got y\[7\] = 3/);
    expect(() => softmaxLoss(petals.X, Int32Array.of(0, 1), Theta))
      .toThrow(/so y must be an Int32Array of 150 labels; got length 2/);
  });

  it('a negative λ, or a class with no sample', () => {
    expect(() => softmaxLoss(petals.X, petals.y, Theta, -1))
      .toThrow(/softmaxLoss: lambda_ must be a finite number >= 0/);
    expect(() => fitSoftmax(petals.X, petals.y, { K: 4 }))
      .toThrow(/fitSoftmax: class 3 of 0\.\.3 has no sample/);
  });

  it('confusion matrices of unequal lengths', () => {
    expect(() => confusionMatrix(Int32Array.of(0, 1), Int32Array.of(0), 2))
      .toThrow(/confusionMatrix: expected y and yHat/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the model: checks, one-hot targets, scores, probabilities, loss, gradient, Hessian', () => {
    rejectsBadInput(badInput.model);
  });

  it('the objectives, the fit and the metrics', () => {
    rejectsBadInput(badInput.fit);
  });

  it('the digits loader and the experiments', () => {
    rejectsBadInput(badInput.experiments);
  });
});

describe('review', () => {
  it('all three species by their petals, λ = 0: refused, naming class 0',
    () => {
      expect(() => fitSoftmax(petals.X, petals.y)).toThrow(SeparationError);
      expect(() => fitSoftmax(petals.X, petals.y))
        .toThrow(/^fitSoftmax: class 0 is linearly separable/);
    });

  it('versicolor against virginica, which overlap, still fits at λ = 0',
    () => {
      const { X, y } = twoSpecies();
      expect(fitSoftmax(X, y).run.converged).toBe(true);
    });

  it('centring with λ = 1 turns the shift eigenvalues {0, 1, 1} into {3, 4, 4}',
    () => {
      const { Theta, ridge } = redundancyStudy();
      const centred = symmetricEigen(centredObjective(petals.X, petals.y, 3,
        1).hess(Theta.data)).values;
      // the penalized spectrum without one 0 and two 1s, plus 3, 4, 4
      const rest = Array.from(ridge);
      for (const v of [0, 1, 1]) {
        const at = rest.findIndex((e) => Math.abs(e - v) < 1e-9);
        expect(at).toBeGreaterThanOrEqual(0);
        rest.splice(at, 1);
      }
      const expected = [...rest, 3, 4, 4].sort((a, b) => a - b);
      const got = Array.from(centred).sort((a, b) => a - b);
      assertAllClose(got, expected, { rtol: 0, atol: 1e-9 });
    });

  it('the confusion matrix has six off-diagonal cells at its maximum, 2',
    () => {
      // the library's test predictions, which equal ours on all 449
      // held-out digits (the page counts them at build time)
      const idx = Array.from({ length: 1797 }, (_, i) => i)
        .filter((i) => i % 4 === 3);
      const { y } = digitsRows(idx);
      const C = confusionMatrix(y, Int32Array.from(
        sk.digits.test_predictions as number[]), 10);
      const off = Array.from(C.data).filter((_, t) => t % 11 !== 0);
      const top = off.reduce((m, v) => Math.max(m, v), 0);
      expect(top).toBe(2);
      expect(off.filter((v) => v === top).length).toBe(6);
    });

  it('softmaxHvp equals the full Hessian times v (petals, 20 digits)', () => {
    const digits = digitsRows(Array.from({ length: 20 }, (_, i) => i));
    for (const [X, K, seed] of [[petals.X, 3, 5], [digits.X, 10, 6]] as
      const) {
      const Theta = randomTheta(X.cols + 1, K, seed, 0.3);
      const V = randomTheta(X.cols + 1, K, seed + 10);
      const full = matvec(softmaxHessian(X, Theta, 0.5), V.data);
      const hvp = softmaxHvp(X, Theta, V, 0.5).data;
      assertAllClose(hvp, full, { rtol: 1e-12, atol: 1e-12 * norm(full) });
    }
  });

  it('the exercise solutions refuse bad input, naming themselves', () => {
    rejectsBadInput(badInput.solutions);
  });

  it('one-vs-rest probabilities need not sum to 1; softmax ones do', () => {
    const { X, y } = digitsRows(sk.digits_small.rows);
    const P = oneVsRestProba(X, fitOneVsRest(X, y, 3, LAMBDA));
    const soft = predictProba(X, fitSoftmax(X, y, { lambda_: LAMBDA })
      .Theta);
    let worstOvr = 0;
    let worstSoft = 0;
    for (let i = 0; i < X.rows; i++) {
      const row = (M: Matrix) => M.get(i, 0) + M.get(i, 1) + M.get(i, 2);
      worstOvr = Math.max(worstOvr, Math.abs(row(P) - 1));
      worstSoft = Math.max(worstSoft, Math.abs(row(soft) - 1));
    }
    expect(worstOvr).toBeGreaterThan(0.05);
    expect(worstSoft).toBeLessThan(1e-15);
  });
});
