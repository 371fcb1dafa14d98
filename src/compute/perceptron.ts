// Build-time computation of "The perceptron": its figures (the boundary
// after each mistake on iris, Novikoff's bound against the mistakes
// actually made, the pocket and averaged perceptron on the overlapping
// pair of species) and every number its prose shows, computed by its
// code and cached (see src/lib/cache.ts). Everything is deterministic.
import sk from '../../tests/fixtures/perceptron/sklearn.json' with {
  type: 'json',
};
import { cached } from '../lib/cache.ts';
import { fixed, int } from '../lib/format.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import type { LinearFit } from '../../code/linear-regression/model.ts';
import { unstandardize } from '../../code/linear-regression/scaling.ts';
import { bestLineErrors } from '../../code/perceptron/best-line.ts';
import {
  irisPair,
  overlappingIris,
  separableIris,
} from '../../code/perceptron/iris.ts';
import { countMistakes } from '../../code/perceptron/model.ts';
import {
  augmentedRadius,
  margin,
  novikoffBound,
  separableData,
} from '../../code/perceptron/novikoff.ts';
import {
  averagedPerceptron,
  perceptron,
} from '../../code/perceptron/train.ts';
import {
  marginPerceptron,
} from '../../code/perceptron/solutions/margin-perceptron.ts';
import {
  kernelPerceptron,
} from '../../code/perceptron/solutions/kernel-perceptron.ts';
import { fromRows } from '../../code/linear-algebra/matrix.ts';

type Box = { x: [number, number]; y: [number, number] };
type Pt = { x: number; y: number };

type SepRuns = ReturnType<typeof separableIris>;
type OverlapRuns = ReturnType<typeof overlappingIris>;

/** The largest of |x_i|, by a loop (no spread of data into a call). */
function maxAbs(xs: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, Math.abs(xs[i]));
  return m;
}

