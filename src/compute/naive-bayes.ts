// Build-time computation of "Naive Bayes": its figures, the data of its
// interactive demo and every number its prose shows, computed by the
// chapter's code (code/naive-bayes) and cached (see src/lib/cache.ts).
// Colour is always paired with a symbol, a dash pattern, a boundary
// line or a direct label.
import { cached } from '../lib/cache.ts';
import { sci } from '../lib/format.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/naive-bayes/sklearn.json' with {
  type: 'json',
};
import { loadIris } from '../../code/calculus/iris.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { bernoulliJll, fitBernoulliNB } from '../../code/naive-bayes/bernoulli.ts';
import { drivers, explainWord } from '../../code/naive-bayes/explain.ts';
import {
  fitGaussianNB,
  gaussianJll,
  largestVariance,
  type GaussianNB,
} from '../../code/naive-bayes/gaussian.ts';
import {
  MICROMETRES,
  SCALE_SMOOTHING,
  columns,
  irisStudy,
  looErrors,
} from '../../code/naive-bayes/iris.ts';
import { pairedDifference } from '../../code/k-nearest-neighbors/real-data.ts';
import {
  buildVocabulary,
  countNgrams,
} from '../../code/naive-bayes/ngrams.ts';
import {
  languageData,
  languageStudy,
} from '../../code/naive-bayes/language.ts';
import {
  fitMultinomialNB,
  multinomialJll,
} from '../../code/naive-bayes/multinomial.ts';
import { argmaxRows, logPosterior } from '../../code/naive-bayes/posterior.ts';
import { topLabel } from '../../code/naive-bayes/calibration.ts';
import { copiesStudy } from '../../code/naive-bayes/solutions/duplicated.ts';
import {
  fitTemperature,
  temperatureStudy,
} from '../../code/naive-bayes/solutions/temperature.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sk = skRaw as any;

/** Figures are drawn 520 px wide with 16 px text, so that on a 390 px
 *  phone (a 358 px column) the text is still 11 px. */
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };

const SPECIES = ['setosa', 'versicolor', 'virginica'];
const CLASS_STYLE = [
  { color: PALETTE[0], symbol: 'circle' },
  { color: PALETTE[1], symbol: 'square' },
  { color: PALETTE[2], symbol: 'triangle' },
] as const;

const iris = once(irisStudy);
const lang = once(languageStudy);
const words = once(() => languageData(1, 3));
const wordModel = once(() => fitMultinomialNB(words().XTrain,
  words().yTrain));

// ---------------------------------------------------------------------
// Figure 1: Gaussian NB on the petals, regions and class contours.

interface Grid { x0: number; x1: number; nx: number; y0: number;
  y1: number; ny: number }
const PETAL_GRID: Grid = { x0: 0.5, x1: 7.5, nx: 140, y0: -0.3, y1: 2.9,
  ny: 64 };

/** The predicted class at the centre of every grid cell, row 0 at the
 *  bottom. */
function gridLabels(model: GaussianNB, g: Grid): Int32Array {
  const Q = new Matrix(g.nx * g.ny, 2);
  for (let r = 0; r < g.ny; r++) {
    for (let c = 0; c < g.nx; c++) {
      Q.data[2 * (r * g.nx + c)] = g.x0 + (c + 0.5) * (g.x1 - g.x0) / g.nx;
      Q.data[2 * (r * g.nx + c) + 1] =
        g.y0 + (r + 0.5) * (g.y1 - g.y0) / g.ny;
    }
  }
  return argmaxRows(gaussianJll(model, Q));
}

/** Same-label runs of each grid row as rectangles, and the cell edges
 *  between different labels as segments. */
function regionMarks(labels: Int32Array, g: Grid) {
  const cw = (g.x1 - g.x0) / g.nx;
  const ch = (g.y1 - g.y0) / g.ny;
  const rects: Record<string, number>[] = [];
  const edges: Record<string, number>[] = [];
  const at = (r: number, c: number) => labels[r * g.nx + c];
  for (let r = 0; r < g.ny; r++) {
    let start = 0;
    for (let c = 1; c <= g.nx; c++) {
      if (c < g.nx && at(r, c) === at(r, start)) continue;
      rects.push({ x1: g.x0 + start * cw, x2: g.x0 + c * cw,
        y1: g.y0 + r * ch, y2: g.y0 + (r + 1) * ch, k: at(r, start) });
      start = c;
    }
    for (let c = 1; c < g.nx; c++) {
      if (at(r, c) === at(r, c - 1)) continue;
      const x = g.x0 + c * cw;
      edges.push({ x1: x, x2: x, y1: g.y0 + r * ch, y2: g.y0 + (r + 1) * ch });
    }
    if (r === 0) continue;
    for (let c = 0; c < g.nx; c++) {
      if (at(r, c) === at(r - 1, c)) continue;
      const y = g.y0 + r * ch;
      edges.push({ x1: g.x0 + c * cw, x2: g.x0 + (c + 1) * cw, y1: y, y2: y });
    }
  }
  return { rects, edges };
}

