// Exercise solution: which category to drop. Body mass predicted from
// the island alone, by least squares and by ridge, with one island's
// column dropped or all three kept. Node only: it loads the penguins.
import { Matrix, type Vector } from '../../linear-algebra/matrix.ts';
import {
  fitNormalEquations,
  predict,
} from '../../linear-regression/model.ts';
import { ridgeCholesky } from '../../regularization/ridge.ts';
import { checkChoice } from '../checks.ts';
import { oneHotEncoder } from '../encode.ts';
import { takeFrameRows } from '../frame.ts';
import { loadPenguins } from '../penguins.ts';
import { select } from '../pipeline.ts';

// #region drop-choice
/**
 * Fitted body masses from the island's one-hot columns, taken in the
 * order `order` (a permutation of 0, 1, 2: relabelled islands), the
 * column `drop` of that order removed (null: none), fitted with ridge
 * strength lambda_ (0: least squares).
 */
export function islandFit(
  drop: number | null,
  lambda_: number,
  order = [0, 1, 2],
): Vector {
  checkIslandFit(drop, lambda_, order);
  const { X, y } = massAndIsland();
  const keep = order.filter((_, k) => k !== drop);
  const A = new Matrix(y.length, keep.length);
  for (let i = 0; i < y.length; i++) {
    keep.forEach((c, j) => { A.data[i * keep.length + j] = X[i][c]; });
  }
  const fit = lambda_ === 0 ? fitNormalEquations(A, y)
    : ridgeCholesky(A, y, lambda_);
  return predict(A, fit.w, fit.b);
}
// #endregion

/** The penguins with a body mass: masses, and one-hot islands. */
function massAndIsland() {
  const p = loadPenguins();
  const mass = select('islandFit', p.X, ['body_mass_g'])[0]
    .values as Float64Array;
  const rows = [...mass.keys()].filter((i) => !Number.isNaN(mass[i]));
  const islands = takeFrameRows(select('islandFit', p.X, ['island']),
    rows);
  const cols = oneHotEncoder()(islands)(islands);
  const X = rows.map((_, i) => cols.map((c) => c.values[i] as number));
  return { X, y: Float64Array.from(rows, (i) => mass[i]) };
}

function checkIslandFit(
  drop: number | null,
  lambda_: number,
  order: number[],
): void {
  if (drop !== null) {
    checkChoice('islandFit', 'drop', String(drop), ['0', '1', '2']);
  }
  if (!(Number.isFinite(lambda_) && lambda_ >= 0)) {
    throw new Error(`islandFit: lambda_ must be >= 0, got ${lambda_}`);
  }
  const ok = Array.isArray(order) && order.length === 3 &&
    [0, 1, 2].every((k) => order.includes(k));
  if (!ok) {
    throw new Error('islandFit: order must be a permutation of 0, 1, 2');
  }
  if (drop === null && lambda_ === 0) {
    throw new Error('islandFit: all three columns with an intercept ' +
      'and no penalty have no unique fit; drop one or set lambda_ > 0');
  }
}
