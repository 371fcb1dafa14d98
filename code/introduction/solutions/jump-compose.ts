// Exercise: two jumps of 2^64 steps are one jump of 2^65 steps.
import { createRng, JUMP_2_64, jumpState } from '../random.ts';
import { toWords, xPowMod } from '../gf2.ts';

/** The state of createRng(seed) after two 2^64 jumps and after one
 * 2^65 jump, with x^(2^65) mod chi(x) computed by xPowMod. */
export function jumpTwice(seed: number) {
  const twice = createRng(seed).getState();
  jumpState(twice, JUMP_2_64);
  jumpState(twice, JUMP_2_64);
  const once = createRng(seed).getState();
  jumpState(once, toWords(xPowMod(1n << 65n)));
  return { twice, once };
}
