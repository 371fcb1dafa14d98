// Loading the weights of torch.nn.LSTM or torch.nn.GRU. The cells keep
// torch's shapes and gate order, so layer k's four arrays are copied
// as they are; a library with another order needs its blocks permuted
// first (Exercise on ONNX's order).
import { Tensor } from '../autodiff/tensor.ts';
import { GRUCell } from './gru.ts';
import { LSTMCell } from './lstm.ts';
import { checkTorchWeights } from './checks.ts';

// #region from-torch
/** Layer `layer` of a torch LSTM or GRU (input size d, hidden H), from
 *  its state_dict's flat arrays, as one of the book's cells. */
export function fromTorch(kind: 'lstm' | 'gru', d: number, H: number,
  weights: Record<string, ArrayLike<number>>, layer = 0) {
  checkTorchWeights('fromTorch', kind, d, H, weights, layer);
  const G = kind === 'lstm' ? 4 : 3; // gate blocks
  const w = (name: string, shape: number[]) => new Tensor(
    Float64Array.from(weights[`${name}_l${layer}`]), shape, true);
  const Wih = w('weight_ih', [G * H, d]), Whh = w('weight_hh', [G * H, H]);
  const bih = w('bias_ih', [G * H]), bhh = w('bias_hh', [G * H]);
  return kind === 'lstm' ? new LSTMCell(Wih, Whh, bih, bhh)
    : new GRUCell(Wih, Whh, bih, bhh);
}
// #endregion
