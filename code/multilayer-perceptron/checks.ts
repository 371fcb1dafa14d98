// @unshown: input checks of the chapter's functions; the prose shows the
// algorithms, these only reject bad arguments with a named error.
import { Matrix } from '../linear-algebra/matrix.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type { Layer } from './layers.ts';

export function checkParams(fn: string, params: Tensor[]): void {
  if (!Array.isArray(params) ||
    !params.every((p) => p instanceof Tensor && p.requiresGrad)) {
    throw new Error(`${fn}: params must be an array of Tensors with ` +
      'requiresGrad');
  }
}

export function checkEta(fn: string, eta: number): void {
  if (typeof eta !== 'number' || !Number.isFinite(eta) || eta <= 0) {
    throw new Error(`${fn}: eta must be a finite number > 0, got ${eta}`);
  }
}

export function checkStep(fn: string, params: Tensor[], eta: number) {
  checkParams(fn, params);
  checkEta(fn, eta);
  params.forEach((p, k) => {
    if (p.grad === null) {
      throw new Error(`${fn}: params[${k}] has no gradient; call ` +
        'backward() on a loss that depends on it first');
    }
  });
}

export function checkModel(fn: string, model: Layer): Tensor[] {
  if (model === null || typeof model !== 'object' ||
    typeof model.forward !== 'function' ||
    typeof model.parameters !== 'function') {
    throw new Error(`${fn}: model must be a layer (forward, parameters)`);
  }
  const params = model.parameters();
  checkParams(fn, params);
  return params;
}

export function checkLabels(fn: string, y: ArrayLike<number>, n: number) {
  if (!(y instanceof Int32Array) || y.length !== n) {
    throw new Error(`${fn}: y must be an Int32Array with one label ` +
      `per row of X (${n})`);
  }
  for (let i = 0; i < n; i++) {
    if (y[i] < 0) throw new Error(`${fn}: y[${i}] = ${y[i]} is < 0`);
  }
}

export function checkData(fn: string, X: Matrix, y: Int32Array): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, one example a row`);
  }
  for (let i = 0; i < X.data.length; i++) {
    if (!Number.isFinite(X.data[i])) {
      throw new Error(`${fn}: X has ${X.data[i]} at flat index ${i}`);
    }
  }
  checkLabels(fn, y, X.rows);
}

export function checkTrainStep(model: Layer, X: Tensor, y: Int32Array,
  eta: number, step: unknown = () => {}): Tensor[] {
  const fn = 'trainStep';
  const params = checkModel(fn, model);
  if (typeof step !== 'function') {
    throw new Error(`${fn}: step must be a function (params, eta)`);
  }
  if (!(X instanceof Tensor) || X.shape.length !== 2) {
    throw new Error(`${fn}: X must be a 2-D Tensor, one example a row`);
  }
  checkLabels(fn, y, X.shape[0]);
  checkEta(fn, eta);
  return params;
}

export function checkFit(model: Layer, X: Matrix, y: Int32Array,
  o: { epochs: number; batchSize: number; eta: number; seed: number;
    test?: { X: Matrix; y: Int32Array }; step?: unknown }): void {
  const fn = 'fit';
  checkModel(fn, model);
  checkData(fn, X, y);
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  for (const k of ['epochs', 'batchSize', 'seed'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < (k === 'seed' ? 0 : 1)) {
      throw new Error(`${fn}: ${k} must be an integer >= ` +
        `${k === 'seed' ? 0 : 1}, got ${o[k]}`);
    }
  }
  checkEta(fn, o.eta);
  if (o.test !== undefined) checkData(fn, o.test.X, o.test.y);
  if (o.step !== undefined && typeof o.step !== 'function') {
    throw new Error(`${fn}: step must be a function (params, eta)`);
  }
}

export function checkBatch(X: Matrix, y: Int32Array,
  idx: ArrayLike<number>): void {
  const fn = 'batchOf';
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, one example a row`);
  }
  if (!(y instanceof Int32Array) || y.length !== X.rows) {
    throw new Error(`${fn}: y must be an Int32Array with one label ` +
      `per row of X (${X.rows})`);
  }
  if (idx === null || typeof idx !== 'object' || !(idx.length >= 1)) {
    throw new Error(`${fn}: idx must be a non-empty array of rows`);
  }
  for (let k = 0; k < idx.length; k++) {
    if (!Number.isInteger(idx[k]) || idx[k] < 0 || idx[k] >= X.rows) {
      throw new Error(`${fn}: idx[${k}] = ${idx[k]} is not a row in ` +
        `[0, ${X.rows - 1}]`);
    }
    if (y[idx[k]] < 0) {
      throw new Error(`${fn}: y[${idx[k]}] = ${y[idx[k]]} is < 0`);
    }
  }
}

/** Runs go; an error from inside (the engine's) gets fn's name and
 *  says that the model could not take X and y. */
export function withModel<T>(fn: string, go: () => T): T {
  if (typeof go !== 'function') {
    throw new Error(`${fn}: go must be a function`);
  }
  try {
    return go();
  } catch (e) {
    if (e instanceof Error && !e.message.startsWith(`${fn}:`)) {
      e.message = `${fn}: the model cannot take X and y: ${e.message}`;
    }
    throw e;
  }
}
