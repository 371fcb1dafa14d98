// Tests for the kernels chapter. Each `it` is one claim of the chapter;
// equation labels refer to chapters/kernel-methods/kernels.mdx.
// Reference values come from scikit-learn 1.2.1 through
// scripts/reference/kernels.py (KernelRidge, KernelPCA, Nystroem,
// RBFSampler, pairwise_kernels); all data are small.
import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix, matmul, transpose } from '../code/linear-algebra/matrix.ts';
import { createRng } from '../code/introduction/random.ts';
import { kernelMatrix } from '../code/support-vector-machines/kernel.ts';
import { ridgeCholesky } from '../code/regularization/ridge.ts';
import { blrPosterior } from '../code/bayesian-linear-regression/posterior.ts';
import { predictive } from '../code/bayesian-linear-regression/predictive.ts';
import {
  approxError, nystromFeatures, rffDraw, rffFeatures,
} from '../code/kernels/approx.ts';
import { circles, landmarks } from '../code/kernels/data.ts';
import { poly2Map, polyFeatureCount } from '../code/kernels/feature-map.ts';
import {
  centerGram, fitKernelPca, kpcaTransform, maxDiffUpToSign,
} from '../code/kernels/kernel-pca.ts';
import {
  fitKernelRidge, predictKernelRidge,
} from '../code/kernels/kernel-ridge.ts';
import { gram, type KernelSpec } from '../code/kernels/kernels.ts';
import { psdCheck } from '../code/kernels/psd.ts';
import {
  approxStudy, centeringStudy, gammaStudy, kpcaStudy, psdStudy,
  RANKS, realStudy, svmStudy,
} from '../code/kernels/studies.ts';
import { krrTiming } from '../code/kernels/timing.ts';
import { looResiduals } from '../code/kernels/solutions/loo.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/kernels.ts';
import { fixture } from './helpers.ts';

type Mat = { rows: number; cols: number; data: number[] };
const sk = fixture('kernels', 'sklearn.json');
const M = (m: Mat) => new Matrix(m.rows, m.cols, Float64Array.from(m.data));
const X = M(sk.X), Xq = M(sk.Xq), y = Float64Array.from(sk.y as number[]);
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < b.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};
const spec = (name: string, p: object) => ({ kind: name, ...p }) as
  KernelSpec;
const rbf = { kind: 'rbf' as const, gamma: 0.7 };
const TOL = 1e-10; // the brief's bar; the differences are ~1e-14

describe('feature maps and the kernel trick', () => {
  it('φ(x)ᵀφ(z) = (xᵀz + c)² for the map of Eq. (kn-poly2-map)', () => {
    const c = 1.5;
    const F = poly2Map(X, c);
    const K = gram({ kind: 'polynomial', gamma: 1, coef0: c, degree: 2 },
      X, X);
    expect(maxDiff(matmul(F, transpose(F)).data, K.data))
      .toBeLessThan(1e-12 * 50);
  });
  it('the map has d(d + 1)/2 + d + 1 coordinates', () => {
    expect(poly2Map(X, 1).cols).toBe(3 * 4 / 2 + 3 + 1);
  });
  it('polynomial, Laplacian and sigmoid match pairwise_kernels', () => {
    for (const [name, r] of Object.entries<any>(sk.pairwise)) {
      const G = gram(spec(name, r.params), X, Xq);
      expect(maxDiff(G.data, r.K.data)).toBeLessThan(1e-12);
    }
  });
  it('linear and RBF are the SVM chapter\'s kernelMatrix', () => {
    expect(gram(rbf, X, Xq).data).toEqual(kernelMatrix(rbf, X, Xq).data);
  });
});

