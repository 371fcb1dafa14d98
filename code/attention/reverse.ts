// A toy task that attention must solve by finding something: reverse
// a string of T digits. Output position i must copy input position
// T − 1 − i, so the model has to learn where to look; its attention
// map should become the anti-diagonal. The model: token embeddings
// plus learned positions, one multi-head self-attention layer, and a
// linear read-out to the V digit logits at every position.
import type { Rng } from '../introduction/random.ts';
import { createRng } from '../introduction/random.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { crossEntropy } from '../autodiff/fused.ts';
import { type Linear, linear } from '../multilayer-perceptron/layers.ts';
import { zeroGrad } from '../multilayer-perceptron/train.ts';
import { adam } from '../neural-optimizers/optimizers.ts';
import { requireInteger, requirePositive } from
  '../introduction/checks.ts';
import { MultiHeadAttention } from './mha.ts';
import { LearnedPositions, addSinusoidal } from './positions.ts';

// #region reverse-batch
/** B random digit strings of length T (tokens, row-major [B, T]) and
 *  their reversals, the targets. */
export function reverseBatch(B: number, T: number, V: number,
  rng: Rng) {
  requireInteger('reverseBatch', 'B', B, 1);
  requireInteger('reverseBatch', 'T', T, 1);
  requireInteger('reverseBatch', 'V', V, 2);
  const x = new Int32Array(B * T), y = new Int32Array(B * T);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) x[b * T + t] = rng.int(0, V);
    for (let t = 0; t < T; t++) y[b * T + t] = x[b * T + T - 1 - t];
  }
  return { x, y };
}
// #endregion

export type PositionKind = 'learned' | 'sinusoidal' | 'none';

// #region reverse-model
/** Embeddings + positions → attention → linear read-out. */
export class ReverseModel {
  readonly T: number;
  readonly kind: PositionKind;
  readonly embed: Tensor; // [V, E]
  readonly positions: LearnedPositions; // [T, E]
  readonly attn: MultiHeadAttention;
  readonly head: Linear; // [E, V]

  constructor(V: number, T: number, E: number, H: number, rng: Rng,
    kind: PositionKind = 'learned') {
    this.T = T;
    this.kind = kind;
    this.embed = new Tensor(rng.normalArray(V * E, 0, 1), [V, E], true);
    this.positions = new LearnedPositions(T, E, rng, 1);
    this.attn = new MultiHeadAttention(E, H, rng);
    this.head = linear(E, V, rng, 'xavier');
  }

  /** Tokens [B, T] → logits [B·T, V]. */
  logits(x: Int32Array, B: number): Tensor {
    const T = this.T, E = this.embed.shape[1];
    const e = this.embed.gather(x).reshape([B, T, E]);
    const h = this.attn.forward(this.withPositions(e)); // [B, T, E]
    return this.head.forward(h.reshape([B * T, E]));
  }
  // #endregion

  /** Positions go in before attention, or not at all ('none'). */
  private withPositions(e: Tensor): Tensor {
    if (this.kind === 'learned') return this.positions.forward(e);
    return this.kind === 'sinusoidal' ? addSinusoidal(e) : e;
  }

  parameters(): Tensor[] {
    const pos = this.kind === 'learned' ? this.positions.parameters()
      : [];
    return [this.embed, ...pos, ...this.attn.parameters(),
      ...this.head.parameters()];
  }
}

export interface ReverseOptions {
  V: number; T: number; E: number; H: number;
  steps: number; batch: number; eta: number; seed: number;
  positions?: PositionKind; // 'learned' by default
}

// #region reverse-train
/** Trains on fresh batches with Adam; returns the model, the loss of
 *  each step and the accuracy per digit on 200 new strings. */
export function trainReverse(o: ReverseOptions) {
  checkReverseOptions('trainReverse', o);
  const rng = createRng(o.seed);
  const model = new ReverseModel(o.V, o.T, o.E, o.H, rng,
    o.positions ?? 'learned');
  const params = model.parameters();
  const step = adam();
  const losses: number[] = [];
  for (let s = 0; s < o.steps; s++) {
    const { x, y } = reverseBatch(o.batch, o.T, o.V, rng);
    zeroGrad(params);
    const loss = crossEntropy(model.logits(x, o.batch), y);
    loss.backward();
    step(params, o.eta);
    losses.push(loss.data[0]);
  }
  const test = reverseBatch(200, o.T, o.V, rng);
  return { model, losses, accuracy: accuracy(model, test.x, test.y) };
}
// #endregion

/** Share of positions where the largest logit is the target. */
export function accuracy(model: ReverseModel, x: Int32Array,
  y: Int32Array): number {
  const V = model.embed.shape[0], T = model.T;
  if (x.length !== y.length || x.length % T !== 0) {
    throw new Error(`accuracy: x and y must be B·${T} tokens`);
  }
  const z = noGrad(() => model.logits(x, x.length / T));
  let right = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let j = 1; j < V; j++) {
      if (z.data[i * V + j] > z.data[i * V + best]) best = j;
    }
    if (best === y[i]) right++;
  }
  return right / y.length;
}

function checkReverseOptions(fn: string, o: ReverseOptions): void {
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  requireInteger(fn, 'V', o.V, 2);
  requireInteger(fn, 'T', o.T, 1);
  requireInteger(fn, 'E', o.E, 1);
  requireInteger(fn, 'H', o.H, 1);
  requireInteger(fn, 'steps', o.steps, 0);
  requireInteger(fn, 'batch', o.batch, 1);
  requirePositive(fn, 'eta', o.eta);
  requireInteger(fn, 'seed', o.seed, 0);
  const p = o.positions ?? 'learned';
  if (p !== 'learned' && p !== 'sinusoidal' && p !== 'none') {
    throw new Error(`${fn}: positions must be 'learned', 'sinusoidal' ` +
      `or 'none', got ${String(p)}`);
  }
}
