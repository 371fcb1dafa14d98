// The word sample of data/words/: 1000 words of each of five languages
// drawn from Debian's word lists, loaded with their checksums verified.
// Node only (fs and crypto): never import this file into browser code.
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { requirePaired } from '../introduction/checks.ts';

// #region load-words
/** The languages in label order, their files and SHA-256 (README.md). */
export const LANGUAGES = [
  { name: 'English', file: 'english.txt', sha256:
    '54a1b652ed6413e5c0dfb83c95d3a4d44ea7e1ac286c5721e38ddc1b6875ad44' },
  { name: 'French', file: 'french.txt', sha256:
    '039c4edb631031bc7d06bc321d008cfbb0d6249da72903145e637dea79833e19' },
  { name: 'German', file: 'german.txt', sha256:
    '280213a814ee1d412063b3c7e66e57a36c2cc34097c826001b94e899383d1e2e' },
  { name: 'Spanish', file: 'spanish.txt', sha256:
    '5ea4534bb4bf9181eb4a9f1436dd6856672b369bcc994eb4ba399aaf12a8bd94' },
  { name: 'Italian', file: 'italian.txt', sha256:
    'f5c81085e2dbe9a60ab2af2e358bd0754839e2bb83d7a53091f19b954d361a1a' },
] as const;
// #endregion

// #region load-words-fn

/** Every word with its language's label, in file order. */
export function loadWords(dir = dataPath('data/words')) {
  if (typeof dir !== 'string' || dir === '') {
    throw new Error(`loadWords: dir must be a folder's path, got ${dir}`);
  }
  const words: string[] = [];
  const labels: number[] = [];
  LANGUAGES.forEach((lang, c) => {
    const bytes = readVerified('loadWords', `${dir}/${lang.file}`,
      lang.sha256, 'data/words/README.md');
    for (const w of bytes.toString('utf8').trimEnd().split('\n')) {
      words.push(w);
      labels.push(c);
    }
  });
  return { words, y: Int32Array.from(labels),
    names: LANGUAGES.map((l) => l.name) };
}
// #endregion

// #region split
/** Word i of each language is held out for testing when i % 4 = 3: a
 *  quarter, drawn at random by the file's own random order. */
export function splitWords(words: readonly string[],
  y: ArrayLike<number>) {
  if (!Array.isArray(words)) {
    throw new Error(`splitWords: words must be a list, got ${words}`);
  }
  requirePaired('splitWords', { y, words: words.map(() => 0) });
  const train: number[] = [];
  const test: number[] = [];
  const seen = new Map<number, number>();
  for (let i = 0; i < words.length; i++) {
    const k = seen.get(y[i]) ?? 0;
    seen.set(y[i], k + 1);
    (k % 4 === 3 ? test : train).push(i);
  }
  return { train, test };
}
// #endregion
