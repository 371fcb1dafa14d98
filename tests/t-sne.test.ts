// Tests for the t-SNE chapter. Each `it` is one claim of the chapter;
// equation labels refer to chapters/unsupervised/t-sne.mdx. Reference
// values: scikit-learn 1.2.1 (scripts/reference/t_sne.py) on the first
// 100 digits, perplexity 20, learning rates 5 and 100, 1000 iterations.
import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { loadDigits } from '../code/softmax-regression/digits.ts';
import {
  conditionalProbabilities, jointProbabilities, PERPLEXITY_TOLERANCE,
  squaredDistances,
} from '../code/t-sne/affinities.ts';
import { clusters, relativeDistances, stratified } from '../code/t-sne/data.ts';
import { pcaInit, randomInit } from '../code/t-sne/init.ts';
import { rowPerplexity } from '../code/t-sne/solutions/perplexity.ts';
import { klDivergence, tsne } from '../code/t-sne/tsne.ts';
import { trustworthiness } from '../code/t-sne/trustworthiness.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/t-sne.ts';
import { fixture } from './helpers.ts';

const sk = fixture('t-sne', 'sklearn.json');
const n: number = sk.data.rows;
const digits = loadDigits();
const X = new Matrix(n, 64, digits.X.data.slice(0, n * 64));
const P = jointProbabilities(X, sk.perplexity);
const init = new Matrix(n, 2, Float64Array.from(sk.init));
const full = tsne(P, init, { learningRate: 5, nIter: sk.n_iter });
const ySk = new Matrix(n, 2, Float64Array.from(sk.runs.stable.Y));

/** max |a_k - b_k|. */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}

/** max |a_k|. */
function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]));
  return m;
}

/** The upper triangle of an n x n matrix, row by row (scipy's pdist). */
function condensed(A: Float64Array, m: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) out.push(A[i * m + j]);
  }
  return out;
}

/** A small problem: 12 points in 4-d, P at perplexity 4, a 2-d map. */
function small() {
  const rng = createRng(7);
  const Xs = new Matrix(12, 4, rng.normalArray(48));
  return { Xs, Ps: jointProbabilities(Xs, 4),
    Y: new Matrix(12, 2, rng.normalArray(24)) };
}

describe('affinities, Eqs. (tsne-cond)-(tsne-joint)', () => {
  it('squared distances are symmetric, zero on the diagonal, exact', () => {
    const D = squaredDistances(X);
    expect(D[0]).toBe(0);
    let s = 0;
    for (let a = 0; a < 64; a++) s += (X.get(0, a) - X.get(1, a)) ** 2;
    expect(D[1]).toBe(s);
    expect(D[n]).toBe(s);
  });

  it('every row of p_{j|i} sums to 1 and has p_{i|i} = 0', () => {
    const { P: C } = conditionalProbabilities(squaredDistances(X), n, 20);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += C[i * n + j];
      worst = Math.max(worst, Math.abs(s - 1));
      expect(C[i * n + i]).toBe(0);
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('each row has entropy log(perplexity) to the search tolerance', () => {
    const { P: C } = conditionalProbabilities(squaredDistances(X), n, 20);
    const perp = rowPerplexity(C, n);
    let worst = 0;
    for (const v of perp) {
      worst = Math.max(worst, Math.abs(Math.log(v) - Math.log(20)));
    }
    expect(worst).toBeLessThanOrEqual(PERPLEXITY_TOLERANCE);
  });

  it('a larger perplexity gives every point a wider Gaussian', () => {
    const D = squaredDistances(X);
    const b10 = conditionalProbabilities(D, n, 10).beta;
    const b40 = conditionalProbabilities(D, n, 40).beta;
    for (let i = 0; i < n; i++) expect(b40[i]).toBeLessThan(b10[i]);
  });

  it('perplexity above n - 1 is refused: no row can reach it', () => {
    const D = squaredDistances(X);
    expect(() => conditionalProbabilities(D, n, n)).toThrow(
      /^conditionalProbabilities: perplexity/);
  });

  it('joint P is symmetric, sums to 1, is (p_{j|i} + p_{i|j}) / 2n', () => {
    const { Xs, Ps } = small();
    const { P: C } = conditionalProbabilities(squaredDistances(Xs), 12, 4);
    let s = 0;
    for (const v of Ps) s += v;
    expect(Math.abs(s - 1)).toBeLessThan(1e-14);
    expect(Ps[1 * 12 + 5]).toBe(Ps[5 * 12 + 1]);
    expect(Ps[1 * 12 + 5]).toBeCloseTo((C[17] + C[61]) / 24, 16);
  });

  it('joint P matches sklearn _joint_probabilities to 1e-14', () => {
    // sklearn 1.2.1 keeps p_{j|i} in float64 (the float32 distances are
    // exact integers here): only summation order differs; measured 2e-17
    expect(maxDiff(condensed(P, n), sk.P)).toBeLessThan(1e-14);
  });
});

describe('objective, Eqs. (tsne-kl)-(tsne-gradient)', () => {
  it('the gradient of KL agrees with finite differences', () => {
    const { Ps, Y } = small();
    const f = (v: Float64Array) =>
      klDivergence(Ps, new Matrix(12, 2, v)).kl;
    const g = (v: Float64Array) =>
      klDivergence(Ps, new Matrix(12, 2, v)).grad;
    expect(gradientCheck(f, g, Y.data).ok).toBe(true);
  });

  it('KL is 0 and the gradient vanishes when P is the map\'s own Q', () => {
    const { Y } = small();
    const Q = new Float64Array(144);
    let z = 0;
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j < 12; j++) {
        if (i === j) continue;
        const dx = Y.get(i, 0) - Y.get(j, 0), dy = Y.get(i, 1) - Y.get(j, 1);
        Q[i * 12 + j] = 1 / (1 + dx * dx + dy * dy);
        z += Q[i * 12 + j];
      }
    }
    for (let k = 0; k < 144; k++) Q[k] /= z;
    const { kl, grad } = klDivergence(Q, Y);
    expect(Math.abs(kl)).toBeLessThan(1e-14);
    expect(maxDiff(grad, new Float64Array(24))).toBeLessThan(1e-14);
  });

  it('KL is positive for a map that is not P\'s own', () => {
    const { Ps, Y } = small();
    expect(klDivergence(Ps, Y).kl).toBeGreaterThan(0);
  });
});

