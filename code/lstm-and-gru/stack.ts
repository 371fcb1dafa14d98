// Layers of recurrent cells stacked as torch's num_layers does: layer
// k reads layer k − 1's h at the same step; the top layer's h is the
// output. Each layer carries its own state from step to step.
import type { Tensor } from '../autodiff/tensor.ts';
import type { RecurrentCell } from './cell.ts';
import { checkStack } from './checks.ts';

// #region stack
/** Runs the stack over xs (one [B, d] tensor a step) from states
 *  (one state a layer); returns the top's h at each step and the
 *  final states. */
export function runStack(cells: RecurrentCell[], xs: Tensor[],
  states: Tensor[][]): { outputs: Tensor[]; states: Tensor[][] } {
  checkStack('runStack', cells, xs, states);
  const now = states.slice();
  const outputs: Tensor[] = [];
  for (const x of xs) {
    let input = x;
    for (let k = 0; k < cells.length; k++) {
      now[k] = cells[k].step(input, now[k]);
      input = now[k][0]; // h feeds the next layer
    }
    outputs.push(input);
  }
  return { outputs, states: now };
}
// #endregion
