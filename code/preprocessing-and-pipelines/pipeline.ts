// Steps, pipelines and the column transformer: how preprocessing and a
// model are fitted together, on training rows only. Browser-safe.
import { checkFrame } from './checks.ts';
import type { Frame } from './frame.ts';

// #region step
/** What a fitted step does to data: training rows or new rows. */
export type Transform<A, B> = (X: A) => B;

/**
 * A step learns what it needs from training data X (and labels y, if
 * it is supervised) and returns the transform it learned, Eq.
 * (pp-step). Everything a step knows after fitting is in that closure.
 */
export type Step<A, B> = (X: A, y?: Int32Array) => Transform<A, B>;
// #endregion

// #region pipe
/**
 * Two steps as one, Eq. (pp-pipeline): fit the first on X, transform
 * X with it, fit the second on the result. New data go through both
 * fitted transforms in the same order.
 */
export function pipe<A, B, C>(
  first: Step<A, B>,
  second: Step<B, C>,
): Step<A, C> {
  checkSteps('pipe', [first, second]);
  return (X, y) => {
    const f = first(X, y);
    const g = second(f(X), y);
    return (Xnew) => g(f(Xnew));
  };
}

/** Frame-to-frame steps fitted in order: pipe(pipe(s₁, s₂), s₃)… */
export function pipeline(
  ...steps: Step<Frame, Frame>[]
): Step<Frame, Frame> {
  checkSteps('pipeline', steps);
  return steps.reduce((a, b) => pipe(a, b));
}
// #endregion

// #region column-transformer
/** One branch: the columns it reads and the step it fits on them. */
export type Branch = [columns: string[], step: Step<Frame, Frame>];

/**
 * Fits each branch on its own columns of X and puts their outputs side
 * by side, branch after branch; columns in no branch are dropped.
 */
export function columnTransformer(branches: Branch[]): Step<Frame, Frame> {
  checkBranches(branches);
  return (X, y) => {
    checkFrame('columnTransformer', X);
    const fitted = branches.map(([cols, step]) =>
      step(select('columnTransformer', X, cols), y));
    return (Xnew) => {
      checkFrame('columnTransformer', Xnew);
      return fitted.flatMap((f, b) =>
        f(select('columnTransformer', Xnew, branches[b][0])));
    };
  };
}
// #endregion

// #region select
/** The named columns of X, in the order named. */
export function select(fn: string, X: Frame, names: string[]): Frame {
  checkNames(fn, names);
  return names.map((name) => {
    const c = X.find((col) => col.name === name);
    if (!c) {
      throw new Error(`${fn}: X has no column "${name}"; it has ` +
        X.map((col) => `"${col.name}"`).join(', '));
    }
    return c;
  });
}
// #endregion

function checkNames(fn: string, names: string[]): void {
  if (!Array.isArray(names) || names.length === 0 ||
    names.some((c) => typeof c !== 'string')) {
    throw new Error(`${fn}: names must be a non-empty list of column ` +
      'names');
  }
}

function checkSteps(fn: string, steps: unknown[]): void {
  if (steps.length === 0 || steps.some((s) => typeof s !== 'function')) {
    throw new Error(`${fn}: expected one or more steps (functions)`);
  }
}

function checkBranches(branches: Branch[]): void {
  if (!Array.isArray(branches) || branches.length === 0) {
    throw new Error('columnTransformer: expected one or more branches ' +
      '[columns, step]');
  }
  branches.forEach((b, k) => {
    const ok = Array.isArray(b) && Array.isArray(b[0]) &&
      b[0].length > 0 && b[0].every((c) => typeof c === 'string') &&
      typeof b[1] === 'function';
    if (!ok) {
      throw new Error(`columnTransformer: branch ${k} must be ` +
        '[non-empty list of column names, step]');
    }
  });
}
