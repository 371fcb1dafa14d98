// Bad-input specs for chapter "Probability" (tests/bad-input.ts).
import { createRng } from '../../code/introduction/random.ts';
import { Matrix, fromRows } from '../../code/linear-algebra/matrix.ts';
import { bayesPosterior } from '../../code/probability/bayes.ts';
import {
  sampleCovariance,
  sampleMean,
} from '../../code/probability/covariance.ts';
import {
  covarianceEllipse,
  ellipseRadius,
} from '../../code/probability/ellipse.ts';
import {
  klConvergence,
  samplingDemo,
  screeningExample,
  underflowDemo,
} from '../../code/probability/examples.ts';
import {
  betaLogPdf,
  betaSample,
  dirichletLogPdf,
  dirichletSample,
  gammaLogPdf,
  gammaSample,
  logGammaSample,
} from '../../code/probability/gamma.ts';
import {
  crossEntropy,
  entropy,
  klDivergence,
  klGaussian,
  klMonteCarlo,
  klNormal,
  normalEntropy,
} from '../../code/probability/information.ts';
import {
  coverage,
  fitSpecies,
  irisPetals,
  resubstitutionAccuracy,
  speciesPosterior,
} from '../../code/probability/iris-study.ts';
import { MultivariateNormal } from '../../code/probability/mvn.ts';
import {
  logBeta,
  logGamma,
  logMultiBeta,
} from '../../code/probability/special.ts';
import {
  bernoulliLogPmf,
  bernoulliLogPmfLogit,
  bernoulliSample,
  categoricalLogPmf,
  categoricalLogPmfLogits,
  categoricalSample,
  normalLogPdf,
  normalPdf,
  softplus,
} from '../../code/probability/univariate.ts';
import {
  sampleWithFactor,
} from '../../code/probability/solutions/rotated-sampler.ts';
import {
  aliasSample,
  aliasTable,
  gumbelMaxSample,
} from '../../code/probability/solutions/gumbel-max.ts';
import {
  any, groups, int, list, mat, num, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const seed = int(0, { max: 2 ** 53 - 1 });
const rng = () => createRng(3);
const pos = (as?: string | string[]) => num({ gt: 0 }, as);
const prob = (as?: string | string[]) => num({ min: 0, max: 1 }, as);
const probs = (dim: string | number = 'k') =>
  vec(dim, { min: 0, max: 1, as: ['p', 'probs', 'q'] });
const cov = () => fromRows([[2, 0.5], [0.5, 1]]);
const mvn = () => new MultivariateNormal(f64(0, 1), cov());
const data = () => new Matrix(4, 2, f64(1, 2, 2, 1, 3, 5, 0, 1));
/** A method of a fresh 3-D normal, as a function for the harness. */
const method = (m: keyof MultivariateNormal) => (...a: unknown[]) =>
  (new MultivariateNormal(f64(0, 1, 2), fromRows([[2, 0.5, 0],
    [0.5, 1, 0.2], [0, 0.2, 1]]))[m] as (...b: unknown[]) => unknown)(
    ...a);
const methodSpec = (m: keyof MultivariateNormal, valid: () => unknown[],
  args: ReturnType<typeof num>[], names: string[]) =>
  spec(method(m), valid, args, { name: `MultivariateNormal.${m}`,
    covers: [MultivariateNormal], names });
const petals = () => irisPetals().map((P) => new Matrix(15, 2,
  P.data.slice(0, 30)));

export const badInput = groups({
  univariate: [
    spec(bernoulliLogPmf, () => [1, 0.3],
      [num({ values: [0, 1] } as never, ['x']), prob()]),
    spec(bernoulliSample, () => [rng(), 0.3], [any(), prob()]),
    spec(softplus, () => [0.5], [num()]),
    spec(bernoulliLogPmfLogit, () => [1, 0.5], [num({ not: [0.5] }), num()]),
    spec(categoricalLogPmf, () => [1, [0.2, 0.8]],
      [int(0, { max: 1 }), probs()]),
    spec(categoricalLogPmfLogits, () => [1, [0.2, 0.8]],
      [int(0, { max: 1 }), vec()]),
    spec(categoricalSample, () => [rng(), [0.2, 0.8]], [any(), probs()]),
    spec(normalLogPdf, () => [0.5, 0, 1], [num(), num(), pos()]),
    spec(normalPdf, () => [0.5, 0, 1], [num(), num(), pos()]),
  ],
  special: [
    spec(logGamma, () => [2.5], [pos()]),
    spec(logBeta, () => [2, 3], [pos(), pos()]),
    spec(logMultiBeta, () => [[2, 3]], [vec(undefined, { gt: 0 })]),
    spec(gammaLogPdf, () => [1, 2, 1.5],
      [num(), pos(['a', 'shape']), pos(['b', 'rate'])]),
    spec(logGammaSample, () => [rng(), 2], [any(), pos(['a', 'shape'])]),
    spec(gammaSample, () => [rng(), 2, 1.5],
      [any(), pos(['a', 'shape']), pos(['b', 'rate'])]),
    spec(betaLogPdf, () => [0.3, 2, 3], [num(), pos(), pos()]),
    spec(betaSample, () => [rng(), 2, 3], [any(), pos(), pos()]),
    spec(dirichletLogPdf, () => [[0.3, 0.7], [2, 3]],
      // x outside the open simplex has density 0: -Infinity, no error
      [vec('k'), vec('k', { gt: 0 })]),
    spec(dirichletSample, () => [rng(), [2, 3]],
      [any(), vec(undefined, { gt: 0 })]),
  ],
  information: [
    spec(entropy, () => [[0.2, 0.8]], [probs()]),
    spec(crossEntropy, () => [[0.2, 0.8], [0.5, 0.5]], [probs(), probs()]),
    spec(klDivergence, () => [[0.2, 0.8], [0.5, 0.5]], [probs(), probs()]),
    spec(normalEntropy, () => [2], [pos()]),
    spec(klNormal, () => [0, 1, 1, 2], [num(), pos(), num(), pos()]),
    spec(klGaussian, () => [mvn(), mvn()], [any(), any()]),
    spec(klMonteCarlo, () => [rng(), mvn(), mvn(), 5],
      [any(), any(), any(), int(2)]),
    spec(bayesPosterior, () => [[-1, -2], [-3, -1]],
      [vec('h', { as: ['logPrior', 'priors'] }),
        vec('h', { as: ['logLikelihood', 'log-likelihood'] })]),
  ],
  normal: [
    spec((m: Float64Array, c: Matrix) => new MultivariateNormal(m, c),
      () => [f64(0, 1), cov()], [vec('d'), mat('d', 'd')],
      { name: 'MultivariateNormal', covers: [MultivariateNormal],
        names: ['mean', 'cov'] }),
    methodSpec('mahalanobisSq', () => [f64(1, 2, 3)], [vec(3)], ['x']),
    methodSpec('logPdf', () => [f64(1, 2, 3)], [vec(3)], ['x']),
    methodSpec('score', () => [f64(1, 2, 3)], [vec(3)], ['x']),
    methodSpec('sampleMany', () => [rng(), 3], [any(), int(1)],
      ['rng', 'n']),
    methodSpec('marginal', () => [[0, 2]],
      [list(int(0, { max: 2 }), { as: ['idx', 'indices'] })], ['idx']),
    methodSpec('conditional', () => [[0], f64(1)],
      [list(int(0, { max: 2 }), { dims: ['b'], as: ['b', 'indices'] }),
        vec('b', { as: ['xb', 'value'] })], ['b', 'xb']),
    spec(sampleMean, () => [data()], [mat('n', 'd')]),
    spec(sampleCovariance, () => [data(), 1],
      [mat('n', 'd'), int(0, { max: 1 })]),
    spec(ellipseRadius, () => [0.5], [num({ min: 0, lt: 1 })]),
    spec(covarianceEllipse, () => [mvn(), 1, 8], [any(), pos(), int(3)]),
  ],
  examples: [
    spec(underflowDemo, () => [11, 5000], [seed, int(1)]),
    spec(screeningExample, () => [0.01, 0.95, 0.05],
      [num({ gt: 0, lt: 1 }), prob(), prob()]),
    spec(samplingDemo, () => [5, 4, [0.5]],
      [seed, int(1), list(num({ min: 0, lt: 1 }))]),
    spec(klConvergence, () => [9, [10]], [seed, list(int(2))]),
    spec(fitSpecies, () => [petals()], [list(mat('n*', 2))]),
    spec(coverage, () => [mvn(), data(), 0.5],
      [any(), mat('n', 2), num({ min: 0, lt: 1 })]),
    spec(speciesPosterior, () => [fitSpecies(petals()), f64(1, 0.5)],
      [any(), vec(2)]),
    spec(resubstitutionAccuracy, () => [petals()], [list(mat('n*', 2))]),
  ],
  solutions: [
    spec(sampleWithFactor, () => [rng(), f64(0, 1), cov(), 3],
      [any(), vec('d'), mat('d', 'd'), int(1)]),
    spec(gumbelMaxSample, () => [rng(), [0.5, -1]], [any(), vec()]),
    spec(aliasTable, () => [[0.2, 0.8]], [probs()]),
    spec(aliasSample, () => [rng(), aliasTable([0.2, 0.8])],
      [any(), any()]),
  ],
});
