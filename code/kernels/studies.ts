// @unshown: the chapter's experiments (figures and printed numbers);
// their results are in the figures and tables of the chapter.
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import { createRng } from '../introduction/random.ts';
import { symmetricEigenQR } from '../decompositions/tridiagonal.ts';
import { twoMoons } from '../support-vector-machines/data.ts';
import { fitSvc } from '../support-vector-machines/svc.ts';
import { predictSvc } from '../support-vector-machines/predict.ts';
import {
  approxError, nystromFeatures, rffDraw, rffFeatures,
} from './approx.ts';
import { circles, landmarks } from './data.ts';
import { gram, type KernelSpec } from './kernels.ts';
import { fitKernelRidge, predictKernelRidge } from './kernel-ridge.ts';
import {
  centerGram, fitKernelPca, kpcaTransform,
} from './kernel-pca.ts';
import { psdCheck } from './psd.ts';

const gaussian = (n: number, d: number, seed: number) => {
  const rng = createRng(seed);
  return new Matrix(n, d, Float64Array.from({ length: n * d },
    () => rng.normal()));
};

export const PSD_KERNELS: { name: string; k: KernelSpec }[] = [
  { name: 'linear', k: { kind: 'linear' } },
  { name: 'polynomial', k: { kind: 'polynomial', gamma: 0.5, coef0: 1,
    degree: 3 } },
  { name: 'RBF', k: { kind: 'rbf', gamma: 0.5 } },
  { name: 'Laplacian', k: { kind: 'laplacian', gamma: 0.5 } },
  { name: 'sum RBF + linear', k: { kind: 'sum',
    a: { kind: 'rbf', gamma: 0.5 }, b: { kind: 'linear' } } },
  { name: 'product RBF · polynomial', k: { kind: 'product',
    a: { kind: 'rbf', gamma: 0.5 }, b: { kind: 'polynomial', gamma: 1,
      coef0: 1, degree: 2 } } },
  { name: '3 · RBF', k: { kind: 'scaled', c: 3,
    a: { kind: 'rbf', gamma: 0.5 } } },
  { name: 'sigmoid (γ = 1, c₀ = −1)', k: { kind: 'sigmoid', gamma: 1,
    coef0: -1 } },
  { name: 'sigmoid (γ = 0.01, c₀ = 1)', k: { kind: 'sigmoid',
    gamma: 0.01, coef0: 1 } },
];

export const PSD_N = 60;
export const PSD_D = 3;
export const CENTER_N = 100;

/** Smallest and largest eigenvalue of each kernel's Gram matrix. */
export function psdStudy() {
  const X = gaussian(PSD_N, PSD_D, 1);
  return PSD_KERNELS.map(({ name, k }) => {
    const r = psdCheck(gram(k, X, X));
    return { name, min: r.min, max: r.max, psd: r.psd };
  });
}

export const SVM = { gamma: 2, C: 1 };

/** RBF SVMs on two moons and on circles; linear on circles. */
export function svmStudy() {
  const moons = twoMoons(200, 0.15, 4);
  const moonsTest = twoMoons(1000, 0.15, 5);
  const ring = circles(200, 0.08, 0.5, 6);
  const ringTest = circles(1000, 0.08, 0.5, 7);
  const rbf = { kind: 'rbf' as const, gamma: SVM.gamma };
  const acc = (p: Int32Array, y: Int32Array) =>
    p.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;
  const fit = (d: typeof moons, t: typeof moons, k = rbf) => {
    const m = fitSvc(d.X, d.y, { C: SVM.C, kernel: k });
    return { model: m, data: d, train: acc(predictSvc(m, d.X), d.y),
      test: acc(predictSvc(m, t.X), t.y), nTest: t.y.length,
      nSv: m.support.length };
  };
  return {
    moons: fit(moons, moonsTest),
    circles: fit(ring, ringTest),
    circlesLinear: fit(ring, ringTest, { kind: 'linear' } as never),
  };
}

export const RANKS = [5, 10, 20, 40, 80, 160];
export const SEEDS = [1, 2, 3, 4, 5];

/** ‖K − K̂‖_F/‖K‖_F for Nyström, RFF and the best rank m, per seed. */
export const APPROX = { n: 250, gamma: 0.5 };

export function approxStudy() {
  const { n, gamma } = APPROX;
  const X = gaussian(n, 3, 11);
  const kernel = { kind: 'rbf' as const, gamma };
  const K = gram(kernel, X, X);
  const eig = symmetricEigenQR(K).values;
  let total = 0;
  for (const v of eig) total += v * v;
  const best = RANKS.map((m) => {
    let tail = 0;
    for (let t = m; t < n; t++) tail += eig[t] * eig[t];
    return Math.sqrt(tail / total); // Eckart–Young
  });
  const nys = RANKS.map((m) => SEEDS.map((s) =>
    approxError(K, nystromFeatures(X, kernel, landmarks(n, m, s)))));
  const rff = RANKS.map((m) => SEEDS.map((s) => {
    const { W, u } = rffDraw(3, m, gamma, s);
    return approxError(K, rffFeatures(X, W, u));
  }));
  return { n, gamma, best, nys, rff };
}

export const GAMMA_SETUP = { n: 40, nTest: 500, hi: 6, noise: 0.3,
  lambda_: 1e-3, gammas: [0.1, 1, 10, 100, 1000, 10000] };

