// Build-time computation of "hierarchical-clustering": its figures and
// every number its prose shows, computed by the chapter's code
// (code/hierarchical-clustering) and cached (see src/lib/cache.ts).
// Seeded throughout. Colour is always paired with a symbol, a dash
// pattern or a direct label. The timing study runs the O(n³) loop up to
// n = 800 (a few seconds), once per change of the code.
import { cached } from '../lib/cache.ts';
import { fixed, sci } from '../lib/format.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import refRaw from '../../tests/fixtures/hierarchical-clustering/scipy.json' with {
  type: 'json',
};
import { loadIris } from '../../code/calculus/iris.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { standardize } from '../../code/linear-regression/scaling.ts';
import { blobs, twoMoons } from '../../code/k-means/data.ts';
import {
  BRIDGE_BLOB, bridgedBlobs, MOONS,
} from '../../code/hierarchical-clustering/chaining.ts';
import { dendrogramLinks } from '../../code/hierarchical-clustering/dendrogram.ts';
import { pairwiseDistances } from '../../code/hierarchical-clustering/distances.ts';
import {
  METHODS, type Method,
} from '../../code/hierarchical-clustering/lance-williams.ts';
import { linkage } from '../../code/hierarchical-clustering/linkage.ts';
import { mstSingleLinkage } from '../../code/hierarchical-clustering/mst.ts';
import { naiveLinkage } from '../../code/hierarchical-clustering/naive.ts';
import { nnChainLinkage } from '../../code/hierarchical-clustering/nn-chain.ts';
import {
  cophenetCorrelation, cutIntoK,
} from '../../code/hierarchical-clustering/tree.ts';
import { wardVsKMeans } from '../../code/hierarchical-clustering/ward.ts';

const ref = refRaw as any;
const STYLE = { background: 'transparent', fontSize: '15px' };
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond'];
const f64 = (xs: number[]) => Float64Array.from(xs);
const BLOBS = () => new Matrix(ref.blobs.n, 2, f64(ref.blobs.X));

// ---------------------------------------------------------------------
// The blobs: Ward's dendrogram, cut into three, and the clusters.

const wardBlobs = once(() => {
  const Z = linkage(BLOBS(), 'ward');
  const n = Z.rows + 1;
  const cut = 0.5 * (Z.get(n - 4, 2) + Z.get(n - 3, 2)); // 3 clusters
  return { Z, n, cut, T: cutIntoK(Z, 3),
    top: [Z.get(n - 4, 2), Z.get(n - 3, 2), Z.get(n - 2, 2)] };
});

/** A dendrogram as ⊓ links (scipy's layout), with an optional cut. */
function dendrogramFigure(Z: Matrix, o: { cut?: number; height?: number;
  width?: number; leafLabels?: boolean; yLabel?: string;
  marginTop?: number }) {
  const links = dendrogramLinks(Z).flatMap((l, k) =>
    [0, 1, 2, 3].map((t) => ({ position: l.x[t], height: l.y[t],
      merge: k })));
  const n = Z.rows + 1;
  const marks: Plot.Markish[] = [
    Plot.line(links, { x: 'position', y: 'height', z: 'merge',
      stroke: 'currentColor', strokeWidth: 1.2 }),
    Plot.ruleY([0], { strokeOpacity: 0.3 }),
  ];
  if (o.cut !== undefined) {
    marks.push(Plot.ruleY([o.cut], { stroke: PALETTE[4], strokeWidth: 2,
      strokeDasharray: '6 4' }));
    marks.push(Plot.text([{ x: 10 * n, y: o.cut }], { x: 'x', y: 'y',
      text: () => 'cut', dy: -10, textAnchor: 'end',
      fill: 'currentColor' }));
  }
  return renderPlot({
    width: o.width ?? 640,
    height: o.height ?? 300,
    style: STYLE,
    marginLeft: 50,
    marginTop: o.marginTop ?? 20,
    marginBottom: o.leafLabels ? 40 : 20,
    x: { label: null, ticks: [], domain: [0, 10 * n] },
    y: { label: o.yLabel ?? 'merge height', labelArrow: 'none',
      ticks: 5, grid: true },
    marks,
  });
}

