// Tests of chapter "gaussian-mixtures": EM in log space against
// scikit-learn 1.2.1's GaussianMixture, the ELBO identity, the
// likelihood's monotone climb, the M steps, the floor, the
// initialisations, BIC/AIC and every claim in the prose.
import { describe, expect, it } from 'vitest';
import { loadIris } from '../code/calculus/iris.ts';
import { createRng } from '../code/introduction/random.ts';
import { standardize } from '../code/linear-regression/scaling.ts';
import {
  Matrix, identity, matmul, transpose,
} from '../code/linear-algebra/matrix.ts';
import { rowsOf } from '../code/k-means/seeding.ts';
import { lloyd } from '../code/k-means/lloyd.ts';
import { kMeansPlusPlus } from '../code/k-means/seeding.ts';
import {
  COV_TYPES, checkParams, type CovType, type GmmParams,
} from '../code/gaussian-mixtures/checks.ts';
import { faithfulLike } from '../code/gaussian-mixtures/data.ts';
import { fitGmm } from '../code/gaussian-mixtures/em.ts';
import { elbo } from '../code/gaussian-mixtures/elbo.ts';
import { ellipse } from '../code/gaussian-mixtures/ellipse.ts';
import { eStep, logJoint } from '../code/gaussian-mixtures/estep.ts';
import {
  collapseCurve, restartStudy,
} from '../code/gaussian-mixtures/experiments.ts';
import { irisSelection } from '../code/gaussian-mixtures/real-data.ts';
import { fitBest, initialResp } from '../code/gaussian-mixtures/init.ts';
import { mStep } from '../code/gaussian-mixtures/mstep.ts';
import {
  informationCriteria, nParameters,
} from '../code/gaussian-mixtures/select.ts';
import { sampleMixture } from '../code/gaussian-mixtures/solutions/sample.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/gaussian-mixtures.ts';
import { fixture } from './helpers.ts';

const sk = fixture('gaussian-mixtures', 'sklearn.json');
const IRIS = standardize(loadIris().X).Z;
const f64 = (...xs: number[]) => Float64Array.from(xs);
const mapM = (A: Matrix, f: (v: number) => number) =>
  new Matrix(A.rows, A.cols, A.data.map(f));

/** Equal weights, rows of X as means, identity covariances. */
function start(X: Matrix, rows: number[]): GmmParams {
  return { weights: new Float64Array(rows.length).fill(1 / rows.length),
    means: rowsOf(X, rows), covs: rows.map(() => identity(X.cols)) };
}

/** Our covariances in scikit-learn's shape for the type. */
function skShape(p: GmmParams, type: CovType): number[] {
  const d = p.means.cols;
  if (type === 'full') return p.covs.flatMap((S) => Array.from(S.data));
  if (type === 'tied') return Array.from(p.covs[0].data);
  if (type === 'diag') {
    return p.covs.flatMap((S) => Array.from({ length: d },
      (_, j) => S.get(j, j)));
  }
  return p.covs.map((S) => S.get(0, 0));
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let w = 0;
  for (let t = 0; t < a.length; t++) w = Math.max(w, Math.abs(a[t] - b[t]));
  return w;
};

/** Our EM from the fixture's start, beside each scikit-learn run. */
const runs = sk.runs.map((ref: any) => ({ ref,
  ours: fitGmm(IRIS, start(IRIS, sk.init_rows), {
    covType: ref.covariance_type, tol: ref.tol, maxIter: ref.max_iter }),
}));

/** The iris BIC/AIC study of the chapter, computed once. */
let irisCache: ReturnType<typeof irisSelection> | null = null;
const irisRows = () => (irisCache ??= irisSelection(6, 3, 1));
/** The chapter's restart study, computed once. */
let restartCache: ReturnType<typeof restartStudy> | null = null;
const restarts = () => (restartCache ??= restartStudy(IRIS, 3, 20, 42));

