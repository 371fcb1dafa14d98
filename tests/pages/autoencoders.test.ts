// The numbers and figures the page of the autoencoders chapter prints,
// checked against its build-time computation, src/compute/autoencoders.ts;
// the chapter's code is tested in tests/autoencoders.test.ts. Importing the
// module runs the computation, or reads it from the build's cache (.cache/)
// when that is current, so these tests run after `npm run build`:
// `npm run test:pages` (one chapter: `npm run test:pages -- autoencoders`).
// `npm test` leaves them out. The tests keep the names they had in the
// chapter's test file.
import { beforeAll, describe, expect, it } from 'vitest';

// The chapter's computation, imported once for the file (read from
// the build's cache when it is current; computed if not).
type Page = typeof import('../../src/compute/autoencoders.ts');
let r: Page['default'];
beforeAll(async () => {
  r = (await import('../../src/compute/autoencoders.ts')).default;
}, 180_000);

describe('the numbers the page prints', () => {
  it('the 2-D autoencoder beats PCA at k = 2 on held-out images by ' +
    'more than 4 paired standard errors', () => {
    const d = r.compare.test.diff;
    expect(d.mean).toBeLessThan(-4 * d.se);
  });

  it('the denoising autoencoder restores masked images better than ' +
    'PCA at k = 16, and both beat the masked input itself', () => {
    const d = r.denoise.daeVsPca;
    expect(d.diff.mean).toBeLessThan(-4 * d.diff.se);
    expect(d.b.mean).toBeLessThan(r.denoise.input.mean);
  });

  it('the DAE does worse on clean images than on masked ones (the ' +
    'pitfall of a train/test input mismatch)', () => {
    expect(r.denoise.daeClean.mean).toBeGreaterThan(
      r.denoise.daeVsPca.a.mean + 4 * r.denoise.daeClean.se);
  });

  it('the L1 penalty leaves fewer active code units per image, at a ' +
    'higher reconstruction error', () => {
    const [plain, sparse] = r.sparse;
    expect(sparse.active.mean + 4 * sparse.active.se)
      .toBeLessThan(plain.active.mean);
    expect(sparse.error.mean).toBeGreaterThan(plain.error.mean);
  });

  it('on the Gaussian cloud the linear AE ends at PCA\'s subspace and ' +
    'error', () => {
    for (const a of r.linear.angles) expect(a).toBeLessThan(1e-4);
    expect(Math.abs(r.linear.finalError - r.linear.pcaError) /
      r.linear.pcaError).toBeLessThan(1e-6);
    expect(r.linear.axisAngle).toBeGreaterThan(0.1);
  });
});

describe('review', () => {
  describe('the numbers the page prints', () => {
    it('k = 2 only: PCA with 16 components beats the 32-unit ' +
      'autoencoder on clean test images by many standard errors', () => {
      const pca = r.denoise.pcaClean;
      const ae = r.sparse[0].error;
      expect(ae.mean - pca.mean).toBeGreaterThan(
        4 * Math.hypot(ae.se, pca.se));
    });

    it('train errors are close to test errors (within 4 SE) for the ' +
      'k = 2 autoencoder and PCA', () => {
      const { train, test } = r.compare;
      for (const m of ['a', 'b'] as const) {
        expect(Math.abs(train[m].mean - test[m].mean)).toBeLessThan(
          4 * Math.hypot(train[m].se, test[m].se));
      }
    });

    it('the DAE mishandles brightness: dimmed clean images are ' +
      'reconstructed no worse than masked ones, far better than clean',
    () => {
      const { daeDimmed, daeClean, daeVsPca } = r.denoise;
      expect(daeDimmed.mean).toBeLessThan(daeVsPca.a.mean +
        2 * Math.hypot(daeDimmed.se, daeVsPca.a.se));
      expect(daeClean.mean - daeDimmed.mean).toBeGreaterThan(
        4 * Math.hypot(daeClean.se, daeDimmed.se));
    });

    it('without the penalty some code units never fire on the test set',
      () => {
        expect(r.sparse[0].silent).toBeGreaterThan(0);
        expect(r.sparse[0].silent).toBeLessThan(r.setup.sparseWidth);
      });

    it('the linear decoder\'s basis vectors are not of unit length', () => {
      const off = Math.max(...r.linear.lengths.map((v) => Math.abs(v - 1)));
      expect(off).toBeGreaterThan(0.1);
    });

    it('the code figure\'s ten class colours are pairwise distinct', () => {
      const fills = new Set([...r.codeFigure.matchAll(
        /fill="(#[0-9a-fA-F]{6})"/g)].map((m) => m[1].toLowerCase()));
      const rgb = [...fills].map((h) => [1, 3, 5].map((i) =>
        parseInt(h.slice(i, i + 2), 16)));
      expect(rgb.length).toBe(10);
      let min = Infinity;
      for (let i = 0; i < rgb.length; i++) {
        for (let j = i + 1; j < rgb.length; j++) {
          min = Math.min(min, Math.hypot(rgb[i][0] - rgb[j][0],
            rgb[i][1] - rgb[j][1], rgb[i][2] - rgb[j][2]));
        }
      }
      expect(min).toBeGreaterThan(40);
    });

    it('the linear figure labels every decade of its log axis', () => {
      for (let e = 1; e <= 7; e++) {
        const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹'[e];
        expect(r.linearFigure).toContain(`10⁻${sup}`);
      }
    });
  });
});
