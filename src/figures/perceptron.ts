// Build-time figures of "The perceptron", computed by its code: the
// boundary after each mistake on iris, Novikoff's bound against the
// mistakes actually made, and the pocket and averaged perceptron on the
// overlapping pair of species. Everything is deterministic.
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { powerOfTen } from '../lib/format.ts';
import type { LinearFit } from '../../code/linear-regression/model.ts';
import { unstandardize } from '../../code/linear-regression/scaling.ts';
import {
  overlappingIris,
  separableIris,
} from '../../code/perceptron/iris.ts';
import {
  augmentedRadius,
  margin,
  novikoffBound,
  separableData,
} from '../../code/perceptron/novikoff.ts';
import { perceptron } from '../../code/perceptron/train.ts';

type Box = { x: [number, number]; y: [number, number] };
type Pt = { x: number; y: number };

/** The runs on the separable iris pair, computed once per build. */
export const separableRuns = once(separableIris);

/** The runs on the overlapping iris pair, computed once per build. */
export const overlappingRuns = once(overlappingIris);

/** The part of w1 x + w2 y + b = 0 inside the box, or null. */
function clip(s: LinearFit, box: Box): [Pt, Pt] | null {
  const [w1, w2] = s.w;
  const pts: Pt[] = [];
  if (w2 !== 0) {
    for (const x of box.x) {
      const y = -(w1 * x + s.b) / w2;
      if (y >= box.y[0] && y <= box.y[1]) pts.push({ x, y });
    }
  }
  if (w1 !== 0) {
    for (const y of box.y) {
      const x = -(w2 * y + s.b) / w1;
      if (x >= box.x[0] && x <= box.x[1]) pts.push({ x, y });
    }
  }
  if (pts.length < 2) return null;
  // the two points farthest apart (corners can appear twice)
  let best: [Pt, Pt] = [pts[0], pts[1]];
  let far = -1; // squared distance of the best pair
  for (const a of pts) {
    for (const b of pts) {
      const d = (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
      if (d > far) [far, best] = [d, [a, b]];
    }
  }
  return best;
}

/** A short arrow from the segment's middle towards positive scores. */
function normalArrow(s: LinearFit, seg: [Pt, Pt], box: Box, len: number) {
  const rx = box.x[1] - box.x[0];
  const ry = box.y[1] - box.y[0];
  const gu = s.w[0] * rx; // the gradient in box-normalized coordinates
  const gv = s.w[1] * ry;
  const g = Math.hypot(gu, gv);
  const x1 = (seg[0].x + seg[1].x) / 2;
  const y1 = (seg[0].y + seg[1].y) / 2;
  return { x1, y1, x2: x1 + (len * gu * rx) / g, y2: y1 + (len * gv * ry) / g };
}

// ---------------------------------------------------------------------
// The boundary after each mistake.

const SEPAL_BOX: Box = { x: [4.1, 7.2], y: [1.8, 5.0] };
const COLS = 4;

/** Small multiples: the boundary (in cm) after each update. */
export function mistakesFigure(): string {
  const run = separableRuns();
  const cm = (s: LinearFit) => unstandardize(s, run.mean, run.scale);
  const hist = run.standardized.history;
  const panels = [...hist.map((_, k) => k), hist.length];
  const at = (p: number) => ({ col: p % COLS, row: Math.floor(p / COLS) });
  const points = panels.flatMap((p) =>
    Array.from(run.y, (label, i) => ({
      ...at(p), x: run.X.get(i, 0), y: run.X.get(i, 1), label,
    })));
  const segs: Record<string, number | string>[] = [];
  const arrows: Record<string, number>[] = [];
  const rings: Record<string, number>[] = [];
  const titles: Record<string, number | string>[] = [];
  hist.forEach((m, k) => {
    const seg = clip(cm(m), SEPAL_BOX);
    if (seg) {
      segs.push({ ...at(k), kind: 'now', x1: seg[0].x, y1: seg[0].y,
        x2: seg[1].x, y2: seg[1].y });
      arrows.push({ ...at(k), ...normalArrow(cm(m), seg, SEPAL_BOX, 0.1) });
    }
    const before = k > 0 ? clip(cm(hist[k - 1]), SEPAL_BOX) : null;
    if (before) {
      segs.push({ ...at(k), kind: 'before', x1: before[0].x,
        y1: before[0].y, x2: before[1].x, y2: before[1].y });
    }
    rings.push({ ...at(k), x: run.X.get(m.i, 0), y: run.X.get(m.i, 1) });
    titles.push({ ...at(k), text: `update ${k + 1} (pass ${m.epoch})` });
  });
  const last = panels.length - 1;
  hist.forEach((m, k) => {
    const seg = clip(cm(m), SEPAL_BOX);
    if (!seg) return;
    segs.push({ ...at(last), kind: `all${k}`, x1: seg[0].x, y1: seg[0].y,
      x2: seg[1].x, y2: seg[1].y, opacity: 0.15 + (0.85 * k) / hist.length });
  });
  titles.push({ ...at(last), text: 'all, faded by age' });
  const facet = { fx: 'col', fy: 'row' } as const;
  const link = (kind: (k: string) => boolean, style: object) =>
    Plot.link(segs.filter((s) => kind(s.kind as string)), {
      ...facet, x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', ...style,
    });
  return renderPlot({
    height: 470,
    marginLeft: 44,
    marginBottom: 40,
    marginTop: 8,
    fx: { axis: null, padding: 0.08 },
    fy: { axis: null, padding: 0.14 },
    x: { domain: SEPAL_BOX.x, label: 'sepal length (cm)',
      labelAnchor: 'center', labelArrow: 'none', ticks: [5, 6, 7] },
    y: { domain: SEPAL_BOX.y, label: 'sepal width (cm)',
      labelArrow: 'none', ticks: [2, 3, 4] },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.25 }),
      Plot.dot(points.filter((p) => p.label < 0), {
        ...facet, x: 'x', y: 'y', r: 1.8, fill: PALETTE[0],
        symbol: 'circle',
      }),
      Plot.dot(points.filter((p) => p.label > 0), {
        ...facet, x: 'x', y: 'y', r: 2.2, stroke: PALETTE[1],
        symbol: 'triangle', strokeWidth: 1.2,
      }),
      link((k) => k === 'before', {
        stroke: 'currentColor', strokeOpacity: 0.45,
        strokeDasharray: '3,3',
      }),
      link((k) => k === 'now', { stroke: 'currentColor', strokeWidth: 1.8 }),
      link((k) => k.startsWith('all'), {
        stroke: 'currentColor', strokeOpacity: 'opacity', strokeWidth: 1.2,
      }),
      Plot.arrow(arrows, {
        ...facet, x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2',
        stroke: PALETTE[4], strokeWidth: 1.6, headLength: 6,
      }),
      Plot.dot(rings, {
        ...facet, x: 'x', y: 'y', r: 6, stroke: PALETTE[4],
        strokeWidth: 1.8,
      }),
      Plot.text(titles, {
        ...facet, text: 'text', frameAnchor: 'top-left', dx: 4, dy: 4,
        fill: 'currentColor', fontSize: 10,
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// Novikoff's bound against the mistakes made.

/** The synthetic study: margins, seeds per margin, examples, dims. */
export const NOVIKOFF_SETUP = {
  gammas: [0.02, 0.03, 0.05, 0.1, 0.2, 0.3],
  seeds: 10,
  n: 200,
  d: 2,
};

let study: { gamma: number; bound: number; mistakes: number }[] | null =
  null;

/** Mistakes until separation and (R/γ)², for every margin and seed. */
export function novikoffStudy() {
  if (study) return study;
  const { gammas, seeds, n, d } = NOVIKOFF_SETUP;
  study = gammas.flatMap((gamma, g) =>
    Array.from({ length: seeds }, (_, s) => {
      const { X, y, u } = separableData(n, d, gamma, 1000 * g + s);
      const run = perceptron(X, y, { maxEpochs: 100_000 });
      // u's actual margin: at least γ, so a bound at least as tight
      const bound = novikoffBound(augmentedRadius(X), margin(X, y, u));
      return { gamma, bound, mistakes: run.mistakes };
    }));
  return study;
}

/** Mistakes against the bound, log-log, with the line y = x. */
export function novikoffFigure(): string {
  const rows = novikoffStudy();
  const lo = 5;
  const hi = 2e4;
  return renderPlot({
    marginBottom: 42,
    marginRight: 20,
    x: { type: 'log', domain: [lo, hi], label: 'Novikoff\'s bound (R/γ)²',
      labelAnchor: 'center', labelArrow: 'none', tickFormat: powerOfTen,
      ticks: [10, 100, 1000, 10000] },
    y: { type: 'log', domain: [1, hi], label: 'updates until separated',
      labelArrow: 'none', tickFormat: powerOfTen, grid: true,
      ticks: [1, 10, 100, 1000, 10000] },
    marks: [
      Plot.line([{ x: lo, y: lo }, { x: hi, y: hi }], {
        x: 'x', y: 'y', stroke: 'currentColor', strokeDasharray: '6,4',
      }),
      Plot.text([{ x: 3000, y: 3000 }], {
        x: 'x', y: 'y', text: () => 'updates = bound', dx: -6, dy: -10,
        textAnchor: 'end', rotate: 0, fill: 'currentColor',
      }),
      Plot.dot(rows, {
        x: 'bound', y: 'mistakes', stroke: PALETTE[0], r: 3.5,
        symbol: 'circle', strokeWidth: 1.5,
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// The overlapping pair: pocket and average against the last iterate.

/** Passes shown in the error trace. */
export const TRACE_PASSES = 12;

/** Training errors after each update: last, pocket and average. */
export function overlapTraceFigure(): string {
  const run = overlappingRuns();
  const n = run.y.length;
  const cut = (t: { visit: number }) => t.visit <= TRACE_PASSES * n;
  const series = (trace: typeof run.pocket.trace, key: 'last' | 'kept',
    name: string) => trace.filter(cut).map((t) => ({
    pass: t.visit / n, errors: t[key], name,
  }));
  const last = series(run.pocket.trace, 'last', 'last iterate');
  const pocket = series(run.pocket.trace, 'kept', 'pocket');
  const avg = series(run.averaged.trace, 'kept', 'average');
  const end = (data: typeof last, dy: number) =>
    Plot.text(data.slice(-1), {
      x: 'pass', y: 'errors', text: 'name', dx: 6, dy,
      textAnchor: 'start', fill: 'currentColor',
    });
  return renderPlot({
    marginRight: 90,
    marginBottom: 42,
    x: { label: 'passes over the 100 examples', labelAnchor: 'center',
      labelArrow: 'none', domain: [0, TRACE_PASSES] },
    y: { label: 'training errors (of 100)', labelArrow: 'none',
      grid: true, zero: true },
    marks: [
      Plot.line(last, { x: 'pass', y: 'errors', stroke: PALETTE[4],
        strokeWidth: 1.2, curve: 'step-after' }),
      Plot.dot(last, { x: 'pass', y: 'errors', fill: PALETTE[4], r: 2 }),
      Plot.line(avg, { x: 'pass', y: 'errors', stroke: PALETTE[2],
        strokeWidth: 2, strokeDasharray: '2,3', curve: 'step-after' }),
      Plot.line(pocket, { x: 'pass', y: 'errors', stroke: PALETTE[0],
        strokeWidth: 2.4, strokeDasharray: '8,4', curve: 'step-after' }),
      end(last, 0), end(pocket, -8), end(avg, 8),
    ],
  });
}

const PETAL_BOX: Box = { x: [2.8, 7.2], y: [0.9, 2.6] };

/** The overlapping pair in cm with the three final boundaries. */
export function overlapBoundaryFigure(): string {
  const run = overlappingRuns();
  const cm = (s: LinearFit) => unstandardize(s, run.mean, run.scale);
  const pts = Array.from(run.y, (label, i) => ({
    x: run.X.get(i, 0), y: run.X.get(i, 1), label,
  }));
  const fits = [
    { name: 'last', s: cm(run.pocket.last), dash: '2,3', color: PALETTE[4] },
    { name: 'pocket', s: cm(run.pocket.pocket), dash: '8,4',
      color: PALETTE[0] },
    { name: 'average', s: cm(run.averaged.averaged), dash: 'none',
      color: PALETTE[2] },
  ];
  const lines = fits.flatMap((f) => {
    const seg = clip(f.s, PETAL_BOX);
    return seg ? [{ ...f, seg }] : [];
  });
  const right = (f: (typeof lines)[number]) =>
    f.seg[0].x > f.seg[1].x ? f.seg[0] : f.seg[1];
  return renderPlot({
    marginBottom: 42,
    marginTop: 24,
    marginRight: 64,
    x: { domain: PETAL_BOX.x, label: 'petal length (cm)',
      labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: PETAL_BOX.y, label: 'petal width (cm)', labelArrow: 'none' },
    marks: [
      Plot.dot(pts.filter((p) => p.label < 0), {
        x: 'x', y: 'y', r: 3, stroke: PALETTE[0], symbol: 'circle',
      }),
      Plot.dot(pts.filter((p) => p.label > 0), {
        x: 'x', y: 'y', r: 3.4, stroke: PALETTE[1], symbol: 'triangle',
      }),
      ...lines.map((f) => Plot.link([f.seg], {
        x1: (d: Pt[]) => d[0].x, y1: (d: Pt[]) => d[0].y,
        x2: (d: Pt[]) => d[1].x, y2: (d: Pt[]) => d[1].y,
        stroke: f.color, strokeWidth: 2.2, strokeDasharray: f.dash,
      })),
      Plot.text(lines.map((f) => ({ ...right(f), name: f.name })), {
        x: 'x', y: 'y', text: 'name', dx: 6, textAnchor: 'start',
        fill: 'currentColor',
      }),
    ],
  });
}