/** A small two-group data set in the plane, and a rough start. */
const FAITH = faithfulLike(120, createRng(5)).X;
const FSTART = (): GmmParams => ({ weights: f64(0.5, 0.5),
  means: new Matrix(2, 2, f64(3, 60, 3.5, 70)),
  covs: [new Matrix(2, 2, f64(1, 0, 0, 100)),
    new Matrix(2, 2, f64(1, 0, 0, 100))] });

describe('against scikit-learn 1.2.1 GaussianMixture', () => {
  it('the data and the start are the fixture’s', () => {
    expect(IRIS.rows).toBe(sk.n);
    expect(IRIS.cols).toBe(sk.d);
    expect(sk.runs.map((r: any) => r.covariance_type))
      .toEqual(['full', 'tied', 'diag', 'spherical', 'full']);
  });

  it('weights, means and covariances agree to 1e-10 for every covariance type', () => {
    for (const { ref, ours } of runs) {
      expect(maxDiff(ours.params.weights, ref.weights)).toBeLessThan(1e-10);
      expect(maxDiff(ours.params.means.data, ref.means)).toBeLessThan(1e-10);
      expect(maxDiff(skShape(ours.params, ref.covariance_type),
        ref.covariances)).toBeLessThan(1e-10);
    }
  });

  it('lower_bound_, n_iter_ and converged_ agree (lower bound to 1e-10)', () => {
    for (const { ref, ours } of runs) {
      expect(Math.abs(ours.lowerBound - ref.lower_bound)).toBeLessThan(1e-10);
      expect(ours.nIter).toBe(ref.n_iter);
      expect(ours.converged).toBe(ref.converged);
    }
  });

  it('predict_proba and score agree to 1e-10', () => {
    for (const { ref, ours } of runs) {
      expect(maxDiff(ours.resp.data, ref.proba)).toBeLessThan(1e-10);
      expect(Math.abs(ours.meanLogLik - ref.score)).toBeLessThan(1e-10);
    }
  });

  it('bic and aic agree to 1e-10 relative; parameter counts to _n_parameters()', () => {
    for (const { ref, ours } of runs) {
      const ic = informationCriteria(IRIS, ours.params,
        ref.covariance_type);
      expect(Math.abs(ic.bic / ref.bic - 1)).toBeLessThan(1e-10);
      expect(Math.abs(ic.aic / ref.aic - 1)).toBeLessThan(1e-10);
      expect(ic.nParams).toBe(ref.n_parameters);
    }
  });

  it('with tol = 0 both stop unconverged at max_iter', () => {
    const last = runs[4];
    expect(last.ref.converged).toBe(false);
    expect(last.ours.nIter).toBe(7);
    expect(last.ours.converged).toBe(false);
  });
});

