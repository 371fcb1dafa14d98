// Unrolling: one cell applied at every time step, the state of each step
// fed to the next, Eq. (rnn-unroll). The graph the engine records is the
// unrolled network, so backward() on a loss over all steps is
// backpropagation through time.
import type { Tensor } from '../autodiff/tensor.ts';
import type { RecurrentCell } from './cell.ts';
import { checkCell, checkSequence, checkState } from './checks.ts';

// #region unroll
/** Runs cell over xs (one [batch, input] tensor a step) from state (or
 *  the cell's initial state). Returns h_t of every step and the final
 *  state (to carry into the next chunk, Eq. (rnn-truncated)). */
export function unroll(cell: RecurrentCell, xs: Tensor[],
  state?: Tensor[]): { outputs: Tensor[]; state: Tensor[] } {
  checkCell('unroll', cell);
  const n = checkSequence('unroll', xs, cell.inputSize);
  let s = state ?? cell.initialState(n);
  checkState('unroll', s, n, cell.hiddenSize);
  const outputs: Tensor[] = [];
  for (const x of xs) {
    s = cell.step(x, s);
    outputs.push(s[0]); // h_t, read by the layer above
  }
  return { outputs, state: s };
}
// #endregion

// #region stack
/** Layers of cells, as torch's num_layers: layer l reads the outputs of
 *  layer l − 1 at every step. states[l] is layer l's state. */
export function unrollStack(cells: RecurrentCell[], xs: Tensor[],
  states?: Tensor[][]) {
  checkStack(cells, xs, states);
  let seq = xs;
  const finals: Tensor[][] = [];
  cells.forEach((cell, l) => {
    const r = unroll(cell, seq, states?.[l]);
    seq = r.outputs;
    finals.push(r.state);
  });
  return { outputs: seq, states: finals };
}
// #endregion

function checkStack(cells: RecurrentCell[], xs: Tensor[],
  states?: Tensor[][]): void {
  if (!Array.isArray(cells) || cells.length === 0) {
    throw new Error('unrollStack: cells must be a non-empty array');
  }
  cells.forEach((c, l) => {
    checkCell('unrollStack', c);
    if (l > 0 && c.inputSize !== cells[l - 1].hiddenSize) {
      throw new Error(`unrollStack: cells[${l}] reads ${c.inputSize} ` +
        `inputs, but cells[${l - 1}] has hiddenSize ` +
        `${cells[l - 1].hiddenSize}`);
    }
  });
  const n = checkSequence('unrollStack', xs, cells[0].inputSize);
  if (states !== undefined &&
    (!Array.isArray(states) || states.length !== cells.length)) {
    throw new Error(`unrollStack: states must hold one state per ` +
      `layer (${cells.length})`);
  }
  states?.forEach((s, l) =>
    checkState('unrollStack', s, n, cells[l].hiddenSize));
}
