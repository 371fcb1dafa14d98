// Build-time figures of the introduction, computed by its code, seeded.
import { powerOfTen } from '../lib/format.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { createRng } from '../../code/introduction/random.ts';
import { histogram, normalDensity } from '../../code/introduction/stats.ts';
import {
  optimalCentralStep,
  optimalForwardStep,
} from '../../code/introduction/check.ts';
import { stepSweep } from '../../code/introduction/experiments.ts';

/** Seed and size of the histogram figure, for the caption. */
export const HISTOGRAM_SEED = 10;
export const HISTOGRAM_DRAWS = 10_000;

/** Histogram of normal() draws with the standard normal density. */
export function rngHistogram(): string {
  const xs = createRng(HISTOGRAM_SEED).normalArray(HISTOGRAM_DRAWS);
  const lo = -4;
  const width = 0.25;
  const counts = histogram(xs, lo, 4, 32);
  const bars = counts.map((c, k) => ({
    x1: lo + k * width,
    x2: lo + (k + 1) * width,
    density: c / (HISTOGRAM_DRAWS * width),
  }));
  const curve = Array.from({ length: 161 }, (_, i) => {
    const x = -4 + i * 0.05;
    return { x, y: normalDensity(x) };
  });
  return renderPlot({
    x: { label: 'x', domain: [-4, 4] },
    y: { label: 'density', grid: true },
    marks: [
      Plot.rectY(bars, {
        x1: 'x1',
        x2: 'x2',
        y: 'density',
        fill: PALETTE[0],
        fillOpacity: 0.3,
        stroke: PALETTE[0],
        inset: 0.5,
      }),
      Plot.line(curve, {
        x: 'x',
        y: 'y',
        stroke: PALETTE[4],
        strokeWidth: 2,
        strokeDasharray: '6,3',
      }),
      Plot.text([{ x: 2.2, y: normalDensity(2.2) }], {
        x: 'x',
        y: 'y',
        text: () => 'φ(x)',
        dx: 6,
        dy: -14,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** Error of forward and central differences of exp against h. */
export function stepSizeFigure(): string {
  const s = stepSweep();
  const forward = s.h.map((h, k) => ({ h, err: s.forward[k] }));
  const central = s.h.map((h, k) => ({ h, err: s.central[k] }));
  const optima = [
    { h: optimalForwardStep(1, 1), label: 'forward h*' },
    { h: optimalCentralStep(1, 1), label: 'central h*' },
  ];
  const ticks = [1e-13, 1e-11, 1e-9, 1e-7, 1e-5, 1e-3, 1e-1];
  const last = s.h.length - 1;
  return renderPlot({
    height: 380,
    marginRight: 90,
    x: { type: 'log', label: 'step size h', ticks, tickFormat: powerOfTen },
    y: {
      type: 'log',
      label: 'mean relative error',
      domain: [1e-12, 1e-1],
      ticks: [1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2],
      tickFormat: powerOfTen,
      grid: true,
    },
    marks: [
      Plot.ruleX(optima, {
        x: 'h',
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        strokeDasharray: '2,3',
      }),
      Plot.text(optima, {
        x: 'h',
        text: 'label',
        frameAnchor: 'top',
        dy: -2,
        rotate: -90,
        textAnchor: 'end',
        dx: -4,
        fill: 'currentColor',
      }),
      Plot.line(forward, { x: 'h', y: 'err', stroke: PALETTE[1] }),
      Plot.dot(forward, {
        x: 'h',
        y: 'err',
        symbol: 'circle',
        r: 2.5,
        fill: PALETTE[1],
      }),
      Plot.line(central, {
        x: 'h',
        y: 'err',
        stroke: PALETTE[0],
        strokeDasharray: '5,3',
      }),
      Plot.dot(central, {
        x: 'h',
        y: 'err',
        symbol: 'square',
        r: 2.5,
        fill: PALETTE[0],
      }),
      Plot.text(
        [
          { h: s.h[last], err: s.forward[last], label: '● forward' },
          { h: s.h[last], err: s.central[last], label: '■ central' },
        ],
        {
          x: 'h',
          y: 'err',
          text: 'label',
          dx: 8,
          textAnchor: 'start',
          fill: 'currentColor',
        },
      ),
    ],
  });
}
