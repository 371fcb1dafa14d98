// Imputation: fill each column's gaps with a value learned from the
// training rows (mean, median, most frequent or a constant), and
// optionally add a 0/1 column that says where the gaps were.
// Browser-safe.
import { median } from '../statistics/bootstrap.ts';
import { checkChoice, checkFrame } from './checks.ts';
import type { Column, Frame } from './frame.ts';
import type { Step } from './pipeline.ts';
import { sameNames } from './scale.ts';

export type ImputeStrategy =
  'mean' | 'median' | 'most_frequent' | 'constant';
export const STRATEGIES: readonly ImputeStrategy[] = [
  'mean', 'median', 'most_frequent', 'constant',
];

export interface ImputerOptions {
  /** Add a missing-indicator column per column with gaps in training. */
  indicator?: boolean;
  /** The constant strategy's value: default 0, or "missing_value". */
  fill?: number | string;
}

// #region fill-value
/** The value that fills a column's gaps, Eq. (pp-impute). */
export function fillValue(
  c: Column,
  strategy: ImputeStrategy,
  fill?: number | string,
): number | string {
  checkFillInput('fillValue', c, strategy, fill);
  if (strategy === 'constant') {
    return fill ?? (c.kind === 'number' ? 0 : 'missing_value');
  }
  const seen = observed(c);
  if (seen.length === 0) {
    throw new Error(`fillValue: column "${c.name}" has no observed ` +
      'value to learn from');
  }
  if (strategy === 'most_frequent') return mostFrequent(seen);
  const x = Float64Array.from(seen as number[]);
  if (strategy === 'median') return median(x);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i];
  return sum / x.length; // the mean of the observed values
}
// #endregion

// #region most-frequent
/** The most frequent value; of several, the smallest (as sklearn). */
function mostFrequent<T extends number | string>(xs: T[]): T {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = xs[0];
  for (const [x, k] of counts) {
    const top = counts.get(best)!;
    if (k > top || (k === top && x < best)) best = x;
  }
  return best;
}
// #endregion

// #region imputer-step
/** Fills gaps column by column; indicators go after all the columns. */
export function imputer(
  strategy: ImputeStrategy,
  { indicator = false, fill }: ImputerOptions = {},
): Step<Frame, Frame> {
  checkChoice('imputer', 'strategy', strategy, STRATEGIES);
  return (X) => {
    checkFrame('imputer', X);
    const fills = X.map((c) => fillValue(c, strategy, fill));
    const gappy = indicator ? gappyNames(X) : [];
    return (Xnew) => {
      checkFrame('imputer', Xnew);
      sameNames('imputer', X, Xnew);
      const filled = Xnew.map((c, j) => fillGaps(c, fills[j]));
      return [...filled, ...flags(Xnew, gappy)];
    };
  };
}
// #endregion

// #region missing-indicator
/** Only the indicators of Eq. (pp-indicator), as a step of its own:
 *  one 0/1 column per column with gaps in the training rows. */
export function missingIndicator(): Step<Frame, Frame> {
  return (X) => {
    checkFrame('missingIndicator', X);
    const gappy = gappyNames(X); // gaps in training rows
    return (Xnew) => {
      checkFrame('missingIndicator', Xnew);
      sameNames('missingIndicator', X, Xnew);
      return flags(Xnew, gappy);
    };
  };
}

/** A 0/1 column for each column of X named in `gappy`. */
function flags(X: Frame, gappy: string[]): Frame {
  return X.filter((c) => gappy.includes(c.name)).map((c): Column => ({
    name: `missingindicator_${c.name}`, kind: 'number',
    values: Float64Array.from({ length: c.values.length },
      (_, i) => (isGap(c.values[i]) ? 1 : 0)), // Eq. (pp-indicator)
  }));
}
// #endregion

/** The names of the columns of X that have a gap. */
function gappyNames(X: Frame): string[] {
  return X.filter((c) => observed(c).length < c.values.length)
    .map((c) => c.name);
}

/** The column with every gap replaced by v. */
function fillGaps(c: Column, v: number | string): Column {
  if (c.kind === 'number') {
    const x = c.values.map((u) => (Number.isNaN(u) ? (v as number) : u));
    return { ...c, values: x };
  }
  return { ...c, values: c.values.map((u) => u ?? (v as string)) };
}

function isGap(v: number | string | null): boolean {
  return v === null || (typeof v === 'number' && Number.isNaN(v));
}

/** The non-missing values of a column. */
function observed(c: Column): (number | string)[] {
  const out: (number | string)[] = [];
  for (const v of c.values) if (!isGap(v)) out.push(v as number | string);
  return out;
}

function checkFillInput(
  fn: string,
  c: Column,
  strategy: ImputeStrategy,
  fill: number | string | undefined,
): void {
  checkFrame(fn, [c]);
  checkChoice(fn, 'strategy', strategy, STRATEGIES);
  const numeric = strategy === 'mean' || strategy === 'median';
  if (numeric && c.kind !== 'number') {
    throw new Error(`${fn}: strategy "${strategy}" needs numbers; ` +
      `column "${c.name}" holds categories (use "most_frequent" or ` +
      '"constant")');
  }
  if (fill === undefined) return;
  const ok = c.kind === 'number'
    ? typeof fill === 'number' && Number.isFinite(fill)
    : typeof fill === 'string';
  if (!ok) {
    throw new Error(`${fn}: fill for ${c.kind} column "${c.name}" must ` +
      `be a ${c.kind === 'number' ? 'finite number' : 'string'}, got ` +
      `${String(fill)}`);
  }
}
