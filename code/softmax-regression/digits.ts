// The 8 x 8 handwritten digits, loaded with their checksum verified.
// Node only (fs and crypto): never import this file into browser code.
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { Matrix } from '../linear-algebra/matrix.ts';

// #region load-digits
/** SHA-256 of data/digits/digits.csv, as in its README.md. */
export const DIGITS_SHA256 =
  '6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8';

/** The CSV beside the book's root, wherever this module was bundled. */
export function digitsPath(): string {
  return dataPath('data/digits/digits.csv');
}

/** 1797 images: X holds 64 pixels in 0..16 per row, y the digit. */
export function loadDigits(path = digitsPath()) {
  const bytes = readVerified('loadDigits', path, DIGITS_SHA256,
    'data/digits/README.md');
  // the checksum fixes the content: 1797 lines of 64 pixels + a label
  const lines = bytes.toString('utf8').trimEnd().split('\n');
  const X = new Matrix(lines.length, 64);
  const y = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    const v = line.split(',').map(Number);
    X.data.set(v.slice(0, 64), i * 64);
    y[i] = v[64];
  });
  return { X, y };
}
// #endregion
