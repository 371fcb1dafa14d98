// Build-time computation of the recurrent-networks chapter: its figures
// and every number its prose shows, computed by the chapter's code
// (code/recurrent-networks) and cached (see src/lib/cache.ts). Seeded
// throughout. Colour is always paired with a dash pattern, a marker
// shape or a direct label.
import { cached } from '../lib/cache.ts';
import {
  meanStandardError,
  pairedRatioDifference,
  ratioOfSums,
} from '../../code/statistics/paired.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { powerOfTen } from '../lib/format.ts';
import torchRef from
  '../../tests/fixtures/recurrent-networks/torch.json' with {
    type: 'json',
  };
import { createRng } from '../../code/introduction/random.ts';
import { adam } from '../../code/neural-optimizers/optimizers.ts';
import { elman } from '../../code/recurrent-networks/cell.ts';
import {
  charModel, trainCharModel, wordLosses,
} from '../../code/recurrent-networks/charlm.ts';
import { sampleWord } from '../../code/recurrent-networks/sample.ts';
import { VOCAB } from '../../code/recurrent-networks/vocab.ts';
import { loadEnglish } from '../../code/recurrent-networks/words.ts';
import {
  bigramWordLosses, fitBigram,
} from '../../code/recurrent-networks/bigram.ts';
import { lagStudy } from '../../code/recurrent-networks/vanishing.ts';
import {
  runTorchCase, type TorchCase,
} from '../../code/recurrent-networks/reference.ts';
import { elmanWeights } from '../../code/recurrent-networks/weights.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };
const DASH = ['none', '6,3', '2,3', '8,3,2,3'];
const SYMBOL = ['circle', 'square', 'triangle', 'diamond'];
const halo = { fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
  strokeWidth: 4, paintOrder: 'stroke' };

// ---------------------------------------------------------------------
// Vanishing and exploding: ‖∂h_T/∂h_{T−k}‖_F against the lag k.

export const LAG = { hidden: 32, input: 8, steps: 80, lags: 60,
  inputScale: 0.3, rhos: [0.5, 0.9, 1.5, 3], seed: 5 };

const lags = once(() => LAG.rhos.map((rho) => ({ rho,
  ...lagStudy({ ...LAG, rho }, createRng(LAG.seed)) })));

function lagFigure(): string {
  const rows = lags().flatMap((s, k) => s.norms.map((v, i) => ({
    lag: i + 1, norm: v, k })));
  // each label beside its own line, clear of the others
  // (ρ = 1.5 left of lag 40: on a phone the figure scrolls from lag 1)
  const place = [[14, 16], [30, 16], [37, 16], [22, -12]];
  const labels = lags().map((s, k) => ({ lag: place[k][0],
    norm: s.norms[place[k][0] - 1], text: `ρ = ${s.rho}`, dy: place[k][1],
    k }));
  return renderPlot({
    width: 640, height: 380, style: STYLE, marginLeft: 56,
    marginRight: 16, marginTop: 32, marginBottom: 44,
    x: { label: 'lag k', domain: [1, LAG.lags],
      ticks: [1, 10, 20, 30, 40, 50, 60] },
    y: { type: 'log', label: 'Frobenius norm of ∂h_T / ∂h_(T−k)',
      domain: [1e-28, 1e8],
      ticks: [1e-28, 1e-24, 1e-20, 1e-16, 1e-12, 1e-8, 1e-4, 1, 1e4,
        1e8], tickFormat: powerOfTen, grid: true },
    marks: [
      ...lags().map((_, k) => Plot.line(rows.filter((r) => r.k === k), {
        x: 'lag', y: 'norm', stroke: PALETTE[k], strokeWidth: 2,
        strokeDasharray: DASH[k] })),
      Plot.dot(rows.filter((r) => r.lag % 10 === 5), { x: 'lag',
        y: 'norm', symbol: (r: { k: number }) => SYMBOL[r.k],
        stroke: (r: { k: number }) => PALETTE[r.k], r: 3.5 }),
      ...labels.map((l) => Plot.text([l], { x: 'lag', y: 'norm',
        text: 'text', dy: l.dy, textAnchor: 'middle',
        ...halo })),
    ],
  });
}

