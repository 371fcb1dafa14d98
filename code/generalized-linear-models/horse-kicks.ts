// The Prussian horse-kick deaths of von Bortkiewicz (1898), loaded with
// their checksum verified, and the chapter's Poisson regression on them.
// Node only (fs and crypto): never import this file into browser code.
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { Matrix, type Vector } from '../linear-algebra/matrix.ts';
import { columns } from '../logistic-regression/experiments.ts';
import { poisson } from './families.ts';
import { glmInference } from './inference.ts';
import { fitGlm } from './irls.ts';

// #region load-horse-kicks
/** SHA-256 of data/horse-kicks/horse_kicks.csv, as in its README. */
export const HORSE_KICKS_SHA256 =
  'ed1c3d8aa3d36869797a413496d8230d982cbae479bd339c00aac20770c3f84a';

/** The CSV beside the book's root, wherever this module was bundled. */
export function horseKicksPath(): string {
  return dataPath('data/horse-kicks/horse_kicks.csv');
}

/** Deaths by year (rows, 1875–1894) and corps (columns, G … XV). */
export function loadHorseKicks(path = horseKicksPath()) {
  const bytes = readVerified('loadHorseKicks', path,
    HORSE_KICKS_SHA256, 'data/horse-kicks/README.md');
  // the checksum fixes the content: a header "year,G,I,…,XV", then
  // 20 lines of a year and 14 counts
  const [header, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
  const corps = header.split(',').slice(1);
  const years = lines.map((line) => Number(line.split(',')[0]));
  const deaths = new Matrix(lines.length, corps.length);
  lines.forEach((line, i) => {
    deaths.data.set(line.split(',').slice(1).map(Number), i * corps.length);
  });
  return { years, corps, deaths };
}
// #endregion

// #region design
/** The middle of 1875–1894: the decade covariate is 0 there. */
export const MID_YEAR = 1884.5;

/**
 * One row per corps-year, Eq. (glm-horse-model): 1, (year − 1884.5)/10
 * and an indicator for each corps but the first (the Guard, G).
 */
export function horseKickDesign(data = loadHorseKicks()) {
  checkCounts('horseKickDesign', data);
  const { years, corps, deaths } = data;
  const d = corps.length + 1; // intercept, decade, 13 indicators
  const X = new Matrix(deaths.data.length, d);
  const y = Float64Array.from(deaths.data);
  years.forEach((year, t) => {
    corps.forEach((_, c) => {
      const i = t * corps.length + c; // the row of (year, corps)
      X.data[i * d] = 1;
      X.data[i * d + 1] = (year - MID_YEAR) / 10;
      if (c > 0) X.data[i * d + 1 + c] = 1;
    });
  });
  const names = ['intercept', 'decade', ...corps.slice(1)];
  return { X, y, names };
}
// #endregion

// #region horse-kick-fit
/** The Poisson fit with its inference, and the smaller models. */
export function fitHorseKicks() {
  const data = loadHorseKicks();
  const { X, y, names } = horseKickDesign(data);
  const model = { family: poisson }; // canonical: the log link
  const fit = fitGlm(X, y, model);
  const inference = glmInference(X, y, fit);
  const sub = (cols: number[]) => fitGlm(columns(X, cols), y, model);
  const corpsCols = names.map((_, j) => j).filter((j) => j > 1);
  return { data, X, y, names, fit, inference,
    nullFit: sub([0]), // intercept only: μ = ȳ everywhere
    yearOnly: sub([0, 1]), corpsOnly: sub([0, ...corpsCols]) };
}
// #endregion

// #region fisher-table
/** The corps Bortkiewicz set aside: built differently from the rest. */
export const SET_ASIDE = ['G', 'I', 'VI', 'XI'];

/** Corps-years with k = 0, 1, 2, … deaths in the other ten corps. */
export function tenCorpsFrequencies(data = loadHorseKicks()): Vector {
  checkCounts('tenCorpsFrequencies', data);
  const { corps, deaths } = data;
  const counts: number[] = [];
  for (let i = 0; i < deaths.rows; i++) {
    corps.forEach((c, j) => {
      if (SET_ASIDE.includes(c)) return;
      const k = deaths.get(i, j);
      while (counts.length <= k) counts.push(0);
      counts[k] += 1;
    });
  }
  return Float64Array.from(counts);
}
// #endregion

/** data as loadHorseKicks gives it: a year per row, a corps per
 *  column, and counts (integers >= 0) of deaths. */
function checkCounts(
  fn: string,
  data: { years: number[]; corps: string[]; deaths: Matrix },
): void {
  const { years, corps, deaths } = data ?? {};
  const ok = deaths instanceof Matrix && Array.isArray(years) &&
    Array.isArray(corps) && years.length === deaths.rows &&
    corps.length === deaths.cols && years.every(Number.isFinite);
  if (!ok) {
    throw new Error(`${fn}: data must hold years (one per row of ` +
      'deaths), corps (one per column) and the deaths Matrix');
  }
  const t = deaths.data.findIndex((k) => !(Number.isInteger(k) && k >= 0));
  if (t >= 0) {
    throw new Error(`${fn}: deaths must be counts, got ` +
      `${deaths.data[t]} at entry ${t}`);
  }
}
