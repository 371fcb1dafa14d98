// Bad-input specs for chapter "Classification metrics"
// (tests/bad-input.ts).
import {
  aucInterval,
  evaluateBreastCancer,
} from '../../code/classification-metrics/breast-cancer.ts';
import {
  binEdges,
  calibrationCurve,
} from '../../code/classification-metrics/calibration.ts';
import {
  requireBothClasses,
  requireCounts,
  requireLabels,
  requireLabelsScores,
  requireProbabilityArray,
} from '../../code/classification-metrics/checks.ts';
import {
  accuracyOfCounts,
  confusionCounts,
  fBetaOf,
  precisionOf,
  predictAt,
  recallOf,
  specificityOf,
} from '../../code/classification-metrics/confusion.ts';
import {
  imbalanceStudy,
  replicateNegatives,
} from '../../code/classification-metrics/experiments.ts';
import {
  costThreshold,
  meanCost,
  precisionAtPrevalence,
} from '../../code/classification-metrics/imbalance.ts';
import {
  brierScore,
  logLoss,
  logLossFromLogits,
} from '../../code/classification-metrics/log-loss.ts';
import {
  aucByPairs,
  aucByRanks,
  midranks,
} from '../../code/classification-metrics/mann-whitney.ts';
import {
  averagePrecision,
  prTrapezoid,
  precisionRecallCurve,
} from '../../code/classification-metrics/precision-recall.ts';
import {
  rankedCounts,
  rocAuc,
  rocCurve,
  trapezoid,
} from '../../code/classification-metrics/roc.ts';
import {
  any, choice, groups, int, labels, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const y = () => f64(0, 1, 1, 0, 1, 0);
const s = () => f64(0.1, 0.8, 0.4, 0.35, 0.9, 0.2);
const lab = labels('n', [0, 1], ['y', 'labels']);
const scores = vec('n', { as: ['s', 'scores'] });
const probs = vec('n', { min: 0, max: 1, as: ['p', 'probabilities'] });
const pair = [lab, scores];
const counts = () => ({ tp: 3, fp: 1, tn: 4, fn: 2 });
const count = int(0, {}, ['count']);
const countsArg = opts({ tp: count, fp: count, tn: count, fn: count },
  ['tp', 'fp', 'tn', 'fn']);
const rate = num({ min: 0, max: 1 });
const cost = num({ gt: 0 });
const seed = int(0, { max: 2 ** 53 - 1 });

export const badInput = groups({
  checks: [
    spec(requireLabels, () => ['caller', y()], [any(), lab],
      { name: 'caller' }),
    spec(requireLabelsScores, () => ['caller', y(), s()], [any(), ...pair],
      { name: 'caller' }),
    spec(requireProbabilityArray, () => ['caller', s()], [any(), probs],
      { name: 'caller' }),
    spec(requireBothClasses, () => ['caller', 3, 3],
      [any(), int(1, {}, ['P', 'positives']), int(1, {}, ['N',
        'negatives'])], { name: 'caller' }),
    spec(requireCounts, () => ['caller', counts()], [any(), countsArg],
      { name: 'caller' }),
  ],
  confusion: [
    spec(predictAt, () => [s(), 0.5], [vec(undefined, { as: ['s'] }),
      num({}, ['t'])]),
    spec(confusionCounts, () => [y(), y().reverse()],
      [lab, labels('n', [0, 1], ['yHat'])]),
    ...[accuracyOfCounts, precisionOf, recallOf, specificityOf].map((f) =>
      spec(f, () => [counts()], [countsArg])),
    spec(fBetaOf, () => [counts(), 2], [countsArg, num({ gt: 0 })]),
    spec(precisionAtPrevalence, () => [0.8, 0.1, 0.3], [rate, rate, rate]),
    spec(costThreshold, () => [1, 5], [cost, cost]),
    spec(meanCost, () => [counts(), 1, 5], [countsArg, cost, cost]),
  ],
  curves: [
    spec(rankedCounts, () => [y(), s()], pair),
    spec(rocCurve, () => [y(), s(), true], [...pair, any()]),
    spec(trapezoid, () => [f64(0, 0.5, 1), f64(0, 0.8, 1)],
      [vec('n', { minLength: 2 }), vec('n', { minLength: 2 })]),
    spec(rocAuc, () => [y(), s()], pair),
    spec(aucByPairs, () => [y(), s()], pair),
    spec(midranks, () => [s()], [vec(undefined, { as: ['s'] })]),
    spec(aucByRanks, () => [y(), s()], pair),
    spec(precisionRecallCurve, () => [y(), s()], pair),
    spec(averagePrecision, () => [y(), s()], pair),
    spec(prTrapezoid, () => [y(), s()], pair),
  ],
  probabilities: [
    spec(logLoss, () => [y(), s(), 1e-15], [lab, probs,
      num({ gt: 0, lt: 0.5 }, ['eps'])]),
    spec(logLossFromLogits, () => [y(), s()], [lab, vec('n',
      { as: ['z'] })]),
    spec(brierScore, () => [y(), s()], [lab, probs]),
    spec(binEdges, () => [s(), 3, 'quantile'], [vec(undefined,
      { min: 0, max: 1, as: ['p'] }), int(1, {}, ['nBins']),
    choice(['uniform', 'quantile'], ['strategy'])]),
    spec(calibrationCurve, () => [y(), s(), 3, 'uniform'], [lab, probs,
      int(1, {}, ['nBins']), choice(['uniform', 'quantile'],
        ['strategy'])]),
  ],
  studies: [
    spec(aucInterval, () => [f64(...y(), ...y(), ...y()),
      f64(...s(), ...s(), ...s()), 1, 5], [lab, vec('n', { as: ['p'] }),
      seed, int(2)]),
    spec(evaluateBreastCancer, () => [1, 569], [num({ min: 0 },
      ['lambda_']), seed]),
    spec(replicateNegatives, () => [y(), s(), 2], [lab, vec('n',
      { as: ['p'] }), int(1)]),
    spec(imbalanceStudy, () => [2], [int(1)]),
  ],
});
