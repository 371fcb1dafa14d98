// Build-time figures of "Probability", computed by its code with fixed
// seeds. Every function here is deterministic.
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
import { logBeta, logGamma } from '../../code/probability/special.ts';
import { normalLogPdf } from '../../code/probability/univariate.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  SAMPLING_COVS,
  klConvergence,
  samplingDemo,
} from '../../code/probability/examples.ts';
import {
  covarianceEllipse,
  ellipseRadius,
} from '../../code/probability/ellipse.ts';
import { betaLogPdf, betaSample } from '../../code/probability/gamma.ts';
import {
  coverage,
  fitSpecies,
  irisPetals,
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
    x: { domain: [0, 1], ...axis('x'), ticks: [0.25, 0.5, 0.75] },
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

export function klFigure(): string {
  const { exact, rows } = klResult();
  const bars = rows.map((r) => ({ n: r.n, lo: r.estimate -
    2 * r.standardError, hi: r.estimate + 2 * r.standardError }));
  return renderPlot({
    width: 640,
    height: 280,
    marginBottom: 40,
    marginRight: 30,
    x: { type: 'log', ...axis('number of draws n'), ticks: [10, 100,
      1000, 10000, 100000], tickFormat: (d: number) => d.toLocaleString(
      'en-US') },
    y: { domain: [-0.7, 1.4], ...axis('KL(p || q) in nats'),
      grid: true },
    marks: [
      Plot.ruleY([exact], { stroke: PALETTE[4], strokeWidth: 2,
        strokeDasharray: '6,4' }),
      Plot.link(bars, { x1: 'n', x2: 'n', y1: 'lo', y2: 'hi',
        stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.dot(rows, { x: 'n', y: 'estimate', fill: PALETTE[0], r: 4 }),
      Plot.text([{ n: 5500, y: exact }], { x: 'n', y: 'y',
        text: () => 'closed form', dy: -12, textAnchor: 'middle',
        fill: 'currentColor' }),
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

export function irisResult() {
  const petals = irisPetals();
  const fits = fitSpecies(petals);
  return {
    petals,
    fits,
    coverage95: fits.map((f, s) => coverage(f, petals[s], 0.95)),
    query: speciesPosterior(fits, Float64Array.from(IRIS_QUERY)),
  };
}

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

export function irisConditional() {
  const { petals, fits } = irisResult();
  const vers = fits[1];
  const lengths = Array.from({ length: 61 }, (_, i) => 2.8 + i * 0.04);
  const band = lengths.map((l) => {
    const c = vers.conditional([0], Float64Array.of(l));
    const sd = Math.sqrt(c.cov.get(0, 0));
    return { x: l, mean: c.mean[0], lo: c.mean[0] - 2 * sd,
      hi: c.mean[0] + 2 * sd, sd };
  });
  const P = petals[1];
  return { vers, P, band, conditionalSd: band[0].sd,
    marginalSd: Math.sqrt(vers.cov.get(1, 1)) };
}

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
    x: { domain: [2.8, 5.2], ...axis('petal length (cm)') },
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
function worst(ours: number[], theirs: number[]): number {
  return Math.max(...ours.map((o, i) =>
    Math.abs(o - theirs[i]) / Math.max(Math.abs(theirs[i]), 1)));
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
  return { rows, worst: Math.max(...rows.map((r) => r.err)) };
}
