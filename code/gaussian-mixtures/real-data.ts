// The chapter's study on real data: BIC and AIC on the standardised
// iris measurements for k = 1..kMax and every covariance type. Node
// only: it loads a data file.
import { loadIris } from '../calculus/iris.ts';
import { createRng } from '../introduction/random.ts';
import { standardize } from '../linear-regression/scaling.ts';
import { COV_TYPES, checkInt } from './checks.ts';
import { fitBest } from './init.ts';
import { informationCriteria } from './select.ts';

// #region iris-bic
/** For each covariance type and k: the best of `restarts` k-means
 *  initialised EM runs on standardised iris, with its BIC and AIC. */
export function irisSelection(kMax = 6, restarts = 3, seed = 1) {
  checkInt('irisSelection', 'kMax', kMax, 1, 20);
  checkInt('irisSelection', 'restarts', restarts, 1);
  checkInt('irisSelection', 'seed', seed, 0, 2 ** 40);
  const X = standardize(loadIris().X).Z;
  return COV_TYPES.flatMap((covType) =>
    Array.from({ length: kMax }, (_, t) => {
      const k = t + 1;
      const { best } = fitBest(X, k, restarts, 'kmeans',
        createRng(seed + k), { covType });
      return { covType, k, ...informationCriteria(X, best.params,
        covType), converged: best.converged };
    }));
}
// #endregion