describe('the ELBO and the monotone likelihood', () => {
  it('log p(x) = ELBO(q, θ) + KL(q ‖ p(z|x)) for an arbitrary q, Eq. (gm-decomposition)', () => {
    const p = FSTART();
    const Q = initialResp(FAITH, 2, 'random', createRng(3));
    const e = elbo(FAITH, p, Q);
    const logLik = FAITH.rows * eStep(FAITH, p).meanLogLik;
    expect(e.kl).toBeGreaterThan(0.1);
    expect(Math.abs(e.elbo + e.kl - logLik)).toBeLessThan(1e-9);
  });

  it('the E step makes the bound tight: KL = 0 at q = p(z|x)', () => {
    const p = FSTART();
    const { resp, meanLogLik } = eStep(FAITH, p);
    const e = elbo(FAITH, p, resp);
    expect(Math.abs(e.kl)).toBeLessThan(1e-9);
    expect(Math.abs(e.elbo - FAITH.rows * meanLogLik)).toBeLessThan(1e-9);
  });

  it('the M step maximises the bound: perturbing its parameters lowers it', () => {
    const { resp } = eStep(FAITH, FSTART());
    const rng = createRng(9);
    for (const type of COV_TYPES) {
      const best = mStep(FAITH, resp, type, 0);
      const top = elbo(FAITH, best, resp).elbo;
      for (let t = 0; t < 20; t++) {
        const h = 1e-3;
        const means = mapM(best.means, (v) => v + h * rng.normal());
        const a = 1 + h * rng.normal();
        const covs = best.covs.map((S) => mapM(S, (v) => v * a));
        const w0 = Math.min(0.99, best.weights[0] + h * rng.normal());
        const q = { weights: f64(w0, 1 - w0), means, covs };
        expect(elbo(FAITH, q, resp).elbo).toBeLessThan(top);
      }
    }
  });

  it('the log-likelihood never decreases, every iteration, every covariance type, on iris', () => {
    for (const type of COV_TYPES) {
      // no floor: EM as derived; the floor breaks Eq. (gm-monotone)
      const fit = fitGmm(IRIS, start(IRIS, [0, 1, 2, 3]),
        { covType: type, tol: 0, maxIter: 40, regCovar: 0 });
      const ll = [...fit.trace, fit.meanLogLik];
      expect(ll.length).toBe(41);
      for (let t = 1; t < ll.length; t++) {
        // 1e-12: rounding once EM has stalled at a fixed point
        expect(ll[t]).toBeGreaterThanOrEqual(ll[t - 1] - 1e-12);
      }
      expect(ll[40] - ll[0]).toBeGreaterThan(0.5);
    }
  });

  it('so does it from random responsibilities on the two-group data', () => {
    const init = mStep(FAITH, initialResp(FAITH, 3, 'random',
      createRng(2)), 'full');
    const fit = fitGmm(FAITH, init, { tol: 0, maxIter: 60, regCovar: 0 });
    for (let t = 1; t < fit.trace.length; t++) {
      expect(fit.trace[t]).toBeGreaterThanOrEqual(fit.trace[t - 1] - 1e-12);
    }
  });
});

describe('log space and the Cholesky factor', () => {
  it('the log density equals the direct formula with det and inverse (2 × 2)', () => {
    const S = new Matrix(2, 2, f64(2, 0.6, 0.6, 1));
    const p = { weights: f64(1), means: new Matrix(1, 2, f64(1, -1)),
      covs: [S] };
    const x = new Matrix(1, 2, f64(2.5, 0.3));
    const det = 2 * 1 - 0.36;
    const [u, v] = [1.5, 1.3];
    const q = (1 * u * u - 2 * 0.6 * u * v + 2 * v * v) / det;
    const direct = -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - q / 2;
    expect(Math.abs(logJoint(x, p).data[0] - direct)).toBeLessThan(1e-14);
  });

  it('a point 1000 σ away still gets responsibilities that sum to 1', () => {
    const X = new Matrix(1, 2, f64(1000, 1000));
    const p = { weights: f64(0.5, 0.5),
      means: new Matrix(2, 2, f64(0, 0, 1, 1)),
      covs: [identity(2), identity(2)] };
    // every density underflows to 0 outside log space
    expect(Math.exp(logJoint(X, p).data[0])).toBe(0);
    const { resp, meanLogLik } = eStep(X, p);
    expect(resp.data[0] + resp.data[1]).toBeCloseTo(1, 14);
    expect(resp.data[1]).toBeCloseTo(1, 12);
    expect(Number.isFinite(meanLogLik)).toBe(true);
  });

  it('relabelling the components changes neither likelihood nor responsibilities', () => {
    const p = FSTART();
    const swapped = { weights: f64(p.weights[1], p.weights[0]),
      means: new Matrix(2, 2, f64(3.5, 70, 3, 60)),
      covs: [p.covs[1], p.covs[0]] };
    const a = eStep(FAITH, p);
    const b = eStep(FAITH, swapped);
    expect(Math.abs(a.meanLogLik - b.meanLogLik)).toBeLessThan(1e-12);
    expect(Math.abs(a.resp.get(7, 0) - b.resp.get(7, 1))).toBeLessThan(1e-12);
  });

  it('100 000 points run without overflowing the stack', () => {
    const { X } = faithfulLike(100_000, createRng(1));
    const { resp } = eStep(X, FSTART());
    expect(resp.rows).toBe(100_000);
    expect(mStep(X, resp, 'full').weights.length).toBe(2);
  });
});

