// Bad-input specs for chapter "Statistics" (tests/bad-input.ts).
import { createRng, type Rng } from '../../code/introduction/random.ts';
import {
  bootstrapReplicates,
  bootstrapStandardError,
  median,
  percentileInterval,
  quantile,
} from '../../code/statistics/bootstrap.ts';
import {
  estimatorError,
  samplingDistributions,
  varianceEstimatorTheory,
  varianceWithDivisor,
} from '../../code/statistics/estimators.ts';
import {
  coverageStudy,
  exactBootstrapCoverage,
  plugInCoverage,
  varianceStudy,
} from '../../code/statistics/experiments.ts';
import {
  exactCoverage,
  plusFourInterval,
  waldInterval,
} from '../../code/statistics/solutions/wald.ts';
import {
  contaminatedNormal,
  varianceRatio,
} from '../../code/statistics/solutions/mean-median.ts';
import {
  maxReplicateShare,
  sampleMax,
} from '../../code/statistics/solutions/bootstrap-max.ts';
import {
  coverage,
  tInterval,
  zInterval,
} from '../../code/statistics/intervals.ts';
import {
  bernoulliLogLikelihood,
  bernoulliMle,
  bernoulliScore,
  countOnes,
  gaussianLogLikelihood,
  gaussianMle,
  gaussianScore,
  requireBits,
} from '../../code/statistics/likelihood.ts';
import {
  betaBernoulliPosterior,
  betaMean,
  betaMode,
  gaussianMeanPosterior,
} from '../../code/statistics/map.ts';
import {
  loadNewcomb,
  newcombPath,
  newcombStudy,
} from '../../code/statistics/newcomb.ts';
import { normalQuantile } from '../../code/statistics/normal-quantile.ts';
import {
  discordantDifference,
  meanStandardError,
  pairedDifference,
  pairedRatioDifference,
  ratioOfSums,
} from '../../code/statistics/paired.ts';
import {
  tCdf,
  tPdf,
  tQuantile,
} from '../../code/statistics/student-t.ts';
import {
  any, callback, groups, int, labels, list, num, opts, spec, str, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const seed = int(0, { max: 2 ** 53 - 4 });
const rng = () => createRng(3);
const xs = () => f64(1, 3, 2, 5, 4);
const bits = () => f64(0, 1, 1, 0, 1);
const sample = vec(undefined, { minLength: 2, as: ['xs', 'values'] });
const level = num({ gt: 0, lt: 1 });
const mean = (s: Float64Array) => s.reduce((a, b) => a + b, 0) / s.length;
const draw = (r: Rng) => r.normalArray(5);
const bitsArg = labels('n', [0, 1], ['xs', '0s and 1s']);
const nu = int(1, { max: 1e7 }, ['nu']);
const beta = opts({ a: num({ gt: 0 }), b: num({ gt: 0 }) });

export const badInput = groups({
  bootstrap: [
    spec(quantile, () => [xs(), 0.3], [vec(), num({ min: 0, max: 1 })]),
    spec(median, () => [xs()], [vec()]),
    spec(bootstrapReplicates, () => [rng(), xs(), mean, 5],
      [any(), vec(), callback({ returnsNumber: true }), int(2)]),
    spec(percentileInterval, () => [xs(), 0.9], [vec(), level]),
    spec(bootstrapStandardError, () => [xs()],
      [vec(undefined, { minLength: 2, as: ['replicates', 'values'] })]),
  ],
  estimators: [
    spec(samplingDistributions, () => [rng(), 3, draw, [mean]],
      [any(), int(2), callback(), list(callback({ returnsNumber: true }),
        { as: ['estimators', 'estimates'] })]),
    spec(estimatorError, () => [xs(), 2], [vec(), num()]),
    spec(varianceWithDivisor, () => [xs(), 4],
      [sample, num({ gt: 0 })]),
    spec(varianceEstimatorTheory, () => [5, 4, 2],
      [int(2), num({ gt: 0 }), num({ gt: 0 })]),
    spec(varianceStudy, () => [1, 5, 2, 3, [4, 5]],
      [seed, int(2), num({ gt: 0 }), int(2), vec(undefined, { gt: 0 })]),
    spec(coverageStudy, () => [1, 3, 2, 2], [seed, int(2), int(1), int(2)]),
    spec(plugInCoverage, () => [5, 1], [int(2), num({ gt: 0 })]),
    spec(exactBootstrapCoverage, () => [1, 3, 2],
      [seed, int(2, { max: 6 }), int(1)]),
  ],
  intervals: [
    spec(zInterval, () => [xs(), 2, 0.9], [sample, num({ gt: 0 }), level]),
    spec(tInterval, () => [xs(), 0.9], [sample, level]),
    spec(coverage, () => [rng(), 3, draw, (s: Float64Array) =>
      tInterval(s), 0, 0.95],
    [any(), int(1), callback(), callback(), num(), level]),
    spec(normalQuantile, () => [0.3], [num({ gt: 0, lt: 1 })]),
    spec(tCdf, () => [1.5, 4], [num(), nu]),
    spec(tPdf, () => [1.5, 4], [num(), nu]),
    spec(tQuantile, () => [0.3, 4], [num({ gt: 0, lt: 1 }), nu]),
  ],
  likelihood: [
    spec(gaussianLogLikelihood, () => [xs(), 1, 2],
      [vec(), num(), num({ gt: 0 })]),
    spec(gaussianScore, () => [xs(), 1, 2], [vec(), num(), num({ gt: 0 })]),
    spec(gaussianMle, () => [xs()], [sample]),
    spec(bernoulliLogLikelihood, () => [bits(), 0.3],
      [bitsArg, num({ min: 0, max: 1 })]),
    spec(bernoulliScore, () => [bits(), 0.3],
      [bitsArg, num({ gt: 0, lt: 1 })]),
    spec(countOnes, () => [bits()], [bitsArg]),
    spec(bernoulliMle, () => [bits()], [bitsArg]),
    spec(requireBits, () => ['caller', bits()], [any(), bitsArg],
      { name: 'caller' }),
  ],
  map: [
    spec(betaBernoulliPosterior, () => [{ a: 2, b: 3 }, bits()],
      [beta, bitsArg]),
    spec(betaMode, () => [{ a: 2, b: 3 }],
      [opts({ a: num({ min: 1 }), b: num({ min: 1 }) })]),
    spec(betaMean, () => [{ a: 2, b: 3 }], [beta]),
    spec(gaussianMeanPosterior, () => [xs(), 2, 0, 1],
      [vec(), num({ gt: 0 }), num(), num({ gt: 0 })]),
  ],
  newcomb: [
    spec(loadNewcomb, () => [newcombPath()],
      [str({ path: true, as: ['path', 'file'] })]),
    spec(newcombStudy, () => [2], [int(2)]),
  ],
  solutions: [
    spec(waldInterval, () => [bits(), 0.9], [bitsArg, level]),
    spec(plusFourInterval, () => [bits(), 0.9], [bitsArg, level]),
    spec(exactCoverage, () => [5, 0.3, (b: ArrayLike<number>) =>
      waldInterval(b)], [int(1), num({ gt: 0, lt: 1 }), callback()]),
    spec(contaminatedNormal, () => [rng(), 5, 0.1, 3],
      [any(), int(2), num({ min: 0, max: 1 }), num({ gt: 0 })]),
    spec(varianceRatio, () => [rng(), 5, 0.1, 3, 4],
      [any(), int(2), num({ min: 0, max: 1 }), num({ gt: 0 }), int(2)]),
    spec(sampleMax, () => [xs()], [vec()]),
    spec(maxReplicateShare, () => [rng(), xs(), 4], [any(), vec(), int(2)]),
  ],
  paired: [
    spec(meanStandardError, () => [xs()], [vec(undefined,
      { minLength: 2, as: ['d', 'values'] })]),
    spec(pairedDifference, () => [xs(), f64(0, 2, 1, 3, 3)],
      [vec('n', { minLength: 2, as: ['a'] }), vec('n', { as: ['b'] })]),
    spec(ratioOfSums, () => [xs(), f64(2, 1, 3, 1, 2)],
      [vec('n', { as: ['loss'] }), vec('n', { gt: 0, as: ['count'] })]),
    spec(pairedRatioDifference, () => [xs(), f64(0, 2, 1, 3, 3),
      f64(2, 1, 3, 1, 2)], [vec('n', { minLength: 2, as: ['lossA'] }),
      vec('n', { as: ['lossB'] }), vec('n', { gt: 0, as: ['count'] })]),
    spec(discordantDifference, () => [3, 1, 10],
      [int(0), int(0), int(1)]),
  ],
});