describe('optimiser, as sklearn\'s exact method runs it', () => {
  const stable = sk.runs.stable, unstable = sk.runs.unstable;

  it('after 10 iterations the map equals sklearn\'s to 1e-8 (relative)',
    () => {
      for (const run of [stable, unstable]) {
        const r = tsne(P, init, { learningRate: run.learning_rate,
          nIter: 10 });
        expect(maxDiff(r.Y.data, run.after10) /
          maxAbs(run.after10)).toBeLessThan(1e-8);
      }
    });

  it('at eta = 5, after 1000 iterations, map and KL match sklearn\'s', () => {
    expect(full.iterations).toBe(stable.n_iter);
    expect(maxDiff(full.Y.data, stable.Y) / maxAbs(stable.Y))
      .toBeLessThan(1e-8);
    expect(Math.abs(full.kl - stable.kl)).toBeLessThan(1e-9);
  });

  it('at eta = 100 the final KL lies within 4 sd of sklearn\'s spread',
    () => {
      const kls: number[] = unstable.spread.kl;
      let m = 0, v = 0;
      for (const k of kls) m += k / kls.length;
      for (const k of kls) v += (k - m) ** 2 / (kls.length - 1);
      const r = tsne(P, init, { learningRate: 100, nIter: sk.n_iter });
      expect(Math.abs(r.kl - m)).toBeLessThan(4 * Math.sqrt(v));
    });

  it('a 1e-12 nudge of the start changes the eta = 100 map visibly', () => {
    const nudged = new Matrix(n, 2, init.data.map((v, k) =>
      v * (1 + 1e-12 * Math.sin(k))));
    const a = tsne(P, init, { learningRate: 100, nIter: 250 });
    const b = tsne(P, nudged, { learningRate: 100, nIter: 250 });
    expect(maxDiff(a.Y.data, b.Y.data)).toBeGreaterThan(1e-2);
  });

  it('on raw pixels T(5) of our map is sklearn\'s plus one tie unit', () => {
    // the maps agree to 1e-8; one tie ordered the other way moves T(5)
    // by one penalty unit, here upwards (two-sided, exact)
    const unit = 2 / (n * 5 * (2 * n - 15 - 1));
    const d = trustworthiness(X, full.Y, 5) - stable.trust;
    expect(Math.abs(d - unit)).toBeLessThan(1e-12);
  });

  it('records KL every 50 iterations, 20 times in 1000', () => {
    expect(full.history.length).toBe(20);
    expect(full.history[19][0]).toBe(1000);
  });

  it('each phase stops at its first check once ||g|| <= minGradNorm', () => {
    // phase 1 stops at iteration 49; as in sklearn, phase 2 then starts
    // at 50 and stops at its own first check, 99
    const r = tsne(P, init, { learningRate: 5, minGradNorm: 1e9 });
    expect(r.iterations).toBe(99);
  });

  it('with alpha = 12, phase 1 scrambles the map at eta = 100, not 5',
    () => {
      const hot = tsne(P, init, { learningRate: 100, nIter: 250 });
      const calm = tsne(P, init, { learningRate: 5, nIter: 250 });
      expect(trustworthiness(X, hot.Y, 5)).toBeLessThan(0.7);
      expect(trustworthiness(X, calm.Y, 5)).toBeGreaterThan(0.95);
    });
});

