// The Pitfalls' data: sequences of independent uniform tokens, where
// the next token cannot be predicted from the past (the best honest
// loss is log V), so any lower loss means the model saw the future.
import type { Rng } from '../introduction/random.ts';
import { checkRng, checkSizes } from './checks.ts';

// #region random-tokens
/** n sequences of T + 1 uniform tokens in [0, V): inputs the first
 *  T, targets the last T (each input's successor). */
export function randomSequences(n: number, T: number, V: number,
  rng: Rng): { inputs: number[]; targets: number[] }[] {
  checkSizes('randomSequences', { n, T, V });
  checkRng('randomSequences', rng);
  return Array.from({ length: n }, () => {
    const s = Array.from({ length: T + 1 }, () => rng.int(0, V));
    return { inputs: s.slice(0, T), targets: s.slice(1) };
  });
}
// #endregion
