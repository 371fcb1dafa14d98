// The KV cache on the transformers chapter's decoder (pre-LN blocks,
// several heads and layers): the same argument as Eq. (lm-kv-step),
// layer by layer. Each layer keeps its own keys and values, [1, H, t,
// d_h]; a step runs the new token alone through every block.
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { attention } from '../attention/sdpa.ts';
import { normLast } from '../transformers/block.ts';
import { Decoder } from '../transformers/decoder.ts';

// #region tf-cache
/** Per layer, the keys and values of every position read so far. */
export class LayerCache {
  keys: Tensor[] = [];
  values: Tensor[] = [];
  length = 0;
}

/** Reads token id at position cache.length; returns the logits [V]. */
export function decoderStep(model: Decoder, cache: LayerCache,
  id: number): Float64Array {
  checkDecoderStep(model, cache, id);
  const E = model.config.embed, t = cache.length;
  return noGrad(() => {
    let x = model.tokenEmbed.gather([id]).reshape([1, 1, E]);
    x = model.positions.forward(x, t); // row t of the table, not row 0
    model.blocks.forEach((b, l) => {
      const h = normLast(b.ln1, x); // pre-LN: a = x + attn(LN₁(x))
      const q = b.attn.project(h, 0);
      cache.keys[l] = append(cache.keys[l], b.attn.project(h, 1));
      cache.values[l] = append(cache.values[l], b.attn.project(h, 2));
      const o = attention(q, cache.keys[l], cache.values[l]).output;
      const a = x.add(b.attn.combine(o)); // no mask: all keys are ≤ t
      x = a.add(b.mlp.forward(normLast(b.ln2, a)));
    });
    cache.length = t + 1;
    return model.head.forward(model.lnF.forward(x.reshape([1, E])))
      .data.slice();
  });
}
// #endregion

/** [1, H, t, dh] and [1, H, 1, dh] → [1, H, t + 1, dh]. */
function append(old: Tensor | undefined, row: Tensor): Tensor {
  if (old === undefined) return row;
  const [, H, t, dh] = old.shape;
  const out = new Float64Array(H * (t + 1) * dh);
  for (let h = 0; h < H; h++) {
    out.set(old.data.subarray(h * t * dh, (h + 1) * t * dh),
      h * (t + 1) * dh);
    out.set(row.data.subarray(h * dh, (h + 1) * dh),
      (h * (t + 1) + t) * dh);
  }
  return new Tensor(out, [1, H, t + 1, dh]);
}

function checkDecoderStep(model: Decoder, cache: LayerCache,
  id: number): void {
  if (!(model instanceof Decoder)) {
    throw new Error('decoderStep: model must be a transformers Decoder');
  }
  if (!model.blocks.every((b) => b.norm === 'pre') ||
    !model.usePositions || !model.causal) {
    throw new Error('decoderStep: the model must be causal, pre-LN, ' +
      'with positions');
  }
  if (!(cache instanceof LayerCache)) {
    throw new Error('decoderStep: cache must be a LayerCache');
  }
  if (cache.length >= model.config.context) {
    throw new Error(`decoderStep: the cache is full (context ` +
      `${model.config.context})`);
  }
  if (!Number.isInteger(id) || id < 0 || id >= model.config.vocab) {
    throw new Error(`decoderStep: id must be a token id in [0, ` +
      `${model.config.vocab - 1}], got ${id}`);
  }
}
