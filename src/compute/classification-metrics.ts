// Build-time computation of "Classification metrics": its figures and
// every number its prose shows, computed by its code and cached (see
// src/lib/cache.ts). Colour is always paired with a dash pattern or a
// marker shape, so print and colour-blind readers lose nothing. Each
// study runs once per build: the prose and the figures share it.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { fixed, int, percent, sci } from '../lib/format.ts';
import sk from '../../tests/fixtures/classification-metrics/sklearn.json' with {
  type: 'json',
};
import { normalProbability } from '../../code/introduction/stats.ts';
import { fitBreastCancer } from '../../code/logistic-regression/breast-cancer.ts';
import {
  COST_FN,
  COST_FP,
  aucInterval,
  evaluateBreastCancer,
} from '../../code/classification-metrics/breast-cancer.ts';
import {
  accuracyOfCounts,
  confusionCounts,
  fBetaOf,
  precisionOf,
  predictAt,
  recallOf,
  type Counts,
} from '../../code/classification-metrics/confusion.ts';
import {
  REPLICATE,
  SCREENING_PREVALENCE,
  imbalanceStudy,
  pairedStudy,
  penaltyStudy,
  toyStudy,
} from '../../code/classification-metrics/experiments.ts';
import { meanCost } from '../../code/classification-metrics/imbalance.ts';
import {
  LOG_LOSS_EPS,
  brierScore,
  logLoss,
} from '../../code/classification-metrics/log-loss.ts';
import {
  averagePrecision,
  prTrapezoid,
} from '../../code/classification-metrics/precision-recall.ts';
import { rocAuc } from '../../code/classification-metrics/roc.ts';
import { prAchievableArea } from
  '../../code/classification-metrics/solutions/pr-hyperbola.ts';
import { hanleyMcNeilSE } from
  '../../code/classification-metrics/solutions/hanley-mcneil.ts';
import { eceOfCalibrated } from
  '../../code/classification-metrics/solutions/ece.ts';
import { bootstrapStandardError } from '../../code/statistics/bootstrap.ts';

const toy = once(toyStudy);
const heldOut = once(() => evaluateBreastCancer());
const imbalance = once(() => imbalanceStudy());
const penalties = once(penaltyStudy);
const interval = once(() => {
  const e = heldOut();
  return aucInterval(e.y, e.p);
});

const UNIT = { domain: [0, 1] as [number, number], ticks: 5, grid: true };

// ---------------------------------------------------------------------
// The scores of the held-out masses, by class, with the two thresholds.

/** log(p / (1 − p)), the axis on which the scores spread out. */
function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}

function scoresFigure(): string {
  const e = heldOut();
  const pts = Array.from(e.p, (p, i) => ({
    z: logit(p),
    cls: e.y[i] === 1 ? 'malignant' : 'benign',
  }));
  const rules = [
    { z: 0, label: 't = ½', anchor: 'start' as const, dx: 4,
      dash: 'none' },
    { z: logit(e.tCost), label: `t* = ${fixed(e.tCost, 3)}`,
      anchor: 'end' as const, dx: -4, dash: '5,3' },
  ];
  return renderPlot({
    height: 250,
    marginLeft: 70,
    marginTop: 24,
    marginBottom: 48,
    x: { label: 'held-out score as log-odds, log(p / (1 − p))',
      labelAnchor: 'center', labelArrow: 'none', labelOffset: 42,
      grid: true },
    y: { axis: null },
    fy: { label: null, domain: ['benign', 'malignant'], axis: 'left' },
    symbol: { domain: ['benign', 'malignant'], range: ['circle', 'times'] },
    marks: [
      ...rules.map((r) => Plot.ruleX([r], { x: 'z', stroke: 'currentColor',
        strokeDasharray: r.dash, strokeOpacity: 0.8 })),
      ...rules.map((r) => Plot.text([{ ...r, cls: 'benign' }], { x: 'z',
        fy: 'cls', text: 'label', frameAnchor: 'top', dy: -14, dx: r.dx,
        textAnchor: r.anchor, fill: 'currentColor' })),
      Plot.dot(pts, Plot.dodgeY('middle', {
        x: 'z', fy: 'cls', symbol: 'cls', r: 2.6,
        stroke: (d: { cls: string }) =>
          d.cls === 'malignant' ? PALETTE[4] : PALETTE[0],
      })),
    ],
  });
}

// ---------------------------------------------------------------------
// The toy ROC curve on its grid of P × N cells.