/** Kernel ridge on noisy sin(x): train and test RMSE against γ. */
export function gammaStudy() {
  const S = GAMMA_SETUP;
  const rng = createRng(21);
  const make = (n: number) => {
    const X = new Matrix(n, 1, Float64Array.from({ length: n },
      () => rng.uniform(0, S.hi)));
    const y = X.data.map((x) => Math.sin(x) + S.noise * rng.normal());
    return { X, y };
  };
  const tr = make(S.n), te = make(S.nTest);
  const rmse = (f: Float64Array, y: Float64Array) =>
    Math.sqrt(f.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / y.length);
  return S.gammas.map((gamma) => {
    const m = fitKernelRidge(tr.X, tr.y, { kind: 'rbf', gamma },
      S.lambda_);
    return { gamma, train: rmse(predictKernelRidge(m, tr.X), tr.y),
      test: rmse(predictKernelRidge(m, te.X), te.y) };
  });
}

/** Top eigenvector of K and of K̃ on circles: cosine with 1/√n. */
export function centeringStudy() {
  const { X } = circles(CENTER_N, 0.05, 0.4, 8);
  const K = gram({ kind: 'rbf', gamma: 2 }, X, X);
  const cos = (A: Matrix) => {
    const V = symmetricEigenQR(A).vectors;
    let s = 0;
    for (let i = 0; i < A.rows; i++) s += V.data[i * A.rows];
    return Math.abs(s) / Math.sqrt(A.rows);
  };
  return { raw: cos(K), centred: cos(centerGram(K)) };
}

export const KPCA = { n: 200, noise: 0.05, factor: 0.3, seed: 9,
  gamma: 5 };

/** Two kernel principal components of circles; a line on them. */
export function kpcaStudy() {
  const { X, y } = circles(KPCA.n, KPCA.noise, KPCA.factor, KPCA.seed);
  const m = fitKernelPca(X, { kind: 'rbf', gamma: KPCA.gamma }, 2);
  const S = kpcaTransform(m, X);
  const lin = { kind: 'linear' as const };
  const acc = (Z: Matrix) => {
    const p = predictSvc(fitSvc(Z, y, { C: 100, kernel: lin }), Z);
    return p.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;
  };
  return { S, y, onScores: acc(S), onInputs: acc(X),
    values: Array.from(m.values) };
}

export const REAL = { folds: 5, seed: 5, lambda_: 1,
  kernels: [
    { name: 'linear', k: { kind: 'linear' } as KernelSpec },
    { name: 'RBF, γ = 0.01',
      k: { kind: 'rbf', gamma: 0.01 } as KernelSpec },
    { name: 'RBF, γ = 0.1', k: { kind: 'rbf', gamma: 0.1 } as KernelSpec },
  ] };

/**
 * Kernel ridge on the diabetes data, 5-fold CV with shuffled folds;
 * features standardized and y centred with training-fold statistics.
 * Per kernel: RMSE, and the paired difference of squared errors from
 * the linear kernel with its standard error.
 */
export function realStudy() {
  const { X, y } = loadDiabetes();
  const n = X.rows, d = X.cols;
  const order = createRng(REAL.seed).shuffle(
    Array.from({ length: n }, (_, i) => i));
  const sq = REAL.kernels.map(() => new Float64Array(n));
  for (let f = 0; f < REAL.folds; f++) {
    const te = order.filter((_, i) => i % REAL.folds === f);
    const tr = order.filter((_, i) => i % REAL.folds !== f);
    const mean = new Float64Array(d), sd = new Float64Array(d);
    for (const i of tr) {
      for (let j = 0; j < d; j++) {
        mean[j] += X.data[i * d + j] / tr.length;
      }
    }
    for (const i of tr) {
      for (let j = 0; j < d; j++) {
        sd[j] += (X.data[i * d + j] - mean[j]) ** 2 / tr.length;
      }
    }
    const rows = (idx: number[]) => new Matrix(idx.length, d,
      Float64Array.from(idx.flatMap((i) => Array.from({ length: d },
        (_, j) => (X.data[i * d + j] - mean[j]) / Math.sqrt(sd[j])))));
    const ym = tr.reduce((s, i) => s + y[i], 0) / tr.length;
    const Xtr = rows(tr), Xte = rows(te);
    const ytr = Float64Array.from(tr, (i) => y[i] - ym);
    REAL.kernels.forEach(({ k }, c) => {
      const m = fitKernelRidge(Xtr, ytr, k, REAL.lambda_);
      const p = predictKernelRidge(m, Xte);
      te.forEach((i, t) => { sq[c][i] = (y[i] - ym - p[t]) ** 2; });
    });
  }
  const rows = REAL.kernels.map(({ name }, c) => {
    const diff = sq[c].map((v, i) => v - sq[0][i]);
    const md = diff.reduce((s, v) => s + v, 0) / n;
    const vd = diff.reduce((s, v) => s + (v - md) ** 2, 0) / (n - 1);
    return { name, rmse: Math.sqrt(sq[c].reduce((s, v) => s + v, 0) / n),
      dMse: md, dMseSe: Math.sqrt(vd / n) };
  });
  return { n, d, rows };
}
