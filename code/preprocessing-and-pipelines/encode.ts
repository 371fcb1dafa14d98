// Categories as numbers: one-hot and ordinal encoding, with an explicit
// choice for a category that the training rows never showed.
// Browser-safe.
import { checkChoice, checkFrame } from './checks.ts';
import type { CategoryColumn, Column, Frame } from './frame.ts';
import type { Step } from './pipeline.ts';
import { sameNames } from './scale.ts';

// #region categories
/** The distinct categories of a column, sorted as scikit-learn sorts. */
export function categoriesOf(c: Column): string[] {
  checkFrame('categoriesOf', [c]);
  const values = categorical('categoriesOf', c).values;
  return [...new Set(values as string[])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0); // by UTF-16 code unit, as JS compares
}
// #endregion

// #region one-hot-options
export interface OneHotOptions {
  /** A category unseen in training: throw, or encode as all zeros. */
  unknown?: 'error' | 'ignore';
  /** Drop the first category's column (reference coding). */
  drop?: 'none' | 'first';
}
// #endregion

// #region one-hot
/** One 0/1 column per training category, Eq. (pp-one-hot). */
export function oneHotEncoder(
  { unknown = 'error', drop = 'none' }: OneHotOptions = {},
): Step<Frame, Frame> {
  checkChoice('oneHotEncoder', 'unknown', unknown, ['error', 'ignore']);
  checkChoice('oneHotEncoder', 'drop', drop, ['none', 'first']);
  const fn = 'oneHotEncoder';
  return (X) => {
    checkFrame('oneHotEncoder', X);
    const cats = X.map((c) => categoriesOf(c));
    return (Xnew) => {
      checkFrame('oneHotEncoder', Xnew);
      sameNames('oneHotEncoder', X, Xnew);
      return Xnew.flatMap((c, j) => {
        const col = categorical(fn, c);
        if (unknown === 'error') refuseUnknown(fn, col, cats[j]);
        const kept = drop === 'first' ? cats[j].slice(1) : cats[j];
        return kept.map((k): Column => ({
          name: `${c.name}_${k}`, kind: 'number',
          values: Float64Array.from(col.values, (v) => (v === k ? 1 : 0)),
        }));
      });
    };
  };
}
// #endregion

// #region ordinal
/**
 * Category k of the sorted training categories becomes the number k,
 * Eq. (pp-ordinal); an unseen one throws, or becomes `unknown`.
 */
export function ordinalEncoder(
  { unknown = 'error' }: { unknown?: 'error' | number } = {},
): Step<Frame, Frame> {
  checkUnknownCode(unknown);
  const fn = 'ordinalEncoder';
  return (X) => {
    checkFrame('ordinalEncoder', X);
    const codes = X.map((c) =>
      new Map(categoriesOf(c).map((k, i) => [k, i])));
    return (Xnew) => {
      checkFrame('ordinalEncoder', Xnew);
      sameNames('ordinalEncoder', X, Xnew);
      return Xnew.map((c, j): Column => {
        const col = categorical(fn, c);
        const known = [...codes[j].keys()];
        if (unknown === 'error') refuseUnknown(fn, col, known);
        const z = Float64Array.from(col.values,
          (v) => codes[j].get(v as string) ?? (unknown as number));
        return { name: c.name, kind: 'number', values: z };
      });
    };
  };
}
// #endregion

// #region refuse-unknown
/** Throws at the first value that is not a training category. */
function refuseUnknown(
  fn: string,
  c: CategoryColumn,
  known: string[],
): void {
  const seen = new Set(known);
  const i = c.values.findIndex((v) => !seen.has(v as string));
  if (i >= 0) {
    throw new Error(`${fn}: unknown category "${c.values[i]}" in ` +
      `column "${c.name}" at row ${i}; the training rows had ` +
      `${known.map((k) => `"${k}"`).join(', ')}. Choose what to do ` +
      'with new categories: unknown: "ignore" (one-hot) or a code ' +
      '(ordinal)');
  }
}
// #endregion

/** The column as categories with no gaps, or an error naming fn. */
function categorical(fn: string, c: Column): CategoryColumn {
  if (c.kind !== 'category') {
    throw new Error(`${fn}: column "${c.name}" holds numbers; encode ` +
      'categorical columns only');
  }
  const i = c.values.indexOf(null);
  if (i >= 0) {
    throw new Error(`${fn}: column "${c.name}" is missing row ${i}; ` +
      'impute it first (imputer "most_frequent" or "constant")');
  }
  return c;
}

function checkUnknownCode(unknown: 'error' | number): void {
  if (unknown !== 'error' && !(typeof unknown === 'number' &&
    Number.isInteger(unknown) && unknown < 0)) {
    throw new Error('ordinalEncoder: unknown must be "error" or a ' +
      `negative integer code such as -1, got ${String(unknown)}`);
  }
}
