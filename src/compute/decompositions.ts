// Build-time computation of "Matrix decompositions": its figures and
// every number its prose shows, computed by its code, seeded, cached. Colour is always paired with a dash pattern, a symbol or a
// direct label. ml-matrix is imported here (the comparison), never from
// code/.
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  Matrix as MlMatrix,
  QrDecomposition,
  SVD as MlSVD,
} from 'ml-matrix';
import { cached } from '../lib/cache.ts';
import { pngDataUrl } from '../lib/png.ts';
import { powerOfTen, sci } from '../lib/format.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import {
  Matrix,
  identity,
  matmul,
  scale,
  sub,
  transpose,
} from '../../code/linear-algebra/matrix.ts';
import {
  ELLIPSE_A,
  IMAGE_SIZE,
  INDEFINITE,
  RANKS_SHOWN,
  STUDY_M,
  STUDY_MAX_N,
  SWEEP_N,
  choleskyFailure,
  conditioningSummary,
  ellipseExample,
  hardCases,
  imageStudy,
  randomSpd,
  type HardCase,
  sweepHistories,
} from '../../code/decompositions/examples.ts';
import { cholesky } from '../../code/decompositions/cholesky.ts';
import { symmetricEigen } from '../../code/decompositions/eigen.ts';
import { symmetricEigenQR } from
  '../../code/decompositions/tridiagonal.ts';
import {
  householderQR,
  thinQ,
} from '../../code/decompositions/householder.ts';
import { qrLeastSquares } from '../../code/decompositions/least-squares.ts';
import { frobenius } from '../../code/decompositions/low-rank.ts';
import { pseudoInverse } from '../../code/decompositions/pseudo-inverse.ts';
import { svd } from '../../code/decompositions/svd.ts';
import { syntheticImage } from '../../code/decompositions/image.ts';
import {
  smallestRank,
  squareImage,
} from '../../code/decompositions/solutions/compression.ts';
import { logDet } from '../../code/decompositions/solutions/log-det.ts';
import {
  reflectionError,
} from '../../code/decompositions/solutions/wrong-sign.ts';
import ref from '../../tests/fixtures/decompositions/reference.json' with {
  type: 'json',
};

// Each study runs once per build and is shared by figures and prose.
export const conditioning = once(conditioningSummary);
export const imageResults = once(imageStudy);
export const sweeps = once(sweepHistories);

/** symmetricEigenQR on the matrix of the sweeps figure, against Jacobi. */
function qrOnSweepMatrix() {
  const A = randomSpd(11, SWEEP_N); // as in sweepHistories
  const qr = symmetricEigenQR(A);
  const jac = sweeps().eig;
  let worst = 0;
  for (let i = 0; i < SWEEP_N; i++) {
    worst = Math.max(worst, Math.abs(qr.values[i] - jac.values[i]));
  }
  return {
    qrSteps: qr.iterations,
    qrStepsPerValue: qr.iterations / SWEEP_N,
    qrAgreement: worst / frobenius(A),
  };
}

/** Labels of the geometric figures: 14 px, italic symbols. */
const SYMBOL = { fontSize: 14, italic: true } as const;
const CAPTION = { anchor: 'middle', fontSize: 14, italic: false } as const;

const arrow = (
  x1: number, y1: number, x2: number, y2: number, color: string,
  dash = 'none',
) =>
  Plot.arrow([{ x1, y1, x2, y2 }], {
    x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2',
    stroke: color, strokeWidth: 2.5, headLength: 10,
    strokeDasharray: dash,
  });

// ---------------------------------------------------------------------
// The unit circle and its image, an ellipse.

/** Offset of the right panel (the image A x) from the left one. */
const SHIFT = 4.6;

