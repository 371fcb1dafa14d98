// The data of the autoencoder chapters: a Fashion-MNIST training subset
// and held-out test images, pixels in [0, 1], optionally shrunk to
// 14 x 14 by averaging 2 x 2 blocks (four times fewer pixels, so that
// a network trains in seconds). Node only (it reads data/ files).
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadFashionTrain } from '../multilayer-perceptron/fashion.ts';
import { loadFashionMnist } from '../pca/idx.ts';

// #region split
/** Training rows from the 12,000-image training subset, test rows
 *  from the 10,000-image test file: two separate files. */
export interface FashionSplit {
  Xtrain: Matrix; ytrain: Int32Array;
  Xtest: Matrix; ytest: Int32Array;
  /** Images are side x side; a row holds side² pixels in [0, 1]. */
  side: number;
}

/** The first nTrain training and first nTest test images. */
export function loadFashionSplit(nTrain: number, nTest: number,
  side: 28 | 14 = 28): FashionSplit {
  checkSplit(nTrain, nTest, side);
  const train = loadFashionTrain();
  const test = loadFashionMnist(nTest);
  const first = (X: Matrix, n: number) => shrink(
    new Matrix(n, 784, X.data.slice(0, n * 784)), side);
  return {
    Xtrain: first(train.X, nTrain), ytrain: train.y.slice(0, nTrain),
    Xtest: first(test.X, nTest), ytest: test.y, side,
  };
}
// #endregion

// #region shrink
/** Each 2 x 2 block of a 28 x 28 image replaced by its mean. */
function shrink(X: Matrix, side: 28 | 14): Matrix {
  if (side === 28) return X;
  const out = new Matrix(X.rows, 196);
  for (let i = 0; i < X.rows; i++) {
    for (let r = 0; r < 28; r++) {
      for (let c = 0; c < 28; c++) {
        const at = i * 196 + (r >> 1) * 14 + (c >> 1);
        out.data[at] += X.data[i * 784 + r * 28 + c] / 4;
      }
    }
  }
  return out;
}
// #endregion

function checkSplit(nTrain: number, nTest: number, side: number) {
  if (!Number.isInteger(nTrain) || nTrain < 1 || nTrain > 12000) {
    throw new Error('loadFashionSplit: nTrain must be an integer in ' +
      `1..12000, got ${nTrain}`);
  }
  if (!Number.isInteger(nTest) || nTest < 1 || nTest > 10000) {
    throw new Error('loadFashionSplit: nTest must be an integer in ' +
      `1..10000, got ${nTest}`);
  }
  if (side !== 28 && side !== 14) {
    throw new Error(`loadFashionSplit: side must be 28 or 14, got ${side}`);
  }
}
