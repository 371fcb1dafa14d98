// Build-time computation of the diffusion-models chapter: its figures
// and every number its prose shows, computed by code/diffusion-models
// and cached (src/lib/cache.ts). Seeded throughout.
//
// Budget: four small networks are trained (a 2-D ring's ε-network,
// the digits' ε-network, the noisy classifier of guidance and a clean
// evaluation classifier), then 1,200 guided digit samples are drawn at
// four guidance scales, each step a forward pass of the ε-network and
// a forward and backward pass of the classifier.
import { cached } from '../lib/cache.ts';
import { fixed } from '../lib/format.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { imageGrid } from '../lib/image-grid.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Tensor, noGrad } from '../../code/autodiff/tensor.ts';
import {
  mlp, parameterCount, Sequential,
} from '../../code/multilayer-perceptron/mlp.ts';
import { evaluate, fit } from '../../code/multilayer-perceptron/train.ts';
import { adam } from '../../code/neural-optimizers/optimizers.ts';
import {
  cosineSchedule, linearSchedule, type Schedule,
} from '../../code/diffusion-models/schedule.ts';
import { qSample } from '../../code/diffusion-models/forward.ts';
import { timeMlp } from '../../code/diffusion-models/model.ts';
import {
  trainEps, trainNoisyClassifier,
} from '../../code/diffusion-models/train.ts';
import { sample } from '../../code/diffusion-models/sample.ts';
import { epsFn, gradFn } from '../../code/diffusion-models/guidance.ts';
import {
  gaussianEps, samplerMoments,
} from '../../code/diffusion-models/gaussian.ts';
import {
  meanPairwiseDistance, precisionRecall,
} from '../../code/diffusion-models/metrics.ts';
import { ring, scaledDigits } from '../../code/diffusion-models/data.ts';
import { vlbWeights } from '../../code/diffusion-models/solutions/weights.ts';
import { sigmaErrors } from '../../code/diffusion-models/solutions/sigma.ts';
import torchRef from '../../tests/fixtures/diffusion-models/torch.json' with {
  type: 'json',
};

const STYLE = { background: 'transparent', fontSize: '14px' };

export const SETUP = {
  ring: { n: 1000, T: 100, hidden: [64, 64], e: 16, steps: 1500,
    batchSize: 128, eta: 2e-3 },
  // Ho et al.'s linear schedule stretched to 50 steps (β × 1000/T)
  digits: { T: 50, beta1: 2e-3, betaT: 0.4, hidden: [128, 128], e: 32,
    steps: 2000, batchSize: 64, eta: 1e-3, sigma: 'posterior' as const,
    clip: true },
  classifier: { hidden: [64], steps: 1500, batchSize: 64, eta: 1e-3 },
  evaluator: { hidden: [64], epochs: 20, batchSize: 32, eta: 1e-3,
    nTrain: 1400 },
  scales: [0, 1, 3, 10],
  perClass: 30,
  k: 3,
  gauss: { T: 1000, mu: [1, -2], v: [0.25, 4], n: 4000 },
};

