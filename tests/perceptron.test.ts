// Tests for the perceptron chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/linear-models/perceptron.mdx.
import { describe, expect, it } from 'vitest';
import { IRIS_SHA256 } from '../code/calculus/iris.ts';
import {
  gradientCheck,
  relativeError,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  Matrix,
  fromRows,
  norm,
} from '../code/linear-algebra/matrix.ts';
import { unstandardize } from '../code/linear-regression/scaling.ts';
import {
  perceptronProblem,
  randomOrderPerceptron,
} from '../code/perceptron/as-sgd.ts';
import {
  OVERLAP_EPOCHS,
  irisPair,
  overlappingIris,
  separableIris,
} from '../code/perceptron/iris.ts';
import {
  countMistakes,
  perceptronLoss,
  perceptronSubgradient,
  predictSigns,
  sampleSubgradient,
  scoreRow,
} from '../code/perceptron/model.ts';
import {
  augmentedRadius,
  margin,
  novikoffBound,
  separableData,
} from '../code/perceptron/novikoff.ts';
import {
  averagedPerceptron,
  perceptron,
  pocketPerceptron,
} from '../code/perceptron/train.ts';
import { bestLineErrors } from '../code/perceptron/best-line.ts';
import {
  kernelPerceptron,
} from '../code/perceptron/solutions/kernel-perceptron.ts';
import {
  lazyAveragedPerceptron,
} from '../code/perceptron/solutions/lazy-average.ts';
import {
  marginPerceptron,
} from '../code/perceptron/solutions/margin-perceptron.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/perceptron.ts';

const sk = fixture('perceptron', 'sklearn.json');
const sepal = sk.sepal_setosa_versicolor;
const petal = sk.petal_versicolor_virginica_averaged;

/** θ = (b, w) of a fit, as one vector. */
const thetaOf = (s: { w: Float64Array; b: number }) =>
  Float64Array.of(s.b, ...s.w);

/** A unit vector u = (b, w) from the fixture, as a fit. */
const fitOf = (u: number[]) => ({ w: Float64Array.from(u.slice(1)),
  b: u[0] });

/** XOR in the plane: no line separates it. */
const xor = () => ({
  X: fromRows([[0, 0], [1, 1], [0, 1], [1, 0]]),
  y: Float64Array.of(-1, -1, 1, 1),
});

const iris = separableIris();
const overlap = overlappingIris();

describe('the loss and its subgradient', () => {
  it('the subgradient matches central differences away from kinks', () => {
    const { X, y } = separableData(40, 3, 0.1, 11);
    const rng = createRng(12);
    const theta = rng.normalArray(4);
    // no example may sit near a kink, or the differences straddle it
    const z = Array.from({ length: 40 }, (_, i) =>
      scoreRow(X, i, { w: theta.subarray(1), b: theta[0] }));
    expect(Math.min(...z.map(Math.abs))).toBeGreaterThan(1e-3);
    const check = gradientCheck(
      (t) => perceptronLoss(X, y, t),
      (t) => perceptronSubgradient(X, y, t),
      theta,
    );
    expect(check.ok).toBe(true);
  });

  it('L is zero at θ = 0 and positively homogeneous', () => {
    const { X, y } = xor();
    const theta = Float64Array.of(0.3, -1, 2);
    expect(perceptronLoss(X, y, new Float64Array(3))).toBe(0);
    const L = perceptronLoss(X, y, theta);
    expect(L).toBeGreaterThan(0);
    // L(cθ) = c L(θ), Eq. (pcp-loss): 1 ulp-level tolerance
    const scaled = perceptronLoss(X, y, theta.map((v) => 7 * v));
    expect(relativeError(scaled, 7 * L)).toBeLessThan(4 * Number.EPSILON);
  });

  it('at θ = 0 the rule takes −y x̃, not the zero subgradient', () => {
    const { X, y } = xor();
    const g = sampleSubgradient(X, y, 2, new Float64Array(3));
    expect(Array.from(g)).toEqual([-1, -0, -1]);
  });

  it('every update of the rule is θ − η times the subgradient', () => {
    const { X, y } = separableData(60, 2, 0.05, 3);
    const eta = 0.25;
    const run = perceptron(X, y, { maxEpochs: 1000, eta });
    let prev = new Float64Array(3);
    for (const m of run.history) {
      const g = sampleSubgradient(X, y, m.i, prev);
      const next = prev.map((v, j) => v - eta * g[j]);
      expect(Array.from(thetaOf(m))).toEqual(Array.from(next));
      prev = thetaOf(m);
    }
    expect(run.history.length).toBe(run.mistakes);
  });

  it('an update raises y_i z_i on its example by η‖x̃_i‖²', () => {
    const { X, y } = separableData(30, 2, 0.05, 4);
    const eta = 0.5;
    const run = perceptron(X, y, { maxEpochs: 1000, eta });
    const m = run.history[3];
    const before = run.history[2];
    const x2 = 1 + X.get(m.i, 0) ** 2 + X.get(m.i, 1) ** 2;
    const gain = y[m.i] * (scoreRow(X, m.i, m) - scoreRow(X, m.i, before));
    // a few roundings of numbers of size ‖θ‖‖x̃‖ <= 10: 1e-13
    expect(Math.abs(gain - eta * x2)).toBeLessThan(1e-13);
  });
});

