// Magnitude pruning, layer by layer, and the random-mask control.
import type { Rng } from '../introduction/random.ts';
import type { Mask } from './mask.ts';
import {
  checkCount, checkMaskArray, checkRate, checkRng, checkValues,
  checkMaskList,
} from './checks.ts';

// #region prune-layer
/** Of the weights still kept in m, drops the share `rate` with the
 *  smallest |w|, Eq. (lt-prune); ties go by index. Returns a new mask. */
export function pruneLayer(w: Float64Array, m: Float64Array,
  rate: number): Float64Array {
  checkPruneLayer(w, m, rate);
  const alive: number[] = [];
  for (let i = 0; i < m.length; i++) if (m[i] === 1) alive.push(i);
  alive.sort((i, j) => Math.abs(w[i]) - Math.abs(w[j]) || i - j);
  const drop = Math.round(rate * alive.length); // Eq. (lt-count)
  const out = Float64Array.from(m);
  for (let k = 0; k < drop; k++) out[alive[k]] = 0;
  return out;
}
// #endregion

// #region prune-mask
/** The paper's rates: p for each hidden layer, p/2 for the output. */
export function layerRates(layers: number, p: number): number[] {
  checkCount('layerRates', 'layers', layers);
  checkRate('layerRates', 'p', p);
  return Array.from({ length: layers },
    (_, k) => (k === layers - 1 ? p / 2 : p));
}

/** One round of pruning: each matrix by its own rate (per layer, not
 *  global), from the trained weights. */
export function pruneMask(weights: Float64Array[], mask: Mask,
  rates: number[]): Mask {
  checkPruneMask(weights, mask);
  if (!Array.isArray(rates) || rates.length !== weights.length) {
    throw new Error(`pruneMask: rates must list ${weights.length} ` +
      `rates, got ${Array.isArray(rates) ? rates.length : typeof rates}`);
  }
  rates.forEach((r) => checkRate('pruneMask', 'rates', r));
  return weights.map((w, k) => pruneLayer(w, mask[k], rates[k]));
}
// #endregion

// #region random-mask
/** The control: in each matrix, as many kept weights as in `mask`,
 *  at positions drawn uniformly at random. */
export function randomMask(mask: Mask, rng: Rng): Mask {
  checkMaskList('randomMask', 'mask', mask);
  checkRng('randomMask', rng);
  return mask.map((m) => {
    let kept = 0;
    for (let i = 0; i < m.length; i++) kept += m[i];
    const order = Array.from({ length: m.length }, (_, i) => i);
    rng.shuffle(order);
    const out = new Float64Array(m.length);
    for (let k = 0; k < kept; k++) out[order[k]] = 1;
    return out;
  });
}
// #endregion

function checkPruneLayer(w: Float64Array, m: Float64Array,
  rate: number): void {
  checkValues('pruneLayer', 'w', w);
  checkMaskArray('pruneLayer', 'm (the length of w)', m, w.length);
  checkRate('pruneLayer', 'rate', rate);
}

function checkPruneMask(weights: Float64Array[], mask: Mask): void {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new Error('pruneMask: weights must be a non-empty list of ' +
      'Float64Arrays');
  }
  weights.forEach((w, k) => checkValues('pruneMask', `weights[${k}]`, w));
  checkMaskList('pruneMask', 'mask (the sizes of weights)', mask,
    weights.map((w) => w.length));
}
