// Positional information. Attention is blind to order: permuting the
// keys and values permutes nothing in the output. Vaswani et al.
// (2017, §3.5) add a fixed sinusoidal code of each position to the
// token embeddings; a learned table of positions is the alternative.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { Layer } from '../multilayer-perceptron/layers.ts';
import { requireInteger, requirePositive } from
  '../introduction/checks.ts';
import { checkRank } from './checks.ts';

// #region sinusoidal
/** [t, d]: row p is position start + p; column 2i is
 *  sin(p / 10000^(2i/d)), column 2i + 1 cos of the same, Eq. (att-pe). */
export function sinusoidalPositions(t: number, d: number,
  start = 0): Tensor {
  requireInteger('sinusoidalPositions', 't', t, 1);
  requireInteger('sinusoidalPositions', 'd', d, 1);
  requireInteger('sinusoidalPositions', 'start', start, 0);
  const out = new Float64Array(t * d);
  for (let p = 0; p < t; p++) {
    for (let c = 0; c < d; c++) {
      const i2 = c - (c % 2); // 2i
      const angle = (start + p) / Math.pow(10000, i2 / d);
      out[p * d + c] = c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return new Tensor(out, [t, d]);
}
// #endregion

// #region shift
/** Rows of sinusoidal positions moved k places by a rotation of each
 *  (sin, cos) pair through the angle ω_i k, Eq. (att-pe-rotate): no
 *  position p enters, only the offset k. */
export function shiftPositions(pe: Tensor, k: number): Tensor {
  const s = checkRank('shiftPositions', 'pe', pe, 2, 2);
  requireInteger('shiftPositions', 'k', k, 0);
  const [t, d] = s;
  if (d % 2 === 1) {
    throw new Error('shiftPositions: d must be even (each sin needs ' +
      `its cos), got ${d}`);
  }
  const out = new Float64Array(t * d);
  for (let c = 0; c < d; c += 2) {
    const a = k / Math.pow(10000, c / d); // ω_i k, with 2i = c
    const cos = Math.cos(a), sin = Math.sin(a);
    for (let p = 0; p < t; p++) {
      const x = pe.data[p * d + c], y = pe.data[p * d + c + 1];
      out[p * d + c] = cos * x + sin * y; // sin(ω(p + k))
      out[p * d + c + 1] = -sin * x + cos * y; // cos(ω(p + k))
    }
  }
  return new Tensor(out, [t, d]);
}
// #endregion

// #region learned
/** A trainable table of maxLen positions: forward(x [B, T, d]) adds
 *  rows start … start + T − 1 to every sequence. */
export class LearnedPositions implements Layer {
  readonly table: Tensor; // [maxLen, d]

  /** Entries N(0, std²), std small (0.02) by default. */
  constructor(maxLen: number, d: number, rng: Rng, std = 0.02) {
    checkLearned(maxLen, d, rng, std);
    this.table = new Tensor(rng.normalArray(maxLen * d, 0, std),
      [maxLen, d], true);
  }

  forward(x: Tensor, start = 0): Tensor {
    const T = checkLearnedInput(this.table, x, start);
    const rows = Array.from({ length: T }, (_, i) => start + i);
    return x.add(this.table.gather(rows)); // [T, d] broadcast over B
  }
  // #endregion

  parameters(): Tensor[] {
    return [this.table];
  }
}

function checkLearned(maxLen: number, d: number, rng: Rng,
  std: number): void {
  requireInteger('LearnedPositions', 'maxLen', maxLen, 1);
  requireInteger('LearnedPositions', 'd', d, 1);
  requirePositive('LearnedPositions', 'std', std);
  if (rng === null || typeof rng !== 'object' ||
    typeof rng.normalArray !== 'function') {
    throw new Error('LearnedPositions: rng must be a generator from ' +
      'createRng');
  }
}

/** x must be [B, T, d] with start + T rows in the table; returns T. */
function checkLearnedInput(table: Tensor, x: Tensor,
  start: number): number {
  const fn = 'LearnedPositions.forward';
  const s = checkRank(fn, 'x', x, 3, 3);
  const [maxLen, d] = table.shape;
  if (s[2] !== d) {
    throw new Error(`${fn}: x must be [B, T, ${d}], got [${s}]`);
  }
  requireInteger(fn, 'start', start, 0);
  if (start + s[1] > maxLen) {
    throw new Error(`${fn}: positions up to ${start + s[1] - 1} ` +
      `exceed the table's ${maxLen}`);
  }
  return s[1];
}

/** x [B, T, d] plus the sinusoidal code of positions start …:
 *  the positions go in before the first layer (Pitfalls). */
export function addSinusoidal(x: Tensor, start = 0): Tensor {
  const s = checkRank('addSinusoidal', 'x', x, 3, 3);
  requireInteger('addSinusoidal', 'start', start, 0);
  return x.add(sinusoidalPositions(s[1], s[2], start));
}
