import { defineConfig } from 'vitest/config';

// `npm test` runs every chapter's tests and the platform's own; `npm test
// -- <slug>` runs one chapter's (Vitest filters test files by name).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/site/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
