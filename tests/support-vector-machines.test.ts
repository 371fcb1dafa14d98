// Tests for the support-vector-machines chapter. Each `it` is one claim
// of the chapter; equation labels refer to chapters/kernel-methods/
// support-vector-machines.mdx. Reference values come from scikit-learn
// 1.2.1's SVC (libsvm) through scripts/reference/
// support_vector_machines.py; every fit is small (at most 200 rows).
import { describe, expect, it } from 'vitest';
import { loadIris } from '../code/calculus/iris.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { kktResiduals } from '../code/optimization/constrained.ts';
import { blobs, twoMoons } from '../code/support-vector-machines/data.ts';
import { dualMatrix, kernelMatrix } from '../code/support-vector-machines/kernel.ts';
import { hingeObjective } from '../code/support-vector-machines/pegasos.ts';
import {
  fitPlatt,
  plattProbability,
} from '../code/support-vector-machines/platt.ts';
import {
  ovoValues,
  predictSvc,
  sklearnView,
} from '../code/support-vector-machines/predict.ts';
import {
  breastCancerScaled,
  irisTwoClasses,
} from '../code/support-vector-machines/real-data.ts';
import { solveDual } from '../code/support-vector-machines/smo.ts';
import {
  convergenceStudy,
  gridStudy,
  GRID_C,
  imbalanceStudy,
  marginStudy,
  plattStudy,
  scalingStudy,
} from '../code/support-vector-machines/studies.ts';
import {
  fitBinary,
  fitSvc,
  type SvcModel,
} from '../code/support-vector-machines/svc.ts';
import { biasInterval } from '../code/support-vector-machines/solutions/bias-interval.ts';
import { dualityGap } from '../code/support-vector-machines/solutions/duality-gap.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/support-vector-machines.ts';
import { fixture } from './helpers.ts';

interface Fit {
  kernel: 'linear' | 'rbf'; C: number; gamma: number | null;
  support: number[]; n_support: number[]; dual_coef: number[];
  intercept: number[]; decision: number[]; predict: number[];
}
const sk = fixture('support-vector-machines', 'sklearn.json');
const fits = sk.fits as Record<string, Fit>;
const TOL = sk.tol as number; // 1e-8 on both sides

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < b.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};
const signs = (y: Int32Array) => Int8Array.from(y, (c) => (c ? 1 : -1));

const iris = loadIris();
const two = irisTwoClasses();
const cancer = breastCancerScaled(200);
const DATA: Record<string, { X: Matrix; y: Int32Array }> = {
  iris2_linear: two, iris2_rbf: two,
  iris3_linear: iris, iris3_rbf: iris,
  cancer_linear: cancer, cancer_rbf: cancer,
};
const ours: Record<string, { m: SvcModel; v: ReturnType<typeof sklearnView> }> = {};
for (const [key, d] of Object.entries(DATA)) {
  const f = fits[key];
  const m = fitSvc(d.X, d.y, {
    C: f.C, eps: TOL,
    kernel: f.kernel === 'rbf' ? { kind: 'rbf', gamma: f.gamma! }
      : { kind: 'linear' },
  });
  ours[key] = { m, v: sklearnView(m, d.X) };
}

// The tolerance: both solvers stop once m(α) − M(α) < 1e-8, Eq.
// (sv-stop); two α that both meet it differ by about that much, so 1e-6
// leaves room. (They agree far closer: same selection rule, same
// float32 kernel cache, same conventions.)
const REF = 1e-6;

