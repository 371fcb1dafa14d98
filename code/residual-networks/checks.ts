// @unshown: input checks of the chapter's functions; the prose shows the
// algorithms, these only reject bad arguments with a named error.
import { Sequential } from '../multilayer-perceptron/mlp.ts';

export function checkInt(fn: string, name: string, v: unknown,
  min = 1): void {
  if (!Number.isInteger(v) || (v as number) < min) {
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, ` +
      `got ${v}`);
  }
}

export function checkRng(fn: string, rng: unknown): void {
  const r = rng as { normalArray?: unknown } | null;
  if (r === null || typeof r !== 'object' ||
    typeof r.normalArray !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}

/** dIn, dOut integers >= 1 and a generator. */
export function checkWidths(fn: string, dIn: number, dOut: number,
  rng: unknown): void {
  checkInt(fn, 'dIn', dIn);
  checkInt(fn, 'dOut', dOut);
  checkRng(fn, rng);
}

export function checkLayer(fn: string, name: string, l: unknown): void {
  const layer = l as { forward?: unknown; parameters?: unknown } | null;
  if (layer === null || typeof layer !== 'object' ||
    typeof layer.forward !== 'function' ||
    typeof layer.parameters !== 'function') {
    throw new Error(`${fn}: ${name} must be a layer`);
  }
}

export function checkBlock(f: unknown, shortcut: unknown): void {
  if (!(f instanceof Sequential)) {
    throw new Error('Block: f must be a Sequential');
  }
  if (shortcut !== null) checkLayer('Block', 'shortcut', shortcut);
}

/** The options of stackNet and its generator; netDepth's options
 *  (no generator) when fn is 'netDepth'. */
export function checkNet(o: unknown, rng: unknown,
  fn: 'stackNet' | 'netDepth' = 'stackNet'): void {
  const n = o as { input: number; classes: number; widths: number[];
    blocks: number; residual: boolean; option?: string } | null;
  if (n === null || typeof n !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  checkInt(fn, 'input', n.input);
  checkInt(fn, 'classes', n.classes);
  if (!Array.isArray(n.widths) || n.widths.length === 0) {
    throw new Error(`${fn}: widths must be a non-empty array`);
  }
  for (let s = 0; s < n.widths.length; s++) {
    checkInt(fn, 'widths', n.widths[s]);
    if (s > 0 && n.widths[s] < n.widths[s - 1]) {
      throw new Error(`${fn}: widths must not decrease, got ` +
        `${n.widths.join(', ')}`);
    }
  }
  checkInt(fn, 'blocks', n.blocks);
  if (typeof n.residual !== 'boolean') {
    throw new Error(`${fn}: residual must be true or false`);
  }
  if (n.option !== undefined && !['A', 'B', 'C'].includes(n.option)) {
    throw new Error(`${fn}: option must be 'A', 'B' or 'C', got ` +
      `${n.option}`);
  }
  if (fn === 'stackNet') checkRng(fn, rng);
}

export function checkGradientNorms(model: unknown, X: unknown,
  y: unknown): void {
  if (!(model instanceof Sequential)) {
    throw new Error('gradientNorms: model must be a Sequential');
  }
  const m = X as { rows?: number } | null;
  if (m === null || typeof m !== 'object' || !Number.isInteger(m.rows) ||
    !(y instanceof Int32Array) || y.length !== m.rows) {
    throw new Error('gradientNorms: X must be a Matrix and y an ' +
      'Int32Array of X.rows labels');
  }
}

export function checkCurves(model: unknown, o: unknown): void {
  if (!(model instanceof Sequential)) {
    throw new Error('trainCurves: model must be a Sequential');
  }
  const c = o as Record<string, number> | null;
  if (c === null || typeof c !== 'object') {
    throw new Error('trainCurves: options must be an object');
  }
  checkInt('trainCurves', 'epochs', c.epochs);
  checkInt('trainCurves', 'batchSize', c.batchSize);
  checkInt('trainCurves', 'seed', c.seed, 0);
  if (c.every !== undefined) checkInt('trainCurves', 'every', c.every);
  if (!(c.eta > 0) || !Number.isFinite(c.eta)) {
    throw new Error(`trainCurves: eta must be > 0, got ${c.eta}`);
  }
  if (!(c.momentum >= 0 && c.momentum < 1)) {
    throw new Error('trainCurves: momentum must be in [0, 1), got ' +
      `${c.momentum}`);
  }
}
