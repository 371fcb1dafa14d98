// Accessibility checks with axe-core (issue 25), shared by
// `npm run test:site` (every page, trimmed, in CI) and
// `node scripts/bench/a11y.ts` (every page in full, an audit to run by
// hand; it prints counts per page type).
//
// Why CI trims a page before axe reads it. A chapter page holds 30,000
// to 40,000 elements: about 17,000 are KaTeX's drawn formulas and about
// 5,000 the tokens of its listings. axe's color-contrast rule measures
// each text element's colour against what lies behind it, and on such a
// page it took 30 of axe's 40 s (measured on regularization, two loaded
// cores). The colours of drawn math and of listing tokens come from one
// stylesheet and one code theme, the same on every page, and KaTeX
// writes every formula to one template (the drawn formula, aria-hidden,
// beside its MathML for screen readers): so every page keeps its first
// five formulas, both parts, and the first 100 lines of its first
// listing; the rest are removed before axe runs, and every other
// element is checked. Removing the MathML of the others too (about
// 8,000 elements of a 14,500-element page once the drawn parts are
// gone) took axe from 4.0 to 1.7 s on regularization. The full audit
// checks every element and must agree.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Scheme = 'light' | 'dark';

/** Opens pages in a colour scheme: Starlight reads its choice from here. */
export function schemeScript(scheme: Scheme) {
  return `try { localStorage.setItem('starlight-theme', '${scheme}'); }` +
    ' catch {}';
}

/** Removes repeated formulas and listings (see the note at the top). */
function trimRepeats(
  keep: { formulas: number; listings: number; lines: number },
) {
  const formulas = document.querySelectorAll('.katex');
  for (let i = keep.formulas; i < formulas.length; i++) formulas[i].remove();
  const listings = document.querySelectorAll('.expressive-code pre');
  for (let i = keep.listings; i < listings.length; i++) listings[i].remove();
  // A test page is one listing of a whole test file (1,000 lines).
  const lines = document.querySelectorAll('.expressive-code .ec-line');
  for (let i = keep.lines; i < lines.length; i++) lines[i].remove();
}

export interface AxeOptions {
  /** Trim repeated formulas and listings first (CI). Default true. */
  trim?: boolean;
  /** Only the rules that depend on colour (for the second scheme). */
  coloursOnly?: boolean;
}

export interface Violation {
  id: string;
  impact: string;
  nodes: number;
  /** The first few offending elements and axe's summary for each. */
  examples: string[];
}

/** axe's violations on the page as it is now, every impact level. */
export async function axeViolations(
  page: Page, { trim = true, coloursOnly = false }: AxeOptions = {},
): Promise<Violation[]> {
  if (trim) {
    await page.evaluate(trimRepeats,
      { formulas: 5, listings: 1, lines: 100 });
  }
  if (!await page.evaluate(() => 'axe' in window)) {
    await page.addScriptTag({ content: AXE });
  }
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: AxeGlobal }).axe;
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      ...(only ? { runOnly: ['color-contrast', 'link-in-text-block'] } : {}),
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      nodes: v.nodes.length,
      examples: v.nodes.slice(0, 3).map((n) =>
        `${n.target.join(' ')}: ${(n.failureSummary ?? '')
          .replace(/\s+/g, ' ').slice(0, 200)}`),
    }));
  }, coloursOnly);
}

/** The serious and critical ones, as lines for a failed check. */
export function serious(violations: readonly Violation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} × ${v.nodes}\n  ` +
      v.examples.join('\n  '));
}

interface AxeGlobal {
  run(context: Document, options: object): Promise<{
    violations: {
      id: string;
      impact?: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  }>;
}
