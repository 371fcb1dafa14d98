import { defineConfig } from 'vitest/config';

// `npm test` runs every chapter's tests of its code and the platform's
// own; `npm test -- <slug>` runs one chapter's (Vitest filters test files
// by name). The tests of the numbers a page prints, tests/pages/, import
// the chapter's build-time computation, which a cold run computes (tens
// of seconds for the Part VII networks): they have their own config,
// vitest.pages.config.ts, and run after the build has cached every
// chapter's result (`npm run test:pages`).
export default defineConfig({
  test: {
    // npm run mutate sets MUTATE_TEST_FILE: Stryker then runs one
    // chapter's tests without a test filter of its own, which would make
    // it activate module-level ("static") mutants too late (see
    // scripts/mutate.ts).
    include: process.env.MUTATE_TEST_FILE
      ? [process.env.MUTATE_TEST_FILE] : ['tests/**/*.test.ts'],
    exclude: ['tests/site/**', 'tests/pages/**', 'node_modules/**'],
    environment: 'node',
    // Each worker runs its test files one after another in one module
    // graph instead of a fresh process per file: 58 files each paid
    // ~0.8 s to start and re-import code/ and the data loaders (measured:
    // 113 s of CPU for npm test isolated, 69 s shared). No test file may
    // leave state behind (an env variable, the working directory, a mock):
    // restore it in a finally or afterEach. A test that passes alone
    // (npm test -- <slug>) but fails in npm test leaks or reads such
    // state; `npm test -- --isolate` runs every file in its own process.
    // Under Stryker each file keeps its own process, as before.
    isolate: Boolean(process.env.STRYKER_MUTATOR_WORKER),
    // Under Stryker (npm run mutate) the code is instrumented and runs
    // 10-20 times slower; Stryker times each mutant out by itself.
    testTimeout: process.env.STRYKER_MUTATOR_WORKER ? 300_000 : 20_000,
    // and a beforeAll that fits a model (kernels: Nyström's fixture
    // setup) took over the default 10 s there
    hookTimeout: process.env.STRYKER_MUTATOR_WORKER ? 300_000 : 10_000,
  },
});
