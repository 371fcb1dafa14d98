// Tests for the learning-theory chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/linear-models/
// learning-theory.mdx. Reference values come from SciPy 1.10 (linprog,
// stats.binom, special.comb) and from brute-force enumeration in
// Python, via scripts/reference/learning_theory.py.
import { describe, expect, it } from 'vitest';
import { createRng } from '../code/introduction/random.ts';
import { relativeError } from '../code/introduction/check.ts';
import {
  binomialCdf,
  binomialLogPmf,
  binomialQuantile,
  binomialSf,
} from '../code/learning-theory/binomial.ts';
import {
  finiteClassRadius,
  GROWTH,
  hoeffdingRadius,
  labellingMassart,
  massartBound,
  rademacherRadius,
  realizableSampleSize,
  sauerBound,
  uniformConvergenceSize,
  vcMarkovRadius,
  vcRademacherRadius,
} from '../code/learning-theory/bounds.ts';
import {
  cancerPopulation,
  cancerRademacher,
} from '../code/learning-theory/breast-cancer.ts';
import {
  criticalAngles,
  distinctCount,
  distinctRanks,
  halfPlanes,
  halfPlaneWitnesses,
  intervals,
  labelByHalfPlane,
  type Point2,
  thresholds,
} from '../code/learning-theory/classes.ts';
import {
  boundsAt,
  gapRepetitions,
  gapStudy,
  intervalCount,
  mistakesOf,
  over,
  randomClass,
  realizableStudy,
  unionStudy,
  windowPopulation,
  WINDOW,
} from '../code/learning-theory/experiments.ts';
import {
  LEARNERS,
  nflConsistentMean,
  noFreeLunch,
  popcount,
} from '../code/learning-theory/no-free-lunch.ts';
import {
  countsOf,
  drawSample,
  empiricalIntervalRisk,
  ermInterval,
  intervalDeviations,
  intervalRisk,
  minRun,
  population,
  type Sample,
} from '../code/learning-theory/population.ts';
import {
  expectedRademacher,
  intervalCorrelator,
  intervalLossCorrelator,
  labellingCorrelator,
  rademacherExact,
  rademacherMonteCarlo,
  thresholdCorrelator,
  thresholdRademacher,
} from '../code/learning-theory/rademacher.ts';
import {
  forEachSubset,
  growthOnPool,
  shatters,
  vcSearch,
} from '../code/learning-theory/shattering.ts';
import {
  deviationTail,
  exactRadius,
} from '../code/learning-theory/solutions/exact-radius.ts';
import {
  crossingGrid,
  finerGridStudy,
} from '../code/learning-theory/solutions/finer-grid.ts';
import {
  oppositeCorrelator,
  oppositeRademacher,
} from '../code/learning-theory/solutions/opposite-vectors.ts';
import { rectangles } from '../code/learning-theory/solutions/rectangles.ts';
import { quantile } from '../code/statistics/bootstrap.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/learning-theory.ts';
import { fixture } from './helpers.ts';

interface PlaneSet {
  name: string;
  points: [number, number][];
  labellings: number[];
  rademacher?: number;
}
const ref = fixture<{
  half_planes: PlaneSet[];
  line: { m: number; thresholds: { count: number; rademacher: number };
    intervals: { count: number; rademacher: number } }[];
  binomial: { n: number; p: number; k: number[]; logpmf: number[];
    cdf: number[]; sf: number[]; q: number[]; ppf: number[] }[];
  sauer: { m: number; d: number; sum: number }[];
}>('learning-theory', 'reference.json');

const line = (n: number) => Array.from({ length: n }, (_, i) => i * 0.5);
const grid = (side: number): Point2[] =>
  Array.from({ length: side * side }, (_, t) => [t % side, (t / side) | 0]);
/** n points on a convex curve: in general position. */
const generalPosition = (n: number, seed = 1): Point2[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * (i + rng.uniform(0.1, 0.9))) / n;
    return [Math.cos(t), 0.6 * Math.sin(t)] as Point2;
  });
};
/** make(), computed on first use only: the costly studies run once per
 *  file, and only when a test that needs them runs (under Stryker each
 *  mutant re-runs just the tests that reach it). */
function lazily<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}
const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
const binom = (n: number, k: number) => {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return Math.round(c);
};

// The input checks come first: under Stryker a mutant that only they
// catch stops at the first failing test, before the costly studies.

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('classes and restrictions', () => {
    rejectsBadInput(badInput.classes);
  });

  it('shattering and the search', () => {
    rejectsBadInput(badInput.shattering);
  });

  it('bounds', () => {
    rejectsBadInput(badInput.bounds);
  });

  it('binomial probabilities and the exact radius', () => {
    rejectsBadInput(badInput.binomial);
  });

  it('the population, samples and ERM', () => {
    rejectsBadInput(badInput.population);
  });

  it('Rademacher estimators', () => {
    rejectsBadInput(badInput.rademacher);
  });

  it('experiments and no free lunch', () => {
    rejectsBadInput(badInput.experiments);
  });

  it('the real data', () => {
    rejectsBadInput(badInput.realData);
  });

  it('what the generated inputs cannot reach: a learner that returns no labelling, a sample outside its domain', () => {
    expect(() => noFreeLunch(2, () => 99))
      .toThrow(/^noFreeLunch: learner must return a labelling of 4/);
    expect(() => intervalLossCorrelator(3, { x: Int32Array.of(3),
      y: Uint8Array.of(0) })).toThrow(/^intervalLossCorrelator: S holds/);
    expect(() => population([0.5, 0.6], [0, 1]))
      .toThrow(/^population: p must sum to 1/);
    expect(() => vcSearch(thresholds, line(4), 5))
      .toThrow(/^vcSearch: maxSize must be an integer in \[0, 4\]/);
  });
});

