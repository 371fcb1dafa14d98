// The numbers and figures the page of the transformers chapter prints,
// checked against its build-time computation, src/compute/transformers.ts;
// the chapter's code is tested in tests/transformers.test.ts. Importing the
// module runs the computation, or reads it from the build's cache (.cache/)
// when that is current, so these tests run after `npm run build`:
// `npm run test:pages` (one chapter: `npm run test:pages -- transformers`).
// `npm test` leaves them out. The tests keep the names they had in the
// chapter's test file.
import { beforeAll, describe, expect, it } from 'vitest';

describe('review', () => {
  describe('the numbers the page prints', () => {
    type Page = typeof import('../../src/compute/transformers.ts');
    let r: Page['default'];
    beforeAll(async () => {
      r = (await import('../../src/compute/transformers.ts')).default;
    }, 180_000);

    it('the word model read as many words as the recurrent models', () => {
      expect(r.word.words).toBe(r.word.rnnWords);
      expect(r.word.steps).toBe(r.word.rnnSteps);
    });

    it('behind the Elman RNN, by less than two paired SE', () => {
      expect(r.word.gapRnn).toBeGreaterThan(0);
      expect(r.word.gapRnn).toBeLessThan(2 * r.word.seRnn);
    });

    it('ahead of the bigram by more than two paired SE', () => {
      expect(r.word.diffBigram).toBeLessThan(-2 * r.word.seBigram);
    });

    it('post-LN\'s top block: > 1.5 times pre-LN\'s (2 SE)', () => {
      expect(r.depth.ratio - 2 * r.depth.ratioSe).toBeGreaterThan(1.5);
    });

    it('pre-LN falls with depth; post-LN has no clear trend', () => {
      expect(r.depth.preTrend).toBeLessThan(-2 * r.depth.preTrendSe);
      expect(Math.abs(r.depth.postTrend))
        .toBeLessThan(2 * r.depth.postTrendSe);
    });
  });
});
