// Exercise solution: an LSTM step with peephole connections (Gers and
// Schmidhuber 2000): the input and forget gates also read c_{t−1}, the
// output gate reads c_t, each through a diagonal weight (a vector).
import { Tensor } from '../../autodiff/tensor.ts';
import { columns } from '../columns.ts';
import type { LSTMCell } from '../lstm.ts';
import { checkStep } from '../checks.ts';

export interface Peepholes { pi: Tensor; pf: Tensor; po: Tensor }

// #region peephole
/** One LSTM step with peepholes p, Eq. (lg-peephole). */
export function peepholeStep(cell: LSTMCell, p: Peepholes, x: Tensor,
  state: Tensor[]): Tensor[] {
  const [h, c] = checkStep('peepholeStep', cell, x, state, 2);
  checkPeepholes(p, cell.hiddenSize);
  const H = cell.hiddenSize;
  const a = x.matmul(cell.Wih.transpose()).add(cell.bih)
    .add(h.matmul(cell.Whh.transpose())).add(cell.bhh);
  const i = columns(a, 0, H).add(p.pi.mul(c)).sigmoid();
  const f = columns(a, H, H).add(p.pf.mul(c)).sigmoid();
  const g = columns(a, 2 * H, H).tanh();
  const cNext = f.mul(c).add(i.mul(g));
  const o = columns(a, 3 * H, H).add(p.po.mul(cNext)).sigmoid();
  return [o.mul(cNext.tanh()), cNext];
}
// #endregion

function checkPeepholes(p: Peepholes, H: number): void {
  if (p === null || typeof p !== 'object') {
    throw new Error('peepholeStep: p must hold pi, pf and po');
  }
  for (const k of ['pi', 'pf', 'po'] as const) {
    const v = p[k];
    if (!(v instanceof Tensor) || v.shape.length !== 1 ||
      v.shape[0] !== H) {
      throw new Error(`peepholeStep: p.${k} must be a Tensor [${H}]`);
    }
  }
}
