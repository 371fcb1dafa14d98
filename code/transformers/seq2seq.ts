// A tiny encoder–decoder on a toy task: read a string of digits,
// write it reversed. The encoder reads the source with no mask; the
// decoder writes the target one digit at a time (causal self-
// attention) and looks up the source through cross-attention.
import { crossEntropy } from '../autodiff/fused.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { createRng, type Rng } from '../introduction/random.ts';
import { calledAs } from '../introduction/checks.ts';
import { LayerNorm } from
  '../initialization-and-normalization/layernorm.ts';
import { Linear, linear } from '../multilayer-perceptron/layers.ts';
import { zeroGrad } from '../multilayer-perceptron/train.ts';
import { adam } from '../neural-optimizers/optimizers.ts';
import { causalMask } from '../attention/mask.ts';
import { LearnedPositions } from '../attention/positions.ts';
import { Block, block, normLast } from './block.ts';
import { CrossBlock } from './cross.ts';
import {
  checkConfig, checkRng, checkSizes, checkTrainOptions,
} from './checks.ts';

/** Digits 0 … 9, and 10, the decoder's start token. */
export const BOS = 10;

// #region task
/** n random strings of `length` digits and their reversals. */
export function reverseTask(n: number, length: number, rng: Rng) {
  checkSizes('reverseTask', { n, length });
  checkRng('reverseTask', rng);
  const src: number[][] = [], tgt: number[][] = [];
  for (let i = 0; i < n; i++) {
    const s = Array.from({ length }, () => rng.int(0, 10));
    src.push(s);
    tgt.push(s.slice().reverse());
  }
  return { src, tgt };
}
// #endregion

export interface Seq2SeqConfig {
  length: number; embed: number; heads: number; layers: number;
  mlp: number;
}

// #region seq2seq
export class Seq2Seq {
  readonly config: Seq2SeqConfig;
  readonly embed: Tensor; // [11, E], shared by source and target
  readonly srcPos: LearnedPositions;
  readonly tgtPos: LearnedPositions;
  readonly encoder: Block[];
  readonly encNorm: LayerNorm;
  readonly decoder: CrossBlock[];
  readonly decNorm: LayerNorm;
  readonly head: Linear; // [E, 10]
  /** Source positions added? Off only for the Pitfalls. */
  sourcePositions = true;

  constructor(config: Seq2SeqConfig, seed: number) {
    const { length: L, embed: E, heads, layers, mlp } = checkConfig(
      'Seq2Seq', config, seed,
      ['length', 'embed', 'heads', 'layers', 'mlp']);
    const rng = createRng(seed);
    this.config = { ...config };
    this.embed = new Tensor(rng.normalArray(11 * E), [11, E], true);
    this.srcPos = new LearnedPositions(L, E, rng, 1);
    this.tgtPos = new LearnedPositions(L, E, rng, 1);
    this.encoder = Array.from({ length: layers },
      () => block(E, heads, mlp, rng));
    this.encNorm = new LayerNorm(E);
    this.decoder = Array.from({ length: layers },
      () => new CrossBlock(E, heads, mlp, rng));
    this.decNorm = new LayerNorm(E);
    this.head = linear(E, 10, rng, 'xavier');
  }
  // #endregion

  // #region seq2seq-run
  /** Source rows [B, L] → memory [B, L, E] (no mask: all see all). */
  encode(src: number[][]): Tensor {
    let h = this.embedRows(src, this.sourcePositions ? this.srcPos
      : null);
    for (const b of this.encoder) h = b.forward(h);
    return normLast(this.encNorm, h);
  }

  /** Decoder inputs [B, T] (BOS first) → logits [B, T, 10]. */
  decode(memory: Tensor, tgtIn: number[][]): Tensor {
    let h = this.embedRows(tgtIn, this.tgtPos);
    const mask = causalMask(tgtIn[0].length);
    for (const b of this.decoder) h = b.forward(h, memory, mask);
    return this.head.forward(normLast(this.decNorm, h)
      .reshape([h.size / this.config.embed, this.config.embed]))
      .reshape([tgtIn.length, tgtIn[0].length, 10]);
  }
  // #endregion

  private embedRows(rows: number[][],
    pos: LearnedPositions | null): Tensor {
    const E = this.config.embed;
    checkDigitRows('Seq2Seq', rows, this.config.length);
    const x = this.embed.gather(rows.flat())
      .reshape([rows.length, rows[0].length, E]);
    return pos === null ? x : pos.forward(x);
  }

