// The seven linkages and the Lance–Williams update that all of them
// share. Browser-safe.
import { checkMethod, checkNumber } from './checks.ts';

export type Method = 'single' | 'complete' | 'average' | 'weighted' |
  'centroid' | 'median' | 'ward';

export const METHODS: readonly Method[] = ['single', 'complete',
  'average', 'weighted', 'centroid', 'median', 'ward'];

/** The methods whose update holds for squared Euclidean distances. */
export const SQUARED: readonly Method[] = ['centroid', 'median', 'ward'];

// #region coefficients
/** The coefficients of Eq. (hc-lance-williams), the table below it, for
 *  merging clusters i and j (sizes ni, nj) seen from cluster k. */
export function lwCoefficients(method: Method, ni: number, nj: number,
  nk: number) {
  checkSizes('lwCoefficients', method, ni, nj, nk);
  const nij = ni + nj;
  const all = ni + nj + nk;
  switch (method) {
    case 'single': return { ai: 0.5, aj: 0.5, beta: 0, gamma: -0.5 };
    case 'complete': return { ai: 0.5, aj: 0.5, beta: 0, gamma: 0.5 };
    case 'average': return { ai: ni / nij, aj: nj / nij, beta: 0,
      gamma: 0 };
    case 'weighted': return { ai: 0.5, aj: 0.5, beta: 0, gamma: 0 };
    case 'centroid': return { ai: ni / nij, aj: nj / nij,
      beta: -ni * nj / (nij * nij), gamma: 0 };
    case 'median': return { ai: 0.5, aj: 0.5, beta: -0.25, gamma: 0 };
    default: return { ai: (ni + nk) / all, aj: (nj + nk) / all, // ward
      beta: -nk / all, gamma: 0 };
  }
}
// #endregion

// #region lance-williams
/** d(k, i ∪ j) from d(k, i), d(k, j) and d(i, j), Eq.
 *  (hc-lance-williams); for centroid, median and Ward the formula is
 *  applied to squared distances, and the root taken. */
export function lanceWilliams(method: Method, dki: number, dkj: number,
  dij: number, ni: number, nj: number, nk: number): number {
  checkSizes('lanceWilliams', method, ni, nj, nk);
  const { ai, aj, beta, gamma } = lwCoefficients(method, ni, nj, nk);
  for (const [name, v] of [['dki', dki], ['dkj', dkj], ['dij', dij]]) {
    checkNumber('lanceWilliams', name as string, v as number, 0);
  }
  if (SQUARED.includes(method)) { // Eq. (hc-lance-williams) on d²
    const s = ai * dki * dki + aj * dkj * dkj + beta * dij * dij;
    return Math.sqrt(Math.max(0, s));
  }
  return ai * dki + aj * dkj + beta * dij +
    gamma * Math.abs(dki - dkj);
}
// #endregion

function checkSizes(fn: string, method: Method, ni: number, nj: number,
  nk: number): void {
  checkMethod(fn, method);
  for (const [name, v] of [['ni', ni], ['nj', nj], ['nk', nk]] as const) {
    checkNumber(fn, name, v, 1);
  }
}

// #region update
/** d(x, i) and d(y, i) to d(x ∪ y, i): Eq. (hc-lance-williams). */
export type Update = (dxi: number, dyi: number, dxy: number,
  nx: number, ny: number, ni: number) => number;

/** The update of `method` with its coefficients substituted and
 *  simplified, in SciPy's order of operations (so that equal distances
 *  stay bitwise equal and ties break as SciPy's do). */
export function updaterFor(method: Method): Update {
  checkMethod('updaterFor', method);
  return UPDATES[method];
}

const UPDATES: Record<Method, Update> = {
  single: (dxi, dyi) => Math.min(dxi, dyi),
  complete: (dxi, dyi) => Math.max(dxi, dyi),
  average: (dxi, dyi, _, nx, ny) => (nx * dxi + ny * dyi) / (nx + ny),
  weighted: (dxi, dyi) => 0.5 * (dxi + dyi),
  centroid: (dxi, dyi, dxy, nx, ny) => Math.sqrt((nx * dxi * dxi +
    ny * dyi * dyi - (nx * ny * dxy * dxy) / (nx + ny)) / (nx + ny)),
  median: (dxi, dyi, dxy) => Math.sqrt(0.5 * (dxi * dxi + dyi * dyi) -
    0.25 * dxy * dxy),
  ward: (dxi, dyi, dxy, nx, ny, ni) => {
    const t = 1 / (nx + ny + ni);
    return Math.sqrt((ni + nx) * t * dxi * dxi +
      (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
  },
};
// #endregion
