// The print edition's solutions appendix. On the web an exercise's
// <Solution> is folded under it (remark-book.ts makes it a
// <details class="solution" data-exercise="8.3">); on paper it moves to
// the appendix "Solutions" at the end of the book (print/solutions.astro),
// and the exercise keeps a link to it. Hints stay with their exercise.
// This works on a chapter's rendered HTML, as a string: the chapter's
// print page drops its solutions, the appendix keeps only them.

/** One exercise's solution, cut from a chapter's HTML. */
export interface CutSolution {
  /** The exercise's number, "8.3". */
  number: string;
  /** The exercise's title, as HTML. */
  title: string;
  /** The solution's content (without its summary), as HTML. */
  body: string;
}

/** The anchor of exercise 8.3's solution in the appendix. */
export const solutionAnchor = (number: string) =>
  `solution-${number.replace('.', '-')}`;

/** The anchor of the appendix, and its contents entry. */
export const SOLUTIONS_ID = 'appendix-solutions';

const OPEN = /<details class="solution" data-exercise="([\d.]+)">/g;

/** Where the element opened at `from` closes (after its end tag). */
function closeOf(html: string, from: number): number {
  const tag = /<(\/?)details\b[^>]*>/g;
  tag.lastIndex = from;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error('cutSolutions: a <details> that does not close');
}

/**
 * A chapter's HTML without its solutions, each replaced by `link(number)`,
 * and the solutions cut from it, in order.
 */
export function cutSolutions(html: string,
  link: (number: string) => string) {
  const solutions: CutSolution[] = [];
  let out = '';
  let at = 0;
  for (const m of html.matchAll(OPEN)) {
    if (m.index < at) continue; // inside a solution already cut
    const end = closeOf(html, m.index);
    const number = m[1];
    const inner = html.slice(m.index + m[0].length, end - '</details>'.length);
    const body = inner.replace(/^\s*<summary>[\s\S]*?<\/summary>/, '');
    const head = new RegExp(`data-exercise="${number.replace('.', '\\.')}">` +
      '<p class="exercise-head">[\\s\\S]*?<strong>([\\s\\S]*?)</strong>')
      .exec(html);
    if (!head) {
      throw new Error(`cutSolutions: no exercise ${number} for a solution`);
    }
    solutions.push({ number, title: head[1], body });
    out += html.slice(at, m.index) + link(number);
    at = end;
  }
  return { html: out + html.slice(at), solutions };
}
