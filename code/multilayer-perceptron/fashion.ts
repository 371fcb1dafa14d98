// The 12,000-image Fashion-MNIST training subset shipped in
// data/fashion-mnist/ (see its README for how it was drawn), read with
// the PCA chapter's idx parser and its SHA-256 checked. Node only.
import { gunzipSync } from 'node:zlib';
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { parseIdx } from '../pca/idx.ts';

// #region load-train
/** SHA-256 of the two train12k files, as in data/fashion-mnist/. */
export const FASHION_TRAIN_SHA256 = {
  images:
    '58579223430474ae4210cf480a8719da064a4e44493a307e987e06178ef314c1',
  labels:
    '34158c449cc1fba946ac4605ffc03871b1c29698cc2dd695be77f9ec0c7360c8',
};

/** The 12,000 training images, pixels scaled to [0, 1], and labels. */
export function loadFashionTrain() {
  const read = (file: string, sha: string, dims: number) => parseIdx(
    new Uint8Array(gunzipSync(readVerified('loadFashionTrain',
      dataPath(`data/fashion-mnist/${file}`), sha,
      'data/fashion-mnist/README.md'))), dims);
  const images = read('train12k-images-idx3-ubyte.gz',
    FASHION_TRAIN_SHA256.images, 3);
  const labels = read('train12k-labels-idx1-ubyte.gz',
    FASHION_TRAIN_SHA256.labels, 1);
  const n = images.dims[0];
  const X = new Matrix(n, 784);
  for (let i = 0; i < n * 784; i++) X.data[i] = images.data[i] / 255;
  return { X, y: Int32Array.from(labels.data) };
}
// #endregion
