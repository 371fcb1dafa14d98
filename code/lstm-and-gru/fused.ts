// Fused steps: one engine op per time step with a hand-written
// backward pass, Eqs. (lg-back-c) to (lg-back-a), for training at build
// time. The composed cells of lstm.ts and gru.ts record about twenty
// small ops a step; these record one (plus two column cuts for the
// LSTM's [h | c]). Same numbers, tested against the composed cells.
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';
import type { RecurrentCell } from '../recurrent-networks/cell.ts';
import { columns } from './columns.ts';
import { GRUCell } from './gru.ts';
import { LSTMCell } from './lstm.ts';
import { checkFused, checkStep } from './checks.ts';

const sig = (v: number) => 1 / (1 + Math.exp(-v));

/** rows of x [B, k] times Wᵀ (W [m, k]) plus b [m]: [B, m]. Zeros
 *  of x (one-hot inputs) are skipped. */
function affine(x: Float64Array, W: Float64Array, b: Float64Array,
  B: number, k: number, m: number): Float64Array {
  const out = new Float64Array(B * m);
  for (let r = 0; r < B; r++) {
    out.set(b, r * m);
    for (let q = 0; q < k; q++) {
      const v = x[r * k + q];
      if (v === 0) continue;
      for (let j = 0; j < m; j++) out[r * m + j] += v * W[j * k + q];
    }
  }
  return out;
}

/** The backward of affine for its output gradient da [B, m]. */
function affineBack(da: Float64Array, x: Tensor, W: Tensor, b: Tensor,
  B: number, k: number, m: number): void {
  const gx = gradOf(x), gW = gradOf(W), gb = gradOf(b);
  for (let r = 0; r < B; r++) {
    for (let j = 0; j < m; j++) {
      const d = da[r * m + j];
      if (gb) gb[j] += d;
      if (gx) {
        for (let q = 0; q < k; q++) gx[r * k + q] += d * W.data[j * k + q];
      }
    }
    if (!gW) continue;
    for (let q = 0; q < k; q++) {
      const v = x.data[r * k + q];
      if (v === 0) continue; // one-hot inputs: most of x
      for (let j = 0; j < m; j++) gW[j * k + q] += da[r * m + j] * v;
    }
  }
}

/** One LSTM step as one op: returns [h | c] as a [B, 2H] tensor. */
function lstmFused(cell: LSTMCell, x: Tensor, h: Tensor, c: Tensor) {
  const B = x.shape[0], d = cell.inputSize, H = cell.hiddenSize;
  const a = affine(x.data, cell.Wih.data, cell.bih.data, B, d, 4 * H);
  const ah = affine(h.data, cell.Whh.data, cell.bhh.data, B, H, 4 * H);
  const gates = new Float64Array(B * 4 * H); // i, f, g, o after σ, tanh
  const out = new Float64Array(B * 2 * H); // [h | c]
  const tc = new Float64Array(B * H);
  for (let r = 0; r < B; r++) {
    for (let j = 0; j < H; j++) {
      const at = r * 4 * H + j;
      const i = sig(a[at] + ah[at]);
      const f = sig(a[at + H] + ah[at + H]);
      const g = Math.tanh(a[at + 2 * H] + ah[at + 2 * H]);
      const o = sig(a[at + 3 * H] + ah[at + 3 * H]);
      gates[at] = i; gates[at + H] = f; gates[at + 2 * H] = g;
      gates[at + 3 * H] = o;
      const cn = f * c.data[r * H + j] + i * g; // Eq. (lg-c)
      tc[r * H + j] = Math.tanh(cn);
      out[r * 2 * H + j] = o * tc[r * H + j]; // Eq. (lg-h)
      out[r * 2 * H + H + j] = cn;
    }
  }
  // #region lstm-backward
  const inputs = [x, h, c, ...cell.parameters()];
  return record('lstmFused', out, [B, 2 * H], inputs, (gOut) => {
    const da = new Float64Array(B * 4 * H);
    const gc = gradOf(c);
    for (let r = 0; r < B; r++) {
      for (let j = 0; j < H; j++) {
        const at = r * 4 * H + j;
        const i = gates[at], f = gates[at + H];
        const g = gates[at + 2 * H], o = gates[at + 3 * H];
        const t = tc[r * H + j];
        const gh = gOut[r * 2 * H + j];
        const dc = gOut[r * 2 * H + H + j] // Eq. (lg-back-c)
          + gh * o * (1 - t * t);
        if (gc) gc[r * H + j] += dc * f; // Eq. (lg-carousel)
        da[at] = dc * g * i * (1 - i); // Eq. (lg-back-a)
        da[at + H] = dc * c.data[r * H + j] * f * (1 - f);
        da[at + 2 * H] = dc * i * (1 - g * g);
        da[at + 3 * H] = gh * t * o * (1 - o);
      }
    }
    affineBack(da, x, cell.Wih, cell.bih, B, d, 4 * H);
    affineBack(da, h, cell.Whh, cell.bhh, B, H, 4 * H);
  });
  // #endregion
}

