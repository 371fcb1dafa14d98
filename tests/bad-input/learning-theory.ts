// Bad-input specs for chapter "Learning theory" (tests/bad-input.ts).
import { createRng } from '../../code/introduction/random.ts';
import {
  binomialCdf,
  binomialLogPmf,
  binomialQuantile,
  binomialSf,
} from '../../code/learning-theory/binomial.ts';
import {
  finiteClassRadius,
  hoeffdingRadius,
  labellingMassart,
  massartBound,
  rademacherRadius,
  realizableSampleSize,
  sauerBound,
  uniformConvergenceSize,
  vcMarkovRadius,
  vcRademacherRadius,
} from '../../code/learning-theory/bounds.ts';
import {
  cancerPopulation,
  cancerRademacher,
} from '../../code/learning-theory/breast-cancer.ts';
import {
  requireDelta,
  requirePoints1,
  requirePoints2,
} from '../../code/learning-theory/checks.ts';
import {
  criticalAngles,
  distinctCount,
  distinctRanks,
  halfPlanes,
  halfPlaneWitnesses,
  intervals,
  labelByHalfPlane,
  type Point2,
  thresholds,
} from '../../code/learning-theory/classes.ts';
import {
  boundsAt,
  gapRepetitions,
  gapStudy,
  intervalCount,
  mistakesOf,
  over,
  randomClass,
  realizableStudy,
  unionStudy,
  windowPopulation,
} from '../../code/learning-theory/experiments.ts';
import {
  LEARNERS,
  nflConsistentMean,
  noFreeLunch,
  popcount,
} from '../../code/learning-theory/no-free-lunch.ts';
import {
  countsOf,
  drawSample,
  empiricalIntervalRisk,
  ermInterval,
  intervalDeviations,
  intervalRisk,
  minRun,
  population,
  requirePopulation,
  requireSample,
} from '../../code/learning-theory/population.ts';
import {
  expectedRademacher,
  intervalCorrelator,
  intervalLossCorrelator,
  labellingCorrelator,
  rademacherExact,
  rademacherMonteCarlo,
  thresholdCorrelator,
  thresholdRademacher,
} from '../../code/learning-theory/rademacher.ts';
import {
  forEachSubset,
  growthOnPool,
  shatters,
  vcSearch,
} from '../../code/learning-theory/shattering.ts';
import {
  deviationTail,
  exactRadius,
} from '../../code/learning-theory/solutions/exact-radius.ts';
import {
  crossingGrid,
  finerGridStudy,
} from '../../code/learning-theory/solutions/finer-grid.ts';
import {
  oppositeCorrelator,
  oppositeRademacher,
} from '../../code/learning-theory/solutions/opposite-vectors.ts';
import {
  rectangles,
} from '../../code/learning-theory/solutions/rectangles.ts';
import {
  any, callback, groups, int, labels, list, num, opts, spec, str, vec,
} from '../bad-input.ts';

const delta = num({ gt: 0, lt: 1 });
const seed = int(0, { max: 2 ** 52 });
const line = () => [0.5, 2, 1, 3];
const plane = (): Point2[] => [[0, 0], [1, 0], [0, 1], [0.4, 0.3]];
const points1 = vec(undefined, { minLength: 0, as: 'points' });
const points2 = list(vec(2), { minLength: 0, as: 'points' });
const pool = list(any(), { minLength: 0, as: 'pool' });
const D = () => population([0.25, 0.25, 0.5], [0, 1, 0.5]);
const sample = () => ({ x: Int32Array.of(0, 2, 1, 2), y: Uint8Array.of(0,
  1, 1, 0) });
const S = opts({ x: vec('n', { integer: true, min: 0, max: 2 }),
  y: labels('n', [0, 1]) }, ['x', 'y']);
const K = int(1, {}, ['K']);
const xiSup = thresholdCorrelator([1, 2, 3]);

