// The numbers and figures the page of the language-models chapter prints,
// checked against its build-time computation,
// src/compute/language-models.ts; the chapter's code is tested in
// tests/language-models.test.ts. Importing the module runs the computation,
// or reads it from the build's cache (.cache/) when that is current, so
// these tests run after `npm run build`: `npm run test:pages` (one chapter:
// `npm run test:pages -- language-models`). `npm test` leaves them out. The
// tests keep the names they had in the chapter's test file.
import { beforeAll, describe, expect, it } from 'vitest';

// The chapter's computation, imported once for the file (read from
// the build's cache when it is current; computed if not).
type Page = typeof import('../../src/compute/language-models.ts');
let r: Page['default'];
beforeAll(async () => {
  r = (await import('../../src/compute/language-models.ts')).default;
}, 120_000);

describe('the page\'s numbers', () => {
  it('per-token perplexity grows with the vocabulary; per-character ' +
    'does not follow it', () => {
    const tok = r.tokens;
    for (let i = 1; i < tok.length; i++) {
      expect(tok[i].perToken).toBeGreaterThan(tok[i - 1].perToken);
      expect(tok[i].tokensPerWord).toBeLessThan(tok[i - 1].tokensPerWord);
    }
    expect(tok[tok.length - 1].perChar / tok[0].perChar)
      .toBeLessThan(tok[tok.length - 1].perToken / tok[0].perToken);
  });

  it('greedy decoding repeats one word; sampling at τ = 1 almost never ' +
    'does', () => {
    expect(r.decoding[0].distinct).toBe(1 / r.samples);
    expect(r.decoding[2].distinct).toBeGreaterThan(0.9);
  });

  it('the validation loss falls with every step up in size', () => {
    for (let i = 1; i < r.scaling.length; i++) {
      expect(r.scaling[i].loss).toBeLessThan(r.scaling[i - 1].loss);
    }
  });
});

describe('review', () => {
  describe('the page\'s numbers', () => {
    it('the lowest per-character perplexity beats no merges and the ' +
      'runner-up by less than two paired standard errors', () => {
      expect(Math.abs(r.vsNone.diff)).toBeLessThan(2 * r.vsNone.se);
      expect(Math.abs(r.vsSecond.diff)).toBeLessThan(2 * r.vsSecond.se);
    });

    it('the rise at the most merges is more than three standard errors',
      () => {
        expect(r.vsLast.diff).toBeGreaterThan(3 * r.vsLast.se);
      });

    it('the local exponent of the scaling curve falls, first to last, ' +
      'by more than a factor 3', () => {
      expect(r.slopes[r.slopes.length - 1])
        .toBeLessThan(r.slopes[0] / 3);
    });

    it('the largest gap between two sampling rules\' shares of new ' +
      'words is a few standard errors (2 to 5)', () => {
      expect(r.gap.z).toBeGreaterThan(2);
      expect(r.gap.z).toBeLessThan(5);
    });

    it('the loss on τ = 1 samples is within 0.1 nats of the validation ' +
      'loss; cooling and cuts lower it, heating raises it', () => {
      const d = r.decoding;
      expect(Math.abs(d[2].nllPerChar - r.scaling[4].loss))
        .toBeLessThan(0.1);
      for (const i of [1, 4, 5]) {
        expect(d[i].nllPerChar).toBeLessThan(d[2].nllPerChar);
      }
      expect(d[3].nllPerChar).toBeGreaterThan(d[2].nllPerChar);
    });

    it('V grows by exactly one symbol a merge in the token table', () => {
      for (const t of r.tokens) expect(t.vocab).toBe(27 + t.M);
    });
  });
});