/** One GRU step as one op: returns h' [B, H]. */
function gruFused(cell: GRUCell, x: Tensor, h: Tensor) {
  const B = x.shape[0], d = cell.inputSize, H = cell.hiddenSize;
  const ax = affine(x.data, cell.Wih.data, cell.bih.data, B, d, 3 * H);
  const ah = affine(h.data, cell.Whh.data, cell.bhh.data, B, H, 3 * H);
  const rzn = new Float64Array(B * 3 * H);
  const out = new Float64Array(B * H);
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < H; j++) {
      const at = b * 3 * H + j;
      const r = sig(ax[at] + ah[at]);
      const z = sig(ax[at + H] + ah[at + H]);
      const n = Math.tanh(ax[at + 2 * H] + r * ah[at + 2 * H]);
      rzn[at] = r; rzn[at + H] = z; rzn[at + 2 * H] = n;
      out[b * H + j] = (1 - z) * n + z * h.data[b * H + j];
    }
  }
  const inputs = [x, h, ...cell.parameters()];
  return record('gruFused', out, [B, H], inputs, (gOut) => {
    const dax = new Float64Array(B * 3 * H);
    const dah = new Float64Array(B * 3 * H);
    const gh = gradOf(h);
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < H; j++) {
        const at = b * 3 * H + j;
        const r = rzn[at], z = rzn[at + H], n = rzn[at + 2 * H];
        const g = gOut[b * H + j], hp = h.data[b * H + j];
        if (gh) gh[b * H + j] += g * z; // the direct path
        const dn = g * (1 - z) * (1 - n * n);
        const dr = dn * ah[at + 2 * H] * r * (1 - r);
        const dz = g * (hp - n) * z * (1 - z);
        dax[at] = dr; dah[at] = dr;
        dax[at + H] = dz; dah[at + H] = dz;
        dax[at + 2 * H] = dn; dah[at + 2 * H] = dn * r;
      }
    }
    affineBack(dax, x, cell.Wih, cell.bih, B, d, 3 * H);
    affineBack(dah, h, cell.Whh, cell.bhh, B, H, 3 * H);
  });
}

// #region fused
/** The same cell, stepping with the fused op: same parameters, same
 *  numbers, one node a step on the tape instead of about twenty. */
export function fused(cell: LSTMCell | GRUCell): RecurrentCell {
  checkFused('fused', cell);
  const H = cell.hiddenSize;
  const step = cell instanceof LSTMCell
    ? (x: Tensor, s: Tensor[]) => {
      checkStep('fused.step', cell, x, s, 2);
      const hc = lstmFused(cell, x, s[0], s[1]);
      return [columns(hc, 0, H), columns(hc, H, H)];
    }
    : (x: Tensor, s: Tensor[]) => {
      checkStep('fused.step', cell, x, s, 1);
      return [gruFused(cell, x, s[0])];
    };
  return { inputSize: cell.inputSize, hiddenSize: H, step,
    initialState: (n: number) => cell.initialState(n),
    parameters: () => cell.parameters() };
}
// #endregion
