// Tests for the k-nearest-neighbours chapter. Each `it` is one claim of
// the chapter; equation labels refer to chapters/instance-based/
// k-nearest-neighbors.mdx. Monte-Carlo claims are checked within four
// standard errors computed from the simulation itself, with fixed seeds.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadIris } from '../code/calculus/iris.ts';
import { createRng } from '../code/introduction/random.ts';
import { moments } from '../code/introduction/stats.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { standardize } from '../code/linear-regression/scaling.ts';
import { crossValidate } from '../code/model-evaluation/cross-validation.ts';
import { kFoldIndices } from '../code/regularization/cross-validation.ts';
import {
  bruteForceNeighbors,
  emptyNeighbors,
  type Neighbors,
} from '../code/k-nearest-neighbors/brute.ts';
import { MAX_CLASSES, checkGrid } from '../code/k-nearest-neighbors/checks.ts';
import {
  argmaxRows,
  classScores,
  fitKnnClassifier,
  predictKnn,
  predictProbaKnn,
  voteScores,
} from '../code/k-nearest-neighbors/classifier.ts';
import {
  LINEAR,
  STEP,
  asymptoticRisks,
  drawLabelled,
  knnTestErrors,
} from '../code/k-nearest-neighbors/cover-hart.ts';
import {
  distanceConcentration,
  squaredDistanceMoments,
  treeWork,
} from '../code/k-nearest-neighbors/curse.ts';
import {
  addGap,
  fromReduced,
  reducedDistance,
} from '../code/k-nearest-neighbors/distance.ts';
import { NeighborHeap, before } from '../code/k-nearest-neighbors/heap.ts';
import {
  boxBound,
  buildKdTree,
  kdTreeNeighbors,
} from '../code/k-nearest-neighbors/kd-tree.ts';
import {
  kneighbors,
  knnIndex,
  neighborWeights,
} from '../code/k-nearest-neighbors/model.ts';
import {
  DIGITS_KS,
  WINE_KS,
  digitsKnnStudy,
  digitsSplit,
  interleavedFolds,
  irisSepals,
  pairedDifference,
  wineScalingStudy,
} from '../code/k-nearest-neighbors/real-data.ts';
import { decisionRegions } from '../code/k-nearest-neighbors/regions.ts';
import {
  fitKnnRegressor,
  predictKnnRegression,
} from '../code/k-nearest-neighbors/regressor.ts';
import { knnBiasVariance } from '../code/k-nearest-neighbors/bias-variance.ts';
import {
  cvErrorByK,
  errorRate,
  knnFitter,
} from '../code/k-nearest-neighbors/selection.ts';
import { condense } from '../code/k-nearest-neighbors/solutions/condensed.ts';
import { noisyWine } from '../code/k-nearest-neighbors/solutions/irrelevant.ts';
import { looByK } from '../code/k-nearest-neighbors/solutions/loo.ts';
import { radiusNeighbors } from '../code/k-nearest-neighbors/solutions/radius.ts';
import {
  WINE_SHA256,
  loadWine,
} from '../code/k-nearest-neighbors/wine.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/k-nearest-neighbors.ts';
import { fixture } from './helpers.ts';

const sk = fixture('k-nearest-neighbors', 'sklearn.json');

const f64 = (...xs: number[]) => Float64Array.from(xs);

/** The digits study (its CV takes a second), computed once. */
let digitsMemo: ReturnType<typeof digitsKnnStudy> | undefined;
const digits = () => (digitsMemo ??= digitsKnnStudy());
/** Under Stryker the study runs instrumented, for minutes on a busy
 *  machine: the tests that compute it may take that long there. */
const DIGITS_TIMEOUT = process.env.STRYKER_MUTATOR_WORKER ? 1_800_000
  : 20_000;

/** The page's wine study (raw and standardized CV for WINE_KS), once. */
let wineMemo: ReturnType<typeof wineScalingStudy> | undefined;
const wine = () => (wineMemo ??= wineScalingStudy());

/** An n × d matrix of the fixture's flat list. */
const mat = (flat: number[], d: number) =>
  new Matrix(flat.length / d, d, Float64Array.from(flat));

/** A seeded n × d matrix of uniform draws, or of integers 0..grid−1. */
function draw(n: number, d: number, seed: number, grid = 0): Matrix {
  const rng = createRng(seed);
  const data = Float64Array.from({ length: n * d }, () =>
    grid ? rng.int(0, grid) : rng.uniform());
  return new Matrix(n, d, data);
}

/** Row q of a neighbour list, as plain arrays. */
function row(nb: Neighbors, q: number) {
  const at = q * nb.k;
  return {
    indices: Array.from(nb.indices.subarray(at, at + nb.k)),
    distances: Array.from(nb.distances.subarray(at, at + nb.k)),
  };
}

/** Every (distance, index) pair of query q, sorted by Eq. (knn-order). */
function fullSort(X: Matrix, Q: Matrix, q: number, p: number) {
  return Array.from({ length: X.rows }, (_, i) => ({
    i, rho: reducedDistance(Q.data, q, X.data, i, X.cols, p),
  })).sort((a, b) => (before(a.rho, a.i, b.rho, b.i) ? -1 : 1));
}

const same = (a: Neighbors, b: Neighbors) =>
  a.indices.every((v, t) => v === b.indices[t]) &&
  a.distances.every((v, t) => Object.is(v, b.distances[t]));

// The input checks come first: under Stryker a mutant that only they
// catch stops at the first failing test, before the costly studies.

