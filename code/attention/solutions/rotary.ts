// Exercise: rotary position embeddings (Su et al. 2021). Rotate each
// pair (2i, 2i + 1) of a query or key at position p by the angle p·θ_i,
// θ_i = 10000^(−2i/d). A rotation is orthogonal, so the score of a
// query at p and a key at p' is q R(p)ᵀ R(p') k = q R(p' − p) k: it
// depends on the offset only, whatever p is.
import { Tensor, gradOf, record } from '../../autodiff/tensor.ts';
import { requireInteger } from '../../introduction/checks.ts';
import { checkRank } from '../checks.ts';

// #region rotary
/** x [T, d] (d even), row t rotated pairwise by (start + t)·θ_i. */
export function rotary(x: Tensor, start = 0): Tensor {
  const [T, d] = checkRank('rotary', 'x', x, 2, 2);
  requireInteger('rotary', 'start', start, 0);
  if (d % 2 === 1) throw new Error(`rotary: d must be even, got ${d}`);
  const turn = (src: Float64Array, sign: number) => {
    const out = new Float64Array(T * d);
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < d; c += 2) {
        const a = sign * (start + t) * Math.pow(10000, -c / d);
        const x0 = src[t * d + c], x1 = src[t * d + c + 1];
        out[t * d + c] = Math.cos(a) * x0 - Math.sin(a) * x1;
        out[t * d + c + 1] = Math.sin(a) * x0 + Math.cos(a) * x1;
      }
    }
    return out;
  };
  return record('rotary', turn(x.data, 1), [T, d], [x], (g) => {
    const gx = gradOf(x) as Float64Array; // Rᵀ g: the inverse turn
    const back = turn(g, -1);
    for (let i = 0; i < gx.length; i++) gx[i] += back[i];
  });
}
// #endregion
