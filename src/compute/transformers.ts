// Build-time computation of the transformers chapter: its figures and
// every number its prose shows, computed by code/transformers and
// cached (src/lib/cache.ts). Seeded throughout. Colour is always
// paired with a dash pattern, a marker shape or a direct label.
// The RNN's, LSTM's and GRU's perplexities are those of the
// lstm-and-gru chapter, read from its computation (computed once per
// build, and from the cache after that), so both pages show one number.
import { cached } from '../lib/cache.ts';
import {
  meanStandardError,
  pairedRatioDifference,
  ratioOfSums,
} from '../../code/statistics/paired.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import lstmPage, { WORD as RNN_WORD } from './lstm-and-gru.ts';
import torchRef from '../../tests/fixtures/transformers/torch.json' with {
  type: 'json',
};
import { Tensor, noGrad } from '../../code/autodiff/tensor.ts';
import { createRng } from '../../code/introduction/random.ts';
import { adam } from '../../code/neural-optimizers/optimizers.ts';
import { loadEnglish } from '../../code/recurrent-networks/words.ts';
import {
  bigramWordLosses, fitBigram,
} from '../../code/recurrent-networks/bigram.ts';
import { VOCAB } from '../../code/recurrent-networks/vocab.ts';
import { elman } from '../../code/recurrent-networks/cell.ts';
import {
  charModel, trainCharModel, wordLosses,
} from '../../code/recurrent-networks/charlm.ts';
import { causalMask } from '../../code/attention/mask.ts';
import { block } from '../../code/transformers/block.ts';
import { Decoder } from '../../code/transformers/decoder.ts';
import {
  sequenceLoss, trainDecoder,
} from '../../code/transformers/train.ts';
import { randomSequences } from '../../code/transformers/pitfalls.ts';
import {
  decoderWordLosses, sampleDecoderWord, wordExamples,
} from '../../code/transformers/words.ts';
import { blockParams, decoderParams } from '../../code/transformers/count.ts';
import { blockGradNorms } from '../../code/transformers/depth.ts';
import {
  BOS, Seq2Seq, crossAttentionMap, reverseAccuracy, trainSeq2Seq,
} from '../../code/transformers/seq2seq.ts';
import { loadBlock } from '../../code/transformers/torch.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };
const halo = { fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
  strokeWidth: 4, paintOrder: 'stroke' };

/** The prose reads the numbers a certain way; if a change of code or
 *  seed makes that reading false, fail the build. */
function claim(ok: boolean, what: string): void {
  if (!ok) throw new Error(`transformers: the prose no longer holds: ${what}`);
}

const words = once(() => loadEnglish());

// ---------------------------------------------------------------------
// The word model: a decoder-only transformer on the English words.

// The recurrent models' budget: 100 steps of 32 words (4 epochs of the
// 800 training words), so that both saw the same words.
export const WORD = { embed: 16, heads: 2, layers: 2, mlp: 64,
  steps: 100, batchSize: 32, eta: 0.02, initSeed: 1, shuffleSeed: 2,
  sampleSeed: 5, samples: 10 };

function contextOf(all: readonly string[]): number {
  let m = 0;
  for (const w of all) m = Math.max(m, w.length + 1); // ^ and letters
  return m;
}

const wordRun = once(() => {
  const { words: all, train, valid } = words();
  const config = { vocab: VOCAB.length, context: contextOf(all),
    embed: WORD.embed, heads: WORD.heads, layers: WORD.layers,
    mlp: WORD.mlp };
  const t0 = performance.now();
  const model = new Decoder(config, WORD.initSeed);
  const losses = trainDecoder(model, wordExamples(train), {
    steps: WORD.steps, batchSize: WORD.batchSize, eta: WORD.eta,
    seed: WORD.shuffleSeed, step: adam() });
  const seconds = (performance.now() - t0) / 1000;
  const wl = decoderWordLosses(model, valid);
  const rng = createRng(WORD.sampleSeed);
  const samples = Array.from({ length: WORD.samples },
    () => sampleDecoderWord(model, rng, 1));
  return { model, config, losses, wl, seconds, samples };
});

/** The Elman RNN of lstm-and-gru, retrained here exactly as there (same
 *  settings and seeds; its perplexity is checked against that page's),
 *  for its per-word losses: the paired standard error needs them. */