describe('bad input', () => {
  const X = draw(10, 2, 30);
  const Q = draw(3, 2, 31);

  it('bruteForceNeighbors names itself and the problem: k, shapes, NaN, p', () => {
    expect(() => bruteForceNeighbors(X, Q, 0)).toThrow(/^bruteForceNeighbors: k must be an integer in \[1, n = 10\], got 0/);
    expect(() => bruteForceNeighbors(X, Q, 11)).toThrow(/bruteForceNeighbors: k/);
    expect(() => bruteForceNeighbors(X, Q, 2.5)).toThrow(/bruteForceNeighbors: k/);
    expect(() => bruteForceNeighbors(X, draw(3, 3, 1), 2)).toThrow(/bruteForceNeighbors: X is 10x2, so the queries need 2 columns; Q is 3x3/);
    const bad = draw(3, 2, 1);
    bad.data[4] = NaN;
    expect(() => bruteForceNeighbors(X, bad, 2)).toThrow(/bruteForceNeighbors: Q .* NaN at \(2, 0\)/);
    expect(() => bruteForceNeighbors(X, Q, 2, 0.5)).toThrow(/bruteForceNeighbors: p must be a number >= 1/);
    expect(() => bruteForceNeighbors(X, Q, 2, NaN)).toThrow(/bruteForceNeighbors: p/);
    expect(() => bruteForceNeighbors(X.data as never, Q, 2)).toThrow(/bruteForceNeighbors: X and Q must be Matrix/);
  });

  it('buildKdTree and kdTreeNeighbors name themselves', () => {
    expect(() => buildKdTree(X, 0)).toThrow(/^buildKdTree: leafSize must be an integer >= 1, got 0/);
    expect(() => buildKdTree(X, 1.5)).toThrow(/buildKdTree: leafSize/);
    const bad = draw(4, 2, 1);
    bad.data[0] = Infinity;
    expect(() => buildKdTree(bad)).toThrow(/buildKdTree: X .* Infinity/);
    expect(() => buildKdTree([] as never)).toThrow(/buildKdTree: X must be a Matrix/);
    expect(() => kdTreeNeighbors(buildKdTree(X), Q, 20)).toThrow(/^kdTreeNeighbors: k/);
    expect(() => kdTreeNeighbors(buildKdTree(X), draw(2, 1, 1), 2)).toThrow(/kdTreeNeighbors: X is 10x2/);
  });

  it('fitKnnClassifier names itself: labels, k, weights, algorithm, leafSize', () => {
    const y = Int32Array.from({ length: 10 }, (_, i) => i % 2);
    expect(() => fitKnnClassifier(X, Int32Array.of(0, 1), { k: 1 })).toThrow(/^fitKnnClassifier: X is 10x2, so y must be an Int32Array of 10 labels; got length 2/);
    expect(() => fitKnnClassifier(X, Float64Array.from(y) as never, { k: 1 })).toThrow(/fitKnnClassifier: .*Int32Array/);
    expect(() => fitKnnClassifier(X, Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, -1), { k: 1 })).toThrow(/fitKnnClassifier: labels must lie in 0\.\.65535, got y\[9\] = -1/);
    expect(() => fitKnnClassifier(X, Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, MAX_CLASSES), { k: 1 })).toThrow(/fitKnnClassifier: labels/);
    expect(() => fitKnnClassifier(X, y, { k: 11 })).toThrow(/fitKnnClassifier: k must be an integer in \[1, n = 10\]/);
    expect(() => fitKnnClassifier(X, y, { k: 3, weights: 'inverse' as never })).toThrow(/fitKnnClassifier: weights must be 'uniform' or 'distance', got inverse/);
    expect(() => fitKnnClassifier(X, y, { k: 3, algorithm: 'ball-tree' as never })).toThrow(/fitKnnClassifier: algorithm must be 'brute' or 'kd-tree'/);
    expect(() => fitKnnClassifier(X, y, { k: 3, leafSize: 0 })).toThrow(/fitKnnClassifier: leafSize must be an integer >= 1/);
    expect(() => fitKnnClassifier(X, y, { k: 3, p: 0 })).toThrow(/fitKnnClassifier: p must be/);
    expect(() => fitKnnClassifier(X, y, null as never)).toThrow(/fitKnnClassifier: options must be an object/);
    expect(() => predictKnn(fitKnnClassifier(X, y, { k: 3 }), draw(2, 5, 1))).toThrow(/^predictKnn: the model has 2 features, so Q must be a Matrix with 2 columns; got 2x5/);
  });

  it('fitKnnRegressor, knnIndex and knnBiasVariance name themselves', () => {
    const y = X.col(0);
    expect(() => fitKnnRegressor(X, Float64Array.of(1, 2), { k: 1 })).toThrow(/^fitKnnRegressor: X is 10x2, so y must be a Float64Array of the same length/);
    const bad = Float64Array.from(y);
    bad[3] = NaN;
    expect(() => fitKnnRegressor(X, bad, { k: 1 })).toThrow(/fitKnnRegressor: y .* NaN at \[3\]/);
    expect(() => fitKnnRegressor(X, y, { k: 0 })).toThrow(/fitKnnRegressor: k/);
    expect(() => knnIndex('caller', X, { k: 2, p: -1 })).toThrow(/^caller: p/);
    expect(() => knnBiasVariance(X, y, Q, Q.col(0), -1, 2)).toThrow(/^knnBiasVariance: sigma must be finite and >= 0, got -1/);
    expect(() => knnBiasVariance(X, y, Q, y, 1, 2)).toThrow(/knnBiasVariance: need matrices/);
  });

  it('cvErrorByK, errorRate, pairedDifference and interleavedFolds name themselves', () => {
    const y = Int32Array.from({ length: 10 }, (_, i) => i % 2);
    const folds = kFoldIndices(10, 5);
    expect(() => cvErrorByK(X, y, folds, [9])).toThrow(/^cvErrorByK: ks must be integers in \[1, 8\]/);
    expect(() => cvErrorByK(X, y, folds, [])).toThrow(/cvErrorByK: ks/);
    expect(() => cvErrorByK(X, y, folds.slice(1), [1])).toThrow(/cvErrorByK: sample 0 is in no test set/);
    expect(() => cvErrorByK(X, Int32Array.of(1), folds, [1])).toThrow(/cvErrorByK: X is 10x2, so y must be/);
    expect(() => errorRate([1, 2], [1])).toThrow(/^errorRate: y and yHat must be non-empty and of one length, got y of 2 and yHat of 1/);
    expect(() => pairedDifference([1], [0])).toThrow(/^pairedDifference: a and b must be equally long/);
    expect(() => interleavedFolds(5, 6)).toThrow(/^interleavedFolds: need integers 2 <= k <= n, got n = 5, k = 6/);
  });

  it('decisionRegions, the curse experiments and the exercise solutions name themselves', () => {
    const m = fitKnnClassifier(X, Int32Array.from({ length: 10 }, (_, i) => i % 2), { k: 1 });
    expect(() => decisionRegions(m, { x0: 1, x1: 0, nx: 2, y0: 0, y1: 1, ny: 2 })).toThrow(/^decisionRegions: need/);
    expect(() => decisionRegions(m, { x0: 0, x1: 1, nx: 2.5, y0: 0, y1: 1, ny: 2 })).toThrow(/decisionRegions/);
    expect(() => squaredDistanceMoments(0)).toThrow(/^squaredDistanceMoments: d must be an integer >= 1, got 0/);
    expect(() => distanceConcentration(1.5, 10, 2, createRng(1))).toThrow(/^distanceConcentration: d/);
    expect(() => treeWork(-1, 10, 2, 1, createRng(1))).toThrow(/^treeWork: d/);
    const tree = buildKdTree(X);
    expect(() => radiusNeighbors(tree, Q, 3, 1)).toThrow(/^radiusNeighbors: q must be a row of Q in \[0, 3\), got 3/);
    expect(() => radiusNeighbors(tree, Q, 0, -1)).toThrow(/^radiusNeighbors: r must be finite and >= 0, got -1/);
    expect(() => condense(X, Int32Array.of(1))).toThrow(/^condense: X is 10x2/);
  });

  it('the Cover–Hart simulation, the curse experiments and NeighborHeap name themselves', () => {
    expect(() => asymptoticRisks({ name: 'x' } as never)).toThrow(/^asymptoticRisks: problem must have a function pi1/);
    expect(() => asymptoticRisks(LINEAR, 0)).toThrow(/^asymptoticRisks: cells must be an integer in \[1, /);
    expect(() => drawLabelled(LINEAR, 0, createRng(1))).toThrow(/^drawLabelled: n must be/);
    expect(() => knnTestErrors(LINEAR, 10, [1, 11], { points: 5, reps: 2 }, createRng(1))).toThrow(/^knnTestErrors: every k in ks must be an integer in \[1, 10\], got 11/);
    expect(() => knnTestErrors(LINEAR, 10, [], { points: 5, reps: 2 }, createRng(1))).toThrow(/^knnTestErrors: ks must be a non-empty array/);
    expect(() => knnTestErrors(LINEAR, 10, [1], { points: 5, reps: 1 }, createRng(1))).toThrow(/^knnTestErrors: spec.reps/);
    expect(() => distanceConcentration(2, 1, 2, createRng(1))).toThrow(/^distanceConcentration: n must be an integer >= 2, got 1/);
    expect(() => treeWork(2, 10, 5, 11, createRng(1))).toThrow(/^treeWork: k = 11 exceeds n = 10/);
    expect(() => new NeighborHeap(0)).toThrow(/^NeighborHeap: k must be an integer/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('distances, the order and the heap', () => {
    rejectsBadInput(badInput.distances);
  });

  it('brute force, the k-d tree and radius neighbours', () => {
    rejectsBadInput(badInput.searches);
  });

  it('the classifier, the regressor, their votes, regions and bias–variance', () => {
    rejectsBadInput(badInput.models);
  });

  it('choosing k, error rates, paired differences, folds and condensing', () => {
    rejectsBadInput(badInput.selection);
  });

  it('the Cover–Hart and curse experiments and the wine loader', () => {
    rejectsBadInput(badInput.experiments);
  });

  it('the input checks, called with a caller\'s name', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('Minkowski distances', () => {
  it('gives 7, 5, 91^(1/3) and 4 between (0, 0) and (3, 4) for p = 1, 2, 3, ∞', () => {
    const a = Float64Array.of(0, 0);
    const b = Float64Array.of(3, 4);
    const dist = (p: number) => fromReduced(reducedDistance(a, 0, b, 0, 2, p), p);
    expect(dist(1)).toBe(7);
    expect(dist(2)).toBe(5);
    expect(dist(3)).toBeCloseTo(91 ** (1 / 3), 14);
    expect(dist(Infinity)).toBe(4);
  });

  it('satisfies the triangle inequality for p = 1, 1.5, 2, 3, ∞ (Minkowski)', () => {
    const X = draw(300, 4, 1);
    for (const p of [1, 1.5, 2, 3, Infinity]) {
      for (let t = 0; t + 2 < X.rows; t += 3) {
        const d = (i: number, j: number) =>
          fromReduced(reducedDistance(X.data, i, X.data, j, 4, p), p);
        // slack 1e-15 relative: each side is a root of a rounded sum, a
        // few ε from the exact value, so exact equality may fail by that
        expect(d(t, t + 2)).toBeLessThanOrEqual((d(t, t + 1) + d(t + 1, t + 2)) * (1 + 1e-15));
      }
    }
  });

  it('lies between the ∞-distance and d^(1/p) times it, Eq. (knn-minkowski)', () => {
    const X = draw(100, 5, 2);
    for (const p of [1, 2, 8, 64]) {
      for (let i = 1; i < X.rows; i++) {
        const inf = reducedDistance(X.data, 0, X.data, i, 5, Infinity);
        const dp = fromReduced(reducedDistance(X.data, 0, X.data, i, 5, p), p);
        expect(dp).toBeGreaterThanOrEqual(inf * (1 - 1e-15));
        expect(dp).toBeLessThanOrEqual(5 ** (1 / p) * inf * (1 + 1e-15));
      }
    }
  });

  it('orders points as the distance does: the reduced distance is increasing in it, Eq. (knn-reduced)', () => {
    const X = draw(200, 3, 3);
    for (const p of [1, 2, 3, Infinity]) {
      const rhos = Array.from({ length: 199 }, (_, i) =>
        reducedDistance(X.data, 0, X.data, i + 1, 3, p));
      const byRho = [...rhos.keys()].sort((a, b) => rhos[a] - rhos[b]);
      const dists = rhos.map((r) => fromReduced(r, p));
      for (let t = 1; t < byRho.length; t++) {
        expect(dists[byRho[t]]).toBeGreaterThanOrEqual(dists[byRho[t - 1]]);
      }
    }
  });
});

describe('the neighbour order and the heap', () => {
  it('orders (distance, index) pairs totally: nearer first, then the lower index, Eq. (knn-order)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 50 }),
      (r, i, s, j) => {
        const ab = before(r, i, s, j);
        const ba = before(s, j, r, i);
        if (i === j && r === s) return !ab && !ba; // irreflexive
        return i === j ? ab === r < s : ab !== ba; // total, asymmetric
      },
    ));
  });

  it('keeps the k first pairs of that order whatever order they are pushed in', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 1e6 }),
      (rhos, k0, seed) => {
        const k = Math.min(k0, rhos.length);
        const want = rhos.map((rho, i) => ({ rho, i }))
          .sort((a, b) => a.rho - b.rho || a.i - b.i).slice(0, k);
        const order = createRng(seed).shuffle([...rhos.keys()]);
        const heap = new NeighborHeap(k);
        for (const i of order) heap.push(rhos[i], i);
        const out = { indices: new Int32Array(k), distances: new Float64Array(k) };
        heap.writeSorted(out, 0, (r) => r);
        return want.every((w, t) => out.indices[t] === w.i && out.distances[t] === w.rho);
      },
    ));
  });

  it('brute force returns the first k of all n points sorted by (distance, index)', () => {
    const X = draw(200, 2, 4, 6); // integer grid: many equal distances
    const Q = draw(20, 2, 5, 6);
    const nb = bruteForceNeighbors(X, Q, 9);
    for (let q = 0; q < Q.rows; q++) {
      const want = fullSort(X, Q, q, 2).slice(0, 9);
      expect(row(nb, q).indices).toEqual(want.map((w) => w.i));
      expect(row(nb, q).distances).toEqual(want.map((w) => Math.sqrt(w.rho)));
    }
  });

  it('gives nested lists: the k nearest are the first k of the k + 1 nearest, even with ties', () => {
    const X = draw(300, 2, 6, 5);
    const Q = draw(30, 2, 7, 5);
    const big = bruteForceNeighbors(X, Q, 20);
    for (const k of [1, 4, 11]) {
      const small = bruteForceNeighbors(X, Q, k);
      for (let q = 0; q < Q.rows; q++) {
        expect(row(small, q).indices).toEqual(row(big, q).indices.slice(0, k));
      }
    }
  });

  it('accumulates gaps as the definition says: p-th powers summed, or their maximum', () => {
    expect(addGap(2, 3, 2)).toBe(11);
    expect(addGap(2, 3, 1)).toBe(5);
    expect(addGap(2, 3, Infinity)).toBe(3);
    expect(addGap(5, 3, Infinity)).toBe(5);
    expect(addGap(1, 2, 3)).toBe(9);
  });
});

