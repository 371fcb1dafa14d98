// Bad-input specs for chapter "variational-autoencoders"
// (tests/bad-input.ts). Tensors and models cannot be corrupted by the
// generator: they are `any()`, and the checks on them have their own
// tests below the generated ones in tests/variational-autoencoders.test.ts.
// The checks of code/variational-autoencoders/checks.ts are covered
// through the public functions that call them (`covers`).
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { digitsRows } from '../../code/softmax-regression/experiments.ts';
import {
  diagonalGaussian, klDiagonal, klStandardNormal, standardNormal,
} from '../../code/variational-autoencoders/kl.ts';
import {
  bernoulliLogLik,
} from '../../code/variational-autoencoders/likelihood.ts';
import {
  VAE, elbo, reparameterize, vae,
} from '../../code/variational-autoencoders/model.ts';
import {
  evaluateVae, trainVae,
} from '../../code/variational-autoencoders/train.ts';
import {
  decodeMean, interpolate, latentGrid, reconstruct, samplePrior,
} from '../../code/variational-autoencoders/explore.ts';
import {
  estimatorStudy, estimatorVariance, gradientEstimate,
} from '../../code/variational-autoencoders/estimators.ts';
import {
  gaussianLogLik,
} from '../../code/variational-autoencoders/solutions/gaussian-decoder.ts';
import {
  iwBound,
} from '../../code/variational-autoencoders/solutions/importance-weighted.ts';
import {
  checkBeta, checkCode, checkElbo, checkEncoded, checkEstimator,
  checkEvaluate, checkExplore, checkGrid, checkInterpolate,
  checkLogitsTargets, checkMuLogVar, checkSizes, checkTensorPair,
  checkToy, checkTrainVae, checkVaeParts, rowsOf,
} from '../../code/variational-autoencoders/checks.ts';
import {
  any, choice, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const net = () => vae(64, [4], 2, 'tanh', createRng(1));
const three = digitsRows([0, 1, 2]).X; // read once
const X = () => new Matrix(3, 64, three.data.slice());
const row = (i: number) => new Matrix(1, 64,
  three.data.slice(64 * i, 64 * i + 64));
const t2 = (v: number[]) => new Tensor(v, [1, 2]);
const KINDS = ['reparam', 'score'];

export const badInput = groups({
  model: [
    spec(klStandardNormal, () => [t2([0, 1]), t2([0, 0])],
      [any(), any()], { covers: [klStandardNormal, checkTensorPair] }),
    spec(klDiagonal, () => [[0.5, 1], [0, -1]],
      [vec('k', { as: 'mu' }), vec('k', { as: 'logVar' })],
      { covers: [klDiagonal, checkMuLogVar] }),
    spec(diagonalGaussian, () => [[0.5, 1], [0, -1]],
      [vec('k', { as: 'mu' }), vec('k', { as: 'logVar' })]),
    spec(standardNormal, () => [3], [int(1, {}, 'k')]),
    spec(bernoulliLogLik, () => [t2([0, 1]), t2([0.5, 1])],
      [any(), any()], { covers: [bernoulliLogLik, checkLogitsTargets] }),
    spec((a: unknown, b: unknown, c: unknown, d: unknown) =>
      new VAE(a as never, b as never, c as never, d as never),
    () => { const m = net(); return [m.trunk, m.muHead, m.logVarHead,
      m.decoder]; }, [any(), any(), any(), any()],
    { name: 'VAE', covers: [VAE, checkVaeParts],
      names: ['trunk', 'muHead', 'logVarHead', 'decoder'] }),
    spec(vae, () => [64, [4], 2, 'tanh', createRng(1)],
      [int(1, {}, 'd'), list(int(1), { as: 'hidden' }), int(1, {}, 'k'),
        choice(['tanh', 'relu'], ['activation', 'name']), any()],
      { covers: [vae, checkSizes] }),
    spec(reparameterize, () => [t2([0, 1]), t2([0, 0]), t2([1, -1])],
      [any(), any(), any()]),
    spec(elbo, () => [net(), new Tensor(X().data.slice(0, 64), [1, 64]),
      t2([1, -1]), 1], [any(), any(), any(), num({ min: 0 }, 'beta')],
    { covers: [elbo, checkElbo, checkEncoded, checkBeta] }),
  ],
  training: [
    spec(trainVae, () => [net(), X(), { epochs: 1, batchSize: 2,
      eta: 0.01, seed: 1 }],
    [any(), mat('n', 64, 'X'), opts({ epochs: int(1), batchSize: int(1),
      eta: num({ gt: 0 }), seed: int(0), beta: num({ min: 0 }) },
    ['epochs', 'batchSize', 'eta', 'seed'])],
    { covers: [trainVae, checkTrainVae] }),
    spec(evaluateVae, () => [net(), X(), createRng(1)],
      [any(), mat('n', 64, 'X'), any()],
      { covers: [evaluateVae, checkEvaluate] }),
    spec(decodeMean, () => [net(), t2([0, 1])], [any(), any()],
      { covers: [decodeMean, checkCode] }),
    spec(reconstruct, () => [net(), X()], [any(), mat('n', 64, 'X')],
      { covers: [reconstruct, checkExplore] }),
    spec(samplePrior, () => [net(), 2, createRng(1)],
      [any(), int(1, {}, 'count'), any()]),
    spec(interpolate, () => [net(), row(0), row(1), 3],
      [any(), mat(1, 64, 'a'), mat(1, 64, 'b'), int(2, {}, 'steps')],
      { covers: [interpolate, checkInterpolate] }),
    spec(latentGrid, () => [net(), 3], [any(), int(1, { max: 100 }, 'm')],
      { covers: [latentGrid, checkGrid] }),
    spec(rowsOf, () => [X(), [0, 2]], [any(), any()]),
  ],
  estimators: [
    spec(gradientEstimate, () => ['score', 3, 1, 2, createRng(1)],
      [choice(KINDS, 'kind'), int(1, {}, 'k'), num({}, 'm'),
        int(1, {}, 'S'), any()],
      { covers: [gradientEstimate, checkEstimator] }),
    spec(estimatorVariance, () => ['score', 3, 1],
      [choice(KINDS, 'kind'), int(1, {}, 'k'), num({}, 'm')],
      { covers: [estimatorVariance, checkToy] }),
    spec(estimatorStudy, () => ['reparam', 2, 1, 2, 5, createRng(1)],
      [choice(KINDS, 'kind'), int(1, {}, 'k'), num({}, 'm'),
        int(1, {}, 'S'), int(2, {}, 'reps'), any()]),
    spec(gaussianLogLik, () => [t2([0.2, 0.4]), t2([0, 1]), 0.5],
      [any(), any(), num({ gt: 0 }, 's')]),
    spec(iwBound, () => [net(), X(), 2, createRng(1)],
      [any(), mat('n', 64, 'X'), int(1, {}, 'S'), any()]),
  ],
});
