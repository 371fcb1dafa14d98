// @unshown: harness for the tables and figures; it runs shown code
// The experiments of the chapter, each a plain function of fixed
// inputs, shared by the page (src/compute/) and the tests. Node only:
// it loads the penguins.
import { createRng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import {
  accuracyFromProba,
  multiclassLogLoss,
} from './classifier.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import { checkChoice, checkLabelsFor } from './checks.ts';
import { stratifiedKFold } from './folds.ts';
import { leakyAndProper } from './leakage.ts';
import {
  GRID,
  INDICATORS,
  NUMERIC,
  checkSettings,
  penguinPipeline,
  penguinPreprocessor,
} from './penguin-pipeline.ts';
import { oneHotEncoder } from './encode.ts';
import { rowCount, takeFrameRows } from './frame.ts';
import { loadPenguins } from './penguins.ts';
import { pipe, select } from './pipeline.ts';
import { SCALERS, fitScaling } from './scale.ts';
import {
  crossValidatePipeline,
  gridSearch,
  type Params,
  type Score,
} from './search.ts';
import { nestedCrossValidation } from './solutions/nested-cv.ts';
import { softmaxClassifier } from './classifier.ts';

export const FOLDS = 5;

/** Grid search on scikit-learn's (unshuffled) stratified folds. */
export function gridStudy() {
  const { X, y } = loadPenguins();
  const folds = stratifiedKFold(y, FOLDS);
  return gridSearch(X, y, folds, GRID, penguinPipeline,
    multiclassLogLoss);
}

export const LEAK = { repeats: 20, seed: 2024 };

/** The two pipelines whose leak the page measures: scikit-learn's
 *  defaults (standard scaling, C = 1) and the one grid search chose. */
export const LEAK_PIPELINES = {
  standard: { C: 1, impute: 'mean', scaler: 'standard' },
  chosen: { C: 100, impute: 'mean', scaler: 'standard' },
};

/** The rows with a gap in a measurement (the penguins not measured). */
export function gapRows(): number[] {
  const { X } = loadPenguins();
  const cols = X.filter((c) => NUMERIC.includes(c.name));
  return [...Array(rowCount(X)).keys()].filter((i) =>
    cols.some((c) => Number.isNaN(c.values[i] as number)));
}

/** The log-loss of each row of P alone (their mean is the log-loss). */
export function rowLogLosses(y: Int32Array, P: Matrix): Float64Array {
  checkRowsOf('rowLogLosses', y, P);
  return Float64Array.from(y, (c, i) => multiclassLogLoss(
    Int32Array.of(c), new Matrix(1, P.cols,
      P.data.slice(i * P.cols, (i + 1) * P.cols))));
}

/** The mean over folds of the mean loss of the fold's rows that are
 *  not in `skip`: Eq. (pp-cv) on the other rows only. */
function cvWithout(losses: Float64Array[], folds: Fold[],
  skip: number[]): number {
  let total = 0;
  folds.forEach(({ test }, f) => {
    let sum = 0, count = 0;
    test.forEach((row, i) => {
      if (!skip.includes(row)) { sum += losses[f][i]; count += 1; }
    });
    total += sum / count;
  });
  return total / folds.length;
}

/** Mean and standard error of paired differences. */
export function paired(d: number[]): { mean: number; se: number } {
  if (!Array.isArray(d) || d.length < 2 ||
    d.some((v) => !Number.isFinite(v))) {
    throw new Error('paired: expected two or more finite differences');
  }
  const m = moments(d);
  return { mean: m.mean, se: Math.sqrt(m.variance / d.length) };
}

/**
 * The leak measured: for each of `repeats` shuffled stratified 5-fold
 * splits, the CV log-loss and accuracy of the pipeline `p` with its
 * preprocessing fitted on all rows (leaky) and inside the folds; and
 * the log-loss difference on the rows without gaps alone.
 */
export function leakageStudy(
  p: Params,
  { repeats, seed, indicators = 'raw' }: {
    repeats: number; seed: number; indicators?: 'raw' | 'scaled';
  } = LEAK,
) {
  checkSettings('leakageStudy', p);
  checkCount('leakageStudy', 'repeats', repeats, 2);
  checkCount('leakageStudy', 'seed', seed, 0);
  checkChoice('leakageStudy', 'indicators', indicators, INDICATORS);
  const { X, y } = loadPenguins();
  const gaps = gapRows();
  const rng = createRng(seed);
  const pre = penguinPreprocessor(p.impute as never, p.scaler as never,
    indicators);
  const model = softmaxClassifier(1 / (p.C as number), 3);
  const rows = Array.from({ length: repeats }, () => {
    const folds = stratifiedKFold(y, FOLDS, rng);
    const acc: number[] = []; // filled in call order: leaky, proper
    const losses: Float64Array[] = [];
    const score: Score = (yt, P) => {
      acc.push(accuracyFromProba(yt, P));
      losses.push(rowLogLosses(yt, P));
      return multiclassLogLoss(yt, P);
    };
    const { leaky, proper } = leakyAndProper(X, y, folds, pre, model,
      score);
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    return {
      leaky: leaky.mean, proper: proper.mean,
      leakyComplete: cvWithout(losses.slice(0, FOLDS), folds, gaps),
      properComplete: cvWithout(losses.slice(FOLDS), folds, gaps),
      leakyAccuracy: mean(acc.slice(0, FOLDS)),
      properAccuracy: mean(acc.slice(FOLDS)),
    };
  });
  return {
    rows,
    logLoss: paired(rows.map((r) => r.proper - r.leaky)),
    complete: paired(rows.map((r) => r.properComplete - r.leakyComplete)),
    accuracy: paired(rows.map((r) => r.leakyAccuracy - r.properAccuracy)),
    proper: paired(rows.map((r) => r.proper)),
  };
}

/**
 * The pipeline (mean imputation, regularization C) on the grid's folds
 * for each scaler, with raw and with scaled indicators: the CV
 * log-loss, the CV log-loss of the rows without gaps, and the held-out
 * losses of the rows with gaps.
 */
export function indicatorStudy(C: number) {
  checkSettings('indicatorStudy', { C, impute: 'mean',
    scaler: 'standard' });
  const { X, y } = loadPenguins();
  const folds = stratifiedKFold(y, FOLDS);
  const gaps = gapRows();
  return INDICATORS.flatMap((indicators) => SCALERS.map((kind) => {
    const losses: Float64Array[] = [];
    const score: Score = (yt, P) => {
      losses.push(rowLogLosses(yt, P));
      return multiclassLogLoss(yt, P);
    };
    const model = pipe(penguinPreprocessor('mean', kind, indicators),
      softmaxClassifier(1 / C, 3));
    const cv = crossValidatePipeline(X, y, folds, model, score);
    const gapLoss = gaps.map((row) => {
      const f = folds.findIndex((fold) => fold.test.includes(row));
      return losses[f][folds[f].test.indexOf(row)];
    });
    return { indicators, scaler: kind, mean: cv.mean,
      complete: cvWithout(losses, folds, gaps), gapLoss };
  }));
}

/** Nested cross-validation of the chapter's grid search on the
 *  penguins: 5 outer folds, each with its own 5-fold grid search. */
export function nestedStudy() {
  const { X, y } = loadPenguins();
  const outer = stratifiedKFold(y, FOLDS);
  const folds = nestedCrossValidation(X, y, outer, FOLDS, GRID,
    penguinPipeline, multiclassLogLoss);
  return {
    folds,
    inner: paired(folds.map((f) => f.inner)),
    outer: paired(folds.map((f) => f.outer)),
    gap: paired(folds.map((f) => f.outer - f.inner)),
  };
}

function checkRowsOf(fn: string, y: Int32Array, P: Matrix): void {
  if (!(P instanceof Matrix) || P.cols < 2) {
    throw new Error(`${fn}: P must be an n x K Matrix of ` +
      'probabilities with K >= 2');
  }
  checkLabelsFor(fn, y, P.rows);
  for (let t = 0; t < P.data.length; t++) {
    if (!(P.data[t] >= 0 && P.data[t] <= 1)) {
      throw new Error(`${fn}: P must hold probabilities in [0, 1], ` +
        `got ${P.data[t]}`);
    }
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] >= P.cols) {
      throw new Error(`${fn}: y[${i}] = ${y[i]} is not a class of P`);
    }
  }
}

