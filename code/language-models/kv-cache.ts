// The KV cache. Generating token t+1 needs only position t's query, but
// the keys and values of every position s ≤ t. Without a cache, each
// new token re-runs the whole prefix; with one, each position's k_s and
// v_s are computed once, when s is the newest token, and kept.
import { checkIds, type Decoder } from './decoder.ts';

// #region kv-cache
/** The keys and values computed so far, one row per past position. */
export class KVCache {
  readonly keys: Float64Array[] = [];
  readonly values: Float64Array[] = [];
  /** Multiply-adds of every step so far (for the cost figure). */
  macs = 0;
  get length(): number { return this.keys.length; }
}
// #endregion

// #region cached-step
/** Reads one more token: its position is the cache's length (0 for the
 *  first token). Appends its k and v; returns the next token's logits. */
export function cachedStep(m: Decoder, cache: KVCache, id: number) {
  checkStep(m, cache, id);
  const d = m.d, t = cache.length; // Eq. (lm-kv-step)
  const x = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    x[j] = m.E.data[id * d + j] + m.P.data[t * d + j];
  }
  const q = vecMat(x, m.Wq.data, d, d, cache);
  cache.keys.push(vecMat(x, m.Wk.data, d, d, cache));
  cache.values.push(vecMat(x, m.Wv.data, d, d, cache));
  const a = new Float64Array(t + 1); // scores over s = 0 … t
  let top = -Infinity;
  for (let s = 0; s <= t; s++) {
    a[s] = dot(q, cache.keys[s], cache) / Math.sqrt(d);
    top = Math.max(top, a[s]);
  }
  let sum = 0;
  for (let s = 0; s <= t; s++) sum += (a[s] = Math.exp(a[s] - top));
  const o = new Float64Array(d);
  for (let s = 0; s <= t; s++) {
    for (let j = 0; j < d; j++) o[j] += (a[s] / sum) * cache.values[s][j];
  }
  cache.macs += (t + 1) * d;
  const h = vecMat(o, m.Wo.data, d, d, cache);
  for (let j = 0; j < d; j++) h[j] += x[j]; // the residual
  const z = vecMat(h, m.W.data, d, m.V, cache);
  for (let c = 0; c < m.V; c++) z[c] += m.b.data[c];
  return z;
}
// #endregion

function vecMat(x: Float64Array, W: Float64Array, r: number, c: number,
  cache: KVCache): Float64Array {
  const out = new Float64Array(c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) out[j] += x[i] * W[i * c + j];
  }
  cache.macs += r * c;
  return out;
}

function dot(a: Float64Array, b: Float64Array, cache: KVCache): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  cache.macs += a.length;
  return s;
}

function checkStep(m: Decoder, cache: KVCache, id: number): void {
  checkIds('cachedStep', m, [id]);
  if (!(cache instanceof KVCache)) {
    throw new Error('cachedStep: cache must be a KVCache');
  }
  if (cache.length >= m.maxLen) {
    throw new Error(`cachedStep: the cache is full (${m.maxLen} ` +
      'positions)');
  }
}
