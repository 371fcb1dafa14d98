// Build-time computation of "Linear algebra in code": its figures and
// the numbers its prose shows, computed by its code and cached (see
// src/lib/cache.ts). The speed figure is measured on the machine that
// builds the book; the rest is deterministic. ml-matrix is imported here
// (the comparison), never from code/.
import { cached } from '../lib/cache.ts';
import { powerOfTen } from '../lib/format.ts';
import { Matrix as MlMatrix } from 'ml-matrix';
import { label, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  bestTime,
  gflops,
  measureSpread,
  median,
  type Spread,
} from '../../code/linear-algebra/benchmark.ts';
import { hilbertStudy } from '../../code/linear-algebra/hilbert.ts';
import { Matrix, norm } from '../../code/linear-algebra/matrix.ts';
import { project } from '../../code/linear-algebra/project.ts';
import {
  condEstAccuracy,
  hilbertSummary,
  growthExample,
  nearlyDependentExample,
  pivotExample,
  projectionMatrixCheck,
  singularMessage,
} from '../../code/linear-algebra/examples.ts';

// ---------------------------------------------------------------------
// Speed of the three kernels (and ml-matrix), measured at build time.

/** Sizes of the build-time benchmark: small, so the build stays fast. */
export const SPEED_SIZES = [32, 64, 96, 128, 192, 256] as const;
/** Time budget per kernel, size and repetition, in milliseconds. */
export const SPEED_BUDGET_MS = 15;
/** Independent repetitions of the whole measurement. */
export const SPEED_REPS = 5;

/** One spread per kernel and size for ml-matrix, as measureSpread. */
function mlSpread(): Spread[] {
  const rng = createRng(3);
  const mats = SPEED_SIZES.map((n) => [
    MlMatrix.from1DArray(n, n, rng.normalArray(n * n)),
    MlMatrix.from1DArray(n, n, rng.normalArray(n * n)),
  ]);
  const runs = SPEED_SIZES.map(() => [] as number[]);
  for (let r = 0; r < SPEED_REPS; r++) {
    SPEED_SIZES.forEach((n, i) => {
      const [A, B] = mats[i];
      runs[i].push(gflops(n, bestTime(() => A.mmul(B), SPEED_BUDGET_MS)));
    });
  }
  return SPEED_SIZES.map((n, i) => {
    let min = Infinity;
    let max = -Infinity;
    for (const g of runs[i]) [min, max] = [Math.min(min, g), Math.max(max, g)];
    return { kernel: 'ml-matrix', n, runs: runs[i],
      median: median(runs[i]), min, max };
  });
}

/**
 * A measurement artifact (a point far below both neighbours of its
 * line, such as a first call timed before the JIT finished) must not
 * reach the page: the build measures again, and stops if it recurs.
 */
function checkSpeeds(rows: Spread[]): void {
  for (const row of rows) {
    const line = rows.filter((r) => r.kernel === row.kernel);
    const i = line.indexOf(row);
    const near = [line[i - 1], line[i + 1]].filter(Boolean);
    if (near.every((r) => row.median < r.median / 4)) {
      throw new Error(
        `linear-algebra: ${row.kernel} at n=${row.n} ran at ` +
          `${row.median.toFixed(2)} GFLOP/s, under a quarter of its ` +
          'neighbours: a timing artifact, not a speed',
      );
    }
  }
}

let speeds: Spread[] | null = null;

/**
 * GFLOP/s of naive, ikj, blocked and ml-matrix at SPEED_SIZES, each
 * measured SPEED_REPS times, once per build (a few seconds) and shared
 * by the figure and the prose.
 */
export function kernelSpeeds(): Spread[] {
  if (speeds) return speeds;
  const measure = () => [
    ...measureSpread(SPEED_SIZES, SPEED_BUDGET_MS, SPEED_REPS),
    ...mlSpread(),
  ];
  speeds = measure();
  try {
    checkSpeeds(speeds);
  } catch {
    // a busy machine can disturb one measurement; a second must be clean
    speeds = measure();
    checkSpeeds(speeds);
  }
  return speeds;
}

/** The measured speeds of one kernel at one size. */
export function speedOf(kernel: string, n: number): Spread {
  const row = kernelSpeeds().find((r) => r.kernel === kernel && r.n === n);
  if (!row) throw new Error(`speedOf: no timing for ${kernel} at n=${n}`);
  return row;
}

/** Ratio of two kernels' speeds: of the medians, and its range over the
 * repetitions (repetition r of one against repetition r of the other). */
function speedRatio(fast: string, slow: string, n: number) {
  const a = speedOf(fast, n);
  const b = speedOf(slow, n);
  const each = a.runs.map((g, r) => g / b.runs[r]);
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of each) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
  return { median: a.median / b.median, lo, hi };
}

const KERNEL_STYLE: Record<
  string,
  { color: string; dash: string; symbol: string; glyph: string }