describe('positive semi-definiteness', () => {
  const rows = psdStudy();
  it('every kernel and every kernel built from kernels is PSD', () => {
    const ok = rows.filter((r) => !r.name.startsWith('sigmoid'));
    expect(ok.length).toBe(7);
    for (const r of ok) expect(r.psd).toBe(true);
  });
  it('the sigmoid "kernel" has negative eigenvalues (both settings)', () => {
    const bad = rows.filter((r) => r.name.startsWith('sigmoid'));
    expect(bad.length).toBe(2);
    for (const r of bad) {
      expect(r.psd).toBe(false);
      expect(r.min).toBeLessThan(-1e-3);
    }
  });
  it('psdCheck finds the eigenvalue −1 of [[1, 2], [2, 1]]', () => {
    const r = psdCheck(new Matrix(2, 2, Float64Array.of(1, 2, 2, 1)));
    expect(r.min).toBeCloseTo(-1, 12);
    expect(r.psd).toBe(false);
  });
  it('sum, product and scaling act entrywise on Gram matrices', () => {
    const a: KernelSpec = { kind: 'rbf', gamma: 0.5 };
    const b: KernelSpec = { kind: 'polynomial', gamma: 1, coef0: 1,
      degree: 2 };
    const A = gram(a, X, Xq).data, B = gram(b, X, Xq).data;
    const S = gram({ kind: 'sum', a, b }, X, Xq).data;
    const P = gram({ kind: 'product', a, b }, X, Xq).data;
    const C = gram({ kind: 'scaled', c: 2.5, a }, X, Xq).data;
    expect(maxDiff(S, A.map((v, t) => v + B[t]))).toBe(0);
    expect(maxDiff(P, A.map((v, t) => v * B[t]))).toBe(0);
    expect(maxDiff(C, A.map((v) => 2.5 * v))).toBe(0);
  });
});

describe('kernel ridge regression', () => {
  it('α and predictions match KernelRidge (linear, poly, RBF)', () => {
    for (const [name, r] of Object.entries<any>(sk.krr)) {
      const m = fitKernelRidge(X, y, spec(name, r.params), r.lambda);
      expect(maxDiff(m.alpha, r.dual_coef)).toBeLessThan(TOL);
      expect(maxDiff(predictKernelRidge(m, Xq), r.predict))
        .toBeLessThan(TOL);
    }
  });
  it('with a linear kernel on centred data it is ridge (Ch. 10)', () => {
    const mx = [0, 1, 2].map((j) => X.col(j).reduce((a, b) => a + b) / 30);
    const my = y.reduce((a, b) => a + b) / 30;
    const Xc = new Matrix(30, 3, X.data.map((v, t) => v - mx[t % 3]));
    const m = fitKernelRidge(Xc, y.map((v) => v - my),
      { kind: 'linear' }, 0.5);
    const fit = ridgeCholesky(X, y, 0.5);
    const Xqc = new Matrix(10, 3, Xq.data.map((v, t) => v - mx[t % 3]));
    const f = predictKernelRidge(m, Xqc);
    for (let r = 0; r < 10; r++) {
      let s = fit.b;
      for (let j = 0; j < 3; j++) s += fit.w[j] * Xq.data[r * 3 + j];
      expect(Math.abs(f[r] + my - s)).toBeLessThan(1e-10);
    }
  });
  it('its mean is the Bayesian posterior mean (kernel τ²xᵀz, λ = σ²)', () => {
    const h = { sigma2: 0.3, tau2: 2 };
    const m = fitKernelRidge(X, y, { kind: 'scaled', c: h.tau2,
      a: { kind: 'linear' } }, h.sigma2);
    const blr = predictive(blrPosterior(X, y, h), Xq, h.sigma2);
    expect(maxDiff(predictKernelRidge(m, Xq), blr.mean))
      .toBeLessThan(1e-10);
  });
  it('α minimises ‖y − Kα‖² + λαᵀKα (Eq. (kn-krr-objective))', () => {
    const lam = 0.1;
    const K = gram(rbf, X, X);
    const J = (a: Float64Array) => {
      let s = 0;
      for (let i = 0; i < 30; i++) {
        let ka = 0;
        for (let j = 0; j < 30; j++) ka += K.data[i * 30 + j] * a[j];
        s += (y[i] - ka) ** 2 + lam * a[i] * ka;
      }
      return s;
    };
    const a = fitKernelRidge(X, y, rbf, lam).alpha;
    const rng = createRng(4);
    for (let t = 0; t < 20; t++) {
      const b = a.map((v) => v + 1e-3 * rng.normal());
      expect(J(b)).toBeGreaterThan(J(a));
    }
  });
  it('the closed-form leave-one-out residuals equal 30 refits', () => {
    const loo = looResiduals(X, y, rbf, 0.1);
    for (let i = 0; i < 30; i++) {
      const keep = Array.from({ length: 30 }, (_, k) => k)
        .filter((k) => k !== i);
      const Xi = new Matrix(29, 3, Float64Array.from(keep.flatMap((k) =>
        Array.from(X.row(k)))));
      const m = fitKernelRidge(Xi, Float64Array.from(keep, (k) => y[k]),
        rbf, 0.1);
      const f = predictKernelRidge(m, new Matrix(1, 3, X.row(i)))[0];
      expect(Math.abs(loo[i] - (y[i] - f))).toBeLessThan(1e-10);
    }
  });
  it('large γ memorises: train RMSE falls, test RMSE rises', () => {
    const g = gammaStudy();
    for (let k = 1; k < g.length; k++) {
      expect(g[k].train).toBeLessThan(g[k - 1].train);
    }
    expect(g[g.length - 1].test).toBeGreaterThan(2 * g[0].test);
    expect(g[g.length - 1].train).toBeLessThan(g[0].train / 10);
  });
  it('test RMSE rises with every step of γ, smallest γ best', () => {
    const g = gammaStudy();
    for (let k = 1; k < g.length; k++) {
      expect(g[k].test).toBeGreaterThan(g[k - 1].test);
    }
  });
  it('on diabetes no kernel differs from linear by 2 SE', () => {
    const { rows } = realStudy();
    expect(rows.length).toBe(3);
    for (const r of rows.slice(1)) {
      expect(Math.abs(r.dMse)).toBeLessThan(2 * r.dMseSe);
    }
  });
});

