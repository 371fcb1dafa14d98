// @unshown: input checks of the chapter's functions; the prose shows the
// algorithms, these only reject bad arguments with a named error.
import { Tensor } from '../autodiff/tensor.ts';

const SCHEMES = ['xavier-uniform', 'xavier-normal', 'he-uniform',
  'he-normal', 'torch-default'];

export function checkSize(fn: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) {
    throw new Error(`${fn}: ${name} must be an integer >= 1, got ${v}`);
  }
}

export function checkScheme(fn: string, scheme: string, fanIn: number,
  fanOut: number): void {
  if (!SCHEMES.includes(scheme)) {
    throw new Error(`${fn}: scheme must be one of ${SCHEMES.join(', ')}` +
      `, got ${scheme}`);
  }
  checkSize(fn, 'fanIn', fanIn);
  checkSize(fn, 'fanOut', fanOut);
}

export function checkRng(fn: string, rng: unknown): void {
  const r = rng as { uniform?: unknown } | null;
  if (r === null || typeof r !== 'object' ||
    typeof r.uniform !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}

/** A 2-D tensor [n, d]; returns [n, d]. */
export function checkBatch2d(fn: string, x: Tensor): [number, number] {
  if (!(x instanceof Tensor) || x.shape.length !== 2) {
    throw new Error(`${fn}: x must be a 2-D Tensor [n, d]`);
  }
  return [x.shape[0], x.shape[1]];
}

export function checkEps(fn: string, eps: number): void {
  if (typeof eps !== 'number' || !Number.isFinite(eps) || eps <= 0) {
    throw new Error(`${fn}: eps must be a finite number > 0, got ${eps}`);
  }
}

export function checkAxis(fn: string, axis: number): void {
  if (axis !== 0 && axis !== 1) {
    throw new Error(`${fn}: axis must be 0 (over the batch) or 1 (over ` +
      `the features), got ${axis}`);
  }
}

/** gamma and beta: 1-D tensors of length d. */
export function checkAffine(fn: string, d: number, gamma: Tensor,
  beta: Tensor): void {
  for (const [name, t] of [['gamma', gamma], ['beta', beta]] as const) {
    if (!(t instanceof Tensor) || t.shape.length !== 1 ||
      t.shape[0] !== d) {
      throw new Error(`${fn}: ${name} must be a Tensor of shape [${d}]`);
    }
  }
}

export function checkDropP(fn: string, p: number): void {
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p >= 1) {
    throw new Error(`${fn}: p must be in [0, 1), got ${p}`);
  }
}

export function checkMomentum(fn: string, momentum: number): void {
  if (typeof momentum !== 'number' || !Number.isFinite(momentum) ||
    momentum <= 0 || momentum > 1) {
    throw new Error(`${fn}: momentum must be in (0, 1], got ${momentum}`);
  }
}

export function checkOn(fn: string, on: boolean): void {
  if (typeof on !== 'boolean') {
    throw new Error(`${fn}: on must be true or false, got ${on}`);
  }
}

/** A mask of 0s and 1s with x's size. */
export function checkMask(fn: string, x: Tensor, mask: ArrayLike<number>) {
  if (mask === null || typeof mask !== 'object' || !('length' in mask) ||
    mask.length !== x.size) {
    throw new Error(`${fn}: mask must hold ${x.size} entries (x's size)`);
  }
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 0 && mask[i] !== 1) {
      throw new Error(`${fn}: mask must hold 0s and 1s, got mask[${i}] = ` +
        `${mask[i]}`);
    }
  }
}

export function checkDeepNet(o: { sizes: number[]; scheme: string;
  batchNorm?: boolean; dropout?: number }, rng: unknown): void {
  if (o === null || typeof o !== 'object') {
    throw new Error('deepNet: options must be an object');
  }
  if (!Array.isArray(o.sizes) || o.sizes.length < 2) {
    throw new Error('deepNet: sizes must list at least [inputs, outputs]');
  }
  for (const v of o.sizes) checkSize('deepNet', 'sizes', v);
  checkScheme('deepNet', o.scheme, 1, 1);
  if (o.batchNorm !== undefined && typeof o.batchNorm !== 'boolean') {
    throw new Error('deepNet: batchNorm must be true or false');
  }
  if (o.dropout !== undefined) checkDropP('deepNet', o.dropout);
  checkRng('deepNet', rng);
}

export function checkTrainEval(model: { train?: unknown },
  o: { epochs: number }): void {
  if (model === null || typeof model !== 'object' ||
    typeof model.train !== 'function') {
    throw new Error('trainAndEvaluate: model must be a Sequential');
  }
  if (o === null || typeof o !== 'object') {
    throw new Error('trainAndEvaluate: options must be an object');
  }
  checkSize('trainAndEvaluate', 'epochs', o.epochs);
}
