// Lloyd's algorithm on flat arrays: the assignment step, the update
// step (with scikit-learn's relocation of empty clusters), the inertia,
// and the loop with scikit-learn's stopping rules. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkCenters, checkData, checkInt, checkLabels, checkNumber,
} from './checks.ts';

// #region inertia
/** Sum over i of ‖x_i − c_{label i}‖², Eq. (km-inertia). */
export function inertia(X: Matrix, C: Matrix, labels: Int32Array): number {
  checkCenters('inertia', X, C);
  checkLabels('inertia', labels, X.rows, C.rows);
  const { data: x, rows: n, cols: d } = X;
  const c = C.data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = i * d;
    const b = labels[i] * d;
    for (let j = 0; j < d; j++) total += (x[a + j] - c[b + j]) ** 2;
  }
  return total;
}
// #endregion

// #region assign
/** The assignment step, Eq. (km-assign): each point to its nearest
 *  centre (the first on a tie). Loops centre by centre and feature by
 *  feature over all points, so the innermost loop runs down a column
 *  (the loop order of a fast matrix product); `work` holds n squared
 *  distances and n labels. Writes labels and each point's squared
 *  distance to its centre into dist2; returns how many labels changed. */
function assignStep(X: Matrix, C: Matrix, labels: Int32Array,
  dist2: Float64Array, work: Work): number {
  const { data: x, rows: n, cols: d } = X;
  const { dist, next } = work;
  dist2.fill(Infinity);
  for (let m = 0; m < C.rows; m++) {
    dist.fill(0); // ‖x_i − c_m‖² for every i
    for (let j = 0; j < d; j++) {
      const cmj = C.data[m * d + j];
      for (let i = 0, a = j; i < n; i++, a += d) {
        const t = x[a] - cmj;
        dist[i] += t * t;
      }
    }
    for (let i = 0; i < n; i++) {
      if (dist[i] < dist2[i]) { dist2[i] = dist[i]; next[i] = m; }
    }
  }
  let changed = 0;
  for (let i = 0; i < n; i++) changed += +(next[i] !== labels[i]);
  labels.set(next);
  return changed;
}

/** Scratch space of the assignment step, allocated once per run. */
interface Work { dist: Float64Array; next: Int32Array }

const workFor = (n: number): Work =>
  ({ dist: new Float64Array(n), next: new Int32Array(n) });
// #endregion

// #region update
/** The update step, Eq. (km-update): each centre to the mean of its
 *  points. An empty cluster takes the point farthest from its centre
 *  (see relocate). Writes the new centres into Cnew. */
function updateStep(X: Matrix, labels: Int32Array, dist2:
  Float64Array, Cnew: Matrix, counts: Float64Array): number[][] {
  const { data: x, rows: n, cols: d } = X;
  const c = Cnew.data;
  c.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) { // sums and counts
    const b = labels[i] * d;
    for (let j = 0; j < d; j++) c[b + j] += x[i * d + j];
    counts[labels[i]]++;
  }
  const moved = relocate(X, labels, dist2, Cnew, counts);
  for (let m = 0; m < Cnew.rows; m++) { // sums to means
    if (counts[m] === 0) { // emptied by relocation
      emptiedCentre(X, Cnew, m);
      continue;
    }
    const alpha = 1 / counts[m];
    for (let j = 0; j < d; j++) c[m * d + j] *= alpha;
  }
  return moved; // [point, cluster] pairs moved into empty clusters
}
// #endregion

// #region relocate
/** scikit-learn's rule for e empty clusters: the e points farthest from
 *  their current centre, farthest first, each move from its cluster's
 *  sum into one empty cluster (its label is not changed). */
function relocate(X: Matrix, labels: Int32Array, dist2: Float64Array,
  Csum: Matrix, counts: Float64Array): number[][] {
  const d = X.cols;
  const empty: number[] = [];
  for (let m = 0; m < Csum.rows; m++) if (counts[m] === 0) empty.push(m);
  if (empty.length === 0) return [];
  const far = farthest(dist2, empty.length);
  return empty.map((m, t) => {
    const i = far[t];
    const from = labels[i];
    for (let j = 0; j < d; j++) {
      Csum.data[from * d + j] -= X.data[i * d + j];
      Csum.data[m * d + j] = X.data[i * d + j];
    }
    counts[m] = 1;
    counts[from] -= 1;
    return [i, m];
  });
}

/** Indices of the e largest entries of v, largest first (the smaller
 *  index first among equal values). */
function farthest(v: Float64Array, e: number): number[] {
  const order = Array.from(v, (_, i) => i);
  order.sort((a, b) => v[b] - v[a] || a - b);
  return order.slice(0, e);
}
// #endregion

// #region emptied
/** A cluster that relocation emptied (its one point moved to another
 *  empty cluster) gets the mean of all the data, where scikit-learn,
 *  which works on centred data, leaves it; the next update relocates
 *  it again if it is still empty. */
