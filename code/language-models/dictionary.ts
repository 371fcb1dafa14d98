// The English dictionary of data/english-dictionary/ (63 849 lower-case
// entries of Debian's american-english), checksum verified. Node only.
import { dataPath, readVerified } from '../calculus/data-file.ts';

// #region dictionary
/** The dictionary's words as a Set, to ask "is this a real word?". */
export function loadDictionary(
  file = dataPath('data/english-dictionary/words.txt')): Set<string> {
  if (typeof file !== 'string' || file === '') {
    throw new Error(`loadDictionary: file must be a path, got ${file}`);
  }
  const text = readVerified('loadDictionary', file,
    '2a939a220e05685d04f64052e299da8f7d141e1eec1e5b079e1a9b10421922fe',
    'data/english-dictionary/README.md').toString('utf8');
  return new Set(text.trimEnd().split('\n'));
}
// #endregion