describe('the M steps and the floor', () => {
  const { resp } = eStep(FAITH, FSTART());
  const full = mStep(FAITH, resp, 'full', 0);

  it('full: Σ_m is the responsibility-weighted covariance about μ_m', () => {
    let n0 = 0;
    const S = new Matrix(2, 2);
    for (let i = 0; i < FAITH.rows; i++) {
      const r = resp.get(i, 0);
      n0 += r;
      const u = [FAITH.get(i, 0) - full.means.get(0, 0),
        FAITH.get(i, 1) - full.means.get(0, 1)];
      for (let a = 0; a < 2; a++) {
        for (let b = 0; b < 2; b++) S.data[2 * a + b] += r * u[a] * u[b];
      }
    }
    expect(maxDiff(full.covs[0].data, S.data.map((v) => v / n0)))
      .toBeLessThan(1e-10);
    expect(Math.abs(full.weights[0] - n0 / FAITH.rows)).toBeLessThan(1e-12);
  });

  it('diag is full’s diagonal; spherical is its mean; tied the N_m-weighted mean', () => {
    const diag = mStep(FAITH, resp, 'diag', 0);
    const sph = mStep(FAITH, resp, 'spherical', 0);
    const tied = mStep(FAITH, resp, 'tied', 0);
    const N = full.weights.map((w) => w * FAITH.rows);
    for (let m = 0; m < 2; m++) {
      const S = full.covs[m];
      expect(diag.covs[m].get(0, 0)).toBeCloseTo(S.get(0, 0), 10);
      expect(diag.covs[m].get(1, 1)).toBeCloseTo(S.get(1, 1), 10);
      expect(diag.covs[m].get(0, 1)).toBe(0);
      expect(sph.covs[m].get(0, 0))
        .toBeCloseTo((S.get(0, 0) + S.get(1, 1)) / 2, 10);
    }
    const T = new Matrix(2, 2, full.covs[0].data.map((v, t) =>
      (N[0] * v + N[1] * full.covs[1].data[t]) / FAITH.rows));
    expect(maxDiff(tied.covs[0].data, T.data)).toBeLessThan(1e-9);
    expect(tied.covs[1]).toBe(tied.covs[0]);
  });

  it('the floor adds reg_covar to every variance, once (tied too)', () => {
    for (const type of COV_TYPES) {
      const a = mStep(FAITH, resp, type, 0);
      const b = mStep(FAITH, resp, type, 0.25);
      for (let m = 0; m < 2; m++) {
        expect(b.covs[m].get(0, 0) - a.covs[m].get(0, 0)).toBeCloseTo(0.25, 10);
        expect(b.covs[m].get(0, 1)).toBeCloseTo(a.covs[m].get(0, 1), 12);
      }
    }
  });

  it('an empty component divides by no zero: weight 0, finite mean', () => {
    const R = new Matrix(FAITH.rows, 2);
    for (let i = 0; i < FAITH.rows; i++) R.set(i, 0, 1);
    const p = mStep(FAITH, R, 'full', 1e-6);
    expect(p.weights[1]).toBeLessThan(1e-15);
    expect(Number.isFinite(p.means.get(1, 0))).toBe(true);
  });
});

