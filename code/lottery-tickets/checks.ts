// @unshown: input checks of the chapter's functions; the prose shows the
// algorithms, these only reject bad arguments with a named error.
import { Tensor } from '../autodiff/tensor.ts';
import { Linear } from '../multilayer-perceptron/layers.ts';
import { Sequential } from '../multilayer-perceptron/mlp.ts';

export function checkModel(fn: string, model: unknown): Sequential {
  if (!(model instanceof Sequential) ||
    !model.layers.some((l) => l instanceof Linear)) {
    throw new Error(`${fn}: model must be a Sequential with at least ` +
      'one Linear layer');
  }
  return model;
}

export function checkRate(fn: string, name: string, rate: number): void {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
    throw new Error(`${fn}: ${name} must be in [0, 1), got ${rate}`);
  }
}

/** A 0/1 array of length n. */
export function checkMaskArray(fn: string, name: string, m: unknown,
  n: number): asserts m is Float64Array {
  if (!(m instanceof Float64Array) || m.length !== n) {
    throw new Error(`${fn}: ${name} must be a Float64Array of length ` +
      `${n}, got ${describe(m)}`);
  }
  for (let i = 0; i < n; i++) {
    if (m[i] !== 0 && m[i] !== 1) {
      throw new Error(`${fn}: ${name} must hold only 0 and 1, got ` +
        `${m[i]} at ${i}`);
    }
  }
}

/** Finite numbers, length n (n < 0: any length >= 1). */
export function checkValues(fn: string, name: string, w: unknown,
  n = -1): asserts w is Float64Array {
  if (!(w instanceof Float64Array) || w.length === 0 ||
    (n >= 0 && w.length !== n)) {
    const want = n >= 0 ? `of length ${n}` : 'with at least one entry';
    throw new Error(`${fn}: ${name} must be a Float64Array ${want}, ` +
      `got ${describe(w)}`);
  }
  for (let i = 0; i < w.length; i++) {
    if (!Number.isFinite(w[i])) {
      throw new Error(`${fn}: ${name} must be finite, got ${w[i]} at ${i}`);
    }
  }
}

/** weights: tensors; mask: one 0/1 array per tensor, same sizes. */
export function checkWeightsMask(fn: string, weights: unknown,
  mask: unknown): void {
  if (!Array.isArray(weights) || weights.length === 0 ||
    !weights.every((w) => w instanceof Tensor)) {
    throw new Error(`${fn}: weights must be a non-empty array of Tensors`);
  }
  checkMaskList(fn, 'mask', mask, weights.map((w: Tensor) => w.size));
}

export function checkMaskList(fn: string, name: string, mask: unknown,
  sizes?: number[]): void {
  if (!Array.isArray(mask) || mask.length === 0 ||
    (sizes && mask.length !== sizes.length)) {
    const want = sizes ? `${sizes.length} arrays` : 'at least one array';
    throw new Error(`${fn}: ${name} must be a list of ${want}, got ` +
      `${describe(mask)}`);
  }
  mask.forEach((m, k) => {
    if (!(m instanceof Float64Array) || m.length === 0) {
      throw new Error(`${fn}: ${name}[${k}] must be a non-empty ` +
        `Float64Array, got ${describe(m)}`);
    }
  });
  mask.forEach((m, k) => checkMaskArray(fn, `${name}[${k}]`, m,
    sizes ? sizes[k] : (m as Float64Array)?.length ?? -1));
}

export function checkCount(fn: string, name: string, v: number,
  min = 1): void {
  if (!Number.isInteger(v) || v < min) {
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, ` +
      `got ${v}`);
  }
}

export function checkRng(fn: string, rng: unknown): void {
  const r = rng as { int?: unknown } | null;
  if (r === null || typeof r !== 'object' || typeof r.int !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}

export function checkFunction(fn: string, name: string, f: unknown) {
  if (typeof f !== 'function') {
    throw new Error(`${fn}: ${name} must be a function, got ${typeof f}`);
  }
}

export function checkOptions(fn: string, o: unknown): void {
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v instanceof Float64Array) return `length ${v.length}`;
  return v === null ? 'null' : typeof v;
}

export function checkEarlyStop(valLoss: unknown): void {
  if (!Array.isArray(valLoss) || valLoss.length === 0) {
    throw new Error('earlyStop: valLoss must be a non-empty array');
  }
  valLoss.forEach((v, k) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`earlyStop: valLoss must be finite, got ${v} ` +
        `at ${k}`);
    }
  });
}

interface DataLike { X: { rows: number; cols: number }; y: Int32Array }

/** Returns the model's prunable weights. */
export function checkTicket(model: unknown, mask: unknown, data: unknown,
  o: unknown): Tensor[] {
  const net = checkModel('trainTicket', model);
  const weights = net.layers.filter((l) => l instanceof Linear)
    .map((l) => (l as Linear).W);
  checkWeightsMask('trainTicket', weights, mask);
  const d = data as Record<string, DataLike> | null;
  for (const part of ['train', 'val', 'test']) {
    const s = d?.[part];
    if (!s || !(s.y instanceof Int32Array) || s.X?.rows !== s.y.length ||
      s.y.length === 0) {
      throw new Error(`trainTicket: data.${part} must be { X, y } with ` +
        'one label per row');
    }
  }
  checkOptions('trainTicket', o);
  const t = o as Record<string, unknown>;
  for (const k of ['iterations', 'batchSize', 'evalEvery']) {
    checkCount('trainTicket', k, t[k] as number);
  }
  if ((t.batchSize as number) > (d as Record<string, DataLike>).train.y
    .length) {
    throw new Error('trainTicket: batchSize must be at most the number ' +
      'of training rows');
  }
  if ((t.evalEvery as number) > (t.iterations as number)) {
    throw new Error('trainTicket: evalEvery must be at most iterations');
  }
  checkCount('trainTicket', 'seed', t.seed as number, 0);
  const eta = t.eta as number;
  if (typeof eta !== 'number' || !Number.isFinite(eta) || eta <= 0) {
    throw new Error(`trainTicket: eta must be a finite number > 0, got ` +
      `${eta}`);
  }
  checkFunction('trainTicket', 'optimizer', t.optimizer);
  return weights;
}

export function checkImp(o: unknown): void {
  checkOptions('imp', o);
  const t = o as Record<string, unknown>;
  checkSizes('imp', t.sizes);
  checkCount('imp', 'seed', t.seed as number, 0);
  checkCount('imp', 'rounds', t.rounds as number, 0);
  checkRate('imp', 'p', t.p as number);
  checkOptions('imp', t.train);
}

export function checkSizes(fn: string, sizes: unknown): void {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new Error(`${fn}: sizes must list at least [inputs, outputs]`);
  }
  sizes.forEach((s) => checkCount(fn, 'sizes', s));
}
