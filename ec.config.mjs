// @ts-check
// Expressive Code (Starlight's code blocks): listings show the file's own
// line numbers, which the remark plugin sets per listing.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginLineNumbers } from '@expressive-code/plugin-line-numbers';

/** @param {any} node @param {(el: any) => void} fn */
function visit(node, fn) {
  if (node.type === 'element') fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}

/**
 * Line numbers stay out of the search index: an excerpt should read
 * "export function condEst", not "108. export function condEst".
 * @type {import('@expressive-code/core').ExpressiveCodePlugin}
 */
const lineNumbersUnsearched = {
  name: 'book-line-numbers-unsearched',
  hooks: {
    postprocessRenderedBlock: ({ renderData }) => {
      visit(renderData.blockAst, (el) => {
        const cls = el.properties?.className;
        if (Array.isArray(cls) && cls.includes('ln')) {
          el.properties.dataPagefindIgnore = '';
        }
      });
    },
  },
};

export default defineEcConfig({
  plugins: [pluginLineNumbers(), lineNumbersUnsearched],
  defaultProps: { showLineNumbers: false },
  // 76 columns of code fit the chapter column without scrolling.
  styleOverrides: { codeFontSize: '0.75rem', codePaddingInline: '0.75rem' },
});