describe('kernel PCA', () => {
  const kp = sk.kpca;
  const m = fitKernelPca(M(kp.X), { kind: 'rbf', gamma: kp.gamma }, kp.k);
  it('eigenvalues match KernelPCA(eigen_solver="dense") to 1e-8', () => {
    expect(maxDiff(m.values, kp.eigenvalues)).toBeLessThan(1e-8);
  });
  it('training scores match fit_transform up to sign, 1e-8', () => {
    expect(maxDiffUpToSign(kpcaTransform(m, M(kp.X)), M(kp.scores)))
      .toBeLessThan(1e-8);
  });
  it('maxDiffUpToSign forgives a whole column\'s sign, nothing else',
    () => {
      const A = new Matrix(2, 2, Float64Array.of(1, 2, 3, 4));
      const flip = new Matrix(2, 2, Float64Array.of(-1, 2, -3, 4));
      const off = new Matrix(2, 2, Float64Array.of(-1, 2, -3, 4.5));
      const half = new Matrix(2, 2, Float64Array.of(-1, 2, 3, 4));
      expect(maxDiffUpToSign(A, flip)).toBe(0);
      expect(maxDiffUpToSign(A, off)).toBe(0.5);
      expect(maxDiffUpToSign(A, half)).toBe(2); // min(6, 2) in column 0
    });
  it('new points match transform up to sign, 1e-8', () => {
    expect(maxDiffUpToSign(kpcaTransform(m, M(kp.Xq)), M(kp.transform)))
      .toBeLessThan(1e-8);
  });
  it('K̃ is the Gram matrix of the centred feature vectors', () => {
    const F = poly2Map(X, 1);
    const mean = new Float64Array(F.cols);
    for (let t = 0; t < F.data.length; t++) mean[t % F.cols] += F.data[t] / 30;
    const Fc = new Matrix(30, F.cols, F.data.map((v, t) =>
      v - mean[t % F.cols]));
    const Kt = centerGram(gram({ kind: 'polynomial', gamma: 1, coef0: 1,
      degree: 2 }, X, X));
    expect(maxDiff(Kt.data, matmul(Fc, transpose(Fc)).data))
      .toBeLessThan(1e-11);
  });
  it('without centring the top eigenvector is nearly constant', () => {
    const c = centeringStudy();
    expect(c.raw).toBeGreaterThan(0.9);
    expect(c.centred).toBeLessThan(1e-10);
  });
  it('two kernel components make the circles linearly separable', () => {
    const s = kpcaStudy();
    expect(s.onScores).toBe(1);
    expect(s.onInputs).toBeLessThan(0.8);
  });
  it('asking for a component of eigenvalue 0 is an error', () => {
    const two = new Matrix(4, 1, Float64Array.of(0, 0, 1, 1));
    expect(() => fitKernelPca(two, { kind: 'linear' }, 2))
      .toThrow(/fitKernelPca: eigenvalue 2/);
  });
});

describe('RBF SVM on moons and circles', () => {
  const s = svmStudy();
  it('the RBF SVM classifies held-out moons and circles > 95 %', () => {
    expect(s.moons.test).toBeGreaterThan(0.95);
    expect(s.circles.test).toBeGreaterThan(0.95);
  });
  it('a linear SVM on circles is near chance (< 70 %)', () => {
    expect(s.circlesLinear.test).toBeLessThan(0.7);
  });
  it('circles without noise lie on radii 1 and factor', () => {
    const { X: C, y: lab } = circles(9, 0, 0.5, 1);
    for (let i = 0; i < 9; i++) {
      const r = Math.hypot(C.data[2 * i], C.data[2 * i + 1]);
      expect(r).toBeCloseTo(lab[i] ? 0.5 : 1, 14);
    }
    expect(lab.filter((v) => v === 1).length).toBe(5);
  });
});