describe('the k-d tree', () => {
  const X = draw(1000, 3, 8);
  const tree = buildKdTree(X, 20);

  it('gives every leaf between leafSize and 2·leafSize rows, and holds each row once', () => {
    const firstLeaf = (tree.nodes - 1) / 2;
    for (let t = firstLeaf; t < tree.nodes; t++) {
      const size = tree.end[t] - tree.start[t];
      expect(size).toBeGreaterThanOrEqual(20);
      expect(size).toBeLessThanOrEqual(40);
    }
    expect([...tree.order].sort((a, b) => a - b)).toEqual([...Array(1000).keys()]);
  });

  it('splits each node at the median of its widest side, by (value, index), into its two children', () => {
    const d = 3;
    for (let t = 0; 2 * t + 2 < tree.nodes; t++) {
      const [a, b] = [2 * t + 1, 2 * t + 2];
      expect([tree.start[a], tree.end[b], tree.end[a]]).toEqual(
        [tree.start[t], tree.end[t], tree.start[b]]);
      const sizes = [tree.end[a] - tree.start[a], tree.end[b] - tree.start[b]];
      expect(sizes[1] - sizes[0]).toBeGreaterThanOrEqual(0);
      expect(sizes[1] - sizes[0]).toBeLessThanOrEqual(1);
      const w = [0, 1, 2].map((j) => tree.hi[t * d + j] - tree.lo[t * d + j]);
      const j = w.indexOf(Math.max(...w));
      const key = (s: number) => X.get(tree.order[s], j);
      let last = tree.start[a]; // the left child's last row in the order
      for (let s = tree.start[a]; s < tree.end[a]; s++) {
        if (before(key(last), tree.order[last], key(s), tree.order[s])) last = s;
      }
      for (let s = tree.start[b]; s < tree.end[b]; s++) {
        expect(before(key(last), tree.order[last], key(s), tree.order[s])).toBe(true);
      }
    }
  });

  it('puts every row inside the box of every node that holds it', () => {
    for (let t = 0; t < tree.nodes; t++) {
      let inside = true;
      for (let s = tree.start[t]; s < tree.end[t]; s++) {
        for (let j = 0; j < 3; j++) {
          const v = X.data[3 * tree.order[s] + j];
          inside &&= v >= tree.lo[t * 3 + j] && v <= tree.hi[t * 3 + j];
        }
      }
      expect(inside).toBe(true);
    }
  });

  it('bounds from below, in floating point, the distance to every row in a box, Eq. (knn-box-bound)', () => {
    const Q = draw(5, 3, 9);
    for (const p of [1, 2, Infinity]) {
      for (let q = 0; q < Q.rows; q++) {
        for (let t = 0; t < tree.nodes; t += 2) {
          const bound = boxBound(tree, t, Q.data, q, p);
          let below = true;
          for (let s = tree.start[t]; s < tree.end[t]; s++) {
            below &&= bound <= reducedDistance(Q.data, q, X.data, tree.order[s], 3, p);
          }
          expect(below).toBe(true);
        }
      }
    }
  });

  it('finds exactly what brute force finds, bit for bit, for p = 1, 2, 3, ∞', () => {
    const Q = draw(200, 3, 10);
    for (const p of [1, 2, 3, Infinity]) {
      expect(same(kdTreeNeighbors(tree, Q, 7, p), bruteForceNeighbors(X, Q, 7, p))).toBe(true);
    }
  });

  it('finds exactly what brute force finds when many distances are equal (integer grid, duplicates)', () => {
    const G = draw(3000, 2, 11, 8);
    const Q = draw(300, 2, 12, 8);
    const t = buildKdTree(G, 10);
    for (const k of [1, 5, 60]) {
      expect(same(kdTreeNeighbors(t, Q, k), bruteForceNeighbors(G, Q, k))).toBe(true);
    }
  });

  it('prunes: in two dimensions a query measures under 2% of 20 000 points', () => {
    const big = draw(20000, 2, 13);
    const Q = draw(100, 2, 14);
    const stats = { visited: 0 };
    kdTreeNeighbors(buildKdTree(big), Q, 5, 2, stats);
    expect(stats.visited / (100 * 20000)).toBeLessThan(0.02);
  });

  it('with leafSize >= n is one leaf, and still exact', () => {
    const small = draw(30, 2, 15);
    const one = buildKdTree(small, 30);
    expect(one.nodes).toBe(1);
    expect(same(kdTreeNeighbors(one, small, 4), bruteForceNeighbors(small, small, 4))).toBe(true);
  });

  it('builds and searches 10^5 rows, and 10^5 identical rows, without overflowing the stack', () => {
    const big = draw(100000, 2, 16);
    const t = buildKdTree(big);
    const nb = kdTreeNeighbors(t, draw(50, 2, 17), 3);
    expect(nb.indices.every((i) => i >= 0 && i < 100000)).toBe(true);
    const flat = new Matrix(100000, 2, new Float64Array(200000).fill(0.5));
    const nf = kdTreeNeighbors(buildKdTree(flat), draw(1, 2, 18), 3);
    expect(Array.from(nf.indices)).toEqual([0, 1, 2]); // ties: lowest indices
  });
});

describe('the classifier', () => {
  const X = new Matrix(6, 1, Float64Array.of(0, 1, 2, 3, 4, 5));
  const y = Int32Array.of(2, 2, 0, 0, 1, 1);

  it('gives a vote tie to the smallest label, Eq. (knn-vote)', () => {
    const m = fitKnnClassifier(X, y, { k: 2 });
    // 1.5: rows 1 and 2 (labels 2, 0); 3.6: rows 4 and 3 (labels 1, 0)
    const Q = new Matrix(2, 1, Float64Array.of(1.5, 3.6));
    expect(Array.from(predictKnn(m, Q))).toEqual([0, 0]);
    const two = fitKnnClassifier(new Matrix(2, 1, Float64Array.of(0, 1)),
      Int32Array.of(2, 1), { k: 2 });
    expect(predictKnn(two, new Matrix(1, 1, Float64Array.of(0.2)))[0]).toBe(1);
  });

  it('weighs by 1/distance, and a query on a training row by that row alone, Eq. (knn-weights)', () => {
    expect(Array.from(neighborWeights(Float64Array.of(0.5, 2, 4), 'distance'))).toEqual([2, 0.5, 0.25]);
    expect(Array.from(neighborWeights(Float64Array.of(0, 0, 4), 'distance'))).toEqual([1, 1, 0]);
    expect(Array.from(neighborWeights(Float64Array.of(1, 2), 'uniform'))).toEqual([1, 1]);
    const m = fitKnnClassifier(X, y, { k: 3, weights: 'distance' });
    expect(Array.from(predictKnn(m, new Matrix(1, 1, Float64Array.of(4))))).toEqual([1]);
  });

  it('returns class probabilities that are the vote shares and sum to 1, Eq. (knn-proba)', () => {
    const { X: S, y: s } = irisSepals();
    const m = fitKnnClassifier(S, s, { k: 7 });
    const P = predictProbaKnn(m, S);
    const V = classScores(m, S);
    for (let q = 0; q < S.rows; q++) {
      const total = P.get(q, 0) + P.get(q, 1) + P.get(q, 2);
      expect(total).toBeCloseTo(1, 15);
      for (let c = 0; c < 3; c++) expect(P.get(q, c)).toBe(V.get(q, c) / 7);
    }
  });

  it('predicts the same with brute force and with the tree', () => {
    const { X: S, y: s } = irisSepals();
    for (const weights of ['uniform', 'distance'] as const) {
      const a = predictKnn(fitKnnClassifier(S, s, { k: 9, weights, algorithm: 'brute' }), S);
      const b = predictKnn(fitKnnClassifier(S, s, { k: 9, weights, algorithm: 'kd-tree' }), S);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });

  it('has training error 0 with k = 1 on iris, where no two identical flowers differ in species', () => {
    const { X: F, y: f } = loadIris();
    const m = fitKnnClassifier(F, f, { k: 1 });
    expect(Array.from(predictKnn(m, F))).toEqual(Array.from(f));
  });

  it('errs with k = 1 on the iris sepals exactly where an earlier flower with the same measurements has another species', () => {
    const { X: S, y: s } = irisSepals();
    const yHat = predictKnn(fitKnnClassifier(S, s, { k: 1 }), S);
    for (let i = 0; i < S.rows; i++) {
      let earliest = i; // the first flower with these measurements
      for (let j = 0; j < i; j++) {
        if (S.get(j, 0) === S.get(i, 0) && S.get(j, 1) === S.get(i, 1)) {
          earliest = j;
          break;
        }
      }
      expect(yHat[i]).toBe(s[earliest]);
    }
    expect(yHat.filter((v, i) => v !== s[i]).length).toBeGreaterThan(0);
  });

  it('draws decision regions that agree with predictions at the cell centres', () => {
    const { X: S, y: s } = irisSepals();
    const m = fitKnnClassifier(S, s, { k: 5 });
    const g = { x0: 4, x1: 8, nx: 8, y0: 2, y1: 4.5, ny: 5 };
    const labels = decisionRegions(m, g);
    const Q = new Matrix(1, 2, Float64Array.of(4 + 2.5 * 0.5, 2 + 3.5 * 0.5));
    expect(labels[3 * 8 + 2]).toBe(predictKnn(m, Q)[0]);
    expect(labels.length).toBe(40);
  });

  it('handles 10^6 training rows and labels without overflowing the stack', () => {
    const n = 1_000_000;
    const big = new Matrix(n, 1, Float64Array.from({ length: n }, (_, i) => i));
    const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
    const m = fitKnnClassifier(big, labels, { k: 3, algorithm: 'brute' });
    const yHat = predictKnn(m, new Matrix(1, 1, f64(70.2)));
    expect(yHat[0]).toBe(0); // 70.2: rows 70, 71, 69 → labels 1, 2, 0: a tie
  });
});

describe('regression', () => {
  it('averages the k nearest targets, and predicts the mean when k = n, Eq. (knn-regression)', () => {
    const X = new Matrix(5, 1, Float64Array.of(0, 1, 2, 3, 4));
    const y = Float64Array.of(1, 2, 4, 8, 16);
    const m = fitKnnRegressor(X, y, { k: 2 });
    expect(Array.from(predictKnnRegression(m, new Matrix(1, 1, Float64Array.of(2.9))))).toEqual([6]);
    const all = fitKnnRegressor(X, y, { k: 5 });
    expect(predictKnnRegression(all, new Matrix(1, 1, Float64Array.of(-7)))[0]).toBe(31 / 5);
  });

  it('weighted by 1/distance, returns a training target at its own input', () => {
    const X = new Matrix(4, 1, Float64Array.of(0, 1, 2, 3));
    const y = Float64Array.of(5, -1, 2, 7);
    const m = fitKnnRegressor(X, y, { k: 3, weights: 'distance' });
    const Q = new Matrix(2, 1, Float64Array.of(1, 0.5));
    const yHat = predictKnnRegression(m, Q);
    expect(yHat[0]).toBe(-1);
    // at 0.5: weights 2, 2, 2/3 on targets 5, −1, 2
    expect(yHat[1]).toBeCloseTo((2 * 5 + 2 * -1 + (2 / 3) * 2) / (2 + 2 + 2 / 3), 14);
  });

  it('has variance σ²/k and the bias of Eq. (knn-bias-variance), as a simulation confirms', () => {
    const rng = createRng(19);
    const n = 60;
    const X = new Matrix(n, 1, rng.uniformArray(n));
    const f = (x: number) => Math.sin(2 * Math.PI * x);
    const fX = X.data.map(f);
    const Q = new Matrix(5, 1, Float64Array.of(0.1, 0.3, 0.5, 0.7, 0.9));
    const fQ = Q.data.map(f);
    const sigma = 0.3;
    const k = 6;
    const exact = knnBiasVariance(X, fX, Q, fQ, sigma, k);
    expect(exact.variance).toBeCloseTo(sigma ** 2 / k, 15);
    const reps = 4000;
    const preds = Array.from({ length: 5 }, () => new Float64Array(reps));
    for (let r = 0; r < reps; r++) {
      const y = fX.map((v) => v + rng.normal(0, sigma));
      const yHat = predictKnnRegression(fitKnnRegressor(X, y, { k }), Q);
      yHat.forEach((v, q) => (preds[q][r] = v));
    }
    let bias2 = 0;
    let variance = 0;
    preds.forEach((p, q) => {
      const mo = moments(p);
      bias2 += (mo.mean - fQ[q]) ** 2 / 5;
      variance += mo.variance / 5;
    });
    // the variance estimate has relative sd √(2/(reps − 1)). Each mean
    // misses E ŷ(q) by e_q, |e_q| < 4s with s = σ/√(k reps), which moves
    // the average bias² by at most 8s√(bias²) + 16s² (Cauchy–Schwarz)
    expect(Math.abs(variance / exact.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / reps));
    const s = sigma / Math.sqrt(k * reps);
    expect(Math.abs(bias2 - exact.bias2)).toBeLessThan(8 * s * Math.sqrt(exact.bias2) + 16 * s * s);
  });

  it('has a smaller variance with distance weights only if the weights are equal: σ² Σ l² >= σ²/k', () => {
    const X = draw(80, 2, 20);
    const fX = X.data.filter((_, t) => t % 2 === 0);
    const Q = draw(10, 2, 21);
    const fQ = Q.data.filter((_, t) => t % 2 === 0);
    const u = knnBiasVariance(X, fX, Q, fQ, 1, 8, 'uniform');
    const d = knnBiasVariance(X, fX, Q, fQ, 1, 8, 'distance');
    expect(d.variance).toBeGreaterThan(u.variance);
  });
});

describe('choosing k', () => {
  const { X, y } = irisSepals();

  it('scores every k from one search per fold exactly as crossValidate scores each k', () => {
    const folds = kFoldIndices(X.rows, 5, createRng(22));
    const ks = [1, 2, 5, 12];
    const fast = cvErrorByK(X, y, folds, ks);
    ks.forEach((k, s) => {
      const slow = crossValidate(X, Float64Array.from(y), folds,
        knnFitter({ k }), errorRate);
      expect(fast.foldErrors[s]).toEqual(slow.scores);
      expect(fast.mean[s]).toBe(slow.mean);
      expect(fast.se[s]).toBe(slow.standardError);
    });
  });

  it('standardizes inside each fold with that training fold\'s own means and scales', () => {
    const { X: W, y: w } = loadWine();
    const folds = interleavedFolds(W.rows, 5);
    const fast = cvErrorByK(W, w, folds, [3], { standardize: true });
    folds.forEach(({ train, test }, f) => {
      const fit = standardize(new Matrix(train.length, 13, Float64Array.from(
        train.flatMap((i) => Array.from(W.row(i))))));
      const Z = fit.Z;
      const T = new Matrix(test.length, 13, Float64Array.from(test.flatMap((i) =>
        Array.from(W.row(i), (v, j) => (v - fit.mean[j]) / fit.scale[j]))));
      const m = fitKnnClassifier(Z, Int32Array.from(train, (i) => w[i]), { k: 3 });
      const yHat = predictKnn(m, T);
      expect(fast.foldErrors[0][f]).toBe(errorRate(Array.from(test, (i) => w[i]), yHat));
    });
  });

  it('makes leave-one-out the special case of n folds', () => {
    const loo = cvErrorByK(X, y, kFoldIndices(X.rows, X.rows), [1]);
    const m = fitKnnClassifier(X, y, { k: 2 });
    const nb = kneighbors(m, X);
    // each flower's nearest other flower: its first neighbour unless
    // the first is itself
    let wrong = 0;
    for (let i = 0; i < X.rows; i++) {
      const other = nb.indices[2 * i] === i ? nb.indices[2 * i + 1] : nb.indices[2 * i];
      wrong += +(y[other] !== y[i]);
    }
    expect(loo.mean[0]).toBeCloseTo(wrong / X.rows, 14);
  });

  it('does worse on the iris sepals with distance weights, where twins outvote every other neighbour', () => {
    const ks = [1, 5, 15, 31, 45];
    const folds = kFoldIndices(X.rows, X.rows);
    const uniform = cvErrorByK(X, y, folds, ks).mean;
    const distance = cvErrorByK(X, y, folds, ks, { weights: 'distance' }).mean;
    expect(Math.min(...distance)).toBeGreaterThan(Math.min(...uniform));
  });

  it('puts row i of interleaved folds in fold i mod k, a partition of the rows', () => {
    const folds = interleavedFolds(23, 4);
    expect(folds[1].test).toEqual([1, 5, 9, 13, 17, 21]);
    expect(folds.flatMap((f) => f.test).sort((a, b) => a - b)).toEqual([...Array(23).keys()]);
    expect(folds[2].train.length + folds[2].test.length).toBe(23);
  });

  it('gives the standard error of a paired difference from the differences', () => {
    const r = pairedDifference([1, 0, 1, 1], [0, 0, 1, 0]);
    expect(r.mean).toBe(0.5);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 3 / 4), 15);
  });
});

