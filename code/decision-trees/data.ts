// The chapter's datasets as (X, y). Node only (fs and crypto, through
// the loaders): never import this file into browser code.
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadPenguins } from '../preprocessing-and-pipelines/penguins.ts';

// #region penguins
export const PENGUIN_FEATURES = ['bill_length_mm', 'bill_depth_mm',
  'flipper_length_mm', 'body_mass_g'];

/** The four measurements of the 344 penguins and the species 0..2.
 *  With complete = true, only the 342 penguins measured in full;
 *  otherwise a missing measurement is NaN. */
export function penguinMeasurements(complete = true) {
  if (typeof complete !== 'boolean') {
    throw new Error(`penguinMeasurements: complete must be true or ` +
      `false, got ${complete}`);
  }
  const { X: frame, y } = loadPenguins();
  const cols = PENGUIN_FEATURES.map((name) => {
    const c = frame.find((col) => col.name === name)!;
    return c.values as Float64Array;
  });
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (!complete || cols.every((c) => !Number.isNaN(c[i]))) rows.push(i);
  }
  const X = new Matrix(rows.length, cols.length);
  rows.forEach((i, r) => cols.forEach((c, j) => {
    X.data[r * cols.length + j] = c[i];
  }));
  return { X, y: Float64Array.from(rows, (i) => y[i]),
    features: PENGUIN_FEATURES };
}
// #endregion
