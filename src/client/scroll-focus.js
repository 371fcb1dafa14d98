// A box that scrolls sideways (a wide figure, table or formula on a
// narrow screen) must be reachable by keyboard, or a keyboard user cannot
// read its hidden part (WCAG 2.1.1; axe's scrollable-region-focusable).
// Only boxes that do scroll become tab stops, and they stop being one
// when the window widens. Listings are focusable already
// (ec.config.mjs). Inlined in every page's <head> by astro.config.mjs.
(() => {
  const BOXES = '.book-scroll-x, .sl-markdown-content table, ' +
    '.sl-markdown-content .katex-display';
  const mark = () => {
    for (const el of document.querySelectorAll(BOXES)) {
      const scrolls = el.scrollWidth > el.clientWidth + 1;
      const ours = el.hasAttribute('data-book-scroll-focus');
      if (scrolls && !el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
        el.setAttribute('data-book-scroll-focus', '');
      } else if (!scrolls && ours) {
        el.removeAttribute('tabindex');
        el.removeAttribute('data-book-scroll-focus');
      }
    }
  };
  let queued = 0;
  const later = () => {
    cancelAnimationFrame(queued);
    queued = requestAnimationFrame(mark);
  };
  document.addEventListener('DOMContentLoaded', mark);
  addEventListener('resize', later);
  // Opening a folded solution or "Data" toggle can reveal a wide box.
  document.addEventListener('toggle', later, true);
})();
