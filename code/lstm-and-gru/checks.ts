// @unshown: input checks of the chapter's cells and tasks; each throws
// an Error that starts with the name of the function the caller called.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { requireFinite, requireInteger } from '../introduction/checks.ts';
import type { RecurrentCell } from './cell.ts';

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

/** Weights [d, G·H], [H, G·H] and biases [G·H], all trainable. */
export function checkCellWeights(fn: string, Wx: Tensor, Wh: Tensor,
  bx: Tensor, bh: Tensor, G: number): void {
  const [H, GH] = check2d(fn, 'Wh', Wh);
  if (GH !== G * H) {
    throw new Error(`${fn}: Wh must be [H, ${G}H], got [${Wh.shape}]`);
  }
  check2d(fn, 'Wx', Wx, G * H);
  for (const [name, b] of [['bx', bx], ['bh', bh]] as const) {
    if (!(b instanceof Tensor) || b.shape.length !== 1 ||
      b.shape[0] !== G * H) {
      throw new Error(`${fn}: ${name} must be a Tensor of shape ` +
        `[${G * H}]`);
    }
  }
  if (![Wx, Wh, bx, bh].every((t) => t.requiresGrad)) {
    throw new Error(`${fn}: weights must have requiresGrad = true`);
  }
}

/** x [B, d] and a state of `parts` tensors [B, H]; returns the state. */
export function checkStep(fn: string, cell: { Wx: Tensor;
  hiddenSize: number }, x: Tensor, state: Tensor[],
parts: number): Tensor[] {
  const [B] = check2d(fn, 'x', x, cell.Wx.shape[0]);
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

export function checkStack(fn: string, cells: RecurrentCell[],
  xs: Tensor[], states: Tensor[][]): void {
  if (!Array.isArray(cells) || cells.length === 0 ||
    cells.some((c) => c === null || typeof c !== 'object' ||
      typeof c.step !== 'function')) {
    throw new Error(`${fn}: cells must be a non-empty array of cells`);
  }
  if (!Array.isArray(xs) || xs.length === 0 ||
    xs.some((x) => !(x instanceof Tensor))) {
    throw new Error(`${fn}: xs must be a non-empty array of Tensors`);
  }
  if (!Array.isArray(states) || states.length !== cells.length) {
    throw new Error(`${fn}: states must hold one state per cell ` +
      `(${cells.length})`);
  }
}
