// Top-label calibration of a K-class model, with the reliability code
// of the classification-metrics chapter: the "positive" is a correct
// prediction and its probability the model's confidence.
import {
  calibrationCurve,
  type CalibrationCurve,
} from '../classification-metrics/calibration.ts';
import { expectedCalibrationError } from
  '../classification-metrics/solutions/ece.ts';
import { calledAs, requireInteger } from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkLabels } from './checks.ts';
import { argmaxRows, logPosterior } from './posterior.ts';

// #region top-label
export interface TopLabel {
  correct: Float64Array; // 1 where the arg max class is y_i
  confidence: Float64Array; // max_c P(c | x_i)
  curve: CalibrationCurve; // Eq. (cm-reliability), 10 equal bins
  accuracy: number;
  meanConfidence: number;
  ece: number; // Σ_b (|B_b|/n) |accuracy_b − confidence_b|
  logLoss: number; // mean −log P(y_i | x_i)
}
// #endregion

// #region top-label-fn
/** Reliability of the top label, from joint log-likelihoods. */
export function topLabel(jll: Matrix, y: ArrayLike<number>,
  nBins = 10): TopLabel {
  const L = calledAs('topLabel', () => logPosterior(jll));
  requireInteger('topLabel', 'nBins', nBins, 1);
  if (checkLabels('topLabel', y, jll.rows, 'jll') > jll.cols) {
    throw new Error(`topLabel: y has labels beyond the ${jll.cols} ` +
      'classes of jll');
  }
  const yHat = argmaxRows(L);
  const n = jll.rows;
  const correct = Float64Array.from(yHat, (c, i) => +(c === y[i]));
  const confidence = Float64Array.from(yHat, (c, i) =>
    Math.exp(L.data[i * L.cols + c]));
  let logLoss = 0;
  for (let i = 0; i < n; i++) logLoss -= L.data[i * L.cols + y[i]] / n;
  const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / n;
  return { correct, confidence, logLoss, accuracy: mean(correct),
    meanConfidence: mean(confidence),
    curve: calibrationCurve(correct, confidence, nBins),
    ece: expectedCalibrationError(correct, confidence, nBins) };
}
// #endregion
