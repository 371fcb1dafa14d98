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
  type Neighbors,
} from '../code/k-nearest-neighbors/brute.ts';
import { MAX_CLASSES } from '../code/k-nearest-neighbors/checks.ts';
import {
  classScores,
  fitKnnClassifier,
  predictKnn,
  predictProbaKnn,
} from '../code/k-nearest-neighbors/classifier.ts';
import {
  LINEAR,
  STEP,
  asymptoticRisks,
  drawLabelled,
  knnTestError,
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
  digitsSplit,
  interleavedFolds,
  irisSepals,
  pairedDifference,
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
import { radiusNeighbors } from '../code/k-nearest-neighbors/solutions/radius.ts';
import {
  WINE_SHA256,
  loadWine,
} from '../code/k-nearest-neighbors/wine.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/k-nearest-neighbors.ts';
import { fixture } from './helpers.ts';

const sk = fixture('k-nearest-neighbors', 'sklearn.json');

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
    const nf = kdTreeNeighbors(buildKdTree(flat), draw(2, 2, 18), 3);
    expect(Array.from(nf.indices)).toEqual([0, 1, 2, 0, 1, 2]); // ties: lowest indices
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
    const Q = new Matrix(8, 1, Float64Array.from({ length: 8 }, (_, i) => 10 * i + 0.2));
    const yHat = predictKnn(m, Q);
    expect(yHat[7]).toBe(0); // 70.2: rows 70, 71, 69 → labels 1, 2, 0: a tie
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
  it('computes R* = 1/4, R1 = 1/3 and the bound 3/8 for η(x) = x', () => {
    const r = asymptoticRisks(LINEAR);
    expect(r.bayes).toBeCloseTo(1 / 4, 10);
    expect(r.nn).toBeCloseTo(1 / 3, 9);
    expect(r.bound).toBeCloseTo(3 / 8, 10);
  });

  it('meets the bound 2R*(1 − R*) with equality when η takes only the values R* and 1 − R*', () => {
    const r = asymptoticRisks(STEP);
    expect(r.bayes).toBeCloseTo(0.1, 12);
    expect(r.nn).toBeCloseTo(0.18, 12);
    expect(r.bound).toBeCloseTo(r.nn, 12);
  });

  it('has a 1-NN error that approaches R1, between R* and 2R*(1 − R*), in simulation', () => {
    const r = asymptoticRisks(LINEAR);
    const e = knnTestError(LINEAR, 4000, 1, { tests: 1500, reps: 10 }, createRng(23));
    expect(Math.abs(e.mean - r.nn)).toBeLessThan(4 * e.se + 1 / 4000);
    expect(e.mean).toBeGreaterThan(r.bayes);
    expect(e.mean).toBeLessThan(r.bound);
  });

  it('lets k-NN with a growing k beat 1-NN and come near R*', () => {
    const r = asymptoticRisks(LINEAR);
    const e = knnTestError(LINEAR, 2000, 45, { tests: 1000, reps: 8 }, createRng(24));
    expect(e.mean).toBeLessThan(r.bayes + 0.02);
    expect(e.mean).toBeLessThan(r.nn - 0.05);
  });
});

describe('the curse of dimensionality', () => {
  it('gives squared distances of mean d/6 and sd √(7d/180), Eq. (knn-concentration)', () => {
    const d = 10;
    const m = distanceConcentration(d, 200, 200, createRng(25));
    const theory = squaredDistanceMoments(d);
    // 200 · 200 squared distances, 200 independent queries: the mean's
    // standard error is below sd / √200
    expect(Math.abs(m.mean - theory.mean)).toBeLessThan(4 * theory.sd / Math.sqrt(200));
    expect(Math.abs(m.sd / theory.sd - 1)).toBeLessThan(0.05);
  });

  it('shrinks the relative spread like 1/√d and the contrast (max − min)/min towards 0', () => {
    const rng = createRng(26);
    const low = distanceConcentration(2, 500, 20, rng);
    const high = distanceConcentration(200, 500, 20, rng);
    expect((high.sd / high.mean) / (low.sd / low.mean)).toBeCloseTo(0.1, 1);
    expect(low.contrast).toBeGreaterThan(20);
    expect(high.contrast).toBeLessThan(0.5);
  });

  it('makes a k-d tree look at almost every point once d is large', () => {
    const rng = createRng(27);
    expect(treeWork(2, 4000, 50, 5, rng)).toBeLessThan(0.03);
    expect(treeWork(16, 4000, 50, 5, rng)).toBeGreaterThan(0.5);
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
    const { X, y } = loadWine();
    const folds = interleavedFolds(X.rows, 10);
    const raw = cvErrorByK(X, y, folds, [5]);
    const scaled = cvErrorByK(X, y, folds, [5], { standardize: true });
    const wrong = (p: Int32Array) => Array.from(p, (v, i) => +(v !== y[i]));
    const d = pairedDifference(wrong(raw.predictions[0]), wrong(scaled.predictions[0]));
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

  it('agrees with scikit-learn\'s k-d tree distances to the last bit for p = 1, 2, ∞ and to 2 ulp for p = 3', () => {
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

  it('gives KNeighborsRegressor\'s predictions to 1e-15 relative', () => {
    const r = sk.regressor;
    const Xr = mat(r.X, 2);
    const Qr = mat(r.Q, 2);
    for (const fit of r.fits) {
      const m = fitKnnRegressor(Xr, Float64Array.from(r.y), { k: fit.k, weights: fit.weights });
      predictKnnRegression(m, Qr).forEach((v, q) =>
        expect(Math.abs(v - fit.predict[q])).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(v))));
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

  it('gives scikit-learn\'s 10-fold accuracies on the digits for k = 1…15, or differs only through a tie at the k-th distance', () => {
    const { train } = digitsSplit();
    const folds = kFoldIndices(train.X.rows, 10);
    const cv = cvErrorByK(train.X, train.y, folds, DIGITS_KS, { algorithm: 'brute' });
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
    const { X: W, y: w } = loadWine();
    const folds = interleavedFolds(W.rows, 10);
    const raw = cvErrorByK(W, w, folds, WINE_KS);
    const scaled = cvErrorByK(W, w, folds, WINE_KS, { standardize: true });
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
    expect(() => asymptoticRisks({ name: 'x' } as never)).toThrow(/^asymptoticRisks: problem must have a function eta/);
    expect(() => asymptoticRisks(LINEAR, 0)).toThrow(/^asymptoticRisks: cells must be an integer in \[1, /);
    expect(() => drawLabelled(LINEAR, 0, createRng(1))).toThrow(/^drawLabelled: n must be/);
    expect(() => knnTestError(LINEAR, 10, 11, { tests: 5, reps: 2 }, createRng(1))).toThrow(/^knnTestError: k must be an integer in \[1, 10\], got 11/);
    expect(() => knnTestError(LINEAR, 10, 1, { tests: 5, reps: 1 }, createRng(1))).toThrow(/^knnTestError: spec.reps/);
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
