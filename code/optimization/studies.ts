// @unshown: the seeded studies behind the chapter's figures and the
// numbers its prose quotes; they run the shown optimizers.
import { createRng } from '../introduction/random.ts';
import {
  requireFinite, requireInteger, requirePositive,
} from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { meanProblem, sgd, sgdMeanSquaredError } from './sgd.ts';

/** Heavy-ball step and momentum for spectrum [mu, L], and its rate,
 *  Eq. (opt-hb-params). */
export function heavyBallParams(L: number, mu: number) {
  requirePositive('heavyBallParams', 'mu', mu);
  requireFinite('heavyBallParams', 'L', L);
  if (L < mu) {
    throw new Error(`heavyBallParams: expected L >= mu, got ${L}, ${mu}`);
  }
  const rho = (Math.sqrt(L) - Math.sqrt(mu)) / (Math.sqrt(L) +
    Math.sqrt(mu));
  return { eta: 4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2, beta: rho ** 2,
    rho };
}

/** Steps to shrink the error by eps: by the rate rho^k alone, and by
 *  the bound (2k + 1) rho^k of Eq. (opt-hb-bound). */
export function heavyBallSteps(kappa: number, eps: number) {
  requireFinite('heavyBallSteps', 'kappa', kappa);
  if (!(kappa >= 1 && eps > 0 && eps < 1)) {
    throw new Error(`heavyBallSteps: expected kappa >= 1 and eps in ` +
      `(0, 1), got ${kappa}, ${eps}`);
  }
  const { rho } = heavyBallParams(kappa, 1);
  const rate = Math.ceil(Math.log(eps) / Math.log(rho));
  let bound = rate;
  while ((2 * bound + 1) * rho ** bound > eps) bound++;
  return { rate, bound };
}

/** The SGD figure's setup: n points in the plane, runs seeded runs. */
export const SGD_SETUP = {
  n: 50, d: 2, spread: 1, start: [4, -3], runs: 400, steps: 300, seed: 21,
};
export const SGD_ETAS = [0.5, 0.1] as const;

/** Mean of ‖x_k − ā‖² over seeded runs, its standard error, and the
 *  theory, for the constant steps and for 1/(k+1). */
export function sgdStudy(runs = SGD_SETUP.runs) {
  requireInteger('sgdStudy', 'runs', runs, 2);
  const { n, d, spread, start, steps, seed } = SGD_SETUP;
  const A = new Matrix(n, d, createRng(seed).normalArray(n * d, 0, spread));
  const p = meanProblem(A);
  const x0 = Float64Array.from(start, (v, j) => p.mean[j] + v);
  const e0 = start.reduce((s, v) => s + v * v, 0);
  const schedules = [
    ...SGD_ETAS.map((eta) => ({
      name: `η = ${eta}`, eta: eta as number | ((k: number) => number),
      theory: (k: number) => sgdMeanSquaredError(eta, p.sigma2, 1, e0, k),
    })),
    { name: 'ηₖ = 1/(k+1)', eta: (k: number) => 1 / (k + 1),
      theory: (k: number) => (k === 0 ? e0 : p.sigma2 / k) },
  ];
  const curves = schedules.map((s) => {
    const sum = new Float64Array(steps + 1);
    const sumSq = new Float64Array(steps + 1);
    for (let r = 0; r < runs; r++) {
      const run = sgd(p, x0, { eta: s.eta, steps, seed: seed + 1 + r });
      run.history.forEach(({ x }, k) => {
        let e = 0;
        for (let j = 0; j < d; j++) e += (x[j] - p.mean[j]) ** 2;
        sum[k] += e;
        sumSq[k] += e * e;
      });
    }
    const mse = sum.map((v) => v / runs);
    const se = sumSq.map((v, k) => Math.sqrt(Math.max(
      v / runs - mse[k] ** 2, 0) / (runs - 1)));
    const theory = Array.from({ length: steps + 1 }, (_, k) => s.theory(k));
    return { name: s.name, mse, se, theory };
  });
  return { sigma2: p.sigma2, e0, curves };
}
