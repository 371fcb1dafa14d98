// The cut points of XGBoost 1.7.4's `hist`, and the bins they define.
// Read from src/common/quantile.{h,cc} (WQSummary::SetPrune,
// SketchContainerImpl::MakeCuts, AddCutPoint); reimplemented, not
// copied. Exact for a column of at most 2·(8·max_bin + 1) values,
// where XGBoost's sketch holds every value at once (see the chapter).
import { checkCuts } from './checks.ts';

/** A summary entry: a distinct value, its weight and rank range. */
interface Entry { rmin: number; rmax: number; w: number; v: number }

// #region summary
/** The exact summary of one column: distinct float32 values with the
 *  number of rows below (rmin) and up to and including (rmax) each. */
function summarize(values: ArrayLike<number>): Entry[] {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) m++;
  }
  const xs = new Float32Array(m); // typed: sorts by value, no callback
  for (let i = 0, k = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) xs[k++] = values[i];
  }
  xs.sort();
  const out: Entry[] = [];
  for (let i = 0; i < xs.length;) {
    let j = i + 1;
    while (j < xs.length && xs[j] === xs[i]) j++;
    out.push({ rmin: i, rmax: j, w: j - i, v: xs[i] });
    i = j;
  }
  return out;
}

/** At most m entries of s, at evenly spaced ranks (SetPrune). */
function prune(s: Entry[], m: number): Entry[] {
  if (s.length <= m) return s;
  const begin = s[0].rmax;
  const range = s[s.length - 1].rmin - begin;
  const out = [s[0]];
  let i = 1;
  let last = 0;
  for (let k = 1; k < m - 1; k++) {
    const f = Math.fround;
    const dx2 = f(2 * f(f(f(k * range) / (m - 1)) + begin));
    while (i < s.length - 1 && dx2 >= s[i + 1].rmax + s[i + 1].rmin) i++;
    if (i === s.length - 1) break;
    const lo = s[i].rmin + s[i].w + s[i + 1].rmax - s[i + 1].w;
    const pick = dx2 < lo ? i : i + 1;
    if (pick !== last) { out.push(s[pick]); last = pick; }
  }
  if (last !== s.length - 1) out.push(s[s.length - 1]);
  return out;
}
// #endregion

// #region cuts
/** One feature's cut points (bin upper bounds, ascending) and the
 *  value XGBoost stores below its first bin. */
export function quantileCuts(values: ArrayLike<number>, maxBin: number) {
  checkCuts('quantileCuts', values, maxBin);
  const f = Math.fround;
  const s = summarize(values);
  if (s.length === 0) { // an empty column: one bin
    const c = f(1e-5);
    return { cuts: Float32Array.of(f(c + f(c + c))), minValue: c };
  }
  const n = s[s.length - 1].rmax;
  const eps = 1 / (Math.min(maxBin, n) * 8); // the sketch's accuracy
  const limit = Math.min(n, Math.ceil(1 / eps) + 1); // its size
  const kept = Math.min(n, 8 * maxBin); // what the merge keeps
  const bins = Math.min(kept, maxBin);
  const a = prune(prune(prune(s, limit), kept), bins + 1);
  const cuts: number[] = [];
  for (let i = 1; i < Math.min(a.length, bins); i++) {
    if (i === 1 || a[i].v > cuts[cuts.length - 1]) cuts.push(a[i].v);
  }
  const top = a[a.length - 1].v; // then one cut above every value
  cuts.push(f(top + f(Math.abs(top) + f(1e-5))));
  const lo = a[0].v;
  return { cuts: Float32Array.from(cuts),
    minValue: f(f(lo - Math.abs(lo)) - f(1e-5)) };
}
// #endregion

// #region bin
/** The bin of x: the first cut above it (the last bin if none);
 *  MISSING for NaN. */
export const MISSING = 255;

export function binOf(cuts: Float32Array, x: number): number {
  if (!(cuts instanceof Float32Array) || cuts.length === 0 ||
    typeof x !== 'number' || x === Infinity || x === -Infinity) {
    throw new Error(`binOf: need cuts from quantileCuts and x a number` +
      ` or NaN, got ${cuts} and ${x}`);
  }
  if (Number.isNaN(x)) return MISSING;
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) { // upper_bound: first cut > x
    const mid = (lo + hi) >> 1;
    if (cuts[mid] > x) hi = mid; else lo = mid + 1;
  }
  return lo;
}
// #endregion
