// Finding and reading the data files that ship with the book, checksum
// verified; every loader in the book uses these two. Node only (fs and
// crypto): never import this file into code that runs in a browser.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// #region data-file
/**
 * The absolute path of `file`, a path such as 'data/iris/iris.csv' from
 * the book's root: two folders above this module, or the working
 * directory if a bundler has moved the module away from the data.
 */
export function dataPath(file: string): string {
  requireName('dataPath', 'file', file);
  const here = dirname(fileURLToPath(import.meta.url)); // code/calculus/
  const beside = resolve(here, '../..', file);
  return existsSync(beside) ? beside : resolve(file);
}

/**
 * The bytes of the file at `path`, if their SHA-256 is `sha256`. If not,
 * throws an error that names the loader `caller` and cites the `readme`
 * that records the checksum.
 */
export function readVerified(
  caller: string,
  path: string,
  sha256: string,
  readme: string,
): Buffer {
  const bytes = readBytes(caller, path, readme);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== sha256) {
    throw new Error(`${caller}: ${path} has SHA-256 ${sha}, expected ` +
      `${sha256} (see ${readme})`);
  }
  return bytes;
}
// #endregion

/** The file's bytes; a missing file is an error that names `caller`. */
function readBytes(caller: string, path: string, readme: string) {
  requireName(caller, 'path', path);
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR') throw e;
    throw new Error(`${caller}: no data file at ${path} (${code}); the ` +
      `book ships it, see ${readme}`);
  }
}

function requireName(fn: string, name: string, s: unknown): void {
  if (typeof s !== 'string' || s === '') {
    throw new Error(`${fn}: ${name} must be a non-empty string, got ${s}`);
  }
}
