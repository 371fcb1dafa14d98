// Build-time computation of the softmax-regression chapter: its figures
// and every number its prose shows, computed by the chapter's code and
// cached (see src/lib/cache.ts). Colour is always paired with a marker
// shape, a dash pattern or printed numbers, so print and colour-blind
// readers lose nothing. Each study runs once: the prose and the figures
// share results.
import { cached } from '../lib/cache.ts';
import { fixed, sci } from '../lib/format.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import sk from '../../tests/fixtures/softmax-regression/sklearn.json' with {
  type: 'json',
};
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  LAMBDA,
  SPECIES,
  digitsStudy,
  irisStudy,
  overflowStudy,
  redundancyStudy,
  twoClassStudy,
} from '../../code/softmax-regression/experiments.ts';
import {
  predictProba,
  softmaxLoss,
} from '../../code/softmax-regression/model.ts';
import type { SoftmaxFit } from '../../code/softmax-regression/fit.ts';
import {
  fitOneVsRest,
  oneVsRestProba,
} from '../../code/softmax-regression/solutions/one-vs-rest.ts';

const petals = once(() => irisStudy([2, 3]));
const irisAll = once(() => irisStudy());
const digits = once(digitsStudy);

const SPECIES_STYLE = [
  { color: PALETTE[0], symbol: 'circle', dash: 'none' },
  { color: PALETTE[1], symbol: 'square', dash: '7,3' },
  { color: PALETTE[2], symbol: 'triangle', dash: '1.5,3' },
] as const;

// ---------------------------------------------------------------------
// Class probabilities along a line through the petal plane.

/** p_k along the segment from the setosa mean to the virginica mean. */
function probabilityPath() {
  const { X, y, fit } = petals();
  const mean = (k: number) => [0, 1].map((j) => {
    const rows = [...y.keys()].filter((i) => y[i] === k);
    return rows.reduce((s, i) => s + X.get(i, j), 0) / rows.length;
  });
  const [a, b] = [mean(0), mean(2)];
  const ts = Array.from({ length: 121 }, (_, s) => -0.25 + s * 0.0125);
  const pts = new Matrix(ts.length, 2, Float64Array.from(ts.flatMap(
    (t) => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])])));
  const P = predictProba(pts, fit.Theta);
  return { ts, P, a, b };
}