/** A penguin's body mass with a typing slip: 3750 g entered as 37 500. */
export const TYPO = { row: 0, grams: 37_500 };

/**
 * The body masses of the penguins that have one, penguin TYPO.row's
 * replaced by `grams` (null: as recorded), and each scaler's fit and
 * output on them.
 */
export function scalingOutlier(grams: number | null = TYPO.grams) {
  if (grams !== null && !(Number.isFinite(grams) && grams > 0)) {
    throw new Error(`scalingOutlier: grams must be a finite number > 0 ` +
      `or null, got ${grams}`);
  }
  const { X } = loadPenguins();
  const mass = X.find((c) => c.name === 'body_mass_g')!.values;
  const x = (mass as Float64Array).slice();
  if (grams !== null) x[TYPO.row] = grams;
  const kept = [...x.keys()].filter((i) => !Number.isNaN(x[i]));
  const v = Float64Array.from(kept, (i) => x[i]);
  const at = kept.indexOf(TYPO.row);
  return {
    values: v,
    outlier: at,
    fits: SCALERS.map((kind) => {
      const { center, scale } = fitScaling(v, kind);
      return { kind, center, scale,
        z: v.map((u) => (u - center) / scale) };
    }),
  };
}

/** Rows shown in the chapter's table: complete, both gaps, sex gap. */
export const SHOWN_ROWS = [0, 3, 8];

