// Exercise: global magnitude pruning, the alternative to per-layer.
import type { Mask } from '../mask.ts';
import { checkMaskList, checkRate, checkValues } from '../checks.ts';

// #region global
/** Pools the kept weights of every matrix and drops the share `rate`
 *  with the smallest |w| wherever they are; ties by layer, then index. */
export function pruneGlobal(weights: Float64Array[], mask: Mask,
  rate: number): Mask {
  checkGlobal(weights, mask, rate);
  const alive: [number, number][] = []; // [layer, index]
  mask.forEach((m, l) => {
    for (let i = 0; i < m.length; i++) if (m[i] === 1) alive.push([l, i]);
  });
  const mag = ([l, i]: [number, number]) => Math.abs(weights[l][i]);
  alive.sort((a, b) => mag(a) - mag(b) || a[0] - b[0] || a[1] - b[1]);
  const out = mask.map((m) => Float64Array.from(m));
  const drop = Math.round(rate * alive.length);
  for (let k = 0; k < drop; k++) out[alive[k][0]][alive[k][1]] = 0;
  return out;
}
// #endregion

function checkGlobal(weights: Float64Array[], mask: Mask, rate: number) {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new Error('pruneGlobal: weights must be a non-empty list of ' +
      'Float64Arrays');
  }
  weights.forEach((w, k) => checkValues('pruneGlobal', `weights[${k}]`,
    w));
  checkMaskList('pruneGlobal', 'mask (the sizes of weights)', mask,
    weights.map((w) => w.length));
  checkRate('pruneGlobal', 'rate', rate);
}
