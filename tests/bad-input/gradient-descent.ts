// Bad-input specs for chapter "Gradient descent" (tests/bad-input.ts).
import { createRng } from '../../code/introduction/random.ts';
import {
  batchGradient,
  batchGradientVariance,
  epochBatches,
  takeRows,
} from '../../code/gradient-descent/batches.ts';
import {
  conditionOf,
  hessianSpectrum,
  stepBounds,
  stepsNeeded,
} from '../../code/gradient-descent/conditioning.ts';
import {
  divergenceDemo,
  earlyStoppingSplits,
  finalGapsOverSeeds,
  meanSe,
  earlyStoppingStudy,
  scheduleCurves,
  variantCurves,
} from '../../code/gradient-descent/diabetes.ts';
import {
  gdFilterIterate,
  scaleWith,
} from '../../code/gradient-descent/early-stopping.ts';
import { minibatchGD } from '../../code/gradient-descent/minibatch.ts';
import { averagedIterate } from
  '../../code/gradient-descent/solutions/averaging.ts';
import { earlyVsRidge, largestFactorGap } from
  '../../code/gradient-descent/solutions/early-vs-ridge.ts';
import { largestStableStep } from
  '../../code/gradient-descent/solutions/largest-step.ts';
import {
  cosine,
  inverseTime,
  stepDecay,
} from '../../code/gradient-descent/schedules.ts';
import {
  any, callback, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';
import { M } from './linear-algebra.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const seed = int(0, { max: 2 ** 53 - 1 });
const X = () => M(5, 2);
const y = () => f64(1, 3, 2, 5, 4);
const w = () => f64(0.5, -1);
const rows = (n: number) => list(int(0, { max: n - 1 }),
  { as: ['idx', 'row', 'batch'] });
const pos = num({ gt: 0 });

export const badInput = groups({
  batches: [
    spec(epochBatches, () => [5, 2, createRng(1)],
      [int(1, {}, ['n', 'integers']), int(1, { max: 5 }, ['b', 'integers']),
        any()]),
    spec(takeRows, () => [X(), y(), [0, 3]], [mat('n', 'd'), vec('n'),
      rows(5)]),
    // checks the batch's rows only (O(batch) a call): all five here
    spec(batchGradient, () => [X(), y(), w(), [0, 1, 2, 3, 4]],
      [mat('n', 'd'), vec('n'), vec('d'), rows(5)]),
    spec(batchGradientVariance, () => [X(), y(), w(), 2],
      [mat('n', 'd'), vec('n'), vec('d'), int(1, { max: 5 })]),
  ],
  conditioning: [
    spec(hessianSpectrum, () => [X()], [mat('n', 'd')]),
    spec(conditionOf, () => [f64(3, 2, 1)],
      [vec(undefined, { as: ['spectrum', 'H'] })]),
    spec(stepBounds, () => [X()], [mat('n', 'd')]),
    spec(stepsNeeded, () => [10, 0.01], [num({ min: 1 }, ['kappa']),
      num({ gt: 0, lt: 1 }, ['eps'])]),
    spec(gdFilterIterate, () => [X(), y(), 0.1, 5],
      [mat('n', 'd'), vec('n'), pos, int(0)]),
    spec(scaleWith, () => [X(), f64(0, 1), f64(1, 2)],
      [mat('n', 'd'), vec('d'), vec('d', { gt: 0 })]),
  ],
  schedules: [
    spec(stepDecay, () => [0.1, 0.5, 10], [pos, num({ gt: 0, lt: 1 }),
      int(1)]),
    spec(inverseTime, () => [0.1, 5], [pos, pos]),
    spec(cosine, () => [0.1, 10, 0.01], [pos, int(1),
      num({ min: 0, max: 0.1 })]),
  ],
  minibatch: [
    spec(minibatchGD, () => [X(), y(), { batch: 2, epochs: 3, eta: 0.05,
      w0: f64(0, 0) }],
      [mat('n', 'd'), vec('n'), opts({ batch: int(1, { max: 5 }),
        epochs: int(1), eta: pos, seed, w0: vec('d') },
      ['batch', 'epochs', 'eta'])]),
    spec(minibatchGD, () => [X(), y(), { batch: 5, epochs: 3, eta: 0.05,
      validation: { X: M(3, 2, 1), y: f64(1, 2, 3) }, patience: 2 }],
    [mat('n', 'd'), vec('n'), opts({ patience: int(1, { infinite: true }),
      validation: opts({ X: mat('m', 'd'), y: vec('m') }, ['X', 'y']) })]),
  ],
  studies: [
    spec(variantCurves, () => [1, 1], [int(1, {}, ['epochs']), seed]),
    spec(divergenceDemo, () => [2], [int(1, {}, ['epochs'])]),
    spec(scheduleCurves, () => [1, 1], [int(1, {}, ['epochs']), seed]),
    spec(earlyStoppingStudy, () => [3, 2, 1],
      [int(1), int(1, { infinite: true }), seed]),
    spec(earlyStoppingSplits, () => [2], [int(2)]),
  ],
  solutions: [
    spec(finalGapsOverSeeds, () => [(s: number) => [{ gaps: [s, 1] }], 2],
      [callback(), int(2)]),
    spec(meanSe, () => [[1, 2, 4]], [list(num(), { minLength: 2 })]),
    spec(averagedIterate, () => [X(), y(), { batch: 2, epochs: 2,
      eta: 0.05 }], [mat('n', 'd'), vec('n'), opts({ batch: int(1,
      { max: 5 }), epochs: int(1), eta: pos }, ['batch', 'epochs', 'eta'])]),
    spec(largestFactorGap, () => [0.01], [pos]),
    spec(earlyVsRidge, () => [X(), y(), 0.1, 3],
      [mat('n', 'd'), vec('n'), pos, int(1)]),
    spec(largestStableStep, () => [X(), y(), 2, { epochs: 2 }],
      [mat('n', 'd'), vec('n'), int(1, { max: 5 }),
        opts({ epochs: int(1), seed })]),
  ],
});
