// Build-time computation of the language-models chapter: its figures
// and every number its prose shows, computed by the chapter's code
// (code/language-models) and cached (see src/lib/cache.ts). Seeded
// throughout. Colour is always paired with a dash pattern, a marker
// shape or a direct label.
import { cached } from '../lib/cache.ts';
import { ratioOfSums } from '../../code/statistics/paired.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { sci } from '../lib/format.ts';
import { createRng } from '../../code/introduction/random.ts';
import { adam } from '../../code/neural-optimizers/optimizers.ts';
import { elman } from '../../code/recurrent-networks/cell.ts';
import {
  charModel, trainCharModel, wordLosses,
} from '../../code/recurrent-networks/charlm.ts';
import { END, VOCAB } from '../../code/recurrent-networks/vocab.ts';
import { loadEnglish } from '../../code/recurrent-networks/words.ts';
import {
  EOW, encodeBpe, pairCounts, trainBpe, type Merge,
} from '../../code/language-models/bpe.ts';
import {
  fitTokenBigram, scoreTokens,
} from '../../code/language-models/token-lm.ts';
import {
  generate, logLikelihood, type Decoding,
} from '../../code/language-models/sampling.ts';
import { elmanNext } from '../../code/language-models/rnn-next.ts';
import { loadDictionary } from '../../code/language-models/dictionary.ts';
import {
  decoder, decoderLogits, forwardMacs,
} from '../../code/language-models/decoder.ts';
import { KVCache, cachedStep } from '../../code/language-models/kv-cache.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { Decoder as TfDecoder } from '../../code/transformers/decoder.ts';
import {
  LayerCache, decoderStep,
} from '../../code/language-models/tf-cache.ts';
import ref from '../../tests/fixtures/language-models/reference.json' with {
  type: 'json',
};

const STYLE = { background: 'transparent', fontSize: '14px' };
const halo = { fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
  strokeWidth: 4, paintOrder: 'stroke' };

/** Fails the build when a reading the prose makes stops holding. */
function claim(ok: boolean, what: string): void {
  if (!ok) throw new Error(`language-models: the prose says ${what}`);
}

const show = (m: Merge) => `${m[0]} ${m[1]} → ${m[0]}${m[1]}`
  .replaceAll(EOW, '·');

// ---------------------------------------------------------------------
// The worked examples of Sennrich et al. (2016).

export const PAPER_ALG1: readonly [string, number][] = [
  ['low', 5], ['lower', 2], ['newest', 6], ['widest', 3]];
export const PAPER_FIG1 = ['low', 'lowest', 'newer', 'wider'];
/** The merges of the paper's Figure 1, as printed (· is </w>). */
export const PAPER_FIG1_MERGES: readonly Merge[] = [
  ['r', EOW], ['l', 'o'], ['lo', 'w'], ['e', `r${EOW}`]];

function worked() {
  const corpus = PAPER_ALG1.flatMap(([w, c]) => Array(c).fill(w));
  const alg1 = trainBpe(corpus, 10);
  const fig1 = trainBpe(PAPER_FIG1, 4);
  // is each of the paper's Figure 1 merges a most frequent pair at its
  // step? (then the paper's order is BPE with another tie rule)
  let entries = PAPER_FIG1.map((w) => ({ symbols: [...w, EOW], count: 1 }));
  const fig1Counts = PAPER_FIG1_MERGES.map(([a, b]) => {
    const c = pairCounts(entries);
    let top = 0;
    for (const v of c.values()) top = Math.max(top, v);
    const mine = c.get(`${a} ${b}`) ?? 0;
    let tied = 0;
    for (const v of c.values()) if (v === top) tied++;
    entries = entries.map((e) => ({ count: 1, symbols: mergeAll(e.symbols,
      a, b) }));
    return { merge: show([a, b]), count: mine, top, tied };
  });
  claim(fig1Counts.every((r) => r.count === r.top),
    'every merge of the paper\'s Figure 1 is a most frequent pair');
  const lower = encodeBpe('lower', fig1.merges).join(' ')
    .replaceAll(EOW, '·');
  const lowerPaper = encodeBpe('lower', PAPER_FIG1_MERGES).join(' ')
    .replaceAll(EOW, '·');
  claim(lower === lowerPaper, 'both orders segment "lower" alike');
  return {
    alg1: alg1.merges.map((m, i) => ({ k: i + 1, merge: show(m),
      count: alg1.counts[i] })),
    fig1Ours: fig1.merges.map(show), fig1Paper: PAPER_FIG1_MERGES.map(show),
    fig1Counts, lower,
  };
}

