// Iterative magnitude pruning (IMP), one-shot pruning and the two
// controls: the same mask with a new initialization, and a random mask.
import { createRng } from '../introduction/random.ts';
import { mlp } from '../multilayer-perceptron/mlp.ts';
import { fullMask, prunable, remaining, type Mask } from './mask.ts';
import { layerRates, pruneMask } from './prune.ts';
import { rewind, snapshot } from './rewind.ts';
import { trainTicket, type Split, type TicketOptions } from './train.ts';
import { calledAs } from '../introduction/checks.ts';
import { checkCount, checkImp, checkSizes } from './checks.ts';

export interface ImpOptions {
  sizes: number[]; // [d, h₁, …, c], a ReLU network
  seed: number; // of θ₀
  rounds: number; // prunings
  p: number; // per round and hidden layer; p/2 for the output layer
  train: TicketOptions;
}

// #region imp
/** imp(data, o) once its options are checked, the loop of Eq. (lt-imp):
 *  train, prune p of what is left per layer, rewind the survivors to
 *  θ₀, repeat. Level k is the ticket after k rounds, trained. */
function impChecked(data: Split, o: ImpOptions) {
  const model = mlp(o.sizes, 'relu', createRng(o.seed));
  const theta0 = snapshot(model); // before any training
  const weights = prunable(model);
  const rates = layerRates(weights.length, o.p);
  let mask: Mask = fullMask(weights);
  const levels = [];
  let trained: Float64Array[] = [];
  for (let k = 0; k <= o.rounds; k++) {
    rewind(model, theta0, mask); // m ⊙ θ₀: not a fresh draw
    const run = trainTicket(model, mask, data, o.train);
    levels.push({ k, remaining: remaining(mask), mask, ...run });
    if (k === 0) trained = weights.map((w) => Float64Array.from(w.data));
    if (k < o.rounds) {
      mask = pruneMask(weights.map((w) => w.data), mask, rates);
    }
  }
  return { theta0, rates, trained, levels };
}
// #endregion

/** Iterative magnitude pruning: o.rounds + 1 tickets, each with its
 *  mask, share of weights left and early-stopping results. */
export function imp(data: Split, o: ImpOptions) {
  checkImp(o);
  return calledAs('imp', () => impChecked(data, o));
}

// #region controls
/** A network drawn afresh from seed, trained under `mask`: the
 *  random-reinitialization control (and, given a random mask, the
 *  random-sparse one). */
export function trainFresh(sizes: number[], mask: Mask, seed: number,
  data: Split, o: TicketOptions) {
  checkSizes('trainFresh', sizes);
  checkCount('trainFresh', 'seed', seed, 0);
  return calledAs('trainFresh', () => trainTicket(
    mlp(sizes, 'relu', createRng(seed)), mask, data, o));
}

/** One-shot: prune the dense trained weights once, per layer, to the
 *  share IMP keeps after k rounds: rate 1 − (1 − p_l)^k. */
export function oneShotMask(trained: Float64Array[], rates: number[],
  k: number): Mask {
  checkCount('oneShotMask', 'k', k, 0);
  return calledAs('oneShotMask', () => pruneMask(trained,
    trained.map((w) => new Float64Array(w?.length).fill(1)),
    rates.map((r) => 1 - (1 - r) ** k))); // Eq. (lt-share)
}
// #endregion
