// Bad-input specs for chapter "Discriminant analysis" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  checkClasses, checkIn, checkMatrix, checkPriors, checkQueries, checkSquare,
} from '../../code/discriminant-analysis/checks.ts';
import {
  classCovariances, classMoments, classScatters, columnMeans,
  pooledCovariance,
} from '../../code/discriminant-analysis/gda.ts';
import {
  impliedLogistic, ldaScores, linearScores, posteriorFromScores,
} from '../../code/discriminant-analysis/lda.ts';
import { fitQda, qdaScores } from '../../code/discriminant-analysis/qda.ts';
import {
  empiricalCovariance, ledoitWolfCovariance, ledoitWolfShrinkage,
  shrunkCovariance,
} from '../../code/discriminant-analysis/shrinkage.ts';
import { generalizedEigen } from '../../code/discriminant-analysis/fisher.ts';
import {
  fitLdaEigen, fitLdaSvd, ldaDecision, ldaTransform,
} from '../../code/discriminant-analysis/fit-lda.ts';
import {
  argmax, cvAccuracy, fisherRatio, gaussianClasses, lda2, ldaAfter, pca2,
  takeRows,
} from '../../code/discriminant-analysis/experiments.ts';
import { fisherTwoClass } from '../../code/discriminant-analysis/solutions/fisher-two-class.ts';
import { rdaCovariances } from '../../code/discriminant-analysis/solutions/rda.ts';
import {
  any, callback, groups, int, list, mat, num, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Twelve points in the plane, three classes of four. */
const X = () => new Matrix(12, 2, f64(0, 0, 1, 0.2, 0.1, 1, 1, 1.3,
  4, 0, 5, 0.4, 4.2, 1, 5.1, 1.2, 2, 4, 3, 4.1, 2.2, 5, 3.1, 5.3));
const y = () => Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
const Q = () => new Matrix(2, 2, f64(0.5, 0.5, 3.2, 3.9));
const S2 = () => new Matrix(2, 2, f64(2, 0.5, 0.5, 1));
const means = () => new Matrix(3, 2, f64(0, 0, 4, 1, 2, 4));
const priors = () => f64(0.3, 0.3, 0.4);
const lab = vec('n', { min: 0, integer: true, as: ['y', 'labels'] });
const Xn = mat('n', 'd', ['X']);
const queries = mat('m', 'd', ['X', 'Q']);
const fitE = () => fitLdaEigen(X(), y());
const qda = () => fitQda(X(), y(), 0.1);
const scores = () => ldaScores(means(), S2(), priors());
const two = () => ({ W: new Matrix(2, 2, f64(1, 0, 0, 1)), b: f64(0, 1) });
const shrink = num({ min: 0, max: 1 }, ['shrinkage', 'alpha']);

export const badInput = groups({
  gda: [
    spec(classMoments, () => [X(), y()], [Xn, lab]),
    spec(classScatters, () => [X(), y()], [Xn, lab]),
    spec(pooledCovariance, () => [X(), y(), 3], [Xn, lab,
      int(0, { max: 11 }, ['shift'])]),
    spec(classCovariances, () => [X(), y(), 1], [Xn, lab,
      int(0, { max: 1 }, ['ddof'])]),
    spec(columnMeans, () => [X()], [Xn]),
    spec(rdaCovariances, () => [X(), y(), 0.5], [Xn, lab,
      num({ min: 0, max: 1 }, ['a'])]),
  ],
  models: [
    spec(ldaScores, () => [means(), S2(), priors()],
      [mat('K', 'd', ['means', 'priors', 'Sigma']),
        mat('d', 'd', ['Sigma']), vec('K', { gt: 0, as: ['priors'] })]),
    spec(linearScores, () => [scores(), Q()], [any(), queries]),
    spec(posteriorFromScores, () => [Q()], [mat('n', 'K', ['S'])]),
    spec(impliedLogistic, () => [two()], [any()]),
    spec(fitQda, () => [X(), y(), 0.1], [Xn, lab,
      num({ min: 0, max: 1 }, ['regParam'])]),
    spec(qdaScores, () => [qda(), Q()], [any(), queries]),
    spec(fitLdaEigen, () => [X(), y(), 0.2], [Xn, lab, shrink]),
    spec(fitLdaSvd, () => [X(), y()], [Xn, lab]),
    spec(ldaTransform, () => [fitE(), Q()], [any(), queries]),
    spec(ldaDecision, () => [fitE(), Q()], [any(), queries]),
    spec(fisherTwoClass, () => [new Matrix(8, 2, X().data.slice(0, 16)),
      Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1)], [Xn, lab]),
  ],
  covariances: [
    spec(empiricalCovariance, () => [X()], [Xn]),
    spec(shrunkCovariance, () => [S2(), 0.3], [mat('d', 'd', ['S']),
      shrink]),
    spec(ledoitWolfShrinkage, () => [X()], [Xn]),
    spec(ledoitWolfCovariance, () => [X()], [Xn]),
    spec(generalizedEigen, () => [S2(), new Matrix(2, 2, f64(1, 0, 0, 1))],
      [mat('d', 'd', ['SB']), mat('d', 'd', ['SW'])]),
  ],
  experiments: [
    spec(pca2, () => [X(), y()], [Xn, lab]),
    spec(lda2, () => [X(), y()], [Xn, lab]),
    spec(ldaAfter, () => [pca2], [callback({ as: ['project'] })]),
    spec(cvAccuracy, () => [X(), y(), ldaAfter(lda2), 3, 1], [Xn, lab,
      callback({ as: ['fit'] }), int(2, { max: 12 }, ['k']),
      int(0, { min: -Infinity }, ['seed'])]),
    spec(argmax, () => [f64(1, 3, 2)], [vec('K', { as: ['v'] })]),
    spec(takeRows, () => [X(), y(), [0, 5]], [Xn, lab,
      list(int(0, { max: 11 }), { as: ['idx'] })]),
    spec(fisherRatio, () => [X(), y()], [Xn, lab]),
    spec(gaussianClasses, () => [10, means(), S2(), priors(), 3],
      [int(1, {}, ['n']), mat('K', 'd', ['means', 'priors', 'A']),
        mat('d', 'd', ['A']), vec('K', { gt: 0, as: ['priors'] }),
        int(0, {}, ['seed'])]),
  ],
  checks: [
    spec(checkMatrix, () => ['caller', 'X', X()], [any(), any(), Xn],
      { name: 'caller' }),
    spec(checkClasses, () => ['caller', X(), y(), 2], [any(), Xn, lab,
      int(1, { max: 4 }, ['least', 'class'])], { name: 'caller' }),
    spec(checkSquare, () => ['caller', 'S', S2(), 2], [any(), any(),
      mat('d', 'd', ['S']), any()], { name: 'caller' }),
    spec(checkIn, () => ['caller', 'x', 0.5, 0, 1], [any(), any(),
      num({ min: 0, max: 1 }, ['x']), any(), any()], { name: 'caller' }),
    spec(checkPriors, () => ['caller', priors(), 3], [any(),
      vec(3, { gt: 0, as: ['priors'] }), any()], { name: 'caller' }),
    spec(checkQueries, () => ['caller', Q(), 2], [any(),
      mat('m', 2, ['X']), any()], { name: 'caller' }),
  ],
});
