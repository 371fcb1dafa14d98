// At build time: each chapter's test file, tests/<slug>.test.ts, with the
// code/ modules it imports and its JSON fixtures, compiled to browser ES
// modules under <site>/_tests/, for the "Run the tests" control on the
// chapter page (src/components/RunTests.astro). esbuild bundles all the
// chapters at once, sharing chunks (linear-algebra's matrix code is one
// file every chapter's run reuses). `vitest` becomes the worker's runner
// (runner.ts) and the Node built-ins the tests use become node-shims.ts;
// a test that needs anything else (another built-in, or the site's own
// build code in src/ or scripts/) is found here, from the test file's
// syntax, and listed on the page as "runs with npm test only".
import { build, transform } from 'esbuild';
import { init, parse } from 'es-module-lexer';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import * as shims from './node-shims.ts';
import { countTests } from '../tests-info.ts';

/** The built-ins node-shims.ts stands in for, and the object of each. */
const SHIMMED: Record<string, object> = {
  fs: shims.fs, path: shims.path, os: shims.os, crypto: shims.crypto,
  zlib: shims.zlib,
  url: { fileURLToPath: shims.fileURLToPath,
    pathToFileURL: shims.pathToFileURL },
};

const builtin = (spec: string) => spec.replace(/^node:/, '');
const isShimmed = (spec: string) =>
  (spec.startsWith('node:') || spec in SHIMMED) && builtin(spec) in SHIMMED;

/**
 * Whether an import of `spec` from the test file `file` needs Node: a
 * built-in the shims lack, or the site's build code (src/, scripts/),
 * which pulls in the renderer and the file system.
 */
export function needsNode(spec: string, file: string, root: string): boolean {
  if (spec.startsWith('node:')) return !isShimmed(spec);
  if (!spec.startsWith('.')) return false;
  const rel = relative(root, resolve(dirname(file), spec)).split(sep);
  return rel[0] === 'src' || rel[0] === 'scripts';
}

export interface NodeOnlyTest {
  readonly name: string;
  readonly line: number;
  /** What it uses that needs Node. */
  readonly uses: readonly string[];
}

export interface Analysis {
  /** The source with each Node-only test's `it` made `it.nodeOnly`. */
  readonly source: string;
  readonly nodeOnly: readonly NodeOnlyTest[];
  /** Import specifier → the names the file imports from it (Node-only). */
  readonly stubs: ReadonlyMap<string, readonly string[]>;
}

/**
 * Finds the tests of a test file that need Node: those whose arguments
 * mention a binding imported from a module that needs Node, or a
 * top-level function or constant of the file that does (transitively).
 */
