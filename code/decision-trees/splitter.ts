// The split search of one node: for each feature, sort the node's
// samples by that feature once, then sweep a running sum from left to
// right, scoring the threshold between each pair of consecutive
// distinct values. O(m log m) per feature for a node of m samples.
import { type CriterionName, impurity, proxy } from './criterion.ts';

/** Values closer than this count as equal (scikit-learn's). */
export const FEATURE_THRESHOLD = 1e-7;

/** The training data as the splitter reads it. */
export interface SplitData {
  n: number;
  d: number;
  /** Feature j of sample i at X[j·n + i], rounded to float32. */
  X: Float32Array;
  /** Regression targets (classification: the labels as numbers). */
  y: Float64Array;
  /** Class labels 0..K−1 (regression: unused). */
  label: Int32Array;
  /** Sample weights, all >= 0. */
  w: Float64Array;
  criterion: CriterionName;
  /** Length of a node's statistics: K classes, or 2 (regression). */
  stats: number;
  minSamplesLeaf: number;
}

/** The best split found: go left when x_feature <= threshold. */
export interface Split {
  feature: number;
  threshold: number;
  /** Samples idx[start..pos) go left, idx[pos..end) right. */
  pos: number;
  /** Where a missing x_feature goes (fit with allowMissing). */
  missingLeft: boolean;
  /** The proxy score Eq. (dt-proxy); larger is better. */
  score: number;
}

// #region add-sample
/** Adds sample i to (sign = 1) or removes it from (−1) statistics s;
 *  returns the weight added. */
export function addSample(
  data: SplitData,
  s: Float64Array,
  i: number,
  sign: number,
): number {
  checkSample(data, s, i, sign);
  const w = sign * data.w[i];
  if (data.criterion === 'squared_error') {
    const y = data.y[i];
    s[0] += w * y;
    s[1] += w * y * y;
  } else {
    s[data.label[i]] += w;
  }
  return w;
}
// #endregion

// #region sweep
/**
 * Scores every threshold of feature j for the node idx[start..end),
 * whose non-missing samples idx[start..mEnd) are sorted by x_j and
 * whose missing ones, idx[mEnd..end), go left when missLeft is true.
 * Replaces best when a threshold scores strictly higher.
 */
function sweep(
  data: SplitData, idx: Uint32Array, j: number,
  start: number, mEnd: number, end: number,
  total: Float64Array, wNode: number, missLeft: boolean, best: Split,
): void {
  const x = data.X.subarray(j * data.n, (j + 1) * data.n);
  const left = new Float64Array(data.stats);
  const right = new Float64Array(data.stats);
  let wL = 0;
  if (missLeft) {
    for (let p = mEnd; p < end; p++) wL += addSample(data, left, idx[p], 1);
  }
  for (let p = start; p < mEnd;) {
    // move a run of equal values into the left child, one at a time
    wL += addSample(data, left, idx[p++], 1);
    while (p < mEnd && x[idx[p]] <= x[idx[p - 1]] + FEATURE_THRESHOLD) {
      wL += addSample(data, left, idx[p++], 1);
    }
    if (p === mEnd) break; // no non-missing sample left on the right
    const nL = p - start + (missLeft ? end - mEnd : 0);
    const minLeaf = data.minSamplesLeaf;
    if (nL < minLeaf || end - start - nL < minLeaf) continue;
    if (!(wL > 0 && wNode - wL > 0)) continue; // a weightless child
    for (let k = 0; k < data.stats; k++) right[k] = total[k] - left[k];
    const score = proxy(data.criterion, left, wL, right, wNode - wL);
    if (score > best.score) {
      const a = x[idx[p - 1]];
      const b = x[idx[p]];
      let threshold = a / 2 + b / 2; // the midpoint, as scikit-learn
      if (threshold === b || !Number.isFinite(threshold)) threshold = a;
      Object.assign(best, { feature: j, threshold, pos: p, score,
        missingLeft: missLeft });
    }
  }
}
// #endregion

// #region best-split
/**
 * The best split of the node idx[start..end) over the given features,
 * in their order (the first of equal scores wins), or null if no split
 * leaves minSamplesLeaf samples on each side. Reorders idx: on return
 * the left child's samples come first.
 */
