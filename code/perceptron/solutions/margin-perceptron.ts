// Exercise: the margin perceptron. The rule of Eq. (pcp-rule) with the
// test y z <= τ instead of y z <= 0: SGD on max(0, τ − y z).
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import {
  requireFinite,
  requireInteger,
  requirePositive,
} from '../../introduction/checks.ts';
import { checkSigns, scoreRow } from '../model.ts';

/** Cyclic passes until one makes no update (or maxEpochs passes). */
export function marginPerceptron(
  X: Matrix,
  y: Vector,
  opts: { tau: number; maxEpochs: number; eta?: number },
) {
  const { tau, maxEpochs, eta = 1 } = checkMargin(X, y, opts);
  const d = X.cols;
  const s = { w: new Float64Array(d), b: 0 };
  let mistakes = 0;
  let epochs = 0;
  let clean = false;
  while (!clean && epochs < maxEpochs) {
    epochs++;
    clean = true;
    for (let i = 0; i < X.rows; i++) {
      if (y[i] * scoreRow(X, i, s) > tau) continue; // margin > τ: fine
      for (let j = 0; j < d; j++) s.w[j] += eta * y[i] * X.data[i * d + j];
      s.b += eta * y[i];
      mistakes++;
      clean = false;
    }
  }
  return { ...s, mistakes, epochs, converged: clean };
}

function checkMargin(
  X: Matrix,
  y: Vector,
  opts: { tau: number; maxEpochs: number; eta?: number },
) {
  const fn = 'marginPerceptron';
  checkSigns(fn, X, y);
  if (opts === null || typeof opts !== 'object') {
    throw new Error(`${fn}: opts must be an object, got ${opts}`);
  }
  requireFinite(fn, 'tau', opts.tau);
  if (opts.tau < 0) {
    throw new Error(`${fn}: tau must be >= 0, got ${opts.tau}`);
  }
  requireInteger(fn, 'maxEpochs (passes)', opts.maxEpochs, 1);
  if (opts.eta !== undefined) requirePositive(fn, 'eta', opts.eta);
  return opts;
}