const elmanRun = once(() => {
  const { train, valid } = words();
  const W = RNN_WORD;
  const cell = elman(VOCAB.length, W.hidden, createRng(W.initSeed));
  const model = charModel(cell, createRng(W.initSeed + 100));
  trainCharModel(model, train, { epochs: W.epochs,
    batchSize: W.batchSize, eta: W.eta, seed: W.shuffleSeed,
    step: adam(), clip: W.clip });
  return wordLosses(model, valid);
});

function meanLoss(l: { loss: number; count: number }[]): number {
  return ratioOfSums(l.map((w) => w.loss), l.map((w) => w.count));
}

/** Mean loss per character of a minus b on the same words, and its
 *  standard error over the words (a ratio of sums, paired). */
function paired(a: { loss: number; count: number }[],
  b: { loss: number; count: number }[]) {
  return pairedRatioDifference(a.map((w) => w.loss),
    b.map((w) => w.loss), a.map((w) => w.count));
}

function lossFigure(): string {
  const { losses } = wordRun();
  const pts = losses.map((loss, k) => ({ step: k + 1, loss }));
  const W = 10;
  const avg = pts.slice(W - 1).map((p, k) => {
    let s = 0;
    for (let j = 0; j < W; j++) s += losses[k + j];
    return { step: p.step, loss: s / W };
  });
  return renderPlot({
    width: 440, height: 290, style: STYLE, marginLeft: 52,
    marginRight: 20, marginTop: 28, marginBottom: 44,
    x: { label: `training step (minibatch of ${WORD.batchSize} words)`,
      grid: false },
    y: { label: 'cross-entropy (nats per character)', grid: true,
      domain: [2, 3.8] },
    marks: [
      Plot.line(pts, { x: 'step', y: 'loss', stroke: PALETTE[0],
        strokeOpacity: 0.45, strokeWidth: 1 }),
      Plot.line(avg, { x: 'step', y: 'loss', stroke: PALETTE[0],
        strokeWidth: 2.5 }),
      Plot.text([avg[0]], { x: 'step', y: 'loss', text: () =>
        'mean of 10 steps', dx: 10, textAnchor: 'start', ...halo }),
    ],
  });
}

// ---------------------------------------------------------------------
// Post-LN against pre-LN at initialization: gradient reaching each block.

export const DEPTH = { embed: 16, heads: 2, layers: 8, mlp: 64,
  words: 16, seeds: [1, 2, 3, 4] };

/** Mean and standard error (over seeds) of a list of numbers. */
const meanSe = meanStandardError;

const depthRun = once(() => {
  const all = words().words;
  const batch = wordExamples(words().train.slice(0, DEPTH.words));
  const config = { vocab: VOCAB.length, context: contextOf(all),
    embed: DEPTH.embed, heads: DEPTH.heads, layers: DEPTH.layers,
    mlp: DEPTH.mlp };
  const runs = (norm: 'pre' | 'post') => DEPTH.seeds.map((s) =>
    blockGradNorms({ ...config, norm }, s, batch));
  const post = runs('post'), pre = runs('pre');
  const mean = (r: number[][]) => r[0].map((_, i) =>
    r.reduce((a, g) => a + g[i], 0) / r.length);
  const L = DEPTH.layers;
  return { post: mean(post), pre: mean(pre),
    // per seed: top block post-LN over pre-LN; top minus bottom block
    ratio: meanSe(post.map((g, k) => g[L - 1] / pre[k][L - 1])),
    postTrend: meanSe(post.map((g) => g[L - 1] - g[0])),
    preTrend: meanSe(pre.map((g) => g[L - 1] - g[0])) };
});