/** The chosen pipeline's preprocessing, fitted on the training rows of
 *  the first fold, applied to SHOWN_ROWS: names and values. */
export function transformedRows(p: Params) {
  checkSettings('transformedRows', p);
  const { X, y } = loadPenguins();
  const [{ train }] = stratifiedKFold(y, FOLDS);
  const pre = penguinPreprocessor(p.impute as never, p.scaler as never);
  const out = pre(takeFrameRows(X, train))(takeFrameRows(X, SHOWN_ROWS));
  const raw = takeFrameRows(X, SHOWN_ROWS);
  return {
    raw: raw.map((c) => ({ name: c.name,
      values: Array.from(c.values as ArrayLike<number | string | null>,
        (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)) })),
    out: out.map((c) => ({ name: c.name,
      values: Array.from(c.values as Float64Array) })),
  };
}

/** Trained without the Torgersen penguins, the pipeline (C = 1,
 *  standard) meets a new island: ignored, or an error. */
export function unseenIsland() {
  const { X, y } = loadPenguins();
  const island = X.find((c) => c.name === 'island')!.values;
  const rows = [...y.keys()];
  const seen = rows.filter((i) => island[i] !== 'Torgersen');
  const fresh = rows.filter((i) => island[i] === 'Torgersen');
  const Xs = takeFrameRows(X, seen);
  const ys = Int32Array.from(seen, (i) => y[i]);
  const yf = Int32Array.from(fresh, (i) => y[i]);
  const f = penguinPipeline(LEAK_PIPELINES.standard)(Xs, ys);
  const P = f(takeFrameRows(X, fresh));
  let message = '';
  try {
    oneHotEncoder({ unknown: 'error' })(select('t', Xs, ['island']))(
      select('t', takeFrameRows(X, fresh), ['island']));
  } catch (e) {
    message = (e as Error).message;
  }
  return { n: fresh.length, trainN: seen.length,
    accuracy: accuracyFromProba(yf, P), message,
    species: [0, 1, 2].map((k) => yf.filter((v) => v === k).length) };
}

/** Throws, naming fn, unless v is an integer >= min. */
export function checkCount(
  fn: string,
  name: string,
  v: number,
  min: number,
): void {
  if (!Number.isSafeInteger(v) || v < min) {
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, ` +
      `got ${v}`);
  }
}
