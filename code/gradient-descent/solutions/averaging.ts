// Exercise: averaging the iterates of the last half of a constant-step
// run gets below the noise floor.
import { calledAs } from '../../introduction/checks.ts';
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { minibatchGD, type MinibatchOptions } from '../minibatch.ts';

/** The last iterate and the mean of the iterates of the last half. */
export function averagedIterate(
  X: Matrix,
  y: Vector,
  opts: MinibatchOptions,
): { last: Vector; average: Vector } {
  const run = calledAs('averagedIterate',
    () => minibatchGD(X, y, { ...opts, recordPath: true }));
  const { path } = run; // w₀, then w after every step
  const from = Math.floor(path.length / 2);
  const average = new Float64Array(X.cols);
  for (let k = from; k < path.length; k++) {
    const m = k - from + 1; // a running mean: w̄ += (w − w̄)/m
    for (let j = 0; j < average.length; j++) {
      average[j] += (path[k][j] - average[j]) / m;
    }
  }
  return { last: path[path.length - 1], average };
}
