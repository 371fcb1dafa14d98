// Build-time figures of the classification-metrics chapter, computed by
// its code. Colour is always paired with a dash pattern or a marker
// shape, so print and colour-blind readers lose nothing. Each study runs
// once per build: the chapter and its figures share the results.
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { fixed } from '../lib/format.ts';
import {
  aucInterval,
  evaluateBreastCancer,
} from '../../code/classification-metrics/breast-cancer.ts';
import {
  REPLICATE,
  imbalanceStudy,
  penaltyStudy,
  toyStudy,
} from '../../code/classification-metrics/experiments.ts';


export const toy = once(toyStudy);
export const heldOut = once(() => evaluateBreastCancer());
export const imbalance = once(() => imbalanceStudy());
export const penalties = once(penaltyStudy);
export const interval = once(() => {
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

export function scoresFigure(): string {
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
    height: 230,
    marginLeft: 70,
    marginTop: 24,
    x: { label: 'held-out score as log-odds, log(p / (1 − p))',
      labelAnchor: 'center', labelArrow: 'none', grid: true },
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

export function toyRocFigure(): string {
  const t = toy();
  const { P, N } = t.ranked;
  const pts = Array.from(t.roc.fpr, (x, k) => ({
    x, y: t.roc.tpr[k],
    label: k === 0 ? '' : `${t.roc.thresholds[k]}`,
  }));
  // a segment that moves both ways is a tie of a positive and a negative
  const ties = pts.slice(1).flatMap((p, k) => {
    const q = pts[k];
    return p.x > q.x && p.y > q.y ? [[q, p]] : [];
  });
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
      ...ties.map((seg) => Plot.line(seg, { x: 'x', y: 'y',
        stroke: PALETTE[4], strokeWidth: 3, strokeDasharray: '5,3' })),
      Plot.dot(pts, { x: 'x', y: 'y', fill: PALETTE[0], r: 3 }),
      Plot.text(pts.filter((p) => p.x < 0.9), { x: 'x', y: 'y',
        text: 'label', dx: 6, dy: -9, textAnchor: 'start',
        fill: 'currentColor' }),
      Plot.text(pts.filter((p) => p.x >= 0.9), { x: 'x', y: 'y',
        text: 'label', dx: -6, dy: -9, textAnchor: 'end',
        fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The ROC curve of the held-out masses.

export function rocFigure(): string {
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

export function prFigure(): string {
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

export function calibrationFigure(): string {
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
    ];
  });
  const legend = rows.map((row, i) => ({
    x: 0.62, y: 0.3 - 0.08 * i, label: `λ = ${row.lambda_}`,
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
