// Bad-input specs for chapter "Bayesian linear regression"
// (tests/bad-input.ts).
import { gaussianMatrix } from '../../code/decompositions/examples.ts';
import { createRng } from '../../code/introduction/random.ts';
import { gaussianBasis } from '../../code/bayesian-linear-regression/basis.ts';
import {
  fitBayesianRidge,
  predictBayesianRidge,
} from '../../code/bayesian-linear-regression/bayesian-ridge.ts';
import {
  heldOutZ,
  pairedCvDifference,
  ridgeCvLambda,
} from '../../code/bayesian-linear-regression/diabetes.ts';
import { addPoint } from
  '../../code/bayesian-linear-regression/solutions/rank-one.ts';
import { maximizeEvidenceSvd } from
  '../../code/bayesian-linear-regression/solutions/evidence-svd.ts';
import { maximizeEvidenceExactIntercept } from
  '../../code/bayesian-linear-regression/solutions/exact-intercept.ts';
import {
  evidence,
  evidenceGradient,
  maximizeEvidence,
} from '../../code/bayesian-linear-regression/evidence.ts';
import { bandExample } from '../../code/bayesian-linear-regression/examples.ts';
import {
  blrPosterior,
  checkHyper,
  checkPosterior,
  choleskyInverse,
  isotropicPrior,
  posteriorDistribution,
  updatePosterior,
} from '../../code/bayesian-linear-regression/posterior.ts';
import {
  predictive,
  samplePredictive,
} from '../../code/bayesian-linear-regression/predictive.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { linearData } from '../../code/linear-regression/synthetic.ts';
import {
  any, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Data the exact-intercept iteration converges on (a clear signal). */
const line = () => linearData({ seed: 1, n: 12, w: [1, -1, 0.5], b: 2,
  noise: 0.3 });
const seed = int(0, { max: 2 ** 53 - 1 });
const X = () => gaussianMatrix(2, 8, 3);
const y = () => f64(1, 3, 2, 5, 4, 0, 2, 1);
const data = [mat('n', 'd'), vec('n')];
const h = { sigma2: 0.5, tau2: 2 };
const hyper = opts({ sigma2: num({ gt: 0 }), tau2: num({ gt: 0,
  infinite: true }) }, ['sigma2', 'tau2']);
const post = () => blrPosterior(X(), y(), h);
const postArg = opts({ mean: vec(3), cov: mat(3, 3), precision: mat(3, 3),
  L: mat(3, 3) }, ['mean', 'cov', 'precision', 'L']);
const L = () => new Matrix(3, 3, f64(2, 0, 0, 1, 3, 0, 1, 1, 4));
const fitArg = opts({ w: vec('d'), xMean: vec('d'), b: num(),
  n: int(1) });
let fitted: ReturnType<typeof fitBayesianRidge> | undefined;
const ridge = () => (fitted ??= fitBayesianRidge(X(), y()));
const evidenceOpts = opts({ sigma2: num({ gt: 0 }), tau2: num({ gt: 0 }),
  tol: num({ gt: 0 }), maxIter: int(1) });

export const badInput = groups({
  posterior: [
    spec(checkHyper, () => ['caller', h], [any(), hyper],
      { name: 'caller' }),
    spec(checkPosterior, () => ['caller', post()], [any(), postArg],
      { name: 'caller' }),
    spec(blrPosterior, () => [X(), y(), h], [...data, hyper]),
    spec(updatePosterior, () => [post(), X(), y(), 0.5],
      [postArg, mat('n', 3), vec('n'), num({ gt: 0 })]),
    spec(isotropicPrior, () => [3, 2], [int(1), num({ gt: 0 })]),
    spec(posteriorDistribution, () => [post()], [postArg]),
    spec(choleskyInverse, () => [L()], [{ ...mat('n', 'n'),
      as: ['L', 'matrix'] }]),
    spec(gaussianBasis, () => [f64(0.1, 0.5), [0, 0.5, 1], 0.2],
      [vec(), list(num(), { as: ['centres', 'centre'] }),
        num({ gt: 0 })]),
  ],
  predictive: [
    spec(predictive, () => [post(), gaussianMatrix(3, 4, 3), 0.5],
      [postArg, mat('m', 3, ['Xs', 'points']), num({ gt: 0 })]),
    spec(samplePredictive, () => [post(), f64(1, 2, 3), 0.5,
      createRng(1), 4], [postArg, vec(3), num({ gt: 0 }), any(),
      int(1)]),
  ],
  evidence: [
    spec(evidence, () => [X(), y(), h], [...data, opts({
      sigma2: num({ gt: 0 }), tau2: num({ gt: 0 }) }, ['sigma2',
      'tau2'])]),
    spec(evidenceGradient, () => [X(), y(), h], [...data, opts({
      sigma2: num({ gt: 0 }), tau2: num({ gt: 0 }) }, ['sigma2',
      'tau2'])]),
    spec(maximizeEvidence, () => [X(), y(), {}], [...data, evidenceOpts]),
    spec(fitBayesianRidge, () => [X(), y(), {}], [...data, evidenceOpts]),
    spec(predictBayesianRidge, () => [ridge(), gaussianMatrix(4, 2, 3)],
      [fitArg, mat('m', 'd', ['Xs', 'features'])]),
  ],
  studies: [
    spec(heldOutZ, () => [2, 7], [int(2, { max: 442 }), seed]),
    spec(ridgeCvLambda, () => [2, 7], [int(2, { max: 442 }), seed]),
    spec(bandExample, () => [5], [int(2)]),
  ],
  solutions: [
    spec(pairedCvDifference, () => [{ foldMse: [[1, 2, 3], [2, 2, 5]] },
      0, 1], [opts({ foldMse: list(list(num()), { minLength: 2 }) },
      ['foldMse']), int(0, { max: 1 }), int(0, { max: 1 })]),
    spec(addPoint, () => [post(), f64(1, 0.5, -1), 2, 0.5],
      [postArg, vec(3), num(), num({ gt: 0 })]),
    spec(maximizeEvidenceSvd, () => [X(), y(), {}], [...data,
      opts({ tol: num({ gt: 0 }), maxIter: int(1) })]),
    spec(maximizeEvidenceExactIntercept, () => [line().X, line().y, {}],
      [...data,
      opts({ tol: num({ gt: 0 }), maxIter: int(1) })]),
  ],
});