function mergeAll(s: string[], a: string, b: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === a && s[i + 1] === b) { out.push(a + b); i++; }
    else out.push(s[i]);
  }
  return out;
}

// ---------------------------------------------------------------------
// Tokenization on the corpus: vocabulary, length, perplexities.

export const MERGES = [0, 25, 50, 100, 200, 400];
export const TOKEN_ALPHA = 0.1;
const words = once(() => loadEnglish());

const tokenStudy = once(() => {
  const { train, valid } = words();
  const all = trainBpe(train, MERGES[MERGES.length - 1]);
  return MERGES.map((M) => {
    const merges = all.merges.slice(0, M);
    const m = fitTokenBigram(train, merges, TOKEN_ALPHA);
    const s = scoreTokens(m, valid);
    // each word's −log P, for paired standard errors between rows
    const perWord = valid.map((w) => scoreTokens(m, [w]).nll);
    return { M, vocab: m.V, tokensPerWord: s.tokens / valid.length,
      charsPerToken: s.chars / s.tokens, perToken: s.perToken,
      perChar: s.perChar, bitsPerChar: s.nll / s.chars / Math.LN2,
      perWord, chars: s.chars };
  });
});

/** Row i minus row j in nats per character, with its standard error
 *  from the per-word differences (the same validation words score both:
 *  a paired comparison). */
function pairedDiff(i: number, j: number) {
  const a = tokenStudy()[i], b = tokenStudy()[j], n = a.perWord.length;
  // n · pairedDifference(a.perWord, b.perWord) / chars (code/statistics/
  // paired.ts) up to rounding: kept as written, since its sums of
  // x / n round differently, and the page's numbers are these
  const d = a.perWord.map((x, w) => x - b.perWord[w]);
  let mean = 0;
  for (const x of d) mean += x / n;
  let v = 0;
  for (const x of d) v += (x - mean) ** 2 / (n - 1);
  return { diff: (mean * n) / a.chars, se: Math.sqrt(n * v) / a.chars };
}

