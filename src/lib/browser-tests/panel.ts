// The "Run the tests" panel of a chapter page, loaded only when the
// reader presses the button (src/components/RunTests.astro): it reads
// the chapter's manifest (_tests/<slug>.json, written by compile.ts),
// starts the worker (worker.ts) and lists each test as it ends, passing
// or failing, with its time, then the totals. "Stop" terminates the
// worker, so a test that never ends cannot hang the page.
import type { ChapterManifest } from './compile.ts';
import type { TestResult } from './runner.ts';

const CSS = `
.book-run{margin-top:.75rem}
.book-run-bar{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
.book-run ol{list-style:none;padding:0;margin:.5rem 0 0;max-height:24rem;
overflow:auto;font-size:var(--sl-text-sm);border:1px solid
var(--sl-color-gray-5);border-radius:.25rem}
.book-run li{display:flex;gap:.5rem;padding:.1rem .5rem;margin:0}
.book-run li>span:nth-child(2){flex:1}
.book-run li>span:last-child{font-variant-numeric:tabular-nums;
color:var(--sl-color-gray-2)}
.book-run li[data-state=fail]{flex-wrap:wrap;background:
color-mix(in srgb,var(--sl-color-red) 12%,transparent)}
.book-run pre{flex-basis:100%;margin:.25rem 0;white-space:pre-wrap;
font-size:var(--sl-text-xs)}
.book-run [data-state=pass]>span:first-child{color:var(--sl-color-green)}
.book-run [data-state=fail]>span:first-child{color:var(--sl-color-red)}
`;

const MARK = { pass: '✓', fail: '✗', skip: '–', node: '⏻' } as const;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, text = '', attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const ms = (t: number) => t >= 1000 ? `${(t / 1000).toFixed(2)} s`
  : `${Math.round(t)} ms`;

const base = new URL('./', import.meta.url).href; // …/_tests/
const manifests = new Map<string, Promise<ChapterManifest>>();

/** The chapter's manifest (compile.ts), fetched once. */
export function manifestOf(slug: string): Promise<ChapterManifest> {
  let m = manifests.get(slug);
  if (!m) {
    m = fetch(`${base}${slug}.json`).then((res) => {
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      return res.json() as Promise<ChapterManifest>;
    });
    m.catch(() => manifests.delete(slug));
    manifests.set(slug, m);
  }
  return m;
}

export interface RunOptions {
  /** Edited modules: tree path → JavaScript (editor.ts). */
  readonly edits?: Readonly<Record<string, string>>;
  /** Where the results go (by default, after the button). */
  readonly host?: HTMLElement;
  /** The button that started the run, disabled while it runs. */
  readonly trigger?: HTMLButtonElement;
}

/**
 * Starts (or restarts) the run of the chapter whose "Run the tests"
 * button is `button`, with the edits in `opts` if any.
 */
export async function run(
  button: HTMLButtonElement, opts: RunOptions = {},
): Promise<void> {
  const slug = button.dataset.slug!;
  const control = opts.trigger ?? button;
  if (!document.getElementById('book-run-css')) {
    document.head.append(el('style', CSS, { id: 'book-run-css' }));
  }
  const host = opts.host ?? button.parentElement!;
  let box = host.querySelector<HTMLElement>(':scope > .book-run');
  if (!box) {
    box = el('div', '', { class: 'book-run' });
    if (opts.host) host.append(box);
    else button.after(box);
  }
  box.replaceChildren();
  box.dataset.state = 'running';
  const status = el('p', 'Loading the tests…', { role: 'status',
    'aria-live': 'polite', 'data-run-status': '' });
  const stop = el('button', 'Stop', { type: 'button' });
  const bar = el('div', '', { class: 'book-run-bar' });
  bar.append(status, stop);
  const list = el('ol', '', { 'aria-label': 'Test results' });
  box.append(bar, list);
  control.disabled = true;

  let manifest: ChapterManifest;
  try {
    manifest = await manifestOf(slug);
  } catch (e) {
    status.textContent = `The chapter's tests did not load: ${
      e instanceof Error ? e.message : String(e)}`;
    box.dataset.state = 'error';
    stop.remove();
    control.disabled = false;
    return;
  }
  const worker = new Worker(`${base}${manifest.worker}`, { type: 'module' });
  let passed = 0;
  let failed = 0;
  let ran = 0;
  const nodeOnly = manifest.nodeOnly.length;
  const finish = (text: string, state: string) => {
    worker.terminate();
    stop.remove();
    status.textContent = text;
    box!.dataset.state = state;
    control.disabled = false;
    if (!opts.trigger) button.textContent = 'Run the tests again';
  };
  const counts = () => `${passed} passed, ${failed} failed of ` +
    `${manifest.count - nodeOnly}`;
  stop.onclick = () => finish(`Stopped: ${counts()}.`, 'stopped');
  const started = performance.now();
  worker.onerror = (e) => finish(`The worker failed: ${e.message}`, 'error');
  worker.onmessage = (e: MessageEvent) => {
    const m = e.data;
    if (m.type === 'error') finish(m.message, 'error');
    else if (m.type === 'collected') {
      status.textContent = `Running ${m.total - m.node} tests…`;
    } else if (m.type === 'result') {
      const r = m.result as TestResult;
      if (r.state === 'node') return;
      ran++;
      if (r.state === 'pass') passed++;
      if (r.state === 'fail') failed++;
      const li = el('li', '', { 'data-state': r.state });
      li.append(el('span', MARK[r.state], { 'aria-label': r.state }),
        el('span', [...r.path, r.name].join(' › ')), el('span', ms(r.ms)));
      if (r.error) {
        li.append(el('pre', r.error.message + (r.error.expected !== undefined
          ? `\nexpected: ${r.error.expected}\nactual:   ${r.error.actual}`
          : '')));
      }
      if (r.state === 'fail') list.prepend(li); // failures first
      else list.append(li);
      status.textContent = `${counts()}…`;
    } else if (m.type === 'done') {
      const total = performance.now() - started;
      finish(`${counts()} in ${ms(total)}${nodeOnly
        ? `; ${nodeOnly} more run with npm test only` : ''}.`,
      failed ? 'failed' : 'passed');
      box!.dataset.passed = String(passed);
      box!.dataset.failed = String(failed);
      box!.dataset.ran = String(ran);
    }
  };
  if (nodeOnly) {
    const d = el('details');
    d.append(el('summary', `${nodeOnly} run with npm test only`));
    const ul = el('ul');
    for (const t of manifest.nodeOnly) {
      ul.append(el('li', `${t.name} (line ${t.line}; uses ${
        t.uses.join(', ')})`));
    }
    d.append(ul);
    box.append(d);
  }
  worker.postMessage({ tree: `${base}${manifest.tree}/`,
    entry: manifest.test, files: `${base}files/`, edits: opts.edits ?? {},
    graph: manifest.graph });
}

/** "Edit" on a listing: opens its file in the editor (editor.ts). */
export async function edit(
  editButton: HTMLButtonElement, runButton: HTMLButtonElement,
): Promise<void> {
  const m = await manifestOf(runButton.dataset.slug!);
  const editor = await import(/* @vite-ignore */ `${base}${m.editor}`) as
    typeof import('./editor.ts');
  await editor.open(editButton, runButton, m, base, run);
}