describe('Nyström and random Fourier features', () => {
  let st: ReturnType<typeof approxStudy>;
  beforeAll(() => { st = approxStudy(); });
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  it('Nyström features match Nystroem given its landmark rows', () => {
    const F = nystromFeatures(X, { kind: 'rbf', gamma: sk.nystroem.gamma },
      Int32Array.from(sk.nystroem.indices));
    expect(maxDiff(F.data, sk.nystroem.features.data)).toBeLessThan(TOL);
  });
  it('random features match RBFSampler given its W and offsets', () => {
    const Z = rffFeatures(X, M(sk.rff.W), Float64Array.from(sk.rff.b));
    expect(maxDiff(Z.data, sk.rff.features.data)).toBeLessThan(TOL);
  });
  it('Nyström with every row as a landmark reproduces K', () => {
    const k = { kind: 'rbf' as const, gamma: 0.5 };
    const F = nystromFeatures(X, k, landmarks(30, 30, 2));
    expect(approxError(gram(k, X, X), F)).toBeLessThan(1e-8);
  });
  it('no method beats the best rank m (Eckart–Young)', () => {
    RANKS.forEach((_, k) => {
      expect(Math.min(...st.nys[k])).toBeGreaterThanOrEqual(st.best[k]);
      expect(Math.min(...st.rff[k])).toBeGreaterThanOrEqual(st.best[k]);
    });
  });
  it('Nyström is below random features at every m, every seed', () => {
    RANKS.forEach((_, k) => {
      expect(Math.max(...st.nys[k])).toBeLessThan(Math.min(...st.rff[k]));
    });
  });
  it('RFF error falls like 1/√m: ×4 features, about half the error', () => {
    const k40 = RANKS.indexOf(40), k160 = RANKS.indexOf(160);
    const ratio = mean(st.rff[k160]) / mean(st.rff[k40]);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.65);
  });
  it('rffDraw: W has variance 2γ, offsets in [0, 2π)', () => {
    const { W, u } = rffDraw(4, 5000, 0.5, 3);
    const v = W.data.reduce((s, w) => s + w * w, 0) / W.data.length;
    expect(v).toBeGreaterThan(0.97);
    expect(v).toBeLessThan(1.03);
    expect(Math.max(...u)).toBeLessThan(2 * Math.PI);
  });
  it('landmarks are distinct rows in range', () => {
    const idx = landmarks(50, 20, 7);
    expect(new Set(idx).size).toBe(20);
    for (const r of idx) expect(r >= 0 && r < 50).toBe(true);
  });
});

describe('cost and large input', () => {
  it('krrTiming reports 8n² bytes of K and a time per size', () => {
    const t = krrTiming([20, 40], 1);
    expect(t.rows.map((r) => r.bytes)).toEqual([3200, 12800]);
    for (const r of t.rows) expect(r.ms).toBeGreaterThan(0);
  });
  it('feature maps and cross-Gram matrices take 10⁵ rows', () => {
    const n = 100_000;
    const rng = createRng(1);
    const B = new Matrix(n, 2, Float64Array.from({ length: 2 * n },
      () => rng.normal()));
    expect(poly2Map(B, 1).rows).toBe(n);
    const { W, u } = rffDraw(2, 4, 0.5, 1);
    expect(rffFeatures(B, W, u).rows).toBe(n);
    const Z = new Matrix(2, 2, Float64Array.of(0, 0, 1, 1));
    expect(gram({ kind: 'laplacian', gamma: 1 }, B, Z).rows).toBe(n);
  });
  it('the fixture was made with scikit-learn 1.2.1', () => {
    expect(sk.versions.sklearn).toBe('1.2.1');
  });
});

describe('bad input', () => {
  it('kernels reject bad input', () => rejectsBadInput(badInput.kernels));
  it('models reject bad input', () => rejectsBadInput(badInput.models));
  it('approximations and data reject bad input',
    () => rejectsBadInput(badInput.approx));
  it('checks reject bad input', () => rejectsBadInput(badInput.checks));
});

