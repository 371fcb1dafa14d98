// The optimizers of this chapter on real data: a logistic model that
// tells Iris virginica from Iris versicolor by the size of the petals.
// Node only: the loader reads the file.
import {
  Matrix,
  checkFinite,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { loadIris } from '../calculus/iris.ts';
import { gradientDescent } from './gradient-descent.ts';
import { logisticLoss } from './logistic.ts';
import { newton } from './newton.ts';
import type { RunResult } from './objective.ts';

// #region iris-problem
/**
 * Versicolor (y = 0) against virginica (y = 1): rows (1, petal length,
 * petal width) in cm, so θ = (bias, two weights).
 */
export function irisPetals(): { X: Matrix; y: Vector } {
  const iris = loadIris();
  const keep = [...iris.y.keys()].filter((i) => iris.y[i] !== 0);
  const X = new Matrix(keep.length, 3);
  const y = new Float64Array(keep.length);
  keep.forEach((i, r) => {
    X.data.set([1, iris.X.get(i, 2), iris.X.get(i, 3)], 3 * r);
    y[r] = iris.y[i] === 2 ? 1 : 0;
  });
  return { X, y };
}

/** L̂ = (1/4n) Σ‖x_i‖² >= λmax of every Hessian, Eq. (opt-logistic-l). */
export function smoothnessBound(X: Matrix): number {
  checkFinite('smoothnessBound', 'X', X);
  return X.data.reduce((s, v) => s + v * v, 0) / (4 * X.rows);
}
// #endregion

// #region iris-study
/** Steps every first-order method may take on the iris problem. */
export const IRIS_BUDGET = 5000;

/** Each method from θ = 0, with the same budget and tolerance. */
export function irisStudy() {
  const { X, y } = irisPetals();
  const { f, grad, hess } = logisticLoss(X, y);
  const theta0 = new Float64Array(3);
  const eta = 1 / smoothnessBound(X); // safe: η < 2/L, Eq. (opt-descent)
  const common = { maxIter: IRIS_BUDGET, tol: 1e-8 };
  const loose = { ...common, requireConvergence: false };
  const runs: { name: string; run: RunResult }[] = [
    { name: 'GD, η = 1/L̂',
      run: gradientDescent(f, grad, theta0, { ...loose, eta }) },
    { name: 'GD, Armijo',
      run: gradientDescent(f, grad, theta0, {
        ...loose, lineSearch: true,
      }) },
    { name: 'momentum, β = 0.99',
      run: gradientDescent(f, grad, theta0, {
        ...loose, eta, momentum: 0.99,
      }) },
    { name: 'Newton',
      run: newton(f, grad, hess, theta0, { tol: 1e-10 }) },
  ];
  return { X, y, eta, runs, newton: runs[3].run };
}
// #endregion