describe('against scikit-learn SVC (libsvm), tol = 1e-8, no shrinking', () => {
  it('iris, 2 classes, linear: same support vectors, dual_coef_ and intercept_', () => {
    const { m, v } = ours.iris2_linear, f = fits.iris2_linear;
    expect(Array.from(m.support)).toEqual(f.support);
    expect(Array.from(m.nSupport)).toEqual(f.n_support);
    expect(maxDiff(v.dualCoef, f.dual_coef)).toBeLessThan(REF);
    expect(maxDiff(v.intercept, f.intercept)).toBeLessThan(REF);
  });
  it('iris, 2 classes, linear: decision_function within 1e-6', () => {
    expect(maxDiff(ours.iris2_linear.v.decision,
      fits.iris2_linear.decision)).toBeLessThan(REF);
  });
  it('iris, 2 classes, RBF: same support vectors, dual_coef_ and intercept_', () => {
    const { m, v } = ours.iris2_rbf, f = fits.iris2_rbf;
    expect(Array.from(m.support)).toEqual(f.support);
    expect(maxDiff(v.dualCoef, f.dual_coef)).toBeLessThan(REF);
    expect(maxDiff(v.intercept, f.intercept)).toBeLessThan(REF);
  });
  it('iris, 2 classes, RBF: decision_function within 1e-6', () => {
    expect(maxDiff(ours.iris2_rbf.v.decision, fits.iris2_rbf.decision))
      .toBeLessThan(REF);
  });
  it('iris, 3 classes, linear: same support vectors and (K−1) × nSV dual_coef_', () => {
    const { m, v } = ours.iris3_linear, f = fits.iris3_linear;
    expect(Array.from(m.support)).toEqual(f.support);
    expect(Array.from(m.nSupport)).toEqual(f.n_support);
    expect(m.coef.rows).toBe(2);
    expect(maxDiff(v.dualCoef, f.dual_coef)).toBeLessThan(REF);
    expect(maxDiff(v.intercept, f.intercept)).toBeLessThan(REF);
  });
  it('iris, 3 classes, linear: one-vs-one decision values within 1e-6', () => {
    expect(maxDiff(ours.iris3_linear.v.decision,
      fits.iris3_linear.decision)).toBeLessThan(REF);
  });
  it('iris, 3 classes, RBF: same support vectors, dual_coef_ and intercept_', () => {
    const { m, v } = ours.iris3_rbf, f = fits.iris3_rbf;
    expect(Array.from(m.support)).toEqual(f.support);
    expect(maxDiff(v.dualCoef, f.dual_coef)).toBeLessThan(REF);
    expect(maxDiff(v.intercept, f.intercept)).toBeLessThan(REF);
  });
  it('iris, 3 classes, RBF: one-vs-one decision values within 1e-6', () => {
    expect(maxDiff(ours.iris3_rbf.v.decision, fits.iris3_rbf.decision))
      .toBeLessThan(REF);
  });
  it('iris, 3 classes: one-vs-one voting predicts what predict() does', () => {
    expect(Array.from(predictSvc(ours.iris3_rbf.m, iris.X)))
      .toEqual(fits.iris3_rbf.predict);
    expect(Array.from(predictSvc(ours.iris3_linear.m, iris.X)))
      .toEqual(fits.iris3_linear.predict);
  });
  it('breast cancer (scaled), linear: same support vectors and coefficients', () => {
    const { m, v } = ours.cancer_linear, f = fits.cancer_linear;
    expect(Array.from(m.support)).toEqual(f.support);
    expect(maxDiff(v.dualCoef, f.dual_coef)).toBeLessThan(REF);
    expect(maxDiff(v.intercept, f.intercept)).toBeLessThan(REF);
    expect(maxDiff(v.decision, f.decision)).toBeLessThan(REF);
  });
  it('breast cancer (scaled), RBF: same support vectors and coefficients', () => {
    const { m, v } = ours.cancer_rbf, f = fits.cancer_rbf;
    expect(Array.from(m.support)).toEqual(f.support);
    expect(maxDiff(v.dualCoef, f.dual_coef)).toBeLessThan(REF);
    expect(maxDiff(v.intercept, f.intercept)).toBeLessThan(REF);
    expect(maxDiff(v.decision, f.decision)).toBeLessThan(REF);
  });
  it('scaled breast cancer rows: mean 0 and 1/n variance 1, as StandardScaler', () => {
    // StandardScaler also divides by the 1/n standard deviation
    for (let j = 0; j < 30; j++) {
      let m = 0, s = 0;
      for (let i = 0; i < 200; i++) m += cancer.X.get(i, j);
      for (let i = 0; i < 200; i++) s += (cancer.X.get(i, j) - m / 200) ** 2;
      expect(Math.abs(m / 200)).toBeLessThan(1e-12);
      expect(s / 200).toBeCloseTo(1, 12);
    }
  });
});

