// The mutation-testing platform (npm run mutate, scripts/mutate.ts):
// equivalent marks follow their mutant when lines move and go stale when
// it is gone or killed, and `npm run check` notices a missing or stale
// report. Stryker itself is not run here.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMarks, type Candidate } from '../../scripts/mutate.ts';
import { checkMutationReports } from '../../scripts/check-mutation.ts';
import { hashInputs, reportPath } from '../../src/lib/mutation-info.ts';

const survivor = (line: number, extra: Partial<Candidate> = {}): Candidate =>
  ({
    file: 'code/x/a.ts', line, column: 19, mutator: 'EqualityOperator',
    original: 'i < n', replacement: 'i <= n',
    text: 'for (let i = 0; i < n; i++) {', status: 'survived', ...extra,
  });

const mark = {
  file: 'code/x/a.ts', line: 10, text: 'for (let i = 0; i < n; i++) {',
  mutator: 'EqualityOperator', replacement: 'i <= n', reason: 'past the end',
};

describe('equivalent marks', () => {
  it('follow their mutant when lines are added above it', () => {
    const { reasons, stale } = applyMarks([survivor(3), survivor(14)], [mark]);
    expect([...reasons]).toEqual([[1, 'past the end']]); // 14 is nearer 10
    expect(stale).toEqual([]);
  });

  it('go stale when the line changed, and are refuted by a kill', () => {
    const changed = applyMarks([survivor(10, { text: 'for (;;) {' })], [mark]);
    expect(changed.reasons.size).toBe(0);
    expect(changed.stale[0].why).toMatch(/no surviving mutant matches/);
    const killed = applyMarks([survivor(10, { status: 'killed' })], [mark]);
    expect(killed.stale[0].why).toMatch(/a test kills this mutant/);
  });
});

describe('npm run check and the reports', () => {
  it('names a chapter whose report is missing or stale, and the command', () => {
    const root = mkdtempSync(join(tmpdir(), 'mutation-'));
    try {
      mkdirSync(join(root, 'code/perceptron'), { recursive: true });
      mkdirSync(join(root, 'tests/mutation'), { recursive: true });
      writeFileSync(join(root, 'code/perceptron/a.ts'), 'export {};\n');
      writeFileSync(join(root, 'tests/perceptron.test.ts'), '// t\n');
      const mine = () => checkMutationReports(root)
        .filter((p) => p.where === reportPath('perceptron'));
      expect(mine()[0].what).toMatch(
        /no mutation report; run `npm run mutate -- perceptron`/);
      writeFileSync(join(root, reportPath('perceptron')),
        JSON.stringify(hashInputs(root, 'perceptron')));
      expect(mine()).toEqual([]);
      writeFileSync(join(root, 'tests/perceptron.test.ts'), '// u\n');
      expect(mine()[0].what).toMatch(/stale \(tests\/perceptron\.test\.ts changed/);
      cpSync(join(root, 'code/perceptron/a.ts'), join(root, 'code/perceptron/b.ts'));
      expect(mine()[0].what).toMatch(/code\/perceptron\/b\.ts/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
