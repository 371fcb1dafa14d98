// Splitting the model width E into H heads of width E/H, and back.
// Row b·T + t of a [B·T, E] matrix holds position t of sequence b; its
// columns h·dh … h·dh + dh − 1 belong to head h. Splitting moves each
// head's columns into its own [T, dh] block: [B, H, T, dh]. A plain
// reshape to [B, H, T, dh] would not: it would cut rows across
// positions (Pitfalls).
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';
import { requireInteger } from '../introduction/checks.ts';
import { checkRank } from './checks.ts';

// #region split-heads
/** [B·T, E] (or [B, T, E]) → [B, H, T, E/H]: head h gets columns
 *  h·dh … h·dh + dh − 1 of every position. */
export function splitHeads(x: Tensor, B: number, H: number): Tensor {
  const [T, , dh] = headSizes('splitHeads', x, B, H);
  const out = new Float64Array(x.size);
  forEachHeadEntry(B, H, T, dh, (from, to) => {
    out[to] = x.data[from];
  });
  return record('splitHeads', out, [B, H, T, dh], [x], (g) => {
    const gx = gradOf(x) as Float64Array;
    forEachHeadEntry(B, H, T, dh, (from, to) => { gx[from] += g[to]; });
  });
}
// #endregion

// #region merge-heads
/** The inverse: [B, H, T, dh] → [B·T, H·dh], heads side by side. */
export function mergeHeads(x: Tensor): Tensor {
  const s = checkRank('mergeHeads', 'x', x, 4, 4);
  const [B, H, T, dh] = s;
  const out = new Float64Array(x.size);
  forEachHeadEntry(B, H, T, dh, (to, from) => {
    out[to] = x.data[from];
  });
  return record('mergeHeads', out, [B * T, H * dh], [x], (g) => {
    const gx = gradOf(x) as Float64Array;
    forEachHeadEntry(B, H, T, dh, (to, from) => { gx[from] += g[to]; });
  });
}
// #endregion

/** f(index in [B·T, H·dh], index in [B, H, T, dh]) for every entry. */
function forEachHeadEntry(B: number, H: number, T: number, dh: number,
  f: (flat: number, split: number) => void): void {
  const E = H * dh;
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      for (let h = 0; h < H; h++) {
        const from = (b * T + t) * E + h * dh;
        const to = ((b * H + h) * T + t) * dh;
        for (let c = 0; c < dh; c++) f(from + c, to + c);
      }
    }
  }
}

function headSizes(fn: string, x: Tensor, B: number,
  H: number): [number, number, number] {
  const s = checkRank(fn, 'x', x, 2);
  if (s.length > 3) {
    throw new Error(`${fn}: x must be [B·T, E] or [B, T, E], got [${s}]`);
  }
  requireInteger(fn, 'B', B, 1);
  requireInteger(fn, 'H', H, 1);
  const E = s[s.length - 1];
  const rows = x.size / E;
  if (rows % B !== 0 || (s.length === 3 && s[0] !== B)) {
    throw new Error(`${fn}: x of shape [${s}] is not B = ${B} ` +
      'sequences');
  }
  if (E % H !== 0) {
    throw new Error(`${fn}: width ${E} is not divisible by H = ${H}`);
  }
  return [rows / B, E, E / H];
}
