import { defineConfig } from 'vitest/config';

// `npm test` runs every chapter's tests and the platform's own; `npm test
// -- <slug>` runs one chapter's (Vitest filters test files by name).
export default defineConfig({
  test: {
    // npm run mutate sets MUTATE_TEST_FILE: Stryker then runs one
    // chapter's tests without a test filter of its own, which would make
    // it activate module-level ("static") mutants too late (see
    // scripts/mutate.ts).
    include: process.env.MUTATE_TEST_FILE
      ? [process.env.MUTATE_TEST_FILE] : ['tests/**/*.test.ts'],
    exclude: ['tests/site/**', 'node_modules/**'],
    environment: 'node',
    // Under Stryker (npm run mutate) the code is instrumented and runs
    // 10-20 times slower; Stryker times each mutant out by itself.
    testTimeout: process.env.STRYKER_MUTATOR_WORKER ? 300_000 : 20_000,
    // and a beforeAll that fits a model (kernels: Nyström's fixture
    // setup) took over the default 10 s there
    hookTimeout: process.env.STRYKER_MUTATOR_WORKER ? 300_000 : 10_000,
  },
});
