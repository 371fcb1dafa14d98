// The wine recognition data, loaded with its checksum verified. Node
// only (fs and crypto): never import this file into browser code.
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { Matrix } from '../linear-algebra/matrix.ts';

// #region load-wine
/** SHA-256 of data/wine/wine.csv, as in its README.md. */
export const WINE_SHA256 =
  '7ab4bfea28aa2b962a6d5554dc25111c278c99dae4af27edd4922d802ff3a8da';

/** The CSV beside the book's root, wherever this module was bundled. */
export function winePath(): string {
  return dataPath('data/wine/wine.csv');
}

/** 178 wines: X holds 13 chemical measurements, y the cultivar 0..2. */
export function loadWine(path = winePath()) {
  const bytes = readVerified('loadWine', path, WINE_SHA256,
    'data/wine/README.md');
  // the checksum fixes the content: a header and 178 rows of 14 numbers
  const [header, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
  const X = new Matrix(lines.length, 13);
  const y = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    const v = line.split(',').map(Number);
    X.data.set(v.slice(0, 13), i * 13);
    y[i] = v[13];
  });
  return { X, y, features: header.split(',').slice(0, 13) };
}
// #endregion
