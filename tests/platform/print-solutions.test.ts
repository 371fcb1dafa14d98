// The print edition's solutions appendix (src/lib/print-solutions.ts):
// a chapter's print page drops each exercise's <Solution> for a link, and
// the appendix gets the solutions. The web edition keeps them folded
// under their exercises (scripts/test-site.ts checks the built pages).
import { describe, expect, it } from 'vitest';
import {
  cutSolutions, solutionAnchor,
} from '../../src/lib/print-solutions.ts';

const exercise = (n: string, title: string, solution: string) =>
  `<div class="exercise" id="exercise-${n.replace('.', '-')}" ` +
  `data-exercise="${n}"><p class="exercise-head"><a href="#x" ` +
  `class="exercise-number">Exercise ${n}</a> <strong>${title}</strong>` +
  '</p><p>Do it.</p><details class="hint" data-exercise="' + n +
  '"><summary>Hint</summary><p>Think.</p></details>' + solution + '</div>';

const page = '<h2>Exercises</h2>' +
  exercise('8.1', 'First', '<details class="solution" data-exercise="8.1">' +
    '<summary>Solution</summary><p>One <details class="deeper">' +
    '<summary>more</summary>x</details> done.</p></details>') +
  exercise('8.2', 'No solution', '') +
  exercise('8.3', 'Third <em>one</em>', '<details class="solution" ' +
    'data-exercise="8.3"><summary>Solution</summary><p id="eq">B</p>' +
    '</details>');

describe('cutSolutions', () => {
  it('cuts every solution, nested <details> and all, in order', () => {
    const { solutions } = cutSolutions(page, () => '');
    expect(solutions).toEqual([
      {
        number: '8.1', title: 'First',
        body: '<p>One <details class="deeper"><summary>more</summary>x' +
          '</details> done.</p>',
      },
      { number: '8.3', title: 'Third <em>one</em>', body: '<p id="eq">B</p>' },
    ]);
  });

  it('leaves the link in place of each solution, and the hints', () => {
    const { html } = cutSolutions(page, (n) => `[see ${solutionAnchor(n)}]`);
    expect(html).not.toContain('class="solution"');
    expect(html).not.toContain('done.');
    expect(html).toContain('Think.</p></details>[see solution-8-1]</div>');
    expect(html).toContain('[see solution-8-3]');
    expect(html.match(/class="hint"/g)).toHaveLength(3);
  });

  it('leaves a page without solutions as it is', () => {
    const plain = exercise('2.1', 'T', '');
    expect(cutSolutions(plain, () => 'x')).toEqual({
      html: plain, solutions: [],
    });
  });

  it('refuses a solution whose exercise it cannot find', () => {
    expect(() => cutSolutions('<details class="solution" ' +
      'data-exercise="9.9"><summary>S</summary></details>', () => ''))
      .toThrow(/cutSolutions: no exercise 9\.9/);
  });
});
