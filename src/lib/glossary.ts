// The book's defined terms (issue 23). BOOK-STYLE asks that a term be
// defined in **bold** where it is first used; this module decides which
// bold is such a definition, gives each an anchor, and reads the sentence
// that defines it. The same rules serve the remark plugin that puts the
// anchors on the pages (src/plugins/remark-glossary.ts) and the glossary
// and index appendices, which read the chapters' sources
// (src/lib/index-entries.ts), so a link from the glossary always lands.
//
// Which bold is a term (measured over the 50 chapters; see the report in
// tests/platform/glossary.test.ts):
// - bold inside a paragraph's running text: not the first thing in its
//   paragraph (that is a label: "**Cost.** For a function…", a list
//   item's "**Cholesky**, $A = LL^T$ …"), unless it is followed by a word
//   of running text ("**Standardizing** gives every feature…");
// - of at most MAX_WORDS words: a longer bold is emphasis ("**the
//   condition number is the price of gradient descent**"), and so is bold
//   ending in a full stop or colon;
// - outside the sections whose bold is not a definition: the chapter
//   anatomy's Verification, Against a library, Key points, Exercises and
//   References (BOOK-STYLE), and outside exercises, hints and solutions;
// - the first bold of a term in its chapter (a later one is a reminder).
// Each gets the anchor "term-" + its key as a slug: stable while the
// term is spelled the same, whatever else the chapter changes.
import type {
  Root, RootContent, Paragraph, PhrasingContent, Strong,
} from 'mdast';
import { citeText } from '../plugins/remark-cite.ts';
import { bibliography } from './bib.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';

/** A bold of more words than this is emphasis, not a term. */
export const MAX_WORDS = 5;

/** Sections (## headings) whose bold is never a definition. */
export const SKIPPED_SECTIONS: readonly string[] = [
  'verification', 'against a library', 'key points', 'exercises',
  'references',
];

/** A section that defines nothing: one of SKIPPED_SECTIONS, or any
 *  comparison with a reference library ("Against PyTorch"). */
export function skippedSection(heading: string): boolean {
  const h = heading.trim().toLowerCase();
  return SKIPPED_SECTIONS.includes(h) || h.startsWith('against ');
}

/** MDX components whose content defines nothing. */
const SKIPPED_COMPONENTS = new Set(['Exercise', 'Hint', 'Solution']);

export interface TermMark {
  /** The term as written, `$…$` around its math: "$k$-means". */
  readonly term: string;
  /** What variants share: "k-means", "residual" for "Residuals". */
  readonly key: string;
  /** Its fragment id on the chapter's page: "term-k-means". */
  readonly anchor: string;
  /** The sentence that defines it, `$…$` around math. */
  readonly sentence: string;
  /** The ## section it is in ('' before the first). */
  readonly section: string;
  /** The bold node, for the plugin to give it its id. */
  readonly node: Strong;
}

type Node = Root | RootContent;
type Parent = Node & { children: RootContent[] };
const hasChildren = (n: Node): n is Parent =>
  Array.isArray((n as Parent).children);

/**
 * Parses an MDX chapter as the build does: MDX, GFM (tables: bold in a
 * cell is not running text) and math syntax.
 */
export function parseMdx(source: string): Root {
  // The frontmatter is not Markdown (parsed as such, its closing "---"
  // makes a heading of it): blank it, keeping the line numbers.
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
  const body = front
    ? front[0].replace(/[^\n]/g, '') + source.slice(front[0].length)
    : source;
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm)
    .use(remarkMath).parse(body);
}

/**
 * Inline content as short text: math as `$tex$`, code as `` `x` ``,
 * bold and links as their words, a <Ref> by what `ref` says it shows,
 * a <Cite> as its author and year.
 */
export function inlineText(nodes: readonly RootContent[],
  ref: (to: string) => string = (to) => to): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'inlineMath') out += `$${n.value}$`;
    else if (n.type === 'inlineCode') out += `\`${n.value}\``;
    else if (n.type === 'break') out += ' ';
    // a number the page computes at build ({fixed(…)}): not known here
    else if (n.type === 'mdxTextExpression') out += '…';
    else if (n.type === 'mdxJsxTextElement' && n.name === 'Cite') {
      // as the page shows it: "Fix and Hodges (1951)"
      out += citeText(n as unknown as Parameters<typeof citeText>[0],
        bibliography(process.cwd()));
    } else if (n.type === 'mdxJsxTextElement' && n.name === 'Ref') {
      const to = n.attributes.find((a) =>
        a.type === 'mdxJsxAttribute' && a.name === 'to')?.value;
      out += typeof to === 'string' ? ref(to) : '';
    } else if (hasChildren(n)) out += inlineText(n.children, ref);
  }
  return out.replace(/\s+/g, ' ');
}

const plainWords = (term: string) =>
  term.replace(/\$([^$]*)\$/g, '$1').replace(/[\\{}^_]/g, ' ')
    .replace(/\b(mathbf|boldsymbol|mathrm|operatorname|text)\b/g, ' ');