function clustersFigure(X: Matrix, T: Int32Array, panels?: {
  name: string; T: Int32Array }[], panelHeight = 200) {
  const sets = panels ?? [{ name: '', T }];
  const k = Math.max(...sets.flatMap((s) => [...new Set(s.T)]));
  const names = Array.from({ length: k }, (_, m) => `cluster ${m + 1}`);
  const pts = sets.flatMap((s) => Array.from({ length: X.rows }, (_, i) =>
    ({ x1: X.get(i, 0), x2: X.get(i, 1), panel: s.name,
      cluster: names[s.T[i] - 1] })));
  // two panels are stacked (fy), so that both fit a phone's column with
  // text at 11 px or more (480 units wide at 15 px: 352 px)
  return renderPlot({
    width: panels ? 480 : 560,
    height: panels ? 2 * panelHeight + 70 : 380,
    style: STYLE,
    marginLeft: 45,
    marginRight: panels ? 62 : 20,
    marginBottom: 40,
    inset: 6, // no point cut in half by the frame
    x: { label: 'x₁', labelAnchor: 'center', labelArrow: 'none',
      ticks: 5 },
    y: { label: 'x₂', labelArrow: 'none', ticks: 4 },
    ...(panels ? { fy: { label: null, domain: panels.map((p) => p.name),
      axis: 'right' } } : {}),
    color: { domain: names, range: PALETTE.slice(0, k) },
    symbol: { domain: names, range: SYMBOLS.slice(0, k) },
    marks: [
      Plot.frame({ strokeOpacity: 0.4 }),
      Plot.dot(pts, { x: 'x1', y: 'x2', stroke: 'cluster',
        symbol: 'cluster', r: 3, strokeWidth: 1.4,
        ...(panels ? { fy: 'panel' } : {}) }),
    ],
  });
}

// ---------------------------------------------------------------------
// Chaining: the two moons and two blobs joined by a bridge.

/** The share of points whose flat cluster (1 or 2) is their class
 *  (0 or 1), under the better of the two matchings. */
function agreement2(T: Int32Array, y: Int32Array): number {
  let a = 0;
  for (let i = 0; i < y.length; i++) a += +(T[i] - 1 === y[i]);
  return Math.max(a, y.length - a) / y.length;
}

const moons = once(() => {
  const { X, y } = twoMoons(MOONS.n, MOONS.noise, createRng(MOONS.seed));
  const single = cutIntoK(linkage(X, 'single'), 2);
  const ward = cutIntoK(linkage(X, 'ward'), 2);
  return { X, single, ward, singleAgree: agreement2(single, y),
    wardAgree: agreement2(ward, y), n: X.rows };
});

const BRIDGE_LINE = 11;
const bridge = once(() => {
  const X = bridgedBlobs(BRIDGE_LINE, createRng(11));
  const single = cutIntoK(linkage(X, 'single'), 2);
  const ward = cutIntoK(linkage(X, 'ward'), 2);
  let big = 0;
  for (const v of single) big += +(v === 1);
  const biggest = Math.max(big, X.rows - big);
  // the small cluster: blob points or points of the line?
  const small = +(big === biggest) + 1;
  let fromLine = 0;
  for (let i = 0; i < X.rows; i++) {
    fromLine += +(single[i] === small && i >= 2 * BRIDGE_BLOB);
  }
  return { X, single, ward, biggest, n: X.rows, line: BRIDGE_LINE,
    restFromLine: fromLine };
});

// ---------------------------------------------------------------------
// Timing: the naive O(n³) loop against the NN-chain and the MST.

function bestTime(run: () => unknown, reps: number): number {
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
}