export function bestSplit(
  data: SplitData, idx: Uint32Array, start: number, end: number,
  total: Float64Array, wNode: number, features: ArrayLike<number>,
  maxFeatures: number,
): Split | null {
  checkNode('bestSplit', data, idx, start, end, total, wNode);
  checkFeatures(data, features, maxFeatures);
  const best: Split = { feature: -1, threshold: 0, pos: -1,
    missingLeft: false, score: -Infinity };
  let visited = 0;
  for (let f = 0; f < features.length && visited < maxFeatures; f++) {
    const j = features[f];
    const mEnd = sortByFeature(data, idx, j, start, end);
    const x = data.X.subarray(j * data.n, (j + 1) * data.n);
    if (mEnd === start ||
        x[idx[mEnd - 1]] <= x[idx[start]] + FEATURE_THRESHOLD) continue;
    visited++; // a constant feature does not count
    sweep(data, idx, j, start, mEnd, end, total, wNode, false, best);
    if (mEnd < end) {
      sweep(data, idx, j, start, mEnd, end, total, wNode, true, best);
    }
  }
  if (best.pos < 0) return null;
  const seen = best.missingLeft || missingCount(data, idx, start, end,
    best.feature) > 0;
  best.pos = partition(data, idx, start, end, best);
  // no missing x_j here at fit time: send it to the bigger child
  if (!seen) best.missingLeft = best.pos - start >= end - best.pos;
  return best;
}
// #endregion

// #region sort-feature
/** Moves the node's samples with x_j missing (NaN) to the end, sorts
 *  the others by x_j, and returns where the missing ones start. */
function sortByFeature(
  data: SplitData, idx: Uint32Array, j: number,
  start: number, end: number,
): number {
  const x = data.X.subarray(j * data.n, (j + 1) * data.n);
  let mEnd = end;
  for (let p = start; p < mEnd;) {
    if (Number.isNaN(x[idx[p]])) {
      const t = idx[p]; idx[p] = idx[--mEnd]; idx[mEnd] = t;
    } else {
      p++;
    }
  }
  sortByValue(x, idx, start, mEnd);
  return mEnd;
}
// #endregion

const SHIFT = 2 ** 21;
const bits = new Uint32Array(1);
const asFloat = new Float32Array(bits.buffer);

/**
 * Sorts idx[start..end) by x[idx[·]], like idx.sort((a, b) => x[a] −
 * x[b]) but several times faster: each entry becomes one double, the
 * float32's bits turned into an order-keeping integer (32 bits) times
 * 2^21 plus the entry's position (21 bits), and a typed array of
 * doubles sorts natively, without a comparator.
 */
function sortByValue(
  x: Float32Array, idx: Uint32Array, start: number, end: number,
): void {
  const m = end - start;
  if (m > SHIFT) {
    idx.subarray(start, end).sort((a, b) => x[a] - x[b]);
    return;
  }
  const keys = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    asFloat[0] = x[idx[start + p]];
    const b = bits[0];
    // a negative float: flip all bits; any other: set the sign bit
    const u = b >>> 31 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    keys[p] = u * SHIFT + p;
  }
  keys.sort();
  const old = idx.slice(start, end);
  for (let p = 0; p < m; p++) {
    idx[start + p] = old[keys[p] - Math.floor(keys[p] / SHIFT) * SHIFT];
  }
}

/** How many samples of the node have x_j missing. */
function missingCount(
  data: SplitData, idx: Uint32Array, start: number, end: number,
  j: number,
): number {
  let m = 0;
  for (let p = start; p < end; p++) {
    if (Number.isNaN(data.X[j * data.n + idx[p]])) m++;
  }
  return m;
}

// #region partition
/** Puts the samples that go left first (in place, as scikit-learn's
 *  partition does) and returns how far they reach. */