describe('review', () => {
  const psd = psdStudy();
  const row = (name: string) => psd.find((r) => r.name === name)!;
  it('degree ≤ 3 in d = 100 inputs gives 176,851 monomials', () => {
    expect(polyFeatureCount(100, 3)).toBe(176_851);
    expect(polyFeatureCount(3, 2)).toBe(poly2Map(X, 1).cols);
  });
  it('sigmoid (γ = 1, c₀ = −1): |λ_min| is the size of λ_max', () => {
    const r = row('sigmoid (γ = 1, c₀ = −1)');
    expect(-r.min).toBeGreaterThan(0.5 * r.max);
  });
  it('linear and polynomial λ_min are 0 up to rounding (low rank)', () => {
    for (const name of ['linear', 'polynomial']) {
      const r = row(name);
      expect(Math.abs(r.min)).toBeLessThan(1e-12 * r.max);
    }
  });
  it('the RBF Gram matrix of distinct points has λ_min > 0 (Ex. 1)', () => {
    expect(row('RBF').min).toBeGreaterThan(1e-4);
  });
  it('Nyström K̂ is exact on the landmark rows and columns', () => {
    const k = { kind: 'rbf' as const, gamma: 0.5 };
    const idx = landmarks(30, 6, 3);
    const F = nystromFeatures(X, k, idx);
    const K = gram(k, X, X);
    const Kh = matmul(F, transpose(F));
    let d = 0;
    for (const i of idx) {
      for (let j = 0; j < 30; j++) {
        d = Math.max(d, Math.abs(Kh.data[i * 30 + j] - K.data[i * 30 + j]));
      }
    }
    expect(d).toBeLessThan(1e-10);
  });
  it('Nyström floors a singular landmark block: features stay finite', () => {
    const D = new Matrix(3, 2, Float64Array.of(0, 0, 0, 0, 1, 1));
    const F = nystromFeatures(D, { kind: 'rbf', gamma: 1 },
      Int32Array.of(0, 1));
    expect(F.data.every((v) => Number.isFinite(v))).toBe(true);
  });
  it('random features are unbiased: E[φ̂(x)ᵀφ̂(z)] = k(x, z)', () => {
    const A = new Matrix(2, 3, Float64Array.of(0.2, -0.4, 1, 0.7, 0.1, 0.3));
    const k = gram({ kind: 'rbf', gamma: 0.5 }, A, A).data[1];
    const runs = 400, v: number[] = [];
    for (let s = 0; s < runs; s++) {
      const { W, u } = rffDraw(3, 10, 0.5, s);
      const Z = rffFeatures(A, W, u).data;
      let dot = 0;
      for (let j = 0; j < 10; j++) dot += Z[j] * Z[10 + j];
      v.push(dot);
    }
    const mean = v.reduce((a, b) => a + b, 0) / runs;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) /
      (runs - 1));
    expect(Math.abs(mean - k)).toBeLessThan(4 * sd / Math.sqrt(runs));
  });
  it('on diabetes the narrower RBF is, if anything, worse', () => {
    const { rows } = realStudy();
    expect(rows[2].dMse).toBeGreaterThan(0);
  });
  it('kernel PCA figure: a vertical line splits the circles', () => {
    const { S, y } = kpcaStudy();
    const c1 = (c: number) => Array.from(y).flatMap((v, i) =>
      v === c ? [S.data[2 * i]] : []);
    const a = c1(0), b = c1(1);
    const sep = Math.max(...a) < Math.min(...b) ||
      Math.min(...a) > Math.max(...b);
    expect(sep).toBe(true);
  });
  it('kernel PCA figure: the outer circle is the tight cluster', () => {
    const { S, y } = kpcaStudy();
    const spread = (c: number) => {
      const v = Array.from(y).flatMap((l, i) =>
        l === c ? [S.data[2 * i + 1]] : []);
      return Math.max(...v) - Math.min(...v);
    };
    expect(spread(0)).toBeLessThan(spread(1) / 3);
  });
  it('kpcaTransform rejects a model that is not a fitted KernelPca', () => {
    const Q = new Matrix(1, 3, Float64Array.of(0, 0, 0));
    expect(() => kpcaTransform(null as never, Q))
      .toThrow(/^kpcaTransform: model/);
    const m = fitKernelPca(X, rbf, 2);
    expect(() => kpcaTransform({ ...m, coef: undefined } as never, Q))
      .toThrow(/^kpcaTransform: model\.coef/);
  });
  it('psdCheck and centerGram reject a non-symmetric K', () => {
    const A = new Matrix(2, 2, Float64Array.of(1, 2, 0, 1));
    expect(() => psdCheck(A)).toThrow(/^psdCheck: K must be symmetric/);
    expect(() => centerGram(A)).toThrow(/^centerGram: K must be symmetric/);
  });
});