function emptiedCentre(X: Matrix, C: Matrix, m: number): void {
  const { data: x, rows: n, cols: d } = X;
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i * d + j];
    C.data[m * d + j] = s / n;
  }
}
// #endregion

export interface LloydOptions {
  /** Most iterations (one assignment and one update each); 300. */
  maxIter?: number;
  /** Stop when Σ_m ‖Δc_m‖² <= tol × mean feature variance; 1e-4. */
  tol?: number;
  /** Record the inertia after every half-step; false. */
  trace?: boolean;
}

export interface LloydResult {
  labels: Int32Array;
  centers: Matrix;
  inertia: number;
  /** Iterations run, counted as scikit-learn counts them. */
  nIter: number;
  /** Why it stopped: labels unchanged, centre shift <= tol, maxIter. */
  stop: 'labels' | 'tol' | 'max-iter';
  /** Inertia after each assignment and update, when options.trace. */
  trace: number[];
}

// #region lloyd
/** Lloyd's algorithm from the centres C0 (k × d), stopping as
 *  scikit-learn's KMeans(algorithm="lloyd") does. */
export function lloyd(X: Matrix, C0: Matrix,
  options: LloydOptions = {}): LloydResult {
  const { maxIter, tol, trace } = lloydOptions('lloyd', X, C0, options);
  const n = X.rows;
  const k = C0.rows;
  let C = new Matrix(k, X.cols, C0.data.slice());
  let Cnew = new Matrix(k, X.cols);
  const labels = new Int32Array(n).fill(-1);
  const dist2 = new Float64Array(n);
  const counts = new Float64Array(k);
  const work = workFor(n);
  const tolScaled = tol * meanVariance(X); // scikit-learn's convention
  const history: number[] = [];
  let stop: LloydResult['stop'] = 'max-iter';
  let it = 0;
  while (it < maxIter) {
    it++;
    const changed = assignStep(X, C, labels, dist2, work); // (km-assign)
    if (trace) history.push(inertia(X, C, labels));
    const moved = updateStep(X, labels, dist2, Cnew, counts); // (km-update)
    if (trace) history.push(inertia(X, Cnew, movedLabels(labels, moved)));
    const shift = squaredShift(C, Cnew);
    [C, Cnew] = [Cnew, C];
    if (changed === 0) { stop = 'labels'; break; }
    if (shift <= tolScaled) { stop = 'tol'; break; }
  }
  // stopped on the centres: one more assignment, as scikit-learn does
  if (stop !== 'labels') assignStep(X, C, labels, dist2, work);
  return { labels, centers: C, inertia: inertia(X, C, labels),
    nIter: it, stop, trace: history };
}
// #endregion

/** Σ_m ‖c_m − c'_m‖², the squared Frobenius norm of the change. */
function squaredShift(A: Matrix, B: Matrix): number {
  let s = 0;
  for (let t = 0; t < A.data.length; t++) {
    s += (A.data[t] - B.data[t]) ** 2;
  }
  return s;
}

/** The labels with the points moved into empty clusters relabelled. */
function movedLabels(labels: Int32Array, moved: number[][]): Int32Array {
  const out = labels.slice();
  for (const [i, m] of moved) out[i] = m;
  return out;
}

/** The mean over features of each feature's (population) variance. */
export function meanVariance(X: Matrix): number {
  checkData('meanVariance', X);
  const { data: x, rows: n, cols: d } = X;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * d + j];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i * d + j] - mean) ** 2;
    total += ss / n;
  }
  return total / d;
}

function lloydOptions(fn: string, X: Matrix, C0: Matrix,
  o: LloydOptions) {
  checkCenters(fn, X, C0);
  if (typeof o !== 'object' || o === null) {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
  const maxIter = o.maxIter ?? 300;
  const tol = o.tol ?? 1e-4;
  checkInt(fn, 'maxIter', maxIter, 1);
  checkNumber(fn, 'tol', tol, 0);
  return { maxIter, tol, trace: o.trace === true };
}

// #region half-steps
/** One assignment step on its own (for the figures and the demo). */
export function assign(X: Matrix, C: Matrix) {
  checkCenters('assign', X, C);
  const labels = new Int32Array(X.rows).fill(-1);
  const dist2 = new Float64Array(X.rows);
  assignStep(X, C, labels, dist2, workFor(X.rows));
  return { labels, dist2 };
}

/** One update step on its own: the new centres from labels, with the
 *  distances to the current centres C for any empty cluster. */
export function update(X: Matrix, C: Matrix, labels: Int32Array) {
  checkCenters('update', X, C);
  checkLabels('update', labels, X.rows, C.rows);
  const dist2 = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) {
      dist2[i] += (X.data[i * X.cols + j] -
        C.data[labels[i] * X.cols + j]) ** 2;
    }
  }
  const centers = new Matrix(C.rows, C.cols);
  const counts = new Float64Array(C.rows);
  const moved = updateStep(X, labels, dist2, centers, counts);
  return { centers, counts, labels: movedLabels(labels, moved) };
}
// #endregion
