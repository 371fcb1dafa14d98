// Tests for the hierarchical-clustering chapter. Each `it` is one claim
// of the chapter; equation labels refer to
// chapters/unsupervised/hierarchical-clustering.mdx. Reference values
// come from scripts/reference/hierarchical_clustering.py (SciPy 1.10.1,
// scikit-learn 1.2.1).
import { describe, expect, it } from 'vitest';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { twoMoons } from '../code/k-means/data.ts';
import { dendrogramLinks } from '../code/hierarchical-clustering/dendrogram.ts';
import { pairwiseDistances } from '../code/hierarchical-clustering/distances.ts';
import {
  lanceWilliams, lwCoefficients, METHODS, updaterFor, type Method,
} from '../code/hierarchical-clustering/lance-williams.ts';
import { linkage } from '../code/hierarchical-clustering/linkage.ts';
import { sortAndLabel } from '../code/hierarchical-clustering/linkage-matrix.ts';
import { mstSingleLinkage } from '../code/hierarchical-clustering/mst.ts';
import { naiveLinkage } from '../code/hierarchical-clustering/naive.ts';
import {
  nnChainLinkage, REDUCIBLE,
} from '../code/hierarchical-clustering/nn-chain.ts';
import { sseFromHeights } from '../code/hierarchical-clustering/solutions/ward-sse.ts';
import {
  cophenetCorrelation, cophenetic, cutAtHeight, cutIntoK, leavesList,
  maxDists,
} from '../code/hierarchical-clustering/tree.ts';
import { wardVsKMeans, withinSS } from '../code/hierarchical-clustering/ward.ts';
import {
  bridgedBlobs, MOONS,
} from '../code/hierarchical-clustering/chaining.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/hierarchical-clustering.ts';
import { fixture } from './helpers.ts';

const ref = fixture('hierarchical-clustering', 'scipy.json');
const f64 = (xs: number[]) => Float64Array.from(xs);
const points = (s: any) => new Matrix(s.n, s.d, f64(s.X));
const BLOBS = points(ref.blobs);
const IRIS = points(ref.iris);
const D_BLOBS = pairwiseDistances(BLOBS);
const D_IRIS = pairwiseDistances(IRIS);
const ours: Record<string, Record<string, Matrix>> = { blobs: {}, iris: {} };
const Z = (set: 'blobs' | 'iris', m: Method) =>
  (ours[set][m] ??= linkage(set === 'blobs' ? BLOBS : IRIS, m));

/** Largest relative difference of the heights; count of rows whose
 *  two ids or size differ. */
function compare(A: Matrix, ref: number[]) {
  let rel = 0;
  let rows = 0;
  for (let k = 0; k < A.rows; k++) {
    const h = ref[4 * k + 2];
    rel = Math.max(rel, Math.abs(A.data[4 * k + 2] - h) / Math.max(h,
      1e-300));
    if (A.data[4 * k] !== ref[4 * k] || A.data[4 * k + 1] !==
      ref[4 * k + 1] || A.data[4 * k + 3] !== ref[4 * k + 3]) rows++;
  }
  return { rel, rows };
}

function expectScipy(set: 'blobs' | 'iris', m: Method) {
  const { rel, rows } = compare(Z(set, m), ref[set].methods[m].Z);
  expect(rel).toBeLessThanOrEqual(1e-12);
  expect(rows).toBe(0);
}

/** Same partition, whatever the numbers of the clusters. */
function sameUpToRelabelling(a: ArrayLike<number>, b: ArrayLike<number>) {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((ab.get(a[i]) ?? b[i]) !== b[i]) return false;
    if ((ba.get(b[i]) ?? a[i]) !== a[i]) return false;
    ab.set(a[i], b[i]);
    ba.set(b[i], a[i]);
  }
  return true;
}

// Three small clusters of points, for the update formula's tests.
const rng = createRng(18);
const cloud = (m: number, cx: number) => Array.from({ length: m }, () =>
  [rng.normal(cx, 1), rng.normal(0, 1)]);
const A = cloud(3, 0);
const B = cloud(4, 2);
const C = cloud(5, 5);
const dist = (p: number[], q: number[]) => Math.hypot(p[0] - q[0],
  p[1] - q[1]);
const mean = (P: number[][]) => [0, 1].map((j) =>
  P.reduce((s, p) => s + p[j], 0) / P.length);
const pairs = (P: number[][], Q: number[][]) =>
  P.flatMap((p) => Q.map((q) => dist(p, q)));
