// Constrained minimization through the KKT conditions: an equality-
// constrained quadratic program solved as one linear system, two
// projections with their multipliers, and a checker for the conditions.
import {
  Matrix,
  checkFinite,
  matvec,
  shapeOf,
  transpose,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { solve } from '../linear-algebra/solve.ts';

// #region equality-qp
/**
 * min ½xᵀQx + cᵀx subject to Gx = h, by the KKT system
 * Eq. (opt-kkt-system). Returns x and the multipliers ν.
 */
export function equalityQP(
  Q: Matrix,
  c: Vector,
  G: Matrix,
  h: Vector,
): { x: Vector; nu: Vector } {
  const n = Q.rows;
  const m = G.rows;
  checkQP(Q, c, G, h);
  const K = new Matrix(n + m, n + m); // [[Q, Gᵀ], [G, 0]]
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) K.data[i * (n + m) + j] = Q.get(i, j);
  }
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < n; j++) {
      K.data[(n + r) * (n + m) + j] = G.get(r, j); // G, bottom left
      K.data[j * (n + m) + n + r] = G.get(r, j); // Gᵀ, top right
    }
  }
  const rhs = Float64Array.from([...c.map((v) => -v), ...h]);
  let z: Vector;
  try {
    z = solve(K, rhs);
  } catch (e) {
    throw new Error(
      'equalityQP: the KKT matrix is singular (are the rows of G ' +
        'dependent, or Q not positive definite on Gx = 0?): ' +
        (e as Error).message,
    );
  }
  return { x: z.slice(0, n), nu: z.slice(n) };
}
// #endregion

function checkQP(Q: Matrix, c: Vector, G: Matrix, h: Vector): void {
  const n = Q.rows;
  if (Q.cols !== n || c.length !== n || G.cols !== n ||
    h.length !== G.rows || G.rows > n) {
    throw new Error(
      `equalityQP: expected Q n x n, c of length n, G m x n with m <= n ` +
        `and h of length m; got Q ${shapeOf(Q)}, c ${shapeOf(c)}, ` +
        `G ${shapeOf(G)}, h ${shapeOf(h)}`,
    );
  }
  checkFinite('equalityQP', 'Q', Q);
  checkFinite('equalityQP', 'c', c);
  checkFinite('equalityQP', 'G', G);
  checkFinite('equalityQP', 'h', h);
}

// #region project-box
/**
 * The closest point to y in the box lo <= x <= hi, with the
 * multipliers of x <= hi and of −x <= −lo, Eq. (opt-box-kkt).
 */
export function projectBox(y: Vector, lo: Vector, hi: Vector) {
  checkSame('projectBox', { y, lo, hi });
  if (lo.some((l, i) => l > hi[i])) {
    throw new Error('projectBox: expected lo <= hi in every coordinate');
  }
  const x = y.map((yi, i) => Math.min(Math.max(yi, lo[i]), hi[i]));
  const alphaHi = y.map((yi, i) => Math.max(yi - hi[i], 0));
  const alphaLo = y.map((yi, i) => Math.max(lo[i] - yi, 0));
  return { x, alphaHi, alphaLo };
}
// #endregion

// #region project-halfspace
/**
 * The closest point to y in {x : aᵀx <= b}, and the multiplier α of
 * the constraint, Eq. (opt-halfspace).
 */
export function projectHalfspace(y: Vector, a: Vector, b: number) {
  checkSame('projectHalfspace', { y, a });
  const aa = a.reduce((s, v) => s + v * v, 0);
  if (!(aa > 0) || !Number.isFinite(b)) {
    throw new Error(
      `projectHalfspace: expected a != 0 and finite b, got b = ${b}`,
    );
  }
  const excess = y.reduce((s, v, i) => s + v * a[i], 0) - b; // aᵀy − b
  const alpha = Math.max(excess, 0) / aa;
  return { x: y.map((yi, i) => yi - alpha * a[i]), alpha };
}
// #endregion

// #region kkt-residuals
/**
 * How far (x, α) is from the KKT conditions, Eq. (opt-kkt), of
 * min f(x) subject to Ax <= b; all four are 0 at a KKT point.
 */
export function kktResiduals(
  gradF: Vector,
  A: Matrix,
  b: Vector,
  x: Vector,
  alpha: Vector,
) {
  checkKkt(gradF, A, b, x, alpha);
  const slack = matvec(A, x).map((v, i) => v - b[i]); // a_iᵀx − b_i
  const station = matvec(transpose(A), alpha).map((v, j) => v + gradF[j]);
  const max = (v: Vector, from: number) =>
    v.reduce((m, vi) => Math.max(m, vi), from);
  return {
    stationarity: max(station.map(Math.abs), -Infinity),
    primal: max(slack, 0),
    dual: max(alpha.map((v) => -v), 0),
    complementarity: max(
      slack.map((s, i) => Math.abs(alpha[i] * s)), -Infinity),
  };
}
// #endregion

function checkKkt(
  gradF: Vector,
  A: Matrix,
  b: Vector,
  x: Vector,
  alpha: Vector,
): void {
  if (gradF.length !== A.cols || x.length !== A.cols ||
    b.length !== A.rows || alpha.length !== A.rows) {
    throw new Error(
      `kktResiduals: A is ${shapeOf(A)}, so expected gradF and x of ` +
        `length ${A.cols}, b and alpha of length ${A.rows}; got ` +
        `gradF ${shapeOf(gradF)}, x ${shapeOf(x)}, b ${shapeOf(b)}, ` +
        `alpha ${shapeOf(alpha)}`,
    );
  }
  checkFinite('kktResiduals', 'A', A);
  for (const [name, v] of Object.entries({ gradF, b, x, alpha })) {
    checkFinite('kktResiduals', name, v);
  }
}

/** Throws unless the named vectors are finite and of one length. */
function checkSame(fn: string, vs: Record<string, Vector>): void {
  const entries = Object.entries(vs);
  const n = entries[0][1].length;
  for (const [name, v] of entries) {
    if (!(v instanceof Float64Array) || v.length !== n) {
      const got = entries.map(([k, u]) => `${k} ${shapeOf(u)}`);
      throw new Error(`${fn}: expected ${entries.map(([k]) => k)
        .join(', ')} of one length, got ${got.join(', ')}`);
    }
    checkFinite(fn, name, v);
  }
}
