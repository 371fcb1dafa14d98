// The chapter's test problems: quadratics with a chosen spectrum,
// Rosenbrock's curved valley, and a smooth strictly convex function
// whose minimizer is known in closed form.
import {
  Matrix,
  checkFinite,
  dot,
  matvec,
  shapeOf,
  subVec,
  type Vector,
} from '../linear-algebra/matrix.ts';
import type { Fn, Grad, Hess } from './objective.ts';

export interface Problem {
  f: Fn;
  grad: Grad;
  hess: Hess;
}

// #region quadratic
export interface Quadratic extends Problem {
  A: Matrix;
  b: Vector;
}

/** f(x) = ½ xᵀAx − bᵀx for symmetric A, Eq. (opt-quadratic). */
export function quadratic(A: Matrix, b: Vector): Quadratic {
  checkQuadratic(A, b);
  return {
    A,
    b,
    f: (x) => 0.5 * dot(x, matvec(A, x)) - dot(b, x),
    grad: (x) => subVec(matvec(A, x), b), // Eq. (opt-quadratic-grad)
    hess: () => A,
  };
}
// #endregion

// #region quadratic2
/**
 * The 2 x 2 quadratic with eigenvalues L >= mu > 0, its eigenvectors
 * turned by `angle` (radians), and its minimizer at xStar.
 */
export function quadratic2(
  L: number,
  mu: number,
  angle: number,
  xStar: Vector = new Float64Array(2),
): Quadratic {
  if (!(Number.isFinite(L) && mu > 0 && L >= mu)) {
    throw new Error(`quadratic2: expected L >= mu > 0, got ${L}, ${mu}`);
  }
  checkAngle(angle, xStar);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const off = (L - mu) * c * s; // A = R diag(L, mu) Rᵀ
  const A = new Matrix(2, 2, Float64Array.of(
    L * c * c + mu * s * s, off,
    off, L * s * s + mu * c * c,
  ));
  return quadratic(A, matvec(A, xStar)); // b = A x*, so ∇f(x*) = 0
}
// #endregion

// #region eig2
/** Eigenvalues of the symmetric 2 x 2 [[h11, h12], [h12, h22]]. */
export function eig2(H: Matrix): { max: number; min: number } {
  if (H.rows !== 2 || H.cols !== 2) {
    throw new Error(`eig2: expected a 2x2 matrix H, got ${shapeOf(H)}`);
  }
  checkFinite('eig2', 'H', H);
  const [h11, h12, , h22] = H.data;
  const mean = (h11 + h22) / 2; // Eq. (opt-eig2)
  const radius = Math.hypot((h11 - h22) / 2, h12);
  return { max: mean + radius, min: mean - radius };
}
// #endregion

/** Throws unless A is symmetric n x n and b of length n, both finite. */
function checkQuadratic(A: Matrix, b: Vector): void {
  if (A.rows !== A.cols || b.length !== A.rows) {
    throw new Error(
      `quadratic: expected A n x n and b of length n, got ` +
        `A ${shapeOf(A)} and b ${shapeOf(b)}`,
    );
  }
  checkFinite('quadratic', 'A', A);
  checkFinite('quadratic', 'b', b);
  const n = A.rows;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (A.data[i * n + j] !== A.data[j * n + i]) {
        throw new Error(
          `quadratic: A must be symmetric; A(${i}, ${j}) = ` +
            `${A.data[i * n + j]} but A(${j}, ${i}) = ${A.data[j * n + i]}`,
        );
      }
    }
  }
}

/** The two entries of a point in the plane; throws for other shapes. */
function pair(fn: string, p: Vector): [number, number] {
  if (!(p instanceof Float64Array) || p.length !== 2) {
    throw new Error(`${fn}: expected a point of length 2, got ${p}`);
  }
  checkFinite(fn, 'x', p);
  return [p[0], p[1]];
}

// #region rosenbrock
/** f(x, y) = (1 − x)² + 100 (y − x²)², Eq. (opt-rosenbrock). */
export const rosenbrock: Problem = {
  f: (v) => {
    const [x, y] = pair('rosenbrock', v);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  },
  grad: (v) => {
    const [x, y] = pair('rosenbrock', v);
    return Float64Array.of(
      -2 * (1 - x) - 400 * x * (y - x * x),
      200 * (y - x * x),
    );
  },
  hess: (v) => {
    const [x, y] = pair('rosenbrock', v);
    return new Matrix(2, 2, Float64Array.of(
      2 - 400 * y + 1200 * x * x, -400 * x,
      -400 * x, 200,
    ));
  },
};
// #endregion

// #region exp-sum
/** e^(x+3y−0.1) + e^(x−3y−0.1) + e^(−x−0.1), Eq. (opt-exp-sum). */
export const expSum: Problem = {
  f: (p) => {
    const [u, v, w] = expTerms(p);
    return u + v + w;
  },
  grad: (p) => {
    const [u, v, w] = expTerms(p);
    return Float64Array.of(u + v - w, 3 * u - 3 * v);
  },
  hess: (p) => {
    const [u, v, w] = expTerms(p);
    return new Matrix(2, 2, Float64Array.of(
      u + v + w, 3 * u - 3 * v,
      3 * u - 3 * v, 9 * u + 9 * v,
    ));
  },
};

function expTerms(p: Vector): [number, number, number] {
  const [x, y] = pair('expSum', p);
  return [
    Math.exp(x + 3 * y - 0.1),
    Math.exp(x - 3 * y - 0.1),
    Math.exp(-x - 0.1),
  ];
}

/** Its minimizer (−ln 2 / 2, 0) and minimum 2√2 e^(−0.1). */
export const EXP_SUM_MIN = {
  x: Float64Array.of(-Math.LN2 / 2, 0),
  f: 2 * Math.SQRT2 * Math.exp(-0.1),
};
// #endregion

function checkAngle(angle: number, xStar: Vector): void {
  if (!Number.isFinite(angle)) {
    throw new Error(`quadratic2: angle must be finite, got ${angle}`);
  }
  if (!(xStar instanceof Float64Array) || xStar.length !== 2) {
    throw new Error(`quadratic2: xStar must be a point of length 2, got ` +
      `${xStar}`);
  }
  checkFinite('quadratic2', 'xStar', xStar);
}