describe('trustworthiness, Eq. (tsne-trust)', () => {
  const noisy = new Matrix(n, 64, X.data.map((v, k) => v + sk.noise[k]));

  it('equals sklearn\'s to 1e-12 when no distances tie', () => {
    expect(Math.abs(trustworthiness(noisy, ySk, 5) -
      sk.trust_tiefree.k5)).toBeLessThan(1e-12);
    expect(Math.abs(trustworthiness(noisy, ySk, 10) -
      sk.trust_tiefree.k10)).toBeLessThan(1e-12);
  });

  it('on tied integer pixels it differs by at most one penalty unit', () => {
    const unit = 2 / (n * 5 * (2 * n - 15 - 1));
    const diff = Math.abs(trustworthiness(X, ySk, 5) - sk.runs.stable.trust);
    expect(diff).toBeLessThanOrEqual(unit * (1 + 1e-9));
  });

  it('is exactly 1 for a map that keeps every neighbour', () => {
    const { Xs } = small();
    expect(trustworthiness(Xs, Xs, 3)).toBe(1);
  });
});

describe('starting maps', () => {
  it('pcaInit is sklearn\'s scaled PCA start up to column signs', () => {
    const Z = pcaInit(X);
    const a = Z.data.map(Math.abs), b = sk.init.map(Math.abs);
    expect(maxDiff(a, b)).toBeLessThan(1e-15);
  });

  it('randomInit has standard deviation 1e-4 and repeats by seed', () => {
    const Z = randomInit(5000, 3);
    let v = 0;
    for (const z of Z.data) v += z * z / Z.data.length;
    expect(Math.abs(Math.sqrt(v) - 1e-4)).toBeLessThan(3e-6);
    expect(randomInit(5000, 3).data).toEqual(Z.data);
  });
});

describe('data for the studies', () => {
  it('stratified takes perClass rows of every label', () => {
    const s = stratified(digits.X, digits.y, 7, 1);
    const counts = new Int32Array(10);
    for (const c of s.y) counts[c]++;
    expect(Array.from(counts)).toEqual(new Array(10).fill(7));
  });

  it('clusters draws sizes[m] points around centre m', () => {
    const c = clusters([[0, 0, 0], [50, 0, 0]], [30, 20], [1, 1], 4);
    expect(c.X.rows).toBe(50);
    let m = 0;
    for (let i = 30; i < 50; i++) m += c.X.get(i, 0) / 20;
    expect(Math.abs(m - 50)).toBeLessThan(1);
  });

  it('in 10-d the relative distances crowd near 1, more than in 2-d', () => {
    const sd = (v: Float64Array) => {
      let s = 0;
      for (const x of v) s += (x - 1) ** 2 / v.length;
      return Math.sqrt(s);
    };
    expect(sd(relativeDistances(10, 200, 1))).toBeLessThan(
      0.6 * sd(relativeDistances(2, 200, 1)));
  });

  it('works at 400 points (160 000 entries of P) without trouble', () => {
    const big = new Matrix(400, 3, createRng(2).normalArray(1200));
    let s = 0;
    for (const v of jointProbabilities(big, 30)) s += v;
    expect(Math.abs(s - 1)).toBeLessThan(1e-12);
  });
});

