// Exact greedy split finding with learned default directions
// (Chen & Guestrin 2016, Algorithms 1 and 3), as XGBoost's colmaker
// does it: every column sorted once, scanned once per level.
import {
  type Candidate, type Grown, type Splitter, beats, noSplit,
} from './grow.ts';
import { checkRound } from './checks.ts';
import { type Penalty, splitGain } from './objective.ts';

/** Float32 columns: X[j * n + i], NaN where x_ij is missing. */
export interface Columns { n: number; d: number; X: Float32Array }

const EPS32 = Math.fround(1e-6); // kRtEps

/** A scan's running sums for one node: the side already passed. */
interface Scan { G: number; H: number; last: number; seen: boolean }

// #region exact-scan
/** One pass over feature j in the direction dir (+1: ascending, the
 *  passed rows go left and missing right; −1: descending, the passed
 *  rows go right and missing left), offering every boundary between
 *  two distinct values as the split (their float32 midpoint). */
function scan(
  c: Columns, j: number, order: Uint32Array, dir: 1 | -1,
  pos: Int32Array, g: Float32Array, h: Float32Array,
  nodes: Map<number, number>, t: Grown, best: Candidate[],
  p: Penalty,
): void {
  const acc = Array.from(nodes.keys(), () =>
    ({ G: 0, H: 0, last: 0, seen: false }) as Scan);
  const m = order.length;
  for (let k = 0; k < m; k++) {
    const i = order[dir === 1 ? k : m - 1 - k];
    const slot = nodes.get(pos[i]);
    if (slot === undefined) continue; // row in a finished leaf
    const e = acc[slot];
    const x = c.X[j * c.n + i];
    if (e.seen && x !== e.last) {
      const mid = Math.fround(Math.fround(x + e.last) * 0.5);
      offerSplit(e, pos[i], j, mid === x ? e.last : mid, dir, t,
        best[slot], p);
    }
    e.G += g[i]; e.H += h[i]; e.last = x; e.seen = true;
  }
  for (const [node, slot] of nodes) { // all present rows on one side
    const e = acc[slot];
    if (!e.seen) continue;
    const gap = Math.fround(Math.abs(e.last) + EPS32);
    offerSplit(e, node, j, Math.fround(e.last + dir * gap), dir, t,
      best[slot], p);
  }
}
// #endregion

/** Offers the split between the scanned side e and the rest. */
function offerSplit(
  e: Scan, node: number, j: number, split: number, dir: 1 | -1,
  t: Grown, best: Candidate, p: Penalty,
): void {
  const G = t.G[node];
  const H = t.H[node];
  const [GL, HL, GR, HR] = dir === 1 ? [e.G, e.H, G - e.G, H - e.H]
    : [G - e.G, H - e.H, e.G, e.H];
  if (HL < p.minChildWeight || HR < p.minChildWeight) return;
  const gain = splitGain(GL, HL, GR, HR, t.score[node], p);
  if (!beats(best, gain, j)) return;
  Object.assign(best, { gain, feature: j, split,
    missingLeft: dir === -1, GL, HL, GR, HR, bin: -1 });
}

/** Rows of each column with a value, sorted by value (ascending). */
export function sortColumns(c: Columns): Uint32Array[] {
  if (c === null || typeof c !== 'object' ||
    !(c.X instanceof Float32Array) || c.X.length !== c.n * c.d) {
    throw new Error('sortColumns: c must be { n, d, X: n·d float32 }');
  }
  const out: Uint32Array[] = [];
  for (let j = 0; j < c.d; j++) {
    const rows: number[] = [];
    for (let i = 0; i < c.n; i++) {
      if (!Number.isNaN(c.X[j * c.n + i])) rows.push(i);
    }
    const col = c.X.subarray(j * c.n, (j + 1) * c.n);
    rows.sort((a, b) => col[a] - col[b] || a - b);
    out.push(Uint32Array.from(rows));
  }
  return out;
}

// #region exact-splitter
/** The exact splitter over the features `use`: each column scanned
 *  descending (missing left), and also ascending (missing right) when
 *  the column has missing values and more than one distinct value. */
export function exactSplitter(
  c: Columns, sorted: Uint32Array[], use: number[],
  g: Float32Array, h: Float32Array, p: Penalty,
): Splitter {
  checkRound('exactSplitter', c?.n, g, h, p);
  const pos = new Int32Array(c.n); // each row's node
  return {
    root: () => sums(g, h),
    find(level, t) {
      const nodes = new Map(level.map((node, k) => [node, k]));
      const best = level.map(() => noSplit());
      for (const j of use) {
        const o = sorted[j];
        const col = c.X.subarray(j * c.n, (j + 1) * c.n);
        const constant = o.length > 0 && col[o[0]] === col[o.at(-1)!];
        if (o.length < c.n && !constant) {
          scan(c, j, o, 1, pos, g, h, nodes, t, best, p);
        }
        scan(c, j, o, -1, pos, g, h, nodes, t, best, p);
      }
      return best;
    },
    split(node, s, left, right) {
      const sum = [0, 0, 0, 0]; // GL, HL, GR, HR in row order
      for (let i = 0; i < c.n; i++) {
        if (pos[i] !== node) continue;
        const x = c.X[s.feature * c.n + i];
        const goLeft = Number.isNaN(x) ? s.missingLeft : x < s.split;
        pos[i] = goLeft ? left : right;
        sum[goLeft ? 0 : 2] += g[i];
        sum[goLeft ? 1 : 3] += h[i];
      }
      [s.GL, s.HL, s.GR, s.HR] = sum; // as XGBoost sums a new node
    },
  };
}
// #endregion

/** Σg and Σh in row order. */
function sums(g: Float32Array, h: Float32Array) {
  let G = 0;
  let H = 0;
  for (let i = 0; i < g.length; i++) { G += g[i]; H += h[i]; }
  return { G, H };
}
