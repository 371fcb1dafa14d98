// @unshown: input checks of the chapter's functions; each throws an
// Error that starts with the name of the function the caller called.
import { Tensor } from '../autodiff/tensor.ts';
import { Decoder } from './decoder.ts';

/** Every entry of sizes must be an integer >= 1. */
export function checkSizes(fn: string,
  sizes: Record<string, number>): void {
  for (const [name, v] of Object.entries(sizes)) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`${fn}: ${name} must be an integer >= 1, got ${v}`);
    }
  }
}

/** x must be a Tensor whose last axis has length E. */
export function checkLastAxis(fn: string, x: Tensor, E: number): void {
  if (!(x instanceof Tensor) || x.shape.length < 1 ||
    x.shape[x.shape.length - 1] !== E) {
    const got = x instanceof Tensor ? `[${x.shape}]` : typeof x;
    throw new Error(`${fn}: x must be a Tensor [..., ${E}], got ${got}`);
  }
}

/** x must be a Tensor [B, T, E]. */
export function checkBTE(fn: string, x: Tensor, E: number): number[] {
  if (!(x instanceof Tensor) || x.shape.length !== 3 ||
    x.shape[2] !== E) {
    const got = x instanceof Tensor ? `[${x.shape}]` : typeof x;
    throw new Error(`${fn}: x must be a Tensor [B, T, ${E}], got ${got}`);
  }
  return x.shape.slice();
}

/** A generator from createRng. */
export function checkRng(fn: string, rng: unknown): void {
  if (rng === null || typeof rng !== 'object' ||
    typeof (rng as { normalArray?: unknown }).normalArray !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}

/** Token rows: B ≥ 1 rows of one length T in [1, context], each id an
 *  integer in [0, vocab). Returns [B, T]. */
export function checkTokens(fn: string, tokens: unknown, vocab: number,
  context: number): [number, number] {
  if (!Array.isArray(tokens) || tokens.length === 0) {
    throw new Error(`${fn}: tokens must be a non-empty array of rows`);
  }
  const T = (tokens[0] as ArrayLike<number>)?.length;
  if (!Number.isInteger(T) || T < 1 || T > context) {
    throw new Error(`${fn}: rows must hold 1 to ${context} tokens ` +
      `(the context), got ${T}`);
  }
  tokens.forEach((row: ArrayLike<number>, b) => {
    if (row === null || typeof row !== 'object' || row.length !== T) {
      throw new Error(`${fn}: row ${b} must hold ${T} tokens, as row 0`);
    }
    for (let t = 0; t < T; t++) {
      if (!Number.isInteger(row[t]) || row[t] < 0 || row[t] >= vocab) {
        throw new Error(`${fn}: token ${row[t]} at [${b}, ${t}] is not ` +
          `an id in [0, ${vocab - 1}]`);
      }
    }
  });
  return [tokens.length, T];
}

/** A DecoderConfig of sizes >= 1, embed divisible by heads, and a
 *  seed. Returns the config. */
export function checkConfig<T extends { embed: number; heads: number;
  norm?: string }>(fn: string, config: T, seed: number,
  keys = ['vocab', 'context', 'embed', 'heads', 'layers', 'mlp']): T {
  if (config === null || typeof config !== 'object') {
    throw new Error(`${fn}: config must be an object`);
  }
  const sizes: Record<string, number> = {};
  const c = config as unknown as Record<string, number>;
  for (const k of keys) sizes[k] = c[k];
  checkSizes(fn, sizes);
  if (config.embed % config.heads !== 0) {
    throw new Error(`${fn}: embed ${config.embed} is not divisible by ` +
      `heads ${config.heads}`);
  }
  if (config.norm !== undefined && config.norm !== 'pre' &&
    config.norm !== 'post') {
    throw new Error(`${fn}: norm must be 'pre' or 'post', got ` +
      `${config.norm}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`${fn}: seed must be an integer >= 0, got ${seed}`);
  }
  return config;
}

/** A non-empty list of examples, each with inputs and targets of one
 *  length >= 1 (ids >= 0; targets may be −1). Returns the longest. */
export function checkExamples(fn: string, data: unknown): number {
  if (!Array.isArray(data) || data.length === 0) {
    throw new Error(`${fn}: expected a non-empty array of examples`);
  }
  let T = 0;
  data.forEach((e, k) => {
    const ok = e !== null && typeof e === 'object' &&
      e.inputs?.length >= 1 && e.targets?.length === e.inputs.length;
    if (!ok) {
      throw new Error(`${fn}: example ${k} must have inputs and ` +
        'targets of one length >= 1');
    }
    for (let t = 0; t < e.inputs.length; t++) {
      if (!Number.isInteger(e.inputs[t]) || e.inputs[t] < 0 ||
        !Number.isInteger(e.targets[t]) || e.targets[t] < -1) {
        throw new Error(`${fn}: example ${k} has a bad id at ${t}`);
      }
    }
    T = Math.max(T, e.inputs.length);
  });
  return T;
}

/** steps, batchSize ≥ 1; eta > 0; seed ≥ 0; optional clip > 0 and
 *  step rule. */
export function checkTrainOptions(fn: string, o: {
  steps: number; batchSize: number; eta: number; seed: number;
  clip?: number; step?: unknown; }): void {
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  checkSizes(fn, { steps: o.steps, batchSize: o.batchSize });
  if (typeof o.eta !== 'number' || !(o.eta > 0) || !isFinite(o.eta)) {
    throw new Error(`${fn}: eta must be a finite number > 0, got ` +
      `${o.eta}`);
  }
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) {
    throw new Error(`${fn}: seed must be an integer >= 0, got ${o.seed}`);
  }
  if (o.clip !== undefined && (typeof o.clip !== 'number' ||
    !Number.isFinite(o.clip) || !(o.clip > 0))) {
    throw new Error(`${fn}: clip must be a finite number > 0, got ` +
      `${o.clip}`);
  }
  if (o.step !== undefined && typeof o.step !== 'function') {
    throw new Error(`${fn}: step must be a step rule`);
  }
}

/** model must be a Decoder. */
export function checkDecoder(fn: string, model: unknown): Decoder {
  if (!(model instanceof Decoder)) {
    throw new Error(`${fn}: model must be a Decoder`);
  }
  return model;
}
