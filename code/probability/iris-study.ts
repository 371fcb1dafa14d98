// The chapter's real data: a normal fitted to the petal measurements
// of each iris species, its ellipses, a conditional, and Bayes' rule.
import { loadIris } from '../calculus/iris.ts';
import {
  Matrix,
  checkFinite,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { requireProbability } from '../introduction/checks.ts';
import { bayesPosterior } from './bayes.ts';
import { sampleCovariance, sampleMean } from './covariance.ts';
import { ellipseRadius } from './ellipse.ts';
import { MultivariateNormal } from './mvn.ts';

// #region iris-fit
/** Petal length and width (cm) of each species, as n x 2 matrices. */
export function irisPetals(): Matrix[] {
  const { X, y: species } = loadIris();
  return [0, 1, 2].map((s) => {
    const rows = [...species.keys()].filter((i) => species[i] === s);
    const P = new Matrix(rows.length, 2);
    rows.forEach((i, r) => P.data.set([X.get(i, 2), X.get(i, 3)], 2 * r));
    return P;
  });
}

/** One normal per species: sample mean and covariance, Eq. (prob-fit). */
export function fitSpecies(petals = irisPetals()): MultivariateNormal[] {
  checkPetals('fitSpecies', petals);
  return petals.map(
    (P) => new MultivariateNormal(sampleMean(P), sampleCovariance(P)),
  );
}
// #endregion

// #region iris-coverage
/** Share of the rows of P inside dist's ellipse of mass q. */
export function coverage(dist: MultivariateNormal, P: Matrix,
  q: number): number {
  checkCoverage(dist, P, q);
  const r2 = ellipseRadius(q) ** 2; // Eq. (prob-ellipse-r)
  let inside = 0;
  for (let i = 0; i < P.rows; i++) {
    if (dist.mahalanobisSq(P.row(i)) <= r2) inside++;
  }
  return inside / P.rows;
}
// #endregion

// #region iris-classify
/** P(species | petal x) with equal priors: Eq. (prob-bayes). */
export function speciesPosterior(
  fits: MultivariateNormal[],
  x: Vector,
): Float64Array {
  checkPoint(fits, x);
  const logPrior = fits.map(() => -Math.log(fits.length));
  const logLik = fits.map((f) => f.logPdf(x));
  return bayesPosterior(logPrior, logLik).posterior;
}

/** Share of flowers whose most probable species is their own. */
export function resubstitutionAccuracy(petals = irisPetals()): number {
  checkPetals('resubstitutionAccuracy', petals);
  const fits = fitSpecies(petals);
  let right = 0;
  let n = 0;
  petals.forEach((P, s) => {
    for (let i = 0; i < P.rows; i++, n++) {
      const post = speciesPosterior(fits, P.row(i));
      let best = 0; // the most probable species
      for (let k = 1; k < post.length; k++) {
        if (post[k] > post[best]) best = k;
      }
      if (best === s) right++;
    }
  });
  return right / n;
}
// #endregion

/** P holds points of dist's dimension; q is a mass in [0, 1). */
function checkCoverage(dist: MultivariateNormal, P: Matrix, q: number) {
  const fn = 'coverage';
  if (!(P instanceof Matrix) || P.cols !== dist.dim) {
    throw new Error(`${fn}: P must be a Matrix with ${dist.dim} ` +
      `columns, one point a row`);
  }
  checkFinite(fn, 'P', P);
  requireProbability(fn, 'q', q);
  if (q === 1) throw new Error(`${fn}: q = 1 has no ellipse`);
}

/** One finite matrix a species, >= 2 rows each, all of one width. */
function checkPetals(fn: string, petals: Matrix[]): void {
  if (!Array.isArray(petals) || petals.length === 0) {
    throw new Error(`${fn}: petals must be a non-empty array of ` +
      `matrices, one a species; got ${petals}`);
  }
  petals.forEach((P, s) => {
    const ok = P instanceof Matrix && P.rows >= 2 &&
      P.cols === petals[0].cols;
    if (!ok) {
      throw new Error(`${fn}: petals[${s}] must be a Matrix of >= 2 ` +
        `rows and ${petals[0]?.cols} columns`);
    }
    checkFinite(fn, `petals[${s}]`, P);
  });
}

/** fits: normals of one dimension d; x: a finite point of length d. */
function checkPoint(fits: MultivariateNormal[], x: Vector): void {
  const fn = 'speciesPosterior';
  const ok = Array.isArray(fits) && fits.length > 0 &&
    fits.every((f) => f instanceof MultivariateNormal &&
      f.dim === fits[0].dim);
  if (!ok) {
    throw new Error(`${fn}: fits must be a non-empty array of ` +
      'MultivariateNormal of one dimension');
  }
  if (x?.length !== fits[0].dim) {
    throw new Error(`${fn}: x must have length ${fits[0].dim}, got ` +
      `${x?.length}`);
  }
  checkFinite(fn, 'x', x);
}