export const badInput = groups({
  classes: [
    spec(requireDelta, () => ['caller', 0.1], [any(), delta],
      { name: 'caller', names: ['fn', 'delta'] }),
    spec(requirePoints1, () => ['caller', line()], [any(), points1],
      { name: 'caller', names: ['fn', 'points'] }),
    spec(requirePoints2, () => ['caller', plane()], [any(), points2],
      { name: 'caller', names: ['fn', 'points'] }),
    spec((xs: number[]) => thresholds.restrict(xs), () => [line()],
      [points1], { name: 'thresholds.restrict', covers: [] }),
    spec((xs: number[]) => intervals.restrict(xs), () => [line()],
      [points1], { name: 'intervals.restrict', covers: [] }),
    spec((ps: Point2[]) => halfPlanes.restrict(ps), () => [plane()],
      [points2], { name: 'halfPlanes.restrict', covers: [] }),
    spec((ps: Point2[]) => rectangles.restrict(ps), () => [plane()],
      [points2], { name: 'rectangles.restrict', covers: [] }),
    spec(distinctRanks, () => [line()],
      [vec(undefined, { minLength: 0 })]),
    spec(distinctCount, () => [Int32Array.of(0, 2, 1)],
      [vec(undefined, { minLength: 0 })]),
    spec(criticalAngles, () => [plane(), 1e-9], [points2, num({ min: 0 })]),
    spec(halfPlaneWitnesses, () => [plane()], [points2]),
    spec(labelByHalfPlane, () => [{ w: [1, 0], b: -0.5 }, plane()],
      [opts({ w: vec(2), b: num() }), points2]),
  ],
  shattering: [
    spec(shatters, () => [intervals, line()], [any(), list(any(),
      { minLength: 0, as: 'points' })]),
    spec(forEachSubset, () => [4, 2, () => false],
      [int(0), int(0, { max: 4 }), callback()]),
    spec(vcSearch, () => [thresholds, line(), 2],
      [any(), pool, int(0, { max: 4 })]),
    spec(growthOnPool, () => [halfPlanes, plane(), 3],
      [any(), pool, int(0, { max: 4 })]),
  ],
  bounds: [
    spec(realizableSampleSize, () => [100, 0.1, 0.05],
      [num({ min: 1 }), delta, delta],
      { names: ['sizeH', 'eps', 'delta'] }),
    spec(hoeffdingRadius, () => [100, 0.05], [int(1), delta]),
    spec(finiteClassRadius, () => [100, 50, 0.05],
      [int(1), num({ min: 1 }), delta]),
    spec(uniformConvergenceSize, () => [50, 0.1, 0.05],
      [num({ min: 1 }), delta, delta],
      { names: ['sizeH', 'eps', 'delta'] }),
    spec(sauerBound, () => [10, 2], [int(0), int(0)]),
    spec(vcMarkovRadius, () => [100, 5000, 0.05],
      [int(1), num({ min: 1 }), delta]),
    spec(rademacherRadius, () => [0.1, 100, 0.05, 1],
      [num({ min: 0 }), int(1), delta, num({ gt: 0 })]),
    spec(massartBound, () => [[[1, 0, 1], [0, 0, 1], [1, 1, 0]]],
      [list(vec('n'), { as: 'A' })]),
    spec(labellingMassart, () => [11, 10], [num({ min: 1 }), int(1)]),
    spec(vcRademacherRadius, () => [100, 5051, 0.05],
      [int(1), num({ min: 1 }), delta]),
  ],
  binomial: [
    spec(binomialLogPmf, () => [3, 10, 0.3],
      [int(0, { max: 10 }), int(0), num({ min: 0, max: 1 })]),
    spec(binomialCdf, () => [3, 10, 0.3],
      [int(0, { max: 10 }), int(0), num({ min: 0, max: 1 })]),
    spec(binomialSf, () => [3, 10, 0.3],
      [int(0, { max: 10 }), int(0), num({ min: 0, max: 1 })]),
    spec(binomialQuantile, () => [0.9, 10, 0.3],
      [num({ min: 0, max: 1 }), int(0), num({ min: 0, max: 1 })]),
    spec(oppositeRademacher, () => [6], [int(1)]),
    spec(oppositeCorrelator, () => [Int8Array.of(1, -1, 1)], [vec()],
      { name: 'oppositeCorrelator', names: ['xi'] }),
    spec(crossingGrid, () => [6400, 0.05, 0.1],
      [int(1), delta, num({ gt: 0, lt: 1 })]),
    spec(finerGridStudy, () => [[5, 8], { n: 10, reps: 2, draws: 2,
      delta: 0.1, seed: 1 }], [vec(undefined, { integer: true, min: 1,
      as: 'Ks' }), opts({ n: int(1), reps: int(1), draws: int(2), delta,
      seed })]),
    spec(deviationTail, () => [20, 0.5, 0.1],
      [int(1), num({ min: 0, max: 1 }), num({ min: 0 })]),
    spec(exactRadius, () => [20, 0.05, 0.5],
      [int(1), delta, num({ min: 0, max: 1 })]),
  ],
  population: [
    spec(population, () => [[0.25, 0.75], [0.5, 1]],
      [vec('K', { min: 0 }), vec('K', { min: 0, max: 1 })]),
    spec(requirePopulation, () => ['caller', D()], [any(), any()],
      { name: 'caller' }),
    spec(requireSample, () => ['caller', 3, sample()], [any(), K, S],
      { name: 'caller' }),
    spec(intervalRisk, () => [D(), 1, 2],
      [any(), int(0, { max: 3 }), int(1, { max: 3 })]),
    spec(drawSample, () => [D(), 5, createRng(1)], [any(), int(1), any()]),
    spec(countsOf, () => [3, sample()], [K, S]),
    spec(empiricalIntervalRisk, () => [3, sample(), 1, 2],
      [K, S, int(0, { max: 3 }), int(1, { max: 3 })]),
    spec(minRun, () => [[1, -2, 3, -4]], [vec()]),
    spec(ermInterval, () => [3, sample()], [K, S]),
    spec(intervalDeviations, () => [D(), sample()], [any(), S]),
  ],
  rademacher: [
    spec(labellingCorrelator, () => [[0, 3, 5]],
      [vec(undefined, { integer: true, min: 0, as: 'masks' })]),
    spec(rademacherMonteCarlo, () => [xiSup, 3, 10, 1],
      [callback({ returnsNumber: true }), int(1), int(2), seed]),
    spec(rademacherExact, () => [xiSup, 3],
      [callback({ returnsNumber: true }), int(1, { max: 20 })]),
    spec(thresholdCorrelator, () => [line()], [vec()]),
    spec(intervalCorrelator, () => [line()], [vec()]),
    spec(thresholdRademacher, () => [5], [int(1, { max: 100_000 })]),
    spec(intervalLossCorrelator, () => [3, sample()], [K, S]),
    spec(expectedRademacher, () => [D(), 5, 10, 1],
      [any(), int(1), int(2), seed]),
  ],
  experiments: [
    spec(windowPopulation, () => [{ K: 10, lo: 2, hi: 6, noise: 0.1 }],
      [opts({ K: int(1), lo: int(0), hi: int(0),
        noise: num({ min: 0, max: 1 }) })]),
    spec(intervalCount, () => [10], [int(1)]),
    spec(randomClass, () => [3, 4, 1], [int(1), int(1), seed]),
    spec(mistakesOf, () => [randomClass(2, 3, 1), 3, sample()],
      [vec(), K, S]),
    spec(unionStudy, () => [{ K: 5, sizeH: 3, n: 4, reps: 2, delta: 0.1,
      seed: 1 }], [opts({ K: int(1), sizeH: int(1), n: int(1), reps: int(1),
      delta, seed })]),
    spec(over, () => [[0.1, 0.3], 0.2], [vec(), num()]),
    spec(gapRepetitions, () => [D(), 5, 2, createRng(1)],
      [any(), int(1), int(1), any()]),
    spec(boundsAt, () => [10, 50, 0.05, 0.1],
      [int(1), int(1), delta, num({ min: 0 })]),
    spec(gapStudy, () => [D(), { sizes: [5], reps: 2, delta: 0.1,
      draws: 2, seed: 1 }], [any(), opts({ sizes: vec(undefined,
      { integer: true, min: 1 }), reps: int(2), delta, draws: int(2),
      seed })]),
    spec(realizableStudy, () => [{ eps: 0.3, delta: 0.3, reps: 2, seed: 1,
      sizes: [5] }], [opts({ eps: delta, delta, reps: int(1), seed,
      sizes: vec(undefined, { integer: true, min: 1 }) })]),
    spec(noFreeLunch, () => [1, LEARNERS.memorize],
      [int(1, { max: 5 }), callback()]),
    spec(nflConsistentMean, () => [3], [int(1)]),
    spec(popcount, () => [11], [int(0, { max: 2 ** 31 - 1 })]),
  ],
  realData: [
    spec(cancerPopulation, () => ['worst radius'], [str({
      as: 'feature' })]),
    spec(cancerRademacher, () => [5, 10, 1],
      [int(1, { max: 30 }), int(2), seed]),
  ],
});
