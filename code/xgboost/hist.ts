// Histogram split finding: every value replaced once by its bin (a
// byte), a node's (G, H) summed per bin, the larger child's histogram
// got by subtraction, candidate splits only at bin boundaries.
import type { Columns } from './exact.ts';
import {
  type Candidate, type Splitter, beats, noSplit,
} from './grow.ts';
import { checkHistogram, checkRound } from './checks.ts';
import { type Penalty, splitGain } from './objective.ts';
import { MISSING, binOf, quantileCuts } from './quantile.ts';

/** Bins of the whole matrix, row-major (bins[i * d + j]), and the
 *  cut points of every feature laid end to end from ptr[j]. */
export interface Binned {
  n: number; d: number; bins: Uint8Array;
  ptr: Int32Array; cuts: Float32Array; minValue: Float32Array;
}

// #region bin-once
/** Cuts every column (quantileCuts) and bins every value, once. */
export function binColumns(c: Columns, maxBin: number): Binned {
  if (!Number.isInteger(maxBin) || maxBin < 2 || maxBin > 255) {
    throw new Error(`binColumns: maxBin must be an integer in [2, 255],` +
      ` got ${maxBin}`);
  }
  const ptr = new Int32Array(c.d + 1);
  const all: number[] = [];
  const minValue = new Float32Array(c.d);
  const bins = new Uint8Array(c.n * c.d);
  for (let j = 0; j < c.d; j++) {
    const col = c.X.subarray(j * c.n, (j + 1) * c.n);
    const q = quantileCuts(col, maxBin);
    for (let i = 0; i < c.n; i++) bins[i * c.d + j] = binOf(q.cuts, col[i]);
    for (let k = 0; k < q.cuts.length; k++) all.push(q.cuts[k]);
    ptr[j + 1] = all.length;
    minValue[j] = q.minValue;
  }
  return { n: c.n, d: c.d, bins, ptr, cuts: Float32Array.from(all),
    minValue };
}
// #endregion

// #region histogram
/** Σg and Σh of the rows rows[from..to) in each bin: hist[2k], [2k+1]. */
export function buildHistogram(
  b: Binned, rows: Uint32Array, from: number, to: number,
  g: Float32Array, h: Float32Array,
): Float64Array {
  checkHistogram('buildHistogram', b, rows, from, to, g, h);
  const out = new Float64Array(2 * b.ptr[b.d]);
  const { d, bins, ptr } = b;
  for (let k = from; k < to; k++) {
    const i = rows[k];
    const gi = g[i];
    const hi = h[i];
    for (let j = 0; j < d; j++) {
      const bin = bins[i * d + j];
      if (bin === MISSING) continue;
      const at = 2 * (ptr[j] + bin);
      out[at] += gi;
      out[at + 1] += hi;
    }
  }
  return out;
}

/** The sibling's histogram: parent minus child, bin by bin. */
export function subtractHistogram(
  parent: Float64Array, child: Float64Array,
): Float64Array {
  if (!(parent instanceof Float64Array) ||
    !(child instanceof Float64Array) || parent.length !== child.length) {
    throw new Error('subtractHistogram: parent and child must be ' +
      'histograms of one length');
  }
  const out = new Float64Array(parent.length);
  for (let k = 0; k < parent.length; k++) out[k] = parent[k] - child[k];
  return out;
}
// #endregion

// #region hist-scan
/** Feature j's bins scanned upward (missing right), then, if the node
 *  has missing values of j, downward (missing left). */
