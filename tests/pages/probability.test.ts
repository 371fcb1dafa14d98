// The numbers and figures the page of the probability chapter prints,
// checked against its build-time computation, src/compute/probability.ts;
// the chapter's code is tested in tests/probability.test.ts. Importing the
// module runs the computation, or reads it from the build's cache (.cache/)
// when that is current, so these tests run after `npm run build`:
// `npm run test:pages` (one chapter: `npm run test:pages -- probability`).
// `npm test` leaves them out. The tests keep the names they had in the
// chapter's test file.
import { describe, expect, it } from 'vitest';

describe('review', () => {
  it("the Beta figure's x tick labels read back as their tick values", async () => {
    const { BETA_TICKS, betaTickLabel, betaFigure } = await import(
      '../../src/compute/probability.ts');
    for (const t of BETA_TICKS) expect(Number(betaTickLabel(t))).toBe(t);
    // and those labels are what the figure prints (Plot's default
    // format printed 0.25 as "0.3")
    const svg = betaFigure();
    for (const t of BETA_TICKS) {
      expect(svg).toContain(`>${betaTickLabel(t)}</text>`);
    }
    expect(svg).not.toContain('>0.3</text>');
  });
});