  parameters(): Tensor[] {
    return [this.embed, ...this.srcPos.parameters(),
      ...this.tgtPos.parameters(),
      ...this.encoder.flatMap((b) => b.parameters()),
      ...this.encNorm.parameters(),
      ...this.decoder.flatMap((b) => b.parameters()),
      ...this.decNorm.parameters(), ...this.head.parameters()];
  }
}

// #region teacher
/** Teacher forcing: the decoder reads BOS and the first T − 1 target
 *  digits and is scored on all T. */
export function seq2seqLoss(model: Seq2Seq, src: number[][],
  tgt: number[][]): Tensor {
  const tgtIn = tgt.map((t) => [BOS, ...t.slice(0, -1)]);
  const z = model.decode(model.encode(src), tgtIn);
  return crossEntropy(z.reshape([z.size / 10, 10]), tgt.flat());
}
// #endregion

/** Adam on fresh random batches; each step's loss. */
export function trainSeq2Seq(model: Seq2Seq, o: { steps: number;
  batchSize: number; eta: number; seed: number }): number[] {
  checkSeq2Seq('trainSeq2Seq', model);
  checkTrainOptions('trainSeq2Seq', o);
  const rng = createRng(o.seed);
  const params = model.parameters();
  const step = adam();
  const losses: number[] = [];
  for (let k = 0; k < o.steps; k++) {
    const { src, tgt } = reverseTask(o.batchSize, model.config.length,
      rng);
    zeroGrad(params);
    const loss = seq2seqLoss(model, src, tgt);
    loss.backward();
    step(params, o.eta);
    losses.push(loss.data[0]);
  }
  return losses;
}

// #region greedy
/** Greedy decoding: each step appends the most likely digit. */
export function greedyDecode(model: Seq2Seq, src: number[][]) {
  checkSeq2Seq('greedyDecode', model);
  return noGrad(() => {
    const memory = model.encode(src);
    const out = src.map(() => [BOS]);
    for (let t = 0; t < model.config.length; t++) {
      const z = model.decode(memory, out).data;
      out.forEach((row, b) => {
        const at = (b * (t + 1) + t) * 10; // the last position's logits
        let best = 0;
        for (let j = 1; j < 10; j++) if (z[at + j] > z[at + best]) best = j;
        row.push(best);
      });
    }
    return out.map((row) => row.slice(1));
  });
}
// #endregion

function checkSeq2Seq(fn: string, model: Seq2Seq): void {
  if (!(model instanceof Seq2Seq)) {
    throw new Error(`${fn}: model must be a Seq2Seq`);
  }
}

function checkDigitRows(fn: string, rows: number[][], L: number): void {
  if (!Array.isArray(rows) || rows.length === 0 ||
    !Array.isArray(rows[0]) || rows[0].length < 1 ||
    rows[0].length > L) {
    throw new Error(`${fn}: expected rows of 1 to ${L} ids`);
  }
  for (const r of rows) {
    if (!Array.isArray(r) || r.length !== rows[0].length ||
      r.some((v) => !Number.isInteger(v) || v < 0 || v > BOS)) {
      throw new Error(`${fn}: rows must share one length and hold ` +
        `ids in [0, ${BOS}]`);
    }
  }
}

// #region cross-map
/** The last decoder layer's cross-attention, averaged over heads, as
 *  the model writes its own answer to one source string: row t is
 *  where output t looks in the source, [L, L]. */
export function crossAttentionMap(model: Seq2Seq, src: number[]) {
  checkSeq2Seq('crossAttentionMap', model);
  const [pred] = greedyDecode(model, [src]);
  return noGrad(() => {
    model.decode(model.encode([src]), [[BOS, ...pred.slice(0, -1)]]);
    const last = model.decoder[model.decoder.length - 1];
    const w = last.cross.averagedWeights(); // [1, L, L]
    return { pred, weights: Array.from(w.data), L: src.length };
  });
}
// #endregion

/** Share of strings reversed exactly, and of digits right. */
export function reverseAccuracy(model: Seq2Seq, n: number,
  seed: number) {
  checkSeq2Seq('reverseAccuracy', model);
  checkSizes('reverseAccuracy', { n });
  const rng = calledAs('reverseAccuracy', () => createRng(seed));
  const { src, tgt } = reverseTask(n, model.config.length, rng);
  const pred = greedyDecode(model, src);
  let exact = 0, digits = 0;
  pred.forEach((p, i) => {
    let ok = 0;
    p.forEach((d, t) => { if (d === tgt[i][t]) ok++; });
    digits += ok;
    if (ok === p.length) exact++;
  });
  return { exact: exact / n, digits: digits / (n * model.config.length) };
}
