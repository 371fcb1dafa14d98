// Tests for the rethinking-generalization chapter. Each `it` is one
// claim of the chapter; equation labels refer to
// chapters/papers/rethinking-generalization.mdx. The training uses only
// layers earlier chapters check against PyTorch (Linear, ReLU, Dropout,
// cross-entropy, Adam); the fixture tests/fixtures/
// rethinking-generalization/torch.json, written by
// scripts/reference/rethinking_generalization.py, checks the
// construction of Theorem 1 against NumPy's solver and a PyTorch network.
import { describe, expect, it } from 'vitest';
import { createRng } from '../code/introduction/random.ts';
import { Matrix, matmul } from '../code/linear-algebra/matrix.ts';
import { digitsRows } from '../code/softmax-regression/experiments.ts';
import {
  corruptLabels, gaussianInputs, permutePixels, randomPermutation,
  randomPixels,
} from '../code/rethinking-generalization/randomize.ts';
import {
  constructionSize, fitConstruction, fitConstructionAlong,
  predictConstruction,
} from '../code/rethinking-generalization/construction.ts';
import { memorize } from '../code/rethinking-generalization/memorize.ts';
import { expectedAgreement } from '../code/rethinking-generalization/solutions/agreement.ts';
import { permuteRows } from '../code/rethinking-generalization/solutions/shuffled.ts';
import { assertAllClose } from '../code/introduction/check.ts';
import { evaluate, fit } from '../code/multilayer-perceptron/train.ts';
import { adam } from '../code/neural-optimizers/optimizers.ts';
import {
  deepNet,
} from '../code/initialization-and-normalization/experiments.ts';
import { rejectsBadInput } from './bad-input.ts';
import { fixture } from './helpers.ts';
import { badInput } from './bad-input/rethinking-generalization.ts';

/** An n x d matrix whose row i is i·d, i·d + 1, …: all entries differ. */
function distinct(n: number, d: number): Matrix {
  return new Matrix(n, d, Float64Array.from({ length: n * d }, (_, k) => k));
}

function isPermutation(a: ArrayLike<number>, d: number): boolean {
  const seen = new Set<number>();
  for (let j = 0; j < a.length; j++) seen.add(a[j]);
  return a.length === d && seen.size === d &&
    [...seen].every((v) => Number.isInteger(v) && v >= 0 && v < d);
}

function sortedRow(X: Matrix, i: number): number[] {
  return Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols))
    .sort((a, b) => a - b);
}

/** Labels as one column of reals, or one-hot in k columns. */
function targets(y: Int32Array, k: number): Matrix {
  const Y = new Matrix(y.length, k);
  for (let i = 0; i < y.length; i++) {
    if (k === 1) Y.data[i] = y[i];
    else Y.data[i * k + y[i]] = 1;
  }
  return Y;
}

const digits = digitsRows([...Array(200).keys()]);

describe('label corruption, Eq. (rg-corrupt)', () => {
  it('p = 0 changes nothing and the input is not modified', () => {
    const y = Int32Array.from(digits.y);
    const out = corruptLabels(y, 0, 10, createRng(1));
    expect(Array.from(out)).toEqual(Array.from(digits.y));
    corruptLabels(y, 1, 10, createRng(1));
    expect(Array.from(y)).toEqual(Array.from(digits.y));
  });

  it('random labels (p = 1) agree with the truth 1/c of the time ' +
    '(10⁵ labels, within 4 standard errors)', () => {
    const n = 100000;
    const y = Int32Array.from({ length: n }, (_, i) => i % 10);
    const out = corruptLabels(y, 1, 10, createRng(2));
    let same = 0;
    const counts = new Array(10).fill(0);
    for (let i = 0; i < n; i++) {
      if (out[i] === y[i]) same++;
      counts[out[i]]++;
    }
    const se = Math.sqrt(0.1 * 0.9 / n);
    expect(Math.abs(same / n - 0.1)).toBeLessThan(4 * se);
    for (const c of counts) { // each class about n/10 times
      expect(Math.abs(c / n - 0.1)).toBeLessThan(4 * se);
    }
  });

  it('exercise: agreement 1 − p(1 − 1/c) at p = 0.5, c = 10 (10⁵ ' +
    'labels, within 4 standard errors)', () => {
    const n = 100000, p = 0.5;
    const y = Int32Array.from({ length: n }, (_, i) => i % 10);
    const out = corruptLabels(y, p, 10, createRng(3));
    let same = 0;
    for (let i = 0; i < n; i++) if (out[i] === y[i]) same++;
    const q = expectedAgreement(p, 10);
    expect(q).toBeCloseTo(0.55, 15);
    expect(Math.abs(same / n - q)).toBeLessThan(4 * Math.sqrt(q * (1 - q) / n));
  });

  it('one seed nests the corruptions: every label changed at p = 0.3 ' +
    'is changed, to the same class, at p = 0.6', () => {
    const y = Int32Array.from(digits.y);
    const a = corruptLabels(y, 0.3, 10, createRng(4));
    const b = corruptLabels(y, 0.6, 10, createRng(4));
    let changedA = 0, changedB = 0;
    for (let i = 0; i < y.length; i++) {
      if (a[i] !== y[i]) { changedA++; expect(b[i]).toBe(a[i]); }
      if (b[i] !== y[i]) changedB++;
    }
    expect(changedA).toBeGreaterThan(0);
    expect(changedB).toBeGreaterThan(changedA);
  });
});

