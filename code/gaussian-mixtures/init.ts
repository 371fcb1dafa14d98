// Initial responsibilities (k-means, random, k-means++) and restarts
// that keep the best fit. Browser-safe.
import { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { lloyd } from '../k-means/lloyd.ts';
import { kMeansPlusPlus, rowsOf } from '../k-means/seeding.ts';
import { checkData, checkInt, type CovType } from './checks.ts';
import { fitGmm, type EmOptions, type EmResult } from './em.ts';
import { mStep } from './mstep.ts';

export const INITS = ['kmeans', 'random', 'k-means++'] as const;
export type InitMethod = (typeof INITS)[number];

// #region init
/** Initial responsibilities, as scikit-learn's init_params: one-hot
 *  k-means labels (Lloyd from a k-means++ seeding, the k-means
 *  chapter's code); uniform random numbers, each row normalised; or
 *  one-hot on the k seeds of k-means++ alone (every other row 0). */
export function initialResp(X: Matrix, k: number, method: InitMethod,
  rng: Rng): Matrix {
  checkInit('initialResp', X, k, method, rng);
  const R = new Matrix(X.rows, k);
  if (method === 'kmeans') {
    const seeds = rowsOf(X, kMeansPlusPlus(X, k, rng));
    const { labels } = lloyd(X, seeds);
    labels.forEach((m, i) => { R.data[i * k + m] = 1; });
  } else if (method === 'random') {
    for (let i = 0; i < X.rows; i++) {
      let s = 0;
      for (let m = 0; m < k; m++) s += R.data[i * k + m] = rng.uniform();
      for (let m = 0; m < k; m++) R.data[i * k + m] /= s;
    }
  } else {
    kMeansPlusPlus(X, k, rng).forEach((i, m) => { R.data[i * k + m] = 1; });
  }
  return R;
}
// #endregion

// #region restarts
/** n_init: EM from `restarts` initialisations (each an M step on the
 *  initial responsibilities), the highest final lower bound kept. */
export function fitBest(X: Matrix, k: number, restarts: number,
  method: InitMethod, rng: Rng, options: EmOptions = {}) {
  checkInit('fitBest', X, k, method, rng);
  checkInt('fitBest', 'restarts', restarts, 1);
  const type: CovType = options?.covType ?? 'full';
  let best: EmResult | null = null;
  const bounds: number[] = [];
  for (let r = 0; r < restarts; r++) {
    const R = initialResp(X, k, method, rng);
    const init = mStep(X, R, type, options?.regCovar ?? 1e-6);
    const fit = fitGmm(X, init, options);
    bounds.push(fit.lowerBound);
    if (best === null || fit.lowerBound > best.lowerBound) best = fit;
  }
  return { best: best as EmResult, bounds };
}
// #endregion

function checkInit(fn: string, X: Matrix, k: number, method: InitMethod,
  rng: Rng): void {
  checkData(fn, X);
  checkInt(fn, 'k', k, 1, X.rows);
  if (!(INITS as readonly string[]).includes(method)) {
    throw new Error(`${fn}: method must be one of ${INITS.join(', ')}, ` +
      `got ${method}`);
  }
  if (!(rng instanceof Rng)) {
    throw new Error(`${fn}: rng must be an Rng (createRng(seed))`);
  }
}
