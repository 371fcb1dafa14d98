// Exercise solution: Reddi, Kale & Kumar's online problem on [−1, 1]:
// f_t(x) = C x when t mod 3 = 1, else −x. The best fixed x is −1.
import { Tensor } from '../../autodiff/tensor.ts';
import type { StepRule } from '../../multilayer-perceptron/train.ts';
import { requireFunction } from '../../introduction/checks.ts';
import { checkCount, checkPositive } from '../checks.ts';

/** x after T projected steps at rate η/√t; the mean x over them. */
export function reddiRun(rule: StepRule, C: number, eta: number,
  T: number): { last: number; mean: number } {
  checkReddi(rule, C, eta, T);
  const x = new Tensor([0], [1], true);
  let sum = 0;
  for (let t = 1; t <= T; t++) {
    x.grad = Float64Array.of(t % 3 === 1 ? C : -1);
    rule([x], eta / Math.sqrt(t));
    x.data[0] = Math.min(1, Math.max(-1, x.data[0])); // project
    sum += x.data[0];
  }
  return { last: x.data[0], mean: sum / T };
}

function checkReddi(rule: StepRule, C: number, eta: number, T: number) {
  requireFunction('reddiRun', 'rule', rule);
  checkPositive('reddiRun', 'C', C);
  checkPositive('reddiRun', 'eta', eta);
  checkCount('reddiRun', 'T', T);
}
