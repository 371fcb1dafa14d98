// Backpropagation through time for the Elman cell, written out by hand
// on plain arrays: the forward pass keeps every h_t, the backward pass
// runs t = T, …, 1 carrying ∂L/∂h_t, Eqs. (rnn-delta)–(rnn-grads). The
// tests check it against the engine's gradient and finite differences.
import type { ElmanCell } from './cell.ts';
import { checkArrays, checkCellArrays } from './checks.ts';

// #region forward
/** h_1, …, h_T of a batch (rows) from h_0, Eq. (rnn-elman): xs[t] is
 *  [n, d] and h0 [n, H], row-major. */
export function elmanForward(cell: ElmanCell, xs: Float64Array[],
  h0: Float64Array): Float64Array[] {
  const [n, H, d] = checkCellArrays('elmanForward', cell, xs, h0);
  const { Wih, bih, Whh, bhh } = arrays(cell);
  const hs: Float64Array[] = [];
  let prev = h0;
  for (const x of xs) {
    const h = new Float64Array(n * H);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < H; j++) {
        let a = bih[j] + bhh[j];
        for (let k = 0; k < d; k++) a += Wih[j * d + k] * x[i * d + k];
        for (let k = 0; k < H; k++) a += Whh[j * H + k] * prev[i * H + k];
        h[i * H + j] = Math.tanh(a);
      }
    }
    hs.push(h);
    prev = h;
  }
  return hs;
}
// #endregion

// #region backward
/** The gradients of L given g_t = ∂ℓ/∂h_t, the loss's direct
 *  dependence on each h_t (zeros where none), by Eqs. (rnn-delta)
 *  and (rnn-grads). */
export function elmanBptt(cell: ElmanCell, xs: Float64Array[],
  h0: Float64Array, gs: Float64Array[]) {
  const [n, H, d] = checkCellArrays('elmanBptt', cell, xs, h0);
  checkArrays('elmanBptt', 'gs', gs, xs.length, n * H);
  const { Wih, Whh } = arrays(cell);
  const hs = elmanForward(cell, xs, h0);
  const g = { Wih: new Float64Array(H * d), bih: new Float64Array(H),
    Whh: new Float64Array(H * H), bhh: new Float64Array(H),
    xs: [] as Float64Array[], h0: new Float64Array(0) as Float64Array };
  let carry: Float64Array = new Float64Array(n * H); // zero after T
  for (let t = xs.length - 1; t >= 0; t--) {
    const prev = t > 0 ? hs[t - 1] : h0;
    const eps = new Float64Array(n * H); // ∂L/∂a_t
    for (let r = 0; r < n * H; r++) {
      const delta = gs[t][r] + carry[r]; // Eq. (rnn-delta)
      eps[r] = (1 - hs[t][r] * hs[t][r]) * delta;
    }
    addOuter(g.Wih, eps, xs[t], n, H, d); // Eq. (rnn-grads)
    addOuter(g.Whh, eps, prev, n, H, H);
    for (let r = 0; r < n * H; r++) g.bih[r % H] += eps[r];
    g.xs[t] = times(eps, Wih, n, H, d); // ∂L/∂x_t
    carry = times(eps, Whh, n, H, H); // W_hhᵀ ε_t, into step t − 1
  }
  g.bhh.set(g.bih); // b_ih and b_hh enter a_t the same way
  g.h0 = carry;
  return { hs, grads: g };
}
// #endregion

/** G[j, k] += Σ_i eps[i, j] v[i, k]: the sum over the batch of ε vᵀ. */
function addOuter(G: Float64Array, eps: Float64Array, v: Float64Array,
  n: number, H: number, m: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < H; j++) {
      const e = eps[i * H + j];
      for (let k = 0; k < m; k++) G[j * m + k] += e * v[i * m + k];
    }
  }
}

/** out[i, k] = Σ_j eps[i, j] W[j, k]: each row times W (rows are εᵀ). */
function times(eps: Float64Array, W: Float64Array, n: number, H: number,
  m: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < H; j++) {
      const e = eps[i * H + j];
      for (let k = 0; k < m; k++) out[i * m + k] += e * W[j * m + k];
    }
  }
  return out;
}

function arrays(cell: ElmanCell) {
  return { Wih: cell.Wih.data, bih: cell.bih.data, Whh: cell.Whh.data,
    bhh: cell.bhh.data };
}