const sse = (P: number[][]) => {
  const c = mean(P);
  return P.reduce((s, p) => s + dist(p, c) ** 2, 0);
};
/** Each linkage's definition from the points of two clusters. */
const DEF: Partial<Record<Method, (P: number[][], Q: number[][]) =>
  number>> = {
  single: (P, Q) => Math.min(...pairs(P, Q)),
  complete: (P, Q) => Math.max(...pairs(P, Q)),
  average: (P, Q) => pairs(P, Q).reduce((s, v) => s + v, 0) /
    (P.length * Q.length),
  centroid: (P, Q) => dist(mean(P), mean(Q)),
  // Eq. (hc-ward-height): sqrt(2 ΔSSE)
  ward: (P, Q) => Math.sqrt(2 * (sse([...P, ...Q]) - sse(P) - sse(Q))),
};
function updateMatchesDefinition(m: Method) {
  const def = DEF[m] as (P: number[][], Q: number[][]) => number;
  const got = lanceWilliams(m, def(C, A), def(C, B), def(A, B), A.length,
    B.length, C.length);
  expect(got).toBeCloseTo(def(C, [...A, ...B]), 12);
}

describe('the Lance–Williams update, Eq. (hc-lance-williams)', () => {
  it('single linkage: equals the smallest distance between the points', () => {
    updateMatchesDefinition('single');
  });
  it('complete linkage: equals the largest distance', () => {
    updateMatchesDefinition('complete');
  });
  it('average linkage (UPGMA): equals the mean of all pair distances', () => {
    updateMatchesDefinition('average');
  });
  it('centroid linkage: equals the distance between the means', () => {
    updateMatchesDefinition('centroid');
  });
  it('Ward: equals sqrt(2 ΔSSE) of merging, Eq. (hc-ward-height)', () => {
    updateMatchesDefinition('ward');
  });
  it('median and weighted: the midpoint and the plain mean of the two', () => {
    // median: a merged cluster is represented by the midpoint of its two
    // representatives; WPGMA averages the two distances, whatever the sizes
    const [a, b, c] = [mean(A), mean(B), mean(C)];
    const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    expect(lanceWilliams('median', dist(c, a), dist(c, b), dist(a, b), 3,
      4, 5)).toBeCloseTo(dist(c, mid), 12);
    expect(lanceWilliams('weighted', 2, 5, 9, 3, 40, 7)).toBe(3.5);
  });
  it('the simplified updates equal Eq. (hc-lance-williams) to 1e-14', () => {
    const g = createRng(3);
    let worst = 0;
    for (const m of METHODS) {
      const up = updaterFor(m);
      for (let t = 0; t < 200; t++) {
        // a triangle's sides, and cluster sizes
        const [dki, dkj] = [g.uniform(1, 3), g.uniform(1, 3)];
        const dij = g.uniform(0.1, 1);
        const [ni, nj, nk] = [g.int(1, 6), g.int(1, 6), g.int(1, 6)];
        const a = up(dki, dkj, dij, ni, nj, nk);
        const b = lanceWilliams(m, dki, dkj, dij, ni, nj, nk);
        worst = Math.max(worst, Math.abs(a - b) / b);
      }
    }
    expect(worst).toBeLessThan(1e-14);
  });
  it('the table under Eq. (hc-lance-williams): Ward\'s coefficients sum to 1 with beta', () => {
    const c = lwCoefficients('ward', 2, 3, 5);
    expect(c.ai + c.aj + c.beta).toBeCloseTo(1, 15);
    expect([c.ai, c.aj, c.beta]).toEqual([0.7, 0.8, -0.5]);
  });
});

