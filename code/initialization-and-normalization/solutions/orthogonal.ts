// Exercise solution: orthogonal initialization (Saxe, McClelland &
// Ganguli 2014): the Q factor of a Gaussian matrix, with each column's
// sign fixed by R's diagonal so that Q is uniformly distributed.
import type { Rng } from '../../introduction/random.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import { householderQR, thinQ } from '../../decompositions/householder.ts';
import { checkRng, checkSize } from '../checks.ts';

// #region orthogonal
/** A d × d orthogonal matrix, times a gain (√2 for ReLU). */
export function orthogonalWeights(d: number, rng: Rng,
  gain = 1): Float64Array {
  checkOrthogonal(d, rng, gain);
  const qr = householderQR(new Matrix(d, d, rng.normalArray(d * d)));
  const Q = thinQ(qr);
  const out = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    const s = qr.R.data[j * d + j] < 0 ? -gain : gain; // sign of R_jj
    for (let i = 0; i < d; i++) out[i * d + j] = s * Q.data[i * d + j];
  }
  return out;
}
// #endregion

function checkOrthogonal(d: number, rng: Rng, gain: number): void {
  checkSize('orthogonalWeights', 'd', d);
  checkRng('orthogonalWeights', rng);
  if (typeof gain !== 'number' || !Number.isFinite(gain) || gain <= 0) {
    throw new Error(`orthogonalWeights: gain must be a finite number > 0` +
      `, got ${gain}`);
  }
}
