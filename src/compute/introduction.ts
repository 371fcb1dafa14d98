// Build-time computation of the introduction: its two figures and every
// number its prose shows, computed by its code, seeded, and cached (see
// src/lib/cache.ts).
import { cached } from '../lib/cache.ts';
import { powerOfTen } from '../lib/format.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { createRng, Rng } from '../../code/introduction/random.ts';
import {
  histogram,
  normalDensity,
  normalProbability,
} from '../../code/introduction/stats.ts';
import {
  DEFAULT_STEP,
  DEFAULT_TOLERANCE,
  GRADIENT_TOLERANCE,
  optimalCentralStep,
  optimalForwardStep,
} from '../../code/introduction/check.ts';
import {
  bestStep,
  logLogSlope,
  MOMENT_DRAWS,
  momentTable,
  moduloInt,
  naiveShuffle,
  normalChiSquare,
  roundUpRate,
  shuffleChiSquare,
  stepSweep,
  SWEEP_POINTS,
  thirdsChiSquare,
  uniformChiSquare,
  type StepSweep,
} from '../../code/introduction/experiments.ts';
import {
  naiveStatistic,
} from '../../code/introduction/solutions/naive-paths.ts';
import {
  stepSweep32,
} from '../../code/introduction/solutions/single-precision.ts';

/** Draws of the normal chi-square test (seed 3), for the caption. */
const NORMAL_CHI_DRAWS = 100_000;

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
    marginBottom: 40,
    x: {
      label: 'x',
      domain: [-4, 4],
      labelAnchor: 'center',
      labelArrow: 'none',
    },
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
export function stepSizeFigure(s: StepSweep): string {
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
    marginBottom: 40,
    x: {
      type: 'log',
      label: 'step size h',
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks,
      tickFormat: powerOfTen,
    },
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

/** The smallest entry of xs, by a loop (no spread into a call). */
function minOf(xs: number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

/** Correct digits left by a relative error: -log10(err), rounded. */
const digits = (err: number) => Math.round(-Math.log10(err));

/** The first four outputs of the published test state (1, 2, 3, 4). */
function firstOutputs(): number[] {
  const rng = new Rng([1, 2, 3, 4]);
  return [0, 1, 2, 3].map(() => rng.nextUint32());
}

// ---------------------------------------------------------------------
// What the chapter shows.

export default cached('introduction', () => {
  const sweep = stepSweep();
  const maxNormal = Math.sqrt(-2 * Math.log(2 ** -53));
  const boundAtOptimum =
    DEFAULT_STEP ** 2 / 6 + Number.EPSILON / DEFAULT_STEP;
  const hCentral = optimalCentralStep(1, 1);
  const minCentral = minOf(sweep.central);
  const minForward = minOf(sweep.forward);
  const far = roundUpRate(1e15, 1e15 + 1);
  const naiveChi = shuffleChiSquare(naiveShuffle);
  const naive = naiveStatistic(30_000);
  const sweep32 = stepSweep32();
  const eps32 = 2 ** -23;
  return {
    histogramFigure: rngHistogram(),
    stepSizeFigure: stepSizeFigure(sweep),
    histogramSeed: HISTOGRAM_SEED,
    histogramDraws: HISTOGRAM_DRAWS,
    firstOutputs: firstOutputs(),
    maxNormal,
    // P(|Z| > t) ~ 2 phi(t) / t for large t (Mills' ratio)
    beyondMax: (2 * normalDensity(maxNormal)) / maxNormal,
    fiveSigma: 1 - normalProbability(-5, 5),
    yearsFor2to64: 2 ** 64 / 1e9 / (3600 * 24 * 365.25),
    // the round-up rate of Eq. (rng-affine) on [1e15, 1e15 + 1)
    farRate: far.rate,
    farDistinct: far.distinct,
    farDraws: far.draws,
    defaultTolerance: { ...DEFAULT_TOLERANCE },
    gradientTolerance: { ...GRADIENT_TOLERANCE },
    hCentral,
    hForward: optimalForwardStep(1, 1),
    centralDigits: digits(Number.EPSILON ** (2 / 3)),
    forwardDigits: digits(Math.sqrt(Number.EPSILON)),
    sweepPoints: SWEEP_POINTS,
    bestCentral: bestStep(sweep.h, sweep.central),
    bestForward: bestStep(sweep.h, sweep.forward),
    slopeForward: logLogSlope(sweep.h, sweep.forward, 1e-6, 1e-2),
    slopeCentral: logLogSlope(sweep.h, sweep.central, 1e-4, 1e-1),
    slopeRoundoff: logLogSlope(sweep.h, sweep.central, 1e-12, 1e-8),
    minCentral,
    minForward,
    bestRatio: minForward / minCentral,
    boundAtOptimum,
    atolMargin: GRADIENT_TOLERANCE.atol / boundAtOptimum,
    momentDraws: MOMENT_DRAWS,
    moments: momentTable(),
    uniformChi: uniformChiSquare(),
    normalChiDraws: NORMAL_CHI_DRAWS,
    normalChi: normalChiSquare(3, NORMAL_CHI_DRAWS),
    intChi: thirdsChiSquare((rng, n) => rng.int(0, n)),
    moduloChi: thirdsChiSquare(moduloInt),
    shuffleChi: shuffleChiSquare((rng, items) => rng.shuffle(items)),
    naiveChi,
    naiveMean: naive.mean,
    naiveSd: naive.sd,
    naiveChiDev: (naiveChi.statistic - naive.mean) / naive.sd,
    hCentral32: Math.cbrt(3 * eps32),
    bestCentral32: bestStep(sweep32.h, sweep32.central),
    minCentral32: minOf(sweep32.central),
    eps32TwoThirds: eps32 ** (2 / 3),
    slope32: logLogSlope(sweep32.h, sweep32.central, 1e-7, 1e-4),
  };
});
