// Bad-input specs for chapter "Matrix decompositions" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  checkSymmetric,
  cholesky,
  choleskyFor,
  choleskySolve,
} from '../../code/decompositions/cholesky.ts';
import {
  conditioningStudy,
  monomials,
  normalEquations,
} from '../../code/decompositions/conditioning.ts';
import {
  checkSweeps,
  jacobiRotation,
  symmetricEigen,
} from '../../code/decompositions/eigen.ts';
import {
  gaussianMatrix,
  randomOrthogonal,
  randomSpd,
  symmetrize,
} from '../../code/decompositions/examples.ts';
import {
  applyQ,
  applyQt,
  householderQR,
  householderVector,
  thinQ,
} from '../../code/decompositions/householder.ts';
import { syntheticImage } from '../../code/decompositions/image.ts';
import {
  symmetricEigenQR,
  qrStep,
  tridiagonalize,
  wilkinsonShift,
} from '../../code/decompositions/tridiagonal.ts';
import {
  checkLeastSquares,
  qrLeastSquares,
} from '../../code/decompositions/least-squares.ts';
import {
  frobenius,
  lowRankApprox,
  tailNorm,
  truncate,
} from '../../code/decompositions/low-rank.ts';
import {
  minNormLeastSquares,
  pseudoInverse,
  rank,
} from '../../code/decompositions/pseudo-inverse.ts';
import { svd } from '../../code/decompositions/svd.ts';
import {
  smallestRank,
  squareImage,
} from '../../code/decompositions/solutions/compression.ts';
import { logDet } from '../../code/decompositions/solutions/log-det.ts';
import { ridgeSvd } from '../../code/decompositions/solutions/ridge-svd.ts';
import {
  reflectionError,
} from '../../code/decompositions/solutions/wrong-sign.ts';
import {
  checkTriangular,
  solveLower,
  solveLowerTransposed,
  solveUpper,
} from '../../code/decompositions/triangular.ts';
import {
  any, groups, int, mat, num, opts, spec, vec,
} from '../bad-input.ts';
import { M } from './linear-algebra.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const seed = int(0, { max: 2 ** 53 - 1 });
/** A 3 x 3 symmetric positive definite matrix. */
const spd = () => new Matrix(3, 3, f64(4, 1, 0, 1, 3, 1, 0, 1, 2));
const lower = () => new Matrix(3, 3, f64(2, 0, 0, 1, 3, 0, 1, 1, 4));
const tall = () => M(4, 2);
const qr = () => householderQR(tall());
const qrArg = opts({ R: mat('k', 'n'), beta: vec('k'), v: any() });
const svdArg = opts({ U: mat('m', 'r'), V: mat('n', 'r'),
  s: vec('r', { min: 0 }) });
const sweeps = int(1, {}, ['maxSweeps']);
const square = (as = 'A') => ({ ...mat('n', 'n'), as: [as, 'square'] });

