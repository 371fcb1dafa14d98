// Tests for the PCA chapter. Each `it` is one claim of the chapter;
// equation labels refer to chapters/unsupervised/pca.mdx. Reference
// values: scikit-learn 1.2.1 (scripts/reference/pca.py), compared at a
// relative tolerance of 1e-10 (of the largest entry of each array).
import { describe, expect, it } from 'vitest';
import { cholesky } from '../code/decompositions/cholesky.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { routeErrors } from '../code/pca/conditioning.ts';
import { loadFashionMnist, parseIdx } from '../code/pca/idx.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  centre, fitPca, inverseTransform, transform, type PcaModel,
} from '../code/pca/pca.ts';
import { ppcaLogLikelihood, ppcaWeights } from '../code/pca/ppca.ts';
import { chooseK } from '../code/pca/solutions/choose-k.ts';
import { gramPca } from '../code/pca/solutions/gram.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/pca.ts';
import { fixture } from './helpers.ts';

const sk = fixture('pca', 'sklearn.json');
const TOL = 1e-10;

const mat = (flat: ArrayLike<number>, d: number) =>
  new Matrix(flat.length / d, d, Float64Array.from(flat));

/** max |a - b| / max |b|: the relative error of an array. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let diff = 0;
  let big = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    big = Math.max(big, Math.abs(b[i]));
  }
  return diff / big;
}

/** Our components and scores with signs matched to the reference's. */
function signs(C: Matrix, ref: number[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < C.rows; j++) {
    let dot = 0;
    for (let a = 0; a < C.cols; a++) {
      dot += C.data[j * C.cols + a] * ref[j * C.cols + a];
    }
    out.push(dot < 0 ? -1 : 1);
  }
  return out;
}

/** Row j of C (k x d) times s[j]. */
const flipRows = (C: Matrix, s: number[]) =>
  C.data.map((x, i) => x * s[Math.floor(i / C.cols)]);
/** Column j of Z (m x k) times s[j]. */
const flipCols = (Z: Matrix, s: number[]) =>
  Z.data.map((x, i) => x * s[i % Z.cols]);

const small = sk.small;
const Xs = mat(small.X, small.d);
const plain = fitPca(Xs, small.k);
const rows6 = new Matrix(6, small.d, Xs.data.slice(0, 6 * small.d));

/** The Fashion-MNIST fit (100 images, k = 20), once per file. */
let fashionMemo: { X: Matrix; model: PcaModel } | undefined;
function fashion() {
  if (fashionMemo) return fashionMemo;
  const { X } = loadFashionMnist(sk.fashion.n);
  return (fashionMemo = { X, model: fitPca(X, sk.fashion.k) });
}

/** Sample covariance of the columns of Z (n - 1 in the denominator). */
function covariance(Z: Matrix): Matrix {
  const { Xc } = centre(Z);
  const { rows: n, cols: k } = Z;
  const S = new Matrix(k, k);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        S.data[a * k + b] += Xc.data[i * k + a] * Xc.data[i * k + b] /
          (n - 1);
      }
    }
  }
  return S;
}

describe('the idx reader (code/pca/idx.ts)', () => {
  const header = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2];
  it('reads the sizes and the bytes of a 2 x 1 x 2 idx3 file', () => {
    const f = parseIdx(Uint8Array.from([...header, 1, 2, 3, 4]), 3);
    expect(f.dims).toEqual([2, 1, 2]);
    expect([...f.data]).toEqual([1, 2, 3, 4]);
  });
  it('refuses a wrong magic number, naming both', () => {
    const bytes = Uint8Array.from([...header, 1, 2, 3, 4]);
    expect(() => parseIdx(bytes, 1)).toThrow(
      'parseIdx: magic number 0x00000803, expected 0x00000801');
  });
  it('refuses data whose length does not match the sizes', () => {
    expect(() => parseIdx(Uint8Array.from([...header, 1, 2, 3]), 3))
      .toThrow('parseIdx: sizes 2 x 1 x 2 need 4 bytes of data, ' +
        'the file has 3');
  });
  it('loads the first 500 Fashion-MNIST images in [0, 1], labels 0..9', () => {
    const { X, y, side } = loadFashionMnist(500);
    expect([X.rows, X.cols, side]).toEqual([500, 784, 28]);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of X.data) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    expect([lo, hi]).toEqual([0, 1]);
    expect(y[0]).toBe(9); // the first test image is an ankle boot
    expect(new Set(y).size).toBe(10);
  });
});

