// A distribution we know exactly: x on the ordered values 0, ..., K-1,
// y in {0, 1}. Every true risk L_D is then a finite sum, so experiments
// can measure the gap L_D(h) - L_S(h) itself, not an estimate of it.
// The class is the intervals [a, b) of values, a <= b (a = b: empty).
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
/** L_D of the interval [a, b), Eq. (lt-interval-risk). */
export function intervalRisk(D: Population, a: number, b: number) {
  requirePopulation('intervalRisk', D);
  checkInterval('intervalRisk', D.p.length, a, b);
  return D.positive + D.G[b] - D.G[a];
}
// #endregion

/** m examples: x by inverting the CDF of p, then y with P(y = 1) = q. */
export interface Sample {
  readonly x: Int32Array;
  readonly y: Uint8Array;
}

export function drawSample(D: Population, m: number, rng: Rng): Sample {
  requirePopulation('drawSample', D);
  requireInt('drawSample', 'm', m, 1);
  const K = D.p.length;
  const x = new Int32Array(m);
  const y = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
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

/** L_S of the interval [a, b): its mistakes over m. */
export function empiricalIntervalRisk(
  K: number,
  S: Sample,
  a: number,
  b: number,
): number {
  requireSample('empiricalIntervalRisk', K, S);
  checkInterval('empiricalIntervalRisk', K, a, b);
  let wrong = 0;
  for (let i = 0; i < S.x.length; i++) {
    const inside = S.x[i] >= a && S.x[i] < b ? 1 : 0;
    wrong += inside === S.y[i] ? 0 : 1;
  }
  return wrong / S.x.length;
}

// #region runs
/** The run [a, b) of e with the smallest sum, the empty run (sum 0)
 *  included; among ties, the one found first, as short as possible
 *  (Kadane's scan). */
export function minRun(e: ArrayLike<number>) {
  requireFiniteArray('minRun', 'e', e);
  let best = 0;
  let a = 0;
  let b = 0;
  let sum = 0; // the smallest sum of a run ending at k
  let start = 0;
  for (let k = 0; k < e.length; k++) {
    if (sum >= 0) {
      sum = 0; // a run with sum >= 0 never helps what follows
      start = k;
    }
    sum += e[k];
    if (sum < best) [best, a, b] = [sum, start, k + 1];
  }
  return { a, b, sum: best };
}
// #endregion

// #region erm
/** ERM over intervals: L_S([a, b)) = (n1 + sum_{a<=k<b} (n0 - n1)) / m,
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
  const { a, b, sum } = minRun(e);
  return { a, b, risk: (positives + sum) / S.x.length };
}
// #endregion

// #region deviation
/** sup over intervals of |L_D(h) - L_S(h)| (two-sided) and of
 *  L_D(h) - L_S(h) (one-sided), exactly, Eq. (lt-deviation). */
export function intervalDeviations(D: Population, S: Sample) {
  requirePopulation('intervalDeviations', D);
  const K = D.p.length;
  requireSample('intervalDeviations', K, S);
  const m = S.x.length;
  const { n0, n1 } = countsOf(K, S);
  const g = new Float64Array(K); // L_S - L_D = c + sum over [a, b) of g
  let c = -D.positive;
  for (let k = 0; k < K; k++) {
    g[k] = (n0[k] - n1[k]) / m - D.p[k] * (1 - 2 * D.q[k]);
    c += n1[k] / m;
  }
  const low = minRun(g).sum; // <= 0
  const high = -minRun(g.map((v) => -v)).sum; // >= 0
  const oneSided = -c - low;
  return { oneSided, twoSided: Math.max(oneSided, c + high) };
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

function checkInterval(fn: string, K: number, a: number, b: number) {
  requireInt(fn, 'a', a, 0, K);
  requireInt(fn, 'b', b, a, K);
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