describe('restrictions and shattering', () => {
  it('thresholds label the j smallest points 1: n + 1 labellings (Eq. (lt-growth-line))', () => {
    expect(sorted(thresholds.restrict(line(4)))).toEqual([0, 1, 3, 7, 15]);
    for (let n = 0; n <= 12; n++) {
      expect(thresholds.restrict(line(n)).size).toBe(GROWTH.thresholds(n));
    }
  });

  it('intervals label a run of consecutive points: n(n + 1)/2 + 1 labellings (Eq. (lt-growth-line))', () => {
    expect(sorted(intervals.restrict(line(3)))).toEqual([0, 1, 2, 3, 4, 6, 7]);
    for (let n = 0; n <= 12; n++) {
      expect(intervals.restrict(line(n)).size).toBe(GROWTH.intervals(n));
    }
  });

  it('line counts and the order of the points do not matter, only distinct values do', () => {
    for (const row of ref.line) {
      const xs = createRng(row.m).shuffle(line(row.m));
      expect(thresholds.restrict(xs).size).toBe(row.thresholds.count);
      expect(intervals.restrict(xs).size).toBe(row.intervals.count);
    }
    // a repeated value is labelled alike by every hypothesis
    const rep = [2, 0, 2, 1];
    for (const H of [thresholds, intervals]) {
      for (const mask of H.restrict(rep)) {
        expect((mask >> 0) & 1).toBe((mask >> 2) & 1);
      }
    }
    expect(Array.from(distinctRanks(rep))).toEqual([2, 0, 2, 1]);
  });

  it('half-planes: the search finds exactly the labellings SciPy\'s LP finds separable, on 27 point sets', () => {
    expect(ref.half_planes.length).toBe(27);
    for (const set of ref.half_planes) {
      expect(sorted(halfPlanes.restrict(set.points)), set.name)
        .toEqual(set.labellings);
    }
  });

  it('half-planes: every witness makes the labelling it stands for', () => {
    for (const set of ref.half_planes) {
      for (const [mask, h] of halfPlaneWitnesses(set.points)) {
        expect(labelByHalfPlane(h, set.points)).toBe(mask);
      }
    }
  });

  it('half-planes realize n^2 - n + 2 labellings of n points in general position (Eq. (lt-growth-planes))', () => {
    for (let n = 1; n <= 12; n++) {
      expect(halfPlanes.restrict(generalPosition(n, n)).size)
        .toBe(GROWTH['half-planes'](n));
    }
  });

  it('critical angles come in opposite pairs, two per pair of distinct points', () => {
    const a = criticalAngles([[0, 0], [1, 0], [0, 2]]);
    expect(a.length).toBe(6);
    for (let t = 0; t < 3; t++) {
      expect(a[t + 3] - a[t]).toBeCloseTo(Math.PI, 12);
    }
    expect(criticalAngles([[1, 1], [1, 1]])).toEqual([]);
  });

  it('Sauer\'s lemma: tau(n) <= sum_{i<=d} C(n, i), with equality for thresholds and intervals (Eq. (lt-sauer))', () => {
    for (let n = 0; n <= 40; n++) {
      expect(GROWTH.thresholds(n)).toBe(sauerBound(n, 1));
      expect(GROWTH.intervals(n)).toBe(sauerBound(n, 2));
      expect(GROWTH['half-planes'](n)).toBeLessThanOrEqual(sauerBound(n, 3));
      if (n >= 4) {
        expect(GROWTH['half-planes'](n)).toBeLessThan(sauerBound(n, 3));
      }
    }
  });

  it('sauerBound matches SciPy\'s binomial coefficients', () => {
    for (const { m: n, d, sum } of ref.sauer) {
      expect(relativeError(sauerBound(n, d), sum)).toBeLessThan(1e-12);
    }
  });

  it('forEachSubset visits each k-subset once, in lexicographic order', () => {
    const seen: string[] = [];
    const count = forEachSubset(6, 3, (idx) => {
      seen.push(idx.join(','));
      return false;
    });
    expect(count).toBe(20);
    expect(new Set(seen).size).toBe(20);
    expect(seen[0]).toBe('0,1,2');
    expect(seen[19]).toBe('3,4,5');
    expect([...seen].sort()).toEqual(seen);
    expect(forEachSubset(5, 0, () => false)).toBe(1);
    expect(forEachSubset(9, 2, (idx) => idx[1] === 3)).toBe(3);
  });

  it('VC dimension by search: thresholds 1', () => {
    const s = vcSearch(thresholds, line(8));
    expect(s.dimension).toBe(1);
    expect(s.examined).toEqual([1, binom(8, 2)]);
  });

  it('VC dimension by search: intervals 2', () => {
    const s = vcSearch(intervals, line(8));
    expect(s.dimension).toBe(2);
    expect(shatters(intervals, [...s.witness])).toBe(true);
    expect(s.examined[2]).toBe(binom(8, 3)); // every triple fails
  });

  it('VC dimension by search: half-planes 3, no 4 of the 16 grid points shattered', () => {
    const s = vcSearch(halfPlanes, grid(4));
    expect(s.dimension).toBe(3);
    expect(shatters(halfPlanes, [...s.witness])).toBe(true);
    expect(s.examined[3]).toBe(binom(16, 4)); // all 1820 quadruples
    expect(growthOnPool(halfPlanes, grid(4), 4)).toBe(14);
  });

  it('four points in convex position miss only the two diagonal labellings; a point inside a triangle misses the two that split it from the corners', () => {
    const square: Point2[] = [[0, 0], [1, 0], [1, 1], [0, 1]];
    const missing = (ps: Point2[]) => Array.from({ length: 16 }, (_, i) => i)
      .filter((mask) => !halfPlanes.restrict(ps).has(mask));
    expect(missing(square)).toEqual([0b0101, 0b1010]);
    expect(missing([[0, 0], [4, 0], [0, 4], [1, 1]]))
      .toEqual([0b0111, 0b1000]);
    expect(shatters(halfPlanes, square.slice(0, 3))).toBe(true);
    expect(shatters(halfPlanes, [[0, 0], [1, 1], [2, 2]])).toBe(false);
  });
});

describe('finite classes and the bounds', () => {
  it('Corollary 2.3: the size needed is the smallest n with |H| e^{-eps n} <= delta (Eq. (lt-realizable))', () => {
    for (const [H, eps, delta] of [[5051, 0.1, 0.05], [10, 0.01, 0.1],
      [1e6, 0.3, 1e-3]]) {
      const needed = realizableSampleSize(H, eps, delta);
      expect(H * Math.exp(-eps * needed)).toBeLessThanOrEqual(delta);
      expect(H * Math.exp(-eps * (needed - 1))).toBeGreaterThan(delta);
    }
  });

  it('Corollary 4.6: the uniform-convergence size is the smallest n whose radius is <= eps (Eqs. (lt-finite-radius), (lt-finite-uc))', () => {
    for (const [H, eps, delta] of [[5051, 0.05, 0.05], [2, 0.2, 0.5]]) {
      const n = uniformConvergenceSize(H, eps, delta);
      expect(finiteClassRadius(n, H, delta)).toBeLessThanOrEqual(eps);
      expect(finiteClassRadius(n - 1, H, delta)).toBeGreaterThan(eps);
    }
    expect(hoeffdingRadius(200, 0.05)).toBe(finiteClassRadius(200, 1, 0.05));
  });

  it('Hoeffding holds against the exact binomial tail for one fixed hypothesis (Eq. (lt-hoeffding))', () => {
    for (const n of [10, 50, 200, 1000]) {
      for (const L of [0.1, 0.3, 0.5]) {
        const r = hoeffdingRadius(n, 0.05);
        const lo = Math.ceil(n * (L - r)) - 1; // X < n(L - r)
        const hi = Math.floor(n * (L + r)); // X > n(L + r)
        const tail = (lo >= 0 ? binomialCdf(lo, n, L) : 0) +
          binomialSf(hi, n, L);
        expect(tail).toBeLessThanOrEqual(0.05);
      }
    }
  });

  it('Theorem 6.11\'s bound decreases in n and exceeds 1 for the window below n = 10^4', () => {
    const at = (n: number) =>
      vcMarkovRadius(n, GROWTH.intervals(2 * n), 0.05);
    expect(at(100)).toBeGreaterThan(at(1000));
    expect(at(9999)).toBeGreaterThan(1);
    expect(at(100)).toBeCloseTo(
      (4 + Math.sqrt(Math.log(200 * 201 / 2 + 1))) / (0.05 * Math.sqrt(200)),
      12);
  });

  it('the growth-function Rademacher bound is Theorem 26.5 with Massart\'s bound inserted (Eq. (lt-vc-rademacher))', () => {
    const n = 400;
    const R = labellingMassart(GROWTH.intervals(n), n);
    expect(R).toBeCloseTo(Math.sqrt(Math.log(80201) / 800), 14);
    expect(vcRademacherRadius(n, GROWTH.intervals(n), 0.05))
      .toBe(rademacherRadius(R, n, 0.05));
    expect(rademacherRadius(0.1, 50, 0.05))
      .toBeCloseTo(0.2 + Math.sqrt(2 * Math.log(40) / 50), 14);
  });
});

