// The characters of the word model: a start token, an end token and the
// 26 lower-case letters. A word w = c₁…c_m is read as the inputs
// ^ c₁ … c_m and the targets c₁ … c_m . (a full stop ends it): each
// step predicts the next character, the last that the word has ended.

// #region vocab
/** Token ids: 0 is the start token ^, 1 the end token ., then a–z. */
export const VOCAB: readonly string[] =
  ['^', '.', ...'abcdefghijklmnopqrstuvwxyz'];
export const START = 0;
export const END = 1;

/** The inputs (^, c₁, …, c_m) and targets (c₁, …, c_m, .) of a word. */
export function encodeWord(word: string) {
  checkWord('encodeWord', word);
  const m = word.length;
  const inputs = new Int32Array(m + 1), targets = new Int32Array(m + 1);
  inputs[0] = START;
  for (let t = 0; t < m; t++) {
    inputs[t + 1] = targets[t] = VOCAB.indexOf(word[t]);
  }
  targets[m] = END;
  return { inputs, targets };
}
// #endregion

// #region decode
/** The letters of token ids, the start and end tokens left out. */
export function decodeWord(ids: ArrayLike<number>): string {
  checkIds('decodeWord', ids, 0); // a sample may end at once: ''
  let s = '';
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    if (!Number.isInteger(i) || i < 0 || i >= VOCAB.length) {
      throw new Error(`decodeWord: id ${i} at ${k} is not in ` +
        `[0, ${VOCAB.length - 1}]`);
    }
    if (i > END) s += VOCAB[i];
  }
  return s;
}
// #endregion

// #region one-hot
/** Row k is the one-hot vector of token ids[k]: [ids.length, 28]. */
export function oneHot(ids: ArrayLike<number>): Float64Array {
  checkIds('oneHot', ids, 1);
  const v = VOCAB.length;
  const out = new Float64Array(ids.length * v);
  for (let k = 0; k < ids.length; k++) {
    if (!Number.isInteger(ids[k]) || ids[k] < 0 || ids[k] >= v) {
      throw new Error(`oneHot: id ${ids[k]} at ${k} is not in ` +
        `[0, ${v - 1}]`);
    }
    out[k * v + ids[k]] = 1;
  }
  return out;
}
// #endregion

function checkWord(fn: string, word: string): void {
  if (typeof word !== 'string' || !/^[a-z]+$/.test(word)) {
    throw new Error(`${fn}: a word must be one or more letters a-z, ` +
      `got ${JSON.stringify(word)}`);
  }
}

function checkIds(fn: string, ids: ArrayLike<number>,
  min: number): void {
  if (ids === null || typeof ids !== 'object' || !('length' in ids) ||
    ids.length < min) {
    throw new Error(`${fn}: ids must be an array of at least ${min} ` +
      'token ids');
  }
}
