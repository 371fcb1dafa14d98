// The recurrent-cell interface of recurrent-networks, as its spec
// states it (replaced by the import once that chapter lands).
import type { Tensor } from '../autodiff/tensor.ts';

export interface RecurrentCell {
  readonly hiddenSize: number;
  initialState(batch: number): Tensor[];
  step(x: Tensor, state: Tensor[]): Tensor[];
  parameters(): Tensor[];
}
