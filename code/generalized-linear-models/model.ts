// A generalized linear model: a family, a link, and the linear
// predictor η = Xw + o that ties them to the features.
// Browser-safe: no node imports.
import {
  Matrix,
  checkFinite,
  matvec,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { checkWeights, checkXy } from '../linear-regression/model.ts';
import { checkTargets, type Family } from './families.ts';
import type { Link } from './links.ts';

// #region model-type
/** A family and a link; the link defaults to the canonical one. */
export interface GlmModel {
  family: Family;
  link?: Link;
}

/** The link of `model`, the canonical one if none is given. */
export function linkOf(model: GlmModel): Link {
  return model.link ?? model.family.canonical;
}
// #endregion

// #region predictor
/** η = Xw + o, Eq. (glm-predictor); o is the offset (default 0). */
export function linearPredictor(
  X: Matrix,
  w: Vector,
  offset?: Vector,
): Vector {
  checkWeights('linearPredictor', X, w); // vector(p), finite
  const eta = matvec(X, w);
  if (offset === undefined) return eta;
  for (let i = 0; i < eta.length; i++) eta[i] += offset[i];
  return eta;
}

/** μ = g⁻¹(η), refusing a mean outside the family's range. */
export function means(fn: string, model: GlmModel, eta: Vector): Vector {
  const link = linkOf(model);
  return eta.map((e, i) => {
    const mu = link.inverse(e);
    if (!model.family.validMu(mu)) {
      throw new Error(
        `${fn}: at η[${i}] = ${e} the ${link.name} link gives μ = ` +
          `${mu}, not a possible ${model.family.name} mean; the fit ` +
          'has run off (separable data, or a non-canonical link?)',
      );
    }
    return mu;
  });
}
// #endregion

// #region check-glm
/** Throws, naming `fn`, unless X, y, w and the offset fit together. */
export function checkGlm(
  fn: string,
  X: Matrix,
  y: Vector,
  model: GlmModel,
  offset?: Vector,
): void {
  checkXy(fn, X, y); // X is n x p, y is vector(n), both finite
  checkTargets(fn, model.family, y);
  if (offset !== undefined) {
    if (!(offset instanceof Float64Array) || offset.length !== X.rows) {
      throw new Error(
        `${fn}: X is ${shapeOf(X)}, so the offset must be ` +
          `vector(${X.rows}); got ${offset}`,
      );
    }
    checkFinite(fn, 'offset', offset);
  }
}
// #endregion