> = {
  naive: { color: PALETTE[4], dash: '2,3', symbol: 'triangle', glyph: '▲' },
  ikj: { color: PALETTE[1], dash: '6,3', symbol: 'square', glyph: '■' },
  blocked: {
    color: PALETTE[0], dash: 'none', symbol: 'circle', glyph: '●',
  },
  'ml-matrix': {
    color: PALETTE[2], dash: '10,3,2,3', symbol: 'diamond', glyph: '◆',
  },
};

/** Label heights near `ys`, pushed apart to at least `gap`. */
function spread(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((p, q) => p.y - q.y);
  for (let t = 1; t < order.length; t++) {
    order[t].y = Math.max(order[t].y, order[t - 1].y + gap);
  }
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

/** Median GFLOP/s against n for each kernel, with min-max whiskers, and
 * each label at the right end with the line's marker. */
export function matmulSpeedFigure(): string {
  const rows = kernelSpeeds();
  const last = SPEED_SIZES[SPEED_SIZES.length - 1];
  const names = Object.keys(KERNEL_STYLE);
  let top = 0;
  for (const r of rows) top = Math.max(top, r.max);
  const labelY = spread(
    names.map((k) => speedOf(k, last).median), 0.07 * top);
  const marks = Object.entries(KERNEL_STYLE).flatMap(([kernel, s], i) => {
    // each kernel's points shifted a little sideways, so that whiskers
    // at one size do not hide each other
    const shift = (i - 1.5) * 3;
    const data = rows.filter((r) => r.kernel === kernel)
      .map((r) => ({ ...r, n: r.n + shift }));
    return [
      Plot.ruleX(data, {
        x: 'n',
        y1: 'min',
        y2: 'max',
        stroke: s.color,
        strokeWidth: 1.5,
      }),
      Plot.line(data, {
        x: 'n',
        y: 'median',
        stroke: s.color,
        strokeWidth: 2,
        strokeDasharray: s.dash,
      }),
      Plot.dot(data, {
        x: 'n',
        y: 'median',
        symbol: s.symbol,
        fill: s.color,
        r: 3.5,
      }),
      Plot.text(
        [{ n: last + 4.5, y: labelY[i] }],
        {
          x: 'n',
          y: 'y',
          text: () => `${s.glyph} ${kernel}`,
          dx: 8,
          textAnchor: 'start',
          fill: 'currentColor',
        },
      ),
    ];
  });
  return renderPlot({
    marginRight: 95,
    marginBottom: 40,
    x: {
      label: 'matrix size n (an n × n matrix times an n × n matrix)',
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: [...SPEED_SIZES],
    },
    y: { label: 'GFLOP/s (higher is faster)', grid: true, zero: true },
    marks: [...marks, Plot.ruleY([0])],
  });
}

// ---------------------------------------------------------------------
// Projection onto a line, drawn to scale.

/** The vectors of the projection figure: a, b and b's projection. */
export const PROJECTION_A = [3, 1] as const;
export const PROJECTION_B = [1.8, 2] as const;

/** p, r and ||r|| for the figure, computed by project(). */
export function projectionExample() {
  const A = new Matrix(2, 1, Float64Array.from(PROJECTION_A));
  const { p, residual, coeffs } = project(A, Float64Array.from(PROJECTION_B));
  return { p, residual, coeff: coeffs[0], distance: norm(residual) };
}

/** b, its projection p onto span(a), the residual r at a right angle. */
export function projectionFigure(): string {
  const [a0, a1] = PROJECTION_A;
  const [b0, b1] = PROJECTION_B;
  const { p, residual, distance } = projectionExample();
  const aLen = Math.hypot(a0, a1);
  const ua = [a0 / aLen, a1 / aLen];
  const ur = [residual[0] / distance, residual[1] / distance];
  const s = 0.16; // side of the right-angle mark
  const corner = [
    { x: p[0] + s * ua[0], y: p[1] + s * ua[1] },
    { x: p[0] + s * (ua[0] + ur[0]), y: p[1] + s * (ua[1] + ur[1]) },
    { x: p[0] + s * ur[0], y: p[1] + s * ur[1] },
  ];
  const circle = Array.from({ length: 121 }, (_, i) => {
    const t = (2 * Math.PI * i) / 120;
    return { x: b0 + distance * Math.cos(t), y: b1 + distance * Math.sin(t) };
  });
  const line = [-0.2, 1.35].map((t) => ({ x: t * a0, y: t * a1 }));
  const symbol = (x: number, y: number, text: string,
    anchor: 'start' | 'end' = 'start') =>
    label(x, y, text, { anchor, fontSize: 14, italic: true });
  const arrow = (x2: number, y2: number, color: string, x1 = 0, y1 = 0) =>
    Plot.arrow([{ x1, y1, x2, y2 }], {
      x1: 'x1',
      y1: 'y1',
      x2: 'x2',
      y2: 'y2',
      stroke: color,
      strokeWidth: 2.5,
      headLength: 10,
    });
  return renderPlot({
    width: 560,
    aspectRatio: 1,
    x: { axis: null, domain: [-0.8, 4.4] },
    y: { axis: null, domain: [-0.6, 3.5] },
    marks: [
      Plot.line(line, {
        x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: 0.5,
      }),
      Plot.line(circle, {
        x: 'x',
        y: 'y',
        stroke: 'currentColor',
        strokeOpacity: 0.45,
        strokeDasharray: '3,4',
      }),
      Plot.line(corner, { x: 'x', y: 'y', stroke: 'currentColor' }),
      arrow(a0, a1, PALETTE[0]),
      arrow(p[0], p[1], PALETTE[2]),
      arrow(b0, b1, PALETTE[1]),
      Plot.line([{ x: p[0], y: p[1] }, { x: b0, y: b1 }], {
        x: 'x',
        y: 'y',
        stroke: PALETTE[4],
        strokeWidth: 2.5,
        strokeDasharray: '7,4',
      }),
      Plot.dot([{ x: 0, y: 0 }], { x: 'x', y: 'y', fill: 'currentColor' }),
      symbol(-0.12, -0.18, '0', 'end'),
      symbol(a0 + 0.1, a1 - 0.2, 'a'),
      symbol(p[0] + 0.05, p[1] - 0.32, 'p = ca'),
      symbol(b0 - 0.15, b1 + 0.1, 'b', 'end'),
      symbol((p[0] + b0) / 2 + 0.12, (p[1] + b1) / 2, 'r = b − p'),
      symbol(1.35 * a0 - 0.1, 1.35 * a1 + 0.2, 'span(a)', 'end'),
    ],
  });
}

// ---------------------------------------------------------------------
// Hilbert systems: error against the condition number.

/** Relative error of solve on Hx = H1, and kappa * eps, against n. */
export function hilbertFigure(): string {
  const { rows } = hilbertStudy();
  const errors = rows.map((r) => ({ n: r.n, y: r.error }));
  const bound = rows.map((r) => ({ n: r.n, y: r.cond * Number.EPSILON }));
  const lastN = rows[rows.length - 1].n;
  const ticks = [1e-16, 1e-13, 1e-10, 1e-7, 1e-4, 1e-1];
  const end = (data: { n: number; y: number }[], text: string) =>
    Plot.text(data.filter((d) => d.n === lastN), {
      x: 'n',
      y: 'y',
      text: () => text,
      dx: 8,
      textAnchor: 'start',
      fill: 'currentColor',
    });
  return renderPlot({
    marginRight: 120,
    marginBottom: 40,
    x: {
      label: 'size n of the Hilbert matrix',
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: rows.map((r) => r.n),
    },
    y: {
      type: 'log',
      label: 'relative error of x',
      domain: [1e-17, 1],
      ticks,
      tickFormat: powerOfTen,
      grid: true,
    },
    marks: [
      Plot.ruleY([Number.EPSILON], {
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        strokeDasharray: '2,3',
      }),
      Plot.text([{ n: lastN, y: Number.EPSILON }], {
        x: 'n',
        y: 'y',
        text: () => 'ε',
        dx: 8,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.line(bound, {
        x: 'n', y: 'y', stroke: PALETTE[4], strokeDasharray: '6,3',
      }),
      Plot.dot(bound, {
        x: 'n', y: 'y', symbol: 'square', fill: PALETTE[4], r: 3,
      }),
      end(bound, 'κ₁ · ε (estimate)'),
      Plot.line(errors, { x: 'n', y: 'y', stroke: PALETTE[0] }),
      Plot.dot(errors, {
        x: 'n', y: 'y', symbol: 'circle', fill: PALETTE[0], r: 3.5,
      }),
      end(errors, 'actual error'),
    ],
  });
}

// ---------------------------------------------------------------------
// What the chapter shows.

export default cached('linear-algebra', () => {
  const nBig = SPEED_SIZES[SPEED_SIZES.length - 1];
  const nSmall = SPEED_SIZES[0];
  const hil = hilbertSummary();
  return {
    speedFigure: matmulSpeedFigure(),
    projectionFigure: projectionFigure(),
    hilbertFigure: hilbertFigure(),
    speedBudgetMs: SPEED_BUDGET_MS,
    speedReps: SPEED_REPS,
    projectionA: [...PROJECTION_A],
    projectionB: [...PROJECTION_B],
    nBig,
    nSmall,
    blockedSpeed: speedOf('blocked', nBig).median,
    blockedSpeedSmall: speedOf('blocked', nSmall).median,
    ikjSpeed: speedOf('ikj', nBig).median,
    naiveSpeed: speedOf('naive', nBig).median,
    mlSpeed: speedOf('ml-matrix', nBig).median,
    blockedOverNaive: speedRatio('blocked', 'naive', nBig),
    blockedOverIkj: speedRatio('blocked', 'ikj', nBig),
    blockedOverMl: speedRatio('blocked', 'ml-matrix', nBig),
    proj: projectionExample(),
    piv: pivotExample(),
    nearDep: nearlyDependentExample(),
    growth: growthExample(60),
    growthSmall: growthExample(40),
    projMatrix: (({ worst, allowed }) => ({ worst, allowed }))(
      projectionMatrixCheck()),
    hil,
    hilDigits: Math.round(-Math.log10(hil.last.error)),
    matrixKiB: (nBig * nBig * 8) / 1024,
    cea: condEstAccuracy(),
    singularMessage: singularMessage(),
  };
});
