// Exercise: the variance of the median against that of the mean, for
// normal samples and for normal samples with 5% wild values.
import type { Rng } from '../../introduction/random.ts';
import {
  calledAs, requireInteger, requirePositive, requireProbability,
} from '../../introduction/checks.ts';
import { moments } from '../../introduction/stats.ts';
import { median } from '../bootstrap.ts';
import { samplingDistributions } from '../estimators.ts';

/** n draws of N(0, 1), each replaced with probability eps by N(0, sd^2). */
export function contaminatedNormal(rng: Rng, n: number, eps: number,
  sd: number): Float64Array {
  checkContamination('contaminatedNormal', n, eps, sd);
  const xs = rng.normalArray(n);
  for (let i = 0; i < n; i++) {
    if (rng.uniform() < eps) xs[i] = sd * rng.normal();
  }
  return xs;
}

/** Var(median) / Var(mean) over `reps` samples, the same for both. */
export function varianceRatio(rng: Rng, n: number, eps: number,
  sd: number, reps: number): number {
  checkContamination('varianceRatio', n, eps, sd);
  const [means, medians] = calledAs('varianceRatio', () =>
    samplingDistributions(rng, reps,
      (r) => contaminatedNormal(r, n, eps, sd),
      [(xs) => moments(xs).mean, median]));
  return moments(medians).variance / moments(means).variance;
}

function checkContamination(fn: string, n: number, eps: number,
  sd: number): void {
  requireInteger(fn, 'n', n, 2);
  requireProbability(fn, 'eps', eps);
  requirePositive(fn, 'sd', sd);
}
