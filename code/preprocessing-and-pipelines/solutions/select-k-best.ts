// Exercise solution: a supervised step (keep the k columns whose class
// means differ most) and the leak it causes when fitted outside the
// folds, measured on pure noise. Browser-safe.
import { createRng } from '../../introduction/random.ts';
import { accuracyFromProba, softmaxClassifier } from '../classifier.ts';
import { checkFrame, checkLabelsFor } from '../checks.ts';
import { stratifiedKFold } from '../folds.ts';
import { rowCount, type Column, type Frame } from '../frame.ts';
import { leakyAndProper } from '../leakage.ts';
import { select, type Step } from '../pipeline.ts';

// #region f-statistic
/** One-way ANOVA F: between-class over within-class mean square. */
export function fStatistic(x: Float64Array, y: Int32Array): number {
  checkF(x, y);
  const L = y.reduce((m, v) => Math.max(m, v), 0) + 1;
  const sum = new Float64Array(L), count = new Float64Array(L);
  let total = 0;
  x.forEach((v, i) => { sum[y[i]] += v; count[y[i]] += 1; total += v; });
  const mean = total / x.length;
  let between = 0, within = 0, K = 0;   // K: the classes present
  for (let k = 0; k < L; k++) {
    if (count[k] === 0) continue;
    K += 1;
    between += count[k] * (sum[k] / count[k] - mean) ** 2;
  }
  x.forEach((v, i) => { within += (v - sum[y[i]] / count[y[i]]) ** 2; });
  return (between / (K - 1)) / (within / (x.length - K));
}
// #endregion

// #region select-k-best
/** Keeps the k numeric columns with the largest F, in frame order. */
export function selectKBest(k: number): Step<Frame, Frame> {
  checkK(k, Infinity);
  return (X, y) => {
    checkSelect(X, y, k);
    const F = X.map((c) => fStatistic(c.values as Float64Array, y!));
    const order = [...F.keys()].sort((a, b) => F[b] - F[a] || a - b);
    const names = order.slice(0, k).sort((a, b) => a - b)
      .map((j) => X[j].name);
    return (Xnew) => select('selectKBest', Xnew, names);
  };
}
// #endregion

// #region selection-leak
/**
 * n rows of d independent normal columns and labels 0/1 drawn
 * independently of them: no model can beat accuracy 1/2. CV accuracy
 * of selection + softmax regression, leaky and proper, per repeat.
 */
export function selectionLeak(
  { n = 50, d = 1000, k = 10, repeats = 10, seed = 4 } = {},
) {
  checkSizes({ n, d, k, repeats, seed });
  const rng = createRng(seed);
  return Array.from({ length: repeats }, () => {
    const X: Frame = Array.from({ length: d }, (_, j): Column => ({
      name: `x${j}`, kind: 'number', values: rng.normalArray(n),
    }));
    const y = Int32Array.from(rng.shuffle(
      Array.from({ length: n }, (_, i) => i % 2)));
    const folds = stratifiedKFold(y, 5, rng);
    const { leaky, proper } = leakyAndProper(X, y, folds,
      selectKBest(k), softmaxClassifier(1, 2), accuracyFromProba);
    return { leaky: leaky.mean, proper: proper.mean };
  });
}
// #endregion

function checkSelect(X: Frame, y: Int32Array | undefined, k: number) {
  checkFrame('selectKBest', X);
  checkLabelsFor('selectKBest', y as Int32Array, rowCount(X));
  checkK(k, X.length);
  const c = X.find((col) => col.kind !== 'number' ||
    col.values.some(Number.isNaN));
  if (c) {
    throw new Error(`selectKBest: column "${c.name}" must be numeric ` +
      'with no gaps');
  }
}

function checkF(x: Float64Array, y: Int32Array): void {
  const ok = x instanceof Float64Array && x.every(Number.isFinite);
  if (!ok) throw new Error('fStatistic: x must be finite numbers');
  checkLabelsFor('fStatistic', y, x.length);
  const classes = new Set(y).size;
  if (classes < 2 || x.length <= classes) {
    throw new Error(`fStatistic: need two or more classes and more ` +
      `rows than classes, got ${classes} classes, ${x.length} rows`);
  }
}

function checkK(k: number, max: number): void {
  if (!Number.isInteger(k) || k < 1 || k > max) {
    throw new Error(`selectKBest: k must be an integer in ` +
      `[1, ${max}], got ${k}`);
  }
}

function checkSizes(o: Record<string, number>): void {
  const min: Record<string, number> = { n: 10, d: 1, k: 1, repeats: 1,
    seed: 0 };
  for (const [name, v] of Object.entries(o)) {
    if (!Number.isSafeInteger(v) || v < min[name] || (name === 'k' &&
      v > o.d)) {
      throw new Error(`selectionLeak: ${name} must be an integer >= ` +
        `${min[name]}${name === 'k' ? ' and <= d' : ''}, got ${v}`);
    }
  }
}