export const badInput = groups({
  cholesky: [
    spec(cholesky, () => [spd()], [square()]),
    spec(checkSymmetric, () => ['caller', spd()], [any(), square()],
      { name: 'caller' }),
    spec(choleskyFor, () => ['caller', spd(), 'A:'],
      [any(), square(), any()], { name: 'caller' }),
    spec(choleskySolve, () => [lower(), f64(1, 2, 3)],
      [{ ...mat('n', 'n'), as: ['L', 'matrix'] },
        vec('n', { as: ['b', 'vector'] })]),
    spec(checkTriangular, () => ['caller', lower(), f64(1, 2, 3)],
      [any(), { ...mat('n', 'n'), as: ['T', 'matrix'] },
        vec('n', { as: ['b', 'vector'] })], { name: 'caller' }),
    ...[solveLower, solveUpper, solveLowerTransposed].map((f) =>
      spec(f, () => [lower(), f64(1, 2, 3)],
        [{ ...mat('n', 'n'), as: ['T', 'matrix'] },
          vec('n', { as: ['b', 'vector'] })])),
  ],
  qr: [
    spec(householderVector, () => [f64(3, 4)], [vec()]),
    spec(householderQR, () => [tall()], [mat('m', 'n')]),
    spec(applyQt, () => [qr(), f64(1, 2, 3, 4)],
      [qrArg, vec(4, { as: ['b', 'vector'] })]),
    spec(applyQ, () => [qr(), f64(1, 2, 3, 4)],
      [qrArg, vec(4, { as: ['x', 'vector'] })]),
    spec(thinQ, () => [qr()], [qrArg]),
    spec(qrLeastSquares, () => [tall(), f64(1, 2, 3, 4)],
      [mat('m', 'n'), vec('m')]),
    spec(checkLeastSquares, () => ['caller', tall(), f64(1, 2, 3, 4)],
      [any(), mat('m', 'n'), vec('m')], { name: 'caller' }),
    spec(normalEquations, () => [tall(), f64(1, 2, 3, 4)],
      [mat('m', 'n'), vec('m')]),
    spec(monomials, () => [5, 3], [int(1), int(1)]),
    spec(conditioningStudy, () => [6, 3], [int(3), int(2)]),
  ],
  eigen: [
    spec(jacobiRotation, () => [1, 0.5, 2], [num(), num(), num()]),
    spec(symmetricEigen, () => [spd(), 30], [square(), sweeps]),
    spec(checkSweeps, () => ['caller', 3], [any(), sweeps],
      { name: 'caller' }),
    spec(svd, () => [tall(), 40], [mat('m', 'n'), sweeps]),
  ],
  tridiagonal: [
    spec(tridiagonalize, () => [spd()], [square()]),
    spec(symmetricEigenQR, () => [spd(), 90],
      [square(), int(0, {}, ['maxIterations'])]),
    spec(wilkinsonShift, () => [2, 1, 3], [num(), num(), num()]),
    spec(qrStep, () => [f64(2, 2, 2), f64(1, 1), f64(1, 0, 0, 0, 1, 0,
      0, 0, 1), 3, 0, 2, 0.5],
    [vec(), vec(), any(), int(1), int(0), int(1), num()]),
  ],
  lowRank: [
    spec(truncate, () => [svd(tall()), 1], [svdArg, int(0, { max: 2 })]),
    spec(lowRankApprox, () => [tall(), 1],
      [mat('m', 'n'), int(0, { max: 2 })]),
    spec(tailNorm, () => [f64(3, 2, 1), 1], [vec(), int(0, { max: 3 })]),
    spec(frobenius, () => [tall()], [mat('m', 'n')]),
    spec(rank, () => [tall()], [mat('m', 'n')]),
    spec(pseudoInverse, () => [tall()], [mat('m', 'n')]),
    spec(minNormLeastSquares, () => [tall(), f64(1, 2, 3, 4)],
      [mat('m', 'n'), vec('m')]),
    spec(syntheticImage, () => [8], [int(2)]),
    // the exercises' solutions
    spec(squareImage, () => [8], [int(2)]),
    spec(smallestRank, () => [tall(), 0.1], [mat('m', 'n'), num({ gt: 0 })]),
    spec(logDet, () => [lower()],
      [{ ...mat('n', 'n'), as: ['L', 'factor'] }]),
    spec(ridgeSvd, () => [tall(), f64(1, 2, 3, 4), 0.5],
      [mat('m', 'n'), vec('m'), num({ min: 0 })]),
    spec(reflectionError, () => [f64(3, 4), -1],
      [vec(), num({ min: -1, max: 1, not: [0] })]),
  ],
  examples: [
    spec(gaussianMatrix, () => [1, 2, 3], [seed, int(1), int(1)]),
    spec(randomSpd, () => [1, 3], [seed, int(1)]),
    spec(randomOrthogonal, () => [1, 3], [seed, int(1)]),
    spec(symmetrize, () => [M(3, 3)], [square()]),
  ],
});
