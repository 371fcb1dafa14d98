// Exercise: the averaged perceptron, Eq. (pcp-average), with O(d) work
// per update instead of per visit, from the identity
// Σ_t θ_t = T θ_T − Σ_k (t_k − 1) Δ_k, Δ_k = η y x̃ at visit t_k.
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import {
  requireInteger,
  requirePositive,
} from '../../introduction/checks.ts';
import { checkSigns, scoreRow } from '../model.ts';

/** The same average as averagedPerceptron; `writes` counts updates. */
export function lazyAveragedPerceptron(
  X: Matrix,
  y: Vector,
  opts: { epochs: number; eta?: number },
) {
  const { epochs, eta = 1 } = checkLazy(X, y, opts);
  const d = X.cols;
  const T = epochs * X.rows;
  const s = { w: new Float64Array(d), b: 0 }; // θ_t
  const c = { w: new Float64Array(d), b: 0 }; // Σ_k (t_k − 1) Δ_k
  let writes = 0;
  for (let t = 1; t <= T; t++) {
    const i = (t - 1) % X.rows;
    if (y[i] * scoreRow(X, i, s) > 0) continue; // no update: no work
    const step = eta * y[i];
    for (let j = 0; j < d; j++) {
      s.w[j] += step * X.data[i * d + j];
      c.w[j] += (t - 1) * step * X.data[i * d + j];
    }
    s.b += step;
    c.b += (t - 1) * step;
    writes++;
  }
  const averaged = {
    w: s.w.map((v, j) => (T * v - c.w[j]) / T),
    b: (T * s.b - c.b) / T,
  };
  return { averaged, last: s, writes };
}

function checkLazy(
  X: Matrix,
  y: Vector,
  opts: { epochs: number; eta?: number },
) {
  const fn = 'lazyAveragedPerceptron';
  checkSigns(fn, X, y);
  if (opts === null || typeof opts !== 'object') {
    throw new Error(`${fn}: opts must be an object, got ${opts}`);
  }
  requireInteger(fn, 'epochs (passes)', opts.epochs, 1);
  if (opts.eta !== undefined) requirePositive(fn, 'eta', opts.eta);
  return opts;
}
