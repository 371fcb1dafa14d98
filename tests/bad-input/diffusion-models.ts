// Bad-input specs for chapter "diffusion-models" (tests/bad-input.ts).
// Networks and schedules are `any()`: their own checks are tested by
// the specs of the constructors and of the schedule builders.
import { Tensor } from '../../code/autodiff/tensor.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Linear } from '../../code/multilayer-perceptron/layers.ts';
import { Sequential } from '../../code/multilayer-perceptron/mlp.ts';
import {
  cosineSchedule, fromBetas, linearSchedule, posteriorCoefficients,
} from '../../code/diffusion-models/schedule.ts';
import { qSample } from '../../code/diffusion-models/forward.ts';
import {
  epsLoss, TimeMLP, timeEmbedding, timeMlp,
} from '../../code/diffusion-models/model.ts';
import {
  clippedMean, epsMean, sample, sigmaSquared,
} from '../../code/diffusion-models/sample.ts';
import {
  classifierGrad, epsFn, gradFn,
} from '../../code/diffusion-models/guidance.ts';
import {
  gaussianEps, samplerMoments,
} from '../../code/diffusion-models/gaussian.ts';
import {
  trainEps, trainNoisyClassifier,
} from '../../code/diffusion-models/train.ts';
import {
  meanPairwiseDistance, precisionRecall,
} from '../../code/diffusion-models/metrics.ts';
import { ring } from '../../code/diffusion-models/data.ts';
import { vlbWeights } from '../../code/diffusion-models/solutions/weights.ts';
import { sigmaErrors } from '../../code/diffusion-models/solutions/sigma.ts';
import {
  checkBetas, checkClassifierGrad, checkCosine, checkEmbedding,
  checkEpsLoss, checkGaussian, checkLinear, checkNet, checkQSample,
  checkRing, checkSample, checkSchedule, checkSet, checkSets, checkSigma,
  checkStep, checkTimeForward, checkTimeMlp, checkTrain,
  checkTrainClassifier, checkTimeMlpSizes, checkMeanArgs,
} from '../../code/diffusion-models/checks.ts';
import {
  any, callback, choice, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const T = 5;
const sched = () => cosineSchedule(T);
const net = (c = 2) => timeMlp(2, 4, [3], c, createRng(1));
const steps = (as = 't') => vec('n', { min: 1, max: T, integer: true,
  as });
const trainArg = opts({ steps: int(1), batchSize: int(1), eta: num({
  gt: 0 }), seed: int(0) }, ['steps', 'batchSize', 'eta', 'seed']);
const trainOpts = () => ({ steps: 2, batchSize: 2, eta: 0.01, seed: 0 });
const pts = () => new Matrix(4, 2, Float64Array.of(0, 1, 1, 0, -1, 0.5,
  2, 2));
const W = (r: number, c: number) => new Tensor(new Float64Array(r * c)
  .fill(0.1), [r, c], true);

export const badInput = groups({
  schedules: [
    spec(fromBetas, () => [[0.1, 0.2]], [vec(undefined, { gt: 0, lt: 1,
      as: 'beta' })], { covers: [fromBetas, checkBetas] }),
    spec(linearSchedule, () => [10, 1e-4, 0.02], [int(1, {}, 'T'),
      num({ gt: 0, lt: 1 }, 'beta1'), num({ gt: 0, lt: 1 }, 'betaT')],
    { covers: [linearSchedule, checkLinear] }),
    spec(cosineSchedule, () => [10, 0.008, 0.999], [int(1, {}, 'T'),
      num({ gt: 0 }, 's'), num({ gt: 0, lt: 1 }, 'maxBeta')],
    { covers: [cosineSchedule, checkCosine] }),
    spec(posteriorCoefficients, () => [sched(), 2], [any(),
      int(1, { max: T }, 't')], { covers: [posteriorCoefficients,
      checkStep, checkSchedule] }),
    spec(qSample, () => [sched(), pts(), [1, 2, 3, 5], pts()], [any(),
      mat('n', 'd', 'x0'), steps(), mat('n', 'd', 'eps')],
    { covers: [qSample, checkQSample] }),
    spec(sigmaSquared, () => [sched(), 3, 'beta'], [any(),
      int(1, { max: T }, 't'), choice(['beta', 'posterior'], 'sigma')],
    { covers: [sigmaSquared, checkSigma] }),
    spec(epsMean, () => [sched(), 3, Float64Array.of(1, 2),
      Float64Array.of(0, 1)], [any(), int(1, { max: T }, 't'),
      vec('n', { as: 'x' }), vec('n', { as: 'epsHat' })],
    { covers: [epsMean, checkMeanArgs] }),
    spec(clippedMean, () => [sched(), 3, Float64Array.of(1, 2),
      Float64Array.of(0, 1)], [any(), int(1, { max: T }, 't'),
      vec('n', { as: 'x' }), vec('n', { as: 'epsHat' })]),
    spec(vlbWeights, () => [sched(), 'posterior'], [any(),
      choice(['beta', 'posterior'], 'sigma')]),
    spec(sigmaErrors, () => [0.5, 10], [num({ gt: 0 }, 'v'),
      int(2, {}, 'T')]),
  ],
  networks: [
    spec(timeEmbedding, () => [[1, 2, 3], 4], [vec('n', { as: 't' }),
      int(2, {}, 'e')], { covers: [timeEmbedding, checkEmbedding] }),
    spec((Wx: Tensor, Wt: Tensor, b: Tensor, rest: Sequential) =>
      new TimeMLP(Wx, Wt, b, rest), () => [W(2, 3), W(4, 3),
      new Tensor(new Float64Array(3), [3], true),
      new Sequential([new Linear(W(3, 2), new Tensor(new Float64Array(2),
        [2], true))])], [any(), any(), any(), any()],
    { name: 'TimeMLP', covers: [TimeMLP, checkTimeMlp] }),
    spec((x: Tensor, t: number[]) => net().forward(x, t),
      () => [new Tensor(new Float64Array(4), [2, 2]), [1, 2]],
      [any(), vec(2, { as: 't' })], { name: 'TimeMLP.forward',
        names: ['x', 't'], covers: [checkTimeForward] }),
    spec(timeMlp, () => [2, 4, [3], 2, createRng(1)], [int(1, {}, 'd'),
      int(2, {}, 'e'), list(int(1), { as: 'hidden' }), int(1, {}, 'c'),
      any()], { covers: [timeMlp, checkTimeMlpSizes] }),
    spec(epsLoss, () => [net(), sched(), new Tensor(new Float64Array(4),
      [2, 2]), [1, 2], new Tensor(new Float64Array(4), [2, 2])], [any(),
      any(), any(), vec(2, { min: 1, max: T, integer: true, as: 't' }),
      any()], { covers: [epsLoss, checkEpsLoss] }),
    spec(trainEps, () => [net(), pts(), sched(), trainOpts()], [any(),
      mat('n', 2, 'X'), any(), trainArg], { covers: [trainEps,
      checkTrain] }),
    spec(trainNoisyClassifier, () => [net(), pts(), Int32Array.of(0, 1,
      1, 0), sched(), trainOpts()], [any(), mat('n', 2, 'X'),
      vec('n', { values: [0, 1], as: 'y' }), any(), trainArg],
    { covers: [trainNoisyClassifier, checkTrainClassifier] }),
    spec(epsFn, () => [net()], [any()], { covers: [epsFn, checkNet] }),
    spec(gradFn, () => [net()], [any()]),
    spec(classifierGrad, () => [net(3), Float64Array.of(0.1, 0.2, 0.3,
      0.4), 2, Int32Array.of(0, 2)], [any(), vec(4, { as: 'x' }),
      num({}, 't'), vec(2, { values: [0, 1, 2], as: 'y' })],
    { covers: [classifierGrad, checkClassifierGrad] }),
  ],
  sampling: [
    spec(sample, () => [(x: Float64Array) => x.map(() => 0), sched(), 2,
      2, { seed: 1, sigma: 'beta', keep: [0] }], [callback({ as: 'eps' }),
      any(), int(1, {}, 'n'), int(1, {}, 'd'), opts({ seed: int(0),
        sigma: choice(['beta', 'posterior'], 'sigma') }, ['seed'])],
    { covers: [sample, checkSample] }),
    spec(gaussianEps, () => [sched(), [1, 2], [0.5, 2]], [any(),
      vec('d', { as: 'mu' }), vec('d', { gt: 0, as: 'v' })],
    { covers: [gaussianEps, checkGaussian] }),
    spec(samplerMoments, () => [sched(), [1, 2], [0.5, 2], 'beta'],
      [any(), vec('d', { as: 'mu' }), vec('d', { gt: 0, as: 'v' }),
        choice(['beta', 'posterior'], 'sigma')]),
    spec(meanPairwiseDistance, () => [pts()], [mat('n', 'd', 'X')],
      { covers: [meanPairwiseDistance, checkSet] }),
    spec(precisionRecall, () => [pts(), pts(), 2], [mat('n', 'd', 'real'),
      mat('m', 'd', 'fake'), int(1, { max: 3 }, 'k')],
    { covers: [precisionRecall, checkSets] }),
    spec(ring, () => [10, createRng(1), 1.5, 0.1], [int(1, {}, 'n'),
      any(), num({ gt: 0 }, 'radius'), num({ gt: 0 }, 'width')],
    { covers: [ring, checkRing] }),
  ],
});