describe('Cover and Hart: 1-NN in the limit', () => {
  it('computes R* = 1/4, R1 = 1/3 and the bound 3/8 for π₁(x) = x', () => {
    const r = asymptoticRisks(LINEAR);
    expect(r.bayes).toBeCloseTo(1 / 4, 10);
    expect(r.nn).toBeCloseTo(1 / 3, 9);
    expect(r.bound).toBeCloseTo(3 / 8, 10);
  });

  it('meets the bound 2R*(1 − R*) with equality when π₁ takes only the values R* and 1 − R*', () => {
    const r = asymptoticRisks(STEP);
    expect(r.bayes).toBeCloseTo(0.1, 12);
    expect(r.nn).toBeCloseTo(0.18, 12);
    expect(r.bound).toBeCloseTo(r.nn, 12);
  });

  it('has a 1-NN error that approaches R1, between R* and 2R*(1 − R*), in simulation', () => {
    const r = asymptoticRisks(LINEAR);
    const [e] = knnTestErrors(LINEAR, 4000, [1], { points: 500, reps: 10 }, createRng(23));
    // 4 SE, plus 1/n for the finite-n gap E|π₁(x') − π₁(x)| ~ 1/n
    expect(Math.abs(e.mean - r.nn)).toBeLessThan(4 * e.se + 1 / 4000);
    expect(e.mean).toBeGreaterThan(r.bayes);
    expect(e.mean).toBeLessThan(r.bound);
  });

  it('lets k-NN with a growing k beat 1-NN on the same training sets, by over 4 paired standard errors', () => {
    const [one, many] = knnTestErrors(LINEAR, 2000, [1, 45], { points: 500, reps: 8 }, createRng(24));
    const diff = pairedDifference(one.errors, many.errors);
    expect(diff.mean).toBeGreaterThan(4 * diff.se);
  });

  it('brings k-NN with k = 45 of 2000 near R*: within 4 SE of R* plus the excess of a 45-label binomial vote', () => {
    const r = asymptoticRisks(LINEAR);
    const [e] = knnTestErrors(LINEAR, 2000, [45], { points: 500, reps: 8 }, createRng(24));
    // The 45 neighbours of x lie within about 45/2000 of it, and their
    // labels are independent with P(1) = x_i ≈ x. A vote of 45 labels
    // all with P(1) = x errs beyond the Bayes rule with probability
    // |2x − 1| P(majority wrong); labels whose P(1) spreads around x
    // vary less than a binomial, so that excess bounds k-NN's.
    expect(e.mean).toBeGreaterThan(r.bayes);
    expect(e.mean - r.bayes).toBeLessThan(binomialVoteExcess(45) + 4 * e.se);
  });
});

/** 20 batches of 10 draws of 200 points at dimension d: the mean and
 *  standard error over batches of sd / theory sd (or, for 'spread', of
 *  (sd/mean) / theory), and what that mean should be. A batch's pooled
 *  variance misses 1/10 of the between-draw part Var E[‖u − q‖² | q] =
 *  d/180, which is 1/7 of the total 7d/180: expected √(1 − 1/70). */
function spreadBatches(d: number, rng: ReturnType<typeof createRng>,
  what: 'sd' | 'spread' = 'sd') {
  const t = squaredDistanceMoments(d);
  const ratios = Float64Array.from({ length: 20 }, () => {
    const m = distanceConcentration(d, 200, 10, rng);
    return what === 'sd' ? m.sd / t.sd : (m.sd / m.mean) / (t.sd / t.mean);
  });
  const { mean, variance } = moments(ratios);
  return { mean, se: Math.sqrt(variance / 20), expected: Math.sqrt(1 - 1 / 70) };
}

/** ∫₀¹ |2x − 1| P(a majority of k labels, each 1 with probability x,
 *  votes for the less likely class) dx, by the midpoint rule; k odd. */
function binomialVoteExcess(k: number, cells = 2000) {
  let sum = 0;
  for (let c = 0; c < cells; c++) {
    const x = (c + 0.5) / cells;
    let ones = 0; // P(more than k/2 labels are 1)
    let term = (1 - x) ** k; // P(j ones), j = 0
    for (let j = 0; j <= k; j++) {
      if (j > k / 2) ones += term;
      term *= ((k - j) / (j + 1)) * (x / (1 - x));
    }
    sum += (Math.abs(2 * x - 1) * (x < 0.5 ? ones : 1 - ones)) / cells;
  }
  return sum;
}

describe('the curse of dimensionality', () => {
  it('gives squared distances of mean d/6 and sd √(7d/180), Eq. (knn-concentration)', () => {
    const d = 10;
    const m = distanceConcentration(d, 200, 200, createRng(25));
    const theory = squaredDistanceMoments(d);
    // 200 · 200 squared distances, 200 independent queries: the mean's
    // standard error is below sd / √200
    expect(Math.abs(m.mean - theory.mean)).toBeLessThan(4 * theory.sd / Math.sqrt(200));
    // the sd: within 4 standard errors, from 20 independent batches
    const b = spreadBatches(d, createRng(125));
    expect(Math.abs(b.mean - b.expected)).toBeLessThan(4 * b.se);
  });

  it('shrinks the relative spread like 1/√d: sd/mean within 4 SE of √(7/(5d)) at d = 2 and d = 50', () => {
    for (const d of [2, 50]) {
      const b = spreadBatches(d, createRng(26 + d), 'spread');
      expect(Math.abs(b.mean - b.expected)).toBeLessThan(4 * b.se);
    }
  });

  it('reports the median, smallest and largest contrast (max − min)/min over draws, which falls towards 0', () => {
    const rng = createRng(26);
    const low = distanceConcentration(2, 500, 21, rng);
    const high = distanceConcentration(200, 500, 21, rng);
    expect(low.contrastMin).toBeLessThanOrEqual(low.contrast);
    expect(low.contrast).toBeLessThanOrEqual(low.contrastMax);
    // d = 2: nearest of 500 at about √(ln 2/(500π)) ≈ 0.02, farthest
    // about 0.8, so a median contrast near 40; 20 leaves room
    expect(low.contrast).toBeGreaterThan(20);
    // d = 200: every draw's contrast, not just the median, is small
    expect(high.contrastMax).toBeLessThan(0.5);
  });

  it('makes a k-d tree look at almost every point once d is large', () => {
    const rng = createRng(27);
    expect(treeWork(2, 4000, 50, 5, rng)).toBeLessThan(0.03);
    expect(treeWork(16, 4000, 50, 5, rng)).toBeGreaterThan(0.95);
  });
});