export function analyse(
  source: string, file: string, root: string,
): Analysis {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const bad = new Map<string, string>(); // local name → why
  const stubs = new Map<string, string[]>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)
      || st.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword) {
      continue;
    }
    const spec = st.moduleSpecifier.text;
    if (!needsNode(spec, file, root)) continue;
    const names: string[] = [];
    const c = st.importClause;
    if (c?.name) { bad.set(c.name.text, spec); names.push('default'); }
    const nb = c?.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) bad.set(nb.name.text, spec);
    if (nb && ts.isNamedImports(nb)) {
      for (const el of nb.elements) {
        if (el.isTypeOnly) continue;
        bad.set(el.name.text, spec);
        names.push((el.propertyName ?? el.name).text);
      }
    }
    stubs.set(spec, names);
  }
  // functions of the book's code that time themselves: browsers coarsen
  // performance.now() (Chromium to 0.1 ms, Firefox to 1 ms), and these
  // time kernels that run in microseconds
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)
      || !st.moduleSpecifier.text.startsWith('.')) continue;
    const spec = st.moduleSpecifier.text;
    const timed = clockReaders(resolve(dirname(file), spec));
    const nb = st.importClause?.namedBindings;
    if (!timed.size || !nb || !ts.isNamedImports(nb)) continue;
    const why = `${spec}: times itself, and a browser's clock is too ` +
      'coarse';
    for (const el of nb.elements) {
      const name = (el.propertyName ?? el.name).text;
      if (timed.has(name)) bad.set(el.name.text, why);
      for (const t of timed) {
        if (t.startsWith(`${name}.`)) {
          bad.set(`${el.name.text}${t.slice(name.length)}`, why);
        }
      }
    }
  }
  const mentions = (node: ts.Node): string[] => {
    const found = new Set<string>();
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n) &&
        ts.isIdentifier(n.expression) &&
        bad.has(`${n.expression.text}.${n.name.text}`)) {
        found.add(`${n.expression.text}.${n.name.text}`);
      }
      if (ts.isIdentifier(n) && bad.has(n.text) &&
        !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) &&
        !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
        found.add(n.text);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return [...found];
  };
  // top-level helpers that use Node-only bindings are Node-only too
  for (let grew = true; grew;) {
    grew = false;
    for (const st of sf.statements) {
      const decls: [string, ts.Node][] = [];
      if (ts.isFunctionDeclaration(st) && st.name) {
        decls.push([st.name.text, st]);
      }
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer) {
            decls.push([d.name.text, d.initializer]);
          }
        }
      }
      for (const [name, node] of decls) {
        const m = !bad.has(name) && mentions(node);
        if (m && m.length) { bad.set(name, bad.get(m[0])!); grew = true; }
      }
    }
  }
  const nodeOnly: NodeOnlyTest[] = [];
  const edits: number[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      let callee: ts.Expression = n.expression;
      // it.each(table)(name, fn): the callee is itself a call
      if (ts.isCallExpression(callee)) callee = callee.expression;
      let base = callee;
      while (ts.isPropertyAccessExpression(base)) base = base.expression;
      if (ts.isIdentifier(base) &&
        (base.text === 'it' || base.text === 'test')) {
        const uses = mentions(n);
        if (uses.length) {
          const first = n.arguments[0];
          const name = first ? literal(first) ?? first.getText(sf)
            : '(unnamed)';
          const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
          nodeOnly.push({ name, line: line + 1,
            uses: uses.map((u) => `${u} (${bad.get(u)})`) });
          edits.push(base.getEnd());
          return; // a test inside a test is not a thing
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  let out = source;
  for (const at of edits.sort((a, b) => b - a)) {
    out = `${out.slice(0, at)}.nodeOnly${out.slice(at)}`;
  }
  return { source: out, nodeOnly, stubs };
}

const readers = new Map<string, Set<string>>();

/** The object literal `e` is, or wraps (`groups({…})`, `{…} as const`). */
function objectOf(e: ts.Expression): ts.ObjectLiteralExpression | null {
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e)) return objectOf(e.expression);
  if (ts.isCallExpression(e) && e.arguments.length === 1) {
    return objectOf(e.arguments[0]);
  }
  return null;
}

/**
 * The top-level functions of the module `file` that read the clock
 * (performance.now, Date.now), directly or through another of them.
 */
export function clockReaders(file: string): Set<string> {
  const known = readers.get(file);
  if (known) return known;
  const found = new Set<string>();
  readers.set(file, found);
  if (!existsSync(file) || !file.endsWith('.ts')) return found;
  const source = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const fns: [string, ts.Node][] = [];
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) fns.push([st.name.text, st]);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        // an object of cases: each property on its own (badInput.timing)
        const obj = objectOf(d.initializer);
        if (!obj) fns.push([d.name.text, d.initializer]);
        else {
          for (const p of obj.properties) {
            if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) {
              fns.push([`${d.name.text}.${p.name.text}`, p.initializer]);
            }
          }
        }
      }
    }
    // what it imports from the book's modules that reads the clock
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)
      && st.moduleSpecifier.text.startsWith('.')) {
      const nb = st.importClause?.namedBindings;
      const theirs = clockReaders(
        resolve(dirname(file), st.moduleSpecifier.text));
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) {
          if (theirs.has((el.propertyName ?? el.name).text)) {
            found.add(el.name.text);
          }
        }
      }
    }
  }
  const reads = (node: ts.Node): boolean => {
    let hit = false;
    const visit = (n: ts.Node) => {
      if (hit) return;
      if (ts.isPropertyAccessExpression(n) && n.name.text === 'now' &&
        ts.isIdentifier(n.expression) &&
        (n.expression.text === 'performance' ||
          n.expression.text === 'Date')) hit = true;
      else if (ts.isIdentifier(n) && found.has(n.text)) hit = true;
      else ts.forEachChild(n, visit);
    };
    visit(node);
    return hit;
  };
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, node] of fns) {
      if (!found.has(name) && reads(node)) { found.add(name); grew = true; }
    }
  }
  return found;
}