describe('against scikit-learn 1.2.1 PCA, relative error < 1e-10', () => {
  const ref = small.plain;
  const sg = signs(plain.components, ref.components);
  it('small data: components_ up to sign, and the mean', () => {
    expect(relErr(flipRows(plain.components, sg), ref.components))
      .toBeLessThan(TOL);
    expect(relErr(plain.mean, ref.mean)).toBeLessThan(TOL);
  });
  it('small data: explained variance, its ratio, singular values', () => {
    expect(relErr(plain.explainedVariance, ref.explained_variance))
      .toBeLessThan(TOL);
    expect(relErr(plain.explainedVarianceRatio,
      ref.explained_variance_ratio)).toBeLessThan(TOL);
    expect(relErr(plain.singularValues, ref.singular_values))
      .toBeLessThan(TOL);
  });
  it('small data: noise variance (n > d: both divide by d - k)', () => {
    expect(relErr([plain.noiseVariance], [ref.noise_variance]))
      .toBeLessThan(TOL);
  });
  it('small data: transform (up to sign) and inverse_transform', () => {
    const Z = transform(plain, rows6);
    expect(relErr(flipCols(Z, sg), ref.transform)).toBeLessThan(TOL);
    expect(relErr(inverseTransform(plain, Z).data, ref.inverse_transform))
      .toBeLessThan(TOL);
  });
  it('small data: score, the mean PPCA log-likelihood', () => {
    expect(relErr([ppcaLogLikelihood(plain, Xs)], [ref.score]))
      .toBeLessThan(TOL);
  });
  it('small data, whitened: transform and inverse_transform', () => {
    const w = fitPca(Xs, small.k, { whiten: true });
    const r = small.whitened;
    const Z = transform(w, rows6);
    const s = signs(w.components, r.components);
    expect(relErr(flipCols(Z, s), r.transform)).toBeLessThan(TOL);
    expect(relErr(inverseTransform(w, Z).data, r.inverse_transform))
      .toBeLessThan(TOL);
  });
  it('small data: the covariance route agrees too (well conditioned)', () => {
    const c = fitPca(Xs, small.k, { method: 'covariance' });
    const s = signs(c.components, ref.components);
    expect(relErr(flipRows(c.components, s), ref.components))
      .toBeLessThan(TOL);
    expect(relErr(c.explainedVariance, ref.explained_variance))
      .toBeLessThan(TOL);
  });
  const fr = sk.fashion;
  it('784-d Fashion-MNIST (100 images): 20 components up to sign', () => {
    const { model } = fashion();
    const s = signs(model.components, fr.components);
    expect(relErr(flipRows(model.components, s), fr.components))
      .toBeLessThan(TOL);
  });
  it('784-d: explained variance, ratio and singular values', () => {
    const { model } = fashion();
    expect(relErr(model.explainedVariance, fr.explained_variance))
      .toBeLessThan(TOL);
    expect(relErr(model.explainedVarianceRatio,
      fr.explained_variance_ratio)).toBeLessThan(TOL);
    expect(relErr(model.singularValues, fr.singular_values))
      .toBeLessThan(TOL);
  });
  it('784-d: transform (up to sign) and inverse_transform', () => {
    const { X, model } = fashion();
    const top = new Matrix(fr.rows, 784, X.data.slice(0, fr.rows * 784));
    const Z = transform(model, top);
    const s = signs(model.components, fr.components);
    expect(relErr(flipCols(Z, s), fr.transform)).toBeLessThan(TOL);
    expect(relErr(inverseTransform(model, Z).data, fr.inverse_transform))
      .toBeLessThan(TOL);
  });
  it('784-d, n < d: scikit-learn divides by min(n, d) - k, we by d - k', () => {
    const { model } = fashion();
    const { n, d, k } = fr;
    const ours = model.noiseVariance * (d - k) / (Math.min(n, d) - k);
    expect(relErr([ours], [fr.noise_variance])).toBeLessThan(TOL);
  });
  it('784-d: score, with scikit-learn\'s noise variance', () => {
    const { X, model } = fashion();
    const theirs = { ...model, noiseVariance: fr.noise_variance };
    expect(relErr([ppcaLogLikelihood(theirs, X)], [fr.score]))
      .toBeLessThan(TOL);
  });
});

