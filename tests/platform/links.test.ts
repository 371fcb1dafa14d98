// The link check of the built site (scripts/check-links.ts), on a tiny
// site: print pages prefix the ids of a chapter's content with its slug
// when they load, and send a `#id` link that is not on the page to the
// chapter's print page; the check follows both rules, and still finds a
// link that goes nowhere.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';

const dist = mkdtempSync(join(tmpdir(), 'links-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function page(path: string, html: string) {
  mkdirSync(join(dist, path), { recursive: true });
  writeFileSync(join(dist, path, 'index.html'), html);
}

describe('the link check', () => {
  it('follows the print pages\' slug prefixes and finds a broken link', () => {
    page('', '<a href="/print/alpha/">book</a>');
    page('print/alpha', '<div data-print-slug="alpha">' +
      '<h3 id="exercise-1-1">Exercise</h3><p id="eq-one">(1.1)</p></div>');
    page('print/solutions', '<div data-print-slug="alpha">' +
      '<a href="/print/alpha/#alpha--exercise-1-1">back</a>' +
      '<a href="#eq-one">(1.1)</a>' +
      '<a href="/print/alpha/#alpha--exercise-9-9">nowhere</a>' +
      '<a href="#eq-none">nowhere</a></div>');
    const { broken } = checkLinks(dist, '/');
    expect(broken.map((b) => b.link)).toEqual([
      '/print/alpha/#alpha--exercise-9-9', '#eq-none']);
  });

  it('checks a partial build\'s links to left-out pages in the whole book',
    () => {
      const full = join(dist, 'full');
      mkdirSync(join(full, 'beta'), { recursive: true });
      writeFileSync(join(full, 'index.html'), '');
      writeFileSync(join(full, 'beta', 'index.html'), '<p id="x">x</p>');
      const part = join(dist, 'part');
      mkdirSync(part, { recursive: true });
      writeFileSync(join(part, 'index.html'),
        '<a href="/sub/beta/#x">ok</a><a href="/sub/beta/#y">no id</a>' +
        '<a href="/sub/gamma/">no page</a><a href="/beta/">no base</a>');
      const { broken } = checkLinks(part, '/sub/', full);
      expect(broken.map((b) => b.link)).toEqual([
        '/sub/beta/#y', '/sub/gamma/', '/beta/']);
      expect(checkLinks(part, '/sub/').broken.length).toBe(4);
    });
});
