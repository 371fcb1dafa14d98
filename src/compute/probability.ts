// Build-time computation of "Probability": its five figures and every
// number its prose shows, computed by its code with fixed seeds, and
// cached (src/lib/cache.ts). Colour is always paired with a symbol, a
// dash pattern or a direct label.
import { cached } from '../lib/cache.ts';
import { powerOfTen } from '../lib/format.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import ref from '../../tests/fixtures/probability/scipy.json' with {
  type: 'json',
};
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  dirichletLogPdf,
  gammaLogPdf,
} from '../../code/probability/gamma.ts';
import { entropy, klDivergence, klGaussian } from
  '../../code/probability/information.ts';
import { MultivariateNormal } from '../../code/probability/mvn.ts';
import {
  LANCZOS,
  logBeta,
  logGamma,
} from '../../code/probability/special.ts';
import { normalLogPdf } from '../../code/probability/univariate.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  DIRICHLET_SIMPSON_BOUND,
  RECURRENCE_POINTS,
  RECURRENCE_RANGE,
  SAMPLING_COVS,
  klConvergence,
  samplingDemo,
  screeningExample,
  underflowDemo,
} from '../../code/probability/examples.ts';
import { normalProbability } from '../../code/introduction/stats.ts';
import { symmetricEigen } from '../../code/decompositions/eigen.ts';
import { qrLeastSquares } from '../../code/decompositions/least-squares.ts';
import {
  covarianceEllipse,
  ellipseRadius,
} from '../../code/probability/ellipse.ts';
import { betaLogPdf, betaSample } from '../../code/probability/gamma.ts';
import {
  coverage,
  fitSpecies,
  irisPetals,
  resubstitutionAccuracy,
  speciesPosterior,
} from '../../code/probability/iris-study.ts';

const axis = (label: string) => ({
  label, labelAnchor: 'center' as const, labelArrow: 'none' as const,
});

// ---------------------------------------------------------------------
// Draws from three 2-D normals with their covariance ellipses.

/** Draws per panel of the sampling figure. */
export const SAMPLING_N = 500;
export const SAMPLING_MASSES = [0.5, 0.95];

export const samplingResult = once(() =>
  samplingDemo(5, SAMPLING_N, SAMPLING_MASSES));

function covLabel(rows: number[][]): string {
  const [[a, b], [, d]] = rows;
  return `Σ = [${a}, ${b}; ${b}, ${d}]`;
}

export function samplingFigure(): string {
  const panels = samplingResult();
  const dots: { panel: string; x: number; y: number }[] = [];
  const curves: { panel: string; x: number; y: number; q: string }[] = [];
  panels.forEach((p, k) => {
    const panel = covLabel(SAMPLING_COVS[k]);
    for (let i = 0; i < p.X.rows; i++) {
      dots.push({ panel, x: p.X.get(i, 0), y: p.X.get(i, 1) });
    }
    for (const e of p.ellipses) {
      for (const [x, y] of e.points) {
        curves.push({ panel, x, y, q: `${e.q * 100}%` });
      }
    }
  });
  const ell = (q: string, color: string, dash: string) =>
    Plot.line(curves.filter((c) => c.q === q), {
      fx: 'panel', x: 'x', y: 'y', stroke: color, strokeWidth: 2.2,
      strokeDasharray: dash,
    });
  return renderPlot({
    width: 640,
    height: 270,
    marginBottom: 36,
    fx: { label: null, padding: 0.08,
      domain: SAMPLING_COVS.map(covLabel) },
    x: { domain: [-4.5, 4.5], ...axis('x₁'), ticks: 5 },
    y: { domain: [-4.5, 4.5], ...axis('x₂'), ticks: 5 },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.dot(dots, { fx: 'panel', x: 'x', y: 'y', r: 1.4,
        fill: PALETTE[0], fillOpacity: 0.55, clip: true }),
      ell('50%', PALETTE[1], '5,3'),
      ell('95%', PALETTE[4], 'none'),
    ],
  });
}

// ---------------------------------------------------------------------
// Beta samples (through two Gamma draws) against the Beta density.

