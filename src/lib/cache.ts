// The build cache of a chapter's computation. Each chapter has one
// module, src/compute/<slug>.ts, that computes everything its page shows
// (figures as SVG strings, the numbers in its prose) and ends with
//
//   export default cached('<slug>', () => ({ ... }));
//
// The value is stored on disk under a key that is a hash of everything it
// depends on: the sources of the module's import graph (its own file, the
// code/ and src/lib modules it imports, transitively), the data files and
// fixtures those sources name, the lockfile and the Node version. Nothing
// is listed by hand (src/lib/import-graph.ts reads the imports). Any
// change to any of them recomputes exactly the chapters that depend on it.
//
// A stored value is exactly what the computation returned: it must be
// plain data (numbers, strings, booleans, null, arrays, typed arrays,
// plain objects), stored with V8's serializer, which keeps NaN, -0 and
// typed arrays. A cold build returns the value read back from its own
// serialization, so cold and warm builds render from identical values.
//
// BOOK_CACHE=off computes everything and stores nothing; BOOK_CACHE_ROOT
// moves the folder (default .cache/compute in the working directory).
import { createHash } from 'node:crypto';
import {
  existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { dependencies, readCached } from './import-graph.ts';

/** Bumped when the stored format or the key's recipe changes. */
const FORMAT = 1;

export interface ComputeRecord {
  readonly slug: string;
  /** Milliseconds spent computing (0 when read from the cache). */
  readonly ms: number;
  /** Milliseconds spent hashing and reading the cache. */
  readonly overheadMs: number;
  readonly status: 'cached' | 'computed' | 'computed in parallel' |
    'uncached';
  /** Why a computation may take more than 20 s, if it does. */
  readonly reason?: string;
}

/** What this process computed or read, for the build's report. */
export function computeLog(): Map<string, ComputeRecord> {
  const g = globalThis as { __bookComputeLog?: Map<string, ComputeRecord> };
  return (g.__bookComputeLog ??= new Map());
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The cache folder for a repository root. */
export function cacheDir(root: string): string {
  return resolve(root, process.env.BOOK_CACHE_ROOT ?? '.cache/compute');
}

/** The chapter module of a slug, relative to the repository root. */
export const computeModule = (slug: string) => `src/compute/${slug}.ts`;

/**
 * The cache key of a chapter's computation, and the files it depends on.
 * `read` returns a file's contents (tests pass one that edits files).
 */
export function cacheKey(
  root: string,
  slug: string,
  read: (rel: string) => string | Buffer = (rel) =>
    readCached(join(root, rel)),
): { key: string; files: string[] } {
  const files = dependencies(root, computeModule(slug));
  const lock = join(root, 'package-lock.json');
  const parts = [
    `format ${FORMAT}`,
    `node ${process.version}`,
    `lockfile ${existsSync(lock) ? sha256(read('package-lock.json')) : '-'}`,
    ...files.map((f) => `${f} ${sha256(read(f))}`),
  ];
  return { key: sha256(parts.join('\n')), files };
}

/** Throws unless `value` is plain data that the cache stores exactly. */
export function requirePlain(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'number' || t === 'string' || t === 'boolean') return;
  if (t !== 'object') {
    throw new Error(`${where} is a ${t}; the cache stores plain data only`);
  }
  if (ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => requirePlain(v, `${where}[${i}]`));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = proto?.constructor?.name ?? 'an object with a prototype';
    throw new Error(
      `${where} is a ${name}; return plain data (numbers, strings, ` +
        `arrays, typed arrays, plain objects) from the computation`,
    );
  }
  for (const [k, v] of Object.entries(value)) requirePlain(v, `${where}.${k}`);
}

interface Stored {
  key: string;
  ms: number;
  value: unknown;
}

export interface CachedOptions {
  /** Why the cold computation may take more than 20 s. */
  reason?: string;
}

/**
 * The value of `compute()` for the chapter `slug`: read from the cache
 * if every file it depends on is unchanged, computed and stored if not.
 */
export function cached<T>(
  slug: string,
  compute: () => T,
  options: CachedOptions = {},
): T {
  return cachedIn(process.cwd(), slug, compute, options);
}

/** `cached` for the book whose root is `root` (tests use a small one). */
export function cachedIn<T>(
  root: string,
  slug: string,
  compute: () => T,
  options: CachedOptions = {},
): T {
  const log = computeLog();
  const t0 = performance.now();
  const off = process.env.BOOK_CACHE === 'off';
  const { key } = cacheKey(root, slug);
  const file = join(cacheDir(root), `${slug}.bin`);
  if (!off && existsSync(file)) {
    try {
      const stored = deserialize(readFileSync(file)) as Stored;
      // (a value the build's worker computed is reported as computed)
      if (stored.key === key &&
        log.get(slug)?.status === 'computed in parallel') {
        return stored.value as T;
      }
      if (stored.key === key) {
        log.set(slug, {
          slug, ms: 0, overheadMs: performance.now() - t0, status: 'cached',
          reason: options.reason,
        });
        return stored.value as T;
      }
    } catch {
      // unreadable (an older Node, a torn write): compute afresh
    }
  }
  const overhead = performance.now() - t0;
  const t1 = performance.now();
  const value = compute();
  const ms = performance.now() - t1;
  requirePlain(value, `cached('${slug}') value`);
  const bytes = serialize({ key, ms, value } satisfies Stored);
  let stored: Buffer = bytes;
  if (!off) {
    mkdirSync(cacheDir(root), { recursive: true });
    stored = storeFirst(file, key, bytes);
  }
  log.set(slug, {
    slug, ms, overheadMs: overhead, status: off ? 'uncached' : 'computed',
    reason: options.reason,
  });
  return (deserialize(stored) as Stored).value as T;
}

/**
 * Stores `bytes` as the entry `file` unless an entry with the same key
 * is there already, and returns the bytes the entry holds. The build's
 * worker thread and a page may compute one chapter at once; a value
 * that is not deterministic (a figure of timings) differs between the
 * two, and the page must show what a rebuild will read. So the first to
 * finish is stored and the second takes its value: the entry is made by
 * a hard link, which fails if the name exists, and never overwritten.
 */
function storeFirst(file: string, key: string, bytes: Buffer): Buffer {
  // each writer has its own temporary file
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, bytes);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(tmp, file);
        return bytes;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      let there: Buffer | undefined;
      try {
        there = readFileSync(file);
        if ((deserialize(there) as Stored).key === key) return there;
      } catch {
        // gone meanwhile, or torn: replace it
      }
      // an entry for other inputs (a stale one): take it away and retry
      try {
        unlinkSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    renameSync(tmp, file);
    return bytes;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // renamed
    }
  }
}