const petalModel = once(() => {
  const { X, y } = loadIris();
  return fitGaussianNB(columns(X, [2, 3]), y);
});

/** Axis-aligned ellipses (x−μ₁)²/σ₁² + (y−μ₂)²/σ₂² = r², r = 1, 2. */
function contours(m: GaussianNB) {
  const out: { x: number; y: number; c: number; r: number; id: string }[] =
    [];
  for (let c = 0; c < m.K; c++) {
    const [mx, my] = [m.theta.data[2 * c], m.theta.data[2 * c + 1]];
    const [sx, sy] = [Math.sqrt(m.variance.data[2 * c]),
      Math.sqrt(m.variance.data[2 * c + 1])];
    for (const r of [1, 2]) {
      for (let t = 0; t <= 72; t++) {
        const a = (2 * Math.PI * t) / 72;
        out.push({ x: mx + r * sx * Math.cos(a), y: my + r * sy * Math.sin(a),
          c, r, id: `${c}-${r}` });
      }
    }
  }
  return out;
}

function petalFigure(): string {
  const m = petalModel();
  const { X, y } = loadIris();
  const { rects, edges } = regionMarks(gridLabels(m, PETAL_GRID),
    PETAL_GRID);
  const points = Array.from(y, (c, i) => ({ x: X.get(i, 2),
    y: X.get(i, 3), name: SPECIES[c] }));
  const ring = contours(m);
  const names = [
    { x: 1.0, y: 0.75, text: 'setosa', anchor: 'start' },
    { x: 3.0, y: 2.1, text: 'versicolor', anchor: 'middle' },
    { x: 7.4, y: 1.25, text: 'virginica', anchor: 'end' },
  ];
  return renderPlot({
    width: WIDTH,
    height: 360,
    style: STYLE,
    marginLeft: 58,
    marginBottom: 44,
    x: { label: 'petal length (cm)', domain: [PETAL_GRID.x0, PETAL_GRID.x1],
      ticks: [1, 2, 3, 4, 5, 6, 7], labelAnchor: 'center',
      labelArrow: 'none' },
    y: { label: 'petal width (cm)', domain: [PETAL_GRID.y0, PETAL_GRID.y1],
      ticks: [0, 1, 2], labelAnchor: 'center', labelArrow: 'none' },
    color: { domain: [0, 1, 2], range: CLASS_STYLE.map((s) => s.color) },
    symbol: { domain: SPECIES, range: CLASS_STYLE.map((s) => s.symbol) },
    marks: [
      Plot.rect(rects, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'k',
        fillOpacity: 0.18 }),
      Plot.link(edges, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2',
        stroke: 'currentColor', strokeWidth: 1 }),
      ...[1, 2].map((r) => Plot.line(ring.filter((p) => p.r === r), {
        x: 'x', y: 'y', z: 'id', stroke: 'currentColor', strokeWidth: 1.4,
        strokeDasharray: r === 1 ? undefined : '5,4' })),
      Plot.dot(points, { x: 'x', y: 'y', symbol: 'name',
        stroke: (d) => CLASS_STYLE[SPECIES.indexOf(d.name)].color,
        fill: (d) => CLASS_STYLE[SPECIES.indexOf(d.name)].color,
        fillOpacity: 0.5, r: 3.2, strokeWidth: 1.2 }),
      ...(['start', 'middle', 'end'] as const).map((anchor) => Plot.text(
        names.filter((d) => d.anchor === anchor), { x: 'x', y: 'y',
          text: 'text', textAnchor: anchor, fill: 'currentColor',
          fontWeight: 'bold', stroke: 'var(--plot-background)',
          strokeWidth: 4, paintOrder: 'stroke' })),
    ],
  });
}

// ---------------------------------------------------------------------
// Figure 2: reliability diagrams of the language models.

