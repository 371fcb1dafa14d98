// A distribution we know exactly: x on the ordered values 0, ..., K-1,
// y in {0, 1}. Every true risk L_D is then a finite sum, so experiments
// can measure the gap L_D(h) - L_S(h) itself, not an estimate of it.
// The class is the intervals [k1, k2) of values, k1 <= k2 (k1 = k2:
// the empty interval).
import type { Rng } from '../introduction/random.ts';
import {
  requireFiniteArray,
  requireInt,
} from './checks.ts';

/** D on {0..K-1} x {0, 1}: P(x = k) = p[k], P(y = 1 | x = k) = q[k]. */
export interface Population {
  readonly p: Float64Array;
  readonly q: Float64Array;
  /** P(y = 1), and G[k] = sum_{j < k} p_j (1 - 2 q_j). */
  readonly positive: number;
  readonly G: Float64Array;
  /** cdf[k] = sum_{j <= k} p_j, for sampling by inversion. */
  readonly cdf: Float64Array;
}

export function population(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
): Population {
  checkPopulation(p, q);
  const G = new Float64Array(p.length + 1);
  const cdf = new Float64Array(p.length);
  let positive = 0;
  for (let k = 0; k < p.length; k++) {
    G[k + 1] = G[k] + p[k] * (1 - 2 * q[k]);
    cdf[k] = (k > 0 ? cdf[k - 1] : 0) + p[k];
    positive += p[k] * q[k];
  }
  return {
    p: Float64Array.from(p), q: Float64Array.from(q), positive, G, cdf,
  };
}

// #region interval-risk
/** L_D of the interval [k1, k2), Eq. (lt-interval-risk). */
export function intervalRisk(D: Population, k1: number, k2: number) {
  checkRisk(D, k1, k2);
  return D.positive + D.G[k2] - D.G[k1];
}
// #endregion

/** n examples: x by inverting the CDF of p, then y with P(y = 1) = q. */
export interface Sample {
  readonly x: Int32Array;
  readonly y: Uint8Array;
}

export function drawSample(D: Population, n: number, rng: Rng): Sample {
  requirePopulation('drawSample', D);
  requireInt('drawSample', 'n', n, 1);
  const K = D.p.length;
  const x = new Int32Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    let lo = 0; // the first k with cdf[k] > u, by bisection
    let hi = K - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (D.cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    while (D.p[lo] === 0 && lo > 0) lo -= 1; // rounding at the top
    x[i] = lo;
    y[i] = rng.uniform() < D.q[lo] ? 1 : 0;
  }
  return { x, y };
}

/** n0[k], n1[k]: the sample's examples with x = k and y = 0, 1. */
export function countsOf(K: number, S: Sample) {
  requireSample('countsOf', K, S);
  const n0 = new Int32Array(K);
  const n1 = new Int32Array(K);
  for (let i = 0; i < S.x.length; i++) {
    if (S.y[i] === 1) n1[S.x[i]] += 1;
    else n0[S.x[i]] += 1;
  }
  return { n0, n1 };
}

/** L_S of the interval [k1, k2): its mistakes over n. */
export function empiricalIntervalRisk(
  K: number,
  S: Sample,
  k1: number,
  k2: number,
): number {
  requireSample('empiricalIntervalRisk', K, S);
  checkInterval('empiricalIntervalRisk', K, k1, k2);
  let wrong = 0;
  for (let i = 0; i < S.x.length; i++) {
    const inside = S.x[i] >= k1 && S.x[i] < k2 ? 1 : 0;
    wrong += inside === S.y[i] ? 0 : 1;
  }
  return wrong / S.x.length;
}

// #region runs
/** The run [k1, k2) of e with the smallest sum, the empty run (sum 0)
 *  included; among ties, the one found first, as short as possible
 *  (Kadane's scan). */
export function minRun(e: ArrayLike<number>) {
  requireFiniteArray('minRun', 'e', e);
  let best = 0;
  let k1 = 0;
  let k2 = 0;
  let sum = 0; // the smallest sum of a run ending at k
  let start = 0;
  for (let k = 0; k < e.length; k++) {
    if (sum >= 0) {
      sum = 0; // a run with sum >= 0 never helps what follows
      start = k;
    }
    sum += e[k];
    if (sum < best) [best, k1, k2] = [sum, start, k + 1];
  }
  return { k1, k2, sum: best };
}
// #endregion

