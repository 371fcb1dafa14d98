// @unshown: input checks of memorize; the prose shows the algorithm.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { requireProbability } from '../introduction/checks.ts';
import { checkCount, checkLabels, checkMatrix } from './checks.ts';

export function checkMemorize(X: Matrix, y: Int32Array, o: {
  hidden: number; classes: number; maxEpochs: number; batchSize: number;
  eta: number; seed: number; weightDecay?: number; dropout?: number;
}): void {
  const fn = 'memorize';
  checkMatrix(fn, 'X', X);
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
  checkCount(fn, 'classes', o.classes, 2);
  checkLabels(fn, y, o.classes);
  if (y.length !== X.rows) {
    throw new Error(`${fn}: y must have ${X.rows} labels (one per row ` +
      `of X), got ${y.length}`);
  }
  checkCount(fn, 'hidden', o.hidden);
  checkCount(fn, 'maxEpochs', o.maxEpochs);
  checkCount(fn, 'batchSize', o.batchSize);
  checkCount(fn, 'seed', o.seed, 0);
  if (typeof o.eta !== 'number' || !Number.isFinite(o.eta) ||
    o.eta <= 0) {
    throw new Error(`${fn}: eta must be a finite number > 0, got ${o.eta}`);
  }
  const wd = o.weightDecay ?? 0;
  if (typeof wd !== 'number' || !Number.isFinite(wd) || wd < 0) {
    throw new Error(`${fn}: weightDecay must be a finite number >= 0, ` +
      `got ${wd}`);
  }
  const p = o.dropout ?? 0;
  requireProbability(fn, 'dropout', p);
  if (p >= 1) throw new Error(`${fn}: dropout must be < 1, got ${p}`);
}