export function ellipseFigure(): string {
  const { A, U, s, V } = ellipseExample();
  const at = (M: Matrix, i: number, j: number) => M.data[i * 2 + j];
  const circle = Array.from({ length: 181 }, (_, t) => {
    const th = (2 * Math.PI * t) / 180;
    const x = Math.cos(th);
    const y = Math.sin(th);
    return {
      x, y,
      ax: SHIFT + at(A, 0, 0) * x + at(A, 0, 1) * y,
      ay: at(A, 1, 0) * x + at(A, 1, 1) * y,
    };
  });
  const v1 = [at(V, 0, 0), at(V, 1, 0)];
  const v2 = [at(V, 0, 1), at(V, 1, 1)];
  const su1 = [s[0] * at(U, 0, 0), s[0] * at(U, 1, 0)];
  const su2 = [s[1] * at(U, 0, 1), s[1] * at(U, 1, 1)];
  const sign = (x: number) => (x >= 0 ? 1 : -1);
  return renderPlot({
    width: 640,
    aspectRatio: 1,
    x: { axis: null, domain: [-1.5, SHIFT + 2.8] },
    y: { axis: null, domain: [-1.9, 1.9] },
    marks: [
      Plot.line(circle, { x: 'x', y: 'y', stroke: 'currentColor' }),
      Plot.line(circle, { x: 'ax', y: 'ay', stroke: 'currentColor' }),
      Plot.dot([{ x: 0, y: 0 }, { x: SHIFT, y: 0 }], {
        x: 'x', y: 'y', fill: 'currentColor', r: 2.5,
      }),
      arrow(0, 0, v1[0], v1[1], PALETTE[0]),
      arrow(0, 0, v2[0], v2[1], PALETTE[4], '6,3'),
      arrow(SHIFT, 0, SHIFT + su1[0], su1[1], PALETTE[0]),
      arrow(SHIFT, 0, SHIFT + su2[0], su2[1], PALETTE[4], '6,3'),
      arrow(1.45, 1.55, SHIFT - 1.45, 1.55, 'currentColor'),
      label(SHIFT / 2, 1.82, 'multiply by A', CAPTION),
      label(1.15 * v1[0] + 0.05, 1.15 * v1[1] + 0.05, 'v₁', SYMBOL),
      label(1.2 * v2[0], 1.2 * v2[1] + 0.05 * sign(v2[1]), 'v₂',
        { ...SYMBOL, anchor: 'end' }),
      label(
        SHIFT + 1.08 * su1[0] + 0.05, 1.08 * su1[1] + 0.1, 's₁u₁', SYMBOL,
      ),
      label(
        SHIFT + 1.35 * su2[0], 1.35 * su2[1] + 0.05, 's₂u₂',
        { ...SYMBOL, anchor: 'end' },
      ),
      label(0, -1.5, 'unit circle ‖x‖ = 1', CAPTION),
      label(SHIFT, -1.5, 'its image {Ax}: an ellipse', CAPTION),
    ],
  });
}

// ---------------------------------------------------------------------
// QR against the normal equations.

/** One legend row in data coordinates: a line sample, a mark, a text. */
function legendRow(
  x: number, y: number, text: string,
  style: { stroke: string; dash: string; symbol?: string; fill?: boolean },
) {
  const seg = [{ n: x, y }, { n: x + 0.9, y }];
  const mid = [{ n: x + 0.45, y }];
  return [
    ...(style.dash === 'none' || style.dash.includes(',')
      ? [Plot.line(seg, {
        x: 'n', y: 'y', stroke: style.stroke, strokeWidth: 2,
        strokeDasharray: style.dash,
      })]
      : []),
    ...(style.symbol
      ? [Plot.dot(mid, {
        x: 'n', y: 'y', symbol: style.symbol, r: 4,
        ...(style.fill === false
          ? { stroke: style.stroke, strokeWidth: 2 }
          : { fill: style.stroke }),
      })]
      : []),
    Plot.text([{ n: x + 1.2, y }], {
      x: 'n', y: 'y', text: () => text, textAnchor: 'start',
      fill: 'currentColor',
    }),
  ];
}

