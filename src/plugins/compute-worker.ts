// A worker thread that computes the chapters' build-time results while
// the main thread compiles the MDX, so that a cold build uses both cores:
// it imports each src/compute/<slug>.ts, which runs its cached(…) and
// stores the value; the pages, rendered later, read it from the cache.
// It goes from the last chapter back to the first, while the pages ask
// for them from the first on: the main thread, once it has compiled,
// computes what the worker has not reached, and the two meet in the
// middle instead of running through the same chapters one behind the
// other. It reports what it did to the build's table. An error is left
// for the page's own import to raise, with its full message.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { computeLog } from '../lib/cache.ts';

const { root, slugs } = workerData as { root: string; slugs: string[] };
for (const slug of [...slugs].reverse()) {
  const file = join(root, 'src/compute', `${slug}.ts`);
  if (!existsSync(file)) continue;
  try {
    await import(pathToFileURL(file).href);
    const record = computeLog().get(slug);
    if (record) parentPort?.postMessage(record);
  } catch {
    // the render raises it again, naming the chapter
  }
}
