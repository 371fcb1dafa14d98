// The trained word model of recurrent-networks as a next-token
// function for the decoders of sampling.ts. Its whole past is its state
// h_t: the function keeps the state of the last prefix it saw and, when
// asked for that prefix plus one token, takes one step from it instead
// of re-reading the word. (A transformer has no such summary; it must
// keep every past key and value: the KV cache below.)
import { ElmanCell } from '../recurrent-networks/cell.ts';
import { CharModel, checkModelArg } from '../recurrent-networks/charlm.ts';
import { START, VOCAB } from '../recurrent-networks/vocab.ts';
import { elmanWeights } from '../recurrent-networks/weights.ts';

// #region rnn-next
/** next(prefix) = the logits after ^ and prefix (ids of VOCAB). */
export function elmanNext(model: CharModel) {
  checkModelArg('elmanNext', model);
  if (!(model.cell instanceof ElmanCell)) {
    throw new Error('elmanNext: the model\'s cell must be an ElmanCell');
  }
  const w = elmanWeights(model), H = w.hidden, v = VOCAB.length;
  let seen: number[] = [], h = step(new Float64Array(H), START);
  function step(prev: Float64Array, id: number): Float64Array {
    const out = new Float64Array(H); // Eq. (rnn-elman), x one-hot
    for (let i = 0; i < H; i++) {
      let a = w.Wih[i * v + id] + w.bih[i] + w.bhh[i];
      for (let j = 0; j < H; j++) a += w.Whh[i * H + j] * prev[j];
      out[i] = Math.tanh(a);
    }
    return out;
  }
  return (prefix: readonly number[]): Float64Array => {
    checkPrefix(prefix, v);
    const extends1 = prefix.length === seen.length + 1 &&
      seen.every((id, t) => prefix[t] === id);
    if (!extends1) { // start again from ^
      h = step(new Float64Array(H), START);
      for (let t = 0; t < prefix.length - 1; t++) h = step(h, prefix[t]);
    }
    if (prefix.length > 0) h = step(h, prefix[prefix.length - 1]);
    seen = prefix.slice();
    const z = new Float64Array(v);
    for (let c = 0; c < v; c++) {
      let s = w.b[c];
      for (let i = 0; i < H; i++) s += h[i] * w.W[i * v + c];
      z[c] = s;
    }
    return z;
  };
}
// #endregion

function checkPrefix(prefix: readonly number[], v: number): void {
  if (!Array.isArray(prefix) || !prefix.every((id) =>
    Number.isInteger(id) && id >= 0 && id < v)) {
    throw new Error('elmanNext: prefix must be an array of token ids ' +
      `in [0, ${v - 1}]`);
  }
}