const timing = once(() => {
  const sizes = [100, 200, 400, 800, 1600, 3200];
  const data = (n: number) => pairwiseDistances(blobs([[0, 0], [5, 0],
    [0, 5], [5, 5]], Array(4).fill(n / 4), Array(4).fill(1),
    createRng(n)).X);
  // warm-up: every algorithm compiled before its first timed run
  const W = data(400);
  bestTime(() => naiveLinkage(W, 'ward'), 1);
  bestTime(() => nnChainLinkage(W, 'ward'), 3);
  bestTime(() => mstSingleLinkage(W), 3);
  const rows = sizes.map((n) => {
    const D = data(n);
    const reps = n <= 400 ? 5 : 2; // the fastest of reps runs
    return {
      n,
      naive: n > 800 ? null : bestTime(() => naiveLinkage(D, 'ward'),
        reps),
      chain: bestTime(() => nnChainLinkage(D, 'ward'), reps),
      mst: bestTime(() => mstSingleLinkage(D), reps),
    };
  });
  return rows;
});

function timingFigure(): string {
  const rows = timing();
  const series = [
    { key: 'naive' as const, name: 'naive loop, Ward (n³)' },
    { key: 'chain' as const, name: 'NN-chain, Ward (n²)' },
    { key: 'mst' as const, name: 'MST, single (n²)' },
  ];
  const pts = series.flatMap((s) => rows.filter((r) => r[s.key] !== null)
    .map((r) => ({ n: r.n, seconds: r[s.key] as number,
      algorithm: s.name })));
  const last = rows[rows.length - 1];
  const lastNaive = rows.filter((r) => r.naive !== null).pop()!;
  return renderPlot({
    width: 640,
    height: 360,
    style: STYLE,
    marginLeft: 72,
    marginRight: 24,
    marginTop: 30,
    marginBottom: 50,
    x: { type: 'log', label: 'points n', labelArrow: 'none',
      labelAnchor: 'center',
      ticks: [100, 200, 400, 800, 1600, 3200], tickFormat: (v: number) =>
        String(v) },
    y: { type: 'log', label: 'seconds', labelArrow: 'none', grid: true,
      tickFormat: (v: number) => String(v) },
    color: { domain: series.map((s) => s.name),
      range: PALETTE.slice(0, 3) },
    symbol: { domain: series.map((s) => s.name),
      range: SYMBOLS.slice(0, 3) },
    marks: [
      Plot.line(pts, { x: 'n', y: 'seconds', stroke: 'algorithm',
        strokeWidth: 2 }),
      Plot.dot(pts, { x: 'n', y: 'seconds', stroke: 'algorithm',
        symbol: 'algorithm', r: 4, strokeWidth: 1.5 }),
      Plot.text([
        { n: lastNaive.n, seconds: lastNaive.naive, t: 'naive loop (Ward)' },
        // at the last point: the top right is free of the other lines
        { n: last.n, seconds: last.chain, t: 'NN-chain (Ward)' },
      ], { x: 'n', y: 'seconds', text: 't', dx: -10, dy: -14,
        textAnchor: 'end', fill: 'currentColor' }),
      Plot.text([{ n: last.n, seconds: last.mst, t: 'MST (single)' }],
        { x: 'n', y: 'seconds', text: 't', dx: -6, dy: 20,
          textAnchor: 'end', fill: 'currentColor' }),
    ],
  });
}

/** The least-squares slope of log t against log n: the growth exponent
 *  that uses every measured size, not two of them. */
function slope(pts: { n: number; t: number | null }[]): number {
  const p = pts.filter((q) => q.t !== null) as { n: number; t: number }[];
  const u = p.map((q) => Math.log(q.n));
  const v = p.map((q) => Math.log(q.t));
  const mu = u.reduce((a, b) => a + b, 0) / u.length;
  const mv = v.reduce((a, b) => a + b, 0) / v.length;
  let suv = 0;
  let suu = 0;
  for (let i = 0; i < u.length; i++) {
    suv += (u[i] - mu) * (v[i] - mv);
    suu += (u[i] - mu) ** 2;
  }
  return suv / suu;
}

/** Bytes held by one n × n distance matrix, measured. */
function memory() {
  const n = 2000;
  const X = blobs([[0, 0]], [n], [1], createRng(2)).X;
  const before = process.memoryUsage().arrayBuffers;
  const D = pairwiseDistances(X);
  const after = process.memoryUsage().arrayBuffers;
  return { n, bytes: after - before, expected: 8 * n * n,
    check: D.rows };
}

// ---------------------------------------------------------------------
// SciPy agreement, per method, on both data sets.