export function conditioningFigure(): string {
  const { rows } = conditioning();
  const eps = Number.EPSILON;
  const qr = rows.map((r) => ({ n: r.n, y: r.qrError }));
  const ne = rows
    .filter((r) => r.normalError !== null)
    .map((r) => ({ n: r.n, y: r.normalError as number }));
  const refused = rows.filter((r) => r.normalError === null);
  const k1 = rows.map((r) => ({ n: r.n, y: r.kappa * eps }));
  const k2 = rows
    .map((r) => ({ n: r.n, y: r.kappa ** 2 * eps }))
    .filter((p) => p.y < 3);
  const guide = (data: { n: number; y: number }[], dash: string) =>
    Plot.line(data, {
      x: 'n', y: 'y', stroke: 'currentColor', strokeOpacity: 0.6,
      strokeDasharray: dash,
    });
  const grey = 'currentColor';
  const lx = rows[rows.length - 1].n - 5.2; // legend, lower right
  return renderPlot({
    marginRight: 20,
    marginBottom: 40,
    x: {
      label: 'columns n of A (polynomial degree + 1), 50 rows',
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: rows.map((r) => r.n),
    },
    y: {
      type: 'log',
      label: 'relative error of w',
      domain: [1e-17, 10],
      ticks: [1e-16, 1e-13, 1e-10, 1e-7, 1e-4, 1e-1],
      tickFormat: powerOfTen,
      grid: true,
    },
    marks: [
      guide(k1, '2,3'),
      guide(k2, '8,4'),
      Plot.line(ne, { x: 'n', y: 'y', stroke: PALETTE[4], strokeWidth: 2,
        strokeDasharray: '6,3' }),
      Plot.dot(ne, { x: 'n', y: 'y', symbol: 'triangle', fill: PALETTE[4],
        r: 4 }),
      Plot.dot(refused.map((r) => ({ n: r.n, y: 3 })), {
        x: 'n', y: 'y', symbol: 'times', stroke: PALETTE[4], r: 5,
        strokeWidth: 2,
      }),
      Plot.line(qr, { x: 'n', y: 'y', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.dot(qr, { x: 'n', y: 'y', symbol: 'circle', fill: PALETTE[0],
        r: 3.5 }),
      ...legendRow(lx, 10 ** -10.6, 'Householder QR',
        { stroke: PALETTE[0], dash: 'none', symbol: 'circle' }),
      ...legendRow(lx, 10 ** -11.9, 'normal equations',
        { stroke: PALETTE[4], dash: '6,3', symbol: 'triangle' }),
      ...legendRow(lx, 10 ** -13.2, 'Cholesky refuses',
        { stroke: PALETTE[4], dash: 'no line', symbol: 'times',
          fill: false }),
      ...legendRow(lx, 10 ** -14.5, 'κ(A) ε', { stroke: grey, dash: '2,3' }),
      ...legendRow(lx, 10 ** -15.8, 'κ(A)² ε',
        { stroke: grey, dash: '8,4' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Sweeps of the two Jacobi methods.

export function sweepsFigure(): string {
  const { eig, sv } = sweeps();
  const floor = 1e-17; // a zero would not fit a log axis
  const a = eig.offNorms.map((y, i) => ({ s: i + 1, y: Math.max(y, floor) }));
  const b = sv.cosines.map((y, i) => ({ s: i + 1, y: Math.max(y, floor) }));
  const last = Math.max(a.length, b.length);
  return renderPlot({
    marginRight: 20,
    marginBottom: 40,
    x: {
      label: 'sweep',
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: Array.from({ length: last }, (_, i) => i + 1),
    },
    marginLeft: 60,
    y: {
      type: 'log',
      label: 'what is left to rotate away',
      labelAnchor: 'center',
      labelArrow: 'none',
      domain: [1e-17, 1],
      ticks: [1e-16, 1e-12, 1e-8, 1e-4, 1],
      tickFormat: powerOfTen,
      grid: true,
    },
    marks: [
      Plot.ruleY([Number.EPSILON], {
        stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '2,3',
      }),
      Plot.text([{ s: 1, y: Number.EPSILON }], {
        x: 's', y: 'y', text: () => 'ε', dy: -8, fill: 'currentColor',
      }),
      Plot.line(a, { x: 's', y: 'y', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.dot(a, { x: 's', y: 'y', symbol: 'circle', fill: PALETTE[0],
        r: 3.5 }),
      Plot.line(b, { x: 's', y: 'y', stroke: PALETTE[1], strokeWidth: 2,
        strokeDasharray: '6,3' }),
      Plot.dot(b, { x: 's', y: 'y', symbol: 'square', fill: PALETTE[1],
        r: 3.5 }),
      Plot.text([b[4]], {
        x: 's', y: 'y', text: () => 'SVD: largest cosine (squares)',
        dx: 6, dy: -12, textAnchor: 'start', fill: 'currentColor',
      }),
      Plot.text([a[3]], {
        x: 's', y: 'y', text: () => 'eigen: off(A) / ‖A‖ (circles)',
        dx: -6, dy: 16, textAnchor: 'end', fill: 'currentColor',
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// Rank-k images.

export function rankImagesFigure(): string {
  const { image, approximations } = imageResults();
  const panels = [
    { title: 'original (rank 64)', A: image },
    ...approximations.map((a) => ({
      title: `rank ${a.k}: error ${(100 * a.error).toFixed(1)}%`,
      A: a.A,
    })),
  ].map((p, i) => ({
    ...p, src: pngDataUrl(p.A), x: i % 3, y: Math.floor(i / 3),
  }));
  const side = 170;
  return renderPlot({
    width: 640,
    height: 2 * side + 100,
    margin: 10,
    marginTop: 28,
    x: { axis: null, domain: [-0.5, 2.5] },
    y: { axis: null, domain: [1.5, -0.5], reverse: false },
    marks: [
      Plot.image(panels, {
        x: 'x', y: 'y', src: 'src', width: side, height: side,
        imageRendering: 'pixelated',
      }),
      Plot.text(panels, {
        x: 'x', y: 'y', text: 'title', dy: -side / 2 - 8,
        fill: 'currentColor', fontSize: 13,
      }),
    ],
  });
}

export function rankErrorFigure(): string {
  const { errors } = imageResults();
  const tail = errors.map((e) => ({ k: e.k, y: e.tail }));
  const direct = errors.map((e) => ({ k: e.k, y: e.direct }));
  const kMax = errors[errors.length - 1].k;
  const lx = kMax - 17; // legend, upper right
  return renderPlot({
    marginBottom: 40,
    marginRight: 20,
    x: {
      label: 'rank k', labelAnchor: 'center', labelArrow: 'none',
    },
    y: {
      type: 'log',
      label: 'relative error ‖A − Aₖ‖ / ‖A‖ (Frobenius)',
      domain: [0.01, 1.2],
      ticks: [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1],
      tickFormat: (d: number) => `${d}`,
      grid: true,
    },
    marks: [
      Plot.line(tail, { x: 'k', y: 'y', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.dot(direct, { x: 'k', y: 'y', symbol: 'circle', r: 3.5,
        stroke: PALETTE[4], strokeWidth: 1.5 }),
      Plot.line([{ k: lx, y: 0.7 }, { k: lx + 2, y: 0.7 }], {
        x: 'k', y: 'y', stroke: PALETTE[0], strokeWidth: 2,
      }),
      Plot.dot([{ k: lx + 1, y: 0.5 }], {
        x: 'k', y: 'y', symbol: 'circle', r: 3.5, stroke: PALETTE[4],
        strokeWidth: 1.5,
      }),
      Plot.text([
        { k: lx + 2.8, y: 0.7, t: 'predicted: √(s²ₖ₊₁ + …)' },
        { k: lx + 2.8, y: 0.5, t: 'measured: ‖A − Aₖ‖' },
      ], {
        x: 'k', y: 'y', text: 't', textAnchor: 'start',
        fill: 'currentColor',
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// The hard cases, ours and ml-matrix's, measured at build time.

export interface HardCaseRow {
  readonly name: string;
  readonly source: string;
  readonly report: string;
  readonly routine: string;
  /** Our sweeps (null for QR, which has none). */
  readonly ourSweeps: number | null;
  /** Relative residual of the defining equation: ||QR - A||, ||U S V^T
   *  - A|| or ||AV - V Lambda||, over ||A|| (Frobenius). */
  readonly ourError: number;
  /** ml-matrix's routine of the same kind on the same matrix: the same
   *  relative residual, or the name of the error it threw. */
  readonly ml: number | string;
  /** The cells of the table, formatted. */
  readonly oursText: string;
  readonly mlText: string;
}

/** f(), or the name of what it threw. */
function attempt(f: () => number): number | string {
  try {
    return f();
  } catch (e) {
    return `${(e as Error).name}`;
  }
}

function toRows(A: Matrix): number[][] {
  return Array.from({ length: A.rows }, (_, i) => Array.from(A.row(i)));
}

/** ||B - A||_F / ||A||_F for an ml-matrix B. */
function mlGap(B: MlMatrix, A: Matrix): number {
  return B.sub(new MlMatrix(toRows(A))).norm('frobenius') / frobenius(A);
}

/** Our routine and ml-matrix's on one hard case. */
function runHardCase(c: HardCase) {
  const A = c.A;
  const ml = new MlMatrix(toRows(A));
  if (c.routine === 'qr') {
    const f = householderQR(A);
    return {
      ourSweeps: null,
      ourError: frobenius(sub(matmul(thinQ(f), f.R), A)) / frobenius(A),
      ml: attempt(() => {
        const d = new QrDecomposition(ml);
        return mlGap(d.orthogonalMatrix.mmul(d.upperTriangularMatrix), A);
      }),
    };
  }
  if (c.routine === 'eigen') {
    const e = symmetricEigen(A);
    const n = A.rows;
    const VL = new Matrix(n, n);
    for (let t = 0; t < n * n; t++) {
      VL.data[t] = e.vectors.data[t] * e.values[t % n];
    }
    return {
      ourSweeps: e.sweeps,
      ourError: frobenius(sub(matmul(A, e.vectors), VL)) / frobenius(A),
      ml: attempt(() => {
        const d = new EigenvalueDecomposition(ml);
        const V = d.eigenvectorMatrix;
        const D = MlMatrix.diag(d.realEigenvalues);
        return ml.mmul(V).sub(V.mmul(D)).norm('frobenius') / frobenius(A);
      }),
    };
  }
  const f = svd(A);
  const S = new Matrix(f.s.length, f.s.length);
  f.s.forEach((x, i) => (S.data[i * f.s.length + i] = x));
  const quiet = console.warn; // ml-matrix warns about wide SVDs
  console.warn = () => {};
  const mlSvd = attempt(() => {
    const d = new MlSVD(ml, { autoTranspose: true });
    return mlGap(d.leftSingularVectors
      .mmul(MlMatrix.diag(d.diagonal))
      .mmul(d.rightSingularVectors.transpose()), A);
  });
  console.warn = quiet;
  return {
    ourSweeps: f.sweeps,
    ourError: frobenius(sub(matmul(matmul(f.U, S), transpose(f.V)), A)) /
      frobenius(A),
    ml: mlSvd,
  };
}

const ROUTINE_NAME = {
  svd: 'SVD', qr: 'QR', eigen: 'symmetric eigen',
} as const;

export function hardCaseTable(): HardCaseRow[] {
  return hardCases().map((c) => {
    const r = runHardCase(c);
    const sweepsText = r.ourSweeps === null ? ''
      : `${r.ourSweeps} sweep${r.ourSweeps === 1 ? '' : 's'}, `;
    return {
      name: c.name,
      source: c.source,
      report: c.report,
      routine: ROUTINE_NAME[c.routine],
      ...r,
      oursText: `${sweepsText}${sci(r.ourError, 1)}`,
      mlText: typeof r.ml === 'number' ? sci(r.ml, 1) : r.ml,
    };
  });
}

/** ml-matrix's Cholesky on the chapter's indefinite matrix. */
export function mlCholesky(rows: number[][]) {
  const c = new CholeskyDecomposition(new MlMatrix(rows));
  const L = c.lowerTriangularMatrix;
  return {
    flag: c.isPositiveDefinite(),
    L: L.to2DArray(),
    gap: L.mmul(L.transpose()).sub(new MlMatrix(rows)).abs().max(),
  };
}

// ---------------------------------------------------------------------
// Agreement with NumPy and SciPy, measured on the committed fixture.

export interface Agreement {
  readonly what: string;
  readonly library: string;
  /** The largest difference, relative to the scale named in `of`. */
  readonly worst: number;
  readonly of: string;
}

/** The largest of xs, by a loop (no spread into a call). */
function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) m = Math.max(m, x);
  return m;
}

const rowsOf = (a: number[][]) => new Matrix(
  a.length, a[0].length, Float64Array.from(a.flat()),
);
const maxAbs = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
};
const flipToMatch = (A: Matrix, B: Matrix) => {
  const C = new Matrix(A.rows, A.cols, A.data.slice());
  for (let j = 0; j < A.cols; j++) {
    let dotAB = 0;
    for (let i = 0; i < A.rows; i++) {
      dotAB += A.data[i * A.cols + j] * B.data[i * A.cols + j];
    }
    if (dotAB < 0) {
      for (let i = 0; i < A.rows; i++) C.data[i * A.cols + j] *= -1;
    }
  }
  return C;
};

export function referenceAgreement(): Agreement[] {
  const out: Agreement[] = [];
  const worst = maxOf;
  {
    const A = rowsOf(ref.cholesky.A);
    const L = rowsOf(ref.cholesky.L);
    out.push({
      what: 'Cholesky factor L',
      library: 'scipy.linalg.cholesky',
      worst: maxAbs(cholesky(A).data, L.data) / frobenius(L),
      of: '‖L‖ (Frobenius)',
    });
  }
  out.push({
    what: 'Householder R (signs included)',
    library: 'numpy.linalg.qr',
    worst: worst(ref.qr.map((e: { A: number[][]; R: number[][] }) => {
      const A = rowsOf(e.A);
      return maxAbs(householderQR(A).R.data, rowsOf(e.R).data) /
        frobenius(A);
    })),
    of: '‖A‖ (Frobenius)',
  });
  out.push({
    what: 'least-squares w',
    library: 'numpy.linalg.lstsq',
    worst: worst(ref.lstsq.map(
      (e: { X: number[][]; y: number[]; w: number[] }) => {
        const { w } = qrLeastSquares(rowsOf(e.X), Float64Array.from(e.y));
        return maxAbs(w, e.w) / maxOf(e.w.map(Math.abs));
      },
    )),
    of: 'max |wᵢ|',
  });
  out.push({
    what: 'eigenvalues',
    library: 'numpy.linalg.eigh',
    worst: worst(ref.eigh.map((e: { A: number[][]; values: number[] }) => {
      const { values } = symmetricEigen(rowsOf(e.A));
      return maxAbs(values, e.values) / maxOf(e.values.map(Math.abs));
    })),
    of: 'max |λᵢ|',
  });
  out.push({
    what: 'eigenvectors (up to sign)',
    library: 'numpy.linalg.eigh',
    worst: worst([ref.eigh[0], ref.eigh[2]].map(
      (e: { A: number[][]; vectors: number[][] }) => {
        const V = rowsOf(e.vectors);
        const ours = flipToMatch(symmetricEigen(rowsOf(e.A)).vectors, V);
        return maxAbs(ours.data, V.data);
      },
    )),
    of: '1 (unit vectors)',
  });
  out.push({
    what: 'singular values',
    library: 'numpy.linalg.svd',
    worst: worst(ref.svd.map((e: { A: number[][]; s: number[] }) => {
      const { s } = svd(rowsOf(e.A));
      return maxAbs(s, e.s) / e.s[0];
    })),
    of: 's₁',
  });
  out.push({
    what: 'pseudo-inverse',
    library: 'numpy.linalg.pinv',
    worst: worst(ref.pinv.map((e: { A: number[][]; pinv: number[][] }) => {
      const P = rowsOf(e.pinv);
      return maxAbs(pseudoInverse(rowsOf(e.A)).data, P.data) /
        frobenius(P);
    })),
    of: '‖A⁺‖ (Frobenius)',
  });
  return out;
}

/** The library versions the fixture was made with. */
export const REFERENCE_VERSIONS = ref.versions;

// ---------------------------------------------------------------------
// What the chapter shows.

export default cached('decompositions', () => {
  const ell = ellipseExample();
  const cond = conditioning();
  const at12 = cond.last;
  const lastRow = cond.rows[cond.rows.length - 1];
  const sw = sweeps();
  const img = imageResults();
  const agree = referenceAgreement();
  const mlc = mlCholesky(INDEFINITE);
  const h = sw.eig.offNorms;
  const lg = (i: number) => Math.log10(h[sw.eig.sweeps + i]);
  const errAt = (k: number) => img.errors[k].tail;
  const lstsqConds = ref.lstsq.map((e: { cond: number }) => e.cond);
  const worstAgree = maxOf(agree.map((a) => a.worst));
  const nearSingular = svd(hardCases()[3].A).s;
  const disk = smallestRank(syntheticImage(IMAGE_SIZE));
  const square = smallestRank(squareImage(IMAGE_SIZE));
  const mlBad = mlc.L.flat().find((x: number) => !Number.isFinite(x));
  return {
    ellipseFigure: ellipseFigure(),
    sweepsFigure: sweepsFigure(),
    conditioningFigure: conditioningFigure(),
    rankImagesFigure: rankImagesFigure(),
    rankErrorFigure: rankErrorFigure(),
    ellipseRows: ELLIPSE_A.map((r) => r.join(', ')),
    ellS: Array.from(ell.s),
    indefiniteRows: `(${INDEFINITE.map((r) => r.join(', ')).join('), (')})`,
    choleskyMessage: choleskyFailure().message,
    sweepN: SWEEP_N,
    sweepM: 2 * SWEEP_N,
    eigSweeps: sw.eig.sweeps,
    svSweeps: sw.sv.sweeps,
    ...qrOnSweepMatrix(),
    tail: [h[sw.eig.sweeps - 5], h[sw.eig.sweeps - 4], h[sw.eig.sweeps - 3]],
    digitGrowth: (lg(-4) / lg(-5) + lg(-3) / lg(-4)) / 2,
    studyM: STUDY_M,
    studyMaxN: STUDY_MAX_N,
    at12: { n: at12.n, kappa: at12.kappa, qrError: at12.qrError,
      normalError: at12.normalError as number },
    refusedN: cond.refusedN as number,
    lastQrDigits: Math.round(-Math.log10(lastRow.qrError)),
    qrRatio: cond.qrRatio,
    imageSize: IMAGE_SIZE,
    imagePixels: IMAGE_SIZE * IMAGE_SIZE,
    ranksShown: [...RANKS_SHOWN],
    errRank1: errAt(1),
    errRank3: errAt(RANKS_SHOWN[3]),
    errRank4: errAt(RANKS_SHOWN[4]),
    storedRank4: RANKS_SHOWN[4] * (2 * IMAGE_SIZE + 1),
    worstGap: img.worstGap,
    versions: { numpy: ref.versions.numpy, scipy: ref.versions.scipy },
    agree,
    worstAgreeInEps: worstAgree / Number.EPSILON,
    lstsqCond: maxOf(lstsqConds),
    hard: hardCaseTable(),
    nearSingular: Array.from(nearSingular),
    mlcFlag: String(mlc.flag),
    mlcBad: String(mlBad),
    compression: { disk, square },
    logDet200: logDet(cholesky(scale(identity(200), 0.01))),
    wrongSign: {
      wrong: reflectionError(Float64Array.of(1, 1e-9), 1),
      right: reflectionError(Float64Array.of(1, 1e-9), -1),
    },
  };
});
