// The files a module depends on, read from its sources: every module it
// imports by a relative path, transitively, and every data file or
// fixture its sources name by a literal path ('data/iris/iris.csv').
// Packages (bare imports) are not followed: the lockfile stands for them.
// The build cache keys a chapter's computation on these files, and
// `npm run check` reads the same imports to keep code/ in book order.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const IMPORT =
  /(?:\bfrom|\bimport|\bexport\s*\*\s*from)\s*\(?\s*['"]([^'"\n]+)['"]/g;
const DATA_LITERAL =
  /['"`]((?:data|tests\/fixtures|bibliography)\/[\w.@/-]+\.[a-z0-9]+)['"`]/g;
const SOURCE = /\.(ts|mts|js|mjs)$/;

/** The import specifiers in a module's source (static and dynamic). */
export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1]);
}

/** Data files and fixtures named by a literal path in a source. */
export function dataLiterals(source: string): string[] {
  return [...source.matchAll(DATA_LITERAL)].map((m) => m[1]);
}

/** A file's text, read once per change of its size or mtime. */
const texts = new Map<string, { stamp: string; text: string }>();
export function readCached(path: string): string {
  const st = statSync(path);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = texts.get(path);
  if (hit?.stamp === stamp) return hit.text;
  const text = readFileSync(path, 'utf8');
  texts.set(path, { stamp, text });
  return text;
}

/**
 * Every file `entry` depends on, as paths relative to `root`, sorted:
 * the entry, the modules it imports by relative path (transitively),
 * JSON it imports, and data files named by literal paths. A relative
 * import of a missing file is an error (the bundler would fail too).
 */
export function dependencies(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const todo = [resolve(root, entry)];
  while (todo.length > 0) {
    const path = todo.pop()!;
    if (seen.has(path)) continue;
    if (!existsSync(path)) {
      throw new Error(
        `dependencies: ${relative(root, path)} does not exist ` +
          `(imported from the graph of ${entry})`,
      );
    }
    seen.add(path);
    if (!SOURCE.test(path)) continue;
    const source = readCached(path);
    for (const spec of importSpecifiers(source)) {
      if (!spec.startsWith('.')) continue;
      todo.push(resolve(dirname(path), spec.replace(/\?.*$/, '')));
    }
    for (const lit of dataLiterals(source)) {
      const file = resolve(root, lit);
      if (existsSync(file)) seen.add(file);
    }
  }
  return [...seen].map((p) => relative(root, p).split('\\').join('/'))
    .sort();
}
