// Three hypothesis classes seen through what matters to learning theory:
// the labellings they can put on a finite set of points, their
// restriction H_C. Thresholds and intervals on the line, half-planes in
// the plane. Pure functions: the chapter's live figure runs them in the
// browser.
import {
  type Point2,
  requireFinite,
  requireFiniteArray,
  requirePoints1,
  requirePoints2,
} from './checks.ts';

export type { Point2 };

// #region class-type
/** A labelling of n points as a bitmask: bit i is the label of point i,
 *  0 or 1. Bitmasks limit a point set to 30 points. */
export type Labelling = number;

/** A hypothesis class, seen only through its restriction H_C to a
 *  finite set C: the distinct labellings its hypotheses give C. */
export interface HypothesisClass<P> {
  readonly name: string;
  restrict(points: readonly P[]): Set<Labelling>;
}
// #endregion

/** Each point's rank among the distinct values: equal points share one;
 *  ranks run from 0 to (number of distinct values) - 1. */
export function distinctRanks(xs: ArrayLike<number>): Int32Array {
  if (xs === null || typeof xs !== 'object' || !('length' in xs)) {
    throw new Error(`distinctRanks: xs must be an array, got ${xs}`);
  }
  if (xs.length > 0) requireFiniteArray('distinctRanks', 'xs', xs);
  const values = Float64Array.from(xs).sort(); // numeric, ascending
  let k = 0; // values[0..k) become the distinct values
  for (let t = 0; t < values.length; t++) {
    if (t === 0 || values[t] !== values[k - 1]) values[k++] = values[t];
  }
  const rank = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0; // bisect for xs[i] among the k distinct values
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid] < xs[i]) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
  }
  return rank;
}

/** The number of distinct values: one more than the largest rank. */
export function distinctCount(rank: Int32Array): number {
  if (!(rank instanceof Int32Array)) {
    throw new Error(`distinctCount: rank must be an Int32Array of ` +
      `ranks, got ${typeof rank}`);
  }
  let k = 0;
  for (let i = 0; i < rank.length; i++) k = Math.max(k, rank[i] + 1);
  return k;
}

/** The bitmask of the points whose rank lies in [lo, hi). */
function maskOfRanks(rank: Int32Array, lo: number, hi: number) {
  let mask = 0;
  for (let i = 0; i < rank.length; i++) {
    if (rank[i] >= lo && rank[i] < hi) mask |= 1 << i;
  }
  return mask;
}

// #region thresholds
/** Thresholds h_a(x) = 1[x < a] (Eq. (lt-thresholds)): on k distinct
 *  values they label the j smallest with 1, for j = 0, 1, ..., k. */
export const thresholds: HypothesisClass<number> = {
  name: 'thresholds',
  restrict(xs) {
    requirePoints1('thresholds.restrict', xs);
    const rank = distinctRanks(xs);
    const k = distinctCount(rank);
    const out = new Set<Labelling>();
    for (let j = 0; j <= k; j++) out.add(maskOfRanks(rank, 0, j));
    return out;
  },
};
// #endregion

// #region intervals
/** Intervals h_{a,b}(x) = 1[a < x < b] (Eq. (lt-intervals)): a run of
 *  consecutive distinct values labelled 1, or no point at all. */
export const intervals: HypothesisClass<number> = {
  name: 'intervals',
  restrict(xs) {
    requirePoints1('intervals.restrict', xs);
    const rank = distinctRanks(xs);
    const k = distinctCount(rank);
    const out = new Set<Labelling>([0]);
    for (let lo = 0; lo < k; lo++) {
      for (let hi = lo + 1; hi <= k; hi++) {
        out.add(maskOfRanks(rank, lo, hi));
      }
    }
    return out;
  },
};
// #endregion

// #region critical-angles
/** Angles (in [0, 2pi)) of the directions u at which some pair of
 *  distinct points projects to the same <u, x>: u is perpendicular to
 *  x_j - x_i. Angles closer than `merge` count as one. */
export function criticalAngles(ps: readonly Point2[], merge = 1e-9) {
  requirePoints2('criticalAngles', ps);
  requireFinite('criticalAngles', 'merge', merge);
  if (merge < 0) {
    throw new Error(`criticalAngles: merge must be >= 0, got ${merge}`);
  }
  const angles: number[] = [];
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const dx = ps[j][0] - ps[i][0];
      const dy = ps[j][1] - ps[i][1];
      if (dx === 0 && dy === 0) continue; // a repeated point
      const phi = Math.atan2(dy, dx) + Math.PI / 2;
      for (const a of [phi, phi + Math.PI]) {
        angles.push(((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI));
      }
    }
  }
  angles.sort((a, b) => a - b);
  return angles.filter((a, t) => t === 0 || a - angles[t - 1] > merge);
}
// #endregion

// #region half-plane-witnesses
/** Every labelling of ps by a half-plane, each with one half-plane that
 *  makes it (Eq. (lt-half-planes)). Between two neighbouring critical
 *  angles the order of the projections <u, x_i> does not change; each
 *  such direction u gives the labellings "the top j points are 1". */
export function halfPlaneWitnesses(
  ps: readonly Point2[],
): Map<Labelling, HalfPlane> {
  requirePoints2('halfPlaneWitnesses', ps);
  const crit = criticalAngles(ps);
  const mids = crit.length === 0 ? [0] : crit.map((a, t) =>
    (a + (t + 1 < crit.length ? crit[t + 1] : crit[0] + 2 * Math.PI)) / 2);
  const out = new Map<Labelling, HalfPlane>();
  for (const theta of mids) {
    const w: Point2 = [Math.cos(theta), Math.sin(theta)];
    const t = ps.map(([x, y]) => w[0] * x + w[1] * y);
    const order = t.map((_, i) => i).sort((i, j) => t[j] - t[i]);
    let mask = 0; // the points above the cut, labelled 1
    for (let j = 0; j <= ps.length; j++) {
      const above = j === 0 ? t[order[0]] + 2 : t[order[j - 1]];
      const below = j === ps.length ? above - 2 : t[order[j]];
      if (above > below && !out.has(mask)) {
        out.set(mask, { w, b: -(above + below) / 2 });
      }
      if (j < ps.length) mask |= 1 << order[j];
    }
  }
  if (ps.length === 0) out.set(0, { w: [1, 0], b: -1 });
  return out;
}
// #endregion

/** A half-plane h(x) = 1[<w, x> + b > 0]. */
export interface HalfPlane { readonly w: Point2; readonly b: number }

/** Half-planes in the plane, through their witnesses. */
export const halfPlanes: HypothesisClass<Point2> = {
  name: 'half-planes',
  restrict(ps) {
    requirePoints2('halfPlanes.restrict', ps);
    return new Set(halfPlaneWitnesses(ps).keys());
  },
};

/** The labelling a half-plane gives ps, as a bitmask. */
export function labelByHalfPlane(h: HalfPlane, ps: readonly Point2[]) {
  const w = h?.w;
  if (!w || typeof w !== 'object' || w.length !== 2 ||
    !Number.isFinite(w[0]) || !Number.isFinite(w[1])) {
    throw new Error(`labelByHalfPlane: h.w must be a pair of finite ` +
      `numbers, got ${w}`);
  }
  requireFinite('labelByHalfPlane', 'h.b', h.b);
  requirePoints2('labelByHalfPlane', ps);
  let mask = 0;
  ps.forEach(([x, y], i) => {
    if (h.w[0] * x + h.w[1] * y + h.b > 0) mask |= 1 << i;
  });
  return mask;
}