describe('against scipy.cluster.hierarchy.linkage (blobs, no ties)', () => {
  it('single (minimum spanning tree): the same matrix, heights to 1e-12', () => {
    expectScipy('blobs', 'single');
  });
  it('complete (NN-chain): the same matrix', () => {
    expectScipy('blobs', 'complete');
  });
  it('average (NN-chain): the same matrix', () => {
    expectScipy('blobs', 'average');
  });
  it('weighted (NN-chain): the same matrix', () => {
    expectScipy('blobs', 'weighted');
  });
  it('centroid (naive): the same matrix', () => {
    expectScipy('blobs', 'centroid');
  });
  it('median (naive): the same matrix', () => {
    expectScipy('blobs', 'median');
  });
  it('ward (NN-chain): the same matrix', () => {
    expectScipy('blobs', 'ward');
  });
  it('the naive loop gives the same matrices as the chain and the MST', () => {
    for (const m of REDUCIBLE) {
      // the same merges; updates in another order round differently
      const { rel, rows } = compare(naiveLinkage(D_BLOBS, m),
        ref.blobs.methods[m].Z);
      expect(rel).toBeLessThanOrEqual(1e-12);
      expect(rows).toBe(0);
    }
  });
  it('leaves_list, fcluster (maxclust, distance) and cophenet match', () => {
    for (const m of METHODS) {
      const r = ref.blobs.methods[m];
      expect(Array.from(leavesList(Z('blobs', m)))).toEqual(r.leaves);
      expect(Array.from(cutIntoK(Z('blobs', m), 3))).toEqual(r.maxclust);
      expect(Array.from(cutAtHeight(Z('blobs', m), r.t))).toEqual(
        r.distance);
      expect(cophenetCorrelation(Z('blobs', m), D_BLOBS)).toBeCloseTo(
        r.cophenet, 12);
    }
  });
  it('cophenetic distances match to 1e-12 (single, centroid, ward)', () => {
    for (const m of ['single', 'centroid', 'ward'] as Method[]) {
      const c = cophenetic(Z('blobs', m));
      const r = ref.blobs.methods[m].cophenetic as number[];
      let worst = 0;
      r.forEach((v, t) => { worst = Math.max(worst, Math.abs(c[t] - v)); });
      expect(worst).toBeLessThanOrEqual(1e-12);
    }
  });
  it('the dendrogram is drawn where scipy draws it', () => {
    const key = (x: number[], y: number[]) => [...x, ...y].join(',');
    const got = dendrogramLinks(Z('blobs', 'ward')).map((l) =>
      key(l.x, l.y)).sort();
    const want = ref.dendrogram.icoord.map((x: number[], t: number) =>
      key(x, ref.dendrogram.dcoord[t])).sort();
    expect(got).toEqual(want);
    expect(Array.from(leavesList(Z('blobs', 'ward')))).toEqual(
      ref.dendrogram.leaves);
  });
});

describe('against SciPy on standardised iris (many tied distances)', () => {
  it('single: the same matrix, ties broken as SciPy breaks them', () => {
    expectScipy('iris', 'single');
  });
  it('complete: the same matrix', () => {
    expectScipy('iris', 'complete');
  });
  it('average: the same matrix', () => {
    expectScipy('iris', 'average');
  });
  it('weighted: the same matrix', () => {
    expectScipy('iris', 'weighted');
  });
  it('ward: the same matrix', () => {
    expectScipy('iris', 'ward');
  });
  it('centroid and median: the same heights and tree, tied merges reordered', () => {
    for (const m of ['centroid', 'median'] as Method[]) {
      const ours = Z('iris', m);
      const R = new Matrix(149, 4, f64(ref.iris.methods[m].Z));
      const { rel, rows } = compare(ours, ref.iris.methods[m].Z);
      expect(rel).toBe(0);
      expect(rows).toBeGreaterThan(0); // SciPy's heap orders ties apart
      expect(Array.from(cophenetic(ours))).toEqual(
        Array.from(cophenetic(R)));
    }
  });
  it('leaves_list, fcluster and cophenet match for every method', () => {
    for (const m of METHODS) {
      const r = ref.iris.methods[m];
      expect(Array.from(leavesList(Z('iris', m)))).toEqual(r.leaves);
      expect(Array.from(cutIntoK(Z('iris', m), 3))).toEqual(r.maxclust);
      expect(Array.from(cutAtHeight(Z('iris', m), r.t))).toEqual(
        r.distance);
      expect(cophenetCorrelation(Z('iris', m), D_IRIS)).toBeCloseTo(
        r.cophenet, 12);
    }
  });
  it('with ties, the naive loop can build a different Ward tree', () => {
    const naive = naiveLinkage(D_IRIS, 'ward');
    expect(compare(naive, ref.iris.methods.ward.Z).rows).toBeGreaterThan(0);
    expect(Array.from(cophenetic(naive))).not.toEqual(
      Array.from(cophenetic(Z('iris', 'ward'))));
  });
  it('scikit-learn\'s AgglomerativeClustering: the same 3 clusters', () => {
    for (const m of ['ward', 'average'] as Method[]) {
      expect(sameUpToRelabelling(cutIntoK(Z('iris', m), 3),
        ref.sklearn[m])).toBe(true);
    }
  });
});

