// Exercise: temperature scaling. One number s = 1/T rescales every
// joint log-likelihood, P(c | x) = softmax(s J)_c, chosen to minimize
// the log-loss on held-out words; the arg max, and so the accuracy,
// does not change.
import { requireFinite } from '../../introduction/checks.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import { topLabel } from '../calibration.ts';
import { checkLabels, checkScores } from '../checks.ts';
import { languageData } from '../language.ts';
import { fitMultinomialNB, multinomialJll } from '../multinomial.ts';
import { buildVocabulary, countNgrams } from '../ngrams.ts';

// #region temperature
/** NLL(s) = Σ_i [log Σ_c exp(s J_ic) − s J_iy_i], with its first and
 *  second derivatives in s (rows shifted by their max: no overflow). */
export function temperatureLoss(s: number, jll: Matrix,
  y: ArrayLike<number>) {
  checkTemperature('temperatureLoss', s, jll, y);
  const K = jll.cols;
  let f = 0;
  let g = 0;
  let h = 0;
  for (let i = 0; i < jll.rows; i++) {
    const J = jll.data.subarray(i * K, (i + 1) * K);
    let m = -Infinity;
    for (const v of J) m = Math.max(m, v);
    let z = 0; // Σ_c exp(s (J_c − m))
    let mean = 0; // Σ_c p_c (J_c − m)
    let second = 0; // Σ_c p_c (J_c − m)²
    for (const v of J) {
      const e = Math.exp(s * (v - m));
      z += e;
      mean += e * (v - m);
      second += e * (v - m) ** 2;
    }
    mean /= z;
    second /= z;
    f += Math.log(z) - s * (J[y[i]] - m);
    g += mean - (J[y[i]] - m); // E_p[J] − J_y
    h += second - mean * mean; // Var_p[J] >= 0
  }
  return { f, g, h };
}
// #endregion

// #region fit-temperature

/** The s > 0 that minimizes temperatureLoss, by Newton's method on a
 *  convex function (h >= 0), halving any step that leaves s > 0. */
export function fitTemperature(jll: Matrix, y: ArrayLike<number>) {
  checkTemperature('fitTemperature', 1, jll, y);
  let s = 1;
  for (let it = 0; it < 100; it++) {
    const { g, h } = temperatureLoss(s, jll, y);
    let step = h > 0 ? g / h : Math.sign(g) * s / 2;
    while (s - step <= 0) step /= 2;
    s -= step;
    if (Math.abs(step) <= 1e-12 * s) return s;
  }
  throw new Error('fitTemperature: Newton did not converge in 100 steps');
}
// #endregion

// #region temperature-study
/** Fit on two thirds of the training words, choose s on the other
 *  third, and compare the test words before and after. */
export function temperatureStudy() {
  const D = languageData(1, 3);
  const fit = D.wordsTrain.map((_, k) => k).filter((k) => k % 3 !== 2);
  const val = D.wordsTrain.map((_, k) => k).filter((k) => k % 3 === 2);
  const vocab = buildVocabulary(fit.map((k) => D.wordsTrain[k]));
  const X = (ks: number[]) => countNgrams(ks.map((k) =>
    D.wordsTrain[k]), vocab);
  const model = fitMultinomialNB(X(fit), fit.map((k) => D.yTrain[k]));
  const yVal = val.map((k) => D.yTrain[k]);
  const s = fitTemperature(multinomialJll(model, X(val)), yVal);
  const J = multinomialJll(model, countNgrams(D.wordsTest, vocab));
  return { s, nFit: fit.length, nVal: val.length,
    before: topLabel(J, D.yTest), after: topLabel(scaleScores(J, s),
      D.yTest) };
}
// #endregion

/** s J: the rescaled joint log-likelihoods. */
export function scaleScores(jll: Matrix, s: number): Matrix {
  checkScores('scaleScores', jll);
  requireFinite('scaleScores', 's', s);
  return new Matrix(jll.rows, jll.cols, jll.data.map((v) => s * v));
}

function checkTemperature(fn: string, s: number, jll: Matrix,
  y: ArrayLike<number>) {
  requireFinite(fn, 's', s);
  checkScores(fn, jll);
  for (const v of jll.data) {
    if (v === -Infinity) {
      throw new Error(`${fn}: jll must be finite (smooth with alpha > 0)`);
    }
  }
  if (checkLabels(fn, y, jll.rows, 'jll') > jll.cols) {
    throw new Error(`${fn}: y has labels beyond the ${jll.cols} classes`);
  }
}
