// "Edit" on a listing: the listing's whole file in CodeMirror 6, scrolled
// to the listing's first line; "Run the tests" re-runs the chapter's tests
// with the edited file in place of the book's (types stripped by sucrase,
// then linked in the worker, relink.ts); "Reset" restores the book's
// text. Edits stay in the page. Loaded only when the reader presses
// "Edit" (panel.ts).
import { EditorView, basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { transform } from 'sucrase';
import type { ChapterManifest } from './compile.ts';
import type { RunOptions } from './panel.ts';

/** Edited files of this page: source path → TypeScript. */
const edits = new Map<string, string>();

/** `import.meta` of the file at `rel`, as compile.ts places it. */
function placeImportMeta(js: string, rel: string): string {
  const dir = rel.slice(0, rel.lastIndexOf('/'));
  return js
    .replace(/\bimport\.meta\.url\b/g, JSON.stringify(`file:///book/${rel}`))
    .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(`/book/${dir}`))
    .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(`/book/${rel}`));
}

/** The edits as the worker takes them: tree path → JavaScript. */
function compiled(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, ts] of edits) {
    const js = transform(ts, { transforms: ['typescript'],
      disableESTransforms: true, filePath: file }).code;
    out[file.replace(/\.ts$/, '.js')] = placeImportMeta(js, file);
  }
  return out;
}

const CSS = `
.book-editor{margin:.5rem 0 1rem;border:1px solid var(--sl-color-gray-5);
border-radius:.25rem}
.book-editor .cm-editor{max-height:28rem;font-size:var(--sl-text-sm)}
.book-editor-bar{display:flex;gap:.5rem;align-items:center;padding:.4rem;
flex-wrap:wrap;border-top:1px solid var(--sl-color-gray-5)}
.book-editor-bar p{margin:0;font-size:var(--sl-text-sm)}
.book-editor>.book-run{padding:0 .4rem .4rem}
`;

type Run = (b: HTMLButtonElement, o?: RunOptions) => Promise<void>;

/** Opens (or focuses) the editor of the listing whose "Edit" is `button`. */
export async function open(
  button: HTMLButtonElement, runButton: HTMLButtonElement,
  m: ChapterManifest, base: string, run: Run,
): Promise<void> {
  const file = button.dataset.bookEdit!;
  const figure = button.closest('figure') ?? button.parentElement!;
  const next = figure.nextElementSibling;
  if (next instanceof HTMLElement && next.dataset.bookEditor === file) {
    next.querySelector<HTMLElement>('.cm-content')?.focus();
    return;
  }
  if (!document.getElementById('book-editor-css')) {
    const style = document.createElement('style');
    style.id = 'book-editor-css';
    style.textContent = CSS;
    document.head.append(style);
  }
  const res = await fetch(`${base}files/${file}`);
  if (!res.ok) throw new Error(`${file}: ${res.status} ${res.statusText}`);
  const original = await res.text();
  const box = document.createElement('div');
  box.className = 'book-editor';
  box.dataset.bookEditor = file;
  figure.after(box);
  const view = new EditorView({
    doc: edits.get(file) ?? original,
    extensions: [basicSetup, javascript({ typescript: true }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        const text = u.state.doc.toString();
        if (text === original) edits.delete(file);
        else edits.set(file, text);
        note.textContent = edits.has(file) ? 'Edited: run the tests to ' +
          'see what your change does.' : 'The book\'s text.';
      })],
    parent: box,
  });
  const bar = document.createElement('div');
  bar.className = 'book-editor-bar';
  const runIt = document.createElement('button');
  runIt.type = 'button';
  runIt.textContent = 'Run the tests';
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = 'Reset';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  const note = document.createElement('p');
  note.setAttribute('role', 'status');
  note.textContent = m.modules.includes(
    `${m.tree}/${file.replace(/\.ts$/, '.js')}`)
    ? 'The book\'s text.'
    : 'The chapter\'s tests do not import this file.';
  bar.append(runIt, reset, close, note);
  box.append(bar);
  runIt.onclick = () => {
    let js: Record<string, string>;
    try { js = compiled(); } catch (e) {
      note.textContent = `The edit does not compile: ${
        e instanceof Error ? e.message : String(e)}`;
      return;
    }
    void run(runButton, { edits: js, host: box, trigger: runIt });
  };
  reset.onclick = () => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length,
      insert: original } });
  };
  close.onclick = () => { view.destroy(); box.remove(); button.focus(); };
  // scroll the editor to the listing's first line
  const first = Number(figure.querySelector('.ln')?.textContent ?? 1);
  const line = view.state.doc.line(Math.min(Math.max(1, first),
    view.state.doc.lines));
  view.dispatch({ selection: { anchor: line.from },
    effects: EditorView.scrollIntoView(line.from, { y: 'start' }) });
  view.focus();
  // for the site's tests: edit the text as a reader would
  (box as HTMLElement & { bookEdit?: (f: (s: string) => string) => void })
    .bookEdit = (f) => view.dispatch({ changes: { from: 0,
      to: view.state.doc.length, insert: f(view.state.doc.toString()) } });
}
