// Bad-input specs for chapter "Generalized linear models"
// (tests/bad-input.ts).
import { chiSquareTail } from '../../code/generalized-linear-models/chi-square.ts';
import {
  yearlyDispersion,
} from '../../code/generalized-linear-models/experiments.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  bernoulli,
  checkFamily,
  checkMeans,
  checkTargets,
  deviance,
  gaussian,
  logDensity,
  poisson,
} from '../../code/generalized-linear-models/families.ts';
import {
  horseKickDesign,
  horseKicksPath,
  loadHorseKicks,
  tenCorpsFrequencies,
} from '../../code/generalized-linear-models/horse-kicks.ts';
import { glmInference } from '../../code/generalized-linear-models/inference.ts';
import { fitGlm, irlsStep } from '../../code/generalized-linear-models/irls.ts';
import { logLink } from '../../code/generalized-linear-models/links.ts';
import {
  checkEta,
  checkGlm,
  checkModel,
  linearPredictor,
  linkOf,
  means,
} from '../../code/generalized-linear-models/model.ts';
import {
  fisherInformation,
  glmGradient,
  glmObjective,
} from '../../code/generalized-linear-models/objective.ts';
import {
  poissonLogPmf,
  poissonSample,
} from '../../code/generalized-linear-models/poisson.ts';
import {
  any, groups, int, labels, list, mat, num, opts, spec, str, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Counts against one feature and an intercept. */
const X = () => new Matrix(6, 2, f64(1, 0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5));
const y = () => f64(1, 0, 2, 3, 2, 5);
const w = () => f64(0.1, 0.2);
const eta = () => f64(0.1, 0.3, 0.5, 0.7, 0.9, 1.1);
const model = { family: poisson };
const counts = vec('n', { integer: true, min: 0, as: ['y',
  'observation'] });
/** A model: its family or link replaced by a number is refused. */
const modelArg = opts({ family: { kind: 'str', as: ['family'] },
  link: { kind: 'str', as: ['link'] } }, ['family']);
const data = [mat('n', 'p'), counts];
const etaArg = vec('n', { as: ['η', 'eta'] });
const fit = () => fitGlm(X(), y(), model);
const horse = () => loadHorseKicks();
const horseArg = opts({ years: list(num()), deaths: mat('r', 'c') },
  ['years', 'corps', 'deaths']);

export const badInput = groups({
  families: [
    spec(checkFamily, () => ['caller', poisson], [any(), { kind: 'str',
      as: ['family'] }], { name: 'caller' }),
    spec(logDensity, () => [poisson, 2, 0.5, 1], [{ kind: 'str',
      as: ['family'] }, num({ integer: true, min: 0 }, ['y']),
    num({}, ['θ', 'theta']), num({ gt: 0 }, ['φ', 'phi'])]),
    spec(deviance, () => [poisson, y(), f64(1, 1, 2, 3, 2, 4)],
      [{ kind: 'str', as: ['family'] }, counts, vec('n', { gt: 0,
        as: ['μ', 'mu', 'mean'] })]),
    spec(checkTargets, () => ['caller', bernoulli, f64(0, 1, 1)],
      [any(), any(), labels('n', [0, 1], ['y', 'observation'])],
      { name: 'caller' }),
    spec(checkMeans, () => ['caller', bernoulli, f64(0.2, 0.7)],
      [any(), any(), vec('n', { gt: 0, lt: 1, as: ['μ', 'mean'] })],
      { name: 'caller' }),
    spec(poissonLogPmf, () => [2, 1.5], [int(0, {}, ['k', 'count']),
      num({ gt: 0 }, ['μ', 'mu'])]),
    spec(poissonSample, () => [createRng(1), 2.5], [any(), num({ gt: 0,
      max: 1000 }, ['μ', 'mu'])]),
  ],
  model: [
    spec(checkModel, () => ['caller', model], [any(), modelArg],
      { name: 'caller' }),
    spec(linkOf, () => [{ family: gaussian, link: logLink }], [modelArg]),
    spec(linearPredictor, () => [X(), w(), eta()], [mat('n', 'p'),
      vec('p'), vec('n', { as: ['offset'] })]),
    spec(means, () => ['caller', model, eta()], [any(), modelArg, etaArg],
      { name: 'caller' }),
    spec(checkGlm, () => ['caller', X(), y(), model, eta()], [any(),
      ...data, modelArg, vec('n', { as: ['offset'] })],
    { name: 'caller' }),
    spec(checkEta, () => ['caller', X(), eta()], [any(), any(),
      vec(6, { as: ['η', 'eta'] })], { name: 'caller' }),
  ],
  fitting: [
    spec(glmObjective, () => [X(), y(), model, eta()], [...data, modelArg,
      vec('n', { as: ['offset'] })]),
    spec(glmGradient, () => [X(), y(), model, eta()], [...data, modelArg,
      etaArg]),
    spec(fisherInformation, () => [X(), model, eta()], [mat('n', 'p'),
      modelArg, etaArg]),
    spec(irlsStep, () => [X(), y(), model, eta(), eta()], [...data,
      modelArg, etaArg, vec('n', { as: ['offset'] })]),
    spec(fitGlm, () => [X(), y(), model, { w0: w(), offset: eta() }],
      [...data, modelArg,
      opts({ w0: vec('p'), offset: vec('n'), maxIter: int(1),
        tol: num({ min: 0 }) })]),
    spec(glmInference, () => [X(), y(), fit(), 0.9], [...data,
      opts({ w: vec('p'), eta: vec('n', { as: ['η', 'eta'] }),
        mu: vec('n', { gt: 0, as: ['μ', 'mu'] }), model: modelArg },
      ['w', 'eta', 'mu', 'model']),
      num({ gt: 0, lt: 1 }, ['level'])]),
  ],
  horseKicks: [
    spec(loadHorseKicks, () => [horseKicksPath()],
      [str({ path: true, as: ['path', 'file'] })]),
    spec(horseKickDesign, () => [horse()], [horseArg]),
    spec(tenCorpsFrequencies, () => [horse()], [horseArg]),
    spec(yearlyDispersion, () => [horse()], [horseArg]),
  ],
  chiSquare: [
    spec(chiSquareTail, () => [3, 2], [num({ min: 0 }, ['x']),
      num({ gt: 0 }, ['k', 'degrees'])]),
  ],
});
