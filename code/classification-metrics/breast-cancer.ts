// The held-out evaluation of the logistic model of the breast cancer
// data: every metric of the chapter on the same 143 test masses.
// Node only: it loads the data file.
import { calledAs, requireInteger } from '../introduction/checks.ts';
import { requireLabelsScores } from './checks.ts';
import { createRng } from '../introduction/random.ts';
import {
  BREAST_CANCER_LAMBDA,
  breastCancerHoldout,
} from '../logistic-regression/breast-cancer.ts';
import {
  bootstrapReplicates,
  percentileInterval,
} from '../statistics/bootstrap.ts';
import { calibrationCurve } from './calibration.ts';
import { confusionCounts, predictAt } from './confusion.ts';
import { costThreshold } from './imbalance.ts';
import { brierScore, logLoss } from './log-loss.ts';
import { aucByRanks } from './mann-whitney.ts';
import {
  averagePrecision,
  precisionRecallCurve,
} from './precision-recall.ts';
import { rocAuc, rocCurve } from './roc.ts';

// #region evaluate
/** A missed cancer is taken to cost as much as ten needless biopsies. */
export const COST_FP = 1;
export const COST_FN = 10;

export function evaluateBreastCancer(
  lambda_ = BREAST_CANCER_LAMBDA,
  seed = 569,
) {
  const holdout = calledAs('evaluateBreastCancer',
    () => breastCancerHoldout(lambda_, seed));
  const { ytest: y, pTest: p } = holdout;
  const tCost = costThreshold(COST_FP, COST_FN); // Eq. (cm-cost-threshold)
  return {
    y, p, holdout, tCost,
    atHalf: confusionCounts(y, predictAt(p, 0.5)),
    atCost: confusionCounts(y, predictAt(p, tCost)),
    roc: rocCurve(y, p),
    auc: rocAuc(y, p),
    pr: precisionRecallCurve(y, p),
    ap: averagePrecision(y, p),
    logLoss: logLoss(y, p),
    brier: brierScore(y, p),
    calibration: calibrationCurve(y, p, 5),
  };
}
// #endregion

// #region auc-interval
/** A percentile bootstrap interval for the AUC: resample test masses
 *  (Eq. (stat-percentile-ci)), recompute the AUC by ranks. */
export function aucInterval(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  seed = 1,
  B = 2000,
) {
  requireLabelsScores('aucInterval', y, p, 'p');
  requireInteger('aucInterval', 'seed', seed);
  requireInteger('aucInterval', 'B', B, 2);
  const index = Float64Array.from(y, (_, i) => i);
  const auc = (rows: Float64Array) => aucByRanks(
    Array.from(rows, (i) => y[i]), Array.from(rows, (i) => p[i]));
  const replicates = bootstrapReplicates(createRng(seed), index, auc, B);
  return { replicates, ...percentileInterval(replicates, 0.95) };
}
// #endregion