/** A string literal, or a sum of them, as its value; else null. */
function literal(n: ts.Expression): string | null {
  if (ts.isStringLiteralLike(n)) return n.text;
  if (ts.isParenthesizedExpression(n)) return literal(n.expression);
  if (ts.isBinaryExpression(n) &&
    n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = literal(n.left);
    const b = literal(n.right);
    return a === null || b === null ? null : a + b;
  }
  return null;
}

/** `import.meta.url` and friends of a module, as the worker sees them. */
export function placeImportMeta(source: string, rel: string): string {
  const posix = rel.split(sep).join('/');
  const dir = posix.includes('/') ? posix.slice(0, posix.lastIndexOf('/'))
    : '';
  const file = `${shims.ROOT}/${posix}`;
  return source
    .replace(/\bimport\.meta\.url\b/g, JSON.stringify(`file://${file}`))
    .replace(/\bimport\.meta\.dirname\b/g,
      JSON.stringify(dir ? `${shims.ROOT}/${dir}` : shims.ROOT))
    .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(file));
}

export interface ChapterManifest {
  readonly slug: string;
  /** The chapter's compiled test file, relative to _tests/. */
  readonly entry: string;
  readonly worker: string;
  /** Tests Vitest collects from the file (its `it`/`test` calls). */
  readonly count: number;
  readonly nodeOnly: readonly NodeOnlyTest[];
  /** The compiled modules a run loads, relative to _tests/. */
  readonly modules: readonly string[];
  /** The module tree (a folder of _tests/), the test file's path in it,
   *  and each module's imports there, for a run with edits (relink.ts). */
  readonly tree: string;
  readonly test: string;
  readonly graph: Readonly<Record<string, readonly string[]>>;
  /** The editor behind "Edit" on a listing (editor.ts). */
  readonly editor: string;
}

export interface CompileResult {
  readonly chapters: readonly ChapterManifest[];
  readonly ms: number;
  /** Bytes of each file written, relative to _tests/. */
  readonly bytes: ReadonlyMap<string, number>;
}

/** The folders of the book that tests read at run time, and the code
 *  the editor opens. */
export const SERVED = ['data', 'tests/fixtures', 'chapters', 'code'];

const posix = (p: string) => p.split(sep).join('/');

/** `to` relative to the folder of `from` (both under one root), for import. */
function relImport(from: string, to: string): string {
  const r = posix(relative(dirname(from), to));
  return r.startsWith('.') ? r : `./${r}`;
}

/**
 * Compiles the test files of `slugs` into `outDir` (the site's _tests/):
 * every module they import, one browser module per source file (not
 * bundled: names stay as written, which the bad-input tests read from
 * a function's source, and an edited file can replace one module), under
 * a folder named by the hash of them all; the worker and the page's
 * panel; a manifest per chapter; and the files the tests read (SERVED)
 * under files/, with files/index.json listing them.
 */
