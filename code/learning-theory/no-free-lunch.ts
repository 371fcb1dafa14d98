// The no-free-lunch construction of Theorem 5.1, computed exactly: on a
// set C of 2n points, every labelling f of C, and every sequence of n
// draws from C, for a learner of our choice.
import { requireInt } from './checks.ts';
import { ermInterval } from './population.ts';

/** A learner on C = {0, ..., size - 1}: from the labelled sample (x, y) to
 *  the labels of all `size` points, as a bitmask. */
export type Learner =
  (x: Int32Array, y: Uint8Array, size: number) => number;

/** The seen labels; 0 on every point it has not seen. */
const memorize: Learner = (x, y) => {
  let h = 0;
  for (let i = 0; i < x.length; i++) if (y[i]) h |= 1 << x[i];
  return h;
};

/** The label of the nearest seen point (the left one on a tie). */
const nearest: Learner = (x, y, size) => {
  let h = 0;
  for (let c = 0; c < size; c++) {
    let best = 0;
    for (let i = 1; i < x.length; i++) {
      const d = Math.abs(x[i] - c) - Math.abs(x[best] - c);
      if (d < 0 || (d === 0 && x[i] < x[best])) best = i;
    }
    if (y[best]) h |= 1 << c;
  }
  return h;
};

/** One label for all: the majority of the sample's (0 on a tie). */
const majority: Learner = (_x, y, size) => {
  let ones = 0;
  for (let i = 0; i < y.length; i++) ones += y[i];
  return 2 * ones > y.length ? 2 ** size - 1 : 0;
};

/** ERM over intervals of C. */
const interval: Learner = (x, y, size) => {
  const { k1, k2 } = ermInterval(size, { x, y });
  return (2 ** k2 - 1) - (2 ** k1 - 1); // the bits k1, ..., k2 - 1
};

export const LEARNERS = { memorize, nearest, majority, interval };

// #region nfl
/** For each f: C -> {0, 1} the learner's expected error
 *  E_S L_{D_f}(A(S)) and P(L_{D_f}(A(S)) >= 1/8), exactly, by
 *  enumerating the (2n)^n sequences S (Eq. (lt-nfl)). */
export function noFreeLunch(n: number, learner: Learner) {
  checkLearner(n, learner);
  const size = 2 * n;
  const sequences = size ** n;
  const x = new Int32Array(n);
  const y = new Uint8Array(n);
  const mean = new Float64Array(2 ** size);
  const share = new Float64Array(2 ** size); // of S with L >= 1/8
  for (let f = 0; f < 2 ** size; f++) {
    for (let s = 0; s < sequences; s++) {
      for (let i = 0, r = s; i < n; i++, r = Math.floor(r / size)) {
        x[i] = r % size; // the i-th draw: digit i of s in base `size`
        y[i] = (f >> x[i]) & 1;
      }
      const h = checkedLabels(learner(x, y, size), size);
      const L = popcount(h ^ f) / size;
      mean[f] += L / sequences;
      if (L >= 1 / 8) share[f] += 1 / sequences;
    }
  }
  return { mean, share };
}
// #endregion

/** The average over f for a learner that fits the sample: half the
 *  unseen points are wrong, and E #unseen = 2n (1 - 1/(2n))^n. */
export function nflConsistentMean(n: number): number {
  requireInt('nflConsistentMean', 'n', n, 1);
  return 0.5 * (1 - 1 / (2 * n)) ** n;
}

function checkLearner(n: number, learner: Learner) {
  requireInt('noFreeLunch', 'n', n, 1, 5);
  if (typeof learner !== 'function') {
    throw new Error(`noFreeLunch: learner must be a function, got ` +
      `${typeof learner}`);
  }
}

function checkedLabels(h: number, size: number): number {
  if (!Number.isInteger(h) || h < 0 || h >= 2 ** size) {
    throw new Error(`noFreeLunch: learner must return a labelling ` +
      `of ${size} points (an integer in [0, ${2 ** size})), got ${h}`);
  }
  return h;
}

/** The number of bits set in a 32-bit integer. */
export function popcount(v: number): number {
  requireInt('popcount', 'v', v, 0, 2 ** 31 - 1);
  let c = 0;
  for (let u = v; u; u &= u - 1) c += 1;
  return c;
}