function probabilityFigure(): string {
  const { ts, P } = probabilityPath();
  const rows = ts.flatMap((t, s) => SPECIES.map((name, k) =>
    ({ t, p: P.get(s, k), name, k })));
  return renderPlot({
    height: 260,
    marginRight: 70,
    marginBottom: 42,
    x: { label: 't (0 = setosa mean, 1 = virginica mean)', grid: true,
      labelAnchor: 'center', labelOffset: 36 },
    y: { label: 'P(species | petals)', domain: [0, 1], grid: true },
    marks: [
      ...SPECIES.map((_, k) => Plot.line(rows.filter((r) => r.k === k),
        { x: 't', y: 'p', stroke: SPECIES_STYLE[k].color, strokeWidth: 2.2,
          strokeDasharray: SPECIES_STYLE[k].dash,
          strokeLinecap: 'butt' })), // round caps would close the gaps
      Plot.text(SPECIES.map((name, k) => {
        const s = [24, P.rows >> 1, P.rows - 1][k]; // t = 0.05, 0.5, 1.25
        return { t: ts[s], p: P.get(s, k), name };
      }), { x: 't', y: 'p', text: 'name', dx: 6, dy: -8,
        textAnchor: 'start', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Decision regions on the petals.

type Pt = [number, number];

/** Keeps the part of `poly` where a + b·x + c·y ≥ 0 (one clip step). */
function clip(poly: Pt[], a: number, b: number, c: number): Pt[] {
  const out: Pt[] = [];
  const side = (p: Pt) => a + b * p[0] + c * p[1];
  poly.forEach((p, i) => {
    const q = poly[(i + 1) % poly.length];
    const [sp, sq] = [side(p), side(q)];
    if (sp >= 0) out.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

const REGION_BOX = { x: [0.5, 7.5], y: [-0.2, 2.8] } as const;

/** Class k's region {x : z_k(x) ≥ z_m(x) for all m}, inside the box. */
function regions() {
  const { fit } = petals();
  const T = fit.Theta; // rows: b, w_length, w_width
  const { x, y } = REGION_BOX;
  return SPECIES.map((_, k) => {
    let poly: Pt[] = [[x[0], y[0]], [x[1], y[0]], [x[1], y[1]],
      [x[0], y[1]]];
    for (let m = 0; m < 3; m++) {
      if (m === k) continue; // z_k − z_m ≥ 0 is linear in (x, y)
      poly = clip(poly, T.get(0, k) - T.get(0, m),
        T.get(1, k) - T.get(1, m), T.get(2, k) - T.get(2, m));
    }
    return poly;
  });
}

function regionFigure(): string {
  const { X, y, yHat } = petals();
  const polys = regions().flatMap((poly, k) => // closed: back to start
    [...poly, poly[0]].map(([px, py]) => ({ px, py, k })));
  const pts = [...y.keys()].map((i) => ({ l: X.get(i, 0), w: X.get(i, 1),
    name: SPECIES[y[i]], wrong: yHat[i] !== y[i] }));
  return renderPlot({
    height: 370,
    marginBottom: 44,
    x: { label: 'petal length (cm)', domain: REGION_BOX.x,
      labelAnchor: 'center', labelArrow: 'none', labelOffset: 36 },
    y: { label: 'petal width (cm)', domain: REGION_BOX.y },
    color: { domain: SPECIES, range: SPECIES_STYLE.map((s) => s.color) },
    symbol: { domain: SPECIES, range: SPECIES_STYLE.map((s) => s.symbol) },
    marks: [
      ...SPECIES.map((_, k) => Plot.line(polys.filter((p) => p.k === k),
        { x: 'px', y: 'py', fill: SPECIES_STYLE[k].color, fillOpacity: 0.14,
          stroke: 'currentColor', strokeOpacity: 0.5 })),
      Plot.dot(pts.filter((p) => p.wrong), { x: 'l', y: 'w', r: 8,
        stroke: 'currentColor', strokeWidth: 1.2 }),
      Plot.dot(pts, { x: 'l', y: 'w', symbol: 'name', stroke: 'name',
        r: 3.5, strokeWidth: 1.4 }),
      // direct labels with the symbol, which carries the species in print
      label(1.45, 0.85, '○ setosa', { anchor: 'middle' }),
      label(3.9, 0.7, '□ versicolor', { anchor: 'middle' }),
      label(6.3, 2.65, '△ virginica', { anchor: 'middle' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The confusion matrix on the held-out digits.

function confusionFigure(): string {
  const { confusion } = digits();
  const cells = [...Array(100).keys()].map((t) => {
    const [k, c] = [Math.floor(t / 10), t % 10];
    return { truth: String(k), guess: String(c), n: confusion.get(k, c),
      hit: k === c };
  });
  const domain = [...Array(10).keys()].map(String);
  return renderPlot({
    width: 420,
    height: 420,
    marginLeft: 50,
    marginTop: 52,
    x: { label: 'predicted digit', domain, axis: 'top',
      labelAnchor: 'center', labelArrow: 'none', labelOffset: 40 },
    y: { label: 'true digit', domain },
    marks: [
      Plot.cell(cells.filter((c) => c.n > 0), { x: 'guess', y: 'truth',
        fill: (c) => (c.hit ? PALETTE[0] : PALETTE[4]),
        fillOpacity: (c) => (c.hit ? 0.25 : 0.25 + 0.25 * c.n),
        inset: 0.5 }),
      ...[true, false].map((hit) => Plot.text(
        cells.filter((c) => c.n > 0 && c.hit === hit),
        { x: 'guess', y: 'truth', text: (c) => String(c.n),
          fill: 'currentColor', fontWeight: hit ? 'normal' : 'bold' })),
    ],
  });
}

// ---------------------------------------------------------------------
// The weights of each class as an 8 x 8 image.

/** The 95th percentile of |weight|: the ends of the colour scale. */
function weightScale(): number {
  const sorted = digits().fit.W.data.map(Math.abs).sort();
  return sorted[Math.floor(0.95 * (sorted.length - 1))];
}

function weightsFigure(): string {
  const W = digits().fit.W; // 64 x 10
  const big = weightScale(); // larger weights get the extreme colours
  const cells = [];
  for (let k = 0; k < 10; k++) {
    for (let p = 0; p < 64; p++) {
      cells.push({ digit: k, row: Math.floor(p / 8), col: p % 8,
        w: W.get(p, k), fx: k % 5, fy: Math.floor(k / 5) });
    }
  }
  const axis = { axis: null, domain: [...Array(8).keys()] };
  return renderPlot({
    width: 640,
    height: 290,
    marginTop: 18,
    marginBottom: 8,
    x: axis,
    y: axis,
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.18 },
    color: { type: 'diverging', scheme: 'PuOr', domain: [-big, big],
      clamp: true },
    marks: [
      Plot.cell(cells, { x: 'col', y: 'row', fx: 'fx', fy: 'fy',
        fill: 'w' }),
      // negative weights also get a dot: the sign survives grey print
      Plot.dot(cells.filter((c) => c.w < -big / 3), { x: 'col', y: 'row',
        fx: 'fx', fy: 'fy', r: 1.8, fill: 'white', stroke: 'black',
        strokeWidth: 0.6 }),
      Plot.text(cells.filter((c) => c.row === 0 && c.col === 0), {
        fx: 'fx', fy: 'fy', frameAnchor: 'top', dy: -14,
        text: (c) => `digit ${c.digit}`, fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Agreement with scikit-learn, for the table.

/** The library's (intercept, coef) as our Θ, row by row. */
function theirs(ref: { intercept: number[]; coef: number[][] }) {
  const K = ref.intercept.length;
  const t = new Float64Array((ref.coef[0].length + 1) * K);
  ref.intercept.forEach((b, k) => { t[k] = b; });
  ref.coef.forEach((w, k) => w.forEach((v, j) => {
    t[(j + 1) * K + k] = v;
  }));
  return t;
}

function maxAbs(xs: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, Math.abs(xs[i]));
  return m;
}

function libraryRows() {
  const pet = petals();
  const all = irisAll();
  const dg = digits();
  const cases = [
    { name: 'iris, all', fit: all.fit, ref: sk.iris, X: all.X, y: all.y },
    { name: 'iris, petals', fit: pet.fit, ref: sk.iris_petals, X: pet.X,
      y: pet.y },
    { name: 'digits, train', fit: dg.fit, ref: sk.digits, X: dg.train.X,
      y: dg.train.y },
  ];
  let worstGap = 0;
  let largest = 0;
  const rows = cases.map((c) => {
    const t = theirs(c.ref);
    const gap = maxAbs((c.fit as SoftmaxFit).Theta.data.map((v, i) =>
      v - t[i]));
    worstGap = Math.max(worstGap, gap);
    largest = Math.max(largest, maxAbs(t));
    const loss = softmaxLoss(c.X, c.y, c.fit.Theta, LAMBDA);
    return [`${c.name} (${c.ref.n})`, sci(gap, 2), fixed(loss, 6),
      sci(c.ref.loss - loss, 2), sci(c.ref.grad_norm, 2)];
  });
  let same = 0;
  dg.yHat.forEach((c, i) => {
    same += Number(c === sk.digits.test_predictions[i]);
  });
  return { rows, worstGap, largest, samePredictions: same,
    skTestAccuracy: sk.digits.test_accuracy,
    interceptSum: Math.abs(sk.digits.intercept_sum),
    versions: sk.versions };
}

/** Exercise 4: ten logistic models on the same split as softmax. */
function oneVsRestStudy() {
  const dg = digits();
  const thetas = fitOneVsRest(dg.train.X, dg.train.y, 10, LAMBDA);
  const P = oneVsRestProba(dg.test.X, thetas);
  const n = P.rows;
  let hits = 0;
  let onlyOvr = 0; // right by one-vs-rest, wrong by softmax
  let onlySoftmax = 0;
  let minSum = Infinity;
  let maxSum = -Infinity;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let sum = 0;
    for (let k = 0; k < 10; k++) {
      sum += P.get(i, k);
      if (P.get(i, k) > P.get(i, best)) best = k;
    }
    [minSum, maxSum] = [Math.min(minSum, sum), Math.max(maxSum, sum)];
    const ovr = best === dg.test.y[i];
    const soft = dg.yHat[i] === dg.test.y[i];
    hits += Number(ovr);
    onlyOvr += Number(ovr && !soft);
    onlySoftmax += Number(soft && !ovr);
  }
  // paired: the difference of accuracies has variance from the
  // discordant images only, ((b + c) − (b − c)²/n) / n²
  const diff = (onlySoftmax - onlyOvr) / n;
  const se = Math.sqrt(onlyOvr + onlySoftmax - n * diff * diff) / n;
  return { accuracy: hits / n, onlyOvr, onlySoftmax, diff, se,
    minSum, maxSum };
}

export default cached('softmax-regression', () => {
  const pet = petals();
  const all = irisAll();
  const dg = digits();
  const path = probabilityPath();
  const red = redundancyStudy();
  const nTest = dg.test.X.rows;
  const acc = dg.testAccuracy;
  return {
    lambda_: LAMBDA,
    iris: { n: pet.X.rows, steps: pet.fit.run.iterations,
      accuracy: pet.accuracy, allAccuracy: all.accuracy,
      wrong: Math.round((1 - pet.accuracy) * pet.X.rows),
      q: pet.fit.Theta.rows },
    path: { a: path.a, b: path.b },
    overflow: (({ factor, maxScore, naive, stable }) => ({ factor,
      maxScore, naive: String(naive), stable }))(overflowStudy()),
    redundancy: { zeros: red.zeros, smallestCentred: red.centred[0] },
    twoClass: (({ referenceDiff, centredDiff, penalizedDiff }) =>
      ({ referenceDiff, centredDiff, penalizedDiff }))(twoClassStudy()),
    digits: { nTrain: dg.train.X.rows, nTest,
      hessianEntries: (dg.fit.Theta.rows * dg.fit.Theta.cols) ** 2,
      steps: dg.fit.run.iterations,
      gradNorms: dg.fit.run.history.map((h) => sci(h.gradNorm, 2))
        .join(', '),
      trainAccuracy: dg.trainAccuracy, testAccuracy: acc,
      testSe: Math.sqrt(acc * (1 - acc) / nTest),
      errors: nTest - Math.round(acc * nTest),
      worst: dg.worst.count,
      commonest: dg.commonest.map((c) => `${c.k} as ${c.c}`).join(', '),
      nCommonest: dg.commonest.length,
      diagonal: (() => {
        let lo = Infinity;
        let hi = -Infinity;
        for (let k = 0; k < 10; k++) {
          lo = Math.min(lo, dg.confusion.get(k, k));
          hi = Math.max(hi, dg.confusion.get(k, k));
        }
        return { lo, hi };
      })(),
      weightScale: weightScale(),
      maxWeight: dg.fit.W.data.reduce((m, v) => Math.max(m, v), -Infinity),
      minWeight: dg.fit.W.data.reduce((m, v) => Math.min(m, v), Infinity) },
    library: libraryRows(),
    oneVsRest: oneVsRestStudy(),
    probabilityFigure: probabilityFigure(),
    regionFigure: regionFigure(),
    confusionFigure: confusionFigure(),
    weightsFigure: weightsFigure(),
  };
}, { reason: 'three Newton fits of the softmax model (one on 1348 ' +
  'digits, 650 parameters) and the ten one-vs-rest logistic fits of ' +
  'Exercise 4: about 14 s alone, more on a loaded machine' });