describe('a collapsing component', () => {
  /** One component on the point farthest from the rest, tiny. */
  const far = (() => {
    let best = 0;
    for (let i = 1; i < FAITH.rows; i++) {
      if (FAITH.get(i, 1) > FAITH.get(best, 1)) best = i;
    }
    return best;
  })();
  const onPoint = (): GmmParams => ({ weights: f64(0.5, 0.5),
    means: new Matrix(2, 2, f64(3.5, 70, FAITH.get(far, 0),
      FAITH.get(far, 1))),
    covs: [new Matrix(2, 2, f64(1, 0, 0, 100)),
      new Matrix(2, 2, f64(1e-6, 0, 0, 1e-6))] });

  it('the likelihood grows without bound as σ → 0', () => {
    const c = collapseCurve(FAITH, far, [1e-2, 1e-4, 1e-6, 1e-8]);
    for (let t = 1; t < c.length; t++) {
      // each factor 100 in σ adds about d log 100 = 9.2
      expect(c[t].logLik - c[t - 1].logLik).toBeGreaterThan(9);
    }
  });

  it('with regCovar = 0, fitGmm stops with an error that names it and the cause', () => {
    expect(() => fitGmm(FAITH, onPoint(), { regCovar: 0 })).toThrow(
      /^fitGmm: the covariance of component 1 is not positive definite: the component has collapsed/);
  });

  it('with the floor, EM runs and the collapsed variance is the floor', () => {
    const fit = fitGmm(FAITH, onPoint(), { regCovar: 1e-6 });
    expect(fit.params.covs[1].get(0, 0)).toBeCloseTo(1e-6, 12);
    expect(Number.isFinite(fit.lowerBound)).toBe(true);
  });
});

describe('initialisation, restarts and model choice', () => {
  it('kmeans: one-hot labels of Lloyd from the same k-means++ seeds', () => {
    const R = initialResp(FAITH, 2, 'kmeans', createRng(4));
    const seeds = rowsOf(FAITH, kMeansPlusPlus(FAITH, 2, createRng(4)));
    const { labels } = lloyd(FAITH, seeds);
    for (let i = 0; i < FAITH.rows; i++) {
      expect(R.get(i, labels[i])).toBe(1);
      expect(R.get(i, 0) + R.get(i, 1)).toBe(1);
    }
  });

  it('random: rows sum to 1; k-means++: exactly k one-hot rows', () => {
    const R = initialResp(FAITH, 3, 'random', createRng(4));
    for (let i = 0; i < FAITH.rows; i++) {
      expect(R.get(i, 0) + R.get(i, 1) + R.get(i, 2)).toBeCloseTo(1, 14);
    }
    const P = initialResp(FAITH, 3, 'k-means++', createRng(4));
    let nonzero = 0;
    for (const v of P.data) nonzero += +(v !== 0);
    expect(nonzero).toBe(3);
  });

  it('restarts keep the highest final lower bound', () => {
    const { best, bounds } = fitBest(FAITH, 3, 4, 'random', createRng(6));
    expect(bounds.length).toBe(4);
    expect(best.lowerBound).toBe(Math.max(...bounds));
  });

  it('the parameter counts are scikit-learn’s, Eq. (gm-nparams)', () => {
    expect(COV_TYPES.map((t) => nParameters(3, 4, t)))
      .toEqual([44, 24, 26, 17]);
    expect(nParameters(1, 1, 'spherical')).toBe(2);
  });

  it('BIC and AIC are −2 log L plus the penalties', () => {
    const p = FSTART();
    const ic = informationCriteria(FAITH, p, 'full');
    const ll = FAITH.rows * eStep(FAITH, p).meanLogLik;
    expect(ic.bic).toBeCloseTo(-2 * ll + 11 * Math.log(FAITH.rows), 9);
    expect(ic.aic).toBeCloseTo(-2 * ll + 22, 9);
  });
});

describe('figures and data', () => {
  it('the c-σ ellipse lies on (x − μ)ᵀ Σ⁻¹ (x − μ) = c²', () => {
    const S = new Matrix(2, 2, f64(2, 0.6, 0.6, 1));
    const det = 2 - 0.36;
    for (const [x, y] of ellipse([1, -1], S, 2, 16)) {
      const [u, v] = [x - 1, y + 1];
      expect((u * u - 1.2 * u * v + 2 * v * v) / det).toBeCloseTo(4, 10);
    }
  });

  it('the two-group data draws the short group with probability 0.35', () => {
    const { y } = faithfulLike(4000, createRng(8));
    let short = 0;
    for (const g of y) short += +(g === 0);
    const se = Math.sqrt(0.35 * 0.65 / 4000);
    expect(Math.abs(short / 4000 - 0.35)).toBeLessThan(4 * se);
  });
});

