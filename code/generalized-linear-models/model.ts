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
import {
  checkFamily,
  checkTargets,
  type Family,
} from './families.ts';
import type { Link } from './links.ts';

// #region model-type
/** A family and a link; the link defaults to the canonical one. */
export interface GlmModel {
  family: Family;
  link?: Link;
}

/** The link of `model`, the canonical one if none is given. */
export function linkOf(model: GlmModel): Link {
  checkModel('linkOf', model);
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
  checkWeights('linearPredictor', X, w); // vector(d), finite
  checkFinite('linearPredictor', 'X', X);
  if (offset !== undefined) checkOffset('linearPredictor', X, offset);
  const eta = matvec(X, w);
  if (offset === undefined) return eta;
  for (let i = 0; i < eta.length; i++) eta[i] += offset[i];
  return eta;
}

/** μ = g⁻¹(η), refusing a mean outside the family's range. */
export function means(fn: string, model: GlmModel, eta: Vector): Vector {
  checkModel(fn, model);
  checkFinite(fn, 'η', eta);
  if (eta.length === 0) throw new Error(`${fn}: η must be non-empty`);
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
  checkModel(fn, model);
  checkTargets(fn, model.family, y);
  if (offset !== undefined) checkOffset(fn, X, offset);
}

function checkOffset(fn: string, X: Matrix, offset: Vector): void {
  if (!(offset instanceof Float64Array) || offset.length !== X.rows) {
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so the offset must be ` +
        `vector(${X.rows}); got ${offset}`,
    );
  }
  checkFinite(fn, 'offset', offset);
}

/** Throws unless model = { family, link? } with a Family and a Link. */
export function checkModel(fn: string, model: GlmModel): void {
  if (typeof model !== 'object' || model === null) {
    throw new Error(`${fn}: model must be { family, link? }, got ${model}`);
  }
  checkFamily(fn, model.family);
  const link = model.link;
  const ok = link === undefined || (typeof link?.link === 'function' &&
    typeof link.inverse === 'function' &&
    typeof link.derivative === 'function');
  if (!ok) {
    throw new Error(`${fn}: model.link must be a Link such as logLink, ` +
      `got ${link}`);
  }
}

/** Throws unless η has one finite entry per row of X. */
export function checkEta(fn: string, X: Matrix, eta: Vector): void {
  if (!(eta instanceof Float64Array) || eta.length !== X.rows) {
    throw new Error(`${fn}: X is ${shapeOf(X)}, so η must be ` +
      `vector(${X.rows}); got ` +
      (eta instanceof Float64Array ? shapeOf(eta) : typeof eta));
  }
  checkFinite(fn, 'η', eta);
}
// #endregion
