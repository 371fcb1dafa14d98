// The breast cancer data as a population we know exactly: the 569
// masses themselves, each drawn with probability 1/569. Node only: it
// loads the data file.
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { standardize } from '../linear-regression/scaling.ts';
import { loadBreastCancer } from '../logistic-regression/breast-cancer.ts';
import { labellingMassart } from './bounds.ts';
import { requireInt } from './checks.ts';
import {
  halfPlanes,
  intervals,
  type Point2,
  thresholds,
} from './classes.ts';
import { population } from './population.ts';
import {
  intervalCorrelator,
  labellingCorrelator,
  rademacherMonteCarlo,
  thresholdCorrelator,
} from './rademacher.ts';

// #region cancer-population
/** The feature of the chapter's real-data experiment. */
export const CANCER_FEATURE = 'worst concave points';

/** D = the empirical distribution of the 569 masses, on the distinct
 *  values of one feature: p[k] = share of masses with the k-th smallest
 *  value, q[k] = share of those that are malignant. */
export function cancerPopulation(feature = CANCER_FEATURE) {
  const { X, y, features } = loadBreastCancer();
  const j = features.indexOf(feature);
  if (j < 0) {
    throw new Error(`cancerPopulation: feature must be a column of the ` +
      `data, got "${feature}"`);
  }
  const values = Array.from({ length: X.rows }, (_, i) => X.get(i, j));
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const index = new Map(distinct.map((v, k) => [v, k]));
  const count = new Float64Array(distinct.length);
  const ones = new Float64Array(distinct.length);
  values.forEach((v, i) => {
    count[index.get(v)!] += 1;
    ones[index.get(v)!] += y[i];
  });
  const p = count.map((c) => c / X.rows);
  const q = ones.map((c, k) => c / count[k]);
  return { D: population(p, q), values: distinct, masses: X.rows, feature };
}
// #endregion

// #region cancer-rademacher
/** The two features of the half-planes. */
export const PLANE_FEATURES = ['worst radius', 'worst concave points'];

/** R(H o S) on the same n masses, by Monte Carlo, with |H_S| and
 *  Massart's bound (Eq. (lt-massart-growth)); half-planes standardized,
 *  an affine map that keeps their labellings. */
export function cancerRademacher(n: number, draws = 2000, seed = 5) {
  requireInt('cancerRademacher', 'n', n, 1, 30);
  requireInt('cancerRademacher', 'draws', draws, 2);
  requireInt('cancerRademacher', 'seed', seed, 0, 2 ** 52);
  const { X, features } = loadBreastCancer();
  const rows = createRng(seed).shuffle([...Array(X.rows).keys()])
    .slice(0, n); // n distinct masses
  const column = (name: string) =>
    rows.map((i) => X.get(i, features.indexOf(name)));
  const xs = column(CANCER_FEATURE);
  const [u, v] = PLANE_FEATURES.map(column);
  const { Z } = standardize(new Matrix(n, 2,
    Float64Array.from(u.flatMap((a, i) => [a, v[i]]))));
  const planes = halfPlanes.restrict(
    rows.map((_, i): Point2 => [Z.get(i, 0), Z.get(i, 1)]));
  return [
    { name: 'thresholds', dVC: 1, size: thresholds.restrict(xs).size,
      sup: thresholdCorrelator(xs) },
    { name: 'intervals', dVC: 2, size: intervals.restrict(xs).size,
      sup: intervalCorrelator(xs) },
    { name: 'half-planes', dVC: 3, size: planes.size,
      sup: labellingCorrelator(planes) },
  ].map(({ sup, ...c }) => ({ ...c, n,
    estimate: rademacherMonteCarlo(sup, n, draws, seed + 1),
    massart: labellingMassart(c.size, n) }));
}
// #endregion