describe('real data', () => {
  it('loads 178 wines with 13 features and classes of 59, 71 and 48', () => {
    const { X, y, features } = loadWine();
    expect([X.rows, X.cols, features.length]).toEqual([178, 13, 13]);
    expect([0, 1, 2].map((c) => y.filter((v) => v === c).length)).toEqual([59, 71, 48]);
    expect(X.get(0, 12)).toBe(1065);
  });

  it('refuses a wine file whose checksum differs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wine-'));
    const path = join(dir, 'wine.csv');
    const text = readFileSync(join(import.meta.dirname, '../data/wine/wine.csv'), 'utf8');
    writeFileSync(path, text.replace('14.23', '14.24'));
    expect(() => loadWine(path)).toThrow(new RegExp(`loadWine: .* expected ${WINE_SHA256}`));
  });

  it('is hurt by unscaled wine features: standardizing in each fold lowers the error by over 4 standard errors (k = 5)', () => {
    const { y } = loadWine();
    const { raw, scaled } = wine(); // 10 interleaved folds, WINE_KS
    const s = WINE_KS.indexOf(5);
    const wrong = (p: Int32Array) => Array.from(p, (v, i) => +(v !== y[i]));
    const d = pairedDifference(wrong(raw.predictions[s]), wrong(scaled.predictions[s]));
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });
});

describe('against scikit-learn', () => {
  const tf = sk.tie_free;
  const X = mat(tf.X, 3);
  const Q = mat(tf.Q, 3);

  it('finds the same neighbours as NearestNeighbors (brute and kd_tree) for p = 1, 2, 3, ∞ on data without ties', () => {
    const tree = buildKdTree(X);
    for (const [name, p] of [['1', 1], ['2', 2], ['3', 3], ['inf', Infinity]] as const) {
      const ours = kdTreeNeighbors(tree, Q, tf.k, p);
      expect(Array.from(ours.indices)).toEqual(tf[name].brute.indices);
      expect(Array.from(ours.indices)).toEqual(tf[name].kd_tree.indices);
    }
  });

  it('agrees with scikit-learn\'s k-d tree distances to the last bit for p = 1, 2, ∞ and to 4ε relative for p = 3', () => {
    const tree = buildKdTree(X);
    for (const [name, p] of [['1', 1], ['2', 2], ['inf', Infinity]] as const) {
      expect(Array.from(kdTreeNeighbors(tree, Q, tf.k, p).distances)).toEqual(tf[name].kd_tree.distances);
    }
    // p = 3: pow(·, 3) and pow(·, 1/3) of two maths libraries
    const three = kdTreeNeighbors(tree, Q, tf.k, 3).distances;
    three.forEach((v, t) => expect(Math.abs(v - tf['3'].kd_tree.distances[t])).toBeLessThanOrEqual(4 * Number.EPSILON * v));
  });

  it('agrees with scikit-learn\'s brute-force Euclidean distances to the rounding error of its |x|² − 2x·q + |q|²', () => {
    const ours = bruteForceNeighbors(X, Q, tf.k, 2);
    // that formula's error in d² is a few ε (|x| + |q|)²; in d, half of
    // it divided by d. We allow 8ε(|x| + |q|)² / (2d).
    const len = (A: Matrix, i: number) => Math.hypot(A.get(i, 0), A.get(i, 1), A.get(i, 2));
    ours.distances.forEach((v, t) => {
      const scale = (len(X, ours.indices[t]) + len(Q, Math.floor(t / tf.k))) ** 2;
      expect(Math.abs(v - tf['2'].brute.distances[t])).toBeLessThan((8 * Number.EPSILON * scale) / (2 * v));
    });
  });

  it('predicts the same labels as KNeighborsClassifier, vote ties and exact matches included', () => {
    const c = sk.classifier;
    const Xc = mat(c.X, 2);
    const Qc = mat(c.Q, 2);
    const yc = Int32Array.from(c.y);
    for (const fit of c.fits) {
      const m = fitKnnClassifier(Xc, yc, { k: fit.k, weights: fit.weights });
      expect(Array.from(predictKnn(m, Qc))).toEqual(fit.predict);
    }
  });

  it('gives KNeighborsClassifier\'s class probabilities to kε (k weights summed in another order)', () => {
    const c = sk.classifier;
    const Xc = mat(c.X, 2);
    const Qc = mat(c.Q, 2);
    for (const fit of c.fits) {
      const m = fitKnnClassifier(Xc, Int32Array.from(c.y), { k: fit.k, weights: fit.weights });
      const P = predictProbaKnn(m, Qc);
      P.data.forEach((v, t) => expect(Math.abs(v - fit.proba[t])).toBeLessThanOrEqual(fit.k * Number.EPSILON));
    }
  });

  it('gives KNeighborsRegressor\'s predictions to kε relative to max(1, |ŷ|) (k weights summed in another order)', () => {
    const r = sk.regressor;
    const Xr = mat(r.X, 2);
    const Qr = mat(r.Q, 2);
    for (const fit of r.fits) {
      const m = fitKnnRegressor(Xr, Float64Array.from(r.y), { k: fit.k, weights: fit.weights });
      predictKnnRegression(m, Qr).forEach((v, q) =>
        expect(Math.abs(v - fit.predict[q])).toBeLessThanOrEqual(fit.k * Number.EPSILON * Math.max(1, Math.abs(v))));
    }
  });

  it('with ties, returns scikit-learn\'s distances exactly and its neighbours except among points at the k-th distance', () => {
    const t = sk.ties;
    const Xt = mat(t.X, 2);
    const Qt = mat(t.Q, 2);
    const ours = bruteForceNeighbors(Xt, Qt, t.k);
    const mine = { indices: Array.from(ours.indices), distances: Array.from(ours.distances) };
    for (const theirs of [t.brute_1_thread, t.brute_2_threads, t.kd_tree]) {
      expect(mine.distances).toEqual(theirs.distances);
      for (let q = 0; q < Qt.rows; q++) {
        const kth = mine.distances[q * t.k + t.k - 1];
        const inside = (nb: { indices: number[]; distances: number[] }) =>
          nb.indices.slice(q * t.k, (q + 1) * t.k)
            .filter((_, s) => nb.distances[q * t.k + s] < kth).sort((a, b) => a - b);
        expect(inside(theirs)).toEqual(inside(mine));
      }
    }
  });

  it('with ties, differs from scikit-learn, whose answer depends on its algorithm and its thread count', () => {
    const t = sk.ties;
    const rows = (a: { indices: number[] }, b: { indices: number[] }) => {
      let differ = 0;
      for (let q = 0; q < a.indices.length / t.k; q++) {
        const s = q * t.k;
        differ += +a.indices.slice(s, s + t.k).some((v, j) => v !== b.indices[s + j]);
      }
      return differ;
    };
    expect(rows(t.brute_1_thread, t.kd_tree)).toBeGreaterThan(50);
    expect(rows(t.brute_1_thread, t.brute_2_threads)).toBeGreaterThan(50);
    const ours = buildKdTree(mat(t.X, 2));
    const kd = kdTreeNeighbors(ours, mat(t.Q, 2), t.k);
    const brute = bruteForceNeighbors(mat(t.X, 2), mat(t.Q, 2), t.k);
    expect(same(kd, brute)).toBe(true);
  });

  it('finds the true neighbours near (10^7, 10^7, 10^7), where scikit-learn\'s brute force does not', () => {
    const f = sk.far;
    const ours = bruteForceNeighbors(mat(f.X, 3), mat(f.Q, 3), f.k);
    expect(Array.from(ours.indices)).toEqual(f.kd_tree.indices);
    ours.distances.forEach((v, t) => expect(Math.abs(v - f.exact_nearest[t])).toBeLessThan(1e-9 * v));
    expect(f.brute.indices).not.toEqual(f.kd_tree.indices);
    const worst = Math.max(...f.brute.distances.map((v: number, t: number) => Math.abs(v - f.exact_nearest[t]) / f.exact_nearest[t]));
    expect(worst).toBeGreaterThan(0.1);
  });

  it('gives scikit-learn\'s 10-fold accuracies on the digits for k = 1…15, or differs only through a tie at the k-th distance', { timeout: DIGITS_TIMEOUT }, () => {
    const { train } = digitsSplit();
    const folds = kFoldIndices(train.X.rows, 10);
    const { cv } = digits(); // cvErrorByK on these folds, brute force
    DIGITS_KS.forEach((k, s) => {
      const theirs = sk.digits.cv[String(k)];
      cv.foldErrors[s].forEach((e: number, f: number) => {
        const gap = Math.abs(1 - e - theirs[f]) * folds[f].test.length;
        if (gap < 1e-9) return;
        // a different count: only possible where a tie decides a vote
        expect(tiesAtKth(train.X, folds[f], k)).toBeGreaterThanOrEqual(Math.round(gap));
      });
    });
  });

  it('gives scikit-learn\'s 10-fold accuracies on wine, raw and standardized in a pipeline, for every k', () => {
    const { raw, scaled } = wine(); // cvErrorByK on 10 interleaved folds
    WINE_KS.forEach((k, s) => {
      raw.foldErrors[s].forEach((e, f) => expect(1 - e).toBeCloseTo(sk.wine.raw[String(k)][f], 14));
      scaled.foldErrors[s].forEach((e, f) => expect(1 - e).toBeCloseTo(sk.wine.standardized[String(k)][f], 14));
    });
  });

  it('gives scikit-learn\'s leave-one-out accuracy on the iris sepals, or differs only through ties', () => {
    const { X: S, y: s } = irisSepals();
    const ks = sk.iris_sepal.ks as number[];
    const loo = cvErrorByK(S, s, kFoldIndices(S.rows, S.rows), ks);
    ks.forEach((k, t) => {
      const gap = Math.abs(1 - loo.mean[t] - sk.iris_sepal.loo_accuracy[String(k)]) * S.rows;
      const ties = kFoldIndices(S.rows, S.rows).reduce((c, f) => c + tiesAtKth(S, f, k), 0);
      expect(Math.round(gap)).toBeLessThanOrEqual(ties);
    });
  });
});

/** How many held-out rows of the fold have a tie at their k-th
 *  neighbour among the training rows: (k+1)-th distance = k-th. */
function tiesAtKth(X: Matrix, fold: { train: number[]; test: number[] }, k: number) {
  const pick = (idx: number[]) => new Matrix(idx.length, X.cols,
    Float64Array.from(idx.flatMap((i) => Array.from(X.row(i)))));
  const nb = bruteForceNeighbors(pick(fold.train), pick(fold.test), k + 1);
  let ties = 0;
  for (let q = 0; q < fold.test.length; q++) {
    ties += +(nb.distances[q * (k + 1) + k] === nb.distances[q * (k + 1) + k - 1]);
  }
  return ties;
}

describe('exercise solutions', () => {
  it('radiusNeighbors returns exactly the rows within r, sorted as brute force sorts them', () => {
    const X = draw(2000, 2, 28, 20);
    const tree = buildKdTree(X, 16);
    const Q = draw(30, 2, 29, 20);
    for (let q = 0; q < Q.rows; q++) {
      const r = 3;
      const want = fullSort(X, Q, q, 2).filter((w) => Math.sqrt(w.rho) <= r);
      const got = radiusNeighbors(tree, Q, q, r);
      expect(got.indices).toEqual(want.map((w) => w.i));
    }
  });

  it('condense keeps a subset on which 1-NN classifies every iris flower correctly', () => {
    const { X, y } = loadIris();
    const keep = condense(X, y);
    expect(keep.length).toBeLessThan(X.rows / 3);
    const S = new Matrix(keep.length, 4, Float64Array.from(keep.flatMap((i) => Array.from(X.row(i)))));
    const m = fitKnnClassifier(S, Int32Array.from(keep, (i) => y[i]), { k: 1 });
    expect(errorRate(Array.from(y), predictKnn(m, X))).toBe(0);
  });
});

