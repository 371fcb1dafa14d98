// Bad-input specs for chapter "gaussian-mixtures" (tests/bad-input.ts).
import { createRng } from '../../code/introduction/random.ts';
import { Matrix, identity } from '../../code/linear-algebra/matrix.ts';
import {
  COV_TYPES, checkCovType, checkParams, checkResp,
} from '../../code/gaussian-mixtures/checks.ts';
import { faithfulLike } from '../../code/gaussian-mixtures/data.ts';
import { fitGmm } from '../../code/gaussian-mixtures/em.ts';
import { elbo } from '../../code/gaussian-mixtures/elbo.ts';
import { ellipse } from '../../code/gaussian-mixtures/ellipse.ts';
import { eStep, logJoint } from '../../code/gaussian-mixtures/estep.ts';
import {
  collapseCurve, restartStudy,
} from '../../code/gaussian-mixtures/experiments.ts';
import {
  INITS, fitBest, initialResp,
} from '../../code/gaussian-mixtures/init.ts';
import { mStep } from '../../code/gaussian-mixtures/mstep.ts';
import { irisSelection } from '../../code/gaussian-mixtures/real-data.ts';
import {
  informationCriteria, nParameters,
} from '../../code/gaussian-mixtures/select.ts';
import {
  sampleMixture,
} from '../../code/gaussian-mixtures/solutions/sample.ts';
import {
  any, choice, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Six points in the plane, two groups. */
const X = () => new Matrix(6, 2, f64(0, 0, 1, 0, 0, 1, 5, 5, 6, 5, 5, 6));
const P = () => ({ weights: f64(0.5, 0.5),
  means: new Matrix(2, 2, f64(0, 0, 5, 5)),
  covs: [identity(2), identity(2)] });
const R = () => new Matrix(6, 2, f64(1, 0, 1, 0, 0.5, 0.5, 0, 1, 0, 1,
  0, 1));
const rng = () => createRng(7);
const cov = choice(COV_TYPES, ['covType']);

export const badInput = groups({
  core: [
    spec(logJoint, () => [X(), P()], [mat('n', 'd'), any()]),
    spec(eStep, () => [X(), P()], [mat('n', 'd'), any()]),
    spec(mStep, () => [X(), R(), 'full', 1e-6], [mat('n', 'd'),
      mat('n', 'k', ['resp']), cov, num({ min: 0 }, ['regCovar'])]),
    spec(fitGmm, () => [X(), P(), { maxIter: 3, tol: 0 }], [mat('n', 'd'),
      any(), opts({ covType: cov, tol: num({ min: 0 }, ['tol']),
        maxIter: int(1, {}, ['maxIter']),
        regCovar: num({ min: 0 }, ['regCovar']) })]),
    spec(elbo, () => [X(), P(), R()], [mat('n', 'd'), any(),
      mat('n', 'k', ['Q'])]),
    spec(initialResp, () => [X(), 2, 'random', rng()], [mat('n', 'd'),
      int(1, { max: 6 }, ['k']), choice(INITS, ['method']), any()]),
    spec(fitBest, () => [X(), 2, 1, 'kmeans', rng(), { maxIter: 3 }],
      [mat('n', 'd'), int(1, { max: 6 }, ['k']),
        int(1, {}, ['restarts']), choice(INITS, ['method']), any(),
        any()]),
    spec(nParameters, () => [3, 4, 'full'], [int(1, {}, ['k']),
      int(1, {}, ['d']), cov]),
    spec(informationCriteria, () => [X(), P(), 'diag'], [mat('n', 'd'),
      any(), cov]),
  ],
  experiments: [
    spec(ellipse, () => [[1, 2], identity(2), 2, 8], [vec(2, { as:
      ['mu'] }), mat(2, 2, ['S']), num({ gt: 0 }, ['c']),
    int(4, {}, ['steps'])]),
    spec(faithfulLike, () => [10, rng()], [int(1, {}, ['n']), any()]),
    spec(collapseCurve, () => [X(), 1, [1, 0.1]], [mat('n', 'd'),
      int(0, { max: 5 }, ['i']), list(num({ gt: 0 }),
        { as: ['sigma', 'sigmas'] })]),
    spec(restartStudy, () => [X(), 2, 1, 1], [mat('n', 'd'),
      int(1, { max: 6 }, ['k']), int(1, {}, ['runs']),
      int(0, { max: 2 ** 40 }, ['seed'])]),
    spec(irisSelection, () => [2, 1, 1], [int(1, { max: 20 }, ['kMax']),
      int(1, {}, ['restarts']), int(0, { max: 2 ** 40 }, ['seed'])],
    { expensive: true }),
    spec(sampleMixture, () => [P(), 5, rng()], [any(),
      int(1, {}, ['n']), any()]),
    spec(checkCovType, () => ['f', 'full'], [any(), cov],
      { name: 'f' }),
    spec(checkParams, () => ['f', P(), 2], [any(), any(), any()],
      { name: 'f' }),
    spec(checkResp, () => ['f', R(), 6], [any(), mat('n', 'k',
      ['resp']), any()], { name: 'f' }),
  ],
});
