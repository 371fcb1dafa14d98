// @ts-check
// Expressive Code (Starlight's code blocks): listings show the file's own
// line numbers, which the remark plugin sets per listing.
import {
  defineEcConfig, ensureColorContrastOnBackground,
} from '@astrojs/starlight/expressive-code';
import { pluginLineNumbers } from '@expressive-code/plugin-line-numbers';

/** @param {any} node @param {(el: any) => void} fn */
function visit(node, fn) {
  if (node.type === 'element') fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}

/**
 * Listings are focusable, and line numbers stay out of the search index:
 * an excerpt should read "export function condEst", not
 * "108. export function condEst".
 * @type {import('@expressive-code/core').ExpressiveCodePlugin}
 */
const bookListings = {
  name: 'book-listings',
  hooks: {
    postprocessRenderedBlock: ({ renderData }) => {
      visit(renderData.blockAst, (el) => {
        // A listing wider than its box scrolls; keyboard users reach it
        // with Tab (WCAG 2.1.1, axe's scrollable-region-focusable).
        if (el.tagName === 'pre') el.properties.tabIndex = 0;
        const cls = el.properties?.className;
        if (Array.isArray(cls) && cls.includes('ln')) {
          el.properties.dataPagefindIgnore = '';
        }
      });
    },
  },
};

export default defineEcConfig({
  plugins: [pluginLineNumbers(), bookListings],
  defaultProps: { showLineNumbers: false },
  // 76 columns of code fit the chapter column without scrolling.
  styleOverrides: {
    codeFontSize: '0.75rem',
    codePaddingInline: '0.75rem',
    // Line numbers are text: WCAG AA asks 4.5:1 for small text, where
    // Expressive Code's default allows 3.3:1 (#788b94 on #f6f7f9).
    gutterForeground: ({ theme, resolveSetting }) =>
      ensureColorContrastOnBackground(
        theme.colors['editorLineNumber.foreground'] ||
          resolveSetting('codeForeground'),
        resolveSetting('codeBackground'), 4.6, 5),
  },
});