function scanBins(
  b: Binned, hist: Float64Array, j: number, G: number, H: number,
  score: number, best: Candidate, p: Penalty,
): void {
  const lo = b.ptr[j];
  const hi = b.ptr[j + 1];
  let GL = 0;
  let HL = 0;
  for (let k = lo; k < hi; k++) { // left: bins lo..k; x < cuts[k]
    GL += hist[2 * k]; HL += hist[2 * k + 1];
    tryBins(GL, HL, G - GL, H - HL, k, b.cuts[k], false);
  }
  if (GL === G && HL === H) return; // no missing value of j here
  let GR = 0;
  let HR = 0;
  for (let k = hi - 1; k >= lo; k--) { // right: bins k..hi−1
    GR += hist[2 * k]; HR += hist[2 * k + 1];
    const split = k === lo ? b.minValue[j] : b.cuts[k - 1];
    tryBins(G - GR, H - HR, GR, HR, k - 1, split, true);
  }
  function tryBins(GL: number, HL: number, GR: number, HR: number,
    bin: number, split: number, missingLeft: boolean) {
    if (HL < p.minChildWeight || HR < p.minChildWeight) return;
    const gain = splitGain(GL, HL, GR, HR, score, p);
    if (!beats(best, gain, j)) return;
    Object.assign(best, { gain, feature: j, split, missingLeft,
      GL, HL, GR, HR, bin: bin - lo });
  }
}
// #endregion

// #region hist-splitter
/** The hist splitter: rows kept in one array, each node a range;
 *  the smaller child's histogram is built, its sibling's subtracted. */
export function histSplitter(
  b: Binned, use: number[], g: Float32Array, h: Float32Array,
  p: Penalty, dense: boolean,
): Splitter {
  checkRound('histSplitter', b?.n, g, h, p);
  const rows = new Uint32Array(b.n);
  for (let i = 0; i < b.n; i++) rows[i] = i;
  const scratch = new Uint32Array(b.n);
  const range = new Map([[0, [0, b.n]]]);
  const hists = new Map([[0, buildHistogram(b, rows, 0, b.n, g, h)]]);
  const pending: [number, number, number][] = []; // parent, small, big
  return {
    root: () => rootSums(b, hists.get(0)!, g, h, dense),
    find(level, t) {
      for (const [parent, small, big] of pending.splice(0)) {
        const [from, to] = range.get(small)!;
        const hs = buildHistogram(b, rows, from, to, g, h);
        hists.set(small, hs);
        hists.set(big, subtractHistogram(hists.get(parent)!, hs));
        hists.delete(parent);
      }
      return level.map((node) => {
        const best = noSplit();
        for (const j of use) {
          scanBins(b, hists.get(node)!, j, t.G[node], t.H[node],
            t.score[node], best, p);
        }
        return best;
      });
    },
    split(node, c, left, right) {
      const [from, to] = range.get(node)!;
      const mid = partition(b, rows, scratch, from, to, c);
      range.set(left, [from, mid]);
      range.set(right, [mid, to]);
      const small = mid - from <= to - mid ? left : right;
      pending.push([node, small, small === left ? right : left]);
    },
    leaves(t) { // each row's leaf: the ranges of the final leaves
      const out = new Int32Array(b.n);
      for (const [node, [from, to]] of range) {
        if (t.left[node] >= 0) continue;
        for (let k = from; k < to; k++) out[rows[k]] = node;
      }
      return out;
    },
  };
}
// #endregion

/** Stable partition of rows[from..to): the split's left rows first. */
function partition(
  b: Binned, rows: Uint32Array, right: Uint32Array, from: number,
  to: number, c: Candidate,
): number {
  let w = from;
  let r = 0;
  for (let k = from; k < to; k++) {
    const i = rows[k];
    const bin = b.bins[i * b.d + c.feature];
    const goLeft = bin === MISSING ? c.missingLeft : bin <= c.bin;
    if (goLeft) rows[w++] = i; else right[r++] = i;
  }
  rows.set(right.subarray(0, r), w);
  return w;
}

/** The root's (G, H): for dense data XGBoost sums feature 0's bins,
 *  otherwise the rows (the order changes the last bits). */
function rootSums(
  b: Binned, hist: Float64Array, g: Float32Array, h: Float32Array,
  dense: boolean,
) {
  let G = 0;
  let H = 0;
  if (dense) {
    for (let k = b.ptr[0]; k < b.ptr[1]; k++) {
      G += hist[2 * k]; H += hist[2 * k + 1];
    }
  } else {
    for (let i = 0; i < g.length; i++) { G += g[i]; H += h[i]; }
  }
  return { G, H };
}