describe('the algorithms', () => {
  it('sortAndLabel sorts merges stably by height and names clusters', () => {
    // points 0..3: {2,3} at 1, then {0,1} at 2, then all at 3 (found
    // in the order 0–1, 2–3, 1–3)
    const merges = new Matrix(3, 4, f64([0, 1, 2, 0, 2, 3, 1, 0, 1, 3, 3,
      0]));
    expect(Array.from(sortAndLabel(merges).data)).toEqual([2, 3, 1, 2,
      0, 1, 2, 2, 4, 5, 3, 4]);
  });
  it('the NN-chain refuses centroid and median (not reducible)', () => {
    expect(() => nnChainLinkage(D_BLOBS, 'centroid')).toThrow(
      /nnChainLinkage: method must be one of/);
    expect(() => nnChainLinkage(D_BLOBS, 'median')).toThrow(/median/);
  });
  it('reducibility, Eq. (hc-reducible), holds for the five and fails for centroid', () => {
    const g = createRng(5);
    for (const m of REDUCIBLE) {
      for (let t = 0; t < 300; t++) {
        const dij = g.uniform(0, 1); // i and j the closest pair
        const dki = g.uniform(dij, 3);
        const dkj = g.uniform(Math.max(dij, Math.abs(dki - dij)),
          dki + dij);
        const [ni, nj, nk] = [g.int(1, 5), g.int(1, 5), g.int(1, 5)];
        expect(lanceWilliams(m, dki, dkj, dij, ni, nj, nk))
          .toBeGreaterThanOrEqual(Math.min(dki, dkj) * (1 - 1e-15));
      }
    }
    // an equilateral triangle: the midpoint of a side is nearer the
    // third corner than the corners are to each other
    expect(lanceWilliams('centroid', 2, 2, 2, 1, 1, 1)).toBeLessThan(2);
  });
  it('centroid linkage inverts on the triangle, as SciPy does', () => {
    const T = new Matrix(3, 2, f64(ref.triangle.X));
    const Zt = linkage(T, 'centroid');
    expect(Array.from(Zt.data)).toEqual(ref.triangle.Z);
    expect(Zt.data[6]).toBeLessThan(Zt.data[2]); // 1.8 after 2
    expect(Array.from(maxDists(Zt))).toEqual([2, 2]);
    const Zm = linkage(T, 'median'); // the median exercise: 2, then 1.8
    expect([Zm.data[2], Zm.data[6]]).toEqual([2, Zt.data[6]]);
  });
  it('single linkage from the MST equals the naive single linkage', () => {
    const a = mstSingleLinkage(D_IRIS);
    const b = naiveLinkage(D_IRIS, 'single');
    expect(Array.from(cophenetic(a))).toEqual(Array.from(cophenetic(b)));
  });
  it('a chain 3000 points deep: no stack overflow, the right order', () => {
    const n = 3000; // gaps that grow: single linkage adds one point a merge
    const X = new Matrix(n, 1, f64(Array.from({ length: n }, (_, i) =>
      i * i)));
    const Zc = linkage(X, 'single');
    // each merge is [new point, cluster]: the last point is leftmost
    expect(Array.from(leavesList(Zc)).slice(0, 3)).toEqual([n - 1, n - 2,
      n - 3]);
    // gaps 2i − 1 <= n join points 0..n/2; the other n/2 − 1 stay alone
    const T = cutAtHeight(Zc, n);
    let clusters = 0;
    for (const v of T) clusters = Math.max(clusters, v);
    expect(clusters).toBe(n / 2);
    expect(dendrogramLinks(Zc)).toHaveLength(n - 1);
    const two = cutIntoK(Zc, 2); // the farthest point alone, numbered last
    expect([two[0], two[n - 2], two[n - 1]]).toEqual([1, 1, 2]);
  });
});

describe('Ward and k-means, single-linkage chaining', () => {
  it('Ward\'s heights: SSE of k clusters = Σ h²/2 (exercise solution)', () => {
    const Zw = Z('blobs', 'ward');
    for (const k of [1, 3, 10]) {
      expect(sseFromHeights(Zw, k)).toBeCloseTo(
        withinSS(BLOBS, cutIntoK(Zw, k), k), 10);
    }
  });
  it('on iris, Ward\'s 3 clusters have an SSE no lower than k-means\'', () => {
    const r = wardVsKMeans(IRIS, 3, 10, 1);
    expect(r.ward).toBeGreaterThanOrEqual(r.kmeans);
  });
  it('single linkage separates the two moons; Ward does not', () => {
    const { X, y } = twoMoons(MOONS.n, MOONS.noise, createRng(MOONS.seed));
    expect(sameUpToRelabelling(cutIntoK(linkage(X, 'single'), 2), y))
      .toBe(true);
    expect(sameUpToRelabelling(cutIntoK(linkage(X, 'ward'), 2), y))
      .toBe(false);
  });
  it('a line of points: single linkage chains the two blobs into one', () => {
    const X = bridgedBlobs(11, createRng(11)); // the figure's data
    const single = cutIntoK(linkage(X, 'single'), 2);
    const ward = cutIntoK(linkage(X, 'ward'), 2);
    let alone = 0; // points not in the cluster of point 0
    for (const v of single) alone += +(v !== single[0]);
    expect(Math.min(alone, X.rows - alone)).toBeLessThanOrEqual(3);
    expect(ward[0]).not.toBe(ward[40]); // Ward keeps the blobs apart
  });
  it('bridgedBlobs: 80 blob points, then the line at x₁ = 0.5, 1, …', () => {
    const X = bridgedBlobs(3, createRng(1));
    expect(X.rows).toBe(83);
    expect([X.get(80, 0), X.get(81, 0), X.get(82, 0)]).toEqual([0.5, 1,
      1.5]);
  });
});

