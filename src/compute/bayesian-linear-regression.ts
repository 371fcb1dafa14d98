// Build-time computation of "Bayesian linear regression": its figures
// and every number its prose shows, computed by the chapter's code,
// seeded, and cached (src/lib/cache.ts). Colour is always paired with a
// dash pattern, a symbol, a shade or a direct label, so print and
// colour-blind readers lose nothing.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import sk from '../../tests/fixtures/bayesian-linear-regression/sklearn.json' with {
  type: 'json',
};
import { relativeError } from '../../code/introduction/check.ts';
import { histogram, normalDensity } from '../../code/introduction/stats.ts';
import { svd } from '../../code/decompositions/svd.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { center } from '../../code/linear-regression/model.ts';
import { conditionNumber } from '../../code/linear-regression/spectrum.ts';
import { shrinkageFactors } from '../../code/regularization/ridge.ts';
import { normalQuantile } from '../../code/statistics/normal-quantile.ts';
import { tQuantile } from '../../code/statistics/student-t.ts';
import {
  predictBayesianRidge,
} from '../../code/bayesian-linear-regression/bayesian-ridge.ts';
import {
  CV_LAMBDAS,
  diabetesBayes,
  heldOutZ,
  LEVEL,
  pairedCvDifference,
  ridgeCvLambda,
} from '../../code/bayesian-linear-regression/diabetes.ts';
import {
  evidence,
} from '../../code/bayesian-linear-regression/evidence.ts';
import {
  BAND,
  bandExample,
  LINE,
  sequentialExample,
} from '../../code/bayesian-linear-regression/examples.ts';
import { predictive } from '../../code/bayesian-linear-regression/predictive.ts';
import {
  maximizeEvidenceExactIntercept,
} from '../../code/bayesian-linear-regression/solutions/exact-intercept.ts';

/** The multiplier of the 95% intervals, Φ⁻¹(0.975) ≈ 1.96. */
export const Z_LEVEL = normalQuantile((1 + LEVEL) / 2);

// ---------------------------------------------------------------------
// The predictive band of the bump model on data with a gap.

export const band = once(() => bandExample());