function wilson(share: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const q = 1 + (z * z) / n;
  const mid = (share + (z * z) / (2 * n)) / q;
  const half = (z / q) *
    Math.sqrt((share * (1 - share)) / n + (z * z) / (4 * n * n));
  return [mid - half, mid + half];
}

const RANGE_STYLE = [
  { color: PALETTE[0], symbol: 'circle', dash: '6,4' },
  { color: PALETTE[3], symbol: 'square', dash: '2,3' },
  { color: PALETTE[4], symbol: 'triangle', dash: undefined },
] as const;

function reliabilityFigure(): string {
  const s = lang();
  const marks = s.byRange.flatMap((row, i) => {
    const st = RANGE_STYLE[i];
    const pts = Array.from(row.curve.probPred, (x, b) => ({ x,
      y: row.curve.probTrue[b], n: row.curve.counts[b] }));
    return [
      Plot.line(pts, { x: 'x', y: 'y', stroke: st.color, strokeWidth: 2,
        strokeDasharray: st.dash }),
      Plot.dot(pts, { x: 'x', y: 'y', symbol: () => st.symbol,
        fill: st.color, r: 4.5 }),
      ...(i === 2 ? [Plot.ruleX(pts.map((p) => {
        const [lo, hi] = wilson(p.y, p.n);
        return { x: p.x, lo, hi };
      }), { x: 'x', y1: 'lo', y2: 'hi', stroke: st.color,
      strokeWidth: 1.5, marker: 'tick' })] : []),
    ];
  });
  const legend = s.byRange.map((row, i) => ({ x: 0.6, y: 0.26 - 0.09 * i,
    label: row.nMax === 1 ? 'letters only' : `n-grams 1–${row.nMax}`,
    ...RANGE_STYLE[i] }));
  return renderPlot({
    width: 460,
    height: 400,
    style: STYLE,
    marginLeft: 58,
    marginBottom: 48,
    x: { domain: [0.2, 1], label: 'confidence (mean in the bin)',
      labelAnchor: 'center', labelArrow: 'none', ticks: 5 },
    y: { domain: [0, 1], label: 'accuracy in the bin',
      labelAnchor: 'center', labelArrow: 'none', ticks: 5 },
    marks: [
      Plot.line([{ x: 0.2, y: 0.2 }, { x: 1, y: 1 }], { x: 'x', y: 'y',
        stroke: 'currentColor', strokeDasharray: '4,4',
        strokeOpacity: 0.6 }),
      ...marks,
      Plot.dot(legend, { x: 'x', y: 'y', symbol: 'symbol', fill: 'color',
        r: 4.5 }),
      Plot.text(legend, { x: 'x', y: 'y', text: 'label', dx: 10,
        textAnchor: 'start', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Figure 3 (the demo's printed version): ten words and their posterior.

export const DEMO_WORD = 'farfalla';
const WORD_ROWS = [
  ['butterfly', 0], ['papillon', 1], ['schmetterling', 2],
  ['mariposa', 3], ['farfalla', 4],
  ['probability', 0], ['probabilité', 1], ['wahrscheinlichkeit', 2],
  ['probabilidad', 3], ['probabilità', 4],
] as const;

function wordTable() {
  const D = words();
  const m = wordModel();
  return WORD_ROWS.map(([w, truth]) => {
    const e = explainWord(m, D.vocab, w);
    const post = Array.from(e.logPost, Math.exp);
    const best = post.indexOf(Math.max(...post));
    return { word: w, truth, best, post, inSample: D.wordsTrain.includes(w) ||
      D.wordsTest.includes(w) };
  });
}

function wordFigure(): string {
  const D = words();
  const rows = wordTable();
  const cells = rows.flatMap((r) => r.post.map((p, c) => ({
    word: r.word, lang: D.names[c], p, truth: c === r.truth,
    text: p >= 0.995 ? '100' : p < 0.005 ? '0' : (100 * p).toFixed(0),
  })));
  return renderPlot({
    width: WIDTH,
    height: 450,
    style: STYLE,
    marginLeft: 170,
    marginTop: 64,
    marginBottom: 10,
    x: { domain: D.names, axis: 'top', label: null, tickSize: 0,
      tickRotate: -30 },
    y: { domain: rows.map((r) => r.word), label: null, tickSize: 0 },
    color: { type: 'linear', domain: [0, 1], range: ['#ffffff', PALETTE[0]] },
    marks: [
      Plot.cell(cells, { x: 'lang', y: 'word', fill: 'p', inset: 1 }),
      // the frame: dark inside (seen on light cells), and the page's
      // text colour outside (seen against a light or a dark page)
      Plot.cell(cells.filter((d) => d.truth), { x: 'lang', y: 'word',
        stroke: '#111', strokeWidth: 2.5, inset: 2 }),
      Plot.cell(cells.filter((d) => d.truth), { x: 'lang', y: 'word',
        stroke: 'currentColor', strokeWidth: 1.5, inset: -0.5 }),
      Plot.text(cells, { x: 'lang', y: 'word', text: 'text',
        fill: (d) => d.p > 0.55 ? 'white' : 'black' }),
    ],
  });
}

/** The demo's printed version: log P(language | word) as bars, each
 *  labelled with its probability. */
function demoFallback(): string {
  const d = demoWord();
  const names = words().names;
  const rows = names.map((name, c) => {
    const p = d.post[c];
    const label = p >= 0.9995 ? '>99.9%' : p < 0.0005
      ? `${sci(100 * p, 1)}%` : `${(100 * p).toFixed(1)}%`;
    return { name: `${name} ${label}`, lp: Math.log(p) };
  });
  const low = Math.min(...rows.map((r) => r.lp));
  return renderPlot({
    width: WIDTH,
    height: 250,
    style: STYLE,
    marginLeft: 175,
    marginRight: 20,
    marginBottom: 48,
    x: { domain: [Math.floor(low) - 1, 0], label:
      `log P(language | ${d.word})`, labelAnchor: 'center',
    labelArrow: 'none' },
    y: { domain: rows.map((r) => r.name), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, { x1: 'lp', x2: 0, y: 'name', fill: PALETTE[0],
        fillOpacity: 0.7 }),
      Plot.ruleX([0], { stroke: 'currentColor' }),
    ],
  });
}

/** What the browser demo needs: the training words and their labels. */
function demoData() {
  const D = words();
  return { words: D.wordsTrain, y: Array.from(D.yTrain), names: D.names,
    nMin: D.vocab.nMin, nMax: D.vocab.nMax };
}

/** The example word of the demo, explained at build time. */
function demoWord() {
  const D = words();
  const e = explainWord(wordModel(), D.vocab, DEMO_WORD);
  const order = Array.from(e.logPost.keys()).sort((a, b) =>
    e.logPost[b] - e.logPost[a]);
  return { word: DEMO_WORD, post: Array.from(e.logPost, Math.exp),
    jll: Array.from(e.jll), best: order[0], second: order[1],
    drivers: drivers(e, order[0], order[1], 5), grams: e.grams.length,
    // the three strongest, the padding space shown as ␣
    topGrams: drivers(e, order[0], order[1], 3).map((g) =>
      g.gram.replaceAll(' ', '␣')),
    unseen: e.unseen };
}

// ---------------------------------------------------------------------
// The comparison with scikit-learn, for the table.

function agreement() {
  const { X, y } = loadIris();
  let gaussWorst = 0;
  for (const f of sk.iris.fits) {
    if (!f.jll) continue;
    const m = fitGaussianNB(X, y, f.options.var_smoothing
      ? { varSmoothing: f.options.var_smoothing } : {});
    const J = gaussianJll(m, X).data;
    J.forEach((v, t) => { gaussWorst = Math.max(gaussWorst,
      Math.abs(v - f.jll[t]) / Math.abs(f.jll[t])); });
  }
  const D = words();
  const rows = Array.from({ length: D.yTest.length }, (_, i) => i)
    .filter((i) => i % sk.words.test_step === 0);
  const worst = (J: Matrix, ref: number[]) => {
    let w = 0;
    rows.forEach((i, k) => {
      for (let c = 0; c < J.cols; c++) {
        const e = ref[k * J.cols + c];
        w = Math.max(w, Math.abs(J.data[i * J.cols + c] - e) / Math.abs(e));
      }
    });
    return w;
  };
  const lpWorst = (J: Matrix, ref: number[]) => {
    const L = logPosterior(J);
    let w = 0;
    rows.forEach((i, k) => {
      for (let c = 0; c < J.cols; c++) {
        const e = ref[k * J.cols + c];
        w = Math.max(w, Math.abs(L.data[i * J.cols + c] - e) /
          Math.max(1, Math.abs(e)));
      }
    });
    return w;
  };
  const Jm = multinomialJll(wordModel(), D.XTest);
  const Jb = bernoulliJll(fitBernoulliNB(D.XTrain, D.yTrain), D.XTest);
  const mf = sk.words.models.multinomial_alpha_1;
  const bf = sk.words.models.bernoulli_alpha_1;
  return {
    gaussJll: gaussWorst,
    multiJll: worst(Jm, mf.jll), multiLogProba: lpWorst(Jm, mf.log_proba),
    bernJll: worst(Jb, bf.jll), bernLogProba: lpWorst(Jb, bf.log_proba),
    rows: rows.length, columns: Math.ceil(D.vocab.terms.length /
      sk.words.column_step),
  };
}

// ---------------------------------------------------------------------

function irisNumbers() {
  const s = iris();
  const m = s.model;
  const { X, y } = loadIris();
  const roughest = s.sweep[s.sweep.length - 1].varSmoothing;
  return {
    oneFlower: 1 / s.n, nMinusOne: s.n - 1,
    // paired LOO errors: the roughest smoothing against the default
    roughVsDefault: points(pairedDifference(looErrors(X, y,
      { varSmoothing: roughest }), s.looErrors)),
    petalVsAllPts: points(s.petalVsAll),
    unitsDiffPts: points(s.units.diff),
    sepalVarGrowth: MICROMETRES ** 2,
    epsilonGrowth: s.units.epsilonUm / s.units.epsilonCm,
    epsilonUmRounded: Math.round(s.units.epsilonUm),
    n: s.n, d: s.d, resub: s.resub, loo: s.loo, looPetals: s.looPetals,
    petalVsAll: s.petalVsAll, correlation: s.correlation,
    sweep: s.sweep, units: s.units, epsilon: m.epsilon,
    unitsSmoothing: SCALE_SMOOTHING, micrometres: MICROMETRES,
    largestVar: largestVariance(X),
    theta: Array.from(m.theta.data), variance: Array.from(m.variance.data),
    petalTheta: Array.from(petalModel().theta.data),
    petalSd: Array.from(petalModel().variance.data, Math.sqrt),
  };
}

function langNumbers() {
  const s = lang();
  const strip = (t: { accuracy: number; meanConfidence: number;
    ece: number; logLoss: number; confidence: Float64Array;
    correct: Float64Array }) => {
    let sure = 0;
    let sureRight = 0;
    t.confidence.forEach((p, i) => {
      if (p > 0.99) { sure += 1; sureRight += t.correct[i]; }
    });
    return { accuracy: t.accuracy, meanConfidence: t.meanConfidence,
      ece: t.ece, logLoss: t.logLoss, sure, sureAccuracy: sureRight / sure,
      accuracySe: Math.sqrt(t.accuracy * (1 - t.accuracy) /
        t.correct.length) };
  };
  const D = words();
  const J = multinomialJll(wordModel(), D.XTest);
  let best = 0;
  for (let i = 0; i < J.rows; i++) {
    best += Math.max(...J.row(i)) / J.rows;
  }
  const perClass = Array.from(s.names, (_, c) =>
    D.yTest.filter((v) => v === c).length);
  const recallSe = s.recall.map((a, c) =>
    Math.sqrt(a * (1 - a) / perClass[c]));
  const tri = s.byRange[2];
  const triSe = Math.sqrt(tri.accuracy * (1 - tri.accuracy) / s.nTest);
  const bytes = (X: { indptr: Int32Array; indices: Int32Array;
    values: Float64Array }) => X.indptr.byteLength +
    X.indices.byteLength + X.values.byteLength;
  const errorsAt = (alpha: number) => topLabel(multinomialJll(
    fitMultinomialNB(D.XTrain, D.yTrain, { alpha }), D.XTest), D.yTest)
    .correct.map((v) => 1 - v);
  const err1 = errorsAt(1);
  return {
    nWords: s.nTrain + s.nTest,
    testPerLanguage: Math.min(...perClass),
    testBalanced: perClass.every((k) => k === perClass[0]),
    nnzPerWord: s.nnz / s.nTrain,
    denseMB: s.nTrain * s.d * 8 / 1e6,
    csrMB: bytes(D.XTrain) / 1e6,
    gapInSe: (tri.meanConfidence - tri.accuracy) / triSe,
    gramsGainPts: points(s.gramsVsUnigrams, -1),
    bernGainPts: points(s.bernVsMulti, -1),
    // n-grams 1–3 against 1–2, paired over the test words
    triVsBiAccPts: points(pairedDifference(errors(s.byRange[1]),
      errors(tri))),
    triVsBiLogLoss: pairedDifference(wordLogLoss(1, 3),
      wordLogLoss(1, 2)),
    // the accuracy at α = 3 and 10 against α = 1 (points, paired)
    alpha3Pts: points(pairedDifference(errorsAt(3), err1)),
    alpha10Pts: points(pairedDifference(errorsAt(10), err1)),
    // log-loss at α = 3 minus at α = 1, paired
    alpha3LogLoss: pairedDifference(wordLogLoss(1, 3, 3),
      wordLogLoss(1, 3, 1)),
    names: s.names, nTrain: s.nTrain, nTest: s.nTest, d: s.d, nnz: s.nnz,
    perLanguage: (s.nTrain + s.nTest) / s.names.length,
    gramsPerWord: D.XTest.values.reduce((a, v) => a + v, 0) / J.rows,
    bestJ: best, minDouble: Number.MIN_VALUE,
    bestP: 10 ** Math.round(best / Math.LN10),
    recallSePtsMin: 100 * Math.min(...recallSe),
    recallSePtsMax: 100 * Math.max(...recallSe),
    accuracySePts: 100 * triSe,
    byRange: s.byRange.map((r) => ({ nMax: r.nMax, d: r.d, ...strip(r) })),
    bern: strip(s.bern), bernVsMulti: s.bernVsMulti,
    gramsVsUnigrams: s.gramsVsUnigrams, recall: s.recall, alphas: s.alphas,
    zeroAlpha: s.zeroAlpha, underflow: s.underflow,
    logMin: Math.log(Number.MIN_VALUE),
  };
}

/** −log P(y_i | x_i) of every test word, n-grams nMin..nMax. */
function wordLogLoss(nMin: number, nMax: number, alpha = 1) {
  const D = languageData(nMin, nMax);
  const L = logPosterior(multinomialJll(fitMultinomialNB(D.XTrain,
    D.yTrain, { alpha }), D.XTest));
  return Float64Array.from(D.yTest, (c, i) => -L.data[i * L.cols + c]);
}

/** 1 where a top-label result is wrong. */
function errors(t: { correct: Float64Array }) {
  return t.correct.map((v) => 1 - v);
}

/** A paired difference in percentage points, times sign. */
function points(p: { mean: number; se: number }, sign = 1) {
  return { mean: 100 * sign * p.mean, se: 100 * p.se };
}

/** The temperature T = 1/s of the exercise's study, for the model with
 *  n-grams nMin..nMax: fitted on two thirds of the training words, s
 *  chosen on the other third. */
function temperatureFor(nMin: number, nMax: number): number {
  const D = languageData(nMin, nMax);
  const ks = D.wordsTrain.map((_, k) => k);
  const fit = ks.filter((k) => k % 3 !== 2);
  const val = ks.filter((k) => k % 3 === 2);
  const vocab = buildVocabulary(fit.map((k) => D.wordsTrain[k]), nMin,
    nMax);
  const X = (idx: number[]) => countNgrams(idx.map((k) =>
    D.wordsTrain[k]), vocab);
  const model = fitMultinomialNB(X(fit), fit.map((k) => D.yTrain[k]));
  return 1 / fitTemperature(multinomialJll(model, X(val)),
    val.map((k) => D.yTrain[k]));
}

function temperatureNumbers() {
  const t = temperatureStudy();
  const pick = (u: typeof t.before) => ({ accuracy: u.accuracy,
    meanConfidence: u.meanConfidence, ece: u.ece, logLoss: u.logLoss });
  return { s: t.s, T: 1 / t.s, nFit: t.nFit, nVal: t.nVal,
    TLetters: temperatureFor(1, 1), TBigrams: temperatureFor(1, 2),
    before: pick(t.before), after: pick(t.after) };
}

export default cached('naive-bayes', () => ({
  petalFigure: petalFigure(),
  reliabilityFigure: reliabilityFigure(),
  wordFigure: wordFigure(),
  words: wordTable(),
  wordsWrong: wordTable().filter((w) => w.best !== w.truth)
    .map((w) => w.word),
  demo: demoData(),
  demoFallback: demoFallback(),
  demoWord: demoWord(),
  iris: irisNumbers(),
  lang: langNumbers(),
  agree: agreement(),
  copies: copiesStudy([1, 2, 4, 8]),
  temperature: temperatureNumbers(),
  versions: sk.versions,
}));
