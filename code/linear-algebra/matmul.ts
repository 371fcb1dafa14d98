// Three kernels for the matrix product C = AB, on raw row-major arrays.
// They perform the same additions in the same order, so they return the
// same bits; they differ only in how they walk through memory.

// #region kernel-type
/**
 * A kernel multiplies A (m x k) by B (k x n), both row-major, and returns
 * C (m x n), row-major. Eq. (la-matmul) for every entry.
 */
export type Kernel = (
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
) => Float64Array;
// #endregion

function checkKernel(
  fn: string,
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
): void {
  checkSizes(fn, a, b, m, k, n);
  for (const [name, x] of [['A', a], ['B', b]] as const) {
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) {
        throw new Error(
          `${fn}: ${name} has ${x[i]} at flat index ${i}; ` +
            'expected finite numbers',
        );
      }
    }
  }
}

function checkSizes(fn: string, a: Float64Array, b: Float64Array,
  m: number, k: number, n: number): void {
  for (const d of [m, k, n]) {
    if (!Number.isInteger(d) || d < 1) {
      throw new Error(
        `${fn}: expected positive integer sizes, got m=${m} k=${k} n=${n}`,
      );
    }
  }
  if (a.length !== m * k || b.length !== k * n) {
    throw new Error(
      `${fn}: expected A ${m}x${k} (${m * k} entries) and ` +
        `B ${k}x${n} (${k * n} entries), got ${a.length} and ${b.length}`,
    );
  }
}

// #region naive
/** The definition, loop for loop: for each (i, j), a dot product. */
export function naiveKernel(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  checkKernel('naiveKernel', a, b, m, k, n);
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        s += a[i * k + p] * b[p * n + j]; // B walked down a column
      }
      c[i * n + j] = s; // Eq. (la-matmul)
    }
  }
  return c;
}
// #endregion

// #region ikj
/** Same sums, loops reordered: the inner loop runs along rows. */
export function ikjKernel(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  checkKernel('ikjKernel', a, b, m, k, n);
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      const bRow = p * n;
      const cRow = i * n;
      for (let j = 0; j < n; j++) {
        c[cRow + j] += aip * b[bRow + j]; // Eq. (la-matmul-rows)
      }
    }
  }
  return c;
}
// #endregion

// #region pack
/** Width of a panel of B, and of a register tile of C. */
const NR = 4;

/**
 * Copies columns j0 .. j0+3 of B (k x n) into `panel`, row by row, so
 * that the four numbers the tile needs at step p sit side by side.
 * Past the last column of B the panel holds zeros.
 */
function packPanel(
  b: Float64Array,
  k: number,
  n: number,
  j0: number,
  panel: Float64Array,
): void {
  panel.fill(0);
  const w = Math.min(NR, n - j0);
  for (let p = 0; p < k; p++) {
    for (let q = 0; q < w; q++) panel[NR * p + q] = b[p * n + j0 + q];
  }
}
// #endregion

// #region store
/** Writes the first w of four tile entries into C at `at`. */
function storeRow(
  c: Float64Array,
  at: number,
  w: number,
  x0: number,
  x1: number,
  x2: number,
  x3: number,
): void {
  c[at] = x0;
  if (w > 1) c[at + 1] = x1;
  if (w > 2) c[at + 2] = x2;
  if (w > 3) c[at + 3] = x3;
}
// #endregion

// #region tile4x4
/** C[i0..i0+3][j0..j0+3] = A[i0..i0+3][:] times the packed panel. */
function tile4x4(
  a: Float64Array, panel: Float64Array, c: Float64Array,
  i0: number, j0: number, k: number, n: number, w: number,
): void {
  const r0 = i0 * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < k; p++) {
    const a0 = a[r0 + p], a1 = a[r1 + p], a2 = a[r2 + p], a3 = a[r3 + p];
    const q = NR * p; // Eq. (la-matmul-tile): 8 loads, 16 multiply-adds
    const b0 = panel[q], b1 = panel[q + 1];
    const b2 = panel[q + 2], b3 = panel[q + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  const at = i0 * n + j0;
  storeRow(c, at, w, c00, c01, c02, c03);
  storeRow(c, at + n, w, c10, c11, c12, c13);
  storeRow(c, at + 2 * n, w, c20, c21, c22, c23);
  storeRow(c, at + 3 * n, w, c30, c31, c32, c33);
}
// #endregion

// #region tile1x4
/** The edge: one leftover row of A against the packed panel. */
function tile1x4(
  a: Float64Array, panel: Float64Array, c: Float64Array,
  i: number, j0: number, k: number, n: number, w: number,
): void {
  const r = i * k;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  for (let p = 0; p < k; p++) {
    const ai = a[r + p];
    const q = NR * p;
    c0 += ai * panel[q];
    c1 += ai * panel[q + 1];
    c2 += ai * panel[q + 2];
    c3 += ai * panel[q + 3];
  }
  storeRow(c, i * n + j0, w, c0, c1, c2, c3);
}
// #endregion

// #region blocked
/** Register-blocked product: 4 x 4 tiles of C held in local variables.
 *  Checks the sizes only: for callers whose numbers are known finite. */
export function blockedProduct(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  checkSizes('blockedProduct', a, b, m, k, n);
  const c = new Float64Array(m * n);
  const panel = new Float64Array(NR * k);
  const mFull = m - (m % 4); // rows covered by whole 4 x 4 tiles
  for (let j0 = 0; j0 < n; j0 += NR) {
    packPanel(b, k, n, j0, panel);
    const w = Math.min(NR, n - j0); // < 4 only in the last panel
    for (let i0 = 0; i0 < mFull; i0 += 4) {
      tile4x4(a, panel, c, i0, j0, k, n, w);
    }
    for (let i = mFull; i < m; i++) tile1x4(a, panel, c, i, j0, k, n, w);
  }
  return c;
}
// #endregion

// #region blocked-checked
/** The blocked product for any caller: sizes and values checked. */
export function blockedKernel(a: Float64Array, b: Float64Array,
  m: number, k: number, n: number): Float64Array {
  checkKernel('blockedKernel', a, b, m, k, n); // NaN, ±∞ refused
  return blockedProduct(a, b, m, k, n);
}
// #endregion
