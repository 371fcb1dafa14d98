// `npm run check` lints code/, the book's library, with these rules only:
// the book's own rules (BOOK-STYLE) that a linter can see, and a few
// the code already keeps by hand.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SPREAD = 'do not spread a data array into a call: it overflows ' +
  'the stack at tens of thousands of elements; loop instead ' +
  '(BOOK-STYLE, Code: "never spread a data array into a call")';

export default defineConfig({
  files: ['code/**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { '@typescript-eslint': tseslint.plugin },
  linterOptions: { reportUnusedDisableDirectives: 'error' },
  rules: {
    'no-restricted-syntax': ['error',
      { selector: 'CallExpression > SpreadElement', message: SPREAD },
      { selector: 'NewExpression > SpreadElement', message: SPREAD },
    ],
    'no-restricted-properties': ['error', {
      object: 'Math', property: 'random',
      message: 'randomness comes only from createRng(seed) ' +
        '(code/introduction/random.ts): every number is reproducible',
    }],
    'no-restricted-imports': ['error', { patterns: [{
      regex: '^(?!\\.|node:)',
      message: 'code/ imports no package, only earlier chapters\' code ' +
        'and node: built-ins (BOOK-STYLE, "The three sources of truth")',
    }] }],
    'no-console': 'error',
    'no-var': 'error',
    'prefer-const': 'error',
    eqeqeq: 'error',
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/no-unused-vars': 'error',
  },
});