describe('pixel randomizations', () => {
  it('randomPermutation returns a permutation, different per draw', () => {
    const rng = createRng(5);
    const a = randomPermutation(64, rng), b = randomPermutation(64, rng);
    expect(isPermutation(a, 64) && isPermutation(b, 64)).toBe(true);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('shuffled pixels: column j of every image is its column perm[j]',
    () => {
      const X = distinct(5, 7);
      const perm = randomPermutation(7, createRng(6));
      const S = permutePixels(X, perm);
      for (let i = 0; i < 5; i++) {
        for (let j = 0; j < 7; j++) {
          expect(S.get(i, j)).toBe(X.get(i, perm[j]));
        }
      }
    });

  it('random pixels: each image keeps its values, under its own ' +
    'permutation (not one shared by all: that is shuffled pixels)', () => {
    const n = 50, d = 16;
    const X = distinct(n, d);
    const R = randomPixels(X, createRng(7));
    const perms = new Set<string>();
    for (let i = 0; i < n; i++) {
      expect(sortedRow(R, i)).toEqual(sortedRow(X, i));
      const p = Array.from({ length: d }, (_, j) => R.get(i, j) - i * d);
      expect(isPermutation(p, d)).toBe(true);
      perms.add(p.join(','));
    }
    expect(perms.size).toBe(n); // 50 draws from 16!: no repeats
  });

  it('Gaussian inputs match the mean and variance of all pixels ' +
    '(2 × 10⁵ entries, within 4 standard errors)', () => {
    const X = new Matrix(2000, 100, createRng(8).uniformArray(200000));
    const G = gaussianInputs(X, createRng(9));
    const stats = (a: Float64Array) => {
      let m = 0;
      for (const v of a) m += v / a.length;
      let s = 0;
      for (const v of a) s += (v - m) ** 2 / a.length;
      return { m, s };
    };
    const x = stats(X.data), g = stats(G.data);
    const N = X.data.length;
    expect(Math.abs(g.m - x.m)).toBeLessThan(4 * Math.sqrt(x.s / N));
    // Var of a normal sample variance: 2σ⁴/N
    expect(Math.abs(g.s - x.s)).toBeLessThan(4 * Math.sqrt(2 / N) * x.s);
  });

  it('exercise: a first layer with permuted rows computes the same ' +
    'on shuffled pixels as the original on the images', () => {
    const rng = createRng(10);
    const X = new Matrix(6, 9, rng.normalArray(54));
    const W = new Matrix(9, 4, rng.normalArray(36));
    const perm = randomPermutation(9, rng);
    const a = matmul(X, W), b = matmul(permutePixels(X, perm),
      permuteRows(W, perm));
    for (let k = 0; k < a.data.length; k++) {
      expect(b.data[k]).toBeCloseTo(a.data[k], 12);
    }
  });
});

describe('Theorem 1, constructively (Eqs. rg-interleave, rg-triangular)',
  () => {
    // called in each test, not in the describe body (which runs before
    // Stryker activates a mutant) nor in a beforeAll (which would make
    // every mutant it reaches rerun the whole file)
    const randomLabels = () => corruptLabels(digits.y, 1, 10,
      createRng(11));

    it('fits 200 random labels given as reals to 10⁻⁹, with 2n + d ' +
      'parameters', () => {
      const y = randomLabels();
      const net = fitConstruction(digits.X, targets(y, 1), createRng(12));
      const out = predictConstruction(net, digits.X);
      for (let i = 0; i < 200; i++) {
        expect(Math.abs(out.data[i] - y[i])).toBeLessThan(1e-9);
      }
      expect(constructionSize(net)).toBe(2 * 200 + 64);
    });

    it('with one-hot targets the largest output is every random label',
      () => {
        const y = randomLabels();
        const net = fitConstruction(digits.X, targets(y, 10),
          createRng(13));
        const out = predictConstruction(net, digits.X);
        for (let i = 0; i < 200; i++) {
          let best = 0;
          for (let c = 1; c < 10; c++) {
            if (out.get(i, c) > out.get(i, best)) best = c;
          }
          expect(best).toBe(y[i]);
        }
      });

    it('the thresholds interleave the sorted projections: ' +
      'b₁ < z₍₁₎ < b₂ < … < b_n < z₍n₎', () => {
      const y = randomLabels();
      const net = fitConstruction(digits.X, targets(y, 1), createRng(14));
      const z = Array.from({ length: 200 }, (_, i) => {
        let s = 0;
        for (let j = 0; j < 64; j++) s += digits.X.get(i, j) * net.a[j];
        return s;
      }).sort((p, q) => p - q);
      for (let j = 0; j < 200; j++) {
        expect(net.b[j]).toBeLessThan(z[j]);
        if (j > 0) expect(net.b[j]).toBeGreaterThan(z[j - 1]);
      }
    });

    it('the matrix A is lower triangular: unit j is off at the points ' +
      'below b_j', () => {
      // the output at the smallest projection uses only the first unit
      const X = new Matrix(3, 1, Float64Array.of(2, 0, 1));
      const net = fitConstruction(X, new Matrix(3, 1,
        Float64Array.of(5, -1, 3)), createRng(15));
      const out = predictConstruction(net, X);
      expect(Array.from(out.data).map((v) => Math.round(v * 1e9) / 1e9))
        .toEqual([5, -1, 3]);
      const zMin = Math.min(0, 2 * net.a[0]); // a₀·x at x = 0 or 2
      expect(net.b.filter((b) => b < zMin).length).toBe(1);
    });

    it('two equal inputs with different labels cannot be fitted: it ' +
      'throws', () => {
      const X = new Matrix(3, 2, Float64Array.of(1, 2, 1, 2, 0, 1));
      expect(() => fitConstruction(X, new Matrix(3, 1,
        Float64Array.of(0, 1, 0)), createRng(16)))
        .toThrow(/fitConstruction: rows 0 and 1|rows 1 and 0/);
    });
  });

describe('against NumPy and PyTorch', () => {
  const ref = fixture('rethinking-generalization', 'torch.json');
  const X = new Matrix(ref.n, ref.d, Float64Array.from(ref.X));
  const XNew = new Matrix(10, ref.d, Float64Array.from(ref.XNew));
  const a = Float64Array.from(ref.a);
  // W solves a triangular system whose pivots are half the gaps
  // between neighbouring projections: its entries reach ~2·10³, so
  // the two solvers (forward substitution, LU) agree to ~10⁻¹¹
  // relative to 1 + |reference| (the page prints the largest).
  const TOL = { rtol: 1e-9, atol: 1e-9 };

  function check(key: 'real' | 'oneHot') {
    const r = ref[key];
    const Y = new Matrix(ref.n, r.k, Float64Array.from(r.Y));
    const net = fitConstructionAlong(X, Y, a);
    assertAllClose(net.b, r.b, TOL);
    assertAllClose(net.W.data, r.W, TOL);
    assertAllClose(predictConstruction(net, X).data, r.out, TOL);
    assertAllClose(predictConstruction(net, XNew).data, r.outNew, TOL);
  }

  it('labels as reals: thresholds, weights (np.linalg.solve) and ' +
    'outputs at training and new points (torch) to 1e-9', () => {
    check('real');
  });

  it('one-hot labels: the same to 1e-9', () => {
    check('oneHot');
  });
});

describe('memorization run', () => {
  it('a 64-64-10 network fits 40 random labels exactly (training ' +
    'error 0) in at most 100 epochs', () => {
    const small = digitsRows([...Array(40).keys()]);
    const y = corruptLabels(small.y, 1, 10, createRng(17));
    const r = memorize(small.X, y, { hidden: 64, classes: 10,
      maxEpochs: 100, batchSize: 10, eta: 0.01, seed: 1 });
    expect(r.epochsToFit).not.toBeNull();
    expect(r.history.length).toBe(r.epochsToFit);
    expect(r.history[r.history.length - 1].trainAccuracy).toBe(1);
    expect(r.history[r.history.length - 2].trainAccuracy).toBeLessThan(1);
  });

  it('it stops at maxEpochs and says so (null) when it has not fitted',
    () => {
      const small = digitsRows([...Array(40).keys()]);
      const y = corruptLabels(small.y, 1, 10, createRng(17));
      const r = memorize(small.X, y, { hidden: 8, classes: 10,
        maxEpochs: 2, batchSize: 10, eta: 0.01, seed: 1 });
      expect(r.epochsToFit).toBeNull();
      expect(r.history.length).toBe(2);
      expect(r.history[1].trainAccuracy).toBeLessThan(1);
    });
});

describe('bad input', () => {
  it('randomizations reject bad input', () => {
    rejectsBadInput(badInput.randomize);
  });
  it('the construction rejects bad input', () => {
    rejectsBadInput(badInput.construction);
  });
  it('memorize rejects bad input', () => {
    rejectsBadInput(badInput.training);
  });
  it('the solutions reject bad input', () => {
    rejectsBadInput(badInput.solutions);
  });
  it('the checks reject bad input', () => {
    rejectsBadInput(badInput.checks);
  });
  it('generators and networks are checked', () => {
    const X = new Matrix(2, 2, Float64Array.of(1, 2, 3, 4));
    expect(() => randomPixels(X, null as never))
      .toThrow(/^randomPixels: rng/);
    expect(() => corruptLabels([0, 1], 0.5, 2, {} as never))
      .toThrow(/^corruptLabels: rng/);
    expect(() => predictConstruction({} as never, X))
      .toThrow(/^predictConstruction: net/);
    expect(() => constructionSize(null as never))
      .toThrow(/^constructionSize: net/);
    expect(() => permutePixels(X, [0, 0]))
      .toThrow(/^permutePixels: perm must be a permutation/);
  });
});

describe('review', () => {
  const randomLabels = () => corruptLabels(digits.y, 1, 10,
    createRng(31));

  it('the diagonal of A is half the gap between neighbouring sorted ' +
    'projections (the first: the whole gap), as the pitfalls say', () => {
    const y = randomLabels();
    const net = fitConstruction(digits.X, targets(y, 1), createRng(32));
    const z = Array.from({ length: 200 }, (_, i) => {
      let s = 0;
      for (let j = 0; j < 64; j++) s += digits.X.get(i, j) * net.a[j];
      return s;
    }).sort((p, q) => p - q);
    expect(z[0] - net.b[0]).toBeCloseTo(z[1] - z[0], 12);
    for (let i = 1; i < 200; i++) {
      expect(z[i] - net.b[i]).toBeCloseTo((z[i] - z[i - 1]) / 2, 12);
    }
  });

  it('Eq. (rg-rademacher), empirically: for random signs ξ the ' +
    'construction realizes h = 1{ξ = 1}, so Σ ξᵢ h(xᵢ) = #{ξᵢ = 1}', () => {
    const rng = createRng(33);
    for (let trial = 0; trial < 5; trial++) {
      const xi = Array.from({ length: 200 },
        () => (rng.uniform() < 0.5 ? -1 : 1));
      const h = new Matrix(200, 1,
        Float64Array.from(xi, (s) => (s === 1 ? 1 : 0)));
      const net = fitConstruction(digits.X, h, rng);
      const out = predictConstruction(net, digits.X);
      let corr = 0, ones = 0;
      for (let i = 0; i < 200; i++) {
        corr += xi[i] * Math.round(out.data[i]);
        if (xi[i] === 1) ones++;
      }
      expect(corr).toBe(ones);
    }
  });

  it('predictConstruction rejects thresholds that are not increasing ' +
    '(its loop stops at the first threshold above the input)', () => {
    const y = randomLabels();
    const net = fitConstruction(digits.X, targets(y, 1), createRng(35));
    const bad = { ...net, b: Float64Array.from(net.b).reverse() };
    expect(() => predictConstruction(bad, digits.X))
      .toThrow(/^predictConstruction: net.b must be strictly increasing/);
    const nan = { ...net, a: Float64Array.from(net.a, () => NaN) };
    expect(() => predictConstruction(nan, digits.X))
      .toThrow(/^predictConstruction: net.a must be finite/);
  });

  it('constructionSize names itself on a net without a or b', () => {
    const y = randomLabels();
    const net = fitConstruction(digits.X, targets(y, 1), createRng(36));
    expect(() => constructionSize({ W: net.W } as never))
      .toThrow(/^constructionSize: net must come from fitConstruction/);
  });

  it('the quoted Table 1 says what the prose says: every training ' +
    'accuracy ≥ 99.34%, random labels at chance within a point, and ' +
    'regularizers move test accuracy less than the architecture', () => {
    const t = fixture('rethinking-generalization', 'paper-table1.json');
    const rows = t.rows as { model: string; crop: boolean; wd: boolean;
      random: boolean; train: number; test: number }[];
    expect(rows.length).toBe(19);
    expect(Math.min(...rows.map((r) => r.train))).toBe(99.34);
    for (const r of rows.filter((q) => q.random)) {
      expect(r.crop || r.wd).toBe(false); // random labels: both off
      expect(Math.abs(r.test - 10)).toBeLessThan(1);
    }
    const models = [...new Set(rows.map((r) => r.model))];
    const none = models.map((m) => rows.find((r) => r.model === m &&
      !r.random && !r.crop && !r.wd)!.test);
    const gain = models.map((m, k) => Math.max(...rows.filter((r) =>
      r.model === m && !r.random).map((r) => r.test)) - none[k]);
    expect(Math.max(...gain))
      .toBeLessThan(Math.max(...none) - Math.min(...none));
  });
});

describe('mutation gaps', () => {
  const X = new Matrix(3, 2, Float64Array.of(1, 2, 3, 5, 0, 1));
  const Y = new Matrix(3, 1, Float64Array.of(1, -1, 2));
  const mo = { hidden: 4, classes: 3, maxEpochs: 1, batchSize: 2,
    eta: 0.01, seed: 1 };
  const y3 = Int32Array.of(0, 1, 2);

  it('every function that takes a generator refuses a non-generator, ' +
    'naming itself', () => {
    const fnRng = Object.assign(() => 0, { uniform: () => 0,
      normalArray: () => 0 }); // a function is not a generator
    for (const bad of [null, 3, {}, { uniform: () => 0 },
      { normalArray: () => 0 }, fnRng]) {
      const r = bad as never;
      const msg = (fn: string) => `${fn}: rng must be a generator from ` +
        'createRng';
      expect(() => corruptLabels([0, 1], 0.5, 2, r))
        .toThrow(msg('corruptLabels'));
      expect(() => randomPermutation(3, r))
        .toThrow(msg('randomPermutation'));
      expect(() => randomPixels(X, r)).toThrow(msg('randomPixels'));
      expect(() => gaussianInputs(X, r)).toThrow(msg('gaussianInputs'));
      expect(() => fitConstruction(X, Y, r))
        .toThrow(msg('fitConstruction'));
    }
  });

  it('counts, labels and probabilities: the name, the bound and the ' +
    'value', () => {
    expect(() => randomPermutation(0, createRng(1)))
      .toThrow('randomPermutation: d must be an integer >= 1, got 0');
    expect(Array.from(randomPermutation(1, createRng(1)))).toEqual([0]);
    expect(() => corruptLabels([0, 1], 0.5, 1, createRng(1)))
      .toThrow('corruptLabels: classes must be an integer >= 2, got 1');
    for (const bad of [2, -1, 0.5]) {
      expect(() => corruptLabels([0, bad], 0.5, 2, createRng(1)))
        .toThrow(`corruptLabels: y must hold integers in [0, 2), got ` +
          `${bad} at 1`);
    }
    expect(() => corruptLabels([0, 1], 1.5, 2, createRng(1)))
      .toThrow('corruptLabels: p must be in [0, 1], got 1.5');
    expect(() => expectedAgreement(0.5, 1))
      .toThrow('expectedAgreement: classes must be an integer >= 2, ' +
        'got 1');
    expect(() => expectedAgreement(-0.5, 2))
      .toThrow('expectedAgreement: p must be in [0, 1], got -0.5');
    expect(expectedAgreement(1, 2)).toBe(0.5);
  });

  it('matrices and permutations are checked, with the offending entry',
    () => {
      expect(() => permutePixels(3 as never, [0, 1]))
        .toThrow('permutePixels: X must be a Matrix, got 3');
      const bad = new Matrix(1, 2, Float64Array.of(1, NaN));
      expect(() => gaussianInputs(bad, createRng(1)))
        .toThrow('gaussianInputs: X must be finite, got NaN at entry 1');
      expect(() => permutePixels(X, [0]))
        .toThrow('permutePixels: perm must have length 2, got 1');
      for (const [perm, k, j] of [[[1, 1], 1, 1], [[0, 2], 2, 1],
        [[-1, 0], -1, 0], [[0.5, 1], 0.5, 0]] as const) {
        expect(() => permutePixels(X, perm))
          .toThrow(`permutePixels: perm must be a permutation of 0 … 1, ` +
            `got ${k} at ${j}`);
      }
      const W = new Matrix(2, 1, Float64Array.of(3, 4));
      expect(Array.from(permuteRows(W, [1, 0]).data)).toEqual([4, 3]);
      expect(() => permuteRows(W, [1, 1]))
        .toThrow('permuteRows: perm must be a permutation of 0 … 1, got 1 ' +
          'at 1');
    });

  it('the construction checks its targets, its direction and the net ' +
    'it is given, by name', () => {
    expect(() => fitConstruction(X, new Matrix(2, 1), createRng(1)))
      .toThrow('fitConstruction: Y must have 3 rows (one per row of X), ' +
        'got 2');
    const fn = 'fitConstructionAlong';
    expect(() => fitConstructionAlong(X, Y, Float64Array.of(1, 2, 3)))
      .toThrow(`${fn}: a must be a Float64Array of length 2 (one weight ` +
        'per column of X), got 3');
    expect(() => fitConstructionAlong(X, Y, [1, 2] as never))
      .toThrow(`${fn}: a must be a Float64Array of length 2 (one weight ` +
        'per column of X), got 2');
    expect(() => fitConstructionAlong(X, Y, Float64Array.of(1, NaN)))
      .toThrow(`${fn}: a must be finite, got NaN at 1`);
    const net = fitConstructionAlong(X, Y, Float64Array.of(1, 0.5));
    const p = 'predictConstruction';
    expect(() => predictConstruction(net, new Matrix(1, 3)))
      .toThrow(`${p}: X must have 2 columns, got 3`);
    const W = new Matrix(3, 1, Float64Array.of(1, NaN, 0));
    expect(() => predictConstruction({ ...net, W }, X))
      .toThrow(`${p}: net.W must be finite, got NaN at entry 1`);
    expect(() => predictConstruction({ ...net, W: new Matrix(2, 1) }, X))
      .toThrow(`${p}: net must come from fitConstruction`);
    const b = Float64Array.from(net.b);
    b[2] = Infinity;
    expect(() => predictConstruction({ ...net, b }, X))
      .toThrow(`${p}: net.b must be finite, got Infinity`);
    const flat = Float64Array.from(net.b);
    flat[2] = flat[1];
    expect(() => predictConstruction({ ...net, b: flat }, X))
      .toThrow(`${p}: net.b must be strictly increasing, got ${flat[1]} ` +
        `then ${flat[1]} at 2`);
    for (const bad of [null, { ...net, a: [1, 0.5] },
      { ...net, b: [0, 1, 2] }, { ...net, W: [] }]) {
      expect(() => predictConstruction(bad as never, X))
        .toThrow(`${p}: net must come from fitConstruction`);
    }
  });

  it('one point: its threshold is 1 below its projection, and it is ' +
    'fitted', () => {
    const one = new Matrix(1, 2, Float64Array.of(2, 3));
    const net = fitConstructionAlong(one, new Matrix(1, 1,
      Float64Array.of(7)), Float64Array.of(1, 1));
    expect(Array.from(net.b)).toEqual([4]); // z = 5
    expect(Array.from(net.W.data)).toEqual([7]);
    expect(predictConstruction(net, one).data[0]).toBe(7);
    // below every threshold the network outputs 0
    expect(predictConstruction(net, new Matrix(1, 2,
      Float64Array.of(1, 1))).data[0]).toBe(0);
  });

  it('hand-computed: z = (4, 10.5, 1.5) along a = (1, 1.5); ' +
    'thresholds −1, 2.75, 7.25; outputs fitted exactly', () => {
    const net = fitConstructionAlong(X, Y, Float64Array.of(1, 1.5));
    // sorted z: 1.5 (row 2), 4 (row 0), 10.5 (row 1); b₀ = 1.5 − 2.5
    expect(Array.from(net.b)).toEqual([-1, 2.75, 7.25]);
    // W₀ = 2/2.5 = 0.8; W₁ = (1 − 5·0.8)/1.25 = −2.4;
    // W₂ = (−1 − 11.5·0.8 + 7.75·2.4)/3.25 = 8.4/3.25
    assertAllClose(net.W.data, [0.8, -2.4, 8.4 / 3.25],
      { rtol: 1e-14, atol: 0 });
    assertAllClose(predictConstruction(net, X).data, [1, -1, 2],
      { rtol: 0, atol: 1e-13 });
    expect(constructionSize(net)).toBe(2 + 3 + 3);
    // the input is copied, not kept
    const a = Float64Array.of(1, 1.5);
    const n2 = fitConstructionAlong(X, Y, a);
    a[0] = 9;
    expect(n2.a[0]).toBe(1);
  });

  it('memorize checks its options, naming each with its bound', () => {
    const m = 'memorize';
    expect(() => memorize(X, y3, null as never))
      .toThrow(`${m}: options must be an object, got null`);
    expect(() => memorize(X, y3, 3 as never))
      .toThrow(`${m}: options must be an object, got 3`);
    expect(() => memorize(X, y3, { ...mo, classes: 1 }))
      .toThrow(`${m}: classes must be an integer >= 2, got 1`);
    expect(() => memorize(X, Int32Array.of(0, 3, 1), mo))
      .toThrow(`${m}: y must hold integers in [0, 3), got 3 at 1`);
    expect(() => memorize(X, Int32Array.of(0, 1), mo))
      .toThrow(`${m}: y must have 3 labels (one per row of X), got 2`);
    for (const [k, v, min] of [['hidden', 0, 1], ['maxEpochs', 0, 1],
      ['batchSize', 0, 1], ['seed', -1, 0]] as const) {
      expect(() => memorize(X, y3, { ...mo, [k]: v }))
        .toThrow(`${m}: ${k} must be an integer >= ${min}, got ${v}`);
    }
    expect(() => memorize(X, y3, { ...mo, hidden: '4' as never }))
      .toThrow(`${m}: hidden must be an integer >= 1, got 4`);
    for (const eta of [0, -1, Infinity, '0.1']) {
      expect(() => memorize(X, y3, { ...mo, eta: eta as never }))
        .toThrow(`${m}: eta must be a finite number > 0, got ${eta}`);
    }
    for (const wd of [-1, NaN, '0.1']) {
      expect(() => memorize(X, y3, { ...mo, weightDecay: wd as never }))
        .toThrow(`${m}: weightDecay must be a finite number >= 0, ` +
          `got ${wd}`);
    }
    expect(() => memorize(X, y3, { ...mo, dropout: 1 }))
      .toThrow(`${m}: dropout must be < 1, got 1`);
    expect(() => memorize(X, y3, { ...mo, dropout: -0.5 }))
      .toThrow(`${m}: dropout must be in [0, 1], got -0.5`);
  });

  it('memorize: ⌈n / batch⌉ steps an epoch, one history entry per ' +
    'epoch, and the model returned in evaluation mode', () => {
    const X5 = new Matrix(5, 2, createRng(2).normalArray(10));
    const r = memorize(X5, Int32Array.of(0, 1, 2, 0, 1), { ...mo,
      maxEpochs: 2, batchSize: 2, hidden: 2, dropout: 0.5 });
    expect(r.stepsPerEpoch).toBe(3);
    const epochs = r.epochsToFit ?? 2; // it stops once fitted
    expect(r.history.map((h) => h.epoch))
      .toEqual(Array.from({ length: epochs }, (_, i) => i + 1));
    const train = (r.model.layers as { training?: boolean }[])
      .filter((l) => l.training !== undefined);
    expect(train.length).toBeGreaterThan(0);
    expect(train.every((l) => l.training === false)).toBe(true);
  });

  it('memorize is Adam (with its weight decay) fitted one epoch at a ' +
    'time, minibatch seed 1000·seed + epoch, measured without dropout',
  () => {
    const X5 = new Matrix(6, 2, createRng(3).normalArray(12));
    const y5 = Int32Array.of(0, 1, 2, 0, 1, 2);
    const o = { ...mo, maxEpochs: 3, batchSize: 2, hidden: 5,
      dropout: 0.5, weightDecay: 0.1, seed: 2 };
    const r = memorize(X5, y5, o);
    // the same steps, written out
    const model = deepNet({ sizes: [2, 5, 3], scheme: 'he-normal',
      dropout: 0.5 }, createRng(2));
    const step = adam({ weightDecay: 0.1 });
    const want = [];
    for (let epoch = 1; epoch <= r.history.length; epoch++) {
      const [f] = fit(model, X5, y5, { epochs: 1, batchSize: 2,
        eta: o.eta, seed: 2000 + epoch, step });
      model.train(false);
      const { accuracy } = evaluate(model, X5, y5);
      model.train(true);
      want.push({ epoch, loss: f.trainLoss, trainAccuracy: accuracy });
    }
    expect(r.history).toEqual(want);
    const noDecay = memorize(X5, y5, { ...o, weightDecay: 0 });
    expect(noDecay.history[2].loss).not.toBe(r.history[2].loss);
  });

  it('corruptLabels takes two draws per label whatever p, and replaces ' +
    'a label only when its draw is below p', () => {
    const used = createRng(5);
    corruptLabels([0, 1, 2], 0.5, 3, used);
    const fresh = createRng(5);
    for (let i = 0; i < 3; i++) { fresh.uniform(); fresh.int(0, 3); }
    expect(used.uniform()).toBe(fresh.uniform());
    const peek = createRng(7);
    const u = peek.uniform(), k = peek.int(0, 10);
    const y = [(k + 1) % 10];
    expect(Array.from(corruptLabels(y, u, 10, createRng(7)))).toEqual(y);
    expect(() => corruptLabels(null as never, 0.5, 2, createRng(1)))
      .toThrow('corruptLabels: y must be an array, got null');
  });

  it('randomPixels draws one permutation per row and no more; it and ' +
    'permuteRows name a non-matrix', () => {
    const used = createRng(3);
    randomPixels(X, used);
    const fresh = createRng(3);
    for (let i = 0; i < X.rows; i++) randomPermutation(X.cols, fresh);
    expect(used.uniform()).toBe(fresh.uniform());
    expect(() => randomPixels(3 as never, createRng(1)))
      .toThrow('randomPixels: X must be a Matrix, got 3');
    expect(() => permuteRows(3 as never, [0]))
      .toThrow('permuteRows: W must be a Matrix, got 3');
  });

  it('the construction names equal rows in full, a missing direction, ' +
    'and a net that is a function', () => {
    const twin = new Matrix(3, 2, Float64Array.of(1, 2, 1, 2, 0, 1));
    expect(() => fitConstruction(twin, Y, createRng(16)))
      .toThrow(new RegExp('^fitConstruction: rows [01] and [01] of X ' +
        'project to the same point \\(equal rows\\?\\)$'));
    expect(() => fitConstructionAlong(X, Y, null as never))
      .toThrow('fitConstructionAlong: a must be a Float64Array of length ' +
        '2 (one weight per column of X), got undefined');
    const net = fitConstructionAlong(X, Y, Float64Array.of(1, 0.5));
    expect(() => predictConstruction(Object.assign(() => 0, net), X))
      .toThrow('predictConstruction: net must come from fitConstruction');
  });
});
