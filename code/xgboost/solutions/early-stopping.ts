// Exercise: early stopping. Grow up to `rounds` trees, score a
// validation set after each, stop once `patience` rounds in a row have
// not improved on the best, and keep the trees up to the best round.
import {
  calledAs, requireFiniteArray,
} from '../../introduction/checks.ts';
import type { Matrix } from '../../linear-algebra/matrix.ts';
import {
  type XGBoostModel, type XGBoostOptions, fitXGBoost, predictMargin,
} from '../booster.ts';

export function fitEarlyStopped(
  X: Matrix, y: ArrayLike<number>, Xv: Matrix, yv: ArrayLike<number>,
  options: XGBoostOptions, patience: number,
): { model: XGBoostModel; best: number; losses: number[] } {
  if (!Number.isInteger(patience) || patience < 1) {
    throw new Error(`fitEarlyStopped: patience must be an integer ` +
      `>= 1, got ${patience}`);
  }
  requireFiniteArray('fitEarlyStopped', 'yv', yv);
  return calledAs('fitEarlyStopped', () =>
    stopEarly(X, y, Xv, yv, options, patience));
}

function stopEarly(
  X: Matrix, y: ArrayLike<number>, Xv: Matrix, yv: ArrayLike<number>,
  options: XGBoostOptions, patience: number,
) {
  const full = fitXGBoost(X, y, options); // checks X, y and options
  const losses: number[] = [];
  let best = 0;
  for (let m = 1; m <= full.trees.length; m++) {
    const part = { ...full, trees: full.trees.slice(0, m) };
    losses.push(meanLoss(part, Xv, yv));
    if (losses[m - 1] < losses[best]) best = m - 1;
    if (m - 1 - best >= patience) break;
  }
  return { model: { ...full, trees: full.trees.slice(0, best + 1) },
    best: best + 1, losses };
}

/** Mean squared error, or mean log loss for binary:logistic. */
function meanLoss(model: XGBoostModel, X: Matrix, y: ArrayLike<number>) {
  const F = predictMargin(model, X); // checks X against the model
  if (F.length !== y.length) {
    throw new Error(`fitEarlyStopped: yv must have one label per row ` +
      `of Xv (${F.length}), got ${y.length}`);
  }
  let s = 0;
  for (let i = 0; i < F.length; i++) {
    if (model.objective === 'reg:squarederror') s += (F[i] - y[i]) ** 2;
    else s += Math.log1p(Math.exp(-Math.abs(F[i]))) +
      Math.max(F[i], 0) - y[i] * F[i]; // log(1 + e^F) − yF, stably
  }
  return s / F.length;
}
