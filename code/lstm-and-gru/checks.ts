// @unshown: input checks of the chapter's cells and tasks; each throws
// an Error that starts with the name of the function the caller called.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { requireFinite, requireInteger } from '../introduction/checks.ts';
import type { RecurrentCell } from '../recurrent-networks/cell.ts';

/** A 2-D tensor's [rows, cols], or an error naming `name`. */
export function check2d(fn: string, name: string, t: unknown,
  cols?: number): [number, number] {
  if (!(t instanceof Tensor) || t.shape.length !== 2) {
    throw new Error(`${fn}: ${name} must be a 2-D Tensor`);
  }
  if (cols !== undefined && t.shape[1] !== cols) {
    throw new Error(`${fn}: ${name} must have ${cols} columns, got ` +
      `[${t.shape}]`);
  }
  return [t.shape[0], t.shape[1]];
}

export function checkColumns(fn: string, t: Tensor, start: number,
  width: number): [number, number] {
  const [rows, cols] = check2d(fn, 't', t);
  requireInteger(fn, 'start', start, 0, cols - 1);
  requireInteger(fn, 'width', width, 1, cols - start);
  return [rows, cols];
}

/** Weights [G·H, d], [G·H, H] and biases [G·H], all trainable. */
export function checkCellWeights(fn: string, Wih: Tensor, Whh: Tensor,
  bih: Tensor, bhh: Tensor, G: number): void {
  const [GH, H] = check2d(fn, 'Whh', Whh);
  if (GH !== G * H) {
    throw new Error(`${fn}: Whh must be [${G}H, H], got [${Whh.shape}]`);
  }
  const [rows] = check2d(fn, 'Wih', Wih);
  if (rows !== G * H) {
    throw new Error(`${fn}: Wih must have ${G * H} rows, got ` +
      `[${Wih.shape}]`);
  }
  for (const [name, b] of [['bih', bih], ['bhh', bhh]] as const) {
    if (!(b instanceof Tensor) || b.shape.length !== 1 ||
      b.shape[0] !== G * H) {
      throw new Error(`${fn}: ${name} must be a Tensor of shape ` +
        `[${G * H}]`);
    }
  }
  if (![Wih, Whh, bih, bhh].every((t) => t.requiresGrad)) {
    throw new Error(`${fn}: weights must have requiresGrad = true`);
  }
}

/** x [B, d] and a state of `parts` tensors [B, H]; returns the state. */
export function checkStep(fn: string, cell: { inputSize: number;
  hiddenSize: number }, x: Tensor, state: Tensor[],
parts: number): Tensor[] {
  const [B] = check2d(fn, 'x', x, cell.inputSize);
  if (!Array.isArray(state) || state.length !== parts) {
    throw new Error(`${fn}: state must be an array of ${parts} ` +
      `Tensors, got ${Array.isArray(state) ? state.length : state}`);
  }
  for (const s of state) {
    const [rows] = check2d(fn, 'state', s, cell.hiddenSize);
    if (rows !== B) {
      throw new Error(`${fn}: state has ${rows} rows, x has ${B}`);
    }
  }
  return state;
}

/** A [batch, H] tensor of zeros, with batch checked. */
export function zeroState(fn: string, batch: number, H: number): Tensor {
  requireInteger(fn, 'batch', batch, 1);
  return new Tensor(new Float64Array(batch * H), [batch, H]);
}

export function checkCellSizes(fn: string, d: number, H: number,
  rng: Rng, forgetBias?: number): void {
  requireInteger(fn, 'd', d, 1);
  requireInteger(fn, 'H', H, 1);
  if (rng === null || typeof rng !== 'object' ||
    typeof rng.uniformArray !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
  if (forgetBias !== undefined) requireFinite(fn, 'forgetBias', forgetBias);
}

export function checkTorchWeights(fn: string, kind: string, d: number,
  H: number, w: Record<string, ArrayLike<number>>, layer: number): void {
  if (kind !== 'lstm' && kind !== 'gru') {
    throw new Error(`${fn}: kind must be 'lstm' or 'gru', got ${kind}`);
  }
  requireInteger(fn, 'd', d, 1);
  requireInteger(fn, 'H', H, 1);
  requireInteger(fn, 'layer', layer, 0);
  const G = kind === 'lstm' ? 4 : 3;
  const sizes = { weight_ih: G * H * d, weight_hh: G * H * H,
    bias_ih: G * H, bias_hh: G * H };
  if (w === null || typeof w !== 'object') {
    throw new Error(`${fn}: weights must be an object of arrays`);
  }
  for (const [name, n] of Object.entries(sizes)) {
    const a = w[`${name}_l${layer}`];
    if (a === undefined || a.length !== n) {
      throw new Error(`${fn}: weights.${name}_l${layer} must hold ` +
        `${n} numbers, got ${a === undefined ? 'none' : a.length}`);
    }
    for (let i = 0; i < n; i++) {
      requireFinite(fn, `weights.${name}_l${layer}[${i}]`, a[i]);
    }
  }
}

export function checkMarkedBatch(fn: string, lag: number, batch: number,
  rng: Rng): void {
  requireInteger(fn, 'lag', lag, 1);
  requireInteger(fn, 'batch', batch, 1);
  if (rng === null || typeof rng !== 'object' ||
    typeof rng.int !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}

export function checkLagOptions(fn: string, cell: RecurrentCell,
  o: { lag: number; steps: number; batch: number; eta: number;
    seed: number }): void {
  if (cell === null || typeof cell !== 'object' ||
    typeof cell.step !== 'function' || cell.inputSize !== 2) {
    throw new Error(`${fn}: cell must be a recurrent cell reading 4 ` +
      'one-hot symbols');
  }
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  requireInteger(fn, 'lag', o.lag, 1);
  requireInteger(fn, 'steps', o.steps, 1);
  requireInteger(fn, 'batch', o.batch, 1);
  requireInteger(fn, 'seed', o.seed, 0);
  requireFinite(fn, 'eta', o.eta);
  if (!(o.eta > 0)) throw new Error(`${fn}: eta must be > 0, got ${o.eta}`);
}

export function checkFused(fn: string, cell: unknown): void {
  if (cell === null || typeof cell !== 'object' ||
    !['LSTMCell', 'GRUCell'].includes(cell.constructor.name)) {
    throw new Error(`${fn}: cell must be an LSTMCell or a GRUCell`);
  }
}

export function checkReorder(fn: string, w: ArrayLike<number>, H: number,
  from: string, to: string): number {
  requireInteger(fn, 'H', H, 1);
  if (typeof from !== 'string' || typeof to !== 'string' ||
    from.length === 0 || [...from].sort().join('') !==
    [...to].sort().join('') || new Set(from).size !== from.length) {
    throw new Error(`${fn}: from and to must name the same distinct ` +
      `blocks, got '${from}' and '${to}'`);
  }
  if (w === null || typeof w !== 'object' || w.length === 0 ||
    w.length % (from.length * H) !== 0) {
    throw new Error(`${fn}: w must hold ${from.length}·H rows, got ` +
      `${w?.length} numbers`);
  }
  for (let i = 0; i < w.length; i++) requireFinite(fn, `w[${i}]`, w[i]);
  return w.length / (from.length * H);
}
