// Build-time computation of the lstm-and-gru chapter: its figure and
// every number its prose shows, computed by the chapter's code
// (code/lstm-and-gru) and recurrent-networks' word model, and cached
// (see src/lib/cache.ts). Seeded throughout. Colour is always paired
// with a dash pattern, a marker shape and a direct label.
import { cached } from '../lib/cache.ts';
import {
  pairedRatioDifference,
  ratioOfSums,
} from '../../code/statistics/paired.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import torchRef from '../../tests/fixtures/lstm-and-gru/torch.json' with {
  type: 'json',
};
import { Tensor } from '../../code/autodiff/tensor.ts';
import { createRng } from '../../code/introduction/random.ts';
import { adam } from '../../code/neural-optimizers/optimizers.ts';
import type { RecurrentCell } from '../../code/recurrent-networks/cell.ts';
import { elman } from '../../code/recurrent-networks/cell.ts';
import {
  charModel, trainCharModel, wordLosses,
} from '../../code/recurrent-networks/charlm.ts';
import { loadEnglish } from '../../code/recurrent-networks/words.ts';
import { unrollStack } from '../../code/recurrent-networks/unroll.ts';
import { lstmCell } from '../../code/lstm-and-gru/lstm.ts';
import { gruCell } from '../../code/lstm-and-gru/gru.ts';
import { fused } from '../../code/lstm-and-gru/fused.ts';
import { fromTorch } from '../../code/lstm-and-gru/torch.ts';
import {
  LAG_CLIP, LAG_TEST, trainLagTask,
} from '../../code/lstm-and-gru/lag-task.ts';
import { VOCAB } from '../../code/recurrent-networks/vocab.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };
const DASH = ['none', '6,3', '2,3'];
const SYMBOL = ['circle', 'square', 'triangle'];
const halo = { fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
  strokeWidth: 4, paintOrder: 'stroke' };
const sigma = (v: number) => 1 / (1 + Math.exp(-v));
const KINDS = [
  { key: 'rnn', label: 'Elman RNN' },
  { key: 'lstm', label: 'LSTM' },
  { key: 'gru', label: 'GRU' },
] as const;
type Kind = (typeof KINDS)[number]['key'];

// ---------------------------------------------------------------------
// The long-lag task: accuracy against the lag, one run per point.

export const LAG = { hidden: 8, steps: 200, batch: 16, eta: 0.05,
  forgetBias: 5, lags: [10, 20, 40], nTest: LAG_TEST, clip: LAG_CLIP };

/** The prose reads the build-time numbers a certain way; if a change
 *  of code or seed makes that reading false, fail the build instead of
 *  printing a page that contradicts its numbers. */
function claim(ok: boolean, what: string): void {
  if (!ok) throw new Error(`lstm-and-gru: the prose no longer holds: ${what}`);
}

function cellFor(kind: Kind, d: number, H: number, seed: number,
  forgetBias?: number): RecurrentCell {
  const rng = createRng(seed);
  if (kind === 'rnn') return elman(d, H, rng);
  return kind === 'lstm' ? fused(lstmCell(d, H, rng, forgetBias))
    : fused(gruCell(d, H, rng));
}

const lagRuns = once(() => {
  const t0 = performance.now();
  const rows = KINDS.flatMap((k, kk) => LAG.lags.map((lag) => ({
    kind: k.key, label: k.label, k: kk, lag,
    accuracy: trainLagTask(cellFor(k.key, 2, LAG.hidden, 7 * lag + 1,
      LAG.forgetBias), { lag, steps: LAG.steps, batch: LAG.batch,
      eta: LAG.eta, seed: lag }) })));
  return { rows, seconds: (performance.now() - t0) / 1000 };
});

