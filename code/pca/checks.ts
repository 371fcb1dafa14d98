// @unshown: input checks of the PCA chapter; each throws an Error that
// names the function the caller called, the argument and the problem.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { PcaModel } from './pca.ts';

/** X is a finite Matrix with at least two rows. */
export function checkData(fn: string, X: Matrix, name = 'X'): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix, got ` +
      `${shapeOf(X)}`);
  }
  checkFinite(fn, name, X);
  if (X.rows < 2) {
    throw new Error(`${fn}: ${name} needs at least 2 rows, got ` +
      `${shapeOf(X)}`);
  }
}

/** k is an integer in 1..max. */
export function checkK(fn: string, k: number, max: number): void {
  if (!Number.isInteger(k) || k < 1 || k > max) {
    throw new Error(`${fn}: k must be an integer in 1..${max}, got ${k}`);
  }
}

/** A fitted model and a finite matrix with `cols` columns. */
export function checkModelInput(
  fn: string, model: PcaModel, A: Matrix, cols: number, name: string,
): void {
  checkModel(fn, model);
  if (!(A instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix, got ${shapeOf(A)}`);
  }
  checkFinite(fn, name, A);
  if (A.cols !== cols) {
    throw new Error(`${fn}: ${name} must have ${cols} columns, got ` +
      `${shapeOf(A)}`);
  }
}

/** A model as fitPca returns it. */
export function checkModel(fn: string, model: PcaModel): void {
  const ok = model !== null && typeof model === 'object' &&
    model.components instanceof Matrix &&
    model.components.rows === model.k && model.components.cols === model.d;
  if (!ok) throw new Error(`${fn}: model must be a model from fitPca`);
}