describe('binomial probabilities', () => {
  it('log-pmf, cdf and sf agree with scipy.stats.binom to 1e-9 (relative)', () => {
    for (const c of ref.binomial) {
      c.k.forEach((k, i) => {
        expect(Math.abs(binomialLogPmf(k, c.n, c.p) - c.logpmf[i]))
          .toBeLessThan(1e-9 * Math.max(1, Math.abs(c.logpmf[i])));
        expect(relativeError(binomialCdf(k, c.n, c.p), c.cdf[i]))
          .toBeLessThan(1e-9);
        if (c.sf[i] > 0) {
          expect(relativeError(binomialSf(k, c.n, c.p), c.sf[i]))
            .toBeLessThan(1e-9);
        } else {
          expect(binomialSf(k, c.n, c.p)).toBe(0);
        }
      });
    }
  });

  it('quantiles agree with scipy.stats.binom.ppf exactly', () => {
    for (const c of ref.binomial) {
      c.q.forEach((q, i) => {
        expect(binomialQuantile(q, c.n, c.p)).toBe(c.ppf[i]);
      });
    }
  });
});

describe('Rademacher complexity', () => {
  it('exact values by enumeration agree with Python\'s brute force for thresholds and intervals, n = 1..12', () => {
    for (const row of ref.line) {
      const xs = line(row.m);
      expect(rademacherExact(thresholdCorrelator(xs), row.m))
        .toBeCloseTo(row.thresholds.rademacher, 13);
      expect(rademacherExact(intervalCorrelator(xs), row.m))
        .toBeCloseTo(row.intervals.rademacher, 13);
    }
  });

  it('exact values of the half-plane labellings agree with Python\'s', () => {
    for (const set of ref.half_planes) {
      if (set.rademacher === undefined) continue;
      const sup = labellingCorrelator(halfPlanes.restrict(set.points));
      expect(rademacherExact(sup, set.points.length), set.name)
        .toBeCloseTo(set.rademacher, 13);
    }
  });

  it('Spitzer\'s formula gives the thresholds\' value exactly (Eq. (lt-spitzer))', () => {
    for (let n = 1; n <= 16; n++) {
      expect(thresholdRademacher(n))
        .toBeCloseTo(rademacherExact(thresholdCorrelator(line(n)), n), 13);
    }
  });

  it('the Monte Carlo estimate lies within 4 standard errors of the exact value', () => {
    const big = rademacherMonteCarlo(thresholdCorrelator(line(300)), 300,
      1500, 3);
    expect(Math.abs(big.mean - thresholdRademacher(300)))
      .toBeLessThan(4 * big.se);
    const exact = rademacherExact(intervalCorrelator(line(14)), 14);
    const mc = rademacherMonteCarlo(intervalCorrelator(line(14)), 14,
      2000, 4);
    expect(Math.abs(mc.mean - exact)).toBeLessThan(4 * mc.se);
  });

  it('the standard error halves when the draws quadruple', () => {
    const sup = intervalCorrelator(line(30));
    const a = rademacherMonteCarlo(sup, 30, 1000, 5).se;
    const b = rademacherMonteCarlo(sup, 30, 4000, 6).se;
    expect(b / a).toBeGreaterThan(0.45);
    expect(b / a).toBeLessThan(0.55);
  });

  it('one labelling has R = 0, all 2^n labellings have R = 1/2', () => {
    expect(rademacherExact(labellingCorrelator([5]), 4)).toBe(0);
    const all = Array.from({ length: 32 }, (_, i) => i);
    expect(rademacherExact(labellingCorrelator(all), 5)).toBe(0.5);
  });

  it('the 0-1 loss class has the class\'s own complexity: R(l o H o S) = R(H o S) (Eq. (lt-loss-class))', () => {
    const rng = createRng(8);
    const K = 12;
    const S: Sample = { x: Int32Array.from({ length: 11 },
      () => rng.int(0, K)), y: Uint8Array.from({ length: 11 },
      () => rng.int(0, 2)) };
    const loss = rademacherExact(intervalLossCorrelator(K, S), 11);
    const plain = rademacherExact(intervalCorrelator(S.x), 11);
    expect(loss).toBeCloseTo(plain, 14);
  });

  it('Massart\'s lemma bounds the exact value, with the mean or with 1/2 as centre (Eqs. (lt-massart), (lt-massart-growth))', () => {
    for (const set of ref.half_planes) {
      if (set.rademacher === undefined) continue;
      const n = set.points.length;
      const A = set.labellings.map((mask) =>
        Array.from({ length: n }, (_, i) => (mask >> i) & 1));
      if (A.length > 1) {
        expect(massartBound(A)).toBeGreaterThanOrEqual(set.rademacher);
      }
      expect(labellingMassart(A.length, n))
        .toBeGreaterThanOrEqual(set.rademacher);
    }
    for (let n = 1; n <= 12; n++) {
      expect(labellingMassart(GROWTH.intervals(n), n)).toBeGreaterThan(
        rademacherExact(intervalCorrelator(line(n)), n));
    }
  });
});

