// Exercise: linear-time attention (Katharopoulos et al. 2020). Replace
// exp(q·k) by φ(q)·φ(k) with φ(x) = elu(x) + 1 > 0; then
// Σ_j φ(q)·φ(k_j) v_j = φ(q)ᵀ (Σ_j φ(k_j) v_jᵀ), and the sum in
// brackets, [d, dv], is computed once: O(T d dv) instead of O(T² d).
// Causal: the sums run over j ≤ i and are kept as running totals.
import { Tensor } from '../../autodiff/tensor.ts';
import { checkRank } from '../checks.ts';

const phi = (x: number) => (x > 0 ? x + 1 : Math.exp(x)); // elu + 1

// #region linear
/** q [T, d], k [T, d], v [T, dv] → [T, dv], in O(T d dv). */
export function linearAttention(q: Tensor, k: Tensor, v: Tensor,
  causal = false): Tensor {
  const [T, d, dv] = checkLinear(q, k, v, causal);
  const S = new Float64Array(d * dv); // Σ_j φ(k_j) v_jᵀ
  const z = new Float64Array(d); // Σ_j φ(k_j)
  const add = (j: number) => {
    for (let a = 0; a < d; a++) {
      const f = phi(k.data[j * d + a]);
      z[a] += f;
      for (let c = 0; c < dv; c++) S[a * dv + c] += f * v.data[j * dv + c];
    }
  };
  if (!causal) for (let j = 0; j < T; j++) add(j);
  const out = new Float64Array(T * dv);
  for (let i = 0; i < T; i++) {
    if (causal) add(i); // keys 0 … i so far
    let den = 0;
    for (let a = 0; a < d; a++) {
      const f = phi(q.data[i * d + a]);
      den += f * z[a];
      for (let c = 0; c < dv; c++) out[i * dv + c] += f * S[a * dv + c];
    }
    for (let c = 0; c < dv; c++) out[i * dv + c] /= den;
  }
  return new Tensor(out, [T, dv]);
}
// #endregion

/** The same weights the slow way: w_ij ∝ φ(q_i)·φ(k_j), [T, T]. */
export function linearAttentionWeights(q: Tensor, k: Tensor,
  causal = false): Float64Array {
  const [T, d] = checkLinear(q, k, k, causal, 'linearAttentionWeights');
  const w = new Float64Array(T * T);
  for (let i = 0; i < T; i++) {
    let den = 0;
    for (let j = 0; j < (causal ? i + 1 : T); j++) {
      let s = 0;
      for (let a = 0; a < d; a++) {
        s += phi(q.data[i * d + a]) * phi(k.data[j * d + a]);
      }
      w[i * T + j] = s;
      den += s;
    }
    for (let j = 0; j < T; j++) w[i * T + j] /= den;
  }
  return w;
}

function checkLinear(q: Tensor, k: Tensor, v: Tensor, causal: boolean,
  fn = 'linearAttention'): [number, number, number] {
  const [T, d] = checkRank(fn, 'q', q, 2, 2);
  const [Tk, dk] = checkRank(fn, 'k', k, 2, 2);
  const [Tv, dv] = checkRank(fn, 'v', v, 2, 2);
  if (Tk !== T || Tv !== T || dk !== d) {
    throw new Error(`${fn}: q [${q.shape}], k [${k.shape}], v ` +
      `[${v.shape}] must be [T, d], [T, d], [T, dv]`);
  }
  if (typeof causal !== 'boolean') {
    throw new Error(`${fn}: causal must be true or false`);
  }
  return [T, d, dv];
}