export async function compileTests(
  root: string, slugs: readonly string[], outDir: string,
  opts: { copyFiles?: boolean } = {},
): Promise<CompileResult> {
  const t0 = performance.now();
  await init;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const out = new Map<string, string>(); // path in the module tree → text
  const analyses = new Map<string, Analysis>();
  const npm = new Set<string>();
  const stubText = new Map<string, string>();

  /** The module-tree path of a specifier's target, seen from `file`. */
  function target(spec: string, file: string): string | null {
    const an = analyses.get(file);
    if (an?.stubs.has(spec)) {
      const names = an.stubs.get(spec)!;
      const text = names.map((n) => {
        const stub = `() => { throw new Error(${JSON.stringify(
          `${spec} runs with npm test only`)}); }`;
        return n === 'default' ? `export default ${stub};`
          : `export const ${n} = ${stub};`;
      }).join('\n') + '\n';
      const id = createHash('sha256').update(text).digest('hex').slice(0, 12);
      stubText.set(`__book/stub/${id}.js`, text);
      return `__book/stub/${id}.js`;
    }
    if (spec === 'vitest') return '__book/vitest.js';
    if (isShimmed(spec)) return `__book/node/${builtin(spec)}.js`;
    if (spec.startsWith('node:')) {
      throw new Error(`compileTests: ${spec}, imported by ` +
        `${relative(root, file)}, does not run in the browser (only a ` +
        'test file may import it, and its tests are then Node-only)');
    }
    if (spec.startsWith('.')) {
      const abs = resolve(dirname(file), spec);
      const rel = posix(relative(root, abs));
      if (rel.startsWith('..') || rel.startsWith('node_modules')) {
        throw new Error(`compileTests: ${relative(root, file)} imports ` +
          `${spec}, outside the book`);
      }
      return rel.replace(/\.ts$/, '.js').replace(/\.json$/, '.json.js');
    }
    npm.add(spec);
    return `__book/npm/${spec.replace(/\//g, '+')}.js`;
  }

  const queue = slugs.map((s) => join(root, 'tests', `${s}.test.ts`));
  const seen = new Set<string>(queue);
  const graph = new Map<string, string[]>(); // tree path → tree paths
  while (queue.length) {
    const file = queue.shift()!;
    const rel = posix(relative(root, file));
    if (file.endsWith('.json')) {
      out.set(`${rel}.js`, `export default ${readFileSync(file, 'utf8')};\n`);
      graph.set(`${rel}.js`, []);
      continue;
    }
    let source = readFileSync(file, 'utf8');
    if (/^tests\/[^/]+\.test\.ts$/.test(rel)) {
      const an = analyse(source, file, root);
      analyses.set(file, an);
      source = an.source;
    }
    const js = (await transform(placeImportMeta(source, rel), {
      loader: 'ts', format: 'esm', target: 'es2022', sourcefile: rel,
    })).code;
    const treePath = rel.replace(/\.ts$/, '.js');
    const [imports] = parse(js);
    let text = '';
    let last = 0;
    const deps: string[] = [];
    for (const im of imports) {
      if (im.n === undefined || im.d === -2) continue; // import.meta
      const to = target(im.n, file);
      if (to === null) continue;
      deps.push(to);
      const spec = relImport(treePath, to);
      // a dynamic import's range holds the quotes, a static one's not
      text += js.slice(last, im.s) + (im.d > -1 ? JSON.stringify(spec) : spec);
      last = im.e;
      if (!to.startsWith('__book/')) {
        const abs = resolve(dirname(file), im.n);
        if (!seen.has(abs)) { seen.add(abs); queue.push(abs); }
      }
    }
    text += js.slice(last);
    // JSON is served as a JavaScript module: no import attribute
    text = text.replace(
      /(\.json\.js["'])\s*with\s*\{\s*type:\s*["']json["']\s*\}/g, '$1');
    out.set(treePath, text);
    graph.set(treePath, deps);
  }
  for (const [p, t] of stubText) { out.set(p, t); graph.set(p, []); }
  const names = (o: object) => Object.keys(o).join(', ');
  out.set('__book/vitest.js', 'const v = globalThis.__bookVitest;\n' +
    'export const { describe, suite, it, test, expect, beforeAll, ' +
    'afterAll, beforeEach, afterEach } = v;\n');
  for (const [name, obj] of Object.entries(SHIMMED)) {
    out.set(`__book/node/${name}.js`,
      `const m = globalThis.__bookNode.${name};\nexport default m;\n` +
      `export const { ${names(obj)} } = m;\n`);
  }
  const common = {
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
    minify: true, legalComments: 'none', logLevel: 'silent',
    absWorkingDir: root, write: false,
  } as const;
  const packages = await Promise.all([...npm].map((spec) => build({
    ...common, stdin: { contents: `export * from ${JSON.stringify(spec)};\n` +
      `export { default } from ${JSON.stringify(spec)};\n`,
    resolveDir: root, loader: 'js' },
  })));
  [...npm].forEach((spec, i) => {
    const p = `__book/npm/${spec.replace(/\//g, '+')}.js`;
    out.set(p, packages[i].outputFiles[0].text);
    graph.set(p, []);
  });
  const hash = createHash('sha256');
  for (const k of [...out.keys()].sort()) hash.update(k).update(out.get(k)!);
  const tree = `m-${hash.digest('hex').slice(0, 10)}`;
  const bytes = new Map<string, number>();
  for (const [p, text] of out) {
    const file = join(outDir, tree, p);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes.set(`${tree}/${p}`, Buffer.byteLength(text));
  }

  const here = join(root, 'src/lib/browser-tests');
  const client = await build({
    ...common, write: true, metafile: true, outdir: outDir,
    entryPoints: [
      { in: join(here, 'worker.ts'), out: 'worker' },
      { in: join(here, 'panel.ts'), out: 'panel' },
      { in: join(here, 'editor.ts'), out: 'editor' },
    ],
    entryNames: '[name]-[hash]',
  });
  let worker = '';
  let panel = '';
  let editor = '';
  for (const [o, meta] of Object.entries(client.metafile!.outputs)) {
    const name = posix(relative(outDir, resolve(root, o)));
    bytes.set(name, meta.bytes);
    if (meta.entryPoint?.endsWith('worker.ts')) worker = name;
    if (meta.entryPoint?.endsWith('panel.ts')) panel = name;
    if (meta.entryPoint?.endsWith('editor.ts')) editor = name;
  }
  // the page loads panel.js by a fixed name; it imports the hashed file
  writeFileSync(join(outDir, 'panel.js'),
    `export * ${'from'} ${JSON.stringify(`./${panel}`)};\n`);

  const closure = (start: string) => {
    const all = new Set<string>([start]);
    for (const p of all) for (const d of graph.get(p) ?? []) all.add(d);
    return [...all];
  };
  const chapters = slugs.map((slug): ChapterManifest => {
    const file = join(root, 'tests', `${slug}.test.ts`);
    const entry = `tests/${slug}.test.js`;
    const modules = closure(entry);
    const m = { slug, entry: `${tree}/${entry}`, worker,
      count: countTests(readFileSync(file, 'utf8')),
      nodeOnly: analyses.get(file)!.nodeOnly,
      modules: modules.map((p) => `${tree}/${p}`), tree, test: entry,
      graph: Object.fromEntries(modules.map((p) => [p, graph.get(p) ?? []])),
      editor };
    writeFileSync(join(outDir, `${slug}.json`), JSON.stringify(m));
    return m;
  });
  if (opts.copyFiles !== false) copyServed(root, join(outDir, 'files'));
  return { chapters, ms: performance.now() - t0, bytes };
}

/** SERVED under `dir`, and dir/index.json: its folders and files. */
export function copyServed(root: string, dir: string): void {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const d of SERVED) {
    cpSync(join(root, d), join(dir, d), {
      recursive: true,
      filter: (src) => {
        if (/\.(py|pyc)$/.test(src)) return false;
        (statSync(src).isDirectory() ? dirs : files)
          .push(posix(relative(root, src)));
        return true;
      },
    });
  }
  writeFileSync(join(dir, 'index.json'),
    JSON.stringify({ dirs: dirs.sort(), files: files.sort() }));
}
