// Starting maps: the data's first two principal components, scaled as
// scikit-learn scales them, or small Gaussian noise.
import { fitPca, transform } from '../pca/pca.ts';
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkData, checkInt } from './checks.ts';

// #region init
export const INIT_SCALE = 1e-4;

/** PCA scores on 2 components, rescaled so column 1 has std 1e-4. */
export function pcaInit(X: Matrix): Matrix {
  checkData('pcaInit', X, 'X', 3);
  if (X.cols < 2) {
    throw new Error(`pcaInit: X needs at least 2 columns, got ${X.cols}`);
  }
  const Z = transform(fitPca(X, 2), X);
  let m = 0, v = 0;
  for (let i = 0; i < Z.rows; i++) m += Z.data[2 * i] / Z.rows;
  for (let i = 0; i < Z.rows; i++) v += (Z.data[2 * i] - m) ** 2;
  const scale = INIT_SCALE / Math.sqrt(v / Z.rows); // np.std: ddof 0
  for (let k = 0; k < Z.data.length; k++) Z.data[k] *= scale;
  return Z;
}

/** n x 2 draws from N(0, 1e-8): sklearn's init="random". */
export function randomInit(n: number, seed: number): Matrix {
  checkInt('randomInit', 'n', n, 2);
  checkInt('randomInit', 'seed', seed, 0, Number.MAX_SAFE_INTEGER);
  const rng = createRng(seed);
  return new Matrix(n, 2, rng.normalArray(2 * n, 0, INIT_SCALE));
}
// #endregion