describe('bad input', () => {
  it('affinities reject bad input', () => {
    rejectsBadInput(badInput.affinities);
  });
  it('the embedding functions reject bad input', () => {
    rejectsBadInput(badInput.embedding);
  });
  it('the data generators reject bad input', () => {
    rejectsBadInput(badInput.data);
  });
  it('the checks reject bad input', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  it('at eta = 5 the first phase ends at its first check (iter 49)', () => {
    const cut = tsne(P, init, { learningRate: 5, nIter: sk.n_iter,
      explorationIter: 50 });
    expect(maxDiff(cut.Y.data, full.Y.data)).toBe(0);
    expect(full.history[1][1]).toBeLessThan(1); // iteration 100: no alpha
  });

  it('at eta = 100 the first phase runs all 250 iterations', () => {
    const hot = tsne(P, init, { learningRate: 100, nIter: 300 });
    // the recorded value under alpha = 12 stays large until 250
    for (let c = 0; c < 5; c++) {
      expect(hot.history[c][1]).toBeGreaterThan(10);
      // and never improves on its first check: no progress
      expect(hot.history[c][1]).toBeGreaterThanOrEqual(hot.history[0][1]);
    }
    expect(hot.history[5][1]).toBeLessThan(1);
  });

  it('the eta = 100 band (4 sd) also holds the eta = 5 KL: a weak test',
    () => {
      const kls: number[] = sk.runs.unstable.spread.kl;
      let m = 0, v = 0;
      for (const k of kls) m += k / kls.length;
      for (const k of kls) v += (k - m) ** 2 / (kls.length - 1);
      expect(Math.abs(full.kl - m)).toBeLessThan(4 * Math.sqrt(v));
    });

  it('T on the tie-free copy: our eta = 5 map equals sklearn\'s', () => {
    const noisy = new Matrix(n, 64, X.data.map((v, k) => v + sk.noise[k]));
    expect(Math.abs(trustworthiness(noisy, full.Y, 5) -
      sk.trust_tiefree.k5)).toBeLessThan(1e-12);
    expect(Math.abs(trustworthiness(noisy, full.Y, 10) -
      sk.trust_tiefree.k10)).toBeLessThan(1e-12);
  });

  it('the noisy copy has no tied distances; the raw pixels have', () => {
    const ties = (A: Matrix) => {
      const D = squaredDistances(A);
      let t = 0;
      for (let i = 0; i < n; i++) {
        const row = Array.from(D.subarray(i * n, i * n + n))
          .filter((_, j) => j !== i).sort((a, b) => a - b);
        for (let j = 1; j < row.length; j++) {
          if (row[j] === row[j - 1]) t++;
        }
      }
      return t;
    };
    const noisy = new Matrix(n, 64, X.data.map((v, k) => v + sk.noise[k]));
    expect(ties(noisy)).toBe(0);
    expect(ties(X)).toBeGreaterThan(0);
  });

  it('a random map has E T(k) = 1 - (n-k)(n-k-1)/((n-1)(2n-3k-1))', () => {
    // Exercise 4: mean of 300 random maps of 30 random points, k = 3,
    // within 4 standard errors of the formula
    const m = 30, k = 3, runs = 300, rng = createRng(5);
    const Xr = new Matrix(m, 4, rng.normalArray(4 * m));
    const ts: number[] = [];
    for (let t = 0; t < runs; t++) {
      ts.push(trustworthiness(Xr, new Matrix(m, 2, rng.normalArray(2 * m)),
        k));
    }
    let mu = 0, v = 0;
    for (const x of ts) mu += x / runs;
    for (const x of ts) v += (x - mu) ** 2 / (runs - 1);
    const expected = 1 - ((m - k) * (m - k - 1)) /
      ((m - 1) * (2 * m - 3 * k - 1));
    expect(Math.abs(mu - expected)).toBeLessThan(4 * Math.sqrt(v / runs));
  });

  it('conditionalProbabilities returns the beta that each row holds', () => {
    const D = squaredDistances(X);
    const { P: C, beta } = conditionalProbabilities(D, n, 20);
    let worst = 0;
    for (const i of [0, 17, 99]) {
      let z = 0;
      for (let j = 0; j < n; j++) {
        if (j !== i) z += Math.exp(-beta[i] * D[i * n + j]);
      }
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const p = Math.exp(-beta[i] * D[i * n + j]) / z;
        worst = Math.max(worst, Math.abs(p - C[i * n + j]));
      }
    }
    expect(worst).toBeLessThan(1e-15);
  });
});
