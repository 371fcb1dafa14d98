// Exercise: draw from a Gaussian mixture by ancestral sampling.
import { Rng } from '../../introduction/random.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import { cholesky } from '../../decompositions/cholesky.ts';
import { checkInt, checkParams, type GmmParams } from '../checks.ts';

/** n draws: a component z with P(z = m) = π_m, then x = μ_z + L_z u
 *  with u standard normal and Σ_z = L_z L_zᵀ. Returns X and z. */
export function sampleMixture(p: GmmParams, n: number, rng: Rng) {
  checkParams('sampleMixture', p, p?.means?.cols);
  checkInt('sampleMixture', 'n', n, 1);
  if (!(rng instanceof Rng)) {
    throw new Error('sampleMixture: rng must be an Rng');
  }
  const d = p.means.cols;
  const Ls = p.covs.map((S) => cholesky(S).data);
  const X = new Matrix(n, d);
  const z = new Int32Array(n);
  const u = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const k = p.weights.length;
    let m = 0; // inverse CDF of the weights
    for (let c = rng.uniform(); m < k - 1 && c >= p.weights[m]; m++) {
      c -= p.weights[m];
    }
    z[i] = m;
    for (let j = 0; j < d; j++) u[j] = rng.normal();
    for (let j = 0; j < d; j++) {
      let s = p.means.get(m, j);
      for (let t = 0; t <= j; t++) s += Ls[m][j * d + t] * u[t];
      X.data[i * d + j] = s;
    }
  }
  return { X, z };
}
