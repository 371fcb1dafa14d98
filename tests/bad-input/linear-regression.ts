// Bad-input specs for chapter "Linear regression" (tests/bad-input.ts).
import { loadDiabetes, diabetesPath } from
  '../../code/linear-regression/diabetes.ts';
import {
  fitGradientDescent,
  safeStepSize,
} from '../../code/linear-regression/gd.ts';
import {
  meanSquaredError,
  r2Score,
  residuals,
} from '../../code/linear-regression/metrics.ts';
import {
  addOnesColumn,
  center,
  checkWeights,
  checkXy,
  fitNormalEquations,
  gaussianLogLikelihood,
  predict,
  squaredLoss,
  squaredLossGradient,
} from '../../code/linear-regression/model.ts';
import {
  collinearityExperiment,
  collinearityStudy,
  correlationMatrix,
  outlierExperiment,
  varianceInflationFactors,
} from '../../code/linear-regression/pitfalls.ts';
import {
  standardize,
  unstandardize,
} from '../../code/linear-regression/scaling.ts';
import {
  conditionNumber,
  largestEigenvalue,
  powerIteration,
  smallestEigenvalue,
} from '../../code/linear-regression/spectrum.ts';
import { linearData } from '../../code/linear-regression/synthetic.ts';
import {
  fitHuber,
  huberGradient,
  huberLoss,
  huberOutlier,
} from '../../code/linear-regression/solutions/huber.ts';
import { noiseVarianceStudy } from
  '../../code/linear-regression/solutions/noise-estimate.ts';
import { rawDesignErrors } from
  '../../code/linear-regression/solutions/qr-vs-normal.ts';
import { fromRows, matvec } from
  '../../code/linear-algebra/matrix.ts';
import {
  any, callback, groups, int, list, mat, num, opts, spec, str, vec,
} from '../bad-input.ts';
import { M } from './linear-algebra.ts';
import { gaussianMatrix } from '../../code/decompositions/examples.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const seed = int(0, { max: 2 ** 53 - 1 });
const X = () => M(5, 2);
const y = () => f64(1, 3, 2, 5, 4);
const y6 = () => f64(1, 3, 2, 5, 4, 0);
const w = () => f64(0.5, -1);
const data = [mat('n', 'd'), vec('n')];
const model = [mat('n', 'd'), vec('n'), vec('d')];
const spd = () => fromRows([[2, 0.5], [0.5, 1]]);
const fit = { w: vec('d'), b: num() };

export const badInput = groups({
  model: [
    spec(checkXy, () => ['caller', X(), y()], [any(), ...data],
      { name: 'caller' }),
    spec(checkWeights, () => ['caller', X(), w()],
      [any(), any(), vec(2)], { name: 'caller' }),
    spec(predict, () => [X(), w(), 1], [mat('n', 'd'), vec('d'), num()]),
    spec(squaredLoss, () => [X(), y(), w()], model),
    spec(squaredLossGradient, () => [X(), y(), w()], model),
    spec(gaussianLogLikelihood, () => [X(), y(), w(), 2],
      [...model, num({ gt: 0 })]),
    spec(center, () => [X(), y()], data),
    spec(addOnesColumn, () => [X()], [mat('n', 'd')]),
    spec(fitNormalEquations, () => [X(), y(), {}], [...data, any()]),
  ],
  metrics: [
    spec(residuals, () => [y(), y().reverse()], [vec('n'), vec('n')]),
    spec(meanSquaredError, () => [y(), y().reverse()],
      [vec('n'), vec('n')]),
    spec(r2Score, () => [y(), y().reverse()], [vec('n'), vec('n')]),
  ],
  descent: [
    spec(safeStepSize, () => [X()], [mat('n', 'd')]),
    spec(fitGradientDescent, () => [X(), y(), { maxSteps: 50 }],
      [...data, opts({ eta: num({ gt: 0 }), maxSteps: int(0),
        tol: num({ min: 0 }) })]),
    spec(powerIteration, () => [(v: Float64Array) => matvec(spd(), v), 2,
      { maxIter: 50 }],
    [callback(), int(1), opts({ maxIter: int(1), tol: num({ min: 0 }),
      seed: int(0) })]),
    spec(largestEigenvalue, () => [spd()], [mat('n', 'n')]),
    spec(smallestEigenvalue, () => [spd()], [mat('n', 'n')]),
    spec(conditionNumber, () => [spd()], [mat('n', 'n')]),
  ],
  scaling: [
    spec(standardize, () => [X()], [mat('n', 'd')]),
    spec(unstandardize, () => [{ w: w(), b: 1 }, f64(1, 2), f64(2, 3)],
      [opts(fit), vec('d'), vec('d', { gt: 0 })]),
    spec(correlationMatrix, () => [X()], [mat('n', 'd')]),
    spec(varianceInflationFactors, () => [gaussianMatrix(1, 6, 3)],
      [mat('n', 'd')]),
  ],
  experiments: [
    spec(linearData, () => [{ seed: 1, n: 5, w: [1, 2], b: 1, noise: 0.5 }],
      [opts({ seed, n: int(1), w: list(num()), b: num(),
        noise: num({ min: 0 }), lo: num(), hi: num() }, ['seed', 'n', 'w'])]),
    spec(collinearityExperiment, () => [{ rho: 0.5, n: 5, reps: 2 }],
      [opts({ rho: num({ gt: -1, lt: 1 }), n: int(3), reps: int(1),
        noise: num({ min: 0 }), seed }, ['rho'])]),
    spec(outlierExperiment, () => [{ seed: 3, n: 5, at: [18, 1] }],
      [opts({ seed, n: int(2), at: vec(2) })]),
  ],
  solutions: [
    spec(collinearityStudy, () => [6], [seed]),
    spec(noiseVarianceStudy, () => [{ reps: 3, n: 4, d: 1, sigma: 1 }],
      [opts({ reps: int(2), n: int(3), d: int(1), sigma: num({ gt: 0 }) })]),
    spec(rawDesignErrors, () => [gaussianMatrix(2, 6, 2), y6()], data),
    spec(huberLoss, () => [X(), y(), w(), 0.5], [...model, num({ gt: 0 })]),
    spec(huberGradient, () => [X(), y(), w(), 0.5],
      [...model, num({ gt: 0 })]),
    spec(fitHuber, () => [X(), y(), 1], [...data, num({ gt: 0 })]),
    spec(huberOutlier, () => [0.5], [num({ gt: 0 })]),
  ],
  data: [
    spec(loadDiabetes, () => [diabetesPath()],
      [str({ path: true, as: ['path', 'file'] })]),
  ],
});
