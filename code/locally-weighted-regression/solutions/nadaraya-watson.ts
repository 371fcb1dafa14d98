// Exercise: the local constant, or Nadaraya–Watson mean.
import { Matrix, dot } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { calledAs } from '../../introduction/checks.ts';
import { checkXy } from '../../linear-regression/model.ts';
import { kernelWeights } from '../kernel.ts';

/** l_i = k_i / Σ_j k_j: the equivalent kernel of a local constant. */
export function nadarayaWatsonWeights(
  X: Matrix,
  x0: Vector,
  tau: number,
): Vector {
  const k = calledAs('nadarayaWatsonWeights',
    () => kernelWeights(X, x0, tau));
  let total = 0;
  for (let i = 0; i < k.length; i++) total += k[i];
  return k.map((ki) => ki / total);
}

/** ŷ(x0) = Σ k_i y_i / Σ k_i. */
export function nadarayaWatson(
  X: Matrix,
  y: Vector,
  x0: Vector,
  tau: number,
): number {
  checkXy('nadarayaWatson', X, y);
  const l = calledAs('nadarayaWatson',
    () => nadarayaWatsonWeights(X, x0, tau));
  return dot(l, y);
}
