// Build-time figures of the Bayesian linear regression chapter, computed
// by its code, seeded. Colour is always paired with a dash pattern, a
// symbol, a shade or a direct label, so print and colour-blind readers
// lose nothing.
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { histogram, normalDensity } from '../../code/introduction/stats.ts';
import {
  diabetesBayes,
  heldOutZ,
  LEVEL,
} from '../../code/bayesian-linear-regression/diabetes.ts';
import {
  evidence,
} from '../../code/bayesian-linear-regression/evidence.ts';
import {
  bandExample,
  LINE,
  sequentialExample,
} from '../../code/bayesian-linear-regression/examples.ts';
import { center } from '../../code/linear-regression/model.ts';
import { normalQuantile } from '../../code/statistics/normal-quantile.ts';


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
    x: { label: 'x', domain: [0, 1], grid: true },
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
    x: { label: 'log₁₀ τ² (prior variance of a weight)', domain: [x1, x2] },
    y: { label: 'log₁₀ σ² (noise variance)', domain: [y1, y2] },
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
    x: { label: 'held-out z = (y − predictive mean) / predictive s.d.',
      domain: [lo, hi] },
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
