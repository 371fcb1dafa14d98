// A run against an edited file ("Edit" on a listing): the edited module
// and every module that imports it, up to the test file, are loaded from
// blob URLs whose imports point at each other; every other module is the
// site's compiled one. Runs in the worker (worker.ts), in a fresh worker
// per run, so nothing of an earlier edit survives.
import { init, parse } from 'es-module-lexer';

const SHIMMED = new Set(['fs', 'path', 'url', 'os', 'crypto', 'zlib']);

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * The module-tree path an import of `spec` from the module at `from`
 * (a tree path) loads: as compile.ts lays the tree out.
 */
export function treeTarget(spec: string, from: string): string {
  if (spec.startsWith('.')) {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    return normalize(`${dir}/${spec}`).replace(/\.ts$/, '.js')
      .replace(/\.json$/, '.json.js');
  }
  if (spec === 'vitest') return '__book/vitest.js';
  const name = spec.replace(/^node:/, '');
  if (SHIMMED.has(name)) return `__book/node/${name}.js`;
  return `__book/npm/${spec.replace(/\//g, '+')}.js`;
}

/**
 * The URL to import for `entry` (a tree path under `treeUrl`) with
 * `edits` (tree path → JavaScript) in place of the compiled modules;
 * `graph` holds each module's imports (tree paths). Edits of modules the
 * entry does not reach change nothing.
 */
export async function relink(
  treeUrl: string, entry: string,
  graph: Readonly<Record<string, readonly string[]>>,
  edits: Readonly<Record<string, string>>,
  load: (url: string) => Promise<string> =
  async (url) => (await fetch(url)).text(),
  toUrl: (text: string) => string = (text) =>
    URL.createObjectURL(new Blob([text], { type: 'text/javascript' })),
): Promise<string> {
  await init;
  const importers = new Map<string, string[]>();
  for (const [p, deps] of Object.entries(graph)) {
    for (const d of deps) importers.set(d, [...importers.get(d) ?? [], p]);
  }
  const dirty = new Set(Object.keys(edits).filter((p) => p in graph));
  for (const p of dirty) for (const q of importers.get(p) ?? []) dirty.add(q);
  if (!dirty.has(entry)) return new URL(entry, treeUrl).href;
  const urls = new Map<string, string>();
  const visit = async (p: string): Promise<string> => {
    const known = urls.get(p);
    if (known !== undefined) {
      if (known === '') {
        throw new Error(`relink: ${p} imports itself through modules ` +
          'being edited; edit another file');
      }
      return known;
    }
    urls.set(p, '');
    for (const d of graph[p] ?? []) if (dirty.has(d)) await visit(d);
    const text = edits[p] ?? await load(new URL(p, treeUrl).href);
    const [imports] = parse(text);
    let out = '';
    let last = 0;
    for (const im of imports) {
      if (im.n === undefined || im.d === -2) continue;
      const target = treeTarget(im.n, p);
      const url = dirty.has(target) ? urls.get(target)!
        : new URL(target, treeUrl).href;
      out += text.slice(last, im.s) + (im.d > -1 ? JSON.stringify(url) : url);
      last = im.e;
    }
    const url = toUrl(out + text.slice(last));
    urls.set(p, url);
    return url;
  };
  return visit(entry);
}
