// @unshown: input checks of the chapter's optimizers and schedules; the
// prose shows the algorithms, these only reject bad arguments.
import { Tensor } from '../autodiff/tensor.ts';
import {
  requireBetween, requireFinite, requireInteger,
} from '../introduction/checks.ts';

/** params: an array of Tensors that require gradients. */
export function checkParamList(fn: string, params: Tensor[]): void {
  if (!Array.isArray(params) ||
    !params.every((p) => p instanceof Tensor && p.requiresGrad)) {
    throw new Error(`${fn}: params must be an array of Tensors with ` +
      'requiresGrad');
  }
}

/** A step's arguments: the parameters and a learning rate eta > 0. */
export function checkRuleCall(fn: string, params: Tensor[],
  eta: number): void {
  checkParamList(fn, params);
  if (typeof eta !== 'number' || !Number.isFinite(eta) || eta <= 0) {
    throw new Error(`${fn}: eta must be a finite number > 0, got ${eta}`);
  }
}

/** An options object (or undefined for the defaults). */
export function checkOptions(fn: string, o: unknown): void {
  if (o !== undefined && (o === null || typeof o !== 'object')) {
    throw new Error(`${fn}: options must be an object`);
  }
}

/** x in [lo, hi) : a decay rate such as beta or alpha. */
export function checkRate(fn: string, name: string, x: number): void {
  requireBetween(fn, name, x, 0, 1);
  if (x === 1) throw new Error(`${fn}: ${name} must be < 1, got 1`);
}

export function checkNonNegative(fn: string, name: string, x: number) {
  requireFinite(fn, name, x);
  if (x < 0) throw new Error(`${fn}: ${name} must be >= 0, got ${x}`);
}

export function checkPositive(fn: string, name: string, x: number) {
  requireFinite(fn, name, x);
  if (x <= 0) throw new Error(`${fn}: ${name} must be > 0, got ${x}`);
}

export function checkFlag(fn: string, name: string, x: unknown) {
  if (typeof x !== 'boolean') {
    throw new Error(`${fn}: ${name} must be true or false`);
  }
}

export function checkCount(fn: string, name: string, x: number,
  min = 1): void {
  requireInteger(fn, name, x, min);
}
