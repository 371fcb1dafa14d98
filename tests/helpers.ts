// Small helpers shared by the chapters' test files (not a test file).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { norm, subVec } from '../code/linear-algebra/matrix.ts';

/** ‖a − e‖ / ‖e‖: the normwise relative error of a vector. */
export function normwiseError(
  a: ArrayLike<number>,
  e: ArrayLike<number>,
): number {
  const ev = Float64Array.from(e);
  return norm(subVec(Float64Array.from(a), ev)) / norm(ev);
}

/**
 * The JSON file tests/fixtures/<slug>/<name>, parsed. T is what the
 * caller takes it to hold (not checked); it defaults to `any`, as
 * JSON.parse does. A missing file names the script that writes it.
 */
export function fixture<T = any>(slug: string, name: string): T {
  const url = new URL(`./fixtures/${slug}/${name}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const script = `scripts/reference/${slug.replaceAll('-', '_')}.py`;
    throw new Error(
      `fixture: no ${fileURLToPath(url)}; make it with ` +
        `/usr/bin/python3 ${script}`,
    );
  }
  return JSON.parse(text) as T;
}