function depthFigure(): string {
  const d = depthRun();
  const rows = [
    ...d.post.map((g, i) => ({ layer: i + 1, g, kind: 'post-LN', k: 0 })),
    ...d.pre.map((g, i) => ({ layer: i + 1, g, kind: 'pre-LN', k: 1 })),
  ];
  const top = Math.max(...[...d.post, ...d.pre].map((v) => v)) * 1.15;
  const L = DEPTH.layers;
  return renderPlot({
    width: 440, height: 290, style: STYLE, marginLeft: 52,
    marginRight: 70, marginTop: 28, marginBottom: 44,
    x: { label: 'block (1 = nearest the input)', ticks: d.post.map(
      (_, i) => i + 1), domain: [0.6, L + 0.4] },
    y: { label: '‖∂L/∂W₂‖ at initialization', domain: [0, top],
      grid: true },
    marks: [
      ...[0, 1].map((k) => Plot.line(rows.filter((r) => r.k === k),
        { x: 'layer', y: 'g', stroke: PALETTE[k], strokeWidth: 2,
          strokeDasharray: k === 0 ? 'none' : '6,3' })),
      ...[0, 1].map((k) => Plot.dot(rows.filter((r) => r.k === k),
        { x: 'layer', y: 'g', stroke: PALETTE[k], r: 4,
          symbol: k === 0 ? 'circle' : 'square' })),
      ...[0, 1].map((k) => Plot.text(rows.filter((r) => r.k === k &&
        r.layer === L), { x: 'layer', y: 'g', text: 'kind', dx: 8,
        textAnchor: 'start', ...halo })),
    ],
  });
}

// ---------------------------------------------------------------------
// The encoder–decoder on reversal.

export const SEQ = { length: 6, embed: 16, heads: 2, layers: 1, mlp: 64,
  steps: 60, batchSize: 16, eta: 0.02, initSeed: 1, dataSeed: 3,
  testSeed: 99, nTest: 200, mapSource: [3, 1, 4, 1, 5, 9] };

const seqRun = once(() => {
  const t0 = performance.now();
  const model = new Seq2Seq({ length: SEQ.length, embed: SEQ.embed,
    heads: SEQ.heads, layers: SEQ.layers, mlp: SEQ.mlp }, SEQ.initSeed);
  const losses = trainSeq2Seq(model, { steps: SEQ.steps,
    batchSize: SEQ.batchSize, eta: SEQ.eta, seed: SEQ.dataSeed });
  const seconds = (performance.now() - t0) / 1000;
  const acc = reverseAccuracy(model, SEQ.nTest, SEQ.testSeed);
  const map = crossAttentionMap(model, SEQ.mapSource);
  let params = 0;
  for (const p of model.parameters()) params += p.size;
  return { model, losses, seconds, acc, map, params };
});

