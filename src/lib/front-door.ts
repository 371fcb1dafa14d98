// What the home page (chapters/index.mdx) says about the whole book:
// the reading paths, routes through the chapters for four kinds of
// reader, and the numbers of the book as built (its code, its tests,
// its mutation scores), all computed here and never typed in the page.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHAPTERS, chapter } from '../toc.ts';
import { filesUnder } from './files.ts';
import { testInfo } from './tests-info.ts';
import { isCurrent, readReport } from './mutation-info.ts';

export interface ReadingPath {
  readonly id: string;
  readonly title: string;
  /** Who it is for and what it leaves out: one or two sentences. */
  readonly who: string;
  /** Chapter slugs, in the book's order. */
  readonly chapters: readonly string[];
}

export const READING_PATHS: readonly ReadingPath[] = [
  {
    id: 'beginner',
    title: 'A first course',
    who: 'New to machine learning, with school calculus and some ' +
      'programming: the core methods, each with the mathematics it needs, ' +
      'and how to tell whether a model works.',
    chapters: [
      'introduction', 'linear-algebra', 'decompositions', 'calculus',
      'probability', 'statistics', 'optimization', 'linear-regression',
      'gradient-descent', 'regularization', 'model-evaluation',
      'logistic-regression', 'softmax-regression',
      'classification-metrics', 'k-nearest-neighbors', 'decision-trees',
      'random-forests', 'pca', 'k-means',
    ],
  },
  {
    id: 'practitioner',
    title: 'The practitioner\'s path',
    who: 'You fit models with a library and want to know what it does: ' +
      'the methods you use most, how to evaluate them honestly, and how ' +
      'the ones that win on tables work inside.',
    chapters: [
      'introduction', 'linear-regression', 'gradient-descent',
      'regularization', 'model-evaluation', 'logistic-regression',
      'softmax-regression', 'classification-metrics',
      'preprocessing-and-pipelines', 'k-nearest-neighbors', 'naive-bayes',
      'decision-trees', 'random-forests', 'boosting', 'xgboost',
      'support-vector-machines', 'pca', 'k-means',
    ],
  },
  {
    id: 'mathematician',
    title: 'The mathematician\'s path',
    who: 'You want the derivations and the guarantees: the linear ' +
      'algebra, probability and optimization underneath, the models with ' +
      'a statistical story, and what learning theory proves.',
    chapters: [
      'introduction', 'linear-algebra', 'decompositions', 'calculus',
      'probability', 'statistics', 'optimization', 'linear-regression',
      'regularization', 'bayesian-linear-regression', 'model-evaluation',
      'logistic-regression', 'perceptron', 'generalized-linear-models',
      'learning-theory', 'support-vector-machines', 'kernels', 'pca',
      'gaussian-mixtures',
    ],
  },
  {
    id: 'deep-learning-first',
    title: 'Deep learning first',
    who: 'You want neural networks soon: just enough of the foundations, ' +
      'then automatic differentiation and the networks built on it, ' +
      'up to a small transformer language model.',
    chapters: [
      'introduction', 'linear-algebra', 'calculus', 'probability',
      'optimization', 'linear-regression', 'gradient-descent',
      'logistic-regression', 'softmax-regression', 'autodiff',
      'multilayer-perceptron', 'neural-optimizers',
      'initialization-and-normalization', 'convolutional-networks',
      'recurrent-networks', 'lstm-and-gru', 'attention', 'transformers',
      'language-models', 'residual-networks',
    ],
  },
];

/** The chapters a chapter's opener asks to read first (`<Opener needs>`). */
export function openerNeeds(slug: string, root = process.cwd()): string[] {
  const text = readFileSync(join(root, chapter(slug).file), 'utf8');
  const m = /<Opener\s+needs="([^"]*)"/.exec(text);
  if (!m) {
    throw new Error(`openerNeeds: ${chapter(slug).file} has no ` +
      '<Opener needs="…">');
  }
  return m[1].split(/\s+/).filter(Boolean);
}

/**
 * The chapters that the openers along `path` ask for but the path
 * skips, in the book's order: where a reader on that route may need to
 * look back.
 */
export function skippedNeeds(
  path: readonly string[],
  needs: (slug: string) => readonly string[] = (s) => openerNeeds(s),
): string[] {
  const on = new Set(path);
  const skipped = new Set(path.flatMap((s) => needs(s))
    .filter((s) => !on.has(s)));
  return CHAPTERS.map((c) => c.slug).filter((s) => skipped.has(s));
}

export interface BookStats {
  readonly chapters: number;
  /** `it(…)`/`test(…)` calls in the chapters' test files. */
  readonly tests: number;
  /** TypeScript files and lines in code/. */
  readonly codeFiles: number;
  readonly codeLines: number;
  /** Chapters whose mutation report matches their code and tests. */
  readonly mutationChapters: number;
  /** Caught over all of them: (killed + timeout) / (mutants − equivalent). */
  readonly mutationCaught: number;
  /** The same in whole percent, floored (89.9 never reads 90). */
  readonly mutationPercent: number;
  readonly mutants: number;
}

/** The book's numbers as it is built. */
export function bookStats(root = process.cwd()): BookStats {
  const code = filesUnder(resolve(root, 'code'),
    (f) => /\.(ts|mts)$/.test(f));
  const codeLines = code.reduce((n, f) =>
    n + readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '')
      .length, 0);
  let tests = 0;
  let caught = 0;
  let mutants = 0;
  let mutationChapters = 0;
  for (const ch of CHAPTERS) {
    if (!existsSync(join(root, ch.file))) continue;
    tests += testInfo(ch.slug).count;
    const report = readReport(ch.slug, root);
    if (report === null || !isCurrent(ch.slug, report, root)) continue;
    const c = report.counts;
    mutationChapters++;
    caught += c.killed + c.timeout;
    mutants += c.mutants - c.equivalent;
  }
  return {
    chapters: CHAPTERS.length,
    tests,
    codeFiles: code.length,
    codeLines,
    mutationChapters,
    mutationCaught: mutants === 0 ? 0 : caught / mutants,
    mutationPercent: mutants === 0 ? 0 : Math.floor(100 * caught / mutants),
    mutants,
  };
}
