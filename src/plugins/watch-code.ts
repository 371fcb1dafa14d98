// In `npm run dev`, a change to a file in code/ must refresh the chapters
// whose listings come from it. Vite already reloads modules a chapter
// imports; tangled listings are read by the remark plugin, which Vite does
// not know about, so we touch the chapters that name the changed file.
import { readFileSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { filesUnder } from '../lib/files.ts';

export function watchCode(root: string): Plugin {
  return {
    name: 'book-watch-code',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(join(root, 'code'));
      server.watcher.on('change', (path) => {
        const rel = relative(root, path).split('\\').join('/');
        if (!rel.startsWith('code/')) return;
        const now = new Date();
        const chapters = join(root, 'chapters');
        for (const mdx of filesUnder(chapters, (f) => f.endsWith('.mdx'))) {
          if (readFileSync(mdx, 'utf8').includes(rel)) {
            utimesSync(mdx, now, now);
          }
        }
      });
    },
  };
}
