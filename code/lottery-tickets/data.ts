// The chapter's data: Fashion-MNIST from the 12,000-image subset of the
// multilayer-perceptron chapter, each image averaged over 2 × 2 blocks
// to 14 × 14 = 196 pixels, cut into disjoint train, validation and test
// rows (the first nTrain, the next nVal, the next nTest).
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadFashionTrain } from '../multilayer-perceptron/fashion.ts';
import type { Split } from './train.ts';
import { checkCount, checkValues } from './checks.ts';

// #region data
/** 28 × 28 images (rows of X) to 14 × 14: the mean of each 2 × 2. */
export function downsample(X: Matrix): Matrix {
  if (!(X instanceof Matrix) || X.cols !== 784) {
    throw new Error('downsample: X must be a Matrix with 784 columns');
  }
  checkValues('downsample', 'X', X.data);
  const out = new Matrix(X.rows, 196);
  for (let i = 0; i < X.rows; i++) {
    for (let r = 0; r < 14; r++) {
      for (let c = 0; c < 14; c++) {
        const a = i * 784 + 2 * r * 28 + 2 * c; // top-left pixel
        out.data[i * 196 + r * 14 + c] = (X.data[a] + X.data[a + 1] +
          X.data[a + 28] + X.data[a + 29]) / 4;
      }
    }
  }
  return out;
}
// #endregion

/** Disjoint train, validation and test rows, downsampled. */
export function fashionSplit(nTrain: number, nVal: number,
  nTest: number): Split {
  checkCount('fashionSplit', 'nTrain', nTrain);
  checkCount('fashionSplit', 'nVal', nVal);
  checkCount('fashionSplit', 'nTest', nTest);
  const { X, y } = loadFashionTrain();
  if (nTrain + nVal + nTest > X.rows) {
    throw new Error(`fashionSplit: nTrain + nVal + nTest must be at ` +
      `most ${X.rows}`);
  }
  const part = (from: number, n: number) => {
    const Xs = new Matrix(n, 784);
    Xs.data.set(X.data.subarray(from * 784, (from + n) * 784));
    return { X: downsample(Xs), y: y.slice(from, from + n) };
  };
  return { train: part(0, nTrain), val: part(nTrain, nVal),
    test: part(nTrain + nVal, nTest) };
}
