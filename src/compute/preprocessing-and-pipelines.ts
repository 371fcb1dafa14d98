// Build-time computation of "Preprocessing and pipelines": its figures
// and every number its prose shows, computed by the chapter's code and
// cached (see src/lib/cache.ts).
import { cached } from '../lib/cache.ts';
import { PALETTE, Plot, renderPlot } from '../lib/plot.ts';
import sk from '../../tests/fixtures/preprocessing-and-pipelines/sklearn.json';
import {
  FOLDS,
  LEAK,
  LEAK_PIPELINES,
  SHOWN_ROWS,
  TYPO,
  gapRows,
  gridStudy,
  indicatorStudy,
  leakageStudy,
  nestedStudy,
  paired,
  scalingOutlier,
  transformedRows,
  unseenIsland,
} from '../../code/preprocessing-and-pipelines/experiments.ts';
import { stratifiedKFold } from '../../code/preprocessing-and-pipelines/folds.ts';
import {
  rowCount,
  takeFrameRows,
  toMatrix,
} from '../../code/preprocessing-and-pipelines/frame.ts';
import { fillValue } from '../../code/preprocessing-and-pipelines/impute.ts';
import {
  GRID,
  NUMERIC,
  penguinPipeline,
  penguinPreprocessor,
} from '../../code/preprocessing-and-pipelines/penguin-pipeline.ts';
import { loadPenguins } from '../../code/preprocessing-and-pipelines/penguins.ts';
import { select } from '../../code/preprocessing-and-pipelines/pipeline.ts';
import { fitScaling } from '../../code/preprocessing-and-pipelines/scale.ts';
import { selectionLeak } from '../../code/preprocessing-and-pipelines/solutions/select-k-best.ts';

const NAMES: Record<string, string> = {
  standard: 'standard', minmax: 'min–max', robust: 'robust',
};

/** Narrow plots with large type: at 390 px wide a figure shrinks to
 *  about 360 px, and its text must stay at least 11 px. */
const SIZE = { width: 460, style: { background: 'transparent',
  fontSize: '14px' } };

// ---------------------------------------------------------------------
// The three scalers on body mass with one typing slip.

/** Clip for the strip plot: values beyond it are drawn at its edge. */
const STRIP = { lo: -2, hi: 4 };

