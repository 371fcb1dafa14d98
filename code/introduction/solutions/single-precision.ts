// Exercise: the step-size sweep in single precision (epsilon = 2^-23).
import { createRng } from '../random.ts';
import { SWEEP_POINTS, type StepSweep } from '../experiments.ts';

const f32 = Math.fround;
const exp32 = (x: number) => f32(Math.exp(x)); // exp, rounded to single

/** Central difference with every operation rounded to single. */
function central32(x: number, h: number): number {
  const xp = f32(x + h);
  const xm = f32(x - h);
  return f32(f32(exp32(xp) - exp32(xm)) / f32(xp - xm));
}

/** Forward difference with every operation rounded to single. */
function forward32(x: number, h: number): number {
  const xp = f32(x + h);
  return f32(f32(exp32(xp) - exp32(x)) / f32(xp - x));
}

/** stepSweep in single precision: h = 10^-7 ... 10^0, mean relative
 * errors against exp (exp' = exp) at seeded points in [0, 2). */
export function stepSweep32(seed = 7, perDecade = 8): StepSweep {
  const xs = createRng(seed).uniformArray(SWEEP_POINTS, 0, 2);
  const sweep: StepSweep = { h: [], forward: [], central: [] };
  for (let k = -7 * perDecade; k <= 0; k++) {
    const h = 10 ** (k / perDecade);
    let ef = 0;
    let ec = 0;
    for (const x0 of xs) {
      const x = f32(x0);
      const exact = Math.exp(x); // the true derivative, in double
      ef += Math.abs(forward32(x, h) - exact) / exact;
      ec += Math.abs(central32(x, h) - exact) / exact;
    }
    sweep.h.push(h);
    sweep.forward.push(ef / xs.length);
    sweep.central.push(ec / xs.length);
  }
  return sweep;
}
