// The chapter's pipeline for the penguins: gaps filled and flagged,
// numbers scaled, categories one-hot encoded, softmax regression at the
// end; and the grid of settings that grid search tries. Browser-safe.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { softmaxClassifier } from './classifier.ts';
import { oneHotEncoder } from './encode.ts';
import type { Frame } from './frame.ts';
import { checkChoice } from './checks.ts';
import {
  STRATEGIES,
  imputer,
  missingIndicator,
  type ImputeStrategy,
} from './impute.ts';
import {
  columnTransformer,
  pipe,
  pipeline,
  type Branch,
  type Step,
} from './pipeline.ts';
import { SCALERS, scaler, type ScalerKind } from './scale.ts';
import type { Params } from './search.ts';

export const SPECIES = ['Adelie', 'Chinstrap', 'Gentoo'];

/** How the missing indicators leave the numeric branch. */
export const INDICATORS = ['raw', 'scaled'] as const;

// #region penguin-pipeline
export const NUMERIC = ['bill_length_mm', 'bill_depth_mm',
  'flipper_length_mm', 'body_mass_g'];
export const CATEGORICAL = ['island', 'sex'];

/** Numbers: fill gaps, then scale; beside them a 0/1 flag per column
 *  with gaps, left as 0/1 ('raw') or scaled with the numbers
 *  ('scaled', a pitfall measured in the text). Categories: fill,
 *  one-hot; an island never seen in training is all zeros. */
export function penguinPreprocessor(
  impute: ImputeStrategy,
  scale: ScalerKind,
  indicators: 'raw' | 'scaled' = 'raw',
): Step<Frame, Frame> {
  checkChoice('penguinPreprocessor', 'impute', impute, STRATEGIES);
  checkChoice('penguinPreprocessor', 'scale', scale, SCALERS);
  checkChoice('penguinPreprocessor', 'indicators', indicators,
    INDICATORS);
  const numbers: Branch[] = indicators === 'raw'
    ? [[NUMERIC, pipeline(imputer(impute), scaler(scale))],
      [NUMERIC, missingIndicator()]] // 0/1: not scaled
    : [[NUMERIC, pipeline(imputer(impute, { indicator: true }),
      scaler(scale))]];
  return columnTransformer([...numbers,
    [CATEGORICAL, pipeline(imputer('most_frequent'),
      oneHotEncoder({ unknown: 'ignore' }))],
  ]);
}

/** The whole pipeline for one point of the grid; λ = 1/C. */
export function penguinPipeline(p: Params): Step<Frame, Matrix> {
  checkSettings('penguinPipeline', p);
  const pre = penguinPreprocessor(p.impute as ImputeStrategy,
    p.scaler as ScalerKind);
  return pipe(pre, softmaxClassifier(1 / (p.C as number), 3));
}
// #endregion

// #region penguin-grid
/** The settings grid search tries: 6 · 2 · 3 = 36 pipelines. */
export const GRID = {
  C: [0.01, 0.1, 1, 10, 100, 1000],
  impute: ['mean', 'median'],
  scaler: ['minmax', 'robust', 'standard'],
};
// #endregion

/** Throws, naming fn, unless p holds C > 0, an imputation strategy
 *  and a scaler kind. */
export function checkSettings(fn: string, p: Params): void {
  const ok = p !== null && typeof p === 'object' &&
    typeof p.C === 'number' && p.C > 0 && Number.isFinite(p.C);
  if (!ok) {
    throw new Error(`${fn}: expected settings { C, impute, scaler } ` +
      `with C > 0, got ${JSON.stringify(p)}`);
  }
  checkChoice(fn, 'impute', p.impute as ImputeStrategy, STRATEGIES);
  checkChoice(fn, 'scaler', p.scaler as ScalerKind, SCALERS);
}
