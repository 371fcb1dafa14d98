// The gain of every candidate split of one feature at one node: the
// curve that exact greedy search maximizes, and the few points of it
// that histogram search can reach.
import { checkGains } from './checks.ts';
import { type Penalty, nodeScore, splitGain } from './objective.ts';
import { binOf, quantileCuts } from './quantile.ts';

export interface GainPoint { split: number; gain: number }

// #region gain-curve
/** Gains (loss_chg, Eq. (xgb-gain) without ½ and γ) of the splits
 *  x < s at every boundary between distinct values (maxBin = 0) or
 *  at every cut point of quantileCuts(x, maxBin). Missing x go to
 *  the side missingLeft says. */
export function gainCurve(
  x: ArrayLike<number>, g: ArrayLike<number>, h: ArrayLike<number>,
  p: Penalty, maxBin = 0, missingLeft = false,
): GainPoint[] {
  checkGains('gainCurve', x, g, h, p, maxBin);
  const cuts = maxBin > 0 ? quantileCuts(x, maxBin).cuts : null;
  const key = (v: number) => cuts === null ? Math.fround(v)
    : cuts[binOf(cuts, Math.fround(v))]; // a bin: its upper cut
  const at = new Map<number, [number, number]>(); // key → (Σg, Σh)
  let G = 0, H = 0, Gm = 0, Hm = 0; // all rows; missing rows
  for (let i = 0; i < x.length; i++) {
    G += g[i]; H += h[i];
    if (Number.isNaN(x[i])) { Gm += g[i]; Hm += h[i]; continue; }
    const s = at.get(key(x[i])) ?? [0, 0];
    at.set(key(x[i]), [s[0] + g[i], s[1] + h[i]]);
  }
  const keys = [...at.keys()].sort((a, b) => a - b);
  const root = Math.fround(nodeScore(G, H, p));
  let GL = missingLeft ? Gm : 0, HL = missingLeft ? Hm : 0;
  const out: GainPoint[] = [];
  for (let k = 0; k < keys.length - 1; k++) {
    GL += at.get(keys[k])![0]; HL += at.get(keys[k])![1];
    const split = cuts === null // exact: the float32 midpoint
      ? Math.fround(Math.fround(keys[k] + keys[k + 1]) * 0.5) : keys[k];
    if (HL < p.minChildWeight || H - HL < p.minChildWeight) continue;
    out.push({ split, gain: splitGain(GL, HL, G - GL, H - HL, root, p) });
  }
  return out;
}
// #endregion