// ---------------------------------------------------------------------
// The word model, trained at build time, and the bigram baseline.

export const TRAIN = { hidden: 32, epochs: 8, batchSize: 32, eta: 0.02,
  clip: 5, initSeed: 1, shuffleSeed: 2, sampleSeed: 3 };
export const ALPHAS = [0.01, 0.03, 0.1, 0.3, 1, 3];
export const TEMPS = [0, 0.5, 1, 1.5];
export const LENGTH_SAMPLES = 1000;

const words = once(() => loadEnglish());

const trained = once(() => {
  const { train, valid } = words();
  const rng = createRng(TRAIN.initSeed);
  const model = charModel(elman(28, TRAIN.hidden, rng), rng);
  const t0 = performance.now();
  const history = trainCharModel(model, train, { epochs: TRAIN.epochs,
    batchSize: TRAIN.batchSize, eta: TRAIN.eta, seed: TRAIN.shuffleSeed,
    step: adam(), clip: TRAIN.clip, valid });
  return { model, history, seconds: (performance.now() - t0) / 1000 };
});

/** Mean loss per character, and the number of characters. */
function perChar(l: { loss: number; count: number }[]) {
  let total = 0;
  for (const r of l) total += r.count;
  return { mean: ratioOfSums(l.map((r) => r.loss), l.map((r) => r.count)),
    total };
}

/** The difference of two models' mean losses per character on the same
 *  words (a ratio of sums), with its standard error over the words. */
function pairedDifference(a: { loss: number; count: number }[],
  b: { loss: number; count: number }[]) {
  return pairedRatioDifference(a.map((w) => w.loss),
    b.map((w) => w.loss), a.map((w) => w.count));
}

const baseline = once(() => {
  const { train, valid } = words();
  return ALPHAS.map((alpha) => {
    const l = bigramWordLosses(fitBigram(train, alpha), valid);
    return { alpha, losses: l, perplexity: Math.exp(perChar(l).mean) };
  });
});

function comparison() {
  const { valid } = words();
  const rnn = wordLosses(trained().model, valid);
  const laplace = baseline().find((b) => b.alpha === 1)!;
  let best = baseline()[0];
  for (const b of baseline()) if (b.perplexity < best.perplexity) best = b;
  const vs = pairedDifference(best.losses, rnn);
  return { rnnPerplexity: Math.exp(perChar(rnn).mean),
    rnnLoss: perChar(rnn).mean, chars: perChar(rnn).total,
    laplacePerplexity: laplace.perplexity, bestAlpha: best.alpha,
    bestPerplexity: best.perplexity, bestLoss: perChar(best.losses).mean,
    diff: vs.diff, diffSe: vs.se };
}