/** The smallest and largest of xs, by a loop. */
function range(xs: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    lo = Math.min(lo, xs[i]);
    hi = Math.max(hi, xs[i]);
  }
  return [lo, hi];
}

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
function mistakesFigure(run: SepRuns): string {
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
    height: 500,
    marginLeft: 44,
    marginBottom: 40,
    marginTop: 20,
    fx: { axis: null, padding: 0.08 },
    fy: { axis: null, padding: 0.2 },
    x: { domain: SEPAL_BOX.x, label: 'sepal length (cm)',
      labelAnchor: 'center', labelArrow: 'none', ticks: [5, 6, 7],
      tickFormat: (v: number) => String(v) },
    y: { domain: SEPAL_BOX.y, label: 'sepal width (cm)',
      labelAnchor: 'center', labelArrow: 'none', ticks: [2, 3, 4],
      tickFormat: (v: number) => String(v) },
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
      // titles above each panel's frame, where no line can cross them
      Plot.text(titles, {
        ...facet, text: 'text', frameAnchor: 'top-left', dy: -4,
        lineAnchor: 'bottom', fill: 'currentColor', fontSize: 10,
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// Novikoff's bound against the mistakes made.

/** The synthetic study: margins, seeds per margin, examples, dims. */
const NOVIKOFF_SETUP = {
  gammas: [0.02, 0.03, 0.05, 0.1, 0.2, 0.3],
  seeds: 10,
  n: 200,
  d: 2,
};

type StudyRow = { gamma: number; bound: number; mistakes: number };

/** Mistakes until separation and (R/γ)², for every margin and seed. */
function novikoffStudy(): StudyRow[] {
  const { gammas, seeds, n, d } = NOVIKOFF_SETUP;
  return gammas.flatMap((gamma, g) =>
    Array.from({ length: seeds }, (_, s) => {
      const { X, y, u } = separableData(n, d, gamma, 1000 * g + s);
      const run = perceptron(X, y, { maxEpochs: 100_000 });
      // u's actual margin: at least γ, so a bound at least as tight
      const bound = novikoffBound(augmentedRadius(X), margin(X, y, u));
      return { gamma, bound, mistakes: run.mistakes };
    }));
}

/** 1, 2, 5 times powers of ten in [lo, hi]: ticks a log axis can read. */
function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= hi; p *= 10) {
    for (const m of [1, 2, 5]) if (m * p >= lo && m * p <= hi) out.push(m * p);
  }
  return out;
}

/** Labels for logTicks: 1, 2, 5, 10, 20, …, 10 000 (thin spaces). */
const logLabel = (x: number) => int(x);

/** Mistakes against the bound, log-log, with the line y = x. */
function novikoffFigure(rows: StudyRow[]): string {
  const lo = 5;
  const hi = 2e4;
  const top = 2000;
  const symbols = ['circle', 'square', 'diamond', 'triangle', 'cross',
    'star'] as const;
  const { gammas } = NOVIKOFF_SETUP;
  // one label per margin, above the group's highest point
  const tags = gammas.map((gamma) => {
    const group = rows.filter((r) => r.gamma === gamma);
    let top = group[0];
    for (const r of group) if (r.mistakes > top.mistakes) top = r;
    return { x: top.bound, y: top.mistakes, text: `γ=${gamma}` };
  });
  // axes as marks with their own text: a log scale's default format
  // would blank the 2s and 5s
  return renderPlot({
    marginBottom: 42,
    marginLeft: 52,
    marginRight: 24,
    x: { type: 'log', domain: [lo, hi], axis: null },
    y: { type: 'log', domain: [1, top], axis: null },
    symbol: { domain: gammas, range: symbols },
    marks: [
      Plot.gridY(logTicks(1, top)),
      Plot.axisX(logTicks(lo, hi), { text: logLabel,
        label: 'Novikoff\'s bound (R/γ)²', labelAnchor: 'center',
        labelArrow: 'none' }),
      Plot.axisY(logTicks(1, top), { text: logLabel,
        label: 'updates until separated', labelArrow: 'none' }),
      Plot.line([{ x: lo, y: lo }, { x: top, y: top }], {
        x: 'x', y: 'y', stroke: 'currentColor', strokeDasharray: '6,4',
      }),
      Plot.text([{ x: 300, y: 300 }], {
        x: 'x', y: 'y', text: () => 'updates = bound', dx: -6, dy: -10,
        textAnchor: 'end', rotate: 0, fill: 'currentColor',
      }),
      Plot.dot(rows, {
        x: 'bound', y: 'mistakes', stroke: PALETTE[0], r: 3.5,
        symbol: 'gamma', strokeWidth: 1.5,
      }),
      Plot.text(tags, {
        x: 'x', y: 'y', text: 'text', dy: -12, fill: 'currentColor',
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// The overlapping pair: pocket and average against the last iterate.

/** Passes shown in the error trace. */
const TRACE_PASSES = 12;

/** Training errors after each update: last, pocket and average. */
function overlapTraceFigure(run: OverlapRuns): string {
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

// low enough that every line leaves by the right edge, where its label is
const PETAL_BOX: Box = { x: [2.8, 7.2], y: [0.6, 2.6] };

/** The overlapping pair in cm with the three final boundaries. */
function overlapBoundaryFigure(run: OverlapRuns): string {
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

// ---------------------------------------------------------------------
// The numbers the prose shows.

/** Setosa against versicolor: the runs, the bound, the margins. */
function separableNumbers(sep: SepRuns) {
  const mm = sk.sepal_setosa_versicolor.max_margin;
  const fitOf = (u: number[]) => ({ w: Float64Array.from(u.slice(1)),
    b: u[0] });
  const gammaRaw = margin(sep.X, sep.y, fitOf(mm.raw.u));
  const gammaStd = margin(sep.Z, sep.y, fitOf(mm.standardized.u));
  const { raw, standardized: std } = sep;
  return {
    n: sep.y.length,
    std: { mistakes: std.mistakes, epochs: std.epochs,
      separatedIn: std.epochs - 1 },
    raw: { mistakes: raw.mistakes, epochs: raw.epochs,
      lastMistakePass: raw.history[raw.history.length - 1].epoch },
    R: { raw: sep.R.raw, std: sep.R.standardized },
    gammaRaw, gammaStd,
    boundRaw: Math.floor(novikoffBound(sep.R.raw, gammaRaw)),
    boundStd: Math.floor(novikoffBound(sep.R.standardized, gammaStd)),
    uRaw: mm.raw.u,
    cmMargin: gammaRaw / Math.hypot(mm.raw.u[1], mm.raw.u[2]),
    ownMarginRaw: margin(sep.X, sep.y, raw),
    speedup: raw.mistakes / std.mistakes,
  };
}

/** The synthetic study, summarized: worst and median share of bound. */
function studyNumbers(rows: StudyRow[]) {
  const ratios = rows.map((r) => r.mistakes / r.bound).sort((a, b) => a - b);
  const { gammas, seeds, n, d } = NOVIKOFF_SETUP;
  return {
    count: rows.length, seeds, n, d,
    gammaLo: gammas[0], gammaHi: gammas[gammas.length - 1],
    groups: gammas.length,
    worstRatio: ratios[ratios.length - 1],
    medianRatio: ratios[Math.floor(ratios.length / 2)],
  };
}

/** Versicolor against virginica: cycle, pocket, average, best line. */
function overlapNumbers(ov: OverlapRuns) {
  const pocket = ov.pocket.pocket.errors;
  const cyc = perceptron(ov.Z, ov.y, { maxEpochs: 30,
    requireConvergence: false });
  const endOf = (e: number) =>
    cyc.history.filter((m) => m.epoch === e).at(-1)!;
  const same = (a: LinearFit, b: LinearFit) =>
    a.b === b.b && a.w.every((v, j) => v === b.w[j]);
  // the first pass from which every pass ends with the final weights
  let cycleFrom = 30;
  while (cycleFrom > 1 && same(endOf(cycleFrom - 1), endOf(30))) {
    cycleFrom--;
  }
  const along = ov.pocket.trace.filter((t) => t.visit > 10 * ov.y.length)
    .map((t) => t.last);
  const [errorsMin, errorsMax] = range(along);
  return {
    n: ov.y.length, epochs: ov.epochs, tracePasses: TRACE_PASSES,
    perPass: cyc.history.filter((m) => m.epoch === 30).length,
    cycleFrom, errorsMin, errorsMax,
    last: countMistakes(ov.Z, ov.y, ov.pocket.last),
    averaged: countMistakes(ov.Z, ov.y, ov.averaged.averaged),
    pocket,
    pocketFoundAt: ov.pocket.trace.findIndex((t) => t.kept === pocket) + 1,
    bestLine: bestLineErrors(ov.X, ov.y),
  };
}

/** Our runs beside scikit-learn's, from the committed fixture. */
function libraryNumbers(sep: SepRuns) {
  const runs = sk.sepal_setosa_versicolor.runs.map((ref) => {
    const ours = perceptron(sep.X, sep.y, { maxEpochs: ref.epochs,
      requireConvergence: false });
    const same = ours.b === ref.intercept &&
      ours.w.every((v, j) => v === ref.coef[j]);
    return { ref, same };
  });
  const petal = sk.petal_versicolor_virginica_averaged;
  const { X, y } = irisPair(1, 2, petal.columns);
  const avg = petal.runs.map((ref) => {
    const { averaged } = averagedPerceptron(X, y, { epochs: ref.epochs });
    // max_t ‖θ_t‖∞ over the run: the plain rule visits the same iterates
    const hist = perceptron(X, y, { maxEpochs: ref.epochs,
      requireConvergence: false }).history;
    let size = 0;
    for (const m of hist) size = Math.max(size, Math.abs(m.b), maxAbs(m.w));
    const T = ref.epochs * y.length;
    const theirs = [ref.intercept, ...ref.coef];
    const ours = [averaged.b, ...averaged.w];
    let diff = 0;
    for (let j = 0; j < ours.length; j++) {
      diff = Math.max(diff, Math.abs(ours[j] - theirs[j]));
    }
    return { epochs: ref.epochs, diff, size,
      tol: T * Number.EPSILON * size };
  });
  let worstAvg = 0;
  for (const a of avg) worstAvg = Math.max(worstAvg, a.diff);
  const d = sk.sepal_setosa_versicolor.defaults;
  return {
    versions: sk.versions,
    table: runs.map(({ ref, same }) => [int(ref.epochs),
      fixed(ref.intercept, 1), fixed(ref.coef[0], 13),
      fixed(ref.coef[1], 13), same ? 'yes' : 'no']),
    sameText: runs.every((r) => r.same)
      ? 'identical to the last bit' : 'not identical',
    lastEpochs: runs[runs.length - 1].ref.epochs,
    worstAvg, avgEpochs: avg.map((a) => a.epochs),
    tolLongest: avg[avg.length - 1].tol,
    sizeLongest: avg[avg.length - 1].size,
    sizeShortest: avg[0].size,
    defaults: {
      noShuffle: { iter: d.no_shuffle.n_iter,
        accuracy: d.no_shuffle.train_accuracy },
      shuffle: { iter: d.shuffle_seed_0.n_iter,
        accuracy: d.shuffle_seed_0.train_accuracy },
    },
  };
}

/** Exercise 3: the margin perceptron on the raw sepals, τ = 0 … 100. */
function marginExercise(sep: SepRuns) {
  return [0, 1, 10, 100].map((tau) => {
    const run = marginPerceptron(sep.X, sep.y, { tau, maxEpochs: 100_000 });
    return { tau, updates: run.mistakes, margin: margin(sep.X, sep.y, run) };
  });
}

/** Exercise 6: the quadratic kernel perceptron on XOR. */
function kernelExercise() {
  const X = fromRows([[0, 0], [1, 1], [0, 1], [1, 0]]);
  const y = Float64Array.of(-1, -1, 1, 1);
  const run = kernelPerceptron(X, y, { degree: 2, maxEpochs: 100 });
  if (!run.converged) throw new Error('kernelExercise: XOR not separated');
  return { xorUpdates: run.order.length, xorEpochs: run.epochs };
}

export default cached('perceptron', () => {
  const sep = separableIris();
  const ov = overlappingIris();
  const study = novikoffStudy();
  const s = separableNumbers(sep);
  const marginRuns = marginExercise(sep);
  return {
    sep: s,
    study: studyNumbers(study),
    ov: overlapNumbers(ov),
    lib: libraryNumbers(sep),
    kernel: kernelExercise(),
    marginTable: marginRuns.map((m) => [int(m.tau), int(m.updates),
      fixed(m.margin, 5)]),
    mistakesFigure: mistakesFigure(sep),
    novikoffFigure: novikoffFigure(study),
    overlapTraceFigure: overlapTraceFigure(ov),
    overlapBoundaryFigure: overlapBoundaryFigure(ov),
  };
});