// SMO solves the problem whose Q is rounded to single precision (as
// libsvm's kernel cache is): the KKT conditions of the exact problem
// then hold only to about float32's 6e-8 times |Q_ij| (here up to 20).
const KKT = 1e-6;

// A small linear problem shared by the dual's tests.
const blob = blobs(60, 2, 3);
const by = signs(blob.y);
const C = 0.7;
const lin = fitBinary(blob.X, by, C, { kind: 'linear' }, 1e-10);
const wLin = new Float64Array(2);
for (let i = 0; i < 60; i++) {
  wLin[0] += lin.coef[i] * blob.X.data[2 * i];
  wLin[1] += lin.coef[i] * blob.X.data[2 * i + 1];
}
const fLin = (i: number) =>
  wLin[0] * blob.X.data[2 * i] + wLin[1] * blob.X.data[2 * i + 1] + lin.b;

describe('the dual and its KKT conditions', () => {
  it('α is feasible: 0 ≤ α ≤ C and Σ α_i y_i = 0, Eq. (sv-dual)', () => {
    let s = 0;
    lin.alpha.forEach((a, i) => {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(C);
      s += a * by[i];
    });
    expect(Math.abs(s)).toBeLessThan(1e-12);
  });
  it('SMO stops with m(α) − M(α) below eps, Eq. (sv-stop)', () => {
    expect(lin.gap).toBeLessThan(1e-10);
    expect(lin.gap).toBeGreaterThan(-1e-10);
  });
  it('G = Qα − 1 after all the incremental updates, Eq. (sv-gradient)', () => {
    const { Q } = dualMatrix({ kind: 'linear' }, blob.X, by);
    for (let i = 0; i < 60; i++) {
      let g = -1;
      for (let j = 0; j < 60; j++) g += Q[i * 60 + j] * lin.alpha[j];
      expect(Math.abs(g - lin.G[i])).toBeLessThan(1e-11);
    }
  });
  it('w = Σ α_i y_i x_i gives the kernel expansion\'s decision values, Eq. (sv-w)', () => {
    const m = fitSvc(blob.X, blob.y, { C, kernel: { kind: 'linear' },
      eps: 1e-10 });
    const f = ovoValues(m, blob.X); // libsvm sign: class 0 positive
    for (let i = 0; i < 60; i++) {
      expect(Math.abs(-f.data[i] - fLin(i))).toBeLessThan(1e-9);
    }
  });
  it('complementary slackness: free α on the margin, α = 0 outside, α = C inside', () => {
    lin.alpha.forEach((a, i) => {
      const yf = by[i] * fLin(i);
      if (a > 0 && a < C) expect(Math.abs(yf - 1)).toBeLessThan(KKT);
      else if (a === 0) expect(yf).toBeGreaterThan(1 - KKT);
      else expect(yf).toBeLessThan(1 + KKT);
    });
  });
  it('(w, b, ξ) and (α, C − α) satisfy the KKT conditions of the primal, Eq. (opt-kkt)', () => {
    // x = (w1, w2, b, ξ_1..ξ_n); rows: −y_i(wᵀx_i + b) − ξ_i ≤ −1, −ξ_i ≤ 0
    const n = 60, dim = 3 + n;
    const A = new Matrix(2 * n, dim), bvec = new Float64Array(2 * n);
    const x = new Float64Array(dim), mult = new Float64Array(2 * n);
    x[0] = wLin[0]; x[1] = wLin[1]; x[2] = lin.b;
    for (let i = 0; i < n; i++) {
      const xi = Math.max(0, 1 - by[i] * fLin(i));
      x[3 + i] = xi;
      A.set(i, 0, -by[i] * blob.X.data[2 * i]);
      A.set(i, 1, -by[i] * blob.X.data[2 * i + 1]);
      A.set(i, 2, -by[i]);
      A.set(i, 3 + i, -1);
      bvec[i] = -1;
      A.set(n + i, 3 + i, -1);
      mult[i] = lin.alpha[i];
      mult[n + i] = C - lin.alpha[i]; // μ_i, Eq. (sv-mu)
    }
    const grad = new Float64Array(dim);
    grad[0] = wLin[0]; grad[1] = wLin[1];
    for (let i = 0; i < n; i++) grad[3 + i] = C;
    const r = kktResiduals(grad, A, bvec, x, mult);
    expect(r.stationarity).toBeLessThan(1e-9);
    expect(r.primal).toBeLessThan(1e-12);
    expect(r.dual).toBe(0);
    expect(r.complementarity).toBeLessThan(KKT);
  });
  it('strong duality: primal and dual objectives meet (Exercise solution)', () => {
    const g = dualityGap(blob.X, by, C, lin.alpha, lin.b);
    expect(g.gap).toBeGreaterThanOrEqual(-1e-9);
    expect(g.gap / g.primal).toBeLessThan(KKT);
  });
  it('the duality gap is positive away from the optimum', () => {
    const half = lin.alpha.map((a) => a / 2);
    expect(dualityGap(blob.X, by, C, half, lin.b).gap).toBeGreaterThan(0.1);
  });
  it('the bias is the mean of y_i G_i over the free α, inside the KKT interval', () => {
    let s = 0, k = 0;
    lin.alpha.forEach((a, i) => {
      if (a > 0 && a < C) { s += by[i] * lin.G[i]; k++; }
    });
    expect(k).toBeGreaterThan(0);
    expect(-lin.b).toBeCloseTo(s / k, 14);
    const { lb, ub } = biasInterval(by, lin.G, lin.alpha, C);
    expect(lb).toBeLessThanOrEqual(-lin.b + 1e-9);
    expect(ub).toBeGreaterThanOrEqual(-lin.b - 1e-9);
  });
  it('with no free α the bias is the midpoint of the interval, Eq. (sv-bias)', () => {
    const tiny = fitBinary(blob.X, by, 1e-4, { kind: 'linear' }, 1e-10);
    expect(tiny.alpha.every((a) => a === 1e-4)).toBe(true);
    const { lb, ub } = biasInterval(by, tiny.G, tiny.alpha, 1e-4);
    expect(Number.isFinite(lb) && Number.isFinite(ub)).toBe(true);
    expect(-tiny.b).toBeCloseTo((lb + ub) / 2, 14);
  });
  it('every SMO step lowers the dual objective', () => {
    const { Q, QD } = dualMatrix({ kind: 'rbf', gamma: 1 }, blob.X, by);
    const r = solveDual({ Q, QD, y: by, Cp: 1, Cn: 1 },
      { eps: 1e-8, record: true });
    for (let t = 1; t < r.objectives.length; t++) {
      expect(r.objectives[t]).toBeLessThanOrEqual(r.objectives[t - 1] + 1e-12);
    }
  });
  it('the dual gradient matches finite differences of ½αᵀQα − Σα', () => {
    const { Q } = dualMatrix({ kind: 'linear' }, blob.X, by);
    const D = (a: Float64Array) => {
      let v = 0;
      for (let i = 0; i < 60; i++) {
        let qa = 0;
        for (let j = 0; j < 60; j++) qa += Q[i * 60 + j] * a[j];
        v += 0.5 * a[i] * qa - a[i];
      }
      return v;
    };
    for (const i of [0, 17, 45]) {
      const h = 1e-5, up = lin.alpha.slice(), dn = lin.alpha.slice();
      up[i] += h; dn[i] -= h;
      expect((D(up) - D(dn)) / (2 * h)).toBeCloseTo(lin.G[i], 6);
    }
  });
  it('tau: two copies of one point with opposite labels (zero curvature) still converge', () => {
    const X = new Matrix(4, 1, Float64Array.of(0, 0, 2, -2));
    const y = Int8Array.of(1, -1, 1, -1);
    const { Q, QD } = dualMatrix({ kind: 'linear' }, X, y);
    const r = solveDual({ Q, QD, y, Cp: 1, Cn: 1 }, { eps: 1e-10 });
    expect(r.gap).toBeLessThan(1e-10);
    expect(r.alpha[0] + r.alpha[2]).toBeCloseTo(r.alpha[1] + r.alpha[3], 14);
  });
  it('maxIter stops SMO early, with the violation not yet below eps', () => {
    const { Q, QD } = dualMatrix({ kind: 'linear' }, blob.X, by);
    const r = solveDual({ Q, QD, y: by, Cp: C, Cn: C },
      { eps: 1e-10, maxIter: 3 });
    expect(r.iterations).toBe(3);
    expect(r.gap).toBeGreaterThan(1e-10);
  });
  it('an RBF kernel matrix has a unit diagonal and entries in (0, 1]', () => {
    const K = kernelMatrix({ kind: 'rbf', gamma: 0.5 }, blob.X, blob.X);
    for (let i = 0; i < 60; i++) expect(K.get(i, i)).toBe(1);
    expect(K.data.every((v) => v > 0 && v <= 1)).toBe(true);
  });
});