describe('Novikoff: convergence on separable data', () => {
  it('ends with every training example on its correct side', () => {
    const { X, y } = separableData(200, 3, 0.05, 5);
    const run = perceptron(X, y, { maxEpochs: 1000 });
    expect(run.converged).toBe(true);
    expect(countMistakes(X, y, run)).toBe(0);
    expect(margin(X, y, run)).toBeGreaterThan(0);
    expect(Array.from(predictSigns(X, run))).toEqual(Array.from(y));
  });

  it('separableData has margin at least γ and both classes', () => {
    const d = separableData(300, 2, 0.1, 6);
    expect(margin(d.X, d.y, d.u)).toBeGreaterThanOrEqual(0.1);
    expect(norm(thetaOf(d.u))).toBeCloseTo(1, 14);
    expect(d.y.includes(1) && d.y.includes(-1)).toBe(true);
  });

  it('makes at most (R/γ)² mistakes, for many margins and seeds', () => {
    let worst = 0;
    for (const gamma of [0.02, 0.05, 0.1, 0.2, 0.4]) {
      for (let seed = 0; seed < 8; seed++) {
        const { X, y } = separableData(150, 2, gamma, 100 + seed);
        const run = perceptron(X, y, { maxEpochs: 10_000 });
        const bound = novikoffBound(augmentedRadius(X), gamma);
        worst = Math.max(worst, run.mistakes / bound);
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(worst).toBeGreaterThan(0); // and the runs did make mistakes
  });

  it('the two inequalities of the proof hold after every update', () => {
    const gamma = 0.03;
    const { X, y, u } = separableData(200, 2, gamma, 7);
    const eta = 0.7;
    const R = augmentedRadius(X);
    const run = perceptron(X, y, { maxEpochs: 10_000, eta });
    const uu = thetaOf(u);
    run.history.forEach((m, idx) => {
      const k = idx + 1;
      const t = thetaOf(m);
      const dot = t.reduce((s, v, j) => s + v * uu[j], 0);
      const sq = t.reduce((s, v) => s + v * v, 0);
      // Eq. (pcp-growth-dot) and Eq. (pcp-growth-norm), with room for
      // rounding: 1e-9 relative on sums of at most k <= 5000 terms
      expect(dot).toBeGreaterThanOrEqual(k * eta * gamma * (1 - 1e-9));
      expect(sq).toBeLessThanOrEqual(k * eta * eta * R * R * (1 + 1e-9));
    });
  });

  it('the step size only scales θ: the same mistakes for any η', () => {
    const { X, y } = separableData(100, 2, 0.05, 8);
    const a = perceptron(X, y, { maxEpochs: 1000 });
    const b = perceptron(X, y, { maxEpochs: 1000, eta: 0.125 });
    expect(b.history.map((m) => m.i)).toEqual(a.history.map((m) => m.i));
    // η = 1/8 is a power of two: the scaling is exact
    expect(Array.from(b.w)).toEqual(Array.from(a.w, (v) => v / 8));
    expect(b.b).toBe(a.b / 8);
  });

  it('a mistake-free pass is final: more passes change nothing', () => {
    const { X, y } = separableData(100, 2, 0.05, 9);
    const a = perceptron(X, y, { maxEpochs: 1000 });
    const b = perceptronAfter(X, y, a.epochs + 50);
    expect(Array.from(b.w)).toEqual(Array.from(a.w));
    expect(b.b).toBe(a.b);
  });

  it('random-order SGD also obeys the bound and separates', () => {
    const gamma = 0.05;
    const { X, y } = separableData(100, 2, gamma, 10);
    const bound = novikoffBound(augmentedRadius(X), gamma);
    const run = randomOrderPerceptron(X, y, 20_000, 1);
    expect(run.loss).toBe(0);
    const s = { w: run.theta.subarray(1), b: run.theta[0] };
    expect(countMistakes(X, y, s)).toBe(0);
    expect(run.updates).toBeLessThanOrEqual(bound);
    expect(perceptronProblem(X, y).n).toBe(100);
  });
});

/** max_t ‖θ_t‖∞ over a run of `epochs` passes (θ changes at updates). */
function maxIterate(X: Matrix, y: Float64Array, epochs: number): number {
  let size = 0;
  for (const m of perceptronAfter(X, y, epochs).history) {
    size = Math.max(size, Math.abs(m.b));
    for (const v of m.w) size = Math.max(size, Math.abs(v));
  }
  return size;
}

/** The rule for exactly `epochs` passes (scikit-learn's tol=None). */
function perceptronAfter(X: Matrix, y: Float64Array, epochs: number) {
  return perceptron(X, y, { maxEpochs: epochs, requireConvergence: false });
}

describe('non-separable data', () => {
  it('perceptron refuses to pretend it converged on XOR', () => {
    const { X, y } = xor();
    expect(() => perceptron(X, y, { maxEpochs: 50 })).toThrow(
      /perceptron: still \d+ errors after 50 passes.*not be linearly/,
    );
    const run = perceptronAfter(X, y, 50);
    expect(run.converged).toBe(false);
    expect(run.epochs).toBe(50);
  });

  it('the pocket holds the best iterate the rule visited', () => {
    const { Z, y } = overlap;
    const E = 20;
    const { pocket, trace } = pocketPerceptron(Z, y, { epochs: E });
    const all = perceptronAfter(Z, y, E).history;
    const best = Math.min(...all.map((m) => countMistakes(Z, y, m)));
    expect(pocket.errors).toBe(best);
    expect(countMistakes(Z, y, pocket)).toBe(pocket.errors);
    expect(trace.length).toBe(all.length);
    trace.forEach((t, k) => {
      expect(t.kept).toBeLessThanOrEqual(t.last);
      if (k > 0) expect(t.kept).toBeLessThanOrEqual(trace[k - 1].kept);
    });
  });

  it('on the overlapping iris pair the last iterate cycles', () => {
    const { Z, y } = overlap;
    const run = perceptronAfter(Z, y, 30);
    const endOf = (e: number) => run.history.filter((m) => m.epoch === e)
      .at(-1)!;
    // θ at the end of a pass returns exactly, pass after pass
    expect(thetaOf(endOf(29))).toEqual(thetaOf(endOf(30)));
    expect(thetaOf(endOf(20))).toEqual(thetaOf(endOf(30)));
    expect(countMistakes(Z, y, endOf(30))).toBeGreaterThan(
      overlap.pocket.pocket.errors);
  });

  it('pocket and average beat the last iterate on that pair', () => {
    const last = countMistakes(overlap.Z, overlap.y, overlap.pocket.last);
    const avg = countMistakes(overlap.Z, overlap.y,
      overlap.averaged.averaged);
    expect(overlap.pocket.pocket.errors).toBeLessThan(last);
    expect(avg).toBeLessThan(last);
    expect(overlap.epochs).toBe(OVERLAP_EPOCHS);
  });
});

describe('iris', () => {
  it('loads 50 + 50 rows of the file the fixture used', () => {
    expect(sk.data.sha256).toBe(IRIS_SHA256);
    expect(iris.X.rows).toBe(100);
    expect(iris.X.cols).toBe(2);
    expect(iris.y.filter((v) => v === 1).length).toBe(50);
    expect(iris.features).toEqual(['sepal_length', 'sepal_width']);
  });

  it('setosa and versicolor: separated after a clean pass', () => {
    expect(iris.raw.converged && iris.standardized.converged).toBe(true);
    expect(countMistakes(iris.X, iris.y, iris.raw)).toBe(0);
    expect(countMistakes(iris.Z, iris.y, iris.standardized)).toBe(0);
    // mapped back to centimetres, the standardized fit still separates
    const cm = unstandardize(iris.standardized, iris.mean, iris.scale);
    expect(countMistakes(iris.X, iris.y, cm)).toBe(0);
  });

  it('standardizing cuts the updates more than a hundredfold', () => {
    expect(iris.raw.mistakes).toBeGreaterThan(
      100 * iris.standardized.mistakes);
  });

  it('the fixture\'s u has margin γ* on our data; ours have less', () => {
    const cases = [['raw', iris.X], ['standardized', iris.Z]] as const;
    for (const [name, X] of cases) {
      const mm = sepal.max_margin[name];
      expect(mm.kkt_relative_residual).toBeLessThan(1e-8);
      // our standardized Z differs from NumPy's in the last bits:
      // margins agree to a few ulps of R = 7.8, so 1e-13
      expect(Math.abs(margin(X, iris.y, fitOf(mm.u)) - mm.gamma))
        .toBeLessThan(1e-13);
      const run = name === 'raw' ? iris.raw : iris.standardized;
      expect(margin(X, iris.y, run)).toBeLessThanOrEqual(mm.gamma);
      const R = augmentedRadius(X);
      expect(run.mistakes).toBeLessThanOrEqual(novikoffBound(R, mm.gamma));
    }
  });
});

describe('against scikit-learn', () => {
  it('Perceptron: identical weights after every pass count', () => {
    // The same sums in the same order: exact agreement, tolerance 0.
    for (const ref of sepal.runs) {
      const run = perceptronAfter(iris.X, iris.y, ref.epochs);
      expect(Array.from(run.w)).toEqual(ref.coef);
      expect(run.b).toBe(ref.intercept);
    }
  });

  it('Perceptron: converged weights equal our clean-pass result', () => {
    const last = sepal.runs.at(-1);
    expect(last.epochs).toBeGreaterThan(iris.raw.epochs);
    expect(Array.from(iris.raw.w)).toEqual(last.coef);
    expect(last.train_accuracy).toBe(1);
  });

  it('SGDClassifier(average=True) matches the averaged perceptron', () => {
    const { X, y } = irisPair(1, 2, petal.columns);
    for (const ref of petal.runs) {
      const { averaged } = averagedPerceptron(X, y,
        { epochs: ref.epochs });
      // Two ways of averaging T = 100m iterates: the mean of T numbers
      // summed in turn is off by at most T u max|θ_t| (Higham, §4.2), and
      // we allow T ε max_t ‖θ_t‖∞ for the library's lazy average too.
      const T = 100 * ref.epochs;
      const tol = T * Number.EPSILON * maxIterate(X, y, ref.epochs);
      const expected = [ref.intercept, ...ref.coef];
      thetaOf(averaged).forEach((v, j) =>
        expect(Math.abs(v - expected[j])).toBeLessThan(tol));
    }
  });
});

describe('errors', () => {
  it('rejects labels other than ±1, NaN, wrong shapes', () => {
    const { X } = xor();
    expect(() => perceptron(X, Float64Array.of(0, 1, 1, 0),
      { maxEpochs: 5 })).toThrow(/perceptron: labels must be −1 or \+1/);
    expect(() => perceptron(X, Float64Array.of(1, -1),
      { maxEpochs: 5 })).toThrow(/X is 4x2, so y must be vector\(4\)/);
    const bad = fromRows([[0, 0], [1, 1], [0, 1], [1, 0]]);
    bad.data[3] = NaN;
    expect(() => countMistakes(bad, Float64Array.of(1, 1, 1, 1),
      { w: new Float64Array(2), b: 0 })).toThrow(/NaN at \(1, 1\)/);
    expect(() => perceptronLoss(X, xor().y, new Float64Array(2)))
      .toThrow(/θ = \(b, w\) must be vector\(3\)/);
  });

  it('rejects bad step sizes, pass counts and margins', () => {
    const { X, y } = xor();
    expect(() => perceptron(X, y, { maxEpochs: 5, eta: 0 }))
      .toThrow(/eta must be a finite number > 0, got 0/);
    expect(() => pocketPerceptron(X, y, { epochs: 1.5 }))
      .toThrow(/pocketPerceptron: the number of passes must be an int/);
    expect(() => novikoffBound(1, 0)).toThrow(/expected 0 < γ <= R/);
    expect(() => margin(X, y, { w: new Float64Array(2), b: 0 }))
      .toThrow(/margin: θ = \(b, w\) is zero/);
    expect(() => separableData(10, 2, 1, 1))
      .toThrow(/separableData: γ must be in \(0, 1\), got 1/);
    expect(() => irisPair(1, 1, [0])).toThrow(/irisPair: expected two/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the model: checks, scores, mistakes, loss and subgradients', () => {
    rejectsBadInput(badInput.model);
  });

  it('the perceptron, pocket, averaged and as SGD', () => {
    rejectsBadInput(badInput.training);
  });

  it('radius, margin, the bound, separable data and iris', () => {
    rejectsBadInput(badInput.novikoff);
  });
});

/** The hinge loss (1/n) Σ max(0, 1 − y_i z_i), Eq. (pcp-hinge). */
function hingeLoss(X: Matrix, y: Float64Array, theta: Float64Array) {
  const s = { w: theta.subarray(1), b: theta[0] };
  let sum = 0;
  for (let i = 0; i < X.rows; i++) {
    sum += Math.max(0, 1 - y[i] * scoreRow(X, i, s));
  }
  return sum / X.rows;
}

describe('review', () => {
  it('margin handles 200 000 features without a stack overflow', () => {
    const d = 200_000;
    const X = new Matrix(1, d, new Float64Array(d).fill(1e-3));
    const w = new Float64Array(d).fill(1);
    const g = margin(X, Float64Array.of(1), { w, b: 0 });
    // z = 200, ‖θ‖ = √200 000: γ = 200/447.2…; the score sums 2·10⁵
    // terms in turn, relative error <= (d − 1)u ≈ 2.2e-11 (Higham, §4.2)
    expect(relativeError(g, 200 / Math.sqrt(d))).toBeLessThan(2.3e-11);
  });

  it('−ρ y x̃ is a subgradient at the kink for every ρ in [0, 1]', () => {
    const { X, y } = xor();
    const i = 2; // θ = (1, 0, −1) puts x = (0, 1) on the boundary
    const theta = Float64Array.of(1, 0, -1);
    const xt = [1, X.get(i, 0), X.get(i, 1)];
    const loss = (t: Float64Array) =>
      Math.max(0, -y[i] * (t[0] * xt[0] + t[1] * xt[1] + t[2] * xt[2]));
    expect(loss(theta)).toBe(0);
    const rng = createRng(21);
    let worst = Infinity; // min of ℓ(θ′) − ℓ(θ) − gᵀ(θ′ − θ)
    for (const rho of [0, 0.25, 0.5, 1]) {
      for (let k = 0; k < 50; k++) {
        const other = rng.normalArray(3);
        let lin = 0;
        for (let j = 0; j < 3; j++) {
          lin += -rho * y[i] * xt[j] * (other[j] - theta[j]);
        }
        worst = Math.min(worst, loss(other) - loss(theta) - lin);
      }
    }
    expect(worst).toBeGreaterThanOrEqual(-1e-15);
  });

  it('scaling up a separator sends its hinge loss to 0, not others', () => {
    const iris = separableIris();
    const sep = thetaOf(iris.standardized);
    const big = sep.map((v) => 1e3 * v);
    expect(hingeLoss(iris.Z, iris.y, big)).toBe(0);
    expect(hingeLoss(iris.Z, iris.y, big))
      .toBeLessThan(hingeLoss(iris.Z, iris.y, sep));
    // a θ that misclassifies some flower: scaling it up raises the loss
    const bad = thetaOf(overlap.pocket.last);
    const { Z, y } = overlap;
    expect(hingeLoss(Z, y, bad.map((v) => 10 * v)))
      .toBeGreaterThan(hingeLoss(Z, y, bad));
  });

  it('the cosine of θ_k and u is at least √k γ / R after every update',
    () => {
      const gamma = 0.05;
      const { X, y, u } = separableData(200, 2, gamma, 13);
      const R = augmentedRadius(X);
      const run = perceptron(X, y, { maxEpochs: 10_000 });
      const uu = thetaOf(u);
      let worst = Infinity; // min over k of cos / (√k γ/R)
      run.history.forEach((m, idx) => {
        const t = thetaOf(m);
        let dot = 0;
        for (let j = 0; j < 3; j++) dot += t[j] * uu[j];
        const cos = dot / norm(t);
        worst = Math.min(worst, cos / (Math.sqrt(idx + 1) * gamma / R));
      });
      expect(run.history.length).toBeGreaterThan(10);
      expect(worst).toBeGreaterThanOrEqual(1 - 1e-12);
    });

  it('the raw run separates in pass 720; pass 721 only confirms it', () => {
    const last = iris.raw.history[iris.raw.history.length - 1].epoch;
    expect(last).toBe(iris.raw.epochs - 1);
    expect(iris.raw.epochs).toBe(721);
  });

  it('the best line misclassifies 3 petals; the pocket 6 >= 3', () => {
    const best = bestLineErrors(overlap.X, overlap.y);
    expect(best).toBe(3);
    expect(overlap.pocket.pocket.errors).toBe(6);
    expect(overlap.pocket.pocket.errors).toBeGreaterThanOrEqual(best);
    // the search is invariant to standardizing: lines map to lines
    expect(bestLineErrors(overlap.Z, overlap.y)).toBe(best);
  });

  it('bestLineErrors: 1 on XOR, 0 on separable data', () => {
    const { X, y } = xor();
    expect(bestLineErrors(X, y)).toBe(1);
    const d = separableData(40, 2, 0.05, 14);
    expect(bestLineErrors(d.X, d.y)).toBe(0);
  });

  it('the margin perceptron keeps its update bound and margin > τ/‖θ‖',
    () => {
      const gamma = 0.05;
      const { X, y } = separableData(150, 2, gamma, 15);
      const R = augmentedRadius(X);
      for (const [tau, eta] of [[0.5, 1], [2, 0.5], [1, 3]]) {
        const run = marginPerceptron(X, y, { tau, eta, maxEpochs: 10_000 });
        expect(run.converged).toBe(true);
        const bound = (2 * eta * tau + eta * eta * R * R) /
          (eta * eta * gamma * gamma);
        expect(run.mistakes).toBeLessThanOrEqual(bound);
        expect(margin(X, y, run)).toBeGreaterThan(tau / norm(thetaOf(run)));
      }
    });

  it('on raw iris its margin rises with τ towards, not past, γ*', () => {
    const gammaStar = sepal.max_margin.raw.gamma;
    const margins = [0, 1, 10, 100].map((tau) => margin(iris.X, iris.y,
      marginPerceptron(iris.X, iris.y, { tau, maxEpochs: 100_000 })));
    for (let k = 1; k < margins.length; k++) {
      expect(margins[k]).toBeGreaterThan(margins[k - 1]);
    }
    expect(margins[3]).toBeLessThanOrEqual(gammaStar);
    expect(margins[3]).toBeGreaterThan(0.9 * gammaStar);
    // τ = 0 is the plain perceptron
    expect(marginPerceptron(iris.X, iris.y, { tau: 0, maxEpochs: 10_000 })
      .mistakes).toBe(iris.raw.mistakes);
  });

  it('the lazy average equals the running one, one write per update',
    () => {
      const { X, y } = irisPair(1, 2, petal.columns);
      for (const epochs of [1, 10, 100]) {
        const lazy = lazyAveragedPerceptron(X, y, { epochs });
        const ref = averagedPerceptron(X, y, { epochs });
        // the mean of T = 100m iterates: T ε max_t ‖θ_t‖∞ (Higham, §4.2)
        const tol = 100 * epochs * Number.EPSILON *
          maxIterate(X, y, epochs);
        const a = thetaOf(lazy.averaged);
        const b = thetaOf(ref.averaged);
        for (let j = 0; j < 3; j++) {
          expect(Math.abs(a[j] - b[j])).toBeLessThan(tol);
        }
        expect(lazy.writes).toBe(ref.last.mistakes);
        expect(Array.from(thetaOf(lazy.last)))
          .toEqual(Array.from(thetaOf(ref.last)));
      }
    });

  it('the quadratic kernel perceptron separates XOR', () => {
    const { X, y } = xor();
    const run = kernelPerceptron(X, y, { degree: 2, maxEpochs: 100 });
    expect(run.converged).toBe(true);
    // the linear kernel cannot
    expect(kernelPerceptron(X, y, { degree: 1, maxEpochs: 100 }).converged)
      .toBe(false);
  });

  it('with the linear kernel it is the perceptron on standardized iris',
    () => {
      const run = kernelPerceptron(iris.Z, iris.y,
        { degree: 1, maxEpochs: 100 });
      const ref = iris.standardized;
      expect(run.order).toEqual(ref.history.map((m) => m.i));
      // θ = Σ α_i y_i x̃_i, summed in another order: 1e-12
      const theta = new Float64Array(3);
      for (let i = 0; i < iris.Z.rows; i++) {
        const c = run.alpha[i] * iris.y[i];
        theta[0] += c;
        theta[1] += c * iris.Z.get(i, 0);
        theta[2] += c * iris.Z.get(i, 1);
      }
      const want = thetaOf(ref);
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(theta[j] - want[j])).toBeLessThan(1e-12);
      }
    });

  it('bad input to the best-line search and the solutions is refused',
    () => {
      rejectsBadInput(badInput.solutions);
    });
});