describe('review', () => {
  /** Rows 0, 1, 2 on a line, labels 0, 1, 1, and a query 1e-310 from
   *  row 0: a positive distance whose reciprocal overflows. */
  const X3 = new Matrix(3, 1, f64(0, 1, 2));
  const q = new Matrix(1, 1, f64(1e-310));

  it('treats a query whose distance 1e-310 has an infinite reciprocal as an exact match: label 0, probabilities (1, 0), p = 1 and ∞', () => {
    expect(1 / 1e-310).toBe(Infinity);
    for (const p of [1, Infinity]) {
      const m = fitKnnClassifier(X3, Int32Array.of(0, 1, 1), { k: 3, weights: 'distance', p });
      expect(Array.from(predictKnn(m, q))).toEqual([0]);
      expect(Array.from(predictProbaKnn(m, q).data)).toEqual([1, 0]);
    }
  });

  it('predicts the coinciding row\'s target, 5, by distance-weighted regression at that query, p = 1 and ∞', () => {
    for (const p of [1, Infinity]) {
      const m = fitKnnRegressor(X3, f64(5, 1, 1), { k: 3, weights: 'distance', p });
      expect(Array.from(predictKnnRegression(m, q))).toEqual([5]);
    }
  });

  it('weighs 1 each distance whose reciprocal overflows, and 0 the others', () => {
    expect(Array.from(neighborWeights(f64(0, 1e-310, 0.5), 'distance'))).toEqual([1, 1, 0]);
    expect(Array.from(neighborWeights(f64(0.5, 2), 'distance'))).toEqual([2, 0.5]);
  });

  it('chooses the digits\' k as the smallest with the fewest pooled CV errors: k = 1 and k = 5 tie at 38 of 1348', { timeout: DIGITS_TIMEOUT }, () => {
    const study = digits();
    const fewest = Math.min(...study.cvWrong);
    expect(study.cvWrong[0]).toBe(38);
    expect(study.cvWrong[4]).toBe(38);
    expect(fewest).toBe(38);
    expect(study.k).toBe(DIGITS_KS[study.cvWrong.indexOf(fewest)]);
    expect(study.k).toBe(1);
    expect(study.wrong.reduce((a, v) => a + v, 0)).toBe(4); // of 449
  });

  it('finds the same pooled counts, 38 for k = 1 and for k = 5, in scikit-learn\'s fold accuracies', () => {
    const folds = kFoldIndices(1348, 10);
    const pooled = (k: number) => Math.round(sk.digits.cv[String(k)].reduce(
      (c: number, acc: number, f: number) => c + (1 - acc) * folds[f].test.length, 0));
    expect(pooled(1)).toBe(38);
    expect(pooled(5)).toBe(38);
  });

  it('gives 60 of the 150 iris flowers a twin with the same sepals, 24 of them a twin of another species', () => {
    const { X: S, y: s } = irisSepals();
    const nb = bruteForceNeighbors(S, S, 20); // no sepal pair has 20 copies
    let twins = 0;
    let mixed = 0;
    for (let i = 0; i < S.rows; i++) {
      const zero = row(nb, i).indices.filter((j, t) => j !== i && nb.distances[i * 20 + t] === 0);
      expect(nb.distances[i * 20 + 19]).toBeGreaterThan(0);
      twins += +(zero.length > 0);
      mixed += +zero.some((j) => s[j] !== s[i]);
    }
    expect(twins).toBe(60);
    expect(mixed).toBe(24);
  });

  it('has an iris LOO error that jumps up at the even k = 16 between k = 15 and k = 17', () => {
    const { X: S, y: s } = irisSepals();
    const loo = cvErrorByK(S, s, kFoldIndices(S.rows, S.rows), [15, 16, 17]).mean;
    expect(loo[1]).toBeGreaterThan(loo[0]);
    expect(loo[1]).toBeGreaterThan(loo[2]);
  });

  it('scores a simulated rule by its exact chance of error at the cell midpoints: π₁ where it says 0, 1 − π₁ where it says 1', () => {
    const [e] = knnTestErrors(LINEAR, 50, [3], { points: 40, reps: 2 }, createRng(31));
    const train = drawLabelled(LINEAR, 50, createRng(31)); // the first training set
    const Q = new Matrix(40, 1, Float64Array.from({ length: 40 }, (_, c) => (c + 0.5) / 40));
    const yHat = predictKnn(fitKnnClassifier(train.X, train.y, { k: 3 }), Q);
    let wrong = 0;
    yHat.forEach((v, c) => (wrong += v === 1 ? 1 - Q.data[c] : Q.data[c]));
    expect(e.errors[0]).toBeCloseTo(wrong / 40, 15);
  });

  it('serves every k from one search: each k\'s errors equal those of a run for that k alone', () => {
    const both = knnTestErrors(STEP, 200, [1, 15], { points: 100, reps: 3 }, createRng(32));
    const alone = knnTestErrors(STEP, 200, [15], { points: 100, reps: 3 }, createRng(32));
    expect(Array.from(both[1].errors)).toEqual(Array.from(alone[0].errors));
  });

  it('looByK gives cvErrorByK\'s n-fold predictions on the iris sepals for k = 1…15, both weightings', () => {
    const { X: S, y: s } = irisSepals();
    const ks = Array.from({ length: 15 }, (_, i) => i + 1);
    for (const weights of ['uniform', 'distance'] as const) {
      const want = cvErrorByK(S, s, kFoldIndices(S.rows, S.rows), ks, { weights }).predictions;
      const got = looByK(S, s, ks, { weights });
      ks.forEach((_, t) => expect(Array.from(got[t])).toEqual(Array.from(want[t])));
    }
  });

  it('looByK drops each row itself, not its first entry, on a column of five rows of which four are equal', () => {
    const C = new Matrix(5, 1, f64(0, 0, 0, 0, 1));
    const c = Int32Array.of(0, 1, 1, 1, 0);
    const ks = [1, 2, 3, 4];
    const want = cvErrorByK(C, c, kFoldIndices(5, 5), ks).predictions;
    const got = looByK(C, c, ks);
    ks.forEach((_, t) => expect(Array.from(got[t])).toEqual(Array.from(want[t])));
    // row 1's nearest other row is row 0 (label 0), at distance 0
    expect(got[0][1]).toBe(0);
  });

  it('noisyWine: no noise is the clean 5-NN error, and 100 noise columns raise it by over 4 paired standard errors', () => {
    const [clean, noisy] = noisyWine([0, 100]);
    const { X: W, y: w } = loadWine();
    const cv = cvErrorByK(W, w, interleavedFolds(W.rows, 10), [5], { standardize: true });
    expect(clean.error).toBeCloseTo(errorRate(Array.from(w), cv.predictions[0]), 15);
    expect(clean.diff).toBe(0);
    expect(noisy.diff).toBeGreaterThan(4 * noisy.diffSe);
  });

  it('gives distances between uniform points in d = 1000 a standard deviation within 4 SE of √(7/120), Eq. (knn-concentration)', () => {
    const rng = createRng(33);
    const d = 1000;
    const m = 2000;
    const dist = Float64Array.from({ length: m }, () => {
      const u = rng.uniformArray(d);
      const v = rng.uniformArray(d);
      return Math.sqrt(reducedDistance(u, 0, v, 0, d, 2));
    });
    const { mean, variance } = moments(dist);
    const sd = Math.sqrt(variance);
    // a sample sd's standard error: sd·√((κ − 1)/(4m)); κ ≈ 3 here
    // (a sum of 1000 independent terms), so sd·√(2/(4m))
    expect(Math.abs(sd - Math.sqrt(7 / 120))).toBeLessThan(4 * sd * Math.sqrt(2 / (4 * m)));
    expect(mean).toBeCloseTo(Math.sqrt(d / 6), 1);
  });

  it('refuses data whose ρ₂ could overflow, entries above √(MAX/d)/2, and squares gaps below about 1.6e-162 to 0', () => {
    const big = Math.sqrt(Number.MAX_VALUE / 2) / 2; // d = 2
    const ok = new Matrix(2, 2, f64(0, 0, 0.99 * big, 0));
    expect(() => bruteForceNeighbors(ok, ok, 1)).not.toThrow();
    const over = new Matrix(2, 2, f64(0, 0, 1.01 * big, 0));
    expect(() => bruteForceNeighbors(over, over, 1)).toThrow(/^bruteForceNeighbors: entries of X and Q up to .* overflow for p = 2; rescale the data/);
    expect(reducedDistance(f64(0), 0, f64(1.5e-162), 0, 1, 2)).toBe(0);
    expect(reducedDistance(f64(0), 0, f64(1e-161), 0, 1, 2)).toBeGreaterThan(0);
    expect(reducedDistance(f64(0), 0, f64(1.5e-162), 0, 1, 1)).toBe(1.5e-162);
  });

  it('takes the median contrast of an even number of draws as the mean of the middle two', () => {
    const m = distanceConcentration(3, 50, 2, createRng(34));
    expect(m.contrastMin).toBeLessThan(m.contrastMax);
    expect(m.contrast).toBe((m.contrastMin + m.contrastMax) / 2);
  });

  it('names the new functions and the problem in their errors', () => {
    const C = new Matrix(3, 1, f64(0, 1, 2));
    expect(() => looByK(C, Int32Array.of(0, 1, 1), [1, 3])).toThrow('looByK: ks must be a non-empty list of integers in [1, n − 1 = 2], got [1, 3]');
    expect(() => noisyWine([0, 101])).toThrow('noisyWine: counts must be a non-empty list of integers in [0, 100], got [0, 101]');
    expect(() => noisyWine([1], 0.5)).toThrow('noisyWine: seed must be an integer, got 0.5');
    expect(() => knnTestErrors(LINEAR, 10, 3 as never, { points: 5, reps: 2 }, createRng(1))).toThrow('knnTestErrors: ks must be a non-empty array of k, got 3');
    expect(() => knnTestErrors(LINEAR, 10, [2], { points: 0, reps: 2 }, createRng(1))).toThrow(/^knnTestErrors: spec.points must be an integer in \[1, /);
  });
});

describe('mutation gaps', () => {
  const X = draw(10, 2, 30);
  const Q = draw(3, 2, 31);
  const y10 = Int32Array.from({ length: 10 }, (_, i) => i % 2);
  const line = (...xs: number[]) => new Matrix(xs.length, 1, f64(...xs));

  it('voteScores names itself for a missing neighbour list (its default ' +
    'k used to read nb.k first and throw a bare TypeError)', () => {
    expect(() => voteScores(null as never, y10, 2, 'uniform')).toThrow('voteScores: nb must be a neighbour list');
    expect(() => voteScores(undefined as never, y10, 2, 'uniform')).toThrow('voteScores: nb must be a neighbour list');
  });

  it('checkP refuses a p that is not a number, naming the value', () => {
    expect(() => bruteForceNeighbors(X, Q, 1, '2' as never)).toThrow('bruteForceNeighbors: p must be a number >= 1 (or Infinity), got 2');
    expect(() => bruteForceNeighbors(X, Q, 1, 0.5)).toThrow('bruteForceNeighbors: p must be a number >= 1 (or Infinity), got 0.5');
  });

  it('checkSearch refuses a Q that is not a Matrix even when it has X\'s columns', () => {
    const fake = { rows: 1, cols: 2, data: f64(0, 0) } as never;
    expect(() => bruteForceNeighbors(X, fake, 1)).toThrow('bruteForceNeighbors: X and Q must be Matrix objects');
  });

  it('for p = ∞ refuses entries whose gap 2·max|entry| overflows, and accepts 8e307', () => {
    const huge = line(1e308, -1e308);
    expect(() => bruteForceNeighbors(huge, huge, 1, Infinity)).toThrow('bruteForceNeighbors: entries of X and Q up to 1e+308 make ‖x − q‖_p^p overflow for p = Infinity; rescale the data');
    const big = line(8e307, -8e307);
    const nb = bruteForceNeighbors(big, big, 2, Infinity);
    expect(Array.from(nb.distances)).toEqual([0, 1.6e308, 0, 1.6e308]);
  });

  it('checks the entries of Q for overflow as well as those of X', () => {
    const far = new Matrix(1, 2, f64(1e200, 0));
    expect(() => bruteForceNeighbors(X, far, 1)).toThrow('bruteForceNeighbors: entries of X and Q up to 1e+200 make ‖x − q‖_p^p overflow for p = 2; rescale the data');
  });

  it('option checks name the bad algorithm, leafSize and options, and accept leafSize 1', () => {
    expect(() => fitKnnClassifier(X, y10, { k: 3, algorithm: 'ball-tree' as never })).toThrow('fitKnnClassifier: algorithm must be \'brute\' or \'kd-tree\', got ball-tree');
    expect(() => fitKnnClassifier(X, y10, { k: 3, leafSize: 0 })).toThrow('fitKnnClassifier: leafSize must be an integer >= 1, got 0');
    expect(() => fitKnnClassifier(X, y10, 5 as never)).toThrow('fitKnnClassifier: options must be an object with k');
    expect(() => knnIndex('caller', [[1, 2]] as never, { k: 1 })).toThrow('caller: X must be a Matrix, got object');
    expect(() => knnFitter({ k: 0 })).toThrow('knnFitter: k must be an integer in [1, n = 9007199254740991], got 0');
    const m = fitKnnClassifier(X, y10, { k: 3, leafSize: 1 });
    expect(m.tree!.nodes).toBe(15); // 10 rows: 8 leaves of 1 or 2 rows
  });

  it('stores no tree for brute force, a tree of leafSize 40 by default, and one of leafSize rows if given', () => {
    const X100 = draw(100, 2, 5);
    expect(knnIndex('t', X100, { k: 1, algorithm: 'brute' }).tree).toBe(null);
    expect(knnIndex('t', X100, { k: 1 }).tree!.nodes).toBe(3); // 99/40 < 4
    expect(knnIndex('t', X100, { k: 1, leafSize: 10 }).tree!.nodes).toBe(15);
  });

  it('checkQueries names a missing model and a Q of the wrong type', () => {
    const m = fitKnnClassifier(X, y10, { k: 3 });
    expect(() => kneighbors(null as never, Q)).toThrow('kneighbors: model must hold its training rows X');
    expect(() => predictKnn(null as never, Q)).toThrow('predictKnn: model must hold its training rows X');
    expect(() => predictKnn(m, 5 as never)).toThrow('predictKnn: the model has 2 features, so Q must be a Matrix with 2 columns; got number');
    expect(() => predictKnn(m, { cols: 2 } as never)).toThrow('predictKnn: the model has 2 features, so Q must be a Matrix with 2 columns; got object');
  });

  it('voteScores refuses every malformed neighbour list', () => {
    const nb = { k: 2, indices: Int32Array.of(0, 1), distances: f64(0.5, 1) };
    const y = Int32Array.of(0, 1);
    const bad = [
      { ...nb, k: 1.5 }, { ...nb, k: 0 },
      { ...nb, indices: Float64Array.of(0, 1) },
      { ...nb, distances: Int32Array.of(0, 1) },
      { ...nb, distances: f64(0.5) },
      { k: 2, indices: Int32Array.of(0, 1, 0), distances: f64(1, 1, 1) },
      { k: 1, indices: new Int32Array(0), distances: new Float64Array(0) },
    ];
    for (const b of bad) {
      expect(() => voteScores(b as never, y, 2, 'uniform')).toThrow('voteScores: nb must be a neighbour list');
    }
    expect(Array.from(voteScores({ ...nb, k: 1, indices: Int32Array.of(1), distances: f64(2) }, y, 2, 'uniform').data)).toEqual([0, 1]);
  });

  it('voteScores names bad labels, K, k, weights and neighbour entries in full', () => {
    const nb = { k: 2, indices: Int32Array.of(0, 1), distances: f64(0.5, 1) };
    const y = Int32Array.of(0, 1);
    const at = (indices: number[], distances: number[]) =>
      ({ k: 2, indices: Int32Array.from(indices), distances: f64(...distances) });
    expect(() => voteScores(nb, new Int32Array(0), 2, 'uniform')).toThrow('voteScores: y must be a non-empty Int32Array of labels');
    expect(() => voteScores(nb, y, 0, 'uniform')).toThrow('voteScores: K must be an integer in [1, 65536], got 0');
    expect(() => voteScores(nb, y, MAX_CLASSES + 1, 'uniform')).toThrow('voteScores: K must be an integer in [1, 65536], got 65537');
    expect(voteScores(nb, y, MAX_CLASSES, 'uniform').cols).toBe(MAX_CLASSES);
    expect(() => voteScores(nb, Int32Array.of(0, 2), 2, 'uniform')).toThrow('voteScores: labels y must lie in 0..K−1 = 0..1, got y[1] = 2');
    expect(() => voteScores(nb, y, 2, 'uniform', 3)).toThrow('voteScores: k must be an integer in [1, n = 2], got 3');
    expect(() => voteScores(nb, y, 2, 'inverse' as never)).toThrow('voteScores: weights must be \'uniform\' or \'distance\', got inverse');
    expect(() => voteScores(at([0, 5], [0.5, 1]), y, 2, 'uniform')).toThrow('voteScores: entry 1 of nb (index 5, distance 1) is not a row of y with a label below K = 2 at a finite distance');
    expect(() => voteScores(at([0, 2], [0.5, 1]), y, 2, 'uniform')).toThrow(/^voteScores: entry 1 of nb \(index 2,/);
    expect(() => voteScores(at([-1, 0], [0.5, 1]), y, 2, 'uniform')).toThrow(/^voteScores: entry 0 of nb \(index -1,/);
    expect(() => voteScores(at([0, 1], [-1, 1]), y, 2, 'uniform')).toThrow(/^voteScores: entry 0 of nb \(index 0, distance -1\)/);
    expect(() => voteScores(at([0, 1], [0, Infinity]), y, 2, 'uniform')).toThrow(/^voteScores: entry 1 of nb \(index 1, distance Infinity\)/);
  });

  it('checkLabels names an X or a y of the wrong type by its type', () => {
    expect(() => fitKnnClassifier(X, Float64Array.from(y10) as never, { k: 1 })).toThrow('fitKnnClassifier: X is 10x2, so y must be an Int32Array of 10 labels; got object');
    expect(() => fitKnnClassifier([[1]] as never, y10, { k: 1 })).toThrow('fitKnnClassifier: X must be a Matrix, got object');
  });

  it('cvErrorByK names the smallest training fold, the shape and the ks; checkGrid checks X itself', () => {
    const folds = kFoldIndices(10, 3); // training folds of 6, 7 and 7
    expect(() => cvErrorByK(X, y10, folds, [7])).toThrow('cvErrorByK: ks must be integers in [1, 6] (the smallest training fold of X 10x2), got [7]');
    expect(() => cvErrorByK(X, y10, folds, 3 as never)).toThrow('cvErrorByK: ks must be integers in [1, 6] (the smallest training fold of X 10x2), got [3]');
    expect(cvErrorByK(X, y10, folds, [6]).ks).toEqual([6]);
    expect(() => cvErrorByK(X, y10, folds, [1], { weights: 'x' as never })).toThrow('cvErrorByK: weights must be \'uniform\' or \'distance\', got x');
    expect(() => checkGrid([[1]] as never, folds, [1])).toThrow('cvErrorByK: X must be a Matrix');
    const bad = draw(10, 2, 30);
    bad.data[3] = NaN;
    expect(() => checkGrid(bad, folds, [1])).toThrow('cvErrorByK: X (10x2) has NaN at (1, 1); expected finite numbers');
  });

  it('decisionRegions names every bad grid in full, and a grid of one cell predicts at its centre', () => {
    const m = fitKnnClassifier(X, y10, { k: 1 });
    const msg = 'decisionRegions: need a model on 2 features and a grid with integer nx, ny >= 1, x0 < x1 and y0 < y1';
    const g = { x0: 0, x1: 1, nx: 2, y0: 0, y1: 1, ny: 2 };
    const one = fitKnnClassifier(line(0, 1), Int32Array.of(0, 1), { k: 1 });
    for (const [model, grid] of [[m, { ...g, ny: 0 }], [m, { ...g, nx: 0 }], [m, { ...g, ny: 1.5 }], [m, { ...g, y1: 0 }],
      [m, { ...g, x0: -Infinity }], [m, { ...g, y0: -Infinity }], [one, g], [null, g]] as const) {
      expect(() => decisionRegions(model as never, grid)).toThrow(msg);
    }
    const cell = decisionRegions(m, { x0: 0, x1: 1, nx: 1, y0: 0, y1: 1, ny: 1 });
    expect(Array.from(cell)).toEqual(Array.from(predictKnn(m, new Matrix(1, 2, f64(0.5, 0.5)))));
  });

  it('emptyNeighbors and NeighborHeap name their limits in full', () => {
    expect(() => emptyNeighbors(0, 3)).toThrow('emptyNeighbors: need integers m, k >= 1 with m · k <= 2^31, got m = 0, k = 3');
    expect(() => emptyNeighbors(2 ** 16, 2 ** 15 + 1)).toThrow('emptyNeighbors: need integers m, k >= 1 with m · k <= 2^31, got m = 65536, k = 32769');
    expect(() => new NeighborHeap(0)).toThrow('NeighborHeap: k must be an integer in [1, 2^24], got 0');
    expect(() => new NeighborHeap(2 ** 24 + 1)).toThrow('NeighborHeap: k must be an integer in [1, 2^24], got 16777217');
  });

  it('the distance functions and the order name the bad values in full', () => {
    expect(() => reducedDistance(f64(1, NaN), 0, f64(1, 2), 0, 2, 2)).toThrow('reducedDistance: row i = 0 of A and row j = 0 of B (d = 2 columns, an integer >= 1) must exist and be finite, p (2) must be >= 1, and ρ_p must not overflow');
    expect(() => reducedDistance(f64(1), 0, f64(1), 0, 0, 2)).toThrow('reducedDistance: row i = 0 of A and row j = 0 of B (d = 0 columns, an integer >= 1) must exist and be finite, p (2) must be >= 1, and ρ_p must not overflow');
    expect(() => fromReduced(-1, 2)).toThrow('fromReduced: need a finite rho >= 0 and p >= 1, got rho = -1, p = 2');
    expect(() => addGap(-1, 2, 2)).toThrow('addGap: need finite rho >= 0 and g >= 0, and p >= 1; got rho = -1, g = 2, p = 2');
    expect(() => before(NaN, 0, 1, 1)).toThrow('before: need rhoI and rhoJ not NaN and integer indices i and j, got (NaN, 0) and (1, 1)');
  });

  it('boxBound names a bad node and a bad p in full', () => {
    const tree = buildKdTree(X, 2); // 10 rows: 7 nodes
    expect(tree.nodes).toBe(7);
    expect(() => boxBound(tree, 7, Q.data, 0, 2)).toThrow('boxBound: node t = 7 must be one of the tree\'s 7 and q = 0 a row of Q (6 numbers)');
    expect(() => boxBound(tree, 0, Q.data, 3, 2)).toThrow('boxBound: node t = 0 must be one of the tree\'s 7 and q = 3 a row of Q (6 numbers)');
    expect(() => boxBound(tree, 0, Q.data, 0, 0.5)).toThrow('boxBound: row q = 0 of Q must be finite and p >= 1, got p = 0.5');
  });

  it('the tree search opens the nearer leaf first (the left on a tie) and skips a leaf farther than the k-th best', () => {
    const tree = buildKdTree(line(0, 1, 10, 11), 1); // leaves 1: {0, 1}, 2: {10, 11}
    const opened = (q: number, k: number) => {
      const stats = { visited: 0, leaves: [] as number[] };
      kdTreeNeighbors(tree, line(q), k, 2, stats);
      return [stats.leaves, stats.visited];
    };
    expect(opened(0.5, 1)).toEqual([[1], 2]);
    expect(opened(10.5, 1)).toEqual([[2], 2]);
    expect(opened(5.5, 1)).toEqual([[1, 2], 4]); // as near: opened too
    expect(opened(0.5, 3)).toEqual([[1, 2], 4]);
  });

  it('buildKdTree: one leaf keeps the rows in input order; 2·leafSize rows stay one leaf, one more splits', () => {
    const one = buildKdTree(draw(40, 2, 5), 20);
    expect(one.nodes).toBe(1);
    expect(Array.from(one.order)).toEqual([...Array(40).keys()]);
    expect(buildKdTree(draw(41, 2, 5), 20).nodes).toBe(3);
  });

  it('buildKdTree splits a box of equal sides along the first', () => {
    const square = new Matrix(4, 2, f64(0, 0, 1, 0, 0, 1, 1, 1));
    const t = buildKdTree(square, 1);
    const left = Array.from(t.order.subarray(t.start[1], t.end[1])).sort();
    expect(left).toEqual([0, 2]); // x = 0
  });

  it('neighborWeights, fitKnnRegressor and argmaxRows name bad input in full', () => {
    expect(() => neighborWeights(new Float64Array(0), 'uniform')).toThrow('neighborWeights: dist must be a non-empty Float64Array of finite distances >= 0');
    expect(() => fitKnnRegressor(X, Array.from(X.col(0)) as never, { k: 1 })).toThrow('fitKnnRegressor: X is 10x2, so y must be a Float64Array of the same length');
    expect(() => fitKnnRegressor([[1]] as never, f64(1), { k: 1 })).toThrow('fitKnnRegressor: X is object, so y must be a Float64Array of the same length');
    expect(() => argmaxRows([[1, 2]] as never)).toThrow('argmaxRows: S must be a Matrix');
  });

  it('knnBiasVariance names bad input in full; σ = 0 leaves the bias and no variance', () => {
    const fX = X.col(0);
    const fQ = Q.col(0);
    expect(() => knnBiasVariance(X, fX, Q, fX, 1, 2)).toThrow('knnBiasVariance: need matrices X, Q and Float64Arrays fX, fQ with one value per row of X and of Q');
    expect(() => knnBiasVariance(X, fX, draw(3, 3, 1), fQ, 1, 2)).toThrow('knnBiasVariance: X is 10x2 and Q is 3x3; they need the same columns');
    expect(() => knnBiasVariance(X, fX, Q, fQ, 1, 2, 'x' as never)).toThrow('knnBiasVariance: weights must be \'uniform\' or \'distance\', got x');
    const zero = knnBiasVariance(X, fX, Q, fQ, 0, 2);
    expect(zero.variance).toBe(0);
    expect(zero.bias2).toBe(knnBiasVariance(X, fX, Q, fQ, 1, 2).bias2);
  });

  it('knnTestErrors reports the mean of the repetitions\' errors and its standard error √(s²/reps)', () => {
    const [e] = knnTestErrors(LINEAR, 30, [30], { points: 10, reps: 3 }, createRng(40));
    const m = moments(e.errors);
    expect(e.mean).toBe(m.mean);
    expect(e.se).toBe(Math.sqrt(m.variance / 3));
  });

  it('the Cover–Hart functions name a missing problem and spec, and accept one cell', () => {
    expect(() => asymptoticRisks(null as never)).toThrow('asymptoticRisks: problem must have a function pi1(x)');
    expect(() => knnTestErrors(LINEAR, 10, [1], undefined as never, createRng(1))).toThrow('knnTestErrors: spec.points must be an integer in [1, 9007199254740991], got undefined');
    expect(() => knnTestErrors(LINEAR, 10, [1], { points: 5 } as never, createRng(1))).toThrow('knnTestErrors: spec.reps must be an integer in [2, 9007199254740991], got undefined');
    expect(asymptoticRisks(LINEAR, 1)).toEqual({ bayes: 0.5, nn: 0.5, bound: 0.5 });
  });

  it('distanceConcentration takes the median of an odd number of draws as the middle contrast', () => {
    const [d, n, reps] = [3, 50, 3];
    const m = distanceConcentration(d, n, reps, createRng(41));
    const rng = createRng(41); // the same draws, measured here
    const contrast = Array.from({ length: reps }, () => {
      const P = rng.uniformArray(n * d);
      const q = rng.uniformArray(d);
      let [near, far] = [Infinity, 0];
      for (let i = 0; i < n; i++) {
        const r = Math.sqrt(reducedDistance(q, 0, P, i, d, 2));
        [near, far] = [Math.min(near, r), Math.max(far, r)];
      }
      return (far - near) / near;
    }).sort((a, b) => a - b);
    expect([m.contrastMin, m.contrast, m.contrastMax]).toEqual(contrast);
  });

  it('the curse experiments name their sizes in full; one draw and k = n are allowed', () => {
    expect(() => distanceConcentration(2, 10, 0, createRng(1))).toThrow('distanceConcentration: reps must be an integer >= 1, got 0');
    const one = distanceConcentration(2, 10, 1, createRng(1));
    expect(one.contrastMin).toBe(one.contrastMax);
    expect(one.contrast).toBe(one.contrastMin);
    expect(treeWork(2, 10, 3, 10, createRng(1))).toBe(1); // every point
  });

  it('the digits study reports the test error and its standard error from the 0/1 errors', { timeout: DIGITS_TIMEOUT }, () => {
    const study = digits();
    const m = moments(study.wrong);
    expect(study.testError).toBe(m.mean);
    expect(study.testSe).toBe(Math.sqrt(m.variance / study.wrong.length));
    expect(study.wrong.length).toBe(449);
  });

  it('pairedDifference names bad input in full and takes two errors', () => {
    expect(() => pairedDifference([1], [0])).toThrow('pairedDifference: a and b must be equally long, with at least 2 errors, got a of 1 and b of 1');
    expect(() => pairedDifference(null as never, [0, 1])).toThrow('pairedDifference: a and b must be equally long, with at least 2 errors, got a of undefined and b of 2');
    expect(() => pairedDifference([1, NaN], [0, 0])).toThrow('pairedDifference: a and b must be finite');
    expect(pairedDifference([1, 0], [0, 0])).toEqual({ mean: 0.5, se: 0.5 });
  });

  it('interleavedFolds allows k = 2 and k = n', () => {
    expect(interleavedFolds(4, 2).map((f) => f.test)).toEqual([[0, 2], [1, 3]]);
    expect(interleavedFolds(3, 3).map((f) => f.test)).toEqual([[0], [1], [2]]);
  });

  it('the wine study pairs the raw and standardized errors wine by wine, and gives each feature\'s sample sd', () => {
    const { X: W, y: w, features } = loadWine();
    const study = wine();
    const wrong = (p: Int32Array) => Array.from(p, (v, i) => +(v !== w[i]));
    WINE_KS.forEach((_, s) => expect(study.paired[s]).toEqual(pairedDifference(
      wrong(study.raw.predictions[s]), wrong(study.scaled.predictions[s]))));
    expect(study.spread.map((f) => f.name)).toEqual(features);
    // numpy: std(ddof=1) of alcohol, nonflavanoid phenols and proline
    expect(study.spread[0].sd).toBeCloseTo(0.8118265380058575, 13);
    expect(study.spread[7].sd).toBeCloseTo(0.12445334029667937, 13);
    expect(study.spread[12].sd).toBeCloseTo(314.9074742768491, 10);
    expect(W.rows).toBe(178);
  });

  it('errorRate names a non-finite label in full', () => {
    expect(() => errorRate([1, NaN], [1, 1])).toThrow('errorRate: y and yHat must be finite, got y[1] = NaN, yHat[1] = 1');
  });

  it('condense returns the kept rows in increasing order, and keeps a duplicate of another label once', () => {
    // pass 1 keeps 0, 1, 3; pass 2 adds 2 (its nearest kept row is 3)
    expect(condense(line(0, 1, 10, 2), Int32Array.of(0, 1, 1, 0))).toEqual([0, 1, 2, 3]);
    expect(condense(line(0, 0, 5), Int32Array.of(0, 1, 0))).toEqual([0, 1]);
  });

  it('noisyWine and looByK name a list that is not an array; looByK allows k = n − 1', () => {
    expect(() => noisyWine(5 as never)).toThrow('noisyWine: counts must be a non-empty list of integers in [0, 100], got [5]');
    expect(() => looByK(line(0, 1, 2), Int32Array.of(0, 1, 1), 2 as never)).toThrow('looByK: ks must be a non-empty list of integers in [1, n − 1 = 2], got [2]');
    // each row voted on by the other two: row 0 by 1, 1; row 1 by 0, 1
    // (a tie: the smaller label); row 2 by 1, 0 (a tie)
    expect(Array.from(looByK(line(0, 1, 2), Int32Array.of(0, 1, 1), [2])[0])).toEqual([1, 0, 0]);
  });

  it('radiusNeighbors returns the distances too, and with r = 0 only the rows at the query', () => {
    const P = line(0, 1, 1, 3);
    const tree = buildKdTree(P, 1);
    expect(radiusNeighbors(tree, line(1), 0, 0)).toEqual({ indices: [1, 2], distances: [0, 0] });
    expect(radiusNeighbors(tree, line(0.5), 0, 2.5)).toEqual({ indices: [0, 1, 2, 3], distances: [0.5, 0.5, 0.5, 2.5] });
  });
});