describe('the derivation, checked on data', () => {
  it('components are orthonormal: V_k^T V_k = I (784-d)', () => {
    const { model } = fashion();
    const { k, d, components: C } = model;
    let worst = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let g = 0;
        for (let i = 0; i < d; i++) g += C.data[a * d + i] * C.data[b * d + i];
        worst = Math.max(worst, Math.abs(g - (a === b ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });
  it('scores are uncorrelated with variances lambda_j (Eq. pca-scores)', () => {
    const S = covariance(transform(plain, Xs));
    const expected = new Matrix(2, 2);
    expected.data[0] = plain.explainedVariance[0];
    expected.data[3] = plain.explainedVariance[1];
    expect(relErr(S.data, expected.data)).toBeLessThan(1e-12);
  });
  it('no unit direction has more variance than v_1 (Eq. pca-maxvar)', () => {
    const rng = createRng(7);
    const d = small.d;
    let best = 0;
    for (let t = 0; t < 200; t++) {
      const u = new Matrix(d, 1, rng.normalArray(d));
      let len = 0;
      for (const x of u.data) len += x * x;
      const w = new Matrix(1, d, u.data.map((x) => x / Math.sqrt(len)));
      const m: PcaModel = { ...plain, k: 1, components: w,
        explainedVariance: Float64Array.of(1), whiten: false };
      best = Math.max(best, covariance(transform(m, Xs)).data[0]);
    }
    expect(best).toBeLessThan(plain.explainedVariance[0]);
    expect(best).toBeGreaterThan(0.9 * plain.explainedVariance[0]);
  });
  it('reconstruction MSE = sum of dropped eigenvalues (Eq. pca-recon-error)', () => {
    const full = fitPca(Xs, small.d);
    const k = 2;
    const m = fitPca(Xs, k);
    const R = inverseTransform(m, transform(m, Xs));
    let sq = 0;
    for (let i = 0; i < R.data.length; i++) sq += (R.data[i] - Xs.data[i]) ** 2;
    let dropped = 0;
    for (let j = k; j < small.d; j++) dropped += full.explainedVariance[j];
    expect(relErr([sq / (Xs.rows - 1)], [dropped])).toBeLessThan(1e-12);
  });
  it('the same on 100 Fashion-MNIST images at k = 20 (784-d)', () => {
    const { X, model } = fashion();
    const R = inverseTransform(model, transform(model, X));
    let sq = 0;
    for (let i = 0; i < R.data.length; i++) sq += (R.data[i] - X.data[i]) ** 2;
    // sum of dropped = total - kept; noiseVariance * (d - k) is the same
    const dropped = model.noiseVariance * (model.d - model.k);
    expect(relErr([sq / (X.rows - 1)], [dropped])).toBeLessThan(1e-10);
  });
  it('whitened scores have the identity as covariance (Eq. pca-whiten)', () => {
    const w = fitPca(Xs, 3, { whiten: true });
    const S = covariance(transform(w, Xs));
    const I = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    expect(relErr(S.data, I)).toBeLessThan(1e-12);
  });
  it('ratios of all d components sum to 1; total = sum of variances', () => {
    const full = fitPca(Xs, small.d);
    let r = 0;
    for (const x of full.explainedVarianceRatio) r += x;
    expect(Math.abs(r - 1)).toBeLessThan(1e-14);
    const S = covariance(Xs);
    let trace = 0;
    for (let j = 0; j < small.d; j++) trace += S.data[j * small.d + j];
    expect(relErr([full.totalVariance], [trace])).toBeLessThan(1e-13);
  });
});

describe('SVD versus covariance: the squared condition number', () => {
  // Data with singular values 1, 0.5, 10^-e: kappa = 10^e. The rounded
  // data themselves carry a relative error of about u * kappa in the
  // smallest variance, so no route can beat that; the covariance
  // matrix, with condition number kappa^2, loses u * kappa^2.
  it('kappa = 1e6: the SVD keeps 10 digits, the covariance route 3 to 6', () => {
    const e = routeErrors(50, [1, 0.5, 1e-6], 3);
    expect(e.svd).toBeLessThan(1e-10);
    expect(e.covariance).toBeGreaterThan(1e-6);
    expect(e.covariance).toBeLessThan(1e-3);
  });
  it('kappa = 1e8: the covariance route has no correct digit left', () => {
    const e = routeErrors(50, [1, 0.5, 1e-8], 3);
    expect(e.svd).toBeLessThan(1e-7);
    expect(e.covariance).toBeGreaterThan(0.1);
  });
});

describe('probabilistic PCA (Tipping & Bishop 1999)', () => {
  it('W W^T + sigma^2 I gives the same likelihood, densely (Cholesky)', () => {
    const W = ppcaWeights(plain);
    const d = small.d;
    const C = new Matrix(d, d);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let c = a === b ? plain.noiseVariance : 0;
        for (let j = 0; j < plain.k; j++) {
          c += W.data[a * plain.k + j] * W.data[b * plain.k + j];
        }
        C.data[a * d + b] = c;
      }
    }
    const L = cholesky(C);
    let logDet = 0;
    for (let a = 0; a < d; a++) logDet += 2 * Math.log(L.data[a * d + a]);
    let quad = 0;
    for (let i = 0; i < Xs.rows; i++) {
      const r = new Float64Array(d); // solve L r = x - mean
      for (let a = 0; a < d; a++) {
        let v = Xs.data[i * d + a] - plain.mean[a];
        for (let b = 0; b < a; b++) v -= L.data[a * d + b] * r[b];
        r[a] = v / L.data[a * d + a];
        quad += r[a] * r[a];
      }
    }
    const dense = -0.5 * (d * Math.log(2 * Math.PI) + logDet +
      quad / Xs.rows);
    expect(relErr([ppcaLogLikelihood(plain, Xs)], [dense]))
      .toBeLessThan(1e-12);
  });
  it('the fit maximizes the likelihood: perturbing sigma^2 or lambda_1 lowers it', () => {
    // The MLE uses S with 1/n; fitPca's variances use 1/(n - 1).
    const f = (Xs.rows - 1) / Xs.rows;
    const mle: PcaModel = { ...plain,
      explainedVariance: plain.explainedVariance.map((l) => l * f),
      noiseVariance: plain.noiseVariance * f };
    const best = ppcaLogLikelihood(mle, Xs);
    for (const g of [0.98, 1.02]) {
      const s2 = { ...mle, noiseVariance: mle.noiseVariance * g };
      const ev = mle.explainedVariance.slice();
      ev[0] *= g;
      const l1 = { ...mle, explainedVariance: ev };
      expect(ppcaLogLikelihood(s2, Xs)).toBeLessThan(best);
      expect(ppcaLogLikelihood(l1, Xs)).toBeLessThan(best);
    }
  });
  it('refuses a model with no noise left (k = d)', () => {
    expect(() => ppcaLogLikelihood(fitPca(Xs, small.d), Xs)).toThrow(
      /^ppcaLogLikelihood: the model has noise variance 0/);
  });
});

describe('exercise solutions', () => {
  it('chooseK: the smallest k reaching the share', () => {
    const r = [0.5, 0.3, 0.15, 0.05];
    expect(chooseK(r, 0.5)).toBe(1);
    expect(chooseK(r, 0.8)).toBe(2);
    expect(chooseK(r, 0.81)).toBe(3);
    expect(chooseK(r, 1)).toBe(4);
  });
  it('gramPca matches the SVD route on 784-d data, n < d', () => {
    // 30 images: the Gram route's Jacobi costs O(n^3) a sweep. Its
    // components carry u * lambda_1 / (lambda_j - lambda_j+1) relative
    // error (G squares the condition number): 1e-9, not 1e-10.
    const { X: X30 } = loadFashionMnist(30);
    const model = fitPca(X30, 5);
    const g = gramPca(X30, 5);
    const top = new Matrix(5, 784, model.components.data.slice(0, 5 * 784));
    const s = signs(g.components, Array.from(top.data));
    expect(relErr(flipRows(g.components, s), top.data)).toBeLessThan(1e-9);
    expect(relErr(g.variances, model.explainedVariance.slice(0, 5)))
      .toBeLessThan(1e-12);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the idx reader and the loader', () => {
    rejectsBadInput(badInput.data);
  });
  it('fitting, transforming, probabilistic PCA', () => {
    rejectsBadInput(badInput.models);
  });
  it('the conditioning study and the exercise solutions', () => {
    rejectsBadInput(badInput.studies);
  });
  it('the shared input checks', () => {
    rejectsBadInput(badInput.checks);
  });
  it('fitPca: k above min(n, d) is an error naming k', () => {
    expect(() => fitPca(Xs, 6)).toThrow(
      'fitPca: k must be an integer in 1..5, got 6');
  });
});

describe('review', () => {
  it('the fixture was made from the idx file in data/ (SHA-256)', () => {
    const file = new URL(
      '../data/fashion-mnist/t10k-images-idx3-ubyte.gz', import.meta.url);
    const hash = createHash('sha256').update(readFileSync(file))
      .digest('hex');
    expect(hash).toBe(sk.fashion.images_sha256);
  });
  it('both routes give the same signs (largest entry positive)', () => {
    const c = fitPca(Xs, small.d, { method: 'covariance' });
    const s = fitPca(Xs, small.d);
    // no sign matching: the rule alone must make them agree
    expect(relErr(c.components.data, s.components.data)).toBeLessThan(1e-9);
    for (let j = 0; j < small.d; j++) {
      let best = 0;
      for (let a = 0; a < small.d; a++) {
        const x = s.components.data[j * small.d + a];
        if (Math.abs(x) > Math.abs(best)) best = x;
      }
      expect(best).toBeGreaterThan(0);
    }
  });
  it('the best affine subspace passes through the mean', () => {
    // sum_i ||(I - P)(x_i - m)||^2 is smallest at m = x-bar
    const m = fitPca(Xs, 2);
    const { d, components: C } = m;
    const error = (centre: ArrayLike<number>) => {
      let total = 0;
      for (let i = 0; i < Xs.rows; i++) {
        const y = Array.from({ length: d },
          (_, a) => Xs.data[i * d + a] - centre[a]);
        for (let j = 0; j < 2; j++) {
          let z = 0;
          for (let a = 0; a < d; a++) z += C.data[j * d + a] * y[a];
          for (let a = 0; a < d; a++) y[a] -= z * C.data[j * d + a];
        }
        for (let a = 0; a < d; a++) total += y[a] * y[a];
      }
      return total;
    };
    const atMean = error(m.mean);
    const rng = createRng(11);
    for (let t = 0; t < 20; t++) {
      const shift = rng.normalArray(d).map((x) => 0.1 * x);
      expect(error(m.mean.map((x, a) => x + shift[a])))
        .toBeGreaterThan(atMean);
    }
  });
  it('training likelihood never falls as k grows (nested models)', () => {
    let last = -Infinity;
    for (let k = 1; k < small.d; k++) {
      const ll = ppcaLogLikelihood(fitPca(Xs, k), Xs);
      expect(ll).toBeGreaterThanOrEqual(last);
      last = ll;
    }
  });
  it('chooseK: the slack reaches a share of 1 despite rounding', () => {
    const tenth = new Array(10).fill(0.1);
    let sum = 0;
    for (const x of tenth) sum += x;
    expect(sum).toBeLessThan(1); // the rounded ratios miss 1
    expect(chooseK(tenth, 1)).toBe(10);
  });
  it('chooseK: a share the ratios cannot reach is an error', () => {
    // the first k of d ratios sum to less than 1
    expect(() => chooseK([0.5, 0.3], 0.9)).toThrow(
      /^chooseK: the ratios sum to 0\.8, less than the share 0\.9/);
  });
});