// A hand-made 3-class model: no support-vector terms, only the ρ.
function votingModel(rho: number[]): SvcModel {
  return {
    kernel: { kind: 'linear' }, classes: 3,
    support: Int32Array.of(0, 1, 2), nSupport: Int32Array.of(1, 1, 1),
    sv: new Matrix(3, 1, Float64Array.of(1, 2, 3)),
    coef: new Matrix(2, 3), rho: Float64Array.from(rho), iterations: 0,
  };
}
const q1 = new Matrix(1, 1, Float64Array.of(0));

describe('one-vs-one voting', () => {
  it('a three-way tie goes to the smallest class index', () => {
    // f01 = 1 votes 0, f02 = −1 votes 2, f12 = 1 votes 1
    expect(predictSvc(votingModel([-1, 1, -1]), q1)[0]).toBe(0);
  });
  it('a decision value of exactly 0 votes for the second class of its pair', () => {
    expect(predictSvc(votingModel([0, 0, 0]), q1)[0]).toBe(2);
  });
  it('for two classes, decision_function > 0 means class 1 (sklearn negates libsvm)', () => {
    const { m, v } = ours.iris2_rbf;
    const p = predictSvc(m, two.X);
    v.decision.forEach((f, i) => expect(p[i]).toBe(f > 0 ? 1 : 0));
  });
});