function lagFigure(): string {
  const rows = lagRuns().rows;
  const last = LAG.lags[LAG.lags.length - 1];
  const labels = KINDS.map((k, kk) => {
    const r = rows.find((q) => q.kind === k.key && q.lag === last)!;
    return { lag: last, accuracy: r.accuracy, text: k.label, k: kk };
  });
  // labels at the right end, spread apart when their points coincide
  const dy = [0, -14, 14];
  return renderPlot({
    width: 440, height: 300, style: STYLE, marginLeft: 52,
    marginRight: 92, marginTop: 20, marginBottom: 44,
    x: { label: 'lag (steps from bit to answer)',
      domain: [LAG.lags[0] - 2, last + 2], ticks: LAG.lags },
    y: { label: 'test accuracy', domain: [0.4, 1.04],
      ticks: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], grid: true },
    marks: [
      Plot.ruleY([0.5], { strokeDasharray: '1,3' }),
      Plot.text([{ lag: LAG.lags[0] - 1, accuracy: 0.5 }], { x: 'lag', y: 'accuracy',
        text: () => 'chance', dy: -8, textAnchor: 'start', ...halo }),
      // each cell's line and markers nudged sideways (dx), so that
      // the three stay visible where they coincide
      ...KINDS.map((_, kk) => Plot.line(rows.filter((r) => r.k === kk),
        { x: 'lag', y: 'accuracy', stroke: PALETTE[kk], strokeWidth: 2,
          strokeDasharray: DASH[kk], dx: 6 * (kk - 1) })),
      ...KINDS.map((_, kk) => Plot.dot(rows.filter((r) => r.k === kk),
        { x: 'lag', y: 'accuracy', symbol: SYMBOL[kk], stroke: PALETTE[kk],
          r: 4.5, dx: 6 * (kk - 1) })),
      ...labels.map((l) => Plot.text([l], { x: 'lag', y: 'accuracy',
        text: 'text', dx: 14, dy: dy[l.k], textAnchor: 'start',
        ...halo })),
    ],
  });
}

// ---------------------------------------------------------------------
// The word model of recurrent-networks with each cell.

export const WORD = { hidden: 16, epochs: 4, batchSize: 32, eta: 0.02,
  clip: 5, initSeed: 1, shuffleSeed: 2, forgetBias: 1 };

const words = once(() => loadEnglish());

const wordRuns = once(() => {
  const { train, valid } = words();
  return KINDS.map((k) => {
    const t0 = performance.now();
    const cell = cellFor(k.key, VOCAB.length, WORD.hidden, WORD.initSeed,
      WORD.forgetBias);
    const model = charModel(cell, createRng(WORD.initSeed + 100));
    trainCharModel(model, train, { epochs: WORD.epochs,
      batchSize: WORD.batchSize, eta: WORD.eta, seed: WORD.shuffleSeed,
      step: adam(), clip: WORD.clip });
    let cellParams = 0;
    for (const p of cell.parameters()) cellParams += p.size;
    const losses = wordLosses(model, valid);
    const perChar = ratioOfSums(losses.map((w) => w.loss),
      losses.map((w) => w.count));
    return { kind: k.key, label: k.label, cellParams,
      params: model.parameters().reduce((s, p) => s + p.size, 0),
      perplexity: Math.exp(perChar), // = perplexity(model, valid)
      losses, seconds: (performance.now() - t0) / 1000 };
  });
});

/** Mean loss per character of a minus that of b on the same words
 *  (a ratio of sums), and its standard error over the words. */
function paired(a: { loss: number; count: number }[],
  b: { loss: number; count: number }[]) {
  return pairedRatioDifference(a.map((w) => w.loss),
    b.map((w) => w.loss), a.map((w) => w.count));
}

// ---------------------------------------------------------------------
// Agreement with torch, forward pass (the tests also check gradients).

