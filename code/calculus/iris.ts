// Fisher's iris data, loaded with its checksum verified. Node only (fs
// and crypto): never import this file into code that runs in a browser.
import { Matrix } from '../linear-algebra/matrix.ts';
import { dataPath, readVerified } from './data-file.ts';

// #region load-iris
/** SHA-256 of data/iris/iris.csv, as in its README.md. */
export const IRIS_SHA256 =
  'cdf459dcf51753a4f3f56e59a9c81d8c2aaf68889c0ce19ab347e46ff542e6f4';

/** The CSV beside the book's root, wherever this module was bundled. */
export function irisPath(): string {
  return dataPath('data/iris/iris.csv');
}

/** The 150 x 4 measurements X (cm) and the species y in {0, 1, 2}. */
export function loadIris(path = irisPath()) {
  const bytes = readVerified('loadIris', path, IRIS_SHA256,
    'data/iris/README.md');
  // the checksum fixes the content: a header and 150 rows of 5 numbers
  const [header, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
  const X = new Matrix(lines.length, 4);
  const y = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    const v = line.split(',').map(Number);
    X.data.set(v.slice(0, 4), i * 4);
    y[i] = v[4];
  });
  return { X, y, features: header.split(',').slice(0, 4) };
}
// #endregion
