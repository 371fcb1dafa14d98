// Growing one tree level by level, as XGBoost's exact and hist
// updaters do, and pruning it by γ afterwards (exact) or refusing weak
// splits as it grows (hist). The split search is the Splitter's.
import { checkGrow } from './checks.ts';
import { type Penalty, leafWeight, nodeScore } from './objective.ts';

/** λ, α, min_child_weight, γ, the depth limit and the step η. */
export interface GrowParams extends Penalty {
  gamma: number;
  maxDepth: number;
  eta: number;
}

// #region candidate
/** The best split of a node found so far (XGBoost's SplitEntry). */
export interface Candidate {
  gain: number; // loss_chg, float32: bracket of Eq. (xgb-gain)
  feature: number;
  split: number; // float32; a row goes left when x < split
  missingLeft: boolean; // where a missing x goes
  GL: number; HL: number; GR: number; HR: number;
  bin: number; // hist only: the last bin that goes left
}

export function noSplit(): Candidate {
  return { gain: 0, feature: 0, split: 0, missingLeft: false,
    GL: 0, HL: 0, GR: 0, HR: 0, bin: -1 };
}

/** Would a split of this gain on this feature replace best? Only if
 *  its gain is strictly larger, except that a lower feature index wins
 *  a tie (XGBoost's SplitEntry::NeedReplace). */
export function beats(best: Candidate, gain: number, feature: number) {
  if (!Number.isFinite(gain)) return false;
  return best.feature <= feature ? gain > best.gain
    : !(best.gain > gain);
}
// #endregion

/** What a split search provides to the grower. */
export interface Splitter {
  root(): { G: number; H: number };
  /** The best candidate of each node of the level. */
  find(level: number[], grown: Grown): Candidate[];
  /** Sends the node's rows to its two new children (node ids left
   *  and right); may replace c's sums by sums in another order. */
  split(node: number, c: Candidate, left: number, right: number): void;
  /** hist: the leaf of every training row, once the tree is grown. */
  leaves?(t: Grown): Int32Array;
}

/** A tree as it grows: one entry per node, in order of creation. */
export interface Grown {
  feature: number[]; split: number[]; missingLeft: boolean[];
  left: number[]; right: number[]; gain: number[];
  G: number[]; H: number[]; weight: number[]; score: number[];
  value: number[]; bin: number[];
}

/** kRtEps: a split must gain more than this. */
export const MIN_GAIN = 1e-6;

// #region grow
/** Grows a tree depth by depth: Eq. (xgb-weight-l1) at the leaves,
 *  Eq. (xgb-gain) to choose splits; hist refuses gains below γ. */
export function growTree(
  s: Splitter, p: GrowParams, preprune: boolean,
): Grown {
  checkGrow('growTree', p);
  const t = emptyTree();
  const { G, H } = s.root();
  addNode(t, G, H, p);
  let level = [0];
  for (let depth = 0; depth < p.maxDepth && level.length > 0; depth++) {
    const found = s.find(level, t);
    const next: number[] = [];
    level.forEach((node, k) => {
      const c = found[k];
      const ok = c.gain > MIN_GAIN && (!preprune ||
        (c.HL !== 0 && c.HR !== 0 && !(c.gain < p.gamma)));
      if (!ok) return;
      const l = t.G.length;
      const r = l + 1;
      s.split(node, c, l, r); // may re-sum c's G and H (exact)
      addNode(t, c.GL, c.HL, p);
      addNode(t, c.GR, c.HR, p);
      setSplit(t, node, c, l, r);
      next.push(l, r);
    });
    level = next;
  }
  return t;
}
// #endregion

// #region prune
/** XGBoost's pruner (exact): bottom up, a node whose two children
 *  are leaves becomes a leaf when its gain is below γ. */
export function pruneByGamma(t: Grown, gamma: number, eta: number) {
  checkGrow('pruneByGamma', { lambda: 0, alpha: 0, minChildWeight: 0,
    gamma, maxDepth: 1, eta });
  const visit = (node: number): void => {
    if (t.left[node] < 0) return;
    visit(t.left[node]);
    visit(t.right[node]);
    const leaves = t.left[t.left[node]] < 0 && t.left[t.right[node]] < 0;
    if (leaves && t.gain[node] < gamma) {
      t.left[node] = t.right[node] = -1;
      t.value[node] = Math.fround(Math.fround(eta) * t.weight[node]);
    }
  };
  visit(0);
}
// #endregion

function emptyTree(): Grown {
  return { feature: [], split: [], missingLeft: [], left: [],
    right: [], gain: [], G: [], H: [], weight: [], score: [],
    value: [], bin: [] };
}

/** A new leaf with the statistics (G, H); returns its id. */
function addNode(t: Grown, G: number, H: number, p: GrowParams) {
  const w = Math.fround(leafWeight(G, H, p));
  t.feature.push(-2); t.split.push(0); t.missingLeft.push(false);
  t.left.push(-1); t.right.push(-1); t.gain.push(0);
  t.G.push(G); t.H.push(H); t.weight.push(w);
  t.score.push(Math.fround(nodeScore(G, H, p)));
  t.value.push(Math.fround(w * Math.fround(p.eta)));
  t.bin.push(-1);
  return t.G.length - 1;
}

function setSplit(t: Grown, node: number, c: Candidate, l: number,
  r: number): void {
  t.feature[node] = c.feature; t.split[node] = c.split;
  t.missingLeft[node] = c.missingLeft; t.gain[node] = c.gain;
  t.left[node] = l; t.right[node] = r; t.bin[node] = c.bin;
}
