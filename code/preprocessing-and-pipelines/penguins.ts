// The Palmer penguins, loaded with their checksum verified. Node only
// (fs and crypto): never import this file into browser code.
import { dataPath, readVerified } from '../calculus/data-file.ts';
import type { Column, Frame } from './frame.ts';
import { CATEGORICAL, SPECIES } from './penguin-pipeline.ts';

// #region load-penguins
/** SHA-256 of data/penguins/penguins.csv, as in its README.md. */
export const PENGUINS_SHA256 =
  'f204db2c753b0937caac3cb35258562c14f073e4bbc76be24b4c51ce22767a93';

/** The 344 penguins: every column but species as a frame (NA becomes
 *  NaN or null), and the species as labels y in 0..2. */
export function loadPenguins(
  path = dataPath('data/penguins/penguins.csv'),
) {
  const bytes = readVerified('loadPenguins', path, PENGUINS_SHA256,
    'data/penguins/README.md');
  const [head, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
  const cells = lines.map((line) => line.split(','));
  const names = head.split(',');
  const X: Frame = names.slice(1).map((name, c): Column => {
    const raw = cells.map((row) => row[c + 1]);
    return CATEGORICAL.includes(name)
      ? { name, kind: 'category', values: raw.map((v) =>
        (v === 'NA' ? null : v)) }
      : { name, kind: 'number', values: Float64Array.from(raw, (v) =>
        (v === 'NA' ? NaN : Number(v))) };
  });
  const y = Int32Array.from(cells, (row) => SPECIES.indexOf(row[0]));
  return { X, y };
}
// #endregion
