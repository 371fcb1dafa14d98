// @unshown: the trained word model as plain numbers and back, so that
// the chapter's interactive figure can run the sampler in the browser.
import { Tensor } from '../autodiff/tensor.ts';
import { Linear } from '../multilayer-perceptron/layers.ts';
import { ElmanCell } from './cell.ts';
import { CharModel, checkModelArg } from './charlm.ts';
import { VOCAB } from './vocab.ts';

/** An Elman word model's parameters, in torch's shapes, as arrays. */
export interface ElmanWeights {
  hidden: number; Wih: number[]; bih: number[]; Whh: number[];
  bhh: number[]; W: number[]; b: number[];
}

/** The weights of a CharModel whose cell is an ElmanCell. */
export function elmanWeights(model: CharModel): ElmanWeights {
  checkModelArg('elmanWeights', model);
  const c = model.cell;
  if (!(c instanceof ElmanCell)) {
    throw new Error('elmanWeights: the model\'s cell must be an ElmanCell');
  }
  const a = (t: Tensor) => Array.from(t.data);
  return { hidden: c.hiddenSize, Wih: a(c.Wih), bih: a(c.bih),
    Whh: a(c.Whh), bhh: a(c.bhh), W: a(model.head.W),
    b: a(model.head.b) };
}

/** The CharModel those weights describe. */
export function elmanCharModel(w: ElmanWeights): CharModel {
  if (w === null || typeof w !== 'object' ||
    !Number.isInteger(w.hidden) || w.hidden < 1) {
    throw new Error('elmanCharModel: w must hold the weights of ' +
      'elmanWeights');
  }
  const H = w.hidden, v = VOCAB.length;
  const t = (name: keyof ElmanWeights, shape: number[]) => {
    const x = w[name];
    if (!Array.isArray(x) || x.length !== shape[0] * (shape[1] ?? 1) ||
      !x.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new Error(`elmanCharModel: w.${name} must hold ` +
        `[${shape}] finite numbers`);
    }
    return new Tensor(x, shape, true);
  };
  return new CharModel(new ElmanCell(t('Wih', [H, v]), t('bih', [H]),
    t('Whh', [H, H]), t('bhh', [H])), new Linear(t('W', [H, v]),
    t('b', [v])));
}
