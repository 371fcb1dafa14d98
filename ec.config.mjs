// @ts-check
// Expressive Code (Starlight's code blocks): listings show the file's own
// line numbers, which the remark plugin sets per listing.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginLineNumbers } from '@expressive-code/plugin-line-numbers';

export default defineEcConfig({
  plugins: [pluginLineNumbers()],
  defaultProps: { showLineNumbers: false },
  // 76 columns of code fit the chapter column without scrolling.
  styleOverrides: { codeFontSize: '0.75rem', codePaddingInline: '0.75rem' },
});
