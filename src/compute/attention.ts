// Build-time computation of the attention chapter: its figures and
// every number its prose shows, computed by the chapter's code
// (code/attention) and cached (see src/lib/cache.ts). Seeded
// throughout. Colour is always paired with a marker shape, a dash
// pattern, a direct label or printed values.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import torchRef from '../../tests/fixtures/attention/torch.json' with {
  type: 'json',
};
import { Tensor, noGrad } from '../../code/autodiff/tensor.ts';
import { createRng } from '../../code/introduction/random.ts';
import { attention } from '../../code/attention/sdpa.ts';
import { causalMask, paddingMask } from '../../code/attention/mask.ts';
import { MultiHeadAttention } from '../../code/attention/mha.ts';
import { sinusoidalPositions } from '../../code/attention/positions.ts';
import {
  dotVariance, softmaxSpread, softmaxTemperature,
} from '../../code/attention/scaling.ts';
import { trainReverse } from '../../code/attention/reverse.ts';

const STYLE = { background: 'transparent', fontSize: '14px' };
const halo = { fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
  strokeWidth: 4, paintOrder: 'stroke' };

/** The prose reads the build-time numbers a certain way; if a change
 *  of code or seed makes that reading false, fail the build instead of
 *  printing a page that contradicts its numbers. */
function claim(ok: boolean, what: string): void {
  if (!ok) throw new Error(`attention: the prose no longer holds: ${what}`);
}

// ---------------------------------------------------------------------
// Why √d: the variance of q·k, and the softmax's entropy.

export const SCALE = { dims: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  pairs: 1000, keys: 16, queries: 50 };

const varianceRows = once(() => SCALE.dims.map((d) => {
  const v = dotVariance(d, SCALE.pairs, createRng(d));
  // SE of a sample variance: √((μ₄ − σ⁴)/n) with μ₄ = 3d² + 6d
  const se = Math.sqrt((2 * d * d + 6 * d) / SCALE.pairs);
  const raw = softmaxSpread(d, SCALE.keys, 1, SCALE.queries,
    createRng(1000 + d));
  const scaled = softmaxSpread(d, SCALE.keys, 1 / Math.sqrt(d),
    SCALE.queries, createRng(1000 + d)); // the same draws, scaled
  return { d, v, se, z: (v - d) / se, raw: raw.entropy,
    rawMax: raw.maxWeight, scaled: scaled.entropy,
    scaledMax: scaled.maxWeight };
}));

function varianceFigure(): string {
  const rows = varianceRows();
  return renderPlot({
    width: 440, height: 300, style: STYLE, marginLeft: 56,
    marginRight: 24, marginTop: 20, marginBottom: 44,
    x: { type: 'log', base: 2, label: 'width d',
      ticks: [1, 4, 16, 64, 256],
      tickFormat: (d: number) => String(d) },
    y: { type: 'log', base: 2, label: 'variance of q·k', grid: true,
      ticks: [1, 4, 16, 64, 256], tickFormat: (d: number) => String(d) },
    marks: [
      Plot.line([{ d: 1, v: 1 }, { d: 256, v: 256 }], { x: 'd', y: 'v',
        strokeDasharray: '6,3', stroke: 'currentColor' }),
      Plot.text([{ d: 40, v: 40 }], { x: 'd', y: 'v',
        text: () => 'Var = d', dx: -10, dy: -14, textAnchor: 'end',
        ...halo }),
      Plot.dot(rows, { x: 'd', y: 'v', r: 4.5, stroke: PALETTE[0],
        fill: PALETTE[0], symbol: 'circle' }),
      Plot.text([rows[rows.length - 3]], { x: 'd', y: 'v',
        text: () => 'measured', dx: 10, dy: 12, textAnchor: 'start',
        ...halo }),
    ],
  });
}

