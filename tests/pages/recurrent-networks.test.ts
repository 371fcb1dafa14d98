// The numbers and figures the page of the recurrent-networks chapter
// prints, checked against its build-time computation,
// src/compute/recurrent-networks.ts; the chapter's code is tested in
// tests/recurrent-networks.test.ts. Importing the module runs the
// computation, or reads it from the build's cache (.cache/) when that is
// current, so these tests run after `npm run build`: `npm run test:pages`
// (one chapter: `npm run test:pages -- recurrent-networks`). `npm test`
// leaves them out. The tests keep the names they had in the chapter's test
// file.
import { beforeAll, describe, expect, it } from 'vitest';

describe('review', () => {
  describe('the numbers the page prints', () => {
    // The numbers the page prints, from the chapter's build-time module
    // (read from the compute cache when it is current; a cold run trains
    // the word model, a few seconds).
    type Page = typeof import('../../src/compute/recurrent-networks.ts');
    let r: Page['default'];
    beforeAll(async () => {
      r = (await import('../../src/compute/recurrent-networks.ts')).default;
    }, 120_000);

    it('ρ = 1.5: the norm grows only about 1.04 a step, with a mean ' +
      'tanh slope well below 1 though few entries are saturated', () => {
      expect(r.lag.perStep[2]).toBeGreaterThan(1);
      expect(r.lag.perStep[2]).toBeLessThan(1.1);
      expect(r.lag.meanSlope[2]).toBeLessThan(0.7);
      expect(r.lag.saturated[2]).toBeLessThan(0.2);
      expect(r.lag.ratio15).toBeCloseTo(r.lag.perStep[2] ** 59, 8);
    });

    it('ρ = 3 explodes although more of it is saturated and its mean ' +
      'slope is lower still', () => {
      expect(r.lag.perStep[3]).toBeGreaterThan(1.2);
      expect(r.lag.at[3].norms[3]).toBeGreaterThan(1e6);
      expect(r.lag.saturated[3]).toBeGreaterThan(0.5);
      expect(r.lag.meanSlope[3]).toBeLessThan(r.lag.meanSlope[2]);
    });

    it('the RNN beats the best bigram by more than 3 paired standard ' +
      'errors, and the difference is the log of the perplexity ratio',
    () => {
      expect(r.cmp.diff / r.cmp.diffSe).toBeGreaterThan(3);
      expect(r.cmp.diff).toBeCloseTo(
        Math.log(r.cmp.bestPerplexity / r.cmp.rnnPerplexity), 10);
    });

    it('the clipping threshold never acted: the largest gradient norm ' +
      'in training stays below it', () => {
      expect(r.train.maxGradNorm).toBeLessThan(r.train.clip);
    });

    it('sampled lengths: shorter at τ = 0.5 and longer at τ = 1.5 than ' +
      'at τ = 1, each by more than 3 standard errors', () => {
      const [lo, mid, hi] = r.samples.lengthByT;
      expect(lo.mean).toBeLessThan(mid.mean);
      expect(mid.mean).toBeLessThan(hi.mean);
      expect(r.samples.zLow).toBeGreaterThan(3);
      expect(r.samples.zHigh).toBeGreaterThan(3);
    });

    it('at τ = 1 the mean sampled length is within 2 standard errors ' +
      'of the training words\' mean', () => {
      expect(r.samples.zTrain).toBeLessThan(2);
      expect(Math.abs(r.samples.lengthByT[1].mean -
        r.samples.trainMeanLength)).toBeLessThan(2 * Math.hypot(
        r.samples.lengthByT[1].se, r.samples.trainLengthSe));
    });
  });
});