function crossFigure(): string {
  const { map } = seqRun();
  const L = map.L;
  const src = SEQ.mapSource.map((d, j) => `${j + 1}: ${d}`);
  const out = map.pred.map((d, t) => `${t + 1}: ${d}`);
  const cells = [];
  for (let t = 0; t < L; t++) {
    for (let j = 0; j < L; j++) {
      cells.push({ out: out[t], src: src[j], w: map.weights[t * L + j] });
    }
  }
  return renderPlot({
    width: 380, height: 340, style: STYLE, marginLeft: 64,
    marginTop: 56, marginBottom: 16, marginRight: 16,
    x: { label: 'source position: digit', domain: src, axis: 'top',
      labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'output position: digit', domain: out,
      labelArrow: 'none' },
    color: { scheme: 'greys', domain: [0, 1] },
    marks: [
      Plot.cell(cells, { x: 'src', y: 'out', fill: 'w', inset: 1 }),
      Plot.text(cells, { x: 'src', y: 'out', text: (c) => c.w.toFixed(2),
        fill: (c) => (c.w > 0.5 ? 'white' : 'black'), fontSize: 12 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Pitfalls: no causal mask, no positions.

export const CHEAT = { vocab: 8, T: 8, n: 256, embed: 16, heads: 2,
  layers: 1, mlp: 64, steps: 60, batchSize: 16, eta: 0.02, seed: 7 };

const pitfalls = once(() => {
  // a model trained on unpredictable tokens without the causal mask …
  const c = CHEAT;
  const rng = createRng(c.seed);
  const data = randomSequences(c.n, c.T, c.vocab, rng);
  const fresh = randomSequences(c.n, c.T, c.vocab, rng);
  const cheat = new Decoder({ vocab: c.vocab, context: c.T,
    embed: c.embed, heads: c.heads, layers: c.layers, mlp: c.mlp },
  c.seed);
  cheat.causal = false;
  const losses = trainDecoder(cheat, data, { steps: c.steps,
    batchSize: c.batchSize, eta: c.eta, seed: c.seed });
  let cheat10 = 0;
  for (let k = c.steps - 10; k < c.steps; k++) cheat10 += losses[k] / 10;
  const cheatSeen = noGrad(() => sequenceLoss(cheat, fresh).data[0]);
  cheat.causal = true; // … scored as it must be used: left to right
  const cheatHonest = noGrad(() => sequenceLoss(cheat, fresh).data[0]);
  // without source positions the encoder cannot tell 314159 from its
  // reversal: the decoder's logits are the same for both
  const { model } = seqRun();
  const src = SEQ.mapSource, rev = src.slice().reverse();
  const tgtIn = [[BOS, ...rev.slice(0, -1)]];
  const logits = (s: number[]) => noGrad(() =>
    model.decode(model.encode([s]), tgtIn).data);
  const gap = (on: boolean) => {
    model.sourcePositions = on;
    const a = logits(src), b = logits(rev);
    model.sourcePositions = true;
    let m = 0;
    for (let j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j] - b[j]));
    return m;
  };
  return { cheatSeen, cheatHonest, cheat10, logV: Math.log(c.vocab),
    gapNoPos: gap(false),
    gapPos: gap(true) };
});

// ---------------------------------------------------------------------
// Agreement with torch: the encoder layer's forward (the tests check
// every gradient too).

function torchForward(key: 'postLN' | 'preLN'): number {
  const r = torchRef[key];
  const { B, T, E, heads, M } = torchRef.sizes;
  const b = block(E, heads, M, createRng(1), key === 'preLN' ? 'pre'
    : 'post');
  loadBlock(b, r.weights);
  const y = noGrad(() => b.forward(new Tensor(r.x, [B, T, E]),
    causalMask(T)));
  let m = 0;
  y.data.forEach((v, i) => { m = Math.max(m, Math.abs(v - r.y[i])); });
  return m;
}

export default cached('transformers', () => {
  const w = wordRun();
  const { train, valid } = words();
  const bigram = bigramWordLosses(fitBigram(train), valid);
  const tfLoss = meanLoss(w.wl);
  const vsBigram = paired(w.wl, bigram);
  const rnnRows = lstmPage.word.rows;
  const d = depthRun();
  const s = seqRun();
  const p = pitfalls();
  const params = w.model.parameters().reduce((a, t) => a + t.size, 0);
  const lastPost = d.post[DEPTH.layers - 1];
  const elmanRow = rnnRows[0];
  const elmanLosses = elmanRun();
  const elmanPerplexity = Math.exp(meanLoss(elmanLosses));
  claim(Math.abs(elmanPerplexity - elmanRow.perplexity) < 1e-9,
    'the retrained Elman RNN is that of lstm-and-gru');
  const vsRnn = paired(w.wl, elmanLosses);
  const diag = Array.from({ length: SEQ.length }, (_, t) =>
    s.map.weights[t * SEQ.length + SEQ.length - 1 - t]);
  const probe = 0.98; // a hypothetical rate, for the perfect score
  claim(vsRnn.diff > 0 && vsRnn.diff < 2 * vsRnn.se,
    'the transformer is behind the Elman RNN by less than 2 SE');
  claim(rnnRows.every((r) => r.perplexity < Math.exp(tfLoss)),
    'the transformer is ahead of none of the recurrent cells');
  claim(s.acc.exact === 1 && s.acc.digits === 1,
    'the reverser is perfect on the test strings');
  claim(Math.min(...diag) > 0.9, 'the anti-diagonal holds > 0.9');
  const lastPre = d.pre[DEPTH.layers - 1];
  claim(vsBigram.diff < -2 * vsBigram.se,
    'the transformer beats the bigram by more than 2 SE');
  claim(d.ratio.mean - 2 * d.ratio.se > 1.5,
    'post-LN sends a larger gradient to the top block, by > 1.5 (2 SE)');
  claim(Math.abs(d.postTrend.mean) < 2 * d.postTrend.se,
    'post-LN: top and bottom block within 2 SE of each other');
  claim(d.preTrend.mean < -2 * d.preTrend.se,
    'pre-LN: the top block gets less than the bottom one, by > 2 SE');
  claim(s.acc.exact > 0.95, 'the reverser is right on > 95 %');
  claim(p.cheat10 < 0.5 * p.logV && p.cheatSeen < 0.5 * p.logV,
    'the unmasked model beats log V by far, seeing the future');
  claim(p.cheatHonest > p.logV,
    'scored left to right, the cheat is worse than guessing');
  claim(p.gapNoPos < 1e-12 && p.gapPos > 0.1,
    'without source positions, a string and its reversal look alike');
  return {
    word: { ...WORD, ...w.config, nTrain: train.length,
      nValid: valid.length, seconds: w.seconds, params,
      formula: decoderParams(w.config),
      perBlock: blockParams(WORD.embed, WORD.mlp),
      loss: tfLoss, perplexity: Math.exp(tfLoss),
      firstLoss: w.losses[0], samples: w.samples.join(', '),
      bigramPerplexity: Math.exp(meanLoss(bigram)),
      diffBigram: vsBigram.diff, seBigram: vsBigram.se,
      rnn: rnnRows.map((r) => ({ label: r.label, params: r.params,
        perplexity: r.perplexity })),
      rnnEpochs: lstmPage.word.epochs, rnnBatch: lstmPage.word.batchSize,
      gapRnn: vsRnn.diff, seRnn: vsRnn.se,
      words: WORD.steps * WORD.batchSize,
      paramRatio: params / rnnRows[0].params,
      rnnWords: lstmPage.word.epochs * train.length,
      bigramParams: VOCAB.length * VOCAB.length,
      passes: WORD.steps * WORD.batchSize / train.length,
      rnnSteps: lstmPage.word.epochs *
        Math.ceil(lstmPage.word.nTrain / lstmPage.word.batchSize) },
    lossFigure: lossFigure(),
    lossAlt: `Training loss per step of the decoder-only model on the ` +
      `English words, from ${w.losses[0].toFixed(2)} at the first step ` +
      `to a ten-step mean of ${(w.losses.slice(-10)
        .reduce((a, b) => a + b, 0) / 10).toFixed(2)} at step ` +
      `${WORD.steps}.`,
    depth: { ...DEPTH, seedsText: DEPTH.seeds.length, lastPost, lastPre,
      firstPost: d.post[0], firstPre: d.pre[0],
      ratio: d.ratio.mean, ratioSe: d.ratio.se,
      postTrend: d.postTrend.mean, postTrendSe: d.postTrend.se,
      preTrend: d.preTrend.mean, preTrendSe: d.preTrend.se,
      sqrtL: Math.sqrt(DEPTH.layers) },
    depthFigure: depthFigure(),
    depthAlt: `Gradient norm of each block's second MLP weight at ` +
      `initialization in a ${DEPTH.layers}-block stack: post-LN from ` +
      `${d.post[0].toFixed(2)} to ${lastPost.toFixed(2)}, pre-LN from ` +
      `${d.pre[0].toFixed(2)} to ${lastPre.toFixed(2)}.`,
    seq: { ...SEQ, seconds: s.seconds, exact: s.acc.exact,
      digits: s.acc.digits, params: s.params,
      firstLoss: s.losses[0], lastLoss: s.losses[s.losses.length - 1],
      source: SEQ.mapSource.join(''), pred: s.map.pred.join(''),
      diagMin: Math.min(...diag), diagMax: Math.max(...diag),
      probe, perfectProb: probe ** SEQ.nTest },
    crossFigure: crossFigure(),
    crossAlt: `Cross-attention weights of the reversing model on the ` +
      `source ${SEQ.mapSource.join('')}: output position t puts most ` +
      `of its weight on source position ${SEQ.length} − t + 1, the ` +
      `anti-diagonal.`,
    pit: { ...p, ...CHEAT },
    torch: { version: torchRef.versions.torch, ...torchRef.sizes,
      postForward: torchForward('postLN'),
      preForward: torchForward('preLN') },
  };
}, { reason: 'trains a decoder-only transformer (~4.5 s), the Elman ' +
  'RNN of lstm-and-gru again for its per-word losses (~1.2 s) and an ' +
  'encoder–decoder (~1.5 s)' });