describe('a population we know exactly', () => {
  const rng = createRng(21);
  const K = 9;
  const p = Array.from({ length: K }, () => rng.uniform(0.1, 1));
  const total = p.reduce((a, b) => a + b);
  const D = population(p.map((v) => v / total),
    Array.from({ length: K }, () => rng.uniform()));
  const S = drawSample(D, 40, rng);
  const all: [number, number][] = [[0, 0]];
  for (let a = 0; a < K; a++) {
    for (let b = a + 1; b <= K; b++) all.push([a, b]);
  }

  it('L_D of an interval is the sum over values and labels (Eq. (lt-interval-risk))', () => {
    for (const [a, b] of all) {
      let direct = 0;
      for (let k = 0; k < K; k++) {
        const h = k >= a && k < b ? 1 : 0;
        direct += D.p[k] * (h === 1 ? 1 - D.q[k] : D.q[k]);
      }
      expect(intervalRisk(D, a, b)).toBeCloseTo(direct, 14);
    }
  });

  it('ERM finds the least empirical risk of all K(K+1)/2 + 1 intervals (Eq. (lt-interval-empirical))', () => {
    expect(all.length).toBe(intervalCount(K));
    const best = Math.min(...all.map(([a, b]) =>
      empiricalIntervalRisk(K, S, a, b)));
    const h = ermInterval(K, S);
    expect(h.risk).toBeCloseTo(best, 14);
    expect(empiricalIntervalRisk(K, S, h.k1, h.k2)).toBeCloseTo(h.risk, 14);
  });

  it('minRun finds the run of least sum, the shortest and first of ties', () => {
    const r = createRng(4);
    for (let t = 0; t < 50; t++) {
      const e = Array.from({ length: 8 }, () => r.int(-3, 4));
      let best = 0;
      for (let a = 0; a < 8; a++) {
        for (let b = a + 1; b <= 8; b++) {
          best = Math.min(best, e.slice(a, b).reduce((u, v) => u + v, 0));
        }
      }
      const run = minRun(e);
      expect(run.sum).toBe(best);
      expect(e.slice(run.k1, run.k2).reduce((u, v) => u + v, 0)).toBe(best);
    }
    expect(minRun([0, 0, 1, 0, -1, -1, 0])).toEqual({ k1: 4, k2: 6, sum: -2 });
    expect(minRun([2, 3])).toEqual({ k1: 0, k2: 0, sum: 0 });
  });

  it('the exact supremum of the gap equals brute force over all intervals (Eq. (lt-deviation))', () => {
    let two = 0;
    let one = -Infinity;
    for (const [a, b] of all) {
      const d = intervalRisk(D, a, b) - empiricalIntervalRisk(K, S, a, b);
      two = Math.max(two, Math.abs(d));
      one = Math.max(one, d);
    }
    const dev = intervalDeviations(D, S);
    expect(dev.twoSided).toBeCloseTo(two, 14);
    expect(dev.oneSided).toBeCloseTo(one, 14);
  });

  it('samples follow p and q (10^5 draws, within 4 standard errors)', () => {
    const n = 100_000;
    const big = drawSample(D, n, createRng(5));
    const { n0, n1 } = countsOf(K, big);
    for (let k = 0; k < K; k++) {
      const share = (n0[k] + n1[k]) / n;
      expect(Math.abs(share - D.p[k]))
        .toBeLessThan(4 * Math.sqrt(D.p[k] * (1 - D.p[k]) / n));
      const nk = n0[k] + n1[k];
      expect(Math.abs(n1[k] / nk - D.q[k]))
        .toBeLessThan(4 * Math.sqrt(D.q[k] * (1 - D.q[k]) / nk) + 1e-12);
    }
  });

  it('a seed reproduces a sample', () => {
    const a = drawSample(D, 30, createRng(9));
    const b = drawSample(D, 30, createRng(9));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
  });
});

describe('bounds against measured gaps', () => {
  const D = windowPopulation();
  const study = lazily(() => gapStudy(D, { sizes: [25, 200], reps: 200,
    draws: 100, seed: 12 }));

  it('every bound holds in at least 1 - delta of 200 seeded samples, at n = 25 and 200', () => {
    for (const row of study()) {
      for (const [name, f] of Object.entries(row.failures)) {
        expect(f / row.reps, `${name} at n = ${row.n}`)
          .toBeLessThanOrEqual(row.delta);
      }
    }
  });

  it('the bounds are ordered as the chapter says: finite < Rademacher < VC-Rademacher < Theorem 6.11', () => {
    for (const { bounds: b, quantile } of study()) {
      expect(quantile).toBeLessThan(b.finite);
      expect(b.finite).toBeLessThan(b.rademacher);
      expect(b.rademacher).toBeLessThan(b.vcRademacher);
      expect(b.vcRademacher).toBeLessThan(b.vcMarkov);
    }
  });

  it('Theorem 26.3 in expectation: the mean ERM gap is below 2 E R', () => {
    for (const row of study()) {
      expect(row.meanGap - 3 * row.gapSe)
        .toBeLessThan(2 * (row.rad.mean + 3 * row.rad.se));
    }
  });

  it('the window\'s best interval is the window, with risk = the noise', () => {
    const e = D.p.map((v, k) => v * (1 - 2 * D.q[k]));
    const best = minRun(e);
    expect([best.k1, best.k2]).toEqual([WINDOW.lo, WINDOW.hi]);
    expect(intervalRisk(D, best.k1, best.k2)).toBeCloseTo(WINDOW.noise, 14);
  });

  it('repetitions are reproducible and E R is estimated with its standard error', () => {
    const a = gapRepetitions(D, 50, 5, createRng(1));
    const b = gapRepetitions(D, 50, 5, createRng(1));
    expect(Array.from(a.two)).toEqual(Array.from(b.two));
    const rad = expectedRademacher(D, 50, 200, 2);
    expect(rad.se).toBeGreaterThan(0);
    expect(rad.se).toBeLessThan(0.1 * rad.mean);
    expect(boundsAt(WINDOW.K, 50, 0.05, rad.mean).rademacher)
      .toBeCloseTo(rademacherRadius(rad.mean, 50, 0.05), 14);
  });
});

describe('the union bound', () => {
  const union = lazily(() => unionStudy({ K: 200, sizeH: 200, n: 100,
    reps: 200, seed: 3 }));

  it('Hoeffding holds for one fixed hypothesis in at least 1 - delta of the samples', () => {
    const u = union();
    expect(u.fixedOver / u.reps).toBeLessThanOrEqual(u.delta);
  });

  it('the union bound holds for the whole class in at least 1 - delta of the samples', () => {
    const u = union();
    expect(u.supOver / u.reps).toBeLessThanOrEqual(u.delta);
  });

  it('the same check rejects Hoeffding applied to the ERM hypothesis: far more failures than a valid bound allows', () => {
    const u = union();
    const allowed = binomialQuantile(1 - 1e-9, u.reps, u.delta);
    expect(u.ermOver).toBeGreaterThan(allowed);
  });

  it('mistakesOf counts each hypothesis\'s mistakes', () => {
    const table = randomClass(4, 6, 2);
    const S: Sample = { x: Int32Array.of(0, 5, 3), y: Uint8Array.of(1, 0, 1) };
    const direct = [0, 1, 2, 3].map((j) => [0, 1, 2].reduce((c, i) =>
      c + (table[j * 6 + S.x[i]] === S.y[i] ? 0 : 1), 0));
    expect(Array.from(mistakesOf(table, 6, S))).toEqual(direct);
    expect(over([0.1, 0.3, 0.2], 0.2)).toBe(1);
  });
});