/** One word's singular, for merging "residuals" with "residual". */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  const irregular = /(matr|append|vert|ind)ices$/.exec(word);
  if (irregular) return word.slice(0, -4) + (/^(matr|append)/
    .test(irregular[1]) ? 'ix' : 'ex');
  if (/(ss|us|is|as|ics|ous|means|series|species)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The key that variants of a term share: lower case (except words that
 * are all capitals, "ROC" stays apart from "roc"), math unwrapped,
 * hyphens and spaces alike, the last word singular.
 */
export function termKey(term: string): string {
  const words = plainWords(term).replace(/[‐-―-]/g, ' ')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[^\p{L}\p{N}' ]/gu, ' ').trim().split(/\s+/)
    .filter(Boolean)
    .map((w) => (/^\p{Lu}{2,}s?$/u.test(w) ? w.replace(/s$/, '') : w
      .toLowerCase()));
  if (words.length === 0) return '';
  words[words.length - 1] = singular(words[words.length - 1]);
  return words.join(' ');
}

/** The anchor of a term: "term-" and its key, as a URL-safe slug. */
export function termAnchor(key: string): string {
  const slug = key.normalize('NFKD').replace(/\p{M}/gu, '')
    .toLowerCase().replace(/[^a-z0-9\u0370-\u03ff]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug === '') {
    throw new Error(`termAnchor: the term "${key}" has no letters or ` +
      'digits to name its anchor');
  }
  return `term-${slug}`;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATION = new RegExp('(?:\\b(?:e\\.g|i\\.e|cf|vs|etc|Eqs?|Fig|' +
  'Ch|al|resp|approx|Sec|No)|\\b[A-Z])\\.$');

/**
 * The sentence of `text` that holds the character at `at`: from the
 * full stop (or "?", "!") before it to the one after it, where a full
 * stop after an abbreviation or inside math does not count.
 */
export function sentenceAt(text: string, at: number): string {
  if (at < 0 || at > text.length) {
    throw new Error(`sentenceAt: position ${at} is outside the text ` +
      `(${text.length} characters)`);
  }
  // positions of sentence ends outside math
  const ends: number[] = [];
  let math = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$') math = !math;
    if (math || !/[.?!]/.test(c)) continue;
    const next = text.slice(i + 1);
    if (next !== '' && !/^["”’)]*\s+\S/.test(next)) continue;
    if (c === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i + 1))) {
      continue;
    }
    ends.push(i + 1);
  }
  let start = 0;
  let end = text.length;
  for (const e of ends) {
    if (e <= at) start = e;
    else { end = e; break; }
  }
  return text.slice(start, end).trim();
}

// Words that make a bold a claim, not a name: "**is not optional**".
const CLAIM_WORDS = new Set(['is', 'are', 'was', 'were', 'be', 'does',
  'do', 'did', 'can', 'cannot', 'must', 'should', 'will', 'has', 'have',
  'gives', 'makes']);
// …and these when they come first ("missing not at random" is a name;
// "**at least**", "**by hand**", "**the** only one" are not).
const LEADING_CLAIM_WORDS = new Set(['not', 'never', 'only', 'a', 'an',
  'the', 'its', 'every', 'by', 'from', 'at', 'on', 'one']);

/**
 * The sentence around position `at`, on one line, without a quote or
 * bracket left over from the sentence before; a sentence the paragraph
 * cuts off (it goes on in display math or a list) ends in "…".
 */
export function definitionSentence(text: string, at: number): string {
  const s = sentenceAt(text, Math.floor(at)).replace(/\s+/g, ' ')
    .replace(/^["”’)\]\s]+/, '').trim();
  return /[.?!]["”’)]*$/.test(s) ? s
    : `${s.replace(/[,:;—–-]\s*$/, '')} …`;
}

const wordCount = (term: string) =>
  plainWords(term).trim().split(/\s+/).filter(Boolean).length;

/** Why a bold is not a term, or null if it is one. */
export function notATerm(strong: PhrasingContent, paragraph: Paragraph,
  term: string): string | null {
  const kids = paragraph.children.filter((k) =>
    !(k.type === 'text' && k.value.trim() === ''));
  const after = paragraph.children[paragraph.children.indexOf(strong) + 1];
  const next = after?.type === 'text' ? after.value : '';
  if (term.trim() === '' || termKey(term) === '') return 'no words';
  if (/^\(/.test(term)) return 'label'; // "**(A)** the identity…"

  if (/[.:;!?]\s*$/.test(term)) return 'label';
  if (kids[0] === strong && !/^\s+\p{Ll}/u.test(next)) return 'label';
  if (wordCount(term) > MAX_WORDS) return 'emphasis';
  const words = plainWords(term).toLowerCase().trim().split(/\s+/);
  if (words.some((w) => CLAIM_WORDS.has(w)) ||
    LEADING_CLAIM_WORDS.has(words[0])) return 'emphasis';
  return null;
}

/** Every bold of a chapter's tree that defines a term, in order. */
export function termMarks(tree: Root,
  ref?: (to: string) => string): TermMark[] {
  const out: TermMark[] = [];
  const seen = new Set<string>();
  let section = '';
  const visit = (node: Node, skip: boolean) => {
    if (node.type === 'heading' && node.depth === 2) {
      section = inlineText(node.children).trim();
    }
    if (node.type === 'mdxJsxFlowElement' &&
      SKIPPED_COMPONENTS.has(node.name ?? '')) skip = true;
    if (node.type === 'paragraph' && !skip &&
      !skippedSection(section)) {
      const pieces = node.children.map((k) => inlineText([k], ref));
      const text = pieces.join('');
      let at = 0;
      for (const [i, k] of node.children.entries()) {
        const piece = pieces[i];
        if (k.type === 'strong') {
          const term = inlineText(k.children, ref).trim();
          const key = termKey(term);
          // one anchor per term and chapter (keys that differ only in
          // what an anchor cannot spell, "F₁"/"F1", are one term)
          const anchor = key === '' ? '' : termAnchor(key);
          if (notATerm(k, node, term) === null && !seen.has(anchor)) {
            seen.add(anchor);
            out.push({
              term, key, anchor, section,
              sentence: definitionSentence(text, at + piece.length / 2),
              node: k,
            });
          }
        }
        at += piece.length;
      }
      return;
    }
    if (hasChildren(node)) for (const k of node.children) visit(k, skip);
  };
  visit(tree, false);
  return out;
}
