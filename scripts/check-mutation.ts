// `npm run check`: every chapter has a mutation report
// (tests/mutation/<slug>.json) that describes its current code and tests,
// and its tests catch at least 90 % of the mutants not marked equivalent.
// Stryker itself never runs here (it takes minutes per chapter); this only
// hashes the files and compares. `npm run mutate -- <slug>` refreshes one.
import { CHAPTERS } from '../src/toc.ts';
import {
  hashInputs, readReport, reportPath,
} from '../src/lib/mutation-info.ts';

export interface Problem {
  readonly where: string;
  readonly what: string;
}

/** The share of non-equivalent mutants a chapter's tests must catch. */
export const MIN_CAUGHT = 0.9;

/**
 * A missing report, one whose hashes no longer match the files, or a
 * current one below MIN_CAUGHT.
 */
export function checkMutationReports(root: string): Problem[] {
  const problems: Problem[] = [];
  for (const { slug } of CHAPTERS) {
    const where = reportPath(slug);
    const refresh = `run \`npm run mutate -- ${slug}\``;
    const report = readReport(slug, root);
    if (!report) {
      problems.push({ where, what: `chapter "${slug}" has no mutation ` +
        `report; ${refresh}` });
      continue;
    }
    const now = hashInputs(root, slug);
    if (now.sha256 === report.sha256) {
      if (report.caught < MIN_CAUGHT) {
        problems.push({ where, what: `chapter "${slug}": tests catch ` +
          `${(100 * report.caught).toFixed(2)} % of its mutants, below ` +
          `${100 * MIN_CAUGHT} % (issue 15); kill or mark the survivors ` +
          'listed in the report' });
      }
      continue;
    }
    const changed = [...new Set([...Object.keys(now.files),
      ...Object.keys(report.files)])]
      .filter((f) => now.files[f] !== report.files[f]);
    problems.push({
      where,
      what: `chapter "${slug}": the mutation report is stale ` +
        `(${changed.join(', ')} changed since it was made); ${refresh}`,
    });
  }
  return problems;
}