export function bandFigure(): string {
  const b = band();
  const rows = Array.from(b.grid, (x, i) => {
    const m = b.pred.mean[i];
    const sf = Z_LEVEL * Math.sqrt(b.pred.varF[i]);
    const sy = Z_LEVEL * Math.sqrt(b.pred.varY[i]);
    return {
      x, m, truth: Math.sin(2 * Math.PI * x),
      fLo: m - sf, fHi: m + sf, yLo: m - sy, yHi: m + sy,
    };
  });
  const points = Array.from(b.x, (x, i) => ({ x, y: b.y[i] }));
  return renderPlot({
    height: 330,
    marginBottom: 40,
    x: { label: 'x', domain: [0, 1], grid: true, labelAnchor: 'center',
      labelArrow: 'none' },
    y: { label: 'y', domain: [-3, 3], grid: true },
    marks: [
      Plot.areaY(rows, { x: 'x', y1: 'yLo', y2: 'yHi',
        fill: PALETTE[5], fillOpacity: 0.25 }),
      Plot.areaY(rows, { x: 'x', y1: 'fLo', y2: 'fHi',
        fill: PALETTE[0], fillOpacity: 0.35 }),
      Plot.line(rows, { x: 'x', y: 'truth', stroke: 'currentColor',
        strokeDasharray: '5,4', strokeOpacity: 0.8 }),
      Plot.line(rows, { x: 'x', y: 'm', stroke: PALETTE[0],
        strokeWidth: 2.2 }),
      Plot.dot(points, { x: 'x', y: 'y', r: 4, fill: PALETTE[1],
        stroke: 'currentColor' }),
      Plot.text([{ x: 0.43, y: 2.5 }], { x: 'x', y: 'y',
        text: () => 'no data here', fill: 'currentColor' }),
      Plot.text([{ x: 0.9, y: 2.5 }], { x: 'x', y: 'y',
        text: () => 'nor here', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Lines drawn from the posterior as the points arrive.

export const sequential = once(() => sequentialExample());

const panelName = (seen: number) =>
  seen === 0 ? 'prior, no data' :
    `after ${seen} point${seen === 1 ? '' : 's'}`;

export function sequentialFigure(): string {
  const s = sequential();
  const names = s.panels.map((p) => panelName(p.seen));
  const lines = s.panels.flatMap((p) =>
    p.lines.flatMap(([b, w], k) => [-1, 1].map((x) => ({
      panel: panelName(p.seen), line: k, x, y: b + w * x,
    }))));
  const truth = names.flatMap((panel) => [-1, 1].map((x) => ({
    panel, x, y: LINE.b + LINE.w * x,
  })));
  const points = s.panels.flatMap((p) =>
    Array.from({ length: p.seen }, (_, i) => ({
      panel: panelName(p.seen), x: s.x[i], y: s.y[i],
    })));
  return renderPlot({
    height: 250,
    marginBottom: 40,
    fx: { label: null, domain: names, padding: 0.1 },
    x: { label: 'x', domain: [-1, 1], ticks: [-0.5, 0, 0.5] },
    y: { label: 'y', domain: [-2, 1.5], grid: true },
    marks: [
      Plot.line(lines, { fx: 'panel', x: 'x', y: 'y', z: 'line',
        stroke: PALETTE[0], strokeOpacity: 0.75, clip: true }),
      Plot.line(truth, { fx: 'panel', x: 'x', y: 'y',
        stroke: 'currentColor', strokeDasharray: '5,4', clip: true }),
      Plot.dot(points, { fx: 'panel', x: 'x', y: 'y', r: 3.5,
        fill: PALETTE[1], stroke: 'currentColor' }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// The evidence of the diabetes model over (τ², σ²), and MacKay's path.

export const diabetes = once(() => diabetesBayes());
export const heldOut = once(() => heldOutZ());

/** The grid of the contour plot, in log10 τ² and log10 σ². */
export const EVIDENCE_BOX = {
  x: [-0.5, 4] as [number, number], y: [3.3, 3.9] as [number, number],
  width: 64, height: 40,
};
/** Contours at these distances below the maximum log evidence. */
export const EVIDENCE_DROPS = [1, 4, 16, 64, 256];

export function evidenceFigure(): string {
  const { Z, y, fit } = diabetes();
  const { Xc, yc } = center(Z, y);
  const { x: [x1, x2], y: [y1, y2], width: w, height: h } = EVIDENCE_BOX;
  const values = new Float64Array(w * h);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const tau2 = 10 ** (x1 + ((i + 0.5) * (x2 - x1)) / w);
      const sigma2 = 10 ** (y1 + ((j + 0.5) * (y2 - y1)) / h);
      values[j * w + i] = evidence(Xc, yc, { sigma2, tau2 }).logEvidence;
    }
  }
  const top = fit.logEvidence;
  const path = fit.history.map((p) => ({
    x: Math.log10(p.tau2), y: Math.log10(p.sigma2),
  }));
  return renderPlot({
    height: 340,
    marginTop: 30,
    marginBottom: 40,
    x: { label: 'log₁₀ τ²', domain: [x1, x2], labelAnchor: 'center',
      labelArrow: 'none' },
    y: { label: 'log₁₀ σ²', domain: [y1, y2] },
    marks: [
      Plot.contour(Array.from(values), {
        x1, x2, y1, y2, width: w, height: h,
        thresholds: EVIDENCE_DROPS.map((c) => top - c).reverse(),
        stroke: 'currentColor', strokeOpacity: 0.45, fill: 'none',
      }),
      Plot.line(path, { x: 'x', y: 'y', stroke: PALETTE[4],
        strokeWidth: 1.6 }),
      Plot.dot(path, { x: 'x', y: 'y', symbol: 'circle', r: 3.5,
        stroke: PALETTE[4], strokeWidth: 1.6 }),
      Plot.dot([path[path.length - 1]], { x: 'x', y: 'y',
        symbol: 'star', r: 8, fill: 'currentColor' }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Held-out z-scores against the standard normal.

/** Bins of the z histogram. */
export const Z_BINS = { lo: -4, hi: 4, count: 32 };

export function heldOutFigure(): string {
  const { z } = heldOut();
  const { lo, hi, count } = Z_BINS;
  const width = (hi - lo) / count;
  const counts = histogram(z, lo, hi, count);
  const bars = counts.map((c, k) => ({
    x1: lo + k * width, x2: lo + (k + 1) * width,
    density: c / (z.length * width),
  }));
  const curve = Array.from({ length: 161 }, (_, k) => {
    const t = lo + (k * (hi - lo)) / 160;
    return { t, p: normalDensity(t) };
  });
  const edges = [-Z_LEVEL, Z_LEVEL].map((t) => ({ t }));
  return renderPlot({
    height: 280,
    marginBottom: 40,
    x: { label: 'held-out z = (y − μ) / √v', domain: [lo, hi],
      labelAnchor: 'center', labelArrow: 'none' },
    y: { label: 'density', grid: true },
    marks: [
      Plot.rectY(bars, { x1: 'x1', x2: 'x2', y: 'density',
        fill: PALETTE[0], fillOpacity: 0.45, inset: 0.5 }),
      Plot.line(curve, { x: 't', y: 'p', stroke: 'currentColor',
        strokeWidth: 1.8 }),
      Plot.ruleX(edges, { x: 't', stroke: PALETTE[4],
        strokeDasharray: '5,4' }),
      Plot.ruleY([0]),
    ],
  });
}

// ---------------------------------------------------------------------
// What the chapter shows.

/** The largest of a list (a loop: no spread into a call). */
function maxOf(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]);
  return m;
}

/** The largest relative difference between two equally long lists. */
function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, relativeError(a[i], b[i]));
  }
  return worst;
}

/** The sequential line: slope s.d. after 0, 1, 2 and n points. */
function intuition() {
  const seq = sequential();
  const slopeSd = (k: number) =>
    Math.sqrt(seq.posteriors[k].cov.get(1, 1));
  const last = seq.posteriors[LINE.n].mean;
  return {
    line: { ...LINE },
    slopeSd: [slopeSd(0), slopeSd(1), slopeSd(2), slopeSd(LINE.n)],
    mean: [last[0], last[1]],
  };
}

/** The bump model: the predictive s.d. among, between and off the data. */
function bandNumbers() {
  const b = band();
  const sd = (x: number) => Math.sqrt(predictive(b.post,
    b.features(Float64Array.of(x)), BAND.sigma ** 2).varY[0]);
  let gap = 0;
  for (let i = 0; i <= 20; i++) gap = Math.max(gap, sd(0.3 + i * 0.0125));
  return {
    bumps: BAND.centres.length, width: BAND.width, points: b.x.length,
    sigma: BAND.sigma, tau2: BAND.tau2,
    sdData: sd(0.15), sdGap: gap, sdEnd: sd(1), sdFar: sd(3),
  };
}

/** The diabetes fit, its intervals, and the comparisons of the text. */
function diabetesNumbers() {
  const db = diabetes();
  const { fit, Z, y } = db;
  const [n, d] = [Z.rows, Z.cols];
  const lambda = fit.hyper.sigma2 / fit.hyper.tau2;
  let olsSse = 0;
  for (let i = 0; i < n; i++) {
    let f = db.ols.b;
    for (let j = 0; j < d; j++) f += Z.data[i * d + j] * db.ols.w[j];
    olsSse += (y[i] - f) ** 2;
  }
  const s = svd(center(Z, y).Xc).s;
  const factors = shrinkageFactors(s, lambda);
  const exact = maximizeEvidenceExactIntercept(Z, y);
  const cv = ridgeCvLambda();
  let near = 0; // the grid λ nearest the evidence's choice
  for (let i = 0; i < CV_LAMBDAS.length; i++) {
    const gap = (k: number) => Math.abs(Math.log(CV_LAMBDAS[k] / lambda));
    if (gap(i) < gap(near)) near = i;
  }
  return {
    n, d,
    iterations: fit.iterations,
    evidenceStart: fit.history[0].logEvidence,
    logEvidence: fit.logEvidence,
    sigma: Math.sqrt(fit.hyper.sigma2),
    tau: Math.sqrt(fit.hyper.tau2),
    lambda,
    gamma: fit.gamma,
    olsSigma: Math.sqrt(olsSse / (n - d - 1)),
    exact: { sigma: Math.sqrt(exact.sigma2), tau: Math.sqrt(exact.tau2) },
    factors: [factors[0], factors[d - 1]],
    kappaA: conditionNumber(fit.posterior.precision),
    kappaFromS: (s[0] ** 2 + lambda) / (s[d - 1] ** 2 + lambda),
    intervals: db.intervals.map((r, j) => ({
      ...r, ols: db.ols.w[j],
    })),
    zeroIn: db.intervals.filter((r) => r.lo < 0 && r.hi > 0)
      .map((r) => r.name).join(', '),
    cv: {
      lambda: cv.lambda, mse: cv.mse,
      nearLambda: CV_LAMBDAS[near], nearMse: cv.cv.mean[near],
      grid: [CV_LAMBDAS[0], CV_LAMBDAS[CV_LAMBDAS.length - 1]],
      paired: pairedCvDifference(cv.cv, near, cv.best),
      foldSe: cv.cv.se[cv.best],
    },
  };
}

/** Held-out coverage and the split of the misses. */
function heldOutNumbers(n: number) {
  const ho = heldOut();
  const se = Math.sqrt((LEVEL * (1 - LEVEL)) / n);
  return {
    folds: ho.folds, coverage: ho.coverage, se, level: LEVEL,
    distance: Math.abs(ho.coverage - LEVEL) / se,
    below: ho.z.filter((v) => v < -Z_LEVEL).length,
    above: ho.z.filter((v) => v > Z_LEVEL).length,
  };
}

/** Our fit beside BayesianRidge's, and the tolerance of the tests. */
function library() {
  const { fit, Z } = diabetes();
  const d = Z.cols;
  const n = Z.rows;
  const br = sk.bayesian_ridge;
  const ev = fit.history.map((h) => h.logEvidence);
  const scores = Math.min(ev.length, br.scores.length);
  const sigmaFlat = (br.sigma as number[][]).flat();
  let sigmaErr = 0;
  sigmaFlat.forEach((v, t) => {
    sigmaErr = Math.max(sigmaErr, Math.abs(fit.posterior.cov.data[t] - v));
  });
  const first5 = predictBayesianRidge(fit,
    new Matrix(5, d, Z.data.slice(0, 5 * d)));
  const rows = {
    alpha: relativeError(1 / fit.hyper.sigma2, br.alpha),
    lambda: relativeError(1 / fit.hyper.tau2, br.lambda),
    coef: maxRel(fit.w, br.coef),
    sigma: sigmaErr / maxOf(sigmaFlat.map(Math.abs)),
    scores: maxRel(ev.slice(0, scores), br.scores.slice(0, scores)),
    ridge: maxRel(fit.w, sk.ridge_at_evidence_lambda.coef),
    mean5: maxRel(first5.mean, br.predict_first5_mean),
    std5: maxRel(first5.varY.map((v) =>
      Math.sqrt(v - fit.hyper.sigma2 / n)), br.predict_first5_std),
  };
  const kappaA = conditionNumber(fit.posterior.precision);
  return {
    versions: { ...sk.versions },
    alphaValues: [1 / fit.hyper.sigma2, br.alpha],
    lambdaValues: [1 / fit.hyper.tau2, br.lambda],
    iterations: [fit.iterations, br.n_iter],
    scoresCount: scores,
    errors: rows,
    worst: maxOf(Object.values(rows)),
    kappaA,
    tolerance: 1000 * kappaA * Number.EPSILON,
    stdGap: Math.sqrt(first5.varY[0]) - br.predict_first5_std[0],
    firstStd: Math.sqrt(first5.varY[0]),
    defaultLambda: relativeError(sk.bayesian_ridge_default.lambda,
      br.lambda),
  };
}

export default cached('bayesian-linear-regression', () => {
  const db = diabetesNumbers();
  return {
    sequentialFigure: sequentialFigure(),
    bandFigure: bandFigure(),
    evidenceFigure: evidenceFigure(),
    heldOutFigure: heldOutFigure(),
    zLevel: Z_LEVEL,
    intuition: intuition(),
    band: bandNumbers(),
    db,
    evidenceDrops: EVIDENCE_DROPS.join(', '),
    heldOut: heldOutNumbers(db.n),
    library: library(),
    // Exercise 3: a Student t with n degrees of freedom against the
    // normal, at the same scale
    tRatio: { n: 10, t: tQuantile(0.975, 10), ratio:
      tQuantile(0.975, 10) / Z_LEVEL },
  };
});
