// Bad-input specs for chapter "neural-optimizers" (tests/bad-input.ts).
// Tensors and surfaces are `any()`: their checks are the MLP chapter's
// and their own tests.
import { Tensor } from '../../code/autodiff/tensor.ts';
import {
  adagrad, adam, adamw, makeRule, rmsprop, sgd,
} from '../../code/neural-optimizers/optimizers.ts';
import { cosine } from '../../code/gradient-descent/schedules.ts';
import {
  warmupCosine, withSchedule,
} from '../../code/neural-optimizers/schedules.ts';
import { clipGradNorm, withClipping } from '../../code/neural-optimizers/clip.ts';
import { path, quadratic } from '../../code/neural-optimizers/paths.ts';
import { decayRun } from '../../code/neural-optimizers/decay.ts';
import { amsgrad } from '../../code/neural-optimizers/solutions/amsgrad.ts';
import {
  sutskeverNesterov,
} from '../../code/neural-optimizers/solutions/sutskever.ts';
import { reddiRun } from '../../code/neural-optimizers/solutions/reddi.ts';
import {
  checkCount, checkFlag, checkNonNegative, checkOptions, checkParamList,
  checkPositive, checkRate, checkRuleCall,
} from '../../code/neural-optimizers/checks.ts';
import {
  any, callback, groups, int, num, opts, spec, vec,
} from '../bad-input.ts';

const withGrad = () => {
  const w = new Tensor([1, 2], [2], true);
  w.grad = Float64Array.of(0.5, -1);
  return [w];
};
const rate = (as: string) => num({ min: 0, lt: 1 }, as);

export const badInput = groups({
  optimizers: [
    spec(sgd, () => [{ momentum: 0.9, dampening: 0, weightDecay: 0 }],
      [opts({ momentum: rate('momentum'), dampening: rate('dampening'),
        weightDecay: num({ min: 0 }) })]),
    spec(adagrad, () => [{ eps: 1e-10 }], [opts({ eps: num({ gt: 0 }) })]),
    spec(rmsprop, () => [{ alpha: 0.99, eps: 1e-8, momentum: 0 }],
      [opts({ alpha: rate('alpha'), eps: num({ gt: 0 }),
        momentum: rate('momentum') })]),
    spec(adam, () => [{ beta1: 0.9, beta2: 0.999, eps: 1e-8,
      weightDecay: 0 }], [opts({ beta1: rate('beta1'),
      beta2: rate('beta2'), eps: num({ gt: 0 }),
      weightDecay: num({ min: 0 }) })]),
    spec(adamw, () => [{ beta1: 0.9, beta2: 0.999, eps: 1e-8,
      weightDecay: 0.01 }], [opts({ beta1: rate('beta1'),
      beta2: rate('beta2'), eps: num({ gt: 0 }),
      weightDecay: num({ min: 0 }) })]),
    spec((params: Tensor[], eta: number) => adam()(params, eta),
      () => [withGrad(), 0.1], [any(), num({ gt: 0 }, 'eta')],
      { name: 'adam', covers: [adam] }),
    spec(makeRule, () => ['rule', 1, () => {}],
      [any(), int(0, {}, 'buffers'), callback({ as: 'update' })]),
    spec(warmupCosine, () => [5, 50, 0.1, 0],
      [int(1, {}, 'w'), int(6, {}, 'T'), num({ gt: 0, lt: 1 }, 'start'),
        num({ min: 0, lt: 1 }, 'etaMin')]),
    spec(withSchedule, () => [() => {}, cosine(1, 10)],
      [callback({ as: 'rule' }), callback({ as: 'factor' })]),
  ],
  tools: [
    spec(clipGradNorm, () => [withGrad(), 1],
      [any(), num({ gt: 0 }, 'maxNorm')]),
    spec(withClipping, () => [() => {}, 1],
      [callback({ as: 'rule' }), num({ gt: 0 }, 'maxNorm')]),
    spec(quadratic, () => [10, 0.5], [num({ gt: 0 }, 'kappa'), num({}, 'a')]),
    spec(path, () => [quadratic(10), sgd(), [1, 1], 0.1, 3],
      [any(), callback({ as: 'rule' }), vec(2, { as: 'start' }),
        num({ gt: 0 }, 'eta'), int(0, {}, 'steps')]),
    spec(decayRun, () => [adam(), [1, 0.01], 0.01, 3],
      [any(), vec(undefined, { as: 'scales' }), num({ gt: 0 }, 'eta'),
        int(1, {}, 'steps')]),
    spec(amsgrad, () => [0.9, 0.999, 1e-8],
      [rate('beta1'), rate('beta2'), num({ gt: 0 }, 'eps')]),
    spec(reddiRun, () => [adam(), 3, 0.5, 3], [any(), num({ gt: 0 }, 'C'),
      num({ gt: 0 }, 'eta'), int(1, {}, 'T')]),
    spec(sutskeverNesterov, () => [(x: Float64Array) => x, [1, 1], 0.1,
      0.5, 3], [callback({ as: 'grad' }), vec(undefined, { as: 'theta0' }),
      num({ gt: 0 }, 'eta'), rate('mu'), int(0, {}, 'steps')]),
  ],
  checks: [
    spec(checkParamList, () => ['caller', withGrad()], [any(), any()],
      { name: 'caller' }),
    spec(checkRuleCall, () => ['caller', withGrad(), 0.1],
      [any(), any(), num({ gt: 0 }, 'eta')], { name: 'caller' }),
    spec(checkOptions, () => ['caller', {}], [any(), any()],
      { name: 'caller' }),
    spec(checkRate, () => ['caller', 'beta', 0.5],
      [any(), any(), num({ min: 0, lt: 1 }, 'beta')], { name: 'caller' }),
    spec(checkNonNegative, () => ['caller', 'lambda_', 0.5],
      [any(), any(), num({ min: 0 }, 'lambda_')], { name: 'caller' }),
    spec(checkPositive, () => ['caller', 'eps', 0.5],
      [any(), any(), num({ gt: 0 }, 'eps')], { name: 'caller' }),
    spec(checkFlag, () => ['caller', 'nesterov', true], [any(), any(),
      any()], { name: 'caller' }),
    spec(checkCount, () => ['caller', 'T', 3, 1],
      [any(), any(), int(1, {}, 'T'), any()], { name: 'caller' }),
  ],
});