function agreement() {
  return (['blobs', 'iris'] as const).flatMap((set) => {
    const s = ref[set];
    const X = new Matrix(s.n, s.d, f64(s.X));
    const D = pairwiseDistances(X);
    return METHODS.map((m: Method) => {
      const Z = linkage(X, m);
      const r = s.methods[m];
      let rel = 0;
      let rows = 0;
      for (let k = 0; k < Z.rows; k++) {
        const h = r.Z[4 * k + 2];
        const diff = Math.abs(Z.get(k, 2) - h);
        rel = Math.max(rel, diff === 0 ? 0 : diff / h);
        rows += +(Z.get(k, 0) !== r.Z[4 * k] || Z.get(k, 1) !==
          r.Z[4 * k + 1]);
      }
      const c = cophenetCorrelation(Z, D);
      return { set, method: m, rel, rows, cophenet: c,
        cophenetDiff: Math.abs(c - r.cophenet) };
    });
  });
}

function irisStudy() {
  const { X } = loadIris();
  const Zs = standardize(X).Z;
  const r = wardVsKMeans(Zs, 3, 10, 1);
  return { ward: r.ward, kmeans: r.kmeans, n: X.rows };
}

function inversionFigure(): string {
  const T = new Matrix(3, 2, f64(ref.triangle.X));
  return dendrogramFigure(linkage(T, 'centroid'), { width: 640,
    height: 250, yLabel: 'height', marginTop: 30 });
}

export default cached('hierarchical-clustering', () => {
  const w = wardBlobs();
  const m = moons();
  const b = bridge();
  const agree = agreement();
  const t = timing();
  return {
    blobsDendrogram: dendrogramFigure(w.Z, { cut: w.cut }),
    blobsClusters: clustersFigure(BLOBS(), w.T),
    moonsFigure: clustersFigure(m.X, m.single, [
      { name: 'single', T: m.single },
      { name: 'Ward', T: m.ward }], 190),
    bridgeFigure: clustersFigure(b.X, b.single, [
      { name: 'single', T: b.single },
      { name: 'Ward', T: b.ward }], 150),
    timingFigure: timingFigure(),
    inversionFigure: inversionFigure(),
    blobsN: w.n,
    cut: w.cut,
    top: w.top,
    moons: { n: m.n, single: m.singleAgree, ward: m.wardAgree },
    bridge: { n: b.n, line: b.line, biggest: b.biggest, blob: BRIDGE_BLOB,
      rest: b.n - b.biggest, restFromLine: b.restFromLine,
      // the caption's words for the small cluster
      restText: b.n - b.biggest === 1 ? 'a single outlying point' :
        `${b.n - b.biggest} outlying points`,
      restWhere: b.restFromLine === 0 ? 'of a blob, not of the line' :
        `${b.restFromLine} of them on the line` },
    agreeRows: agree.map((a) => [a.set, a.method,
      a.rel === 0 ? '0' : sci(a.rel, 1), String(a.rows),
      fixed(a.cophenet, 4), a.cophenetDiff === 0 ? '0' :
        sci(a.cophenetDiff, 1)]),
    worstRel: Math.max(...agree.map((a) => a.rel)),
    worstCophenet: Math.max(...agree.map((a) => a.cophenetDiff)),
    tieRows: agree.filter((a) => a.rows > 0).map((a) =>
      `${a.method} on ${a.set}`),
    timing: t,
    // growth exponents: least-squares slopes on the log-log scale
    naiveExponent: slope(t.map((r) => ({ n: r.n, t: r.naive }))),
    chainExponent: slope(t.map((r) => ({ n: r.n, t: r.chain }))),
    mstExponent: slope(t.map((r) => ({ n: r.n, t: r.mst }))),
    naive800: t[3].naive as number,
    chain800: t[3].chain,
    chain3200: t[5].chain,
    speedup: (t[3].naive as number) / t[3].chain,
    memory: memory(),
    bytes100k: 8 * 1e5 * 1e5,
    iris: irisStudy(),
    triangle: ref.triangle.Z,
    scipy: ref.versions.scipy,
    sklearn: ref.versions.sklearn,
    irisN: ref.iris.n,
  };
});
