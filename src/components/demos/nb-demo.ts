// Client script of NbDemo.astro: a plain custom element. It fits the
// chapter's multinomial naive Bayes (buildVocabulary, countNgrams,
// fitMultinomialNB: the functions tests/naive-bayes.test.ts checks) to
// the training words once, then explains every word typed with
// explainWord and drivers.
import { drivers, explainWord } from '../../../code/naive-bayes/explain.ts';
import {
  fitMultinomialNB,
  type MultinomialNB,
} from '../../../code/naive-bayes/multinomial.ts';
import {
  buildVocabulary,
  countNgrams,
  type Vocabulary,
} from '../../../code/naive-bayes/ngrams.ts';
import { goLive } from './demo-kit.ts';

interface DemoData {
  words: string[];
  y: number[];
  names: string[];
  nMin: number;
  nMax: number;
}

const show = (g: string) => `“${g.replaceAll(' ', '␣')}”`;
const pct = (p: number) => p >= 0.9995 ? '>99.9%'
  : p < 0.0005 ? '<0.1%' : `${(100 * p).toFixed(1)}%`;
const num = (v: number) => v.toFixed(Math.abs(v) < 1 ? 2 : 1)
  .replace(/^-/, '−');

class NbDemo extends HTMLElement {
  data!: DemoData;
  model!: MultinomialNB;
  vocab!: Vocabulary;
  input!: HTMLInputElement;

  connectedCallback() {
    if (this.input) return; // already set up
    this.data = JSON.parse(this.dataset.demo ?? '{}');
    const { words, y, nMin, nMax } = this.data;
    this.vocab = buildVocabulary(words, nMin, nMax);
    this.model = fitMultinomialNB(countNgrams(words, this.vocab), y);
    this.input = this.querySelector('input[type=text]')!;
    goLive(this);
    this.input.addEventListener('input', () => this.render());
    this.render();
  }

  /** The typed text as the model's input: lower case, letters only. */
  word(): string {
    return this.input.value.normalize('NFC').toLowerCase()
      .replace(/[^\p{L}]/gu, '');
  }

  render() {
    const w = this.word();
    const body = this.querySelector('.nbd-table tbody')!;
    const readout = this.querySelector('.demo-readout')!;
    body.replaceChildren();
    if (w === '') {
      readout.textContent = 'Type a word of letters.';
      return;
    }
    const e = explainWord(this.model, this.vocab, w);
    const order = Array.from(e.logPost.keys())
      .sort((a, b) => e.logPost[b] - e.logPost[a]);
    for (const c of order) {
      const p = Math.exp(e.logPost[c]);
      const tr = body.appendChild(document.createElement('tr'));
      if (c === order[0]) tr.className = 'nbd-best';
      const cells = [this.data.names[c], '', num(e.logPost[c]),
        num(e.jll[c])];
      cells.forEach((text, k) => {
        const td = tr.appendChild(document.createElement('td'));
        if (k !== 1) { td.textContent = text; return; }
        const bar = td.appendChild(document.createElement('div'));
        bar.className = 'nbd-bar';
        const track = bar.appendChild(document.createElement('span'));
        track.className = 'nbd-track';
        const fill = track.appendChild(document.createElement('span'));
        fill.style.width = `${(100 * p).toFixed(1)}%`;
        bar.appendChild(document.createElement('span')).textContent = pct(p);
      });
    }
    const [a, b] = order;
    const top = drivers(e, a, b, 5).filter((d) => d.margin > 0);
    const names = this.data.names;
    readout.textContent =
      `${w}: ${names[a]} (${pct(Math.exp(e.logPost[a]))}), then ` +
      `${names[b]}. ${e.grams.length} n-grams counted` +
      (top.length ? `; those favouring ${names[a]} over ${names[b]} ` +
        `most: ${top.map((d) => `${show(d.gram)} (+${d.margin
          .toFixed(1)})`).join(', ')}` : '') +
      (e.unseen.length ? `; not in the vocabulary, ignored: ` +
        `${e.unseen.map(show).join(', ')}` : '') + '.';
  }
}

customElements.define('nb-demo', NbDemo);
