// The book's reading order: the one place it is defined. Chapter numbers,
// equation numbers (3.2), figure numbers (3.1), the sidebar and the
// previous/next links all come from this list. A chapter's slug is its file
// name in chapters/<part>/, its folder in code/ and its test file in
// tests/. Parts with no chapters yet are kept so that later chapters slot
// in without restructuring; they are hidden from the sidebar until then.

export interface Part {
  /** Folder name under chapters/. */
  readonly dir: string;
  readonly title: string;
  /** Slugs, in reading order. */
  readonly chapters: readonly string[];
}

export const PARTS: readonly Part[] = [
  {
    dir: 'foundations',
    title: 'Part I — Foundations',
    chapters: [
      'introduction', 'linear-algebra', 'decompositions', 'calculus',
      'probability', 'statistics', 'optimization',
    ],
  },
  {
    dir: 'linear-models',
    title: 'Part II — Linear models',
    chapters: [
      'linear-regression', 'gradient-descent', 'regularization',
      'bayesian-linear-regression', 'locally-weighted-regression',
      'model-evaluation', 'logistic-regression', 'softmax-regression',
      'perceptron', 'generalized-linear-models', 'classification-metrics',
      'preprocessing-and-pipelines', 'learning-theory',
    ],
  },
  {
    dir: 'instance-based',
    title: 'Part III — Instance-based and generative classifiers',
    chapters: [
      'k-nearest-neighbors', 'naive-bayes', 'discriminant-analysis',
    ],
  },
  {
    dir: 'trees-and-ensembles',
    title: 'Part IV — Trees and ensembles',
    chapters: ['decision-trees', 'random-forests', 'boosting', 'xgboost'],
  },
  {
    dir: 'kernel-methods',
    title: 'Part V — Kernel methods',
    chapters: ['support-vector-machines', 'kernels'],
  },
  {
    dir: 'unsupervised',
    title: 'Part VI — Unsupervised learning',
    chapters: [
      'pca', 'k-means', 'hierarchical-clustering', 'gaussian-mixtures',
      't-sne',
    ],
  },
  {
    dir: 'neural-networks',
    title: 'Part VII — Neural networks',
    chapters: [
      'autodiff', 'multilayer-perceptron', 'neural-optimizers',
      'initialization-and-normalization', 'convolutional-networks',
      'recurrent-networks', 'lstm-and-gru', 'attention', 'transformers',
      'language-models', 'autoencoders', 'variational-autoencoders',
    ],
  },
  {
    dir: 'papers',
    title: 'Part VIII — Papers, reproduced small',
    chapters: [
      'residual-networks', 'rethinking-generalization', 'lottery-tickets',
      'diffusion-models',
    ],
  },
  { dir: 'appendices', title: 'Appendices', chapters: [] },
];

// The part "Appendices" above holds no chapters: appendices are not
// numbered, they are lettered, from this list.
export interface AppendixInfo {
  readonly slug: string;
  readonly title: string;
  /** One sentence for the contents, search results and link previews. */
  readonly description: string;
  /** A, B, … in the order of APPENDICES. */
  readonly letter: string;
  /** Its address under the site's base: `appendix/<slug>/`. */
  readonly path: string;
}

/**
 * The appendices, in order: lettered A, B, … (never numbered as
 * chapters), shown after the last part in the sidebar, the contents and
 * the printed book. Each is a page generated from one source
 * (src/pages/appendix/[slug].astro says which).
 */
export const APPENDICES: readonly AppendixInfo[] = [
  {
    slug: 'notation',
    title: 'Notation',
    description: 'Every symbol the book reserves, and what it means.',
  },
  {
    slug: 'datasets',
    title: 'Datasets',
    description: 'The real data the book ships: source, licence, size, ' +
      'checksum, and the chapters that use each.',
  },
  {
    slug: 'glossary',
    title: 'Glossary',
    description: 'Every term the book defines, in one line, linked to ' +
      'where it is defined.',
  },
  {
    slug: 'bibliography',
    title: 'Bibliography',
    description: 'Every work the book cites, with the chapters that ' +
      'cite it.',
  },
  {
    slug: 'index',
    title: 'Index',
    description: 'The defined terms, alphabetical, with the chapters and ' +
      'sections that define and treat each.',
  },
].map((a, i) => ({
  ...a,
  letter: String.fromCharCode(65 + i),
  path: `appendix/${a.slug}/`,
}));

export interface ChapterInfo {
  readonly slug: string;
  /** 1-based chapter number in reading order. */
  readonly number: number;
  readonly part: Part;
  /** Path of the MDX file relative to the repository root. */
  readonly file: string;
}

/** Every chapter in reading order, numbered. */
export const CHAPTERS: readonly ChapterInfo[] = PARTS.flatMap((part) =>
  part.chapters.map((slug) => ({ slug, part })),
).map(({ slug, part }, i) => ({
  slug,
  number: i + 1,
  part,
  file: `chapters/${part.dir}/${slug}.mdx`,
}));

/**
 * The chapters this build makes pages for: every chapter, or only those
 * named in `BOOK_ONLY=slug[,slug…]` (an author's quick build: those
 * chapters, their test and print pages, and the home page; numbers,
 * references and the sidebar still come from the whole book).
 */
export function builtChapters(
  only: string | undefined,
): readonly ChapterInfo[] {
  if (only === undefined || only.trim() === '') return CHAPTERS;
  const slugs = only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of slugs) chapter(s); // an unknown slug stops the build
  return CHAPTERS.filter((c) => slugs.includes(c.slug));
}

/** builtChapters of this process's BOOK_ONLY. */
export const BUILT: readonly ChapterInfo[] = builtChapters(
  globalThis.process?.env?.BOOK_ONLY,
);

/** The chapter with this slug; throws for a slug not in the book. */
export function chapter(slug: string): ChapterInfo {
  const found = CHAPTERS.find((c) => c.slug === slug);
  if (!found) {
    throw new Error(
      `toc: no chapter "${slug}" in src/toc.ts; known: ` +
        CHAPTERS.map((c) => c.slug).join(', '),
    );
  }
  return found;
}
