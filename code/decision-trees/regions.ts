// The boxes of a tree on two features: each leaf owns an axis-aligned
// rectangle of the plane. Browser-safe (the interactive figure uses it).
import { checkTree } from './checks.ts';
import type { Tree } from './tree.ts';

export interface Box {
  x0: number; x1: number; y0: number; y1: number;
  /** The leaf's node id and its predicted class. */
  leaf: number;
  label: number;
}

/** The leaves of a tree on features 0 and 1 as boxes inside the given
 *  bounds; a split narrows the box of each child. */
export function leafBoxes(
  tree: Tree, bounds: [number, number, number, number],
): Box[] {
  checkTree('leafBoxes', tree);
  if (tree.nFeatures !== 2) {
    throw new Error(`leafBoxes: tree must have 2 features, got ` +
      `${tree.nFeatures}`);
  }
  if (!Array.isArray(bounds) || bounds.length !== 4) {
    throw new Error('leafBoxes: bounds must be [x0, x1, y0, y1]');
  }
  const [x0, x1, y0, y1] = bounds;
  if (!(x0 < x1 && y0 < y1) || !Number.isFinite(x1 - x0 + y1 - y0)) {
    throw new Error(`leafBoxes: bounds must be finite, x0 < x1 and ` +
      `y0 < y1, got ${bounds}`);
  }
  // #region boxes
  const K = tree.nOutputs;
  const out: Box[] = [];
  const stack = [{ node: 0, x0, x1, y0, y1 }];
  while (stack.length > 0) {
    const b = stack.pop()!;
    const { node } = b;
    if (tree.left[node] === -1) {
      let label = 0;
      for (let k = 1; k < K; k++) {
        if (tree.value[node * K + k] > tree.value[node * K + label]) {
          label = k;
        }
      }
      out.push({ x0: b.x0, x1: b.x1, y0: b.y0, y1: b.y1, leaf: node,
        label });
      continue;
    }
    const t = tree.threshold[node];
    const [lo, hi] = tree.feature[node] === 0 ? ['x0', 'x1'] as const
      : ['y0', 'y1'] as const;
    stack.push({ ...b, node: tree.right[node], [lo]: Math.max(b[lo], t) });
    stack.push({ ...b, node: tree.left[node], [hi]: Math.min(b[hi], t) });
  }
  return out;
  // #endregion
}