function toyRocFigure(): string {
  const t = toy();
  const { P, N } = t.ranked;
  const pts = Array.from(t.roc.fpr, (x, k) => ({
    x, y: t.roc.tpr[k],
    label: k === 0 ? '' : `${t.roc.thresholds[k]}`,
    below: false, // label below the point, clear of a tie segment
  }));
  // a segment that moves both ways is a tie of a positive and a negative
  const ties = pts.slice(1).flatMap((p, k) => {
    const q = pts[k];
    return p.x > q.x && p.y > q.y ? [[q, p]] : [];
  });
  for (const [q] of ties) q.below = true;
  const gridX = Array.from({ length: N + 1 }, (_, k) => k / N);
  const gridY = Array.from({ length: P + 1 }, (_, k) => k / P);
  return renderPlot({
    height: 340,
    marginRight: 30,
    marginLeft: 56,
    x: { domain: [0, 1], label: `false positive rate (steps of 1/N = 1/${N})`,
      labelAnchor: 'center', labelArrow: 'none', ticks: gridX,
      tickFormat: (v: number) => `${Math.round(v * N)}/${N}` },
    y: { domain: [0, 1], label: `true positive rate (steps of 1/P = 1/${P})`,
      labelAnchor: 'center', labelArrow: 'none', ticks: gridY,
      tickFormat: (v: number) => `${Math.round(v * P)}/${P}` },
    marks: [
      Plot.ruleX(gridX, { stroke: 'currentColor', strokeOpacity: 0.15 }),
      Plot.ruleY(gridY, { stroke: 'currentColor', strokeOpacity: 0.15 }),
      Plot.area(pts, { x1: 'x', y1: 0, y2: 'y', fill: PALETTE[0],
        fillOpacity: 0.15 }),
      Plot.line(pts, { x: 'x', y: 'y', stroke: PALETTE[0],
        strokeWidth: 2 }),
      // butt caps: round caps of width 3 would close the gaps
      ...ties.map((seg) => Plot.line(seg, { x: 'x', y: 'y',
        stroke: PALETTE[4], strokeWidth: 3, strokeDasharray: '6,5',
        strokeLinecap: 'butt' })),
      Plot.dot(pts, { x: 'x', y: 'y', fill: PALETTE[0], r: 3 }),
      Plot.text(pts.filter((p) => p.x < 0.9 && !p.below), { x: 'x',
        y: 'y', text: 'label', dx: 6, dy: -9, textAnchor: 'start',
        fill: 'currentColor' }),
      Plot.text(pts.filter((p) => p.x < 0.9 && p.below), { x: 'x',
        y: 'y', text: 'label', dx: 6, dy: 12, textAnchor: 'start',
        fill: 'currentColor' }),
      Plot.text(pts.filter((p) => p.x >= 0.9), { x: 'x', y: 'y',
        text: 'label', dx: -6, dy: -9, textAnchor: 'end',
        fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The ROC curve of the held-out masses.

function rocFigure(): string {
  const e = heldOut();
  const pts = Array.from(e.roc.fpr, (x, k) => ({ x, y: e.roc.tpr[k] }));
  const rate = (c: typeof e.atHalf) => ({
    x: c.fp / (c.fp + c.tn), y: c.tp / (c.tp + c.fn),
  });
  const marked = [
    { ...rate(e.atHalf), label: 't = ½', symbol: 'circle' },
    { ...rate(e.atCost), label: `t* = ${fixed(e.tCost, 3)}`,
      symbol: 'diamond' },
  ];
  return renderPlot({
    height: 360,
    x: { ...UNIT, label: 'false positive rate (benign called malignant)',
      labelAnchor: 'center', labelArrow: 'none' },
    y: { ...UNIT, label: 'true positive rate (recall)',
      labelAnchor: 'center', labelArrow: 'none' },
    marks: [
      Plot.line([{ x: 0, y: 0 }, { x: 1, y: 1 }], { x: 'x', y: 'y',
        stroke: 'currentColor', strokeDasharray: '4,4',
        strokeOpacity: 0.6 }),
      Plot.text([{ x: 0.62, y: 0.56 }], { x: 'x', y: 'y',
        text: () => 'random scores', rotate: -29, fill: 'currentColor' }),
      Plot.area(pts, { x1: 'x', y1: 0, y2: 'y', fill: PALETTE[0],
        fillOpacity: 0.1 }),
      Plot.line(pts, { x: 'x', y: 'y', stroke: PALETTE[0],
        strokeWidth: 2.2 }),
      Plot.dot(marked, { x: 'x', y: 'y', symbol: 'symbol', r: 5,
        stroke: PALETTE[4], strokeWidth: 2, fill: 'none' }),
      Plot.text(marked, { x: 'x', y: 'y', text: 'label', dx: 10,
        dy: 12, textAnchor: 'start', fill: 'currentColor' }),
      Plot.text([{ x: 0.5, y: 0.25 }], { x: 'x', y: 'y',
        text: () => `AUC = ${fixed(e.auc, 3)}`, fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The precision–recall curves: the test set as it is and with every
// benign mass replicated.

function prFigure(): string {
  const st = imbalance();
  const curves = [
    { name: `test set, π = ${fixed(st.pi, 2)}`, pr: st.e.pr, pi: st.pi,
      color: PALETTE[0], dash: 'none' },
    { name: `benign ×${REPLICATE}, π = ${fixed(st.piRep, 3)}`,
      pr: st.prRep, pi: st.piRep,
      color: PALETTE[4], dash: '7,3' },
  ];
  const marks = curves.flatMap((c, i) => {
    // increasing recall; the step takes each point's precision leftwards
    const pts = Array.from(c.pr.recall, (r, k) => ({
      r, p: c.pr.precision[k],
    })).reverse();
    return [
      Plot.ruleY([c.pi], { stroke: c.color, strokeDasharray: '2,3',
        strokeOpacity: 0.9 }),
      Plot.line(pts, { x: 'r', y: 'p', curve: 'step-before',
        stroke: c.color, strokeWidth: 2, strokeDasharray: c.dash }),
      Plot.dot([pts[pts.length - 1]], { x: 'r', y: 'p',
        symbol: i === 0 ? 'circle' : 'square', fill: c.color, r: 4 }),
      Plot.text([{ r: 0.02, p: c.pi }], { x: 'r', y: 'p',
        text: () => `baseline π = ${fixed(c.pi, 3)}`, dy: -7,
        textAnchor: 'start', fill: 'currentColor' }),
      Plot.text([{ r: 0.02, p: i === 0 ? 0.93 : 0.86 }], { x: 'r',
        y: 'p', text: () => `${c.name}, AP = ${fixed(
          i === 0 ? st.e.ap : st.apRep, 3)}`, textAnchor: 'start',
        fill: c.color, fontWeight: 'bold' }),
    ];
  });
  return renderPlot({
    height: 360,
    x: { ...UNIT, label: 'recall', labelAnchor: 'center',
      labelArrow: 'none' },
    y: { domain: [0, 1.02], ticks: 5, grid: true, label: 'precision',
      labelAnchor: 'center', labelArrow: 'none' },
    marks,
  });
}

// ---------------------------------------------------------------------
// Reliability diagrams of three penalties.

const PENALTY_STYLE = [
  { color: PALETTE[4], dash: '7,3', symbol: 'triangle' },
  { color: PALETTE[0], dash: 'none', symbol: 'circle' },
  { color: PALETTE[2], dash: '2,3', symbol: 'square' },
] as const;

/** The 95% Wilson interval for a share k/n: how far a bin's fraction
 *  can be trusted (wide for the bins that hold a handful of masses). */
function wilson(share: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const q = 1 + (z * z) / n;
  const mid = (share + (z * z) / (2 * n)) / q;
  const half = (z / q) *
    Math.sqrt((share * (1 - share)) / n + (z * z) / (4 * n * n));
  return [mid - half, mid + half];
}

function calibrationFigure(): string {
  const rows = penalties();
  const marks = rows.flatMap((row, i) => {
    const s = PENALTY_STYLE[i];
    const c = row.e.calibration;
    const pts = Array.from(c.probPred, (x, b) => ({
      x, y: c.probTrue[b], n: c.counts[b],
    }));
    return [
      Plot.line(pts, { x: 'x', y: 'y', stroke: s.color, strokeWidth: 2,
        strokeDasharray: s.dash }),
      Plot.dot(pts, { x: 'x', y: 'y', symbol: s.symbol, fill: s.color,
        r: 4.5 }),
      // λ = 1: Wilson intervals, how much each point is worth
      ...(row.lambda_ === 1 ? [Plot.ruleX(pts.map((p) => {
        const [lo, hi] = wilson(p.y, p.n);
        return { x: p.x, lo, hi };
      }), { x: 'x', y1: 'lo', y2: 'hi', stroke: s.color,
      strokeWidth: 1.5, marker: 'tick' })] : []),
    ];
  });
  const legend = rows.map((row, i) => ({
    x: 0.74, y: 0.3 - 0.08 * i, label: `λ = ${row.lambda_}`,
    ...PENALTY_STYLE[i],
  }));
  return renderPlot({
    height: 380,
    width: 460,
    x: { ...UNIT, label: 'mean predicted probability in the bin',
      labelAnchor: 'center', labelArrow: 'none' },
    y: { ...UNIT, label: 'fraction malignant in the bin',
      labelAnchor: 'center', labelArrow: 'none' },
    marks: [
      Plot.line([{ x: 0, y: 0 }, { x: 1, y: 1 }], { x: 'x', y: 'y',
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
// The numbers of the prose and the rows of its tables.

type Case = { y: number[]; scores: number[] } & Record<string, unknown>;

/** |a − b| / |b|, 0 when equal. */
function rel(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.abs(b);
}

/** The comparison with scikit-learn: rows of the table and the worst
 *  relative difference of a scalar metric. */
function library() {
  const bc = sk.breast_cancer as unknown as Case;
  const tied = sk.tied as unknown as Case;
  const f1 = (c: Case) =>
    fBetaOf(confusionCounts(c.y, predictAt(c.scores, 0.5)));
  const metrics: [string, (c: Case) => number, (c: Case) => number][] = [
    ['ROC AUC', (c) => rocAuc(c.y, c.scores), (c) => c.roc_auc as number],
    ['average precision', (c) => averagePrecision(c.y, c.scores),
      (c) => c.average_precision as number],
    ['trapezoid under PR', (c) => prTrapezoid(c.y, c.scores),
      (c) => c.pr_trapezoid as number],
    ['log-loss', (c) => logLoss(c.y, c.scores), (c) => c.log_loss as number],
    ['Brier score', (c) => brierScore(c.y, c.scores),
      (c) => c.brier as number],
    ['F₁ at ½', f1, (c) => (c.at_half as { f1: number }).f1],
  ];
  const cases: [string, Case][] = [
    ['breast cancer (sklearn model, in-sample)', bc], ['tied', tied],
  ];
  let worst = 0;
  const rows = metrics.flatMap(([name, ours, theirs]) =>
    cases.map(([data, c]) => {
      const [a, b] = [ours(c), theirs(c)];
      const d = rel(a, b);
      worst = Math.max(worst, d);
      return [name, data, fixed(a, 15), fixed(b, 15),
        d === 0 ? '0' : sci(d, 2)];
    }));
  const curveCases = [sk.tied, sk.continuous, sk.breast_cancer,
    ...Object.values(sk.edge)] as unknown as {
      roc: { fpr: number[] }; roc_all: { fpr: number[] };
      pr: { recall: number[] };
    }[];
  let curveValues = 0;
  for (const c of curveCases) {
    curveValues += 3 * (c.roc.fpr.length + c.roc_all.fpr.length) +
      3 * c.pr.recall.length;
  }
  return {
    rows, nBc: bc.y.length, worst, worstUlps: Math.round(worst / Number.EPSILON),
    curveCases: curveCases.length, curveValues,
    nEdge: Object.keys(sk.edge).length,
    nTiedScores: new Set(tied.scores).size,
    maxTerms: sk.breast_cancer.pr.recall.length - 1,
    f1AllTied: String(sk.edge.all_tied.at_half.f1),
    versions: sk.versions,
  };
}

/** The rows of the table of the two decision rules. */
function rulesTable(half: Counts, cost: Counts): string[][] {
  const rows: [string, (c: Counts) => string][] = [
    ['true positives (cancers found)', (c) => int(c.tp)],
    ['false negatives (cancers missed)', (c) => int(c.fn)],
    ['false positives (needless biopsies)', (c) => int(c.fp)],
    ['true negatives', (c) => int(c.tn)],
    ['accuracy', (c) => percent(accuracyOfCounts(c))],
    ['precision', (c) => fixed(precisionOf(c), 3)],
    ['recall', (c) => fixed(recallOf(c), 3)],
    ['F₁', (c) => fixed(fBetaOf(c), 3)],
    ['mean cost per mass', (c) => fixed(meanCost(c, COST_FP, COST_FN), 3)],
  ];
  return rows.map(([name, f]) => [name, f(half), f(cost)]);
}

const ECE_SEEDS = 100;
const ECE_BINS = 10;

/** Mean ECE of a calibrated model over seeds, at three sizes. */
function eceStudy() {
  return [50, 500, 5000].map((n) => {
    const v = eceOfCalibrated(n, ECE_SEEDS, ECE_BINS);
    let m = 0;
    for (const x of v) m += x / v.length;
    return { n, mean: m };
  });
}

/** Exercise 1: equal F₁, accuracies far apart. */
function exercise1() {
  const a = { tp: 1, fp: 1, fn: 0, tn: 0 };
  const b = { tp: 1, fp: 1, fn: 0, tn: 98 };
  return { a, b, f1a: fBetaOf(a), f1b: fBetaOf(b),
    acca: accuracyOfCounts(a), accb: accuracyOfCounts(b) };
}

/** Exercise 3: untied rankings, top-ranked negative and positive. */
function untiedExamples() {
  const s = [6, 5, 4, 3, 2, 1];
  return [[0, 1, 1, 0, 1, 0], [1, 0, 1, 0, 1, 0]].map((y) => ({
    y: y.join(', '),
    trapezoid: prTrapezoid(y, s), achievable: prAchievableArea(y, s),
  }));
}

export default cached('classification-metrics', () => {
  const t = toy();
  const e = heldOut();
  const st = imbalance();
  const ci = interval();
  const pen = penalties();
  const paired = pairedStudy();
  const tied = sk.tied as unknown as Case;
  let nMal = 0;
  for (const v of e.y) nMal += v;
  const nTest = e.y.length;
  const { P: toyP, N: toyN } = t.ranked;
  let onesInFit = 0;
  for (const p of fitBreastCancer().probabilities) if (p === 1) onesInFit++;
  const counts = (c: Counts) => ({ tp: c.tp, fp: c.fp, fn: c.fn, tn: c.tn });
  return {
    scoresFigure: scoresFigure(),
    toyRocFigure: toyRocFigure(),
    rocFigure: rocFigure(),
    prFigure: prFigure(),
    calibrationFigure: calibrationFigure(),
    testAccuracy: e.holdout.testAccuracy,
    nTest, nMal, nBen: nTest - nMal,
    half: counts(e.atHalf), cost: counts(e.atCost),
    harmonicExample: 2 / (1 / 1 + 1 / 0.1),
    arithmeticExample: (1 + 0.1) / 2,
    toy: {
      s: t.s.map((v) => fixed(v, 1)), y: t.y.map((v) => String(v)),
      n: t.s.length, P: toyP, N: toyN, half: counts(t.atHalf),
      accuracy: accuracyOfCounts(t.atHalf),
      precision: precisionOf(t.atHalf), recall: recallOf(t.atHalf),
      f1: fBetaOf(t.atHalf),
      U: t.pairs * toyP * toyN, cells: toyP * toyN, auc: t.auc, ap: t.ap,
    },
    phi1: normalProbability(-12, 1 / Math.SQRT2),
    phi2: normalProbability(-12, 2 / Math.SQRT2),
    tied: {
      trapezoid: tied.pr_trapezoid as number,
      ap: tied.average_precision as number,
      achievable: prAchievableArea(tied.y, tied.scores),
    },
    lossAt01: -Math.log(0.1), lossAt0001: -Math.log(0.001),
    eps: LOG_LOSS_EPS, clipCost: -Math.log(LOG_LOSS_EPS),
    costFN: COST_FN, costFP: COST_FP, tCost: e.tCost,
    rules: rulesTable(e.atHalf, e.atCost),
    auc: e.auc,
    ci: { lo: ci.lo, hi: ci.hi, width: ci.hi - ci.lo,
      se: bootstrapStandardError(ci.replicates),
      B: ci.replicates.length },
    hmSE: hanleyMcNeilSE(e.auc, nMal, nTest - nMal),
    boundSE: Math.sqrt(e.auc * (1 - e.auc) / Math.min(nMal, nTest - nMal)),
    ex1: exercise1(),
    untied: untiedExamples(),
    imbalance: {
      pi: st.pi, piRep: st.piRep, aucRep: st.aucRep, tpr: st.tpr,
      fpr: st.fpr, precision: precisionOf(e.atCost),
      precisionRep: precisionOf(st.counts), ap: st.e.ap, apRep: st.apRep,
      replicate: REPLICATE, screeningPrevalence: SCREENING_PREVALENCE,
      screening: st.screening,
      perCancer: Math.round(1 / st.screening),
    },
    lambdas: pen.map((p) => String(p.lambda_)),
    penaltyRows: pen.map((p) => [String(p.lambda_), percent(p.accuracy),
      fixed(p.e.auc, 4), fixed(p.e.ap, 4), fixed(p.e.logLoss, 4),
      fixed(p.e.brier, 4)]),
    binCounts: Array.from(e.calibration.counts, (c) => int(c)).join(', '),
    paired: {
      logLoss: paired.logLoss, top: paired.top,
      topShare: paired.topShare, pMin: paired.pMin,
      aucLo: paired.aucLo, aucHi: paired.aucHi, cost: paired.cost,
      unclipped: -Math.log(paired.pMin),
    },
    library: library(),
    onesInFit,
    oneMistake: 1 / nTest,
    ece: eceStudy(), eceSeeds: ECE_SEEDS, eceBins: ECE_BINS,
  };
});