describe('claims on real data', () => {
  it('BIC on iris picks full covariances with k = 2; AIC is lowest at k = 6', () => {
    const rows = irisRows();
    const best = (key: 'bic' | 'aic') =>
      rows.reduce((a, b) => (b[key] < a[key] ? b : a));
    expect([best('bic').covType, best('bic').k]).toEqual(['full', 2]);
    expect([best('aic').covType, best('aic').k]).toEqual(['full', 6]);
    const full = rows.filter((q) => q.covType === 'full');
    expect(full[2].nParams - full[1].nParams).toBe(15);
    for (const t of ['diag', 'spherical'] as const) {
      for (let k = 1; k <= 6; k++) {
        const q = rows.find((z) => z.covType === t && z.k === k)!;
        expect(q.bic).toBeGreaterThan(full[k - 1].bic);
      }
    }
  });

  it('k-means starts reach the best bound more often than random ones', () => {
    const s = restarts();
    expect(s.kmeans).toBeGreaterThan(s.random + 10);
    expect(s.worstKmeans).toBeGreaterThan(s.worstRandom);
  });
});

describe('exercises', () => {
  it('ancestral sampling: component shares and means match the mixture', () => {
    const p = { weights: f64(0.3, 0.7),
      means: new Matrix(2, 2, f64(-2, 0, 3, 1)),
      covs: [identity(2), new Matrix(2, 2, f64(1, 0.5, 0.5, 2))] };
    const n = 4000;
    const { X, z } = sampleMixture(p, n, createRng(12));
    let first = 0;
    let mean1 = 0;
    for (let i = 0; i < n; i++) {
      first += +(z[i] === 0);
      mean1 += X.get(i, 1) / n;
    }
    expect(Math.abs(first / n - 0.3)).toBeLessThan(4 * Math.sqrt(0.21 / n));
    // E x₂ = 0.3·0 + 0.7·1; Var x₂ = E Var + Var E ≤ 2 + 1
    expect(Math.abs(mean1 - 0.7)).toBeLessThan(4 * Math.sqrt(3 / n));
  });

  it('the sample covariance of one component is its Σ (L Lᵀ)', () => {
    const S = new Matrix(2, 2, f64(1, 0.5, 0.5, 2));
    const p = { weights: f64(1), means: new Matrix(1, 2, f64(0, 0)),
      covs: [S] };
    const { X } = sampleMixture(p, 20000, createRng(13));
    const C = mapM(matmul(transpose(X), X), (v) => v / 20000);
    expect(maxDiff(C.data, S.data)).toBeLessThan(0.08);
  });
});

describe('bad input', () => {
  it('EM, its steps, the inits and the criteria reject bad input', () => {
    rejectsBadInput(badInput.core);
  });

  it('the data, figure, experiment and exercise functions reject bad input', () => {
    rejectsBadInput(badInput.experiments);
  });

  it('malformed parameters are refused with the function’s name', () => {
    const p = FSTART();
    expect(() => checkParams('f', { ...p, weights: f64(0.5, 0.6) }, 2))
      .toThrow(/^f: weights must sum to 1/);
    expect(() => checkParams('f', { ...p, weights: f64(1, 0) }, 2))
      .toThrow(/^f: weights\[1\] must be a finite number > 0/);
    expect(() => eStep(FAITH, { ...p, covs: [identity(2)] }))
      .toThrow(/^eStep: covs must hold 2 matrices/);
    expect(() => fitGmm(IRIS, p)).toThrow(/^fitGmm: means must be a 2x4/);
    expect(() => eStep(FAITH, { ...p, covs: [identity(2),
      new Matrix(2, 2, f64(1, 2, 0, 1))] })).toThrow(/^eStep: /);
  });
});