function entropyFigure(): string {
  const rows = varianceRows();
  const ln = Math.log(SCALE.keys);
  const pts = rows.flatMap((r) => [
    { d: r.d, h: r.scaled, k: 'scaled by 1/√d' },
    { d: r.d, h: r.raw, k: 'unscaled' }]);
  const last = rows[rows.length - 1];
  return renderPlot({
    width: 440, height: 300, style: STYLE, marginLeft: 56,
    marginRight: 24, marginTop: 20, marginBottom: 44,
    x: { type: 'log', base: 2, label: 'width d',
      ticks: [1, 4, 16, 64, 256],
      tickFormat: (d: number) => String(d) },
    y: { label: 'softmax entropy (nats)', domain: [0, 3], grid: true },
    marks: [
      Plot.ruleY([ln], { strokeDasharray: '1,3' }),
      Plot.text([{ d: 1, h: ln }], { x: 'd', y: 'h', dy: -9,
        textAnchor: 'start', text: () => `uniform: ln ${SCALE.keys}`,
        ...halo }),
      ...['scaled by 1/√d', 'unscaled'].map((k, i) => Plot.line(
        pts.filter((p) => p.k === k), { x: 'd', y: 'h', stroke: PALETTE[i],
          strokeWidth: 2, strokeDasharray: i === 0 ? 'none' : '6,3' })),
      ...['scaled by 1/√d', 'unscaled'].map((k, i) => Plot.dot(
        pts.filter((p) => p.k === k), { x: 'd', y: 'h', stroke: PALETTE[i],
          r: 4, symbol: i === 0 ? 'circle' : 'triangle' })),
      Plot.text([{ d: 64, h: last.scaled }], { x: 'd', y: 'h',
        text: () => 'scaled by 1/√d', dy: -16, textAnchor: 'end',
        ...halo }),
      Plot.text([{ d: 8, h: rows[3].raw }], { x: 'd', y: 'h',
        text: () => 'unscaled', dx: -12, textAnchor: 'end', ...halo }),
    ],
  });
}

// ---------------------------------------------------------------------
// Temperature on a fixed row of scores.

export const TEMP = { scores: [2, 1, 0.5, -1], taus: [0.25, 1, 4] };

function temperatureRows() {
  return TEMP.taus.map((tau) => {
    const p = Array.from(softmaxTemperature(TEMP.scores, tau));
    let h = 0;
    for (const x of p) if (x > 0) h -= x * Math.log(x);
    return { tau, p, entropy: h };
  });
}

// ---------------------------------------------------------------------
// Sinusoidal positions: PE(p)·PE(p + k) depends on k only.

export const PE = { d: 32, maxK: 60, starts: [0, 25, 70] };

function peRows() {
  const { d, maxK, starts } = PE;
  const pe = sinusoidalPositions(starts[2] + maxK + 1, d).data;
  const dot = (p: number, k: number) => {
    let s = 0;
    for (let c = 0; c < d; c++) s += pe[p * d + c] * pe[(p + k) * d + c];
    return s;
  };
  let worst = 0;
  const pts = starts.flatMap((p, i) => Array.from({ length: maxK + 1 },
    (_, k) => {
      const v = dot(p, k);
      worst = Math.max(worst, Math.abs(v - dot(0, k)));
      return { k, v, p, i };
    }));
  return { pts, worst };
}