/** Scaled body masses, one strip per scaler; the slip marked. */
export function scalersFigure(grams = TYPO.grams): string {
  const { fits, outlier } = scalingOutlier(grams);
  const dots = fits.flatMap(({ kind, z }) =>
    Array.from(z, (v, i) => ({ kind: NAMES[kind], v, i }))
      .filter((d) => d.i !== outlier));
  const marks = fits.map(({ kind, z }) => {
    const v = z[outlier];
    const shown = Math.min(Math.max(v, STRIP.lo), STRIP.hi);
    return { kind: NAMES[kind], v: shown,
      text: v > STRIP.hi ? `slip: ${v.toFixed(1)} →` : 'slip' };
  });
  return renderPlot({
    ...SIZE,
    height: 220,
    marginLeft: 80,
    marginRight: 20,
    marginBottom: 40,
    x: { domain: [STRIP.lo, STRIP.hi], label: 'scaled body mass',
      labelAnchor: 'center', labelArrow: 'none', grid: true },
    y: { domain: fits.map((f) => NAMES[f.kind]), label: null },
    marks: [
      Plot.dot(dots, { x: 'v', y: 'kind', r: 2.2, fill: PALETTE[0],
        fillOpacity: 0.35, stroke: 'none' }),
      Plot.dot(marks, { x: 'v', y: 'kind', r: 6, symbol: 'triangle',
        fill: PALETTE[4], stroke: 'currentColor' }),
      Plot.text(marks, { x: 'v', y: 'kind', text: 'text', dy: -13,
        textAnchor: 'end', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Leaky standardization of one held-out value, Eq. (pp-leaky-z).

/** Training rows of the first fold of the penguins; a scaler fitted on
 *  them and one held-out row sees TRAIN_ROWS + 1 rows. */
const TRAIN_ROWS = stratifiedKFold(loadPenguins().y, FOLDS)[0].train.length;
export const LEAKY_Z_N = [5, 20, TRAIN_ROWS + 1];

/**
 * For t in [0, 8]: n − 1 values with mean 0 and standard deviation 1
 * (population) and one more value at t; its z-score when the scaler is
 * fitted on all n values, by the chapter's fitScaling.
 */
export function leakyZ(n: number, t: number): number {
  const m = n - 1;
  const base = Float64Array.from({ length: m }, (_, i) => (i % 2 ? 1 : -1));
  if (m % 2 === 1) base[m - 1] = 0; // odd count: mean 0 kept
  const s = fitScaling(base, 'standard');
  const x = new Float64Array(n);
  for (let i = 0; i < m; i++) x[i] = (base[i] - s.center) / s.scale;
  x[m] = t;
  const all = fitScaling(x, 'standard');
  return (t - all.center) / all.scale;
}

export function leakyZFigure(): string {
  const ts = Array.from({ length: 81 }, (_, i) => i / 10);
  const dash = ['2,3', '6,3', 'none'];
  const curves = LEAKY_Z_N.map((n, k) => ({
    n, dash: dash[k], pts: ts.map((t) => ({ t, z: leakyZ(n, t) })),
  }));
  return renderPlot({
    ...SIZE,
    height: 330,
    marginRight: 70,
    marginBottom: 40,
    x: { domain: [0, 8], label: 't, z-score from the other rows',
      labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: [0, 8], label: 'z, fitted with the row itself',
      grid: true },
    marks: [
      Plot.line([{ t: 0, z: 0 }, { t: 8, z: 8 }], { x: 't', y: 'z',
        stroke: 'currentColor', strokeOpacity: 0.5,
        strokeDasharray: '1,4' }),
      Plot.text([{ t: 5.6, z: 6.6 }], { x: 't', y: 'z',
        text: () => 'z = t', textAnchor: 'end',
        fill: 'currentColor' }),
      ...curves.map((c, k) => Plot.line(c.pts, { x: 't', y: 'z',
        stroke: PALETTE[k === 2 ? 0 : k === 1 ? 2 : 4], strokeWidth: 2,
        strokeDasharray: c.dash })),
      Plot.text(curves, { x: () => 8, y: (c) => c.pts[80].z,
        text: (c) => `n = ${c.n}`, dx: 6, textAnchor: 'start',
        fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Grid search over the whole pipeline.

type Grid = ReturnType<typeof gridStudy>;

/** The y range of the grid figure: every plotted error bar inside,
 *  and room above 1 for the axis label. */
function gridRange(g: Grid): [number, number] {
  let lo = 0.01, hi = 2;
  for (const r of g.results) {
    if (r.params.impute !== 'mean') continue;
    lo = Math.min(lo, 0.9 * (r.mean - r.standardError));
    hi = Math.max(hi, 1.1 * (r.mean + r.standardError));
  }
  return [Math.max(lo, 1e-3), hi];
}

export function gridFigure(g: Grid): string {
  const rows = g.results.filter((r) => r.params.impute === 'mean')
    .map((r) => ({ C: r.params.C as number, kind: NAMES[r.params.scaler],
      mean: r.mean, lo: r.mean - r.standardError,
      hi: r.mean + r.standardError }));
  const kinds = ['min–max', 'robust', 'standard'];
  const symbols = ['square', 'circle', 'triangle'];
  const colors = [PALETTE[1], PALETTE[0], PALETTE[4]];
  const at = { 'min–max': [0.1, -12], robust: [1, -12],
    standard: [0.1, 16] } as Record<string, [number, number]>;
  const labelled = rows.filter((r) => r.C === at[r.kind][0])
    .map((r) => ({ ...r, dy: at[r.kind][1] }));
  const best = g.results[g.best];
  return renderPlot({
    ...SIZE,
    height: 360,
    marginRight: 34,
    marginBottom: 40,
    x: { type: 'log', label: 'C = 1/λ (weaker penalty →)',
      labelAnchor: 'center', labelArrow: 'none', ticks: GRID.C,
      tickFormat: (v: number) => String(v) },
    y: { type: 'log', label: 'CV log-loss', grid: true,
      // 1 and 2 per decade: Plot's log axis blanks the 5s on this range
      domain: gridRange(g), ticks: [0.01, 0.02, 0.1, 0.2, 1],
      tickFormat: (v: number) => String(v) },
    marks: [
      ...kinds.flatMap((kind, k) => {
        const data = rows.filter((r) => r.kind === kind);
        return [
          Plot.ruleX(data, { x: 'C', y1: 'lo', y2: 'hi', stroke: colors[k],
            strokeWidth: 1.5 }),
          Plot.line(data, { x: 'C', y: 'mean', stroke: colors[k],
            strokeWidth: 1.5 }),
          Plot.dot(data, { x: 'C', y: 'mean', symbol: symbols[k],
            fill: colors[k], r: 4 }),
        ];
      }),
      ...labelled.map((r) => Plot.text([r], { x: 'C', y: 'mean',
        text: 'kind', dx: 6, dy: r.dy, textAnchor: 'start',
        fill: 'currentColor' })),
      Plot.text([{ C: best.params.C, mean: best.mean }], { x: 'C',
        y: 'mean', text: () => 'chosen', dy: 20, fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The leak, measured.

type Leak = ReturnType<typeof leakageStudy>;

export function leakFigure(studies: { name: string; s: Leak }[]): string {
  const dots = studies.flatMap(({ name, s }) =>
    s.rows.map((r) => ({ name, d: r.proper - r.leaky })));
  const bars = studies.map(({ name, s }) => ({ name,
    lo: s.logLoss.mean - 2 * s.logLoss.se,
    hi: s.logLoss.mean + 2 * s.logLoss.se, mean: s.logLoss.mean }));
  return renderPlot({
    ...SIZE,
    height: 70 + 64 * studies.length,
    marginTop: 30,
    marginLeft: 20,
    marginRight: 30,
    marginBottom: 44,
    x: { label: 'proper − leaky CV log-loss',
      labelAnchor: 'center', labelArrow: 'none', grid: true,
      tickFormat: (v: number) => v.toFixed(3).replace('-', '−') },
    y: { domain: studies.map((s) => s.name), label: null, axis: null },
    marks: [
      Plot.ruleX([0], { stroke: 'currentColor', strokeDasharray: '4,3' }),
      Plot.text(studies, { y: 'name', text: 'name', dy: -26,
        frameAnchor: 'left', textAnchor: 'start', fill: 'currentColor' }),
      Plot.dot(dots, { x: 'd', y: 'name', r: 3, fill: PALETTE[0],
        fillOpacity: 0.5, dy: -8 }),
      Plot.ruleY(bars, { x1: 'lo', x2: 'hi', y: 'name', dy: 8,
        stroke: PALETTE[4], strokeWidth: 2.5 }),
      Plot.dot(bars, { x: 'mean', y: 'name', dy: 8, symbol: 'diamond',
        r: 5, fill: PALETTE[4], stroke: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Against scikit-learn: the largest differences, for the table.

function agreement(g: Grid) {
  const { X, y } = loadPenguins();
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
  let scores = 0;
  let worstC = 0;
  let smallC = 0; // the largest difference for C <= 1
  let bound = Infinity; // the smallest ratio tolerance / difference
  g.results.forEach((r, c) => {
    const theirs = sk.grid_search.split_scores[c].map((v) => -v);
    const C = r.params.C as number;
    const tol = C * largest(sk.grid_search.grad_norms[c]);
    r.scores.forEach((s, f) => {
      const d = rel(s, theirs[f]);
      if (d > scores) [scores, worstC] = [d, C];
      if (C <= 1) smallC = Math.max(smallC, d);
      if (d > 0) bound = Math.min(bound, tol / d);
    });
  });
  let gradMin = Infinity, gradMax = 0;
  for (const v of sk.grid_search.grad_norms.flat()) {
    gradMin = Math.min(gradMin, v);
    gradMax = Math.max(gradMax, v);
  }
  let matrices = 0;
  const fit = takeFrameRows(X, sk.train);
  const rows = takeFrameRows(X, sk.rows);
  for (const ref of sk.column_transformer) {
    const out = toMatrix('agreement',
      penguinPreprocessor(ref.impute as never, ref.scale as never)(fit)(
        rows));
    const theirs = ref.transformed.flat();
    out.data.forEach((v, t) => {
      matrices = Math.max(matrices, Math.abs(v - theirs[t]));
    });
  }
  const refit = penguinPipeline(g.params)(X, y)(
    takeFrameRows(X, sk.grid_search.refit_proba_rows));
  const theirP = sk.grid_search.refit_proba.flat();
  const proba = refit.data.reduce((m, v, t) =>
    Math.max(m, Math.abs(v - theirP[t])), 0);
  const folds = stratifiedKFold(y, FOLDS);
  const sameFolds = JSON.stringify(folds.map((f) => f.test)) ===
    JSON.stringify(sk.folds);
  return { scores, worstC, smallC, bound, matrices, proba, sameFolds,
    gradMin, gradMax,
    sameChoice: g.best === sk.grid_search.best_index };
}

/** The largest entry of a list (a loop, not a spread). */
function largest(a: number[]): number {
  let m = -Infinity;
  for (const v of a) m = Math.max(m, v);
  return m;
}

// ---------------------------------------------------------------------
// What the chapter shows.

/** Mean, median (or constant) fill: the largest change of a grid score
 *  between mean and median imputation, other settings equal. */
function imputeGap(g: Grid): number {
  let gap = 0;
  for (const a of g.results) {
    if (a.params.impute !== 'mean') continue;
    const b = g.results.find((r) => r.params.impute === 'median' &&
      r.params.C === a.params.C && r.params.scaler === a.params.scaler)!;
    gap = Math.max(gap, Math.abs(a.mean - b.mean));
  }
  return gap;
}

const label = (p: Record<string, unknown>) =>
  `${NAMES[p.scaler as string]}, C = ${p.C}`;

/** The smallest and largest of z, leaving out entry `skip`. */
function span(z: Float64Array, skip: number) {
  let lo = Infinity, hi = -Infinity;
  z.forEach((v, i) => {
    if (i === skip) return;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  });
  return { lo, hi };
}

export default cached('preprocessing-and-pipelines', () => {
  const { X, y } = loadPenguins();
  const n = rowCount(X);
  const missing = Object.fromEntries(X.map((c) => [c.name,
    c.kind === 'number' ? c.values.filter(Number.isNaN).length
      : c.values.filter((v) => v === null).length]));
  const bill = select('page', X, ['bill_length_mm'])[0];
  const island = select('page', X, ['island'])[0].values as string[];
  const islands = ['Biscoe', 'Dream', 'Torgersen'].map((name) => ({
    name, count: island.filter((v) => v === name).length }));
  const g = gridStudy();
  const best = g.results[g.best];
  const sorted = [...g.results].sort((a, b) => a.mean - b.mean);
  const find = (p: Record<string, unknown>) => g.results.find((r) =>
    r.params.C === p.C && r.params.impute === p.impute &&
    r.params.scaler === p.scaler)!;
  const vsBest = (r: Grid['results'][number]) =>
    paired(r.scores.map((s, f) => s - best.scores[f]));
  const standardOne = find(LEAK_PIPELINES.standard);
  const atBestC = ['minmax', 'robust', 'standard'].map((scaler) => {
    const r = find({ ...best.params, scaler });
    return { scaler, mean: r.mean, vsBest: vsBest(r) };
  });
  const studies = [
    { name: label(LEAK_PIPELINES.standard),
      s: leakageStudy(LEAK_PIPELINES.standard) },
    { name: `${label(LEAK_PIPELINES.chosen)} (chosen)`,
      s: leakageStudy(LEAK_PIPELINES.chosen) },
    { name: `${label(LEAK_PIPELINES.standard)}, scaled indicators`,
      s: leakageStudy(LEAK_PIPELINES.standard,
        { ...LEAK, indicators: 'scaled' }) },
  ];
  const indicators = indicatorStudy(best.params.C as number);
  const table = transformedRows(best.params);
  const typo = scalingOutlier();
  const truth = scalingOutlier(null); // as recorded, no slip
  const sel = selectionLeak();
  const nested = nestedStudy();
  const leakyZ3 = leakyZ(TRAIN_ROWS + 1, 3);
  const top = sorted.slice(0, 5).map((r) => ({ params: r.params,
    mean: r.mean, se: r.standardError, vsBest: vsBest(r) }));
  const meanSe = (a: number[]) => {
    const m = a.reduce((t, v) => t + v, 0) / a.length;
    const v = a.reduce((t, x) => t + (x - m) ** 2, 0) / (a.length - 1);
    return { mean: m, se: Math.sqrt(v / a.length) };
  };
  // in units of 1e-4, rounded to one decimal (no "−0.0")
  const e4 = (v: number) => Math.round(v * 1e5) / 10 || 0;
  const inE4 = (m: { mean: number; se: number }) =>
    ({ mean: e4(m.mean), se: e4(m.se) });
  const leak = studies.map(({ name, s }) => ({ name,
    e4: { all: inE4(s.logLoss), complete: inE4(s.complete) },
    logLoss: s.logLoss, complete: s.complete, accuracy: s.accuracy,
    proper: s.proper, accuracyMoved: s.rows.filter((row) =>
      row.leakyAccuracy !== row.properAccuracy).length }));
  const worst = sorted[sorted.length - 1];
  const ind = (kind: string, scaler: string) =>
    indicators.find((r) => r.indicators === kind && r.scaler === scaler)!;
  return {
    n,
    complete: n - missing.bill_length_mm,
    gapRows: gapRows(),
    speciesCounts: [0, 1, 2].map((k) => y.filter((v) => v === k).length),
    islands,
    missing,
    billFill: {
      mean: fillValue(bill, 'mean') as number,
      median: fillValue(bill, 'median') as number,
    },
    numeric: NUMERIC,
    typo: { grams: TYPO.grams, fits: typo.fits.map(({ kind, center,
      scale, z }) => ({ kind, center, scale, slip: z[typo.outlier],
      ...span(z, typo.outlier) })),
    truth: truth.fits.map(({ kind, center, scale, z }) => ({ kind, center,
      scale, ...span(z, -1) })), true: truth.values[truth.outlier] },
    scalersFigure: scalersFigure(),
    demo: { masses: Array.from(typo.values), slip: typo.outlier,
      lo: STRIP.lo, hi: STRIP.hi },
    leakyZFigure: leakyZFigure(),
    trainRows: TRAIN_ROWS,
    fitRows: TRAIN_ROWS + 1,
    leakyZ3,
    shownRows: SHOWN_ROWS,
    table,
    // column names that may break after an underscore on a phone
    tableNames: table.out.map((c) => c.name.replaceAll('_', '_\u200b')),
    folds: FOLDS,
    grid: {
      size: g.results.length,
      fits: g.results.length * FOLDS,
      best: { params: best.params, mean: best.mean,
        se: best.standardError },
      top,
      atBestC,
      worst: { params: worst.params, mean: worst.mean },
      standardOne: { mean: standardOne.mean,
        se: standardOne.standardError },
      defaultGap: vsBest(standardOne),
      imputeGap: imputeGap(g),
    },
    gridFigure: gridFigure(g),
    indicators: {
      C: best.params.C,
      rows: indicators,
      standardScaled: ind('scaled', 'standard'),
      standardRaw: ind('raw', 'standard'),
      robustScaled: ind('scaled', 'robust'),
    },
    leak: { repeats: LEAK.repeats, studies: leak },
    leakFigure: leakFigure(studies),
    unseen: unseenIsland(),
    selection: {
      leaky: meanSe(sel.map((r) => r.leaky)),
      proper: meanSe(sel.map((r) => r.proper)),
      repeats: sel.length,
    },
    nested: {
      inner: nested.inner, outer: nested.outer, gap: nested.gap,
      chosen: nested.folds.map((f) => `${label(f.params)}, ` +
        `${f.params.impute} imputation`).join('; '),
      sameAsGrid: nested.folds.filter((f) =>
        f.params.C === best.params.C &&
        f.params.scaler === best.params.scaler &&
        f.params.impute === best.params.impute).length,
    },
    agreement: agreement(g),
    versions: sk.versions,
  };
}, { reason: 'about 1700 softmax-regression fits: grid search (36 ' +
  'pipelines x 5 folds), 3 x 20 repetitions of leaky and proper ' +
  '5-fold cross-validation, and nested cross-validation (5 x 180)' });