export const BETA_SHAPES: [number, number][] = [[0.5, 0.5], [2, 5],
  [30, 70]];
export const BETA_N = 20_000;
/** Ticks of the x axis, labelled with their exact values. */
export const BETA_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
export const betaTickLabel = (v: number) => String(v);

export function betaFigure(): string {
  const rng = createRng(17);
  const bins = 50;
  const bars: { panel: string; x1: number; x2: number; y: number }[] = [];
  const curve: { panel: string; x: number; y: number }[] = [];
  for (const [a, b] of BETA_SHAPES) {
    const panel = `Beta(${a}, ${b})`;
    const counts = new Array<number>(bins).fill(0);
    for (let i = 0; i < BETA_N; i++) {
      const x = betaSample(rng, a, b);
      counts[Math.min(bins - 1, Math.floor(x * bins))]++;
    }
    counts.forEach((c, k) => bars.push({ panel, x1: k / bins,
      x2: (k + 1) / bins, y: (c / BETA_N) * bins }));
    for (let t = 1; t < 400; t++) {
      const x = t / 400;
      curve.push({ panel, x, y: Math.exp(betaLogPdf(x, a, b)) });
    }
  }
  return renderPlot({
    width: 640,
    height: 240,
    marginBottom: 36,
    fx: { label: null, padding: 0.08,
      domain: BETA_SHAPES.map(([a, b]) => `Beta(${a}, ${b})`) },
    x: { domain: [0, 1], ...axis('x'), ticks: BETA_TICKS,
      tickFormat: betaTickLabel },
    y: { domain: [0, 9.5], ...axis('density'), grid: true },
    marks: [
      Plot.rectY(bars, { fx: 'panel', x1: 'x1', x2: 'x2', y: 'y',
        fill: PALETTE[0], fillOpacity: 0.35, clip: true }),
      Plot.line(curve, { fx: 'panel', x: 'x', y: 'y', stroke: PALETTE[4],
        strokeWidth: 2, clip: true }),
      Plot.ruleY([0]),
    ],
  });
}

// ---------------------------------------------------------------------
// Monte Carlo KL against the closed form.

export const klResult = once(() => klConvergence());

/** The y range of the KL figure, in nats, and its ticks. */
const KL_Y = [1e-4, 1] as const;

/** |estimate - exact| and the standard error at each n, log-log. */
export function klFigure(): string {
  const { exact, rows } = klResult();
  const pts = rows.map((r) => ({ n: r.n, se: r.standardError,
    twoSe: 2 * r.standardError,
    err: Math.max(Math.abs(r.estimate - exact), KL_Y[0]) }));
  const first = pts[0];
  const last = pts[pts.length - 1];
  return renderPlot({
    width: 640,
    height: 320,
    marginBottom: 40,
    marginLeft: 56,
    marginRight: 36,
    x: { type: 'log', ...axis('number of draws n'), ticks: [10, 100,
      1000, 10000, 100000], tickFormat: (d: number) => d.toLocaleString(
      'en-US') },
    y: { type: 'log', domain: [...KL_Y], ...axis('nats'), grid: true,
      ticks: [1e-4, 1e-3, 1e-2, 1e-1, 1], tickFormat: powerOfTen },
    marks: [
      Plot.line(pts, { x: 'n', y: 'twoSe', stroke: PALETTE[4],
        strokeWidth: 1.5, strokeDasharray: '6,4' }),
      Plot.line(pts, { x: 'n', y: 'se', stroke: PALETTE[4],
        strokeWidth: 2 }),
      Plot.dot(pts, { x: 'n', y: 'err', symbol: 'circle', r: 4.5,
        fill: PALETTE[0] }),
      Plot.text([first], { x: 'n', y: 'twoSe',
        text: () => '2 × standard error (dashed)', dy: -12,
        textAnchor: 'start', fill: 'currentColor' }),
      Plot.text([last], { x: 'n', y: 'se', text: () => 'standard error',
        dy: 14, textAnchor: 'end', fill: 'currentColor' }),
      Plot.text([pts[5]], { x: 'n', y: 'err',
        text: () => '● |estimate − exact|', dy: 16, textAnchor: 'middle',
        fill: PALETTE[0] }),
    ],
  });
}

