// The no-free-lunch construction of Theorem 5.1, computed exactly: on a
// set C of 2m points, every labelling f of C, and every sequence of m
// draws from C, for a learner of our choice.
import { requireInt } from './checks.ts';
import { ermInterval } from './population.ts';

/** A learner on C = {0, ..., n-1}: from the labelled sample (x, y) to
 *  the labels of all n points, as a bitmask. */
export type Learner = (x: Int32Array, y: Uint8Array, n: number) => number;

/** The seen labels; 0 on every point it has not seen. */
const memorize: Learner = (x, y) => {
  let h = 0;
  for (let i = 0; i < x.length; i++) if (y[i]) h |= 1 << x[i];
  return h;
};

/** The label of the nearest seen point (the left one on a tie). */
const nearest: Learner = (x, y, n) => {
  let h = 0;
  for (let c = 0; c < n; c++) {
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
const majority: Learner = (_x, y, n) => {
  let ones = 0;
  for (let i = 0; i < y.length; i++) ones += y[i];
  return 2 * ones > y.length ? 2 ** n - 1 : 0;
};

/** ERM over intervals of C. */
const interval: Learner = (x, y, n) => {
  const { a, b } = ermInterval(n, { x, y });
  return (2 ** b - 1) - (2 ** a - 1); // the bits a, ..., b - 1
};

export const LEARNERS = { memorize, nearest, majority, interval };

// #region nfl
/** For each f: C -> {0, 1} the learner's expected error
 *  E_S L_{D_f}(A(S)) and P(L_{D_f}(A(S)) >= 1/8), exactly, by
 *  enumerating the (2m)^m sequences S (Eq. (lt-nfl)). */
export function noFreeLunch(m: number, learner: Learner) {
  checkLearner(m, learner);
  const n = 2 * m;
  const sequences = n ** m;
  const x = new Int32Array(m);
  const y = new Uint8Array(m);
  const mean = new Float64Array(2 ** n);
  const share = new Float64Array(2 ** n); // of S with L >= 1/8
  for (let f = 0; f < 2 ** n; f++) {
    for (let s = 0; s < sequences; s++) {
      for (let i = 0, r = s; i < m; i++, r = Math.floor(r / n)) {
        x[i] = r % n; // the i-th draw: digit i of s in base n
        y[i] = (f >> x[i]) & 1;
      }
      const L = popcount(checkedLabels(learner(x, y, n), n) ^ f) / n;
      mean[f] += L / sequences;
      if (L >= 1 / 8) share[f] += 1 / sequences;
    }
  }
  return { mean, share };
}
// #endregion

/** The average over f for a learner that fits the sample: half the
 *  unseen points are wrong, and E #unseen = 2m (1 - 1/(2m))^m. */
export function nflConsistentMean(m: number): number {
  requireInt('nflConsistentMean', 'm', m, 1);
  return 0.5 * (1 - 1 / (2 * m)) ** m;
}

function checkLearner(m: number, learner: Learner) {
  requireInt('noFreeLunch', 'm', m, 1, 5);
  if (typeof learner !== 'function') {
    throw new Error(`noFreeLunch: learner must be a function, got ` +
      `${typeof learner}`);
  }
}

function checkedLabels(h: number, n: number): number {
  if (!Number.isInteger(h) || h < 0 || h >= 2 ** n) {
    throw new Error(`noFreeLunch: learner must return a labelling ` +
      `of ${n} points (an integer in [0, ${2 ** n})), got ${h}`);
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