/** ᾱ_t of the two schedules at T = 1000 (Figure: schedules). */
function scheduleFigure(lin: Schedule, cos: Schedule): string {
  const rows: { t: number; ab: number; name: string }[] = [];
  for (let t = 1; t <= lin.T; t += 5) {
    rows.push({ t, ab: lin.alphaBar[t - 1], name: 'linear' });
    rows.push({ t, ab: cos.alphaBar[t - 1], name: 'cosine' });
  }
  return renderPlot({
    width: 440, height: 320, style: STYLE, marginLeft: 50,
    marginRight: 30, marginTop: 30, marginBottom: 44,
    x: { label: 'step t →' },
    y: { label: 'ᾱₜ, signal kept', grid: true, domain: [0, 1] },
    marks: [
      Plot.line(rows.filter((r) => r.name === 'linear'), { x: 't',
        y: 'ab', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.line(rows.filter((r) => r.name === 'cosine'), { x: 't',
        y: 'ab', stroke: PALETTE[1], strokeWidth: 2,
        strokeDasharray: '6 3' }),
      Plot.text([{ t: 300, ab: lin.alphaBar[299], name: 'linear' },
        { t: 600, ab: cos.alphaBar[599], name: 'cosine' }], {
        x: 't', y: 'ab', text: 'name', dx: 8, dy: -8,
        textAnchor: 'start', fill: 'currentColor' }),
    ],
  });
}

/** Four panels of 2-D points, two by two (ring forward and reverse). */
function pointPanels(panels: { label: string; X: Matrix }[]): string {
  const rows = panels.flatMap((p, k) => Array.from({ length: p.X.rows },
    (_, i) => ({ x1: p.X.data[2 * i], x2: p.X.data[2 * i + 1],
      panel: p.label, fx: k % 2, fy: Math.floor(k / 2) })));
  const titles = panels.map((p, k) => ({ panel: p.label, fx: k % 2,
    fy: Math.floor(k / 2) }));
  return renderPlot({
    width: 440, height: 460, style: STYLE, marginLeft: 36,
    marginBottom: 36, marginTop: 24, marginRight: 8,
    fx: { axis: null }, fy: { axis: null },
    x: { label: 'x₁', domain: [-3.2, 3.2], ticks: [-2, 0, 2] },
    y: { label: 'x₂', domain: [-3.2, 3.2], ticks: [-2, 0, 2] },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.dot(rows, { x: 'x1', y: 'x2', fx: 'fx', fy: 'fy', r: 1.2,
        fill: PALETTE[0], fillOpacity: 0.6 }),
      Plot.text(titles, { fx: 'fx', fy: 'fy', text: 'panel',
        frameAnchor: 'top-left', dx: 4, dy: 4, fill: 'currentColor' }),
    ],
  });
}

/** Accuracy, precision and recall against the guidance scale. */
function sweepFigure(rows: SweepRow[]): string {
  const series = [
    { key: 'accuracy', name: 'accuracy', symbol: 'circle', dash: '' },
    { key: 'precision', name: 'precision', symbol: 'square',
      dash: '6 3' },
    { key: 'recall', name: 'recall', symbol: 'triangle', dash: '2 3' },
  ] as const;
  const pts = series.flatMap((s, i) => rows.map((r) => ({
    scale: r.scale, value: r[s.key], lo: r[s.key] - r[`${s.key}Se`],
    hi: r[s.key] + r[`${s.key}Se`], i, name: s.name })));
  const last = series.map((s, i) => ({ name: s.name, i,
    scale: rows[rows.length - 1].scale,
    value: rows[rows.length - 1][s.key] }));
  return renderPlot({
    width: 440, height: 340, style: STYLE, marginLeft: 50,
    marginRight: 90, marginBottom: 44, marginTop: 30,
    x: { type: 'symlog', label: 'guidance scale s →',
      ticks: rows.map((r) => r.scale) },
    y: { label: 'share', domain: [0, 1], grid: true },
    marks: [
      Plot.ruleX(pts, { x: 'scale', y1: 'lo', y2: 'hi',
        stroke: (p: { i: number }) => PALETTE[p.i] }),
      ...series.map((s, i) => Plot.line(pts.filter((p) => p.i === i), {
        x: 'scale', y: 'value', stroke: PALETTE[i], strokeWidth: 2,
        strokeDasharray: s.dash })),
      Plot.dot(pts, { x: 'scale', y: 'value', r: 4,
        symbol: (p: { i: number }) => series[p.i].symbol,
        stroke: (p: { i: number }) => PALETTE[p.i] }),
      Plot.text(last, { x: 'scale', y: 'value', text: 'name', dx: 10,
        textAnchor: 'start', fill: 'currentColor' }),
    ],
  });
}

interface SweepRow {
  scale: number;
  accuracy: number; accuracySe: number;
  precision: number; precisionSe: number;
  recall: number; recallSe: number;
  diversity: number; diversitySe: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const se = (xs: number[]) => {
  const m = mean(xs);
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return Math.sqrt(v / xs.length);
};

function rowsWhere(X: Matrix, keep: (i: number) => boolean): Matrix {
  const idx: number[] = [];
  for (let i = 0; i < X.rows; i++) if (keep(i)) idx.push(i);
  const out = new Matrix(idx.length, X.cols);
  idx.forEach((r, k) => out.data.set(X.data.subarray(r * X.cols,
    (r + 1) * X.cols), k * X.cols));
  return out;
}

const toPixels = (x: ArrayLike<number>) =>
  Array.from(x, (v) => (v + 1) / 2);

/** The prose's claims; the build stops if the numbers stop showing
 *  them. */
function claims(sweep: SweepRow[], realDiv: number[],
  own: { diversity: number; diversitySe: number }): void {
  const a = sweep[0], b = sweep[sweep.length - 1];
  const fail = (what: string) => {
    throw new Error(`diffusion-models: the prose says ${what}`);
  };
  if (!(b.accuracy - a.accuracy > 2 * Math.hypot(a.accuracySe,
    b.accuracySe))) fail('accuracy rises with the scale');
  if (!(mean(realDiv) - b.diversity > 2 * Math.hypot(se(realDiv),
    b.diversitySe))) {
    fail('the most guided samples are closer than real digits');
  }
  // the fair baseline: unguided samples grouped by predicted class
  if (!(own.diversity - b.diversity > 2 * Math.hypot(own.diversitySe,
    b.diversitySe))) {
    fail('guidance brings samples of one class closer than the ' +
      'unguided model\'s own classes');
  }
  for (let i = 1; i < sweep.length; i++) {
    if (!(sweep[i].accuracy > sweep[i - 1].accuracy)) {
      fail('accuracy rises at every scale');
    }
  }
}

function compute() {
  // --- schedules and the Gaussian check
  const lin = linearSchedule(1000);
  const cos = cosineSchedule(1000);
  const G = SETUP.gauss;
  const gs = linearSchedule(G.T);
  const moments = samplerMoments(gs, G.mu, G.v);
  const momentsPost = samplerMoments(gs, G.mu, G.v, 'posterior');
  const gSamples = sample(gaussianEps(gs, G.mu, G.v), gs, G.n, 2,
    { seed: 11 }).x;
  const colStats = (j: number) => {
    const xs = Array.from({ length: G.n }, (_, i) => gSamples.data[2 * i
      + j]);
    const m = mean(xs);
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (G.n - 1);
    return { mean: m, variance: v, meanSe: Math.sqrt(v / G.n),
      // a normal sample variance has standard error v √(2/(n − 1))
      varianceSe: v * Math.sqrt(2 / (G.n - 1)) };
  };
  const mc = [colStats(0), colStats(1)];
  mc.forEach((c, j) => {
    if (!(Math.abs(c.mean - moments.mean[j]) < 4 * c.meanSe &&
      Math.abs(c.variance - moments.variance[j]) < 4 * c.varianceSe)) {
      throw new Error('diffusion-models: the prose says the sampled ' +
        'moments agree with the exact ones within 4 standard errors');
    }
  });

  // --- the ring
  const R = SETUP.ring;
  const rs = cosineSchedule(R.T);
  const X = ring(R.n, createRng(1));
  const noiseRng = createRng(2);
  const forward = [0, 10, 25, R.T].map((t) => ({
    label: `t = ${t}`,
    X: t === 0 ? X : qSample(rs, X, new Int32Array(R.n).fill(t),
      new Matrix(R.n, 2, noiseRng.normalArray(2 * R.n))),
  }));
  const ringNet = timeMlp(2, R.e, R.hidden, 2, createRng(3));
  const ringLoss = trainEps(ringNet, X, rs, { steps: R.steps,
    batchSize: R.batchSize, eta: R.eta, seed: 4 });
  const rev = sample(epsFn(ringNet), rs, R.n, 2,
    { seed: 5, keep: [R.T, 25, 10, 0] });
  const radius = (M: Matrix) => mean(Array.from({ length: M.rows },
    (_, i) => Math.hypot(M.data[2 * i], M.data[2 * i + 1])));
  const ringFinal = rev.x;

  // --- digits: ε-network, noisy classifier, clean evaluator
  const D = SETUP.digits;
  const { X: DX, y: Dy } = scaledDigits();
  const ds = linearSchedule(D.T, D.beta1, D.betaT);
  const dNet = timeMlp(64, D.e, D.hidden, 64, createRng(6));
  const dLoss = trainEps(dNet, DX, ds, { steps: D.steps,
    batchSize: D.batchSize, eta: D.eta, seed: 7 });
  const C = SETUP.classifier;
  const cNet = timeMlp(64, D.e, C.hidden, 10, createRng(8));
  const cLoss = trainNoisyClassifier(cNet, DX, Dy, ds, { steps: C.steps,
    batchSize: C.batchSize, eta: C.eta, seed: 9 });
  const E = SETUP.evaluator;
  const order = createRng(10).shuffle(Array.from({ length: DX.rows },
    (_, i) => i));
  const inTrain = new Set(order.slice(0, E.nTrain));
  const trX = rowsWhere(DX, (i) => inTrain.has(i));
  const teX = rowsWhere(DX, (i) => !inTrain.has(i));
  const trY = Int32Array.from(order.slice(0, E.nTrain).sort((a, b) =>
    a - b), (i) => Dy[i]);
  const teY = Int32Array.from(order.slice(E.nTrain).sort((a, b) => a - b),
    (i) => Dy[i]);
  const evaluator = mlp([64, ...E.hidden, 10], 'relu', createRng(11));
  fit(evaluator, trX, trY, { epochs: E.epochs, batchSize: E.batchSize,
    eta: E.eta, seed: 12, step: adam() });
  const evalAcc = evaluate(evaluator, teX, teY).accuracy;

  // unguided samples
  const free = sample(epsFn(dNet), ds, 40, 64, { seed: 13,
    sigma: D.sigma, clip: D.clip }).x;
  const freeLabels = evaluate(evaluator, free, new Int32Array(40)).pred;

  // --- the guidance sweep
  const P = SETUP.perClass;
  const n = 10 * P;
  const target = Int32Array.from({ length: n }, (_, i) => i % 10);
  const features = (M: Matrix) => noGrad(() => {
    const h = new Sequential(evaluator.layers.slice(0, 2))
      .forward(new Tensor(M.data, [M.rows, M.cols]));
    return new Matrix(M.rows, h.shape[1], h.data);
  });
  const realBy = Array.from({ length: 10 }, (_, c) =>
    rowsWhere(DX, (i) => Dy[i] === c));
  const realFeat = realBy.map(features);
  const grids: number[][][] = [];
  // The unguided samples grouped by the class the evaluator gives them:
  // the model's own classes, the baseline that guidance is judged by.
  let own = { precision: 0, precisionSe: 0, diversity: 0,
    diversitySe: 0, classes: 0 };
  const sweep: SweepRow[] = SETUP.scales.map((scale, si) => {
    const x = sample(epsFn(dNet), ds, n, 64, { seed: 100 + si,
      sigma: D.sigma, clip: D.clip, guide: { grad: gradFn(cNet), y: target, scale } }).x;
    const pred = evaluate(evaluator, x, target).pred;
    const hits = Array.from(pred, (p, i) => (p === target[i] ? 1 : 0));
    const byClass = Array.from({ length: 10 }, (_, c) =>
      rowsWhere(x, (i) => target[i] === c));
    const pr = byClass.map((F, c) => precisionRecall(realFeat[c],
      features(F), SETUP.k));
    const div = byClass.map((F) => meanPairwiseDistance(F));
    grids.push(Array.from({ length: 10 }, (_, c) =>
      toPixels(byClass[c].data.subarray(0, 64))));
    const acc = mean(hits);
    if (scale === 0) {
      const groups = Array.from({ length: 10 }, (_, c) => ({ c,
        F: rowsWhere(x, (i) => pred[i] === c) }))
        .filter((g) => g.F.rows > SETUP.k);
      const p = groups.map((g) => precisionRecall(realFeat[g.c],
        features(g.F), SETUP.k).precision);
      const dv = groups.map((g) => meanPairwiseDistance(g.F));
      own = { precision: mean(p), precisionSe: se(p),
        diversity: mean(dv), diversitySe: se(dv), classes: groups.length };
    }
    return {
      scale, accuracy: acc, accuracySe: Math.sqrt(acc * (1 - acc) / n),
      precision: mean(pr.map((p) => p.precision)),
      precisionSe: se(pr.map((p) => p.precision)),
      recall: mean(pr.map((p) => p.recall)),
      recallSe: se(pr.map((p) => p.recall)),
      diversity: mean(div), diversitySe: se(div),
    };
  });
  const realDiv = realBy.map((Rc) => meanPairwiseDistance(Rc));

  const pc = (x: number) => `${(100 * x).toFixed(0)}%`;
  /** "rises from a ± se to b ± se" or "stays within its standard
   *  errors (a ± se, b ± se)": a change of at least 2 combined SEs. */
  const change = (a: number, aSe: number, b: number, bSe: number,
    digits: number, from = 'at s = 0') => {
    const f = (x: number, e: number) =>
      `${x.toFixed(digits)} ± ${e.toFixed(digits)}`;
    const big = Math.abs(b - a) >= 2 * Math.hypot(aSe, bSe);
    if (!big) {
      return { dir: 0, text: `stays within two standard errors (${f(a,
        aSe)} ${from}, ${f(b, bSe)} at s = ${lastRow.scale})` };
    }
    return { dir: Math.sign(b - a), text: `${b > a ? 'rises' : 'falls'} ` +
      `from ${f(a, aSe)} ${from} to ${f(b, bSe)} at s = ${lastRow.scale}` };
  };
  const first = sweep[0], lastRow = sweep[sweep.length - 1];
  const byOwn = 'for the unguided samples of that class';
  const prec = change(own.precision, own.precisionSe,
    lastRow.precision, lastRow.precisionSe, 2, byOwn);
  const rec = change(first.recall, first.recallSe, lastRow.recall,
    lastRow.recallSe, 2);
  const div = change(own.diversity, own.diversitySe,
    lastRow.diversity, lastRow.diversitySe, 2, byOwn);
  const sweepText = `Accuracy on the target class rises from ` +
    `${pc(first.accuracy)} at s = 0 (chance is 10%) to ` +
    sweep.slice(1).map((r) => `${pc(r.accuracy)} at s = ${r.scale}`)
      .join(', ') + '. Against the unguided samples grouped by the ' +
    'class the evaluation classifier gives them, precision ' + prec.text +
    ', and the mean distance between two samples of one class ' +
    div.text + `, against ${mean(realDiv).toFixed(2)} ± ` +
    `${se(realDiv).toFixed(2)} for two real digits of one class. ` +
    'Recall ' + rec.text + '.';
  const agree = [
    prec.dir > 0 ? 'precision rises' : null,
    rec.dir < 0 ? 'recall falls' : null,
    div.dir < 0 ? 'samples of one class draw closer together' : null,
  ].filter((x) => x !== null);
  const disagree = [
    prec.dir <= 0 ? (prec.dir === 0 ? 'precision does not move beyond ' +
      'its standard errors' : 'precision falls') : null,
    rec.dir >= 0 ? (rec.dir === 0 ? 'recall does not move beyond its ' +
      'standard errors' : 'recall rises') : null,
    div.dir >= 0 ? (div.dir === 0 ? 'the within-class distance does ' +
      'not move beyond its standard errors' : 'the within-class ' +
      'distance grows') : null,
  ].filter((x) => x !== null);
  const shapeText = (agree.length > 0 ? `As the trade predicts, ${agree
    .join(', and ')} as the scale grows. ` : '') + (disagree.length > 0
    ? `Unlike that prediction, ${disagree.join(', and ')} over our ` +
      `scales; with ${SETUP.perClass} samples a class and a one-layer ` +
      'feature network ' +
      'our precision and recall are coarse instruments.'
    : '');
  claims(sweep, realDiv, own);
  const w = vlbWeights(linearSchedule(100));
  const unit = sigmaErrors(1), few = sigmaErrors(0.05, 50),
    many = sigmaErrors(0.05, 1000);

  const tail = (xs: Float64Array, k: number) =>
    mean(Array.from(xs.subarray(xs.length - k)));
  return {
    nDigits: DX.rows, weightT: 100, weightRatio: w[0] / w[98],
    params: parameterCount(dNet.rest) + dNet.Wx.size + dNet.Wt.size +
      dNet.b.size,
    sigma: { unitBeta: unit.beta, unitPosterior: unit.posterior,
      fewBeta: few.beta, fewPosterior: few.posterior,
      manyBeta: many.beta, manyPosterior: many.posterior },
    sweepText, shapeText,
    schedulesAlt: 'Two curves of the signal share ᾱ_t against the step ' +
      't from 1 to 1000. The linear schedule falls fast and is near 0 ' +
      `from about step 600 (ᾱ_500 = ${lin.alphaBar[499].toFixed(3)}); ` +
      'the cosine schedule falls slowly at first, ' +
      `ᾱ_500 = ${cos.alphaBar[499].toFixed(3)}, and reaches 0 at the end.`,
    forwardAlt: 'Four scatter plots of 1000 points: a thin ring of ' +
      'radius 1.5 at t = 0, a blurred ring at t = 10, a faint ring ' +
      `inside a cloud at t = 25, and a round standard normal cloud at ` +
      `t = ${R.T}.`,
    reverseAlt: 'Four scatter plots of 1000 points: a standard normal ' +
      `cloud at t = ${R.T}, a cloud that has begun to hollow at t = 25, ` +
      'a blurred ring at t = 10, and a ring of mean radius ' +
      `${radius(ringFinal).toFixed(2)} at t = 0.`,
    freeAlt: 'A row of ten real 8 by 8 digits, 0 to 9, above forty ' +
      'generated from noise in four rows of ten: the generated images ' +
      'are digit-like strokes of several classes, noisier and more ' +
      'often broken than the real ones.',
    guidedAlt: 'Four rows of ten 8 by 8 images, one row per guidance ' +
      `scale (${SETUP.scales.join(', ')}), columns asking for the ` +
      'digits 0 to 9. The unguided row shows assorted digits; rows ' +
      'with larger scales show more of the digits asked for.',
    sweepAlt: 'Accuracy, precision and recall against the guidance ' +
      `scale ${SETUP.scales.join(', ')}. ${sweepText}`,
    setup: SETUP,
    gauss: {
      mean: Array.from(moments.mean), variance: Array.from(moments.variance),
      variancePost: Array.from(momentsPost.variance),
      mc,
    },
    cosineLastBeta: cos.beta[999],
    cosineAmplify: 1 / Math.sqrt(cos.alpha[999]),
    digitsAlphaBarT: ds.alphaBar[D.T - 1],
    cosineHalf: cos.alphaBar[499], linearHalf: lin.alphaBar[499],
    linearEnd: lin.alphaBar[999], cosineEnd: cos.alphaBar[999],
    ring: {
      lossStart: tail(ringLoss.subarray(0, 50), 50),
      lossEnd: tail(ringLoss, 100),
      radiusData: radius(X), radiusSamples: radius(ringFinal),
      radiusNoise: radius(forward[3].X),
    },
    digits: {
      lossStart: tail(dLoss.subarray(0, 50), 50),
      lossEnd: tail(dLoss, 200),
      classifierStart: tail(cLoss.subarray(0, 50), 50),
      classifierEnd: tail(cLoss, 200),
      evalAcc, nTest: teY.length,
      freeCounts: Array.from({ length: 10 }, (_, c) =>
        freeLabels.filter((p) => p === c).length),
    },
    sweep,
    sweepRows: sweep.map((r) => [fixed(r.scale, 0),
      `${fixed(100 * r.accuracy, 1)} ± ${fixed(100 * r.accuracySe, 1)}`,
      `${fixed(r.precision, 2)} ± ${fixed(r.precisionSe, 2)}`,
      `${fixed(r.recall, 2)} ± ${fixed(r.recallSe, 2)}`,
      `${fixed(r.diversity, 2)} ± ${fixed(r.diversitySe, 2)}`]),
    realDiversity: mean(realDiv), realDiversitySe: se(realDiv),
    own,
    accGain: lastRow.accuracy - first.accuracy,
    torch: { version: torchRef.versions.torch },
    figSchedules: scheduleFigure(lin, cos),
    figForward: pointPanels(forward),
    figReverse: pointPanels(rev.path.map((p) => ({
      label: `t = ${p.t}`, X: p.x }))),
    figFree: imageGrid([
      ...Array.from({ length: 10 }, (_, c) => ({
        data: toPixels(realBy[c].data.subarray(0, 64)) })),
      ...Array.from({ length: 40 }, (_, i) => ({
        data: toPixels(free.data.subarray(64 * i, 64 * i + 64)) })),
    ], { cols: 10, pixels: 8, side: 34, labelWidth: 74,
      rowLabels: ['data', 'samples', '', '', ''] }),
    figGuided: imageGrid(grids.flat().map((data) => ({ data })), {
      cols: 10, pixels: 8, side: 34, labelWidth: 64,
      rowLabels: SETUP.scales.map((s) => `s = ${s}`) }),
    figSweep: sweepFigure(sweep),
  };
}

export default cached('diffusion-models', compute, {
  reason: 'trains four small networks and draws 1,200 guided digit ' +
    'samples of 50 steps each (a classifier backward pass a step)',
});
