import { defineConfig } from 'vitest/config';

// `npm run test:pages`: the tests of the numbers and figures each
// chapter's page prints, tests/pages/<slug>.test.ts. Each imports its
// chapter's computation, src/compute/<slug>.ts, so it runs after `npm
// run build`, when the build's cache (.cache/compute, src/lib/cache.ts)
// holds every chapter's result and the import only reads it. Before a
// build (or after an edit) they still pass: the import then computes
// the chapter cold, which their beforeAll hooks allow for (up to 180 s
// for the networks of Part VII). `npm run test:pages -- <slug>` runs
// one chapter's.
export default defineConfig({
  test: {
    include: ['tests/pages/**/*.test.ts'],
    environment: 'node',
    // one module graph per worker, as in vitest.config.ts
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 10_000,
  },
});
