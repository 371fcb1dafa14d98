// Decision regions of a classifier in the plane: the predicted label at
// the centre of every cell of a grid. Used by the chapter's figures and
// by its interactive demo. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkGrid2d } from './checks.ts';
import { predictKnn, type KnnClassifier } from './classifier.ts';

// #region regions
export interface Grid {
  x0: number; x1: number; nx: number; // columns over [x0, x1]
  y0: number; y1: number; ny: number; // rows over [y0, y1]
}

/** labels[r · nx + c]: the prediction at the centre of cell (r, c),
 *  row 0 at the bottom. For a model fitted on two features. */
export function decisionRegions(model: KnnClassifier, g: Grid) {
  checkGrid2d('decisionRegions', model, g);
  const cx = (c: number) => g.x0 + ((c + 0.5) * (g.x1 - g.x0)) / g.nx;
  const cy = (r: number) => g.y0 + ((r + 0.5) * (g.y1 - g.y0)) / g.ny;
  const Q = new Matrix(g.nx * g.ny, 2);
  for (let r = 0; r < g.ny; r++) {
    for (let c = 0; c < g.nx; c++) {
      Q.data[2 * (r * g.nx + c)] = cx(c);
      Q.data[2 * (r * g.nx + c) + 1] = cy(r);
    }
  }
  return predictKnn(model, Q);
}
// #endregion