function peFigure(): string {
  const { pts } = peRows();
  const SYM = ['circle', 'square', 'triangle'];
  return renderPlot({
    width: 440, height: 300, style: STYLE, marginLeft: 56,
    marginRight: 24, marginTop: 20, marginBottom: 44,
    x: { label: 'offset k', domain: [0, PE.maxK] },
    y: { label: 'PE(p) · PE(p + k)', grid: true },
    marks: [
      Plot.line(pts.filter((q) => q.i === 0), { x: 'k', y: 'v',
        stroke: 'currentColor', strokeWidth: 1.5 }),
      ...PE.starts.map((_, i) => Plot.dot(pts.filter((q) => q.i === i &&
        q.k % 3 === i), { x: 'k', y: 'v', symbol: SYM[i],
        stroke: PALETTE[i], r: 4 })),
      Plot.text(PE.starts.map((p, i) => ({ k: PE.maxK - 18 + 9 * i,
        v: 15.5, t: `p = ${p}`, i })), { x: 'k', y: 'v', text: 't',
        textAnchor: 'middle', ...halo }),
      ...PE.starts.map((_, i) => Plot.dot([{ k: PE.maxK - 18 + 9 * i,
        v: 14 }], { x: 'k', y: 'v', symbol: SYM[i], stroke: PALETTE[i],
        r: 4 })),
    ],
  });
}

// ---------------------------------------------------------------------
// The reversal task, and the maps it learns.

export const REV = { V: 10, T: 6, E: 16, H: 2, steps: 100, batch: 32,
  eta: 0.02, seed: 1, sample: [3, 1, 4, 1, 5, 9] };

const revRuns = once(() => (['learned', 'sinusoidal', 'none'] as const)
  .map((positions) => {
    const t0 = performance.now();
    const r = trainReverse({ ...REV, positions });
    const x = Int32Array.from(REV.sample);
    noGrad(() => r.model.logits(x, 1));
    const w = r.model.attn.averagedWeights().data; // [1, T, T]
    return { positions, accuracy: r.accuracy,
      firstLoss: r.losses[0], lastLoss: r.losses[r.losses.length - 1],
      map: Array.from(w), seconds: (performance.now() - t0) / 1000 };
  }));

function mapFigure(): string {
  const T = REV.T, runs = revRuns();
  const names = ['learned positions', 'no positions'];
  const cells = [runs[0], runs[2]].flatMap((r, m) => r.map.map((w, at) => {
    const i = Math.floor(at / T), j = at % T;
    const tenth = Math.round(10 * w) / 10; // printed to one decimal
    return { model: names[m], out: `${i}`, inp: `${j}`, w,
      text: tenth === 0 ? '' : tenth === 1 ? '1' : tenth.toFixed(1)
        .slice(1) };
  }));
  const axis = Array.from({ length: T }, (_, i) => `${i}`);
  return renderPlot({
    width: 440, height: 290, style: STYLE, marginLeft: 44,
    marginRight: 8, marginTop: 40, marginBottom: 44,
    fx: { domain: names, label: null, padding: 0.12 },
    x: { domain: axis, label: 'input position j', tickSize: 0 },
    y: { domain: axis, label: 'output i', tickSize: 0 },
    color: { type: 'linear', domain: [0, 1],
      range: ['#ffffff', PALETTE[0]] },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.4 }),
      Plot.cell(cells, { fx: 'model', x: 'inp', y: 'out', fill: 'w',
        inset: 0.5 }),
      Plot.text(cells, { fx: 'model', x: 'inp', y: 'out', text: 'text',
        fill: (d: { w: number }) => (d.w > 0.55 ? 'white' : 'black') }),
    ],
  });
}

// ---------------------------------------------------------------------
// Agreement with torch, forward pass (the tests also check gradients).

function torchForward() {
  const s = torchRef.sdpa;
  const mask = { shape: [3, 5], blocked: Uint8Array.from(s.mask) };
  const a = attention(new Tensor(s.q, [2, 3, 4]), new Tensor(s.k,
    [2, 5, 4]), new Tensor(s.v, [2, 5, 3]), { mask });
  let sdpa = 0;
  a.output.data.forEach((v, i) => {
    sdpa = Math.max(sdpa, Math.abs(v - s.out[i]));
  });
  const { embed: E, heads: H, state } = torchRef.mha;
  const c = torchRef.mha.self;
  const m = new MultiHeadAttention(E, H, createRng(1)).loadTorch(state);
  const x = new Tensor(c.x, [2, 4, E]);
  const out = m.forward(x, x, x, { mask: causalMask(4),
    keyPadding: paddingMask(c.lengths, 4) });
  let mha = 0, w = 0;
  out.data.forEach((v, i) => { mha = Math.max(mha, Math.abs(v - c.out[i])); });
  m.averagedWeights().data.forEach((v, i) => {
    w = Math.max(w, Math.abs(v - c.weights[i]));
  });
  return { sdpa, mha, weights: w, E, H };
}

