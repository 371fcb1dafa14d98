// The English words of data/words/ (1000 drawn from Debian's wamerican
// list), checksum verified, split into training and validation words.
// Node only (fs and crypto): never import this file into browser code.
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { LANGUAGES } from '../naive-bayes/words.ts';

// #region load
/** The English words in file order (a random order), and a split:
 *  word i is a validation word when i % 5 = 4 (200 of 1000). */
export function loadEnglish(dir = dataPath('data/words')) {
  if (typeof dir !== 'string' || dir === '') {
    throw new Error(`loadEnglish: dir must be a folder's path, got ${dir}`);
  }
  const en = LANGUAGES[0];
  const words = readVerified('loadEnglish', `${dir}/${en.file}`,
    en.sha256, 'data/words/README.md').toString('utf8').trimEnd()
    .split('\n');
  return { words, train: words.filter((_, i) => i % 5 !== 4),
    valid: words.filter((_, i) => i % 5 === 4) };
}
// #endregion