// ---------------------------------------------------------------------
// Iris petals: one normal per species, its 95% ellipse, and a query.

export const IRIS_QUERY = [4.9, 1.6];
const SPECIES_STYLE = [
  { name: 'setosa', color: PALETTE[0], symbol: 'circle' },
  { name: 'versicolor', color: PALETTE[1], symbol: 'square' },
  { name: 'virginica', color: PALETTE[2], symbol: 'triangle' },
];

export const irisResult = once(() => {
  const petals = irisPetals();
  const fits = fitSpecies(petals);
  return {
    petals,
    fits,
    coverage95: fits.map((f, s) => coverage(f, petals[s], 0.95)),
    query: speciesPosterior(fits, Float64Array.from(IRIS_QUERY)),
  };
});

/** Where the species names go: beside each cloud, not on it. */
const LABEL_AT = [{ x: 1.46, y: 0.85 }, { x: 3.1, y: 1.65 },
  { x: 6.3, y: 2.8 }];

/** A tiny fixed jitter so that tied measurements stay visible. */
function jitter(i: number): number {
  return (((i * 7919) % 13) / 13 - 0.5) * 0.04;
}

export function irisFigure(): string {
  const { petals, fits } = irisResult();
  const r = ellipseRadius(0.95);
  const marks = petals.flatMap((P, s) => {
    const st = SPECIES_STYLE[s];
    const pts = Array.from({ length: P.rows }, (_, i) => ({
      x: P.get(i, 0) + jitter(i), y: P.get(i, 1) + jitter(i + 5),
    }));
    const ell = covarianceEllipse(fits[s], r).map(([x, y]) => ({ x, y }));
    return [
      Plot.dot(pts, { x: 'x', y: 'y', symbol: st.symbol, stroke: st.color,
        r: 3 }),
      Plot.line(ell, { x: 'x', y: 'y', stroke: st.color, strokeWidth: 2 }),
      Plot.text([LABEL_AT[s]], { x: 'x', y: 'y', text: () => st.name,
        fill: 'currentColor', fontWeight: 'bold', textAnchor: 'middle' }),
    ];
  });
  return renderPlot({
    width: 640,
    height: 360,
    marginBottom: 40,
    marginLeft: 50,
    x: { domain: [0.5, 7.5], ...axis('petal length (cm)') },
    y: { domain: [-0.3, 3.1], ...axis('petal width (cm)'), grid: true },
    marks: [
      ...marks,
      Plot.dot([{ x: IRIS_QUERY[0], y: IRIS_QUERY[1] }], { x: 'x', y: 'y',
        symbol: 'star', r: 7, fill: 'currentColor' }),
      Plot.arrow([{ x1: 5.7, y1: 0.95, x2: IRIS_QUERY[0] + 0.05,
        y2: IRIS_QUERY[1] - 0.06 }], { x1: 'x1', y1: 'y1', x2: 'x2',
        y2: 'y2', stroke: 'currentColor', strokeWidth: 1.3,
        headLength: 6 }),
      Plot.text([{ x: 5.75, y: 0.9 }], { x: 'x', y: 'y',
        text: () => 'new flower', textAnchor: 'start',
        fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Versicolor: petal width given petal length, the conditional normal.

export const irisConditional = once(() => {
  const { petals, fits } = irisResult();
  const vers = fits[1];
  const lengths = Array.from({ length: 66 }, (_, i) => 2.8 + i * 0.04);
  const band = lengths.map((l) => {
    const c = vers.conditional([0], Float64Array.of(l));
    const sd = Math.sqrt(c.cov.get(0, 0));
    return { x: l, mean: c.mean[0], lo: c.mean[0] - 2 * sd,
      hi: c.mean[0] + 2 * sd, sd };
  });
  const P = petals[1];
  return { vers, P, band, conditionalSd: band[0].sd,
    marginalSd: Math.sqrt(vers.cov.get(1, 1)) };
});

export function irisConditionalFigure(): string {
  const { vers, P, band } = irisConditional();
  const pts = Array.from({ length: P.rows }, (_, i) => ({
    x: P.get(i, 0) + jitter(i), y: P.get(i, 1) + jitter(i + 5),
  }));
  const ell = covarianceEllipse(vers, ellipseRadius(0.95))
    .map(([x, y]) => ({ x, y }));
  return renderPlot({
    width: 640,
    height: 320,
    marginBottom: 40,
    marginLeft: 50,
    x: { domain: [2.8, 5.4], ...axis('petal length (cm)') },
    y: { domain: [0.8, 2.0], ...axis('petal width (cm)'), grid: true },
    marks: [
      Plot.areaY(band, { x: 'x', y1: 'lo', y2: 'hi', fill: PALETTE[1],
        fillOpacity: 0.2, clip: true }),
      Plot.line(band, { x: 'x', y: 'mean', stroke: PALETTE[4],
        strokeWidth: 2.5, clip: true }),
      Plot.line(ell, { x: 'x', y: 'y', stroke: 'currentColor',
        strokeOpacity: 0.6, strokeDasharray: '5,3', clip: true }),
      Plot.dot(pts, { x: 'x', y: 'y', symbol: 'square', stroke: PALETTE[1],
        r: 3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Agreement with SciPy / NumPy, from the committed fixture.

export const REFERENCE_VERSIONS = ref.versions;

/** max_i |o_i - t_i| / max(|t_i|, 1): relative, absolute below 1. */
function worst(ours: ArrayLike<number>, theirs: ArrayLike<number>) {
  let w = 0;
  for (let i = 0; i < ours.length; i++) {
    w = Math.max(w, Math.abs(ours[i] - theirs[i]) /
      Math.max(Math.abs(theirs[i]), 1));
  }
  return w;
}

function mvnOf(mean: number[], cov: number[]) {
  const d = mean.length;
  return new MultivariateNormal(Float64Array.from(mean),
    new Matrix(d, d, Float64Array.from(cov)));
}

/** The largest relative difference from the reference, per group. */
export function agreement() {
  const m = ref.mvn;
  const p = mvnOf(m.mean, m.cov);
  const q = mvnOf(m.mean2, m.cov2);
  const c1 = p.conditional(m.cond_b, Float64Array.from(m.cond_xb));
  const c2 = p.conditional(m.cond2_b, Float64Array.from(m.cond2_xb));
  const { fits, petals } = irisResult();
  const ownLog = petals.flatMap((P, s) => Array.from({ length: P.rows },
    (_, i) => fits[s].logPdf(P.row(i))));
  const d = ref.discrete;
  const rows = [
    { what: 'normal log-density (6 points, to x = 40)',
      library: 'scipy.stats.norm.logpdf',
      err: worst(ref.normal.x.map((x) => normalLogPdf(x, ref.normal.mean,
        ref.normal.sd)), ref.normal.logpdf) },
    { what: 'log Γ(x), x from 10⁻⁸ to 10⁶ (13 points)',
      library: 'scipy.special.gammaln',
      err: worst(ref.gammaln.x.map(logGamma), ref.gammaln.value) },
    { what: 'log B(a, b) (5 pairs)', library: 'scipy.special.betaln',
      err: worst(ref.betaln.a.map((a, i) => logBeta(a, ref.betaln.b[i])),
        ref.betaln.value) },
    { what: 'Gamma, Beta, Dirichlet log-densities (9)',
      library: 'scipy.stats',
      err: worst([...ref.gamma.map((r) => gammaLogPdf(r.x, r.a, r.b)),
        ...ref.beta.map((r) => betaLogPdf(r.x, r.a, r.b)),
        dirichletLogPdf(ref.dirichlet.x, ref.dirichlet.alpha)],
      [...ref.gamma.map((r) => r.logpdf), ...ref.beta.map((r) => r.logpdf),
        ref.dirichlet.logpdf]) },
    { what: 'entropy and KL of discrete distributions',
      library: 'scipy.stats.entropy',
      err: worst([entropy(d.p), klDivergence(d.p, d.q),
        klDivergence(d.q, d.p)], [d.entropy_p, d.kl_pq, d.kl_qp]) },
    { what: '3-D normal: log-density at 4 points, entropy',
      library: 'scipy.stats.multivariate_normal',
      err: worst([...m.points.map((x) => p.logPdf(Float64Array.from(x))),
        p.entropy()], [...m.logpdf, m.entropy]) },
    { what: '3-D normal: two conditionals (means, covariances)',
      library: 'NumPy, explicit inverse',
      err: worst([...c1.mean, ...c1.cov.data, ...c2.mean, ...c2.cov.data],
        [...m.cond_mean, ...m.cond_cov, ...m.cond2_mean,
          ...m.cond2_cov]) },
    { what: 'KL between 3-D normals, both directions',
      library: 'NumPy, explicit inverse',
      err: worst([klGaussian(p, q), klGaussian(q, p)],
        [m.kl_12, m.kl_21]) },
    { what: 'iris: 3 means and covariances',
      library: 'numpy.mean, numpy.cov',
      err: worst(fits.flatMap((f) => [...f.mean, ...f.cov.data]),
        ref.iris.means.flatMap((mu, s) => [...mu, ...ref.iris.covs[s]])) },
    { what: 'iris: log-density of all 150 flowers',
      library: 'scipy.stats.multivariate_normal',
      err: worst(ownLog, ref.iris.own_logpdf.flat()) },
  ];
  let worstErr = 0;
  for (const r of rows) worstErr = Math.max(worstErr, r.err);
  return { rows, worst: worstErr };
}

// ---------------------------------------------------------------------
// Numbers the prose shows.

/** P(|Z| >= z) for a standard normal Z (Simpson, Chapter 1). */
function twoSided(z: number): number {
  return 1 - normalProbability(-Math.abs(z), Math.abs(z));
}

/** The 2-norm condition number of a symmetric positive definite S. */
function conditionNumber(S: Matrix): number {
  const { values } = symmetricEigen(S);
  return values[0] / values[values.length - 1];
}

/** The largest condition number of the covariances the library
 *  comparison factors: the fixture's two 3-D ones and the iris fits. */
function largestCondition() {
  const m = ref.mvn;
  const named = [
    { what: 'the 3-D covariance', S: mvnOf(m.mean, m.cov).cov },
    { what: 'the second 3-D covariance', S: mvnOf(m.mean2, m.cov2).cov },
    ...irisResult().fits.map((f, s) => ({
      what: `the ${SPECIES_STYLE[s].name} covariance`, S: f.cov })),
  ];
  let best = { what: '', kappa: 0 };
  for (const { what, S } of named) {
    const kappa = conditionNumber(S);
    if (kappa > best.kappa) best = { what, kappa };
  }
  return best;
}

function klSummary() {
  const { exact, exactReverse, rows } = klResult();
  const z = rows.map((r) => (r.estimate - exact) / r.standardError);
  const last = rows[rows.length - 1];
  const lastZ = z[z.length - 1];
  let maxAbsZ = 0;
  for (const v of z) maxAbsZ = Math.max(maxAbsZ, Math.abs(v));
  const one = twoSided(lastZ);
  const se = (n: number) => rows.find((r) => r.n === n)!.standardError;
  return {
    exact, exactReverse, count: rows.length,
    first: rows[0].n,
    last: { n: last.n, estimate: last.estimate, se: last.standardError },
    lastZ, lastAbsZ: Math.abs(lastZ), maxAbsZ,
    // P(at least one of `count` independent |z| >= |lastZ|)
    missChance: 1 - (1 - one) ** rows.length,
    seRatio: se(1000) / se(100_000),
  };
}

function irisSummary() {
  const { petals, query } = irisResult();
  const cond = irisConditional();
  const v = cond.vers.cov;
  const rho = v.get(0, 1) / Math.sqrt(v.get(0, 0) * v.get(1, 1));
  const n = petals[0].rows;
  const se = Math.sqrt((0.95 * 0.05) / n);
  const coverage95 = irisResult().coverage95;
  const setosa = petals[0];
  let widthPoint2 = 0;
  for (let i = 0; i < setosa.rows; i++) {
    if (Math.abs(setosa.get(i, 1) - 0.2) < 1e-9) widthPoint2++;
  }
  return {
    n, coverage95, coverageSePoints: 100 * se,
    coverageZ: coverage95.map((c) => (c - 0.95) / se),
    query: Array.from(query), queryPoint: IRIS_QUERY,
    accuracy: resubstitutionAccuracy(),
    setosaWidthPoint2: widthPoint2,
    conditionalSd: cond.conditionalSd, marginalSd: cond.marginalSd,
    rho, removed: 1 - (cond.conditionalSd / cond.marginalSd) ** 2,
  };
}

/** The Lanczos formula's own error (40 digits, from the fixture). */
function lanczosSummary() {
  const { x, error } = ref.lanczos;
  let small = 0;
  let smallUpTo = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] <= 20) {
      small = Math.max(small, Math.abs(error[i]));
      smallUpTo = x[i];
    }
  }
  return { small, smallUpTo, limit: 1 - LANCZOS[0],
    // rounding of the final sum, u |log Gamma(x)|, at x = 1e6
    roundingLarge: (Number.EPSILON / 2) * logGamma(1e6),
    largeX: x[x.length - 1], largeError: Math.abs(error[error.length - 1]) };
}

/** log(1 - p) at p = 1e-10 by subtraction, against the truth
 *  -p - p^2/2 (the next term, -p^3/3, is below 1e-30). */
function naiveLog1p() {
  const p = 1e-10;
  const exact = -p - (p * p) / 2;
  const error = Math.abs((Math.log(1 - p) - exact) / exact);
  return { error, digits: Math.floor(-Math.log10(error)) };
}

/** Exercise 3: the versicolor conditional slope against least squares. */
function exercise3() {
  const vers = irisResult().fits[1];
  const conditional = vers.cov.get(0, 1) / vers.cov.get(0, 0);
  const P = irisResult().petals[1];
  const X = new Matrix(P.rows, 2);
  const y = new Float64Array(P.rows);
  for (let i = 0; i < P.rows; i++) {
    X.data[2 * i] = 1;
    X.data[2 * i + 1] = P.get(i, 0);
    y[i] = P.get(i, 1);
  }
  const ols = qrLeastSquares(X, y).w[1];
  return { conditional, ols, difference: Math.abs(conditional - ols) };
}

export default cached('probability', () => {
  const sampling = samplingResult();
  const agree = agreement();
  return {
    samplingFigure: samplingFigure(),
    betaFigure: betaFigure(),
    klFigure: klFigure(),
    irisFigure: irisFigure(),
    irisConditionalFigure: irisConditionalFigure(),
    under: underflowDemo(),
    screen: screeningExample(),
    fiveSeMiss: twoSided(5),
    minDouble: Number.MIN_VALUE,
    minNormal: 2 ** -1022,
    bernoulliTiny: 2 ** -54,
    naiveLog1pError: naiveLog1p().error,
    naiveLog1pDigits: naiveLog1p().digits,
    ex3: exercise3(),
    samplingN: SAMPLING_N,
    samplingMasses: SAMPLING_MASSES,
    samplingInside: sampling.map((p) => p.inside),
    samplingSePoints: SAMPLING_MASSES.map((q) =>
      100 * Math.sqrt((q * (1 - q)) / SAMPLING_N)),
    r50: ellipseRadius(0.5),
    r95: ellipseRadius(0.95),
    betaN: BETA_N,
    betaShapes: BETA_SHAPES.map(([a, b]) => `${a}, ${b}`),
    lanczos: lanczosSummary(),
    recurrencePoints: RECURRENCE_POINTS,
    recurrenceRange: [...RECURRENCE_RANGE],
    dirichletBound: DIRICHLET_SIMPSON_BOUND,
    kl: klSummary(),
    iris: irisSummary(),
    agree: agree.rows,
    worstAgree: agree.worst,
    worstAgreeInEps: agree.worst / Number.EPSILON,
    largestCondition: largestCondition(),
    versions: REFERENCE_VERSIONS,
  };
});
