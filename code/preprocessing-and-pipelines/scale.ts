// Standard, min–max and robust scaling: each learns a centre c and a
// scale r per numeric column and maps x to (x − c)/r. Browser-safe.
import { median, quantile } from '../statistics/bootstrap.ts';
import { checkChoice, checkFrame } from './checks.ts';
import type { Column, Frame, NumberColumn } from './frame.ts';
import type { Step } from './pipeline.ts';

export type ScalerKind = 'standard' | 'minmax' | 'robust';
export const SCALERS: readonly ScalerKind[] = [
  'standard', 'minmax', 'robust',
];

// #region fit-scaling
/** Centre and scale of one column, Eqs. (pp-standard)–(pp-robust). */
export function fitScaling(
  x: Float64Array,
  kind: ScalerKind,
): { center: number; scale: number } {
  checkScalingInput('fitScaling', x, kind);
  const n = x.length;
  let center: number, scale: number;
  if (kind === 'standard') { // mean and standard deviation (1/n)
    center = 0;
    for (let i = 0; i < n; i++) center += x[i];
    center /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i] - center) ** 2;
    scale = Math.sqrt(ss / n);
  } else if (kind === 'minmax') { // smallest value and range
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, x[i]);
      hi = Math.max(hi, x[i]);
    }
    [center, scale] = [lo, hi - lo];
  } else { // median and interquartile range
    center = median(x);
    scale = quantile(x, 0.75) - quantile(x, 0.25);
  }
  return { center, scale: spreadOrOne(x, scale) };
}
// #endregion

// #region scaler-step
/** A step that scales every (numeric) column, Eq. (pp-affine). */
export function scaler(kind: ScalerKind): Step<Frame, Frame> {
  checkChoice('scaler', 'kind', kind, SCALERS);
  return (X) => {
    checkFrame('scaler', X);
    const fits = X.map((c) => fitScaling(numbers('scaler', c), kind));
    return (Xnew) => {
      checkFrame('scaler', Xnew);
      sameNames('scaler', X, Xnew);
      return Xnew.map((c, j): NumberColumn => {
        const { center, scale } = fits[j];
        const x = numbers('scaler', c);
        const z = x.map((v) => (v - center) / scale); // Eq. (pp-affine)
        return { name: c.name, kind: 'number', values: z };
      });
    };
  };
}
// #endregion

// #region spread-or-one
/**
 * A spread that is zero up to rounding (below 10ε times the largest
 * |x|) becomes 1: a constant column is centred, not blown up. The
 * linear-regression chapter's standardize refuses such a column
 * instead; inside a pipeline a fold may hold one by chance.
 */
function spreadOrOne(x: Float64Array, s: number): number {
  let big = 0;
  for (let i = 0; i < x.length; i++) big = Math.max(big, Math.abs(x[i]));
  return s > 10 * Number.EPSILON * big ? s : 1;
}
// #endregion

/** The values of a numeric column with no gaps. */
function numbers(fn: string, c: Column): Float64Array {
  if (c.kind !== 'number') {
    throw new Error(`${fn}: column "${c.name}" holds categories; ` +
      'scale numeric columns only');
  }
  if (c.values.some(Number.isNaN)) {
    throw new Error(`${fn}: column "${c.name}" has missing values; ` +
      'impute before scaling');
  }
  return c.values;
}

function checkScalingInput(fn: string, x: Float64Array, kind: string) {
  checkChoice(fn, 'kind', kind as ScalerKind, SCALERS);
  if (!(x instanceof Float64Array) || x.length === 0) {
    throw new Error(`${fn}: x must be a non-empty Float64Array`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new Error(`${fn}: x[${i}] = ${x[i]}; expected finite ` +
        'numbers (impute missing values first)');
    }
  }
}

/** Throws unless Xnew has the columns X had, in the same order. */
export function sameNames(fn: string, X: Frame, Xnew: Frame): void {
  const same = X.length === Xnew.length &&
    X.every((c, j) => c.name === Xnew[j].name);
  if (!same) {
    const names = (F: Frame) => F.map((c) => `"${c.name}"`).join(', ');
    throw new Error(`${fn}: fitted on columns [${names(X)}], got ` +
      `[${names(Xnew)}]`);
  }
}
