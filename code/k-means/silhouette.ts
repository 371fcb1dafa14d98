// The silhouette of a clustering (Rousseeuw 1987). Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkData, checkLabels } from './checks.ts';

// #region silhouette
/** s_i = (b_i − a_i) / max(a_i, b_i), Eq. (km-silhouette): a_i the mean
 *  distance from x_i to the rest of its cluster, b_i the smallest mean
 *  distance to another cluster; 0 for a point alone in its cluster. */
export function silhouetteSamples(X: Matrix, labels: Int32Array,
  k: number): Float64Array {
  checkSilhouette('silhouetteSamples', X, labels, k);
  const { data: x, rows: n, cols: d } = X;
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[labels[i]]++;
  const s = new Float64Array(n);
  const sum = new Float64Array(k); // Σ distances from x_i to each cluster
  for (let i = 0; i < n; i++) {
    sum.fill(0);
    for (let t = 0; t < n; t++) {
      let q = 0;
      for (let j = 0; j < d; j++) q += (x[i * d + j] - x[t * d + j]) ** 2;
      sum[labels[t]] += Math.sqrt(q);
    }
    const own = labels[i];
    if (size[own] === 1) continue; // s_i = 0
    const a = sum[own] / (size[own] - 1);
    let b = Infinity;
    for (let m = 0; m < k; m++) {
      if (m !== own && size[m] > 0) b = Math.min(b, sum[m] / size[m]);
    }
    s[i] = (b - a) / Math.max(a, b);
  }
  return s;
}

/** The mean silhouette over all points: higher is better. */
export function silhouetteScore(X: Matrix, labels: Int32Array,
  k: number): number {
  checkSilhouette('silhouetteScore', X, labels, k);
  const s = silhouetteSamples(X, labels, k);
  let total = 0;
  for (const v of s) total += v;
  return total / s.length;
}
// #endregion

function checkSilhouette(fn: string, X: Matrix, labels: Int32Array,
  k: number): void {
  checkData(fn, X);
  if (!Number.isSafeInteger(k) || k < 2) {
    throw new Error(`${fn}: k must be an integer >= 2, got ${k}`);
  }
  checkLabels(fn, labels, X.rows, k);
  let used = 0;
  const seen = new Uint8Array(k);
  for (const v of labels) if (!seen[v]) { seen[v] = 1; used++; }
  if (used < 2 || used > X.rows - 1) {
    throw new Error(`${fn}: labels must use between 2 and n − 1 = ` +
      `${X.rows - 1} clusters, got ${used}`);
  }
}
