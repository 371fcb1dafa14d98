// Exercise: leave-one-out error of ridge for a whole grid from one SVD,
// and its generalized cross-validation approximation.
import { svd } from '../../decompositions/svd.ts';
import { matvec, transpose } from '../../linear-algebra/matrix.ts';
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { center } from '../../linear-regression/model.ts';
import { shrinkageFactors } from '../ridge.ts';

/**
 * For each λ: the mean of (r_i / (1 − S_ii))², exact leave-one-out,
 * and of r_i² / (1 − tr S/n)², GCV, with the smoother
 * S = 11ᵀ/n + U diag(s_j²/(s_j² + λ)) Uᵀ of ridge with an intercept.
 */
export function looRidge(X: Matrix, y: Vector, lambdas: number[]) {
  const { Xc, yc } = center(X, y);
  const { U, s } = svd(Xc);
  const n = X.rows;
  const k = s.length;
  const uy = matvec(transpose(U), yc); // u_jᵀ yc
  return lambdas.map((lambda_) => {
    const f = shrinkageFactors(s, lambda_);
    let loo = 0;
    let rss = 0;
    let trace = 1; // the intercept's 11ᵀ/n
    for (let j = 0; j < k; j++) trace += f[j];
    for (let i = 0; i < n; i++) {
      let fitted = 0; // ŷ_i − ȳ = Σ_j u_ij f_j u_jᵀyc
      let sii = 1 / n;
      for (let j = 0; j < k; j++) {
        const u = U.data[i * k + j];
        fitted += u * f[j] * uy[j];
        sii += u * u * f[j];
      }
      const r = yc[i] - fitted; // the ordinary residual
      loo += (r / (1 - sii)) ** 2 / n;
      rss += (r * r) / n;
    }
    return { lambda_, loo, gcv: rss / (1 - trace / n) ** 2 };
  });
}