function torchForward(kind: 'lstm' | 'gru') {
  const r = torchRef[kind];
  const { T, B, D, H, layers } = torchRef.sizes;
  const cells = Array.from({ length: layers }, (_, l) =>
    fromTorch(kind, l === 0 ? D : H, H, r.weights, l));
  const xs = Array.from({ length: T }, (_, t) => new Tensor(
    r.x.slice(t * B * D, (t + 1) * B * D), [B, D]));
  const states = Array.from({ length: layers }, (_, l) =>
    r.states0.map((s: number[]) => new Tensor(
      s.slice(l * B * H, (l + 1) * B * H), [B, H])));
  const res = unrollStack(cells, xs, states);
  let m = 0;
  res.outputs.forEach((o, t) => o.data.forEach((v, i) => {
    m = Math.max(m, Math.abs(v - r.out[t * B * H + i]));
  }));
  r.final.forEach((f: number[], k: number) => res.states.forEach((s, l) =>
    s[k].data.forEach((v, i) => {
      m = Math.max(m, Math.abs(v - f[l * B * H + i]));
    })));
  return m;
}

export default cached('lstm-and-gru', () => {
  const lr = lagRuns();
  const wr = wordRuns();
  const rnn = wr[0];
  const acc = (kind: Kind, lag: number) =>
    lr.rows.find((r) => r.kind === kind && r.lag === lag)!.accuracy;
  const last = LAG.lags[LAG.lags.length - 1];
  const { D, H } = torchRef.sizes;
  const chanceSe = Math.sqrt(0.25 / LAG.nTest);
  // the readings the prose gives of the lag study …
  for (const k of KINDS) {
    for (const lag of LAG.lags.slice(0, -1)) {
      claim(acc(k.key, lag) >= 0.9, `${k.label} learns lag ${lag}`);
    }
  }
  claim(Math.abs(acc('rnn', last) - 0.5) <= 2 * chanceSe,
    `the Elman RNN is at chance at lag ${last}`);
  claim(acc('lstm', last) >= 0.9 && acc('gru', last) >= 0.9,
    `the LSTM and the GRU learn lag ${last}`);
  const diffs = wr.slice(1).map((w) => {
    const d = paired(w.losses, rnn.losses);
    return { label: w.label, ...d, z: d.diff / d.se,
      ratio: w.perplexity / rnn.perplexity };
  });
  // … and of the word models
  claim(diffs.every((d) => Math.abs(d.diff) < 0.05),
    'every difference is a few hundredths of a nat at most');
  claim(Math.abs(diffs[0].z) < 2, 'the LSTM is within 2 SE of the RNN');
  claim(diffs[1].z < -2, 'the GRU is better by more than 2 SE');
  return {
    lag: { ...LAG, lagsText: LAG.lags.join(', '), last,
      seconds: lr.seconds,
      rows: lr.rows.map(({ kind, lag, accuracy }) => ({ kind, lag,
        accuracy })),
      rnnLast: acc('rnn', last), lstmLast: acc('lstm', last),
      gruLast: acc('gru', last),
      // binomial standard error of a test accuracy near 1/2
      chanceSe,
      fStart: sigma(LAG.forgetBias), fStart1: sigma(1),
      carry: sigma(LAG.forgetBias) ** last, carry1: sigma(1) ** last },
    lagFigure: lagFigure(),
    lagAlt: `Test accuracy against the lag for an Elman RNN, an LSTM ` +
      `and a GRU of ${LAG.hidden} units, each trained ${LAG.steps} ` +
      `steps per lag. At lag ${last} the Elman RNN is at ` +
      `${acc('rnn', last).toFixed(2)}, the LSTM at ` +
      `${acc('lstm', last).toFixed(2)} and the GRU at ` +
      `${acc('gru', last).toFixed(2)}.`,
    word: { ...WORD, vocab: VOCAB.length, nTrain: words().train.length,
      nValid: words().valid.length,
      rows: wr.map((w) => ({ label: w.label, params: w.params,
        cellParams: w.cellParams, perplexity: w.perplexity,
        seconds: w.seconds })),
      diffs },
    torch: { version: torchRef.versions.torch, ...torchRef.sizes,
      lstmForward: torchForward('lstm'), gruForward: torchForward('gru'),
      lstmLayer0: 4 * (D * H + H * H + 2 * H),
      gruLayer0: 3 * (D * H + H * H + 2 * H) },
  };
}, { reason: 'trains nine long-lag runs (about 4 s on a quiet core) ' +
  'and the word model with three cells (about 9 s); more only on a ' +
  'loaded machine' });
