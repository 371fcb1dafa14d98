// @unshown: the comparison with scikit-learn up to ties; the chapter
// describes it in "Against a library" and its tests use it
// Two trees fitted to the same (X, y) compared node by node, allowing
// a different choice among equally good splits.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { checkData } from './checks.ts';
import { type CriterionName, proxy } from './criterion.ts';

/** The arrays of a tree that the comparison reads (ours or sklearn's). */
export interface TreeArrays {
  feature: ArrayLike<number>;
  threshold: ArrayLike<number>;
  left: ArrayLike<number>;
  right: ArrayLike<number>;
}

export interface TieComparison {
  /** Node pairs reached by the same training rows. */
  compared: number;
  /** Of those, split by the same feature and threshold. */
  sameSplit: number;
  /** Split differently, with equal proxy scores Eq. (dt-proxy). */
  tied: number;
  /** Split differently and one split scores worse: a real mismatch. */
  worse: number;
  /** Tied splits whose children hold the same rows (same partition). */
  samePartition: number;
  /** Largest relative gap between the two scores of a tied pair. */
  maxGap: number;
}

/**
 * Walks tree a and tree b from their roots. Two nodes are compared when
 * the same training rows reach them; a pair with different splits is a
 * tie when both splits score the same (relative gap <= tol) on those
 * rows; the walk goes on below a pair whose children hold the same
 * rows, and stops where they differ.
 */
export function compareUpToTies(
  a: TreeArrays, b: TreeArrays, X: Matrix, y: ArrayLike<number>,
  criterion: CriterionName, nClasses: number, tol = 1e-12,
): TieComparison {
  checkData('compareUpToTies', X, y, criterion === 'squared_error'
    ? { criterion } : { criterion, nClasses });
  const out: TieComparison = { compared: 0, sameSplit: 0, tied: 0,
    worse: 0, samePartition: 0, maxGap: 0 };
  const all = Array.from({ length: X.rows }, (_, i) => i);
  const stack: [number, number, number[]][] = [[0, 0, all]];
  while (stack.length > 0) {
    const [s, t, rows] = stack.pop()!;
    if (a.left[s] === -1 || b.left[t] === -1) {
      out.compared++;
      if (a.left[s] === b.left[t]) out.sameSplit++;
      else out.worse++;
      continue;
    }
    out.compared++;
    const [aL, aR] = divide(a, s, X, rows);
    const [bL, bR] = divide(b, t, X, rows);
    const same = a.feature[s] === b.feature[t] &&
      a.threshold[s] === b.threshold[t];
    const partition = sameRows(aL, bL);
    if (same) {
      out.sameSplit++;
    } else {
      const sa = score(aL, aR, y, criterion, nClasses);
      const sb = score(bL, bR, y, criterion, nClasses);
      const gap = Math.abs(sa - sb) / Math.max(1, Math.abs(sb));
      if (gap <= tol) {
        out.tied++;
        out.maxGap = Math.max(out.maxGap, gap);
        if (partition) out.samePartition++;
      } else {
        out.worse++;
      }
    }
    if (partition) {
      stack.push([a.right[s], b.right[t], aR], [a.left[s], b.left[t], aL]);
    }
  }
  return out;
}

/** The rows of a node split by its test (x as float32, as at fit). */
function divide(
  tree: TreeArrays, node: number, X: Matrix, rows: number[],
): [number[], number[]] {
  const left: number[] = [];
  const right: number[] = [];
  const j = tree.feature[node];
  for (const i of rows) {
    const x = Math.fround(X.data[i * X.cols + j]);
    (x <= tree.threshold[node] ? left : right).push(i);
  }
  return [left, right];
}

function sameRows(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].sort((u, v) => u - v);
  const sb = [...b].sort((u, v) => u - v);
  return sa.every((v, k) => v === sb[k]);
}

/** The proxy score of a split into the given rows (unit weights). */
function score(
  left: number[], right: number[], y: ArrayLike<number>,
  criterion: CriterionName, nClasses: number,
): number {
  const stats = (rows: number[]) => {
    const s = new Float64Array(criterion === 'squared_error' ? 2
      : nClasses);
    for (const i of rows) {
      if (criterion === 'squared_error') {
        s[0] += y[i];
        s[1] += y[i] * y[i];
      } else {
        s[y[i]] += 1;
      }
    }
    return s;
  };
  return proxy(criterion, stats(left), left.length, stats(right),
    right.length);
}