describe('PAC in the realizable case, and no free lunch', () => {
  it('Corollary 2.3: at needed fewer than delta of the samples give ERM error > eps', () => {
    const r = realizableStudy({ reps: 400, sizes: [20] });
    const last = r.rows[r.rows.length - 1];
    expect(last.n).toBe(r.needed);
    expect(last.share).toBeLessThanOrEqual(r.delta);
    expect(r.rows[0].share).toBeGreaterThan(r.delta); // n = 20 is too few
  });

  it('no free lunch: the average over f of the expected error is 1/2 (1 - 1/(2n))^n for learners that fit the sample, more for others (Eq. (lt-nfl))', () => {
    for (const n of [1, 2, 3]) {
      for (const [name, L] of Object.entries(LEARNERS)) {
        const { mean } = noFreeLunch(n, L);
        const avg = mean.reduce((a, b) => a + b) / mean.length;
        if (name === 'memorize' || name === 'nearest') {
          expect(avg).toBeCloseTo(nflConsistentMean(n), 14);
        } else {
          expect(avg).toBeGreaterThanOrEqual(nflConsistentMean(n) - 1e-14);
        }
        expect(avg).toBeGreaterThanOrEqual(0.25);
      }
    }
  });

  it('Theorem 5.1: for every learner some f has P(L >= 1/8) >= 1/7', () => {
    for (const L of Object.values(LEARNERS)) {
      const { mean, share } = noFreeLunch(3, L);
      expect(Math.max(...mean)).toBeGreaterThanOrEqual(0.25);
      expect(Math.max(...share)).toBeGreaterThanOrEqual(1 / 7);
    }
  });

  it('the learners do what they say on a small sample', () => {
    const x = Int32Array.of(1, 4);
    const y = Uint8Array.of(1, 0);
    expect(LEARNERS.memorize(x, y, 6)).toBe(0b000010);
    expect(LEARNERS.nearest(x, y, 6)).toBe(0b000111);
    expect(LEARNERS.majority(x, y, 6)).toBe(0);
    expect(LEARNERS.interval(x, y, 6)).toBe(0b000010);
    expect(popcount(0b1011)).toBe(3);
  });
});

describe('real data: the breast cancer masses as a population', () => {
  it('the population has the 569 masses, 212 of them malignant', () => {
    const c = cancerPopulation();
    expect(c.masses).toBe(569);
    expect(c.D.positive * 569).toBeCloseTo(212, 9);
    expect(c.D.cdf[c.D.cdf.length - 1]).toBeCloseTo(1, 12);
  });

  it('on the same masses, R grows with the VC dimension and stays below Massart\'s bound', () => {
    const rows = cancerRademacher(20, 1000, 5);
    expect(rows.map((r) => r.name))
      .toEqual(['thresholds', 'intervals', 'half-planes']);
    // the three estimates share their sign vectors (one seed), so they
    // are positively correlated and hypot(se) overstates the standard
    // error of their difference: the check is conservative
    for (let i = 1; i < 3; i++) {
      const [a, b] = [rows[i - 1].estimate, rows[i].estimate];
      expect(b.mean - a.mean).toBeGreaterThan(3 * Math.hypot(a.se, b.se));
    }
    for (const r of rows) {
      expect(r.estimate.mean).toBeLessThan(r.massart);
    }
    expect(rows[2].size).toBe(GROWTH['half-planes'](20));
  });
});

describe('exercise solutions', () => {
  it('axis-aligned rectangles: the search finds VC dimension 4 on a 3 x 3 grid', () => {
    const s = vcSearch(rectangles, grid(3));
    expect(s.dimension).toBe(4);
    expect(shatters(rectangles, [...s.witness])).toBe(true);
    expect(s.examined[4]).toBe(binom(9, 5)); // no five points shattered
    const diamond: Point2[] = [[1, 0], [0, 1], [2, 1], [1, 2]];
    expect(shatters(rectangles, diamond)).toBe(true);
    expect(shatters(rectangles, [[0, 0], [1, 1], [2, 2], [3, 3]]))
      .toBe(false);
  });

  it('the exact radius of one hypothesis is below Hoeffding\'s and is the smallest with tail <= delta', () => {
    for (const n of [20, 100, 400]) {
      const r = exactRadius(n, 0.05);
      expect(r).toBeLessThan(hoeffdingRadius(n, 0.05));
      expect(deviationTail(n, 0.5, r)).toBeLessThanOrEqual(0.05);
      expect(deviationTail(n, 0.5, r - 1 / n)).toBeGreaterThan(0.05);
    }
    expect(deviationTail(10, 0.5, 0.5)).toBe(0);
    expect(() => exactRadius(10, 0.05, 2))
      .toThrow(/^exactRadius: L must be in \[0, 1\]/);
    expect(() => rectangles.restrict([[0, NaN]]))
      .toThrow(/^rectangles\.restrict: points\[0\]/);
  });
});

describe('large inputs', () => {
  it('ranks and correlators handle 10^5 values, runs 10^6, without stack overflow', () => {
    const rng = createRng(1);
    const xs = Float64Array.from({ length: 100_000 }, () => rng.uniform());
    const rank = distinctRanks(xs);
    expect(rank.length).toBe(100_000);
    const xi = Int8Array.from(xs, (v) => (v < 0.5 ? 1 : -1));
    // signs +1 exactly on the lower half: the best run is that half
    expect(intervalCorrelator(xs)(xi)).toBe(xi.filter((s) => s > 0)
      .length);
    expect(thresholdCorrelator(xs)(xi)).toBe(intervalCorrelator(xs)(xi));
    const e = new Float64Array(1_000_000).fill(-1);
    e[500_000] = 1e9;
    expect(minRun(e)).toEqual({ k1: 0, k2: 500_000, sum: -500_000 });
  });

  it('30 points, the most a bitmask holds, are handled; 31 are refused', () => {
    expect(thresholds.restrict(line(30)).size).toBe(31);
    expect(halfPlanes.restrict(generalPosition(30)).size)
      .toBe(GROWTH['half-planes'](30));
    expect(() => intervals.restrict(line(31)))
      .toThrow(/intervals\.restrict: points may hold at most 30/);
  });
});

