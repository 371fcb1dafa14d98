// Data for the chapter's studies: a stratified subset of the digits,
// Gaussian clusters in d dimensions, and the crowding study.
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkData, checkInt, checkRange } from './checks.ts';

// #region stratified
/** perClass rows of each label, drawn without replacement (seeded). */
export function stratified(X: Matrix, y: Int32Array, perClass: number,
  seed: number): { X: Matrix; y: Int32Array } {
  checkStratified(X, y, perClass, seed);
  const rng = createRng(seed);
  const classes = [...new Set(y)].sort((a, b) => a - b);
  const picked: number[] = [];
  for (const c of classes) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === c) rows.push(i);
    const take = rng.shuffle(rows).slice(0, perClass);
    for (const r of take.sort((a, b) => a - b)) picked.push(r);
  }
  const d = X.cols, S = new Matrix(picked.length, d);
  picked.forEach((r, i) => S.data.set(X.data.subarray(r * d, r * d + d),
    i * d));
  return { X: S, y: Int32Array.from(picked, (r) => y[r]) };
}
// #endregion

// #region clusters
/** sizes[m] points from N(centres[m], spreads[m]^2 I) in d dimensions. */
export function clusters(centres: number[][], sizes: number[],
  spreads: number[], seed: number): { X: Matrix; y: Int32Array } {
  checkClusters(centres, sizes, spreads, seed);
  const rng = createRng(seed), d = centres[0].length;
  let n = 0;
  for (const m of sizes) n += m;
  const X = new Matrix(n, d), y = new Int32Array(n);
  let i = 0;
  centres.forEach((c, m) => {
    for (let t = 0; t < sizes[m]; t++, i++) {
      for (let a = 0; a < d; a++) {
        X.data[i * d + a] = rng.normal(c[a], spreads[m]);
      }
      y[i] = m;
    }
  });
  return { X, y };
}
// #endregion

// #region crowding
/** Distances from each of n uniform points in [0, 1]^d to the others,
 *  divided by their mean: how much room "near" and "far" have. */
export function relativeDistances(d: number, n: number, seed: number) {
  checkInt('relativeDistances', 'd', d, 1);
  checkInt('relativeDistances', 'n', n, 2);
  checkInt('relativeDistances', 'seed', seed, 0, Number.MAX_SAFE_INTEGER);
  const rng = createRng(seed);
  const X = new Matrix(n, d, rng.uniformArray(n * d));
  const out = new Float64Array((n * (n - 1)) / 2);
  let k = 0, mean = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      let s = 0;
      for (let a = 0; a < d; a++) {
        s += (X.data[i * d + a] - X.data[j * d + a]) ** 2;
      }
      out[k] = Math.sqrt(s);
      mean += out[k] / out.length;
    }
  }
  for (let t = 0; t < out.length; t++) out[t] /= mean;
  return out;
}
// #endregion

function checkStratified(X: Matrix, y: Int32Array, perClass: number,
  seed: number) {
  const fn = 'stratified';
  checkData(fn, X);
  if (!(y instanceof Int32Array) || y.length !== X.rows) {
    throw new Error(`${fn}: y must be an Int32Array of X.rows = ` +
      `${X.rows} labels, got length ${y?.length}`);
  }
  checkInt(fn, 'seed', seed, 0, Number.MAX_SAFE_INTEGER);
  for (const c of y) checkInt(fn, 'y', c, 0);
  const counts = new Map<number, number>();
  for (const c of y) counts.set(c, (counts.get(c) ?? 0) + 1);
  let fewest = Infinity;
  for (const m of counts.values()) fewest = Math.min(fewest, m);
  checkInt(fn, 'perClass', perClass, 1, fewest);
}

function checkClusters(centres: number[][], sizes: number[],
  spreads: number[], seed: number) {
  const fn = 'clusters';
  if (!Array.isArray(centres) || centres.length === 0) {
    throw new Error(`${fn}: centres must be a non-empty array`);
  }
  const d = centres[0]?.length;
  for (const c of centres) {
    if (!Array.isArray(c) || c.length !== d || d === 0) {
      throw new Error(`${fn}: centres must be arrays of one length >= 1`);
    }
    for (const v of c) checkRange(fn, 'centres', v, -Infinity);
  }
  if (!Array.isArray(sizes) || sizes.length !== centres.length ||
    !Array.isArray(spreads) || spreads.length !== centres.length) {
    throw new Error(`${fn}: sizes and spreads must have one entry per ` +
      `centre (${centres.length})`);
  }
  for (const m of sizes) checkInt(fn, 'sizes', m, 1);
  for (const s of spreads) checkRange(fn, 'spreads', s, 0);
  checkInt(fn, 'seed', seed, 0, Number.MAX_SAFE_INTEGER);
}