/** The largest fall of the mean log-likelihood between iterations. */
function largestFall(ll: number[]): number {
  let fall = 0;
  for (let t = 1; t < ll.length; t++) fall = Math.max(fall, ll[t - 1] - ll[t]);
  return fall;
}

/** EM on iris from the fixture's start (the trace figure's runs). */
function irisTrace(covType: CovType, maxIter: number, regCovar: number) {
  const fit = fitGmm(IRIS, start(IRIS, sk.init_rows), { covType, tol: 0,
    maxIter, regCovar });
  return [...fit.trace, fit.meanLogLik];
}

/** Perturb the covariances within their type by relative size h. */
function perturbCovs(p: GmmParams, type: CovType, rng: ReturnType<
  typeof createRng>, h: number): GmmParams {
  const one = (S: Matrix) => {
    const E = new Matrix(2, 2);
    const scale = (a: number, b: number) =>
      Math.sqrt(S.get(a, a) * S.get(b, b));
    if (type === 'spherical') {
      const e = h * rng.normal() * S.get(0, 0);
      E.set(0, 0, e);
      E.set(1, 1, e);
    } else {
      for (let a = 0; a < 2; a++) E.set(a, a, h * rng.normal() * S.get(a, a));
      if (type !== 'diag') {
        const e = h * rng.normal() * scale(0, 1);
        E.set(0, 1, e);
        E.set(1, 0, e);
      }
    }
    return new Matrix(2, 2, S.data.map((v, t) => v + E.data[t]));
  };
  const shared = type === 'tied' ? one(p.covs[0]) : null;
  return { ...p, covs: p.covs.map((S) => shared ?? one(S)) };
}

/** tr(Σ⁻¹) of a 2 × 2 covariance. */
const traceInv = (S: Matrix) =>
  (S.get(0, 0) + S.get(1, 1)) /
  (S.get(0, 0) * S.get(1, 1) - S.get(0, 1) * S.get(1, 0));

/** The figure's two-group data and its point with the longest wait. */
const FIG = faithfulLike(272, createRng(2026)).X;
const FIG_FAR = (() => {
  let best = 0;
  for (let i = 1; i < FIG.rows; i++) {
    if (FIG.get(i, 1) > FIG.get(best, 1)) best = i;
  }
  return best;
})();

