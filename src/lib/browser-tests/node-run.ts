// Runs a chapter's tests as compiled for the browser (compile.ts), under
// Node, with the worker's code (worker.ts) and files read from disk:
//   node src/lib/browser-tests/node-run.ts <_tests dir> <slug>
// Prints one JSON line: the counts, the failures, and the time. Used by
// tests/platform/browser-tests.test.ts; the browser itself is checked
// by npm run test:site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runFile, type Message } from './worker.ts';
import type { ChapterManifest } from './compile.ts';

const [dir, slug] = process.argv.slice(2);
const m = JSON.parse(readFileSync(join(dir, `${slug}.json`), 'utf8')) as
  ChapterManifest;
const failures: { name: string; message: string }[] = [];
let summary: Record<string, unknown> = {};
let ran = 0;
await runFile(pathToFileURL(join(dir, m.entry)).href, (rel) => {
  try {
    return readFileSync(join(dir, 'files', rel));
  } catch { return null; }
}, (msg: Message) => {
  if (msg.type === 'result') {
    if (msg.result.state !== 'node') ran++;
    if (msg.result.state === 'fail') {
      failures.push({ name: [...msg.result.path, msg.result.name]
        .join(' › '), message: msg.result.error!.message });
    }
  } else if (msg.type === 'done' || msg.type === 'error') {
    summary = { ...msg };
  }
});
console.log(JSON.stringify({ slug, count: m.count, nodeOnly:
  m.nodeOnly.length, ran, ...summary, failures }));