describe('review', () => {
  const D = windowPopulation();
  const study = lazily(() => gapStudy(D, { sizes: [25, 200], reps: 200,
    draws: 100, seed: 12 }));
  const union = lazily(() => unionStudy({ K: 200, sizeH: 200, n: 100,
    reps: 200, seed: 3 }));
  /** E_S R for the window scaled to K doses, at n. */
  const radAt = (K: number, n: number, draws: number, seed: number) =>
    expectedRademacher(windowPopulation({ K, lo: Math.round(0.3 * K),
      hi: Math.round(0.7 * K), noise: 0.1 }), n, draws, seed);
  const rad6400 = lazily(() => expectedRademacher(D, 6400, 100, 31));

  it('Sauer\'s closed form log tau(n) <= d_VC log(en/d_VC) holds for n > d_VC + 1 and fails at n = 1, d_VC = 3 (Eq. (lt-vc-rademacher))', () => {
    for (let dVC = 1; dVC <= 5; dVC++) {
      for (let n = dVC + 2; n <= 200; n++) {
        expect(Math.log(sauerBound(n, dVC)))
          .toBeLessThanOrEqual(dVC * Math.log(Math.E * n / dVC) + 1e-12);
      }
    }
    expect(Math.log(sauerBound(1, 3)))
      .toBeGreaterThan(3 * Math.log(Math.E / 3));
  });

  it('no bound of the gap study is refuted: failures stay below the 1 - 1e-9 binomial quantile', () => {
    for (const row of study()) {
      const refute = binomialQuantile(1 - 1e-9, row.reps, row.delta);
      for (const [name, f] of Object.entries(row.failures)) {
        expect(f, `${name} at n = ${row.n}`).toBeLessThanOrEqual(refute);
      }
    }
  });

  it('the union study\'s valid bounds are not refuted by the same rule', () => {
    const u = union();
    const refute = binomialQuantile(1 - 1e-9, u.reps, u.delta);
    expect(u.fixedOver).toBeLessThanOrEqual(refute);
    expect(u.supOver).toBeLessThanOrEqual(refute);
  });

  it('a valid bound with no slack exceeds delta * reps failures with probability near one half', () => {
    const p = binomialSf(Math.floor(0.05 * 400), 400, 0.05);
    expect(p).toBeGreaterThan(0.4);
    expect(p).toBeLessThan(0.5);
  });

  it('the one-sided 95% quantile of the largest gap is at most the two-sided one', () => {
    for (const row of study()) {
      expect(row.oneQuantile).toBeLessThanOrEqual(row.quantile);
    }
  });

  it('the union bound is close to tight for random hypotheses: the 95% quantile of the largest gap is over 0.7 of its radius', () => {
    const u = union();
    const q = quantile(u.sup, 1 - u.delta);
    expect(q / u.union).toBeGreaterThan(0.7);
    expect(q / u.union).toBeLessThan(1);
  });

  it('at n = 6400 the McDiarmid term is more than 2 E R, i.e. more than half of the Rademacher bound', () => {
    const rad = rad6400();
    const upper = rad.mean + 3 * rad.se;
    expect(rademacherRadius(upper, 6400, 0.05) - 2 * upper)
      .toBeGreaterThan(2 * upper);
  });

  it('for the 0-1 loss, changing one example moves the one-sided largest gap by at most 1/n', () => {
    const rng = createRng(17);
    const P = windowPopulation({ K: 12, lo: 3, hi: 8, noise: 0.2 });
    for (let t = 0; t < 200; t++) {
      const S = drawSample(P, 15, rng);
      const T = { x: Int32Array.from(S.x), y: Uint8Array.from(S.y) };
      const i = rng.int(0, 15);
      [T.x[i], T.y[i]] = [rng.int(0, 12), rng.int(0, 2)];
      const moved = Math.abs(intervalDeviations(P, S).oneSided -
        intervalDeviations(P, T).oneSided);
      expect(moved).toBeLessThanOrEqual(1 / 15 + 1e-12);
    }
  });

  it('the one-sided McDiarmid term sqrt(log(1/delta)/(2n)) gives a bound that is not refuted either', () => {
    const D2 = windowPopulation();
    for (const n of [25, 200]) {
      const { one } = gapRepetitions(D2, n, 200, createRng(n));
      const rad = expectedRademacher(D2, n, 200, n + 1);
      const b = 2 * rad.mean + Math.sqrt(Math.log(1 / 0.05) / (2 * n));
      expect(over(one, b))
        .toBeLessThanOrEqual(binomialQuantile(1 - 1e-9, 200, 0.05));
    }
  });

  it('Massart with this sample\'s labellings (at most one per interval of the K doses) still bounds E R at n = 6400', () => {
    const rad = rad6400();
    const count = labellingMassart(intervalCount(WINDOW.K), 6400);
    expect(count).toBeGreaterThan(rad.mean + 3 * rad.se);
    expect(count)
      .toBeLessThan(labellingMassart(GROWTH.intervals(6400), 6400));
  });

  it('the VC bound through Massart does not depend on the grid K', () => {
    expect(boundsAt(100, 6400, 0.05, 0.01).vcRademacher)
      .toBe(boundsAt(10_000, 6400, 0.05, 0.01).vcRademacher);
    expect(boundsAt(100, 6400, 0.05, 0.01).finite)
      .toBeLessThan(boundsAt(10_000, 6400, 0.05, 0.01).finite);
  });

  it('E R grows from K = 100 to K = 10^4 doses by more than 3 standard errors, at n = 1600 (Exercise 6)', () => {
    const [a, b] = [radAt(100, 1600, 600, 41), radAt(10_000, 1600, 600,
      42)];
    expect(b.mean - a.mean).toBeGreaterThan(3 * Math.hypot(a.se, b.se));
  });

  it('crossingGrid solves finite-class radius = b for K, to 1e-9 relative (Exercise 6)', () => {
    for (const b of [0.1065, 0.063, 0.05]) {
      const K = crossingGrid(6400, 0.05, b);
      const sizeH = K * (K + 1) / 2 + 1;
      expect(relativeError(finiteClassRadius(6400, sizeH, 0.05), b))
        .toBeLessThan(1e-9);
    }
    expect(crossingGrid(6400, 0.05, 0.1065)).toBeGreaterThan(1e30);
  });

  it('finerGridStudy returns, per K, bounds that do not depend on K except the finite one', () => {
    const rows = finerGridStudy([20, 40], { n: 200, reps: 20, draws: 20 });
    expect(rows.map((r) => r.K)).toEqual([20, 40]);
    expect(rows[0].bounds.vcRademacher).toBe(rows[1].bounds.vcRademacher);
    expect(rows[0].bounds.finite).toBeLessThan(rows[1].bounds.finite);
    for (const r of rows) {
      expect(r.oneQuantile).toBeLessThanOrEqual(r.quantile);
    }
  });

  it('two opposite vectors: R = C(n, n/2) 2^-n (even n), the value at n - 1 (odd n), below Massart (Exercise 5)', () => {
    for (let n = 1; n <= 16; n++) {
      expect(oppositeRademacher(n))
        .toBeCloseTo(rademacherExact(oppositeCorrelator, n), 14);
      const ones = new Array<number>(n).fill(1);
      expect(oppositeRademacher(n))
        .toBeLessThan(massartBound([ones, ones.map((v) => -v)]));
    }
    expect(oppositeRademacher(2)).toBeCloseTo(0.5, 14);
  });

  it('two opposite vectors: exact over Massart tends to sqrt(2/pi)/sqrt(2 log 2) = 0.678 (Exercise 5)', () => {
    const limit = Math.sqrt(2 / Math.PI) / Math.sqrt(2 * Math.log(2));
    const n = 10_000;
    expect(oppositeRademacher(n) / Math.sqrt(2 * Math.log(2) / n))
      .toBeCloseTo(limit, 3);
    expect(limit).toBeCloseTo(0.678, 3);
  });

  it('half-planes make n^2 - n + 2 labellings of a regular polygon: parallel pairs do not change Cover\'s count', () => {
    for (const n of [6, 8, 10]) {
      const polygon = Array.from({ length: n }, (_, i): Point2 =>
        [Math.cos(2 * Math.PI * i / n), Math.sin(2 * Math.PI * i / n)]);
      expect(halfPlanes.restrict(polygon).size)
        .toBe(GROWTH['half-planes'](n));
    }
  });
});

