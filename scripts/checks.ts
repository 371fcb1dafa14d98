// The small harness of the book's script tests (test-site, test-pdf):
// named checks that print ✓ or ✗ and a final "N passed, N failed" line,
// the summary format CI adds up.

export function assert(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

export interface Checks {
  check(name: string, fn: () => unknown | Promise<unknown>): Promise<void>;
  /** Counts an error outside any check as a failure. */
  fail(e: unknown): void;
  /** Prints "N passed, N failed" and exits with 1 if any failed. */
  finish(): never;
  /** Runs `main`, counting an error it throws, then finishes. */
  run(main: () => Promise<void>): Promise<never>;
}

export function checks(): Checks {
  let passed = 0;
  let failed = 0;
  const say = (e: unknown) =>
    (e instanceof Error ? e.message : String(e)).split('\n').join('\n    ');
  const self: Checks = {
    async check(name, fn) {
      const t0 = performance.now();
      // the time a check took, when it is long enough to matter
      const took = () => {
        const s = (performance.now() - t0) / 1000;
        return s >= 1 ? ` (${s.toFixed(1)} s)` : '';
      };
      try {
        await fn();
        passed++;
        console.log(`  ✓ ${name}${took()}`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${name}${took()}\n    ${say(e)}`);
      }
    },
    fail(e) {
      failed++;
      console.log(`  ✗ ${say(e)}`);
    },
    finish() {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
    async run(main) {
      try {
        await main();
      } catch (e) {
        self.fail(e);
      }
      return self.finish();
    },
  };
  return self;
}