function partition(
  data: SplitData, idx: Uint32Array, start: number, end: number,
  split: Split,
): number {
  const x = data.X.subarray(split.feature * data.n,
    (split.feature + 1) * data.n);
  let p = start;
  let stop = end;
  while (p < stop) {
    const v = x[idx[p]];
    const goLeft = Number.isNaN(v) ? split.missingLeft
      : v <= split.threshold;
    if (goLeft) {
      p++;
    } else {
      stop--;
      const t = idx[p]; idx[p] = idx[stop]; idx[stop] = t;
    }
  }
  return p;
}
// #endregion

// #region children
/** The statistics, weight and impurity of a node idx[start..end). */
export function nodeStats(
  data: SplitData, idx: Uint32Array, start: number, end: number,
): { s: Float64Array; w: number } {
  checkNode('nodeStats', data, idx, start, end);
  const s = new Float64Array(data.stats);
  let w = 0;
  for (let p = start; p < end; p++) w += addSample(data, s, idx[p], 1);
  return { s, w };
}

/** The impurities of the two children of a split node, and the
 *  left child's weight. */
export function children(
  data: SplitData, idx: Uint32Array, start: number, pos: number,
  end: number,
): { iL: number; iR: number; wL: number } {
  checkNode('children', data, idx, start, end);
  if (!Number.isInteger(pos) || pos <= start || pos >= end) {
    throw new Error(`children: pos must be an integer in (start, end) ` +
      `= (${start}, ${end}), got ${pos}`);
  }
  const l = nodeStats(data, idx, start, pos);
  const r = nodeStats(data, idx, pos, end);
  return { iL: impurity(data.criterion, l.s, l.w),
    iR: impurity(data.criterion, r.s, r.w), wL: l.w };
}
// #endregion

/** Cheap checks of the splitter's arguments (it runs once a node). */
function checkNode(
  fn: string, data: SplitData, idx: Uint32Array, start: number,
  end: number, total?: Float64Array, wNode?: number,
): void {
  if (data === null || typeof data !== 'object' ||
      !(data.X instanceof Float32Array) ||
      data.X.length !== data.n * data.d) {
    throw new Error(`${fn}: data must be SplitData (fitTree makes it)`);
  }
  // fitTree's idx holds the rows of positive weight: at most n of them
  if (!(idx instanceof Uint32Array) || idx.length > data.n) {
    throw new Error(`${fn}: idx must be a Uint32Array of at most ` +
      `${data.n} sample indices`);
  }
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 ||
      end > idx.length || start >= end) {
    throw new Error(`${fn}: need integers 0 <= start < end <= ` +
      `${idx.length}, got start ${start}, end ${end}`);
  }
  if (total !== undefined && (!(total instanceof Float64Array) ||
      total.length !== data.stats)) {
    throw new Error(`${fn}: total must hold ${data.stats} statistics`);
  }
  if (wNode !== undefined && (!(wNode > 0) || wNode === Infinity)) {
    throw new Error(`${fn}: wNode must be finite and > 0, got ${wNode}`);
  }
}

function checkFeatures(
  data: SplitData, features: ArrayLike<number>, maxFeatures: number,
): void {
  if (features === null || typeof features !== 'object' ||
      !(features.length >= 1)) {
    throw new Error('bestSplit: features must be a non-empty list');
  }
  for (let f = 0; f < features.length; f++) {
    const j = features[f];
    if (!Number.isInteger(j) || j < 0 || j >= data.d) {
      throw new Error(`bestSplit: features[${f}] = ${j} is not a ` +
        `feature index in [0, ${data.d})`);
    }
  }
  if (!Number.isInteger(maxFeatures) || maxFeatures < 1) {
    throw new Error(`bestSplit: maxFeatures must be an integer >= 1, ` +
      `got ${maxFeatures}`);
  }
}

function checkSample(
  data: SplitData, s: Float64Array, i: number, sign: number,
): void {
  if (!(i >= 0 && i < data?.n && Number.isInteger(i)) ||
      (sign !== 1 && sign !== -1) || s?.length !== data.stats) {
    throw new Error(`addSample: need a sample index i in [0, ` +
      `${data?.n}), sign 1 or -1 and s of ${data?.stats} entries; got ` +
      `i = ${i}, sign = ${sign}, s of ${s?.length}`);
  }
}
