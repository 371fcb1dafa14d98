// The numbers and figures the page of the variational-autoencoders chapter
// prints, checked against its build-time computation,
// src/compute/variational-autoencoders.ts; the chapter's code is tested in
// tests/variational-autoencoders.test.ts. Importing the module runs the
// computation, or reads it from the build's cache (.cache/) when that is
// current, so these tests run after `npm run build`: `npm run test:pages`
// (one chapter: `npm run test:pages -- variational-autoencoders`).
// `npm test` leaves them out. The tests keep the names they had in the
// chapter's test file.
import { beforeAll, describe, expect, it } from 'vitest';

describe('review', () => {
  describe('the numbers on the page', () => {
    type Page = typeof import('../../src/compute/variational-autoencoders.ts')
      .default;
    let r: Page;
    beforeAll(async () => {
      r = (await import('../../src/compute/variational-autoencoders.ts'))
        .default;
    }, 120_000);

    it('the importance-weighted bound rises by more than 2 SE per step',
      () => {
        for (const rise of r.iwRises) {
          expect(rise.mean).toBeGreaterThan(2 * rise.se);
        }
      });

    it('the 8-D model reconstructs better than the 2-D one (> 3 SE)',
      () => {
        expect(r.eightMinusTwo.recon.mean)
          .toBeGreaterThan(3 * r.eightMinusTwo.recon.se);
        expect(r.eightMinusTwo.kl.mean)
          .toBeGreaterThan(3 * r.eightMinusTwo.kl.se);
      });

    it('as β grows the reconstruction and the KL terms both fall', () => {
      for (let i = 1; i < r.betas.length; i++) {
        expect(r.betas[i].recon).toBeLessThan(r.betas[i - 1].recon);
        expect(r.betas[i].kl).toBeLessThan(r.betas[i - 1].kl);
      }
    });

    it('from the collapse β on, no dimension is active', () => {
      const from = Number(r.collapseBeta);
      expect(Number.isFinite(from)).toBe(true);
      for (const b of r.betas) {
        if (b.beta >= from) expect(b.active).toBe(0);
        else expect(b.active).toBeGreaterThan(0);
      }
    });

    it('collapsed reconstructions are nearly one picture', () => {
      expect(r.collapseSpread.collapsed!)
        .toBeLessThan(0.1 * r.collapseSpread.data);
    });

    it('the reconstruction terms stay below the Bernoulli ceiling', () => {
      expect(r.ceiling).toBeLessThan(0);
      for (const b of r.betas) expect(b.recon).toBeLessThan(r.ceiling);
      expect(r.main.recon).toBeLessThan(r.ceiling);
    });

    it('the KL term is a small fraction of the ELBO\'s gap to 0', () => {
      expect(r.main.kl).toBeLessThan(0.1 * -r.main.elbo);
    });

    it('the estimator means are within 3 SE of the true gradient', () => {
      expect(r.est.worstZ).toBeLessThan(3);
    });

    it('the grid\'s u values are the cell centres (i + ½)/G', () => {
      expect(r.gridU).toHaveLength(r.grid);
      r.gridU.forEach((u, i) => expect(u).toBeCloseTo((i + 0.5) / r.grid,
        14));
    });
  });
});
