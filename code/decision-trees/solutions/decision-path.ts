// Exercise: the path of one sample from the root to its leaf, as rules.
import { checkTree } from '../checks.ts';
import type { Tree } from '../tree.ts';

/** The nodes x passes through and the test it passes at each. */
export function decisionPath(
  tree: Tree, x: ArrayLike<number>, names: string[],
): { nodes: number[]; rules: string[] } {
  checkTree('decisionPath', tree);
  if (x?.length !== tree.nFeatures || names?.length !== tree.nFeatures) {
    throw new Error(`decisionPath: x and names need ${tree.nFeatures} ` +
      `entries, got ${x?.length} and ${names?.length}`);
  }
  for (let j = 0; j < x.length; j++) {
    if (!Number.isFinite(x[j])) {
      throw new Error(`decisionPath: x[${j}] = ${x[j]} is not finite`);
    }
  }
  const nodes = [0];
  const rules: string[] = [];
  let t = 0;
  while (tree.left[t] !== -1) {
    const j = tree.feature[t];
    const goLeft = Math.fround(x[j]) <= tree.threshold[t];
    const sign = goLeft ? '<=' : '>';
    rules.push(`${names[j]} ${sign} ${tree.threshold[t]}`);
    t = goLeft ? tree.left[t] : tree.right[t];
    nodes.push(t);
  }
  return { nodes, rules };
}