function tokenFigure(): string {
  const rows = tokenStudy().flatMap((r) => [
    { vocab: r.vocab, perplexity: r.perToken, kind: 'per token' },
    { vocab: r.vocab, perplexity: r.perChar, kind: 'per character' }]);
  return renderPlot({
    width: 440, height: 320, style: STYLE, marginLeft: 60,
    marginRight: 20, marginTop: 20, marginBottom: 44,
    x: { type: 'log', label: 'vocabulary size V (log scale)',
      ticks: [30, 100, 300], tickFormat: 'd' },
    // the domain starts below 10 so that the tick 10 clears the x axis
    y: { type: 'log', label: 'validation perplexity (log scale)',
      grid: true, domain: [8, 300], ticks: [10, 20, 50, 100, 200],
      tickFormat: 'd' },
    marks: [
      Plot.line(rows.filter((r) => r.kind === 'per token'), { x: 'vocab',
        y: 'perplexity', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.line(rows.filter((r) => r.kind !== 'per token'), { x: 'vocab',
        y: 'perplexity', stroke: PALETTE[1], strokeWidth: 2,
        strokeDasharray: '6,3' }),
      Plot.dot(rows.filter((r) => r.kind === 'per token'), { x: 'vocab',
        y: 'perplexity', symbol: 'circle', stroke: 'currentColor',
        r: 3.5 }),
      Plot.dot(rows.filter((r) => r.kind !== 'per token'), { x: 'vocab',
        y: 'perplexity', symbol: 'square', stroke: 'currentColor',
        r: 3.5 }),
      Plot.text([{ vocab: tokenStudy()[2].vocab,
        perplexity: tokenStudy()[2].perToken }],
      { x: 'vocab', y: 'perplexity', dx: -10, dy: -6, textAnchor: 'end',
        text: () => 'per token', ...halo }),
      Plot.text([{ vocab: tokenStudy()[3].vocab,
        perplexity: tokenStudy()[3].perChar }],
      { x: 'vocab', y: 'perplexity', dy: -16, textAnchor: 'middle',
        text: () => 'per character', ...halo }),
    ],
  });
}

// ---------------------------------------------------------------------
// Small models: Elman word models of five sizes (the scaling figure),
// the largest also the model the decoders sample from.

export const SIZES = [2, 4, 8, 16, 32];
export const TRAIN = { epochs: 3, batchSize: 32, eta: 0.02, clip: 5,
  initSeed: 1, shuffleSeed: 2, sampleSeed: 3 };

const models = once(() => {
  const { train, valid } = words();
  const t0 = performance.now();
  const out = SIZES.map((h) => {
    const rng = createRng(TRAIN.initSeed);
    const model = charModel(elman(VOCAB.length, h, rng), rng);
    trainCharModel(model, train, { epochs: TRAIN.epochs,
      batchSize: TRAIN.batchSize, eta: TRAIN.eta, seed: TRAIN.shuffleSeed,
      step: adam(), clip: TRAIN.clip });
    let params = 0;
    for (const p of model.parameters()) params += p.size;
    const l = wordLosses(model, valid);
    const loss = ratioOfSums(l.map((r) => r.loss), l.map((r) => r.count));
    return { h, params, loss, model };
  });
  for (let i = 1; i < out.length; i++) {
    claim(out[i].loss < out[i - 1].loss, 'the loss falls with size');
  }
  claim(out[3].loss - out[4].loss < out[0].loss - out[1].loss,
    'the last doubling gains less than the first');
  return { out, seconds: (performance.now() - t0) / 1000 };
});

function scalingFigure(): string {
  const rows = models().out.map((m) => ({ parameters: m.params,
    loss: m.loss, label: `${m.h} units` }));
  return renderPlot({
    width: 440, height: 320, style: STYLE, marginLeft: 60,
    marginRight: 24, marginTop: 36, marginBottom: 44,
    x: { type: 'log', label: 'parameters N (log scale)',
      domain: [120, 4000], ticks: [200, 500, 1000, 2000], tickFormat: 'd' },
    y: { label: 'validation loss (nats per character)', grid: true,
      domain: [rows[rows.length - 1].loss - 0.04, rows[0].loss + 0.06] },
    marks: [
      Plot.line(rows, { x: 'parameters', y: 'loss', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(rows, { x: 'parameters', y: 'loss', stroke: PALETTE[0],
        fill: PALETTE[0], r: 3.5 }),
      Plot.text(rows.slice(0, 3), { x: 'parameters', y: 'loss',
        text: 'label', dx: 8, dy: -10, textAnchor: 'start', ...halo }),
      Plot.text([rows[3]], { x: 'parameters', y: 'loss', text: 'label',
        dy: 18, textAnchor: 'middle', ...halo }),
      Plot.text([rows[rows.length - 1]], { x: 'parameters', y: 'loss',
        text: 'label', dy: -12, textAnchor: 'end', ...halo }),
    ],
  });
}

// ---------------------------------------------------------------------
// Decoding: the same model sampled under six rules.

export const RULES: readonly { name: string; d: Decoding }[] = [
  { name: 'greedy (τ = 0)', d: { tau: 0 } },
  { name: 'τ = 0.7', d: { tau: 0.7 } },
  { name: 'τ = 1', d: { tau: 1 } },
  { name: 'τ = 1.5', d: { tau: 1.5 } },
  { name: 'top-k, k = 5', d: { tau: 1, k: 5 } },
  { name: 'nucleus, top-p 0.8', d: { tau: 1, topP: 0.8 } },
];
export const SAMPLES = 400;
export const MAX_LETTERS = 20;

const decoding = once(() => {
  const model = models().out[SIZES.length - 1].model;
  const next = elmanNext(model), score = elmanNext(model);
  const dict = loadDictionary();
  const seen = new Set(words().train);
  const rng = createRng(TRAIN.sampleSeed);
  const letters = (ids: number[]) => ids.map((i) => VOCAB[i]).join('');
  return RULES.map(({ name, d }) => {
    const got = Array.from({ length: SAMPLES },
      () => generate(next, d, END, MAX_LETTERS, rng));
    const ws = got.map(letters);
    let train = 0, novel = 0, ll = 0, chars = 0;
    const lls: number[] = [];
    for (let i = 0; i < ws.length; i++) {
      if (seen.has(ws[i])) train++;
      else if (dict.has(ws[i])) novel++;
      lls.push(logLikelihood(score, got[i], END));
      ll += lls[i];
      chars += got[i].length + 1;
    }
    const share = (k: number) => ({ p: k / SAMPLES,
      se: Math.sqrt((k / SAMPLES) * (1 - k / SAMPLES) / SAMPLES) });
    // standard error of the ratio −Σ log P / Σ characters (delta method)
    const r = -ll / chars;
    let v = 0;
    for (let i = 0; i < ws.length; i++) {
      v += (-lls[i] - r * (got[i].length + 1)) ** 2;
    }
    return { name, distinct: new Set(ws).size / SAMPLES,
      train: share(train), novel: share(novel),
      nllPerChar: r, nllSe: Math.sqrt(v) / chars,
      examples: ws.slice(0, 5) };
  });
});

// ---------------------------------------------------------------------
// The KV cache: same logits, and the cost per generated token.

export const KV = { V: 28, d: 32, T: 64, seed: 5 };

const kvStudy = once(() => {
  const m = decoder(KV.V, KV.d, KV.T, createRng(KV.seed));
  const rng = createRng(KV.seed + 1);
  const ids = Array.from({ length: KV.T }, () => rng.int(0, KV.V));
  // uncached: every step re-runs the prefix; cached: one step each
  const rows: Float64Array[] = [];
  for (let t = 1; t <= KV.T; t++) {
    const z = decoderLogits(m, ids.slice(0, t)).data;
    rows.push(z.slice((t - 1) * KV.V, t * KV.V));
  }
  const cache = new KVCache();
  const macsCached: number[] = [];
  let maxDiff = 0;
  for (let t = 0; t < KV.T; t++) {
    const before = cache.macs;
    const z = cachedStep(m, cache, ids[t]);
    macsCached.push(cache.macs - before);
    for (let j = 0; j < KV.V; j++) {
      maxDiff = Math.max(maxDiff, Math.abs(z[j] - rows[t][j]));
    }
  }
  const points = macsCached.map((c, t) => ({ position: t + 1,
    cached: c, full: forwardMacs(m, t + 1) }));
  let sumFull = 0, sumCached = 0;
  for (const p of points) { sumFull += p.full; sumCached += p.cached; }
  claim(maxDiff < 1e-12, 'the cached logits equal the uncached ones');
  return { points, maxDiff, sumFull, sumCached };
});

function kvFigure(): string {
  const k = kvStudy();
  const rows = k.points.flatMap((p) => [
    { position: p.position, macs: p.full, kind: 'no cache' },
    { position: p.position, macs: p.cached, kind: 'KV cache' }]);
  const at = k.points[40];
  return renderPlot({
    width: 440, height: 320, style: STYLE, marginLeft: 64,
    marginRight: 20, marginTop: 20, marginBottom: 44,
    x: { label: 'position of the new token', domain: [1, KV.T] },
    y: { type: 'log', label: 'multiply-adds per token (log)', grid: true,
      tickFormat: '~s' },
    marks: [
      Plot.line(rows.filter((r) => r.kind === 'no cache'), {
        x: 'position', y: 'macs', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.line(rows.filter((r) => r.kind !== 'no cache'), {
        x: 'position', y: 'macs', stroke: PALETTE[1], strokeWidth: 2,
        strokeDasharray: '6,3' }),
      Plot.text([{ position: at.position, macs: at.full }],
        { x: 'position', y: 'macs', dy: -12, textAnchor: 'end',
          text: () => 'no cache', ...halo }),
      Plot.text([{ position: at.position, macs: at.cached }],
        { x: 'position', y: 'macs', dy: -12, textAnchor: 'end',
          text: () => 'KV cache', ...halo }),
    ],
  });
}

/** The transformers chapter's decoder (untrained: the weights do not
 *  change the cost), generating TF.T tokens with and without a cache. */
export const TF = { vocab: 28, context: 64, embed: 16, heads: 2,
  layers: 2, mlp: 64, seed: 1, T: 64 };
const TF_REPEATS = 3;

function tfStudy() {
  const { T, seed, ...config } = TF;
  const m = new TfDecoder(config, seed);
  const ids = Array.from({ length: T }, (_, i) => (i * 5 + 3) % TF.vocab);
  // speed: the fastest of REPEATS runs of each, interleaved
  let msFull = Infinity, msCached = Infinity, maxDiff = 0;
  for (let rep = 0; rep < TF_REPEATS; rep++) {
    let t0 = performance.now();
    const rows: Float64Array[] = [];
    for (let t = 1; t <= T; t++) {
      rows.push(m.forward([ids.slice(0, t)]).data
        .slice((t - 1) * TF.vocab, t * TF.vocab));
    }
    msFull = Math.min(msFull, performance.now() - t0);
    t0 = performance.now();
    const cache = new LayerCache();
    const zs = ids.map((id) => decoderStep(m, cache, id));
    msCached = Math.min(msCached, performance.now() - t0);
    zs.forEach((z, t) => {
      for (let j = 0; j < TF.vocab; j++) {
        maxDiff = Math.max(maxDiff, Math.abs(z[j] - rows[t][j]));
      }
    });
  }
  claim(maxDiff < 1e-12, 'the cached transformer matches its forward');
  return { ...TF, maxDiff, msFull, msCached, repeats: TF_REPEATS };
}

/** The fixture's decoder against torch.nn.MultiheadAttention. */
function torchCheck() {
  const a = ref.attention;
  const t = (x: number[], shape: number[]) =>
    new Tensor(Float64Array.from(x), shape, true);
  const m = { V: a.V, d: a.d, maxLen: a.maxLen, E: t(a.E, [a.V, a.d]),
    P: t(a.P, [a.maxLen, a.d]), Wq: t(a.Wq, [a.d, a.d]),
    Wk: t(a.Wk, [a.d, a.d]), Wv: t(a.Wv, [a.d, a.d]),
    Wo: t(a.Wo, [a.d, a.d]), W: t(a.W, [a.d, a.V]), b: t(a.b, [a.V]) };
  const full = decoderLogits(m, a.ids).data, cache = new KVCache();
  let dFull = 0, dCached = 0;
  a.ids.forEach((id, pos) => {
    const z = cachedStep(m, cache, id);
    for (let j = 0; j < a.V; j++) {
      const k = pos * a.V + j;
      dFull = Math.max(dFull, Math.abs(full[k] - a.logits[k]));
      dCached = Math.max(dCached, Math.abs(z[j] - a.logits[k]));
    }
  });
  claim(dFull < 1e-12 && dCached < 1e-12, 'both agree with torch');
  return { dFull, dCached, T: a.ids.length, d: a.d, V: a.V,
    torch: ref.versions.torch };
}

export default cached('language-models', () => {
  const w = worked();
  const tok = tokenStudy();
  const mod = models();
  const dec = decoding();
  const kv = kvStudy();
  const { train, valid } = words();
  const tf = tfStudy();
  let best = 0, lo = Infinity, hi = 0;
  tok.forEach((t, i) => {
    if (t.perChar < tok[best].perChar) best = i;
    lo = Math.min(lo, t.perChar);
    hi = Math.max(hi, t.perChar);
  });
  // the largest gap between two sampling rules' shares of new real
  // words, in standard errors of the difference
  let gapZ = 0, gapPair: [number, number] = [1, 1];
  for (let i = 1; i < dec.length; i++) {
    for (let j = i + 1; j < dec.length; j++) {
      const z = Math.abs(dec[i].novel.p - dec[j].novel.p) /
        Math.hypot(dec[i].novel.se, dec[j].novel.se);
      if (z > gapZ) { gapZ = z; gapPair = [i, j]; }
    }
  }
  claim(gapZ > 2 && gapZ < 5, 'the shares differ by a few standard ' +
    'errors at most');
  // paired comparisons of the per-character losses of the token table
  const vsNone = pairedDiff(0, best);
  let second = best === 0 ? 1 : 0;
  tok.forEach((t, i) => {
    if (i !== best && t.perChar < tok[second].perChar) second = i;
  });
  const vsSecond = pairedDiff(second, best);
  // local exponents of the scaling figure: −Δ log L / Δ log N
  const slopes = mod.out.slice(1).map((m, i) =>
    Math.log(mod.out[i].loss / m.loss) /
    Math.log(m.params / mod.out[i].params));
  claim(slopes[slopes.length - 1] < slopes[0] / 3,
    'the local exponent falls along the curve');
  const tauOne = dec[2];
  claim(Math.abs(tauOne.nllPerChar - mod.out[4].loss) < 0.1,
    'the loss on τ = 1 samples is near the validation loss');
  const vsLast = pairedDiff(tok.length - 1, best);
  claim(Math.abs(vsNone.diff) < 2 * vsNone.se &&
    Math.abs(vsSecond.diff) < 2 * vsSecond.se &&
    vsLast.diff > 3 * vsLast.se,
    'the dip is within two standard errors; the rise at the end is not');
  claim(dec[0].distinct === 1 / SAMPLES, 'greedy gives one word');
  claim(dec[4].nllPerChar < dec[2].nllPerChar &&
    dec[1].nllPerChar < dec[2].nllPerChar &&
    dec[5].nllPerChar < dec[2].nllPerChar &&
    dec[3].nllPerChar > dec[2].nllPerChar, 'cuts and cooling raise ' +
    'the likelihood; heating lowers it');
  claim(dec.slice(1).every((d) => d.distinct > 0.95),
    'the sampling rules give almost all distinct words');
  return {
    worked: w, nTrain: train.length, nValid: valid.length,
    tokens: tok.map(({ perWord: _w, ...t }) => t),
    tokenFigure: tokenFigure(), alpha: TOKEN_ALPHA,
    vsNone, vsSecond, vsLast, secondTokenIndex: second, slopes,
    gap: { z: gapZ, a: dec[gapPair[0]].name, b: dec[gapPair[1]].name },
    dictSize: loadDictionary().size, sizes: SIZES.join(', '),
    train: { eta: TRAIN.eta, batchSize: TRAIN.batchSize,
      clip: TRAIN.clip },
    scaling: mod.out.map((m) => ({ h: m.h, params: m.params,
      loss: m.loss, perplexity: Math.exp(m.loss) })),
    trainSeconds: mod.seconds, epochs: TRAIN.epochs,
    scalingFigure: scalingFigure(),
    decoding: dec, samples: SAMPLES, maxLetters: MAX_LETTERS,
    kv: { ...KV, maxDiff: kv.maxDiff, sumFull: kv.sumFull,
      sumCached: kv.sumCached, first: kv.points[0],
      last: kv.points[KV.T - 1] },
    kvFigure: kvFigure(), torch: torchCheck(), tf,
    // the cached steps run the same operations on the same numbers as
    // the masked forward pass, so the difference is often exactly 0
    tfDiffText: tf.maxDiff === 0 ? 'are identical, bit for bit'
      : `differ by at most ${sci(tf.maxDiff, 1)}`,
    bpeEnglish: { words: ref.bpe.english.words,
      merges: ref.bpe.english.num_merges },
    drops: mod.out.slice(1).map((m, i) => mod.out[i].loss - m.loss),
    examples: dec.map((d) => d.examples.slice(0, 4).join(', ')),
    maxNovel: dec.reduce((m, d) => Math.max(m, d.novel.p), 0),
    bestTokenIndex: best,
    tokenAlt: `Two lines against vocabulary size from ${tok[0].vocab} ` +
      `to ${tok[tok.length - 1].vocab}, log scales: per-token ` +
      `perplexity rises from ${tok[0].perToken.toFixed(1)} to ` +
      `${tok[tok.length - 1].perToken.toFixed(1)}; per-character ` +
      `perplexity stays between ${lo.toFixed(1)} and ${hi.toFixed(1)}.`,
    scalingAlt: `Five points, validation loss against parameters on a ` +
      `log axis: from ${mod.out[0].loss.toFixed(2)} nats at ` +
      `${mod.out[0].params} parameters down to ` +
      `${mod.out[4].loss.toFixed(2)} at ${mod.out[4].params}, ` +
      'flattening.',
    kvAlt: `Two curves against position 1 to ${KV.T}, log scale: ` +
      `without a cache the cost per token grows from ` +
      `${kv.points[0].full} to ${kv.points[KV.T - 1].full} ` +
      `multiply-adds; with the cache from ${kv.points[0].cached} to ` +
      `${kv.points[KV.T - 1].cached}.`,
  };
}, { reason: 'about 6 s of CPU on one core (measured with /usr/bin/time: ' +
  '5.8 s user, module loading included); the wall time of a loaded ' +
  'parallel build can exceed 20 s' });