describe('Platt scaling', () => {
  const p = sk.platt;
  const f = Float64Array.from(p.decision as number[]);
  const y = Int8Array.from(p.y as number[], (c) => (c ? 1 : -1));
  const ours = fitPlatt(f, y);
  it('matches the Python port of libsvm\'s sigmoid_train to 1e-9', () => {
    // same algorithm and stopping rule; log1p and 1 − p round differently
    expect(Math.abs(ours.A - p.A)).toBeLessThan(1e-9);
    expect(Math.abs(ours.B - p.B)).toBeLessThan(1e-9);
    expect(ours.iterations).toBe(p.iterations);
  });
  it('agrees with scikit-learn\'s _sigmoid_calibration (BFGS) to 1e-5', () => {
    // a different optimizer on the same objective, with its own tolerance
    expect(Math.abs(ours.A - p.sklearn_calibration[0])).toBeLessThan(1e-5);
    expect(Math.abs(ours.B - p.sklearn_calibration[1])).toBeLessThan(1e-5);
  });
  it('P = ½ exactly where A f + B = 0, not at f = 0', () => {
    const at = plattProbability(Float64Array.of(-ours.B / ours.A, 0),
      ours.A, ours.B);
    expect(at[0]).toBeCloseTo(0.5, 14);
    expect(Math.abs(at[1] - 0.5)).toBeGreaterThan(1e-3);
  });
  it('the probabilities do not overflow for huge decision values', () => {
    const at = plattProbability(Float64Array.of(-1e6, 1e6), -3, 0);
    expect(Array.from(at)).toEqual([0, 1]);
  });
  it('on held-out rows P > ½ and f > 0 disagree only between f = 0 and −B/A', () => {
    const s = plattStudy();
    expect(s.disagree).toBeGreaterThan(0);
    const lo = Math.min(0, s.threshold), hi = Math.max(0, s.threshold);
    for (const r of s.rows) {
      if ((r.p > 0.5) !== (r.f > 0)) {
        expect(r.f).toBeGreaterThanOrEqual(lo);
        expect(r.f).toBeLessThanOrEqual(hi);
      }
    }
  });
});

