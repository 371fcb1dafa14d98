// Exercise: the bootstrap of a maximum, and why it fails.
import type { Rng } from '../../introduction/random.ts';
import {
  calledAs, requireFiniteArray,
} from '../../introduction/checks.ts';
import { bootstrapReplicates } from '../bootstrap.ts';

/** The largest value, by a loop (never Math.max(...xs) on data). */
export function sampleMax(xs: ArrayLike<number>): number {
  requireFiniteArray('sampleMax', 'xs', xs);
  let m = xs[0];
  for (let i = 1; i < xs.length; i++) if (xs[i] > m) m = xs[i];
  return m;
}

/** The share of B bootstrap maxima that equal the sample maximum. */
export function maxReplicateShare(rng: Rng, xs: ArrayLike<number>,
  B: number): number {
  const [top, reps] = calledAs('maxReplicateShare', () => [
    sampleMax(xs), bootstrapReplicates(rng, xs, sampleMax, B)] as const);
  let same = 0;
  for (let b = 0; b < B; b++) if (reps[b] === top) same++;
  return same / B; // about 1 - (1 - 1/n)^n
}
