// Exercise: the bound min_k ‖∇f(x_k)‖² <= (f(x_0) − inf f)/(c t_min K)
// of gradient descent with Armijo backtracking, checked on a run.
import type { Iterate } from '../objective.ts';
import { requireFinite, requirePositive } from
  '../../introduction/checks.ts';

/** For each K, both sides of the bound, with t_k read off the run as
 *  ‖x_{k+1} − x_k‖ / ‖∇f(x_k)‖, Eq. (opt-armijo-t). */
export function stationarityBound(history: Iterate[], c: number,
  infF: number) {
  checkHistory(history, c, infF);
  let tMin = Infinity;
  for (let k = 0; k + 1 < history.length; k++) {
    const a = history[k].x;
    const b = history[k + 1].x;
    let step = 0;
    for (let j = 0; j < a.length; j++) step += (b[j] - a[j]) ** 2;
    tMin = Math.min(tMin, Math.sqrt(step) / history[k].gradNorm);
  }
  const gap = history[0].f - infF;
  const left: number[] = [];
  const right: number[] = [];
  let best = Infinity; // min over k < K of ‖∇f(x_k)‖²
  for (let K = 1; K < history.length; K++) {
    best = Math.min(best, history[K - 1].gradNorm ** 2);
    left.push(best);
    right.push(gap / (c * tMin * K));
  }
  return { tMin, left, right };
}

function checkHistory(history: Iterate[], c: number, infF: number) {
  const fn = 'stationarityBound';
  if (!Array.isArray(history) || history.length < 2) {
    throw new Error(`${fn}: history must hold at least two iterates`);
  }
  requirePositive(fn, 'c', c);
  requireFinite(fn, 'infF', infF);
}
