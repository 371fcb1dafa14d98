// @unshown: helpers of the label-noise experiment; "Complexity and
// pitfalls" describes what they do
// Label noise for the pitfalls section: flip a share of binary labels,
// and measure how much of a learner's attention the flipped rows get.
// Browser-safe.
import { createRng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkArray } from './checks.ts';

/** y with round(share·n) labels flipped (1 − y), chosen at random. */
export function flipLabels(
  y: ArrayLike<number>, share: number, seed: number,
): { y: Float64Array; flipped: Uint8Array } {
  checkArray('flipLabels', 'y', y);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) {
      throw new Error(`flipLabels: y must hold 0 or 1, got y[${i}] = ` +
        `${y[i]}`);
    }
  }
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    throw new Error(`flipLabels: share must be in [0, 1], got ${share}`);
  }
  requireInteger('flipLabels', 'seed', seed);
  const n = y.length;
  const order = createRng(seed).shuffle(
    Array.from({ length: n }, (_, i) => i));
  const flipped = new Uint8Array(n);
  for (let t = 0; t < Math.round(share * n); t++) flipped[order[t]] = 1;
  return { y: Float64Array.from(y, (v, i) => (flipped[i] ? 1 - v : v)),
    flipped };
}

/** The share of a total weight that the marked rows hold. */
export function shareOn(
  weights: ArrayLike<number>, marked: ArrayLike<number>,
): number {
  checkArray('shareOn', 'weights', weights);
  checkArray('shareOn', 'marked', marked, weights.length,
    'one per entry of weights');
  let on = 0;
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] < 0) {
      throw new Error(`shareOn: weights[${i}] = ${weights[i]} is negative`);
    }
    total += weights[i];
    if (marked[i]) on += weights[i];
  }
  if (!(total > 0)) throw new Error('shareOn: weights are all zero');
  return on / total;
}

/** n points uniform on the unit square, y = 1 above the wave
 *  x₂ = 0.5 + 0.3 sin(2πx₁): a boundary additive stumps can follow. */
export function wavyData(
  n: number, seed: number,
): { X: Matrix; y: Float64Array } {
  requireInteger('wavyData', 'n', n, 1);
  requireInteger('wavyData', 'seed', seed);
  const rng = createRng(seed);
  const X = new Matrix(n, 2, rng.uniformArray(2 * n, 0, 1));
  const y = Float64Array.from({ length: n }, (_, i) =>
    X.data[2 * i + 1] > 0.5 + 0.3 * Math.sin(2 * Math.PI * X.data[2 * i])
      ? 1 : 0);
  return { X, y };
}