export default cached('attention', () => {
  const vr = varianceRows();
  const runs = revRuns();
  const tr = temperatureRows();
  const pe = peRows();
  const big = vr[vr.length - 1], small = vr[0];
  // the readings the prose gives …
  claim(vr.every((r) => Math.abs(r.z) < 3),
    'every measured variance is within 3 SE of d');
  claim(big.raw < 0.3 * small.raw, 'unscaled entropy collapses');
  claim(vr.every((r) => Math.abs(r.scaled - vr[4].scaled) < 0.25),
    'scaled entropy stays level');
  claim(runs[0].accuracy >= 0.99 && runs[1].accuracy >= 0.99,
    'both position codes learn the reversal');
  claim(runs[2].accuracy < 0.5, 'without positions it fails');
  claim(pe.worst < 1e-9, 'the dot product depends on the offset only');
  const mapDiag = runs[0].map.filter((_, at) =>
    at % REV.T === REV.T - 1 - Math.floor(at / REV.T));
  claim(Math.min(...mapDiag) > 0.8, 'the map is the anti-diagonal');
  const tf = torchForward();
  return {
    scale: { ...SCALE, rows: vr, ln: Math.log(SCALE.keys),
      dMax: big.d, vMax: big.v, seMax: big.se, rawMax: big.raw,
      rawTop: big.rawMax, scaledMax: big.scaled, scaledTop: big.scaledMax,
      raw1: small.raw },
    varianceFigure: varianceFigure(),
    varianceAlt: `Measured variance of q·k against d on log axes: the ` +
      `dots lie on the line Var = d, from ${small.v.toFixed(2)} at ` +
      `d = 1 to ${big.v.toFixed(0)} at d = ${big.d}.`,
    entropyFigure: entropyFigure(),
    entropyAlt: `Mean softmax entropy over ${SCALE.keys} keys against ` +
      `d. Scaled by 1/√d it stays near ${big.scaled.toFixed(2)} nats; ` +
      `unscaled it falls from ${small.raw.toFixed(2)} at d = 1 to ` +
      `${big.raw.toFixed(2)} at d = ${big.d}.`,
    temp: { ...TEMP, rows: tr },
    pe: { ...PE, worst: pe.worst },
    peFigure: peFigure(),
    peAlt: `PE(p)·PE(p + k) against the offset k for p = ` +
      `${PE.starts.join(', ')}: the three sets of markers lie on one ` +
      'curve, which starts at d/2 and oscillates as k grows.',
    rev: { ...REV, sampleText: REV.sample.join(' '),
      rows: runs.map(({ positions, accuracy, firstLoss, lastLoss,
        seconds }) => ({ positions, accuracy, firstLoss, lastLoss,
        seconds })),
      mapMin: Math.min(...mapDiag) },
    mapFigure: mapFigure(),
    mapAlt: `Two ${REV.T} by ${REV.T} attention maps for the string ` +
      `${REV.sample.join(' ')}. With learned positions, output i puts ` +
      `weight of at least ${Math.min(...mapDiag).toFixed(2)} on input ` +
      `${REV.T - 1} − i: the anti-diagonal. Without positions the ` +
      'weights are spread and follow the digits, not the positions.',
    torch: { version: torchRef.versions.torch, ...tf },
  };
}, { reason: 'trains the reversal model three times and samples the √d ' +
  'experiments: about 3 s on a quiet core' });