describe('review', () => {
  it('the trace figure: without the floor no run falls in 30 iterations, every type', () => {
    for (const type of COV_TYPES) {
      // 1e-12: the rounding allowance the prose states
      expect(largestFall(irisTrace(type, 30, 0))).toBeLessThan(1e-12);
    }
  });

  it('without the floor, 100 iterations fall by at most rounding (1e-13)', () => {
    for (const type of COV_TYPES) {
      expect(largestFall(irisTrace(type, 100, 0))).toBeLessThan(1e-13);
    }
  });

  it('with the default floor the tied iris run falls by more than 1e-12', () => {
    expect(largestFall(irisTrace('tied', 100, 1e-6))).toBeGreaterThan(1e-12);
  });

  it('the floored M step maximises Q − (ε/2) Σ N_m tr(Σ_m⁻¹), every type', () => {
    const { resp } = eStep(FAITH, FSTART());
    const eps = 0.25;
    const N = [0, 1].map((m) => {
      let s = 0;
      for (let i = 0; i < FAITH.rows; i++) s += resp.get(i, m);
      return s;
    });
    const objective = (p: GmmParams) => elbo(FAITH, p, resp).elbo -
      (eps / 2) * (N[0] * traceInv(p.covs[0]) + N[1] * traceInv(p.covs[1]));
    const rng = createRng(21);
    for (const type of COV_TYPES) {
      const floored = mStep(FAITH, resp, type, eps);
      const top = objective(floored);
      for (let t = 0; t < 20; t++) {
        expect(objective(perturbCovs(floored, type, rng, 1e-2)))
          .toBeLessThan(top);
      }
    }
  });

  it('the M step is the maximiser: covariance perturbations within each type lower the bound', () => {
    const { resp } = eStep(FAITH, FSTART());
    const rng = createRng(22);
    for (const type of COV_TYPES) {
      const best = mStep(FAITH, resp, type, 0);
      const top = elbo(FAITH, best, resp).elbo;
      for (let t = 0; t < 20; t++) {
        expect(elbo(FAITH, perturbCovs(best, type, rng, 1e-3), resp).elbo)
          .toBeLessThan(top);
      }
    }
  });

  it('the floor adds regCovar to every one of the d variances (iris, d = 4)', () => {
    const R = initialResp(IRIS, 3, 'random', createRng(23));
    for (const type of COV_TYPES) {
      const a = mStep(IRIS, R, type, 0);
      const b = mStep(IRIS, R, type, 0.5);
      for (let m = 0; m < 3; m++) {
        for (let j = 0; j < 4; j++) {
          expect(b.covs[m].get(j, j) - a.covs[m].get(j, j))
            .toBeCloseTo(0.5, 12);
        }
      }
    }
  });

  it('random starts run to convergence (tol 1e-8) still miss the best bound', () => {
    const s = restarts();
    expect(s.randomLong).toBe(0);
    expect(s.bestRandomLong).toBeLessThan(s.best - 0.01);
    expect(s.kmeans).toBeGreaterThan(0);
  });

  it('AIC (full) is lowest at k = 6 but rises from k = 3 to k = 4', () => {
    const aic = irisRows().filter((q) => q.covType === 'full')
      .map((q) => q.aic);
    expect(aic.indexOf(Math.min(...aic))).toBe(5);
    expect(aic[3]).toBeGreaterThan(aic[2]);
  });

  it('the k = 2 full fit puts setosa in one component, the rest in the other', () => {
    const { y } = loadIris();
    const { best } = fitBest(IRIS, 2, 3, 'kmeans', createRng(1 + 2),
      { covType: 'full' });
    const label = (i: number) => +(best.resp.get(i, 1) > 0.5);
    const setosa = label(0);
    for (let i = 0; i < IRIS.rows; i++) {
      expect(label(i) === setosa).toBe(y[i] === y[0]);
    }
  });

  it('the collapse figure gains d log 10 per factor 10 in σ (to 0.01)', () => {
    const c = collapseCurve(FIG, FIG_FAR, [1, 0.1, 0.01, 1e-3, 1e-4,
      1e-5, 1e-6]);
    for (let t = 1; t < c.length; t++) {
      expect(Math.abs(c[t].logLik - c[t - 1].logLik - 2 * Math.log(10)))
        .toBeLessThan(0.01);
    }
  });

  it('without a floor the collapsed covariance is zero up to rounding', () => {
    const f = FIG.get(FIG_FAR, 0);
    const w = FIG.get(FIG_FAR, 1);
    const p = { weights: f64(0.5, 0.5),
      means: new Matrix(2, 2, f64(3.5, 70, f, w)),
      covs: [new Matrix(2, 2, f64(1, 0, 0, 100)),
        new Matrix(2, 2, f64(1e-6, 0, 0, 1e-6))] };
    const { resp } = eStep(FIG, p);
    expect(resp.get(FIG_FAR, 1)).toBeCloseTo(1, 9);
    const S = mStep(FIG, resp, 'full', 0).covs[1];
    for (const v of S.data) expect(Math.abs(v)).toBeLessThan(1e-20);
  });

  it('a hard q leaves the bound below L by its divergence (exercise 5 hint)', () => {
    const p = FSTART();
    const { resp, meanLogLik } = eStep(FAITH, p);
    const Q = new Matrix(FAITH.rows, 2);
    for (let i = 0; i < FAITH.rows; i++) {
      Q.set(i, resp.get(i, 0) >= resp.get(i, 1) ? 0 : 1, 1);
    }
    const e = elbo(FAITH, p, Q);
    expect(e.kl).toBeGreaterThan(1e-3);
    expect(FAITH.rows * meanLogLik - e.elbo).toBeCloseTo(e.kl, 9);
  });
});