// #region erm
/** ERM over intervals:
 *  L_S([k1, k2)) = (n1 + sum_{k1<=k<k2} (n0 - n1)) / n,
 *  Eq. (lt-interval-empirical), so the best interval is the run of
 *  n0 - n1 with the smallest sum. */
export function ermInterval(K: number, S: Sample) {
  requireSample('ermInterval', K, S);
  const { n0, n1 } = countsOf(K, S);
  const e = new Float64Array(K);
  let positives = 0;
  for (let k = 0; k < K; k++) {
    e[k] = n0[k] - n1[k];
    positives += n1[k];
  }
  const { k1, k2, sum } = minRun(e);
  return { k1, k2, risk: (positives + sum) / S.x.length };
}
// #endregion

// #region deviation
/** sup over intervals of |L_D(h) - L_S(h)| (two-sided) and of
 *  L_D(h) - L_S(h) (one-sided), exactly, Eq. (lt-deviation). */
export function intervalDeviations(D: Population, S: Sample) {
  requirePopulation('intervalDeviations', D);
  const K = D.p.length;
  requireSample('intervalDeviations', K, S);
  const n = S.x.length;
  const { n0, n1 } = countsOf(K, S);
  // L_S - L_D = g0 + the sum of g over [k1, k2)
  const g = new Float64Array(K);
  let g0 = -D.positive;
  for (let k = 0; k < K; k++) {
    g[k] = (n0[k] - n1[k]) / n - D.p[k] * (1 - 2 * D.q[k]);
    g0 += n1[k] / n;
  }
  const low = minRun(g).sum; // <= 0
  const high = -minRun(g.map((v) => -v)).sum; // >= 0
  const oneSided = -g0 - low;
  return { oneSided, twoSided: Math.max(oneSided, g0 + high) };
}
// #endregion

export function requirePopulation(fn: string, D: Population) {
  const K = D?.p?.length;
  if (!K || !(D.q instanceof Float64Array) || D.q.length !== K ||
    !(D.G instanceof Float64Array) || D.G.length !== K + 1 ||
    !(D.cdf instanceof Float64Array) || D.cdf.length !== K) {
    throw new Error(`${fn}: D must be a Population made by population()`);
  }
}

function checkPopulation(p: ArrayLike<number>, q: ArrayLike<number>) {
  requireFiniteArray('population', 'p', p);
  requireFiniteArray('population', 'q', q);
  if (p.length !== q.length) {
    throw new Error(`population: p and q must have one length, got ` +
      `${p.length} and ${q.length}`);
  }
  let sum = 0;
  for (let k = 0; k < p.length; k++) {
    if (p[k] < 0) {
      throw new Error(`population: p[${k}] must be >= 0, got ${p[k]}`);
    }
    if (q[k] < 0 || q[k] > 1) {
      throw new Error(`population: q[${k}] must be in [0, 1], got ${q[k]}`);
    }
    sum += p[k];
  }
  if (Math.abs(sum - 1) > 1e-9) {
    throw new Error(`population: p must sum to 1, got ${sum}`);
  }
}

function checkRisk(D: Population, k1: number, k2: number) {
  requirePopulation('intervalRisk', D);
  checkInterval('intervalRisk', D.p.length, k1, k2);
}

function checkInterval(fn: string, K: number, k1: number, k2: number) {
  requireInt(fn, 'k1', k1, 0, K);
  requireInt(fn, 'k2', k2, k1, K);
}

export function requireSample(fn: string, K: number, S: Sample) {
  requireInt(fn, 'K', K, 1);
  if (!S || !(S.x instanceof Int32Array) || !(S.y instanceof Uint8Array) ||
    S.x.length !== S.y.length || S.x.length === 0) {
    throw new Error(`${fn}: S must be a sample {x: Int32Array, y: ` +
      `Uint8Array} of one non-zero length`);
  }
  for (let i = 0; i < S.x.length; i++) {
    if (S.x[i] < 0 || S.x[i] >= K || S.y[i] > 1) {
      throw new Error(`${fn}: S holds (x, y) = (${S.x[i]}, ${S.y[i]}) ` +
        `at ${i}; x must be in [0, ${K}) and y 0 or 1`);
    }
  }
}