describe('mutation gaps', () => {
  it('point lists: an empty list is fine; too many points and bad pairs are named in full', () => {
    expect(sorted(thresholds.restrict([]))).toEqual([0]);
    expect(Array.from(distinctRanks([]))).toEqual([]);
    expect(() => intervals.restrict(line(31))).toThrow('intervals.restrict: points may hold at most 30 points (labellings are bitmasks), got 31');
    expect(() => halfPlanes.restrict(generalPosition(31))).toThrow('halfPlanes.restrict: points may hold at most 30 points (labellings are bitmasks), got 31');
    expect(() => halfPlanes.restrict(5 as never)).toThrow('halfPlanes.restrict: points must be an array of [x, y], got number');
    expect(() => halfPlanes.restrict([[0, 0], [1, NaN]])).toThrow('halfPlanes.restrict: points[1] must be a pair of finite numbers, got [1, NaN]');
    expect(() => halfPlanes.restrict([[0, 0], 7 as never])).toThrow('halfPlanes.restrict: points[1] must be a pair of finite numbers, got 7');
    expect(() => distinctCount([0, 1] as never)).toThrow('distinctCount: rank must be an Int32Array of ranks, got object');
  });

  it('half-planes: one point gets both labels, and a point on the line is labelled 0', () => {
    expect(sorted(halfPlanes.restrict([[1, 1]]))).toEqual([0, 1]);
    expect(sorted(halfPlanes.restrict([]))).toEqual([0]);
    expect(labelByHalfPlane({ w: [1, 0], b: -1 }, [[1, 0], [2, 0]])).toBe(0b10);
    expect(criticalAngles([[0, 0], [1, 0]], 0)).toEqual([Math.PI / 2, 3 * Math.PI / 2]);
    for (const w of [null, 5, [1], [1, NaN], [Infinity, 0]]) {
      expect(() => labelByHalfPlane({ w, b: 0 } as never, [])).toThrow(`labelByHalfPlane: h.w must be a pair of finite numbers, got ${w}`);
    }
    expect(() => labelByHalfPlane(null as never, [])).toThrow('labelByHalfPlane: h.w must be a pair of finite numbers, got undefined');
  });

  it('binomial: p = 0 and p = 1 put all the mass on k = np; the quantile at a cdf value is that k', () => {
    expect(binomialLogPmf(0, 5, 0)).toBe(0);
    expect(binomialLogPmf(1, 5, 0)).toBe(-Infinity);
    expect(binomialLogPmf(5, 5, 1)).toBe(0);
    expect(binomialLogPmf(4, 5, 1)).toBe(-Infinity);
    expect(binomialQuantile(0.5, 1, 0.5)).toBe(0); // SciPy binom.ppf(0.5, 1, 0.5)
  });

  it('the bounds at exact values: Theorem 6.11, Theorem 26.5 with c = 2, Massart for two and three vectors', () => {
    expect(vcMarkovRadius(100, 1000, 0.05)).toBeCloseTo((4 + Math.sqrt(Math.log(1000))) / (0.05 * Math.sqrt(200)), 13);
    expect(rademacherRadius(0.1, 100, 0.05, 2)).toBeCloseTo(0.2 + 2 * Math.sqrt(2 * Math.log(40) / 100), 14);
    expect(rademacherRadius(0, 100, 0.05)).toBeCloseTo(Math.sqrt(2 * Math.log(40) / 100), 14);
    // {(1, 0), (0, 1)}: both at √(1/2) from the mean (1/2, 1/2)
    expect(massartBound([[1, 0], [0, 1]])).toBeCloseTo(Math.sqrt(0.5) * Math.sqrt(2 * Math.log(2)) / 2, 15);
    // {0, 0, 3} in R^1: mean 1, farthest 2 away
    expect(massartBound([[0], [0], [3]])).toBeCloseTo(2 * Math.sqrt(2 * Math.log(3)), 14);
    expect(labellingMassart(8, 2)).toBeCloseTo(Math.sqrt(Math.log(8) / 4), 15);
    expect(labellingMassart(1, 2)).toBe(0);
    expect(GROWTH['half-planes'](0)).toBe(1);
    expect(GROWTH['half-planes'](1)).toBe(2);
  });

  it('the bounds name bad input in full', () => {
    expect(() => realizableSampleSize(0.5, 0.1, 0.05)).toThrow('realizableSampleSize: sizeH must be >= 1, got 0.5');
    expect(() => realizableSampleSize(10, 1, 0.05)).toThrow('realizableSampleSize: eps must be in (0, 1), got 1');
    expect(() => rademacherRadius(-0.1, 100, 0.05)).toThrow('rademacherRadius: rad must be >= 0, got -0.1');
    expect(() => labellingMassart(0.5, 2)).toThrow('labellingMassart: N must be >= 1, got 0.5');
    expect(() => massartBound([])).toThrow('massartBound: A must be a non-empty array of vectors, got length 0');
    expect(() => massartBound(5 as never)).toThrow('massartBound: A must be a non-empty array of vectors, got number');
    expect(() => massartBound([[1, 2], [3]])).toThrow('massartBound: A[1] must have length 2 >= 1, got 1');
    expect(() => massartBound([[]])).toThrow('massartBound: A[0] must have length 0 >= 1, got 0');
    expect(() => massartBound([[1], null as never])).toThrow('massartBound: A[1] must have length 1 >= 1, got undefined');
    expect(() => massartBound([[1], [NaN]])).toThrow('massartBound: A[1][0] must be finite, got NaN');
    expect(() => GROWTH.intervals(-1)).toThrow(/^GROWTH\.intervals: n /);
  });

  it('the Monte Carlo estimate is the mean of the draws, and its standard error their sd over √draws', () => {
    const xs = [0.5, 2, 1, 3, 2.5];
    const sup = intervalCorrelator(xs);
    const e = rademacherMonteCarlo(sup, 5, 7, 21);
    const rng = createRng(21); // the same sign vectors, drawn here
    const v = Array.from({ length: 7 }, () => {
      const xi = Int8Array.from({ length: 5 }, () => (rng.nextUint32() >>> 31 ? 1 : -1));
      return sup(xi) / 5;
    });
    const mean = v.reduce((a, b) => a + b) / 7;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / 6);
    expect(e.mean).toBeCloseTo(mean, 14);
    expect(e.se).toBeCloseTo(sd / Math.sqrt(7), 14);
    expect(e.draws).toBe(7);
  });

  it('labellingCorrelator takes masks up to 2^31 − 1 and names bad masks in full', () => {
    expect(labellingCorrelator([2 ** 31 - 1])(Int8Array.of(1, -1))).toBe(0);
    expect(() => labellingCorrelator(5 as never)).toThrow('labellingCorrelator: masks must be a list of labellings, got 5');
    expect(() => labellingCorrelator([])).toThrow('labellingCorrelator: masks must not be empty');
    expect(() => labellingCorrelator([1, 2 ** 31])).toThrow('labellingCorrelator: masks must hold labellings (integers in [0, 2^31)), got masks[1] = 2147483648');
    expect(() => rademacherExact(() => NaN, 2)).toThrow('rademacherExact: sup must return a finite number, got NaN');
  });

  it('requirePopulation and requireSample refuse every malformed input, in full', () => {
    const D = population([0.5, 0.5], [0, 1]);
    const msg = 'intervalRisk: D must be a Population made by population()';
    const bad = [null, { ...D, p: [] }, { ...D, q: [0, 1] }, { ...D, q: Float64Array.of(0) },
      { ...D, G: [0, 1, 0] }, { ...D, G: Float64Array.of(0, 1) }, { ...D, cdf: [0.5, 1] },
      { ...D, cdf: Float64Array.of(1) }];
    for (const b of bad) expect(() => intervalRisk(b as never, 0, 1)).toThrow(msg);
    const s = 'ermInterval: S must be a sample {x: Int32Array, y: Uint8Array} of one non-zero length';
    const x = Int32Array.of(0, 1);
    const y = Uint8Array.of(0, 1);
    for (const S of [null, { x: [0, 1], y }, { x, y: [0, 1] }, { x, y: Uint8Array.of(0) },
      { x: new Int32Array(0), y: new Uint8Array(0) }]) {
      expect(() => ermInterval(2, S as never)).toThrow(s);
    }
    expect(() => ermInterval(2, { x: Int32Array.of(0, 2), y })).toThrow('ermInterval: S holds (x, y) = (2, 1) at 1; x must be in [0, 2) and y 0 or 1');
    expect(() => ermInterval(2, { x: Int32Array.of(-1, 0), y })).toThrow(/^ermInterval: S holds \(x, y\) = \(-1, 0\) at 0/);
    expect(() => ermInterval(2, { x, y: Uint8Array.of(0, 2) })).toThrow(/^ermInterval: S holds \(x, y\) = \(1, 2\) at 1/);
    expect(() => population([0.5], [0.5, 0.5])).toThrow('population: p and q must have one length, got 1 and 2');
  });

  it('the experiments name bad input in full, and over counts strictly larger values', () => {
    expect(over([1, 2, 3], 2)).toBe(1);
    expect(() => windowPopulation({ K: 10, lo: 2, hi: 5, noise: 1.5 })).toThrow('windowPopulation: noise must be in [0, 1], got 1.5');
    const S = { x: Int32Array.of(0, 1), y: Uint8Array.of(0, 1) };
    for (const t of [Int8Array.of(0, 1), new Uint8Array(0), Uint8Array.of(0, 1, 1)]) {
      expect(() => mistakesOf(t as never, 2, S)).toThrow(`mistakesOf: table must be a Uint8Array of |H| * 2 labels, got length ${t.length}`);
    }
    expect(Array.from(mistakesOf(Uint8Array.of(0, 1, 1, 1), 2, S))).toEqual([0, 1]);
    expect(() => gapStudy(windowPopulation(), { sizes: [] })).toThrow('gapStudy: sizes must be a non-empty array, got ');
    expect(() => boundsAt(100, 10, 0.05, -1)).toThrow('boundsAt: rad must be >= 0, got -1');
    expect(() => cancerPopulation('nope')).toThrow('cancerPopulation: feature must be a column of the data, got "nope"');
  });

  it('no free lunch: a learner that is not a function or returns no labelling is named in full; majority breaks a tie to 0', () => {
    expect(() => noFreeLunch(2, 5 as never)).toThrow('noFreeLunch: learner must be a function, got number');
    for (const h of [-1, 1.5, 16]) {
      expect(() => noFreeLunch(2, () => h)).toThrow(`noFreeLunch: learner must return a labelling of 4 points (an integer in [0, 16)), got ${h}`);
    }
    expect(noFreeLunch(1, () => 3).mean[0]).toBe(1); // h = both 1, f = 0
    expect(LEARNERS.majority(Int32Array.of(0, 1), Uint8Array.of(1, 0), 2)).toBe(0);
    expect(LEARNERS.majority(Int32Array.of(0, 1, 1), Uint8Array.of(1, 0, 1), 2)).toBe(3);
  });

  it('the exercises name bad input in full', () => {
    expect(() => deviationTail(10, 1.5, 0.1)).toThrow('deviationTail: expected L in [0, 1] and r >= 0, got L = 1.5, r = 0.1');
    expect(() => exactRadius(10, 0.05, 2)).toThrow('exactRadius: L must be in [0, 1], got 2');
    expect(() => crossingGrid(100, 0.05, 0.01)).toThrow('crossingGrid: b must be at least Hoeffding\'s radius for one hypothesis, got 0.01');
    expect(() => crossingGrid(10_000, 0.05, 0.99)).toThrow('crossingGrid: b = 0.99 puts |H| beyond the largest double');
    expect(() => crossingGrid(100, 0.05, 1)).toThrow('crossingGrid: b must be in (0, 1), got 1');
    expect(() => finerGridStudy([])).toThrow('finerGridStudy: Ks must be a non-empty array, got ');
  });

  it('vcSearch on a pool of more than 30 points searches sizes up to 30', () => {
    const r = vcSearch(thresholds, line(31));
    expect(r.dimension).toBe(1);
    expect(r.examined).toEqual([1, 465]); // size 1: the first; size 2: all C(31, 2)
    expect(() => vcSearch(thresholds, 5 as never)).toThrow('vcSearch: pool must be an array, got number');
    expect(() => shatters(thresholds, line(31))).toThrow('shatters: points may hold at most 30 points (labellings are bitmasks), got 31');
  });
});
