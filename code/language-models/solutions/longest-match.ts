// Exercise: tokenize by longest match against the BPE vocabulary
// (WordPiece-style) instead of replaying the merges, and find where the
// two disagree.
import { EOW, encodeBpe, type Merge } from '../bpe.ts';
import { checkMerges, checkToken } from '../checks.ts';

// #region longest-match
/** Left to right, the longest vocabulary symbol that starts here. */
export function longestMatch(word: string,
  merges: readonly Merge[]): string[] {
  checkToken('longestMatch', word);
  checkMerges('longestMatch', merges);
  const vocab = new Set<string>([...word, EOW]);
  for (const [a, b] of merges) vocab.add(a + b);
  const s = word + EOW, out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let j = s.length;
    while (j > i + 1 && !vocab.has(s.slice(i, j))) j--; // a letter
    // always matches, and at the end s.slice(i) is </w> itself
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

/** The words whose two tokenizations differ. */
export function disagreements(words: readonly string[],
  merges: readonly Merge[]): string[] {
  if (!Array.isArray(words)) {
    throw new Error('disagreements: words must be an array of words');
  }
  return words.filter((w) => longestMatch(w, merges).join(' ') !==
    encodeBpe(w, merges).join(' '));
}
// #endregion