function curveFigure(): string {
  const h = trained().history;
  const c = comparison();
  const rows = h.map((e) => ({ epoch: e.epoch,
    perplexity: e.validPerplexity }));
  const top = Math.max(rows[0].perplexity, c.laplacePerplexity) + 1;
  return renderPlot({
    width: 640, height: 320, style: STYLE, marginLeft: 56,
    marginRight: 16, marginTop: 24, marginBottom: 44,
    x: { label: 'epoch', domain: [1, TRAIN.epochs],
      ticks: h.map((e) => e.epoch), tickFormat: 'd' },
    y: { label: 'validation perplexity', domain: [10, top], grid: true },
    marks: [
      Plot.line(rows, { x: 'epoch', y: 'perplexity', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(rows, { x: 'epoch', y: 'perplexity', stroke: PALETTE[0],
        r: 3.5 }),
      Plot.ruleY([c.bestPerplexity], { stroke: PALETTE[1],
        strokeWidth: 2, strokeDasharray: DASH[1] }),
      // at the left, in view on a phone, where the RNN's line is lower
      Plot.text([{ epoch: 2.2, perplexity: c.bestPerplexity }],
        { x: 'epoch', y: 'perplexity', dy: -10, textAnchor: 'start',
          text: () => `bigram, α = ${c.bestAlpha}`, ...halo }),
      Plot.text([rows[2]], { x: 'epoch', y: 'perplexity', dy: -12,
        textAnchor: 'start', text: () => 'Elman RNN', ...halo }),
    ],
  });
}

// ---------------------------------------------------------------------
// Samples: a few words at each temperature, and how many are real.

const samples = once(() => {
  const model = trained().model;
  const { words: all, train } = words();
  const rng = createRng(TRAIN.sampleSeed);
  const byT = TEMPS.map((T) => ({ T, words: Array.from({ length: 8 },
    () => sampleWord(model, rng, T)) }));
  const seen = new Set(train), known = new Set(all);
  const many = Array.from({ length: 500 }, () => sampleWord(model, rng, 1));
  let inTrain = 0, inList = 0, len = 0;
  for (const w of many) {
    if (seen.has(w)) inTrain++;
    if (known.has(w)) inList++;
    len += w.length;
  }
  const trainLength = meanSe(train.map((w) => w.length));
  // the mean length of LENGTH_SAMPLES samples at each τ > 0, with its
  // standard error, and how many reached sampleWord's cap of 20 letters
  const lengthByT = TEMPS.filter((T) => T > 0).map((T) => {
    const lens = Array.from({ length: LENGTH_SAMPLES },
      () => sampleWord(model, rng, T).length);
    let capped = 0;
    for (const l of lens) if (l === 20) capped++;
    return { T, ...meanSe(lens), capped };
  });
  return { byT, n: many.length, inTrain: inTrain / many.length,
    inList: inList / many.length, inTrainCount: inTrain,
    inListCount: inList, meanLength: len / many.length,
    inTrainText: inTrain === 0 ? 'none' : String(inTrain),
    inListText: inList === 0 ? 'none' : String(inList),
    trainMeanLength: trainLength.mean, trainLengthSe: trainLength.se,
    lengthSamples: LENGTH_SAMPLES, lengthByT,
    // differences of mean lengths, in standard errors of the difference
    zLow: (lengthByT[1].mean - lengthByT[0].mean) /
      Math.hypot(lengthByT[0].se, lengthByT[1].se),
    zHigh: (lengthByT[2].mean - lengthByT[1].mean) /
      Math.hypot(lengthByT[1].se, lengthByT[2].se),
    zTrain: Math.abs(lengthByT[1].mean - trainLength.mean) /
      Math.hypot(lengthByT[1].se, trainLength.se) };
});

/** Mean and standard error of the mean. */
const meanSe = meanStandardError;

function sampleFigure(): string {
  const rows = samples().byT.filter((s) => s.T > 0).flatMap((s) =>
    s.words.map((w, i) => ({ T: `τ = ${s.T}`, i, word: w })));
  return renderPlot({
    width: 420, height: 290, style: STYLE, marginLeft: 8,
    marginRight: 8, marginTop: 36, marginBottom: 8,
    x: { domain: rows.map((r) => r.T).filter((t, k, a) =>
      a.indexOf(t) === k), axis: 'top', label: null, tickSize: 0 },
    y: { domain: [-0.5, 7.5], axis: null, reverse: true },
    marks: [
      Plot.text(rows, { x: 'T', y: 'i', text: 'word', fontSize: 14,
        fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Against PyTorch: largest differences, for the prose.

function torchNumbers() {
  const c = torchRef as unknown as TorchCase & { output: number[];
    hn: number[]; dx: number[]; dh0: number[];
    grads: Record<string, number[]>; versions: { torch: string } };
  const r = runTorchCase(c);
  const md = (a: ArrayLike<number>, b: number[]) => {
    let m = 0;
    for (let i = 0; i < b.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  };
  let grads = 0;
  for (const k of Object.keys(c.grads)) {
    grads = Math.max(grads, md(r.grads[k], c.grads[k]));
  }
  return { version: c.versions.torch, steps: c.steps, batch: c.batch,
    input: c.input, hidden: c.hidden, layers: c.layers,
    output: md(r.output, c.output), hn: md(r.hn, c.hn), grads,
    dx: md(r.dx, c.dx), dh0: md(r.dh0, c.dh0) };
}

export default cached('recurrent-networks', () => {
  const t = trained();
  const h = t.history;
  const c = comparison();
  const s = samples();
  const lagAt = (k: number) => lags().map((l) => l.norms[k - 1]);
  return {
    lagFigure: lagFigure(),
    lagAlt: 'Frobenius norm of the Jacobian of h_T with respect to ' +
      `h_(T−k) against the lag k from 1 to ${LAG.lags}, log scale, for ` +
      `four spectral radii of W_hh. ρ = 0.5 falls fastest, to ` +
      `${lagAt(60)[0].toExponential(0)} at k = 60; ρ = 0.9 falls to ` +
      `${lagAt(60)[1].toExponential(0)}; ρ = 1.5 rises slowly to ` +
      `${lagAt(60)[2].toExponential(0)}; ρ = 3 rises steeply to ` +
      `${lagAt(60)[3].toExponential(0)}.`,
    lag: { ...LAG,
      at: [1, 10, 30, 60].map((k) => ({ k, norms: lagAt(k) })),
      saturated: lags().map((l) => l.saturated),
      meanSlope: lags().map((l) => l.meanSlope),
      // the norm's growth a step from k = 1 to k = 60: (N_60/N_1)^(1/59)
      perStep: lags().map((l) =>
        (l.norms[LAG.lags - 1] / l.norms[0]) ** (1 / (LAG.lags - 1))),
      ratio15: lagAt(60)[2] / lagAt(1)[2] },
    curveFigure: curveFigure(),
    curveAlt: 'Validation perplexity of the Elman word model after ' +
      `each of ${TRAIN.epochs} epochs: ${h[0].validPerplexity.toFixed(1)} ` +
      `after the first, ${h[h.length - 1].validPerplexity.toFixed(1)} ` +
      'after the last; a dashed horizontal line marks the best bigram ' +
      `model at ${c.bestPerplexity.toFixed(1)}.`,
    sampleFigure: sampleFigure(),
    sampleAlt: 'Eight words sampled from the trained model at each of ' +
      'three temperatures: ' + s.byT.filter((b) => b.T > 0).map((b) =>
      `τ = ${b.T}: ${b.words.join(', ')}`).join('; ') + '.',
    train: { ...TRAIN, nTrain: words().train.length,
      nValid: words().valid.length, seconds: t.seconds,
      history: h.map((e) => ({ epoch: e.epoch, trainLoss: e.trainLoss,
        maxGradNorm: e.maxGradNorm, validPerplexity: e.validPerplexity })),
      params: t.model.parameters().reduce((a, p) => a + p.size, 0),
      maxGradNorm: h.reduce((m, e) => Math.max(m, e.maxGradNorm), 0),
      maxLength: words().words.reduce((m, w) => Math.max(m, w.length),
        0),
      nWords: words().words.length,
      // the share of training words of 6 to 12 letters (Exercise 5's hint)
      share6to12: words().train.filter((w) => w.length >= 6 &&
        w.length <= 12).length / words().train.length,
      vocab: VOCAB.length, targets: VOCAB.length - 1 },
    cmp: c,
    bigram: baseline().map((b) => ({ alpha: b.alpha,
      perplexity: b.perplexity })),
    samples: s,
    torch: torchNumbers(),
    demo: { weights: elmanWeights(t.model), seed: TRAIN.sampleSeed },
  };
});