describe('the chapter\'s experiments', () => {
  it('Pegasos ends within 10⁻³ of the optimum SMO certifies, P* = −λD*', () => {
    const s = convergenceStudy();
    expect(s.pegasosFinal).toBeGreaterThan(0);
    expect(s.pegasosFinal).toBeLessThan(1e-3);
    expect(s.smoGap[s.smoGap.length - 1]).toBeLessThan(1e-8);
  });
  it('the margin figure has free and bounded support vectors, free ones on |f| = 1', () => {
    const s = marginStudy();
    expect(s.kind.filter((k) => k === 'free').length).toBeGreaterThan(0);
    expect(s.kind.filter((k) => k === 'bounded').length).toBeGreaterThan(0);
    s.kind.forEach((k, i) => {
      if (k !== 'free') return;
      const f = s.w[0] * s.X.data[2 * i] + s.w[1] * s.X.data[2 * i + 1] + s.b;
      expect(Math.abs(Math.abs(f) - 1)).toBeLessThan(KKT);
    });
  });
  it('scaling the features raises held-out accuracy by more than 2 standard errors', () => {
    const s = scalingStudy();
    expect(s.difference.mean - 2 * s.difference.se).toBeGreaterThan(0);
  });
  it('C and γ are coupled: the best γ for each C does not grow with C', () => {
    const s = gridStudy();
    const bestGamma = GRID_C.map((c) => s.cells.filter((x) => x.C === c)
      .reduce((a, x) => (x.error < a.error ? x : a)).gamma);
    for (let k = 1; k < bestGamma.length; k++) {
      expect(bestGamma[k]).toBeLessThanOrEqual(bestGamma[k - 1]);
    }
    expect(bestGamma[0]).toBeGreaterThan(bestGamma[bestGamma.length - 1]);
  });
  it('balanced class weights raise the minority recall by more than 4 standard errors', () => {
    const s = imbalanceStudy();
    const d = s.balanced.recall.mean - s.plain.recall.mean;
    const se = Math.hypot(s.balanced.recall.se, s.plain.recall.se);
    expect(d).toBeGreaterThan(4 * se);
  });
  it('two moons are deterministic for a seed and labelled half and half', () => {
    const a = twoMoons(50, 0.1, 9), b = twoMoons(50, 0.1, 9);
    expect(Array.from(a.X.data)).toEqual(Array.from(b.X.data));
    expect(a.y.reduce((s, c) => s + c, 0)).toBe(25);
  });
  it('the hinge objective is λ/2‖w‖² + mean hinge, Eq. (sv-hinge-primal)', () => {
    const X = new Matrix(2, 1, Float64Array.of(1, 1));
    const y = Int8Array.of(1, -1);
    // margins 0.5 and −0.5: hinges 0.5 and 1.5
    expect(hingeObjective(X, y, Float64Array.of(0.5), 0, 0.2))
      .toBeCloseTo(0.1 * 0.25 + 1, 14);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('kernels and the solver', () => {
    rejectsBadInput(badInput.solver);
  });
  it('models, prediction and probabilities', () => {
    rejectsBadInput(badInput.models);
  });
  it('data, experiments and solutions', () => {
    rejectsBadInput(badInput.data);
  });
  it('input checks', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  const rb = blobs(60, 1.2, 31);
  const ry = signs(rb.y);
  it('every step keeps 0 ≤ α_i ≤ C_i exactly, with unequal C_i (clip, Exercise 2)', () => {
    const { Q, QD } = dualMatrix({ kind: 'linear' }, rb.X, ry);
    let atBound = 0;
    for (let k = 1; k <= 80; k++) {
      const r = solveDual({ Q, QD, y: ry, Cp: 0.3, Cn: 2 },
        { eps: 1e-10, maxIter: k });
      let s = 0;
      r.alpha.forEach((a, i) => {
        const Ci = ry[i] > 0 ? 0.3 : 2;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(Ci);
        if (a === Ci) atBound++;
        s += ry[i] * a;
      });
      expect(Math.abs(s)).toBeLessThan(1e-12);
    }
    expect(atBound).toBeGreaterThan(0); // the clip was exercised
  });
  it('the stopping rule per label: α_t < C bounds b below for y = +1, above for y = −1', () => {
    const C = 1;
    const { Q, QD } = dualMatrix({ kind: 'linear' }, rb.X, ry);
    const r = solveDual({ Q, QD, y: ry, Cp: C, Cn: C }, { eps: 1e-10 });
    const b = -r.rho;
    let lower = 0, upper = 0;
    r.alpha.forEach((a, t) => {
      const v = -ry[t] * r.G[t]; // −y_t G_t
      if (a < C) {
        if (ry[t] > 0) { expect(b).toBeGreaterThan(v - 1e-9); lower++; }
        else { expect(b).toBeLessThan(v + 1e-9); upper++; }
      }
      if (a > 0) {
        if (ry[t] > 0) expect(b).toBeLessThan(v + 1e-9);
        else expect(b).toBeGreaterThan(v - 1e-9);
      }
    });
    expect(lower * upper).toBeGreaterThan(0);
  });
  it('SVC\'s probA_ and −probB_ give its class-1 predict_proba (libsvm orientation flipped)', () => {
    const p = sk.platt as Record<string, number[]>;
    const f = Float64Array.from(p.svc_rest_decision);
    const [A, B] = [p.svc_probA[0], p.svc_probB[0]];
    const flipped = plattProbability(f, A, -B);
    const raw = plattProbability(f, A, B);
    expect(maxDiff(flipped, p.svc_rest_proba)).toBeLessThan(5e-3);
    expect(maxDiff(raw, p.svc_rest_proba)).toBeGreaterThan(5e-2);
  });
  it('scikit-learn\'s two-class predict_proba is not exactly the sigmoid (coupling)', () => {
    const p = sk.platt as Record<string, number[]>;
    const f = Float64Array.from(p.svc_rest_decision);
    const q = plattProbability(f, p.svc_probA[0], -p.svc_probB[0]);
    expect(maxDiff(q, p.svc_rest_proba)).toBeGreaterThan(1e-4);
  });
  it('an unweighted reference fit still matches libsvm after the clip rewrite', () => {
    const { m, v } = ours.cancer_rbf;
    expect(m.support.join()).toBe(fits.cancer_rbf.support.join());
    expect(maxDiff(v.dualCoef, fits.cancer_rbf.dual_coef)).toBeLessThan(1e-12);
  });
});