describe('bad input', () => {
  it('the linkage functions reject bad input', () => {
    rejectsBadInput(badInput.linkages);
  });
  it('the tree functions reject bad input', () => {
    rejectsBadInput(badInput.trees);
  });
  it('the input checks reject bad input', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  const n = ref.blobs.n;
  it('Ward on the blobs: the largest gap is below the last two merges', () => {
    const Zw = Z('blobs', 'ward');
    let widest = 0;
    let at = -1;
    for (let r = 1; r < Zw.rows; r++) {
      const gap = Zw.get(r, 2) - Zw.get(r - 1, 2);
      if (gap > widest) { widest = gap; at = r; }
    }
    expect(at).toBe(n - 3); // between rows n - 4 and n - 3
    const cut = 0.5 * (Zw.get(n - 4, 2) + Zw.get(n - 3, 2));
    expect(Math.max(...cutAtHeight(Zw, cut))).toBe(3);
  });
  it('the fixture\'s t lies between the merges leaving 3 and 2 clusters', () => {
    for (const m of METHODS) {
      const r = ref.blobs.methods[m];
      const [a, b] = [r.Z[4 * (n - 4) + 2], r.Z[4 * (n - 3) + 2]];
      expect(r.t).toBe(0.5 * (a + b));
      expect(Math.max(...r.distance)).toBe(3);
    }
  });
  it('the cophenetic correlation ignores the scale of the heights', () => {
    const Zw = Z('blobs', 'ward');
    const Z3 = new Matrix(Zw.rows, 4, Zw.data.slice());
    for (let r = 0; r < Z3.rows; r++) Z3.data[4 * r + 2] *= 3;
    expect(cophenetCorrelation(Z3, D_BLOBS)).toBeCloseTo(
      cophenetCorrelation(Zw, D_BLOBS), 12);
  });
  it('without the line, single linkage separates the two blobs', () => {
    const X = bridgedBlobs(0, createRng(11)); // the figure's blobs
    const T = cutIntoK(linkage(X, 'single'), 2);
    const blobOf = Int32Array.from({ length: X.rows }, (_, i) =>
      +(i >= X.rows / 2));
    expect(sameUpToRelabelling(T, blobOf)).toBe(true);
  });
  it('with the line, the small single-linkage cluster is one blob point', () => {
    const X = bridgedBlobs(11, createRng(11));
    const T = cutIntoK(linkage(X, 'single'), 2);
    const small = T.filter((v) => v === 2).length <
      T.filter((v) => v === 1).length ? 2 : 1;
    const members = [...T.keys()].filter((i) => T[i] === small);
    expect(members).toHaveLength(1);
    expect(members[0]).toBeLessThan(80); // a blob point, not the line
  });
  it('the equilateral triangle of side 2: centroid and median give √3', () => {
    expect(lanceWilliams('centroid', 2, 2, 2, 1, 1, 1)).toBeCloseTo(
      Math.sqrt(3), 14);
    expect(lanceWilliams('median', 2, 2, 2, 1, 1, 1)).toBeCloseTo(
      Math.sqrt(3), 14);
  });
  it('every height is bitwise SciPy\'s, every method, both data sets', () => {
    for (const set of ['blobs', 'iris'] as const) {
      for (const m of METHODS) {
        expect(compare(Z(set, m), ref[set].methods[m].Z).rel).toBe(0);
      }
    }
  });
  it('with tied heights, no cut gives some k (the SSE exercise caveat)', () => {
    const X = new Matrix(4, 1, f64([0, 1, 3, 4])); // two merges at 1
    const Zt = linkage(X, 'ward');
    expect(Zt.get(0, 2)).toBe(Zt.get(1, 2));
    expect(Math.max(...cutIntoK(Zt, 3))).toBe(2);
  });
});
