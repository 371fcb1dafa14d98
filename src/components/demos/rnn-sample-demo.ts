// Client script of RnnSampleDemo.astro: a plain custom element. It
// rebuilds the trained word model from its weights (elmanCharModel) and
// draws ten words with sampleWord, the function the chapter shows and
// tests/recurrent-networks.test.ts checks. Seeded: a seed and a τ give
// the same ten words on every visit; "New sample" moves to the next
// seed.
import { createRng } from '../../../code/introduction/random.ts';
import { sampleWord } from '../../../code/recurrent-networks/sample.ts';
import {
  elmanCharModel,
  type ElmanWeights,
} from '../../../code/recurrent-networks/weights.ts';
import type { CharModel } from '../../../code/recurrent-networks/charlm.ts';
import { goLive, setText } from './demo-kit.ts';

interface DemoData { weights: ElmanWeights; seed: number }

class RnnSampleDemo extends HTMLElement {
  model!: CharModel;
  seed = 0;
  slider!: HTMLInputElement;

  connectedCallback() {
    if (this.slider) return; // already set up
    const data: DemoData = JSON.parse(this.dataset.demo ?? '{}');
    this.model = elmanCharModel(data.weights);
    this.seed = data.seed;
    this.slider = this.querySelector('input[type=range]')!;
    goLive(this);
    this.slider.addEventListener('input', () => this.render());
    this.querySelector('.rsd-new')!.addEventListener('click', () => {
      this.seed++;
      this.render();
    });
    this.render();
  }

  render() {
    const T = Number(this.slider.value);
    const rng = createRng(this.seed);
    const list = this.querySelector('.rsd-words')!;
    list.replaceChildren();
    for (let k = 0; k < 10; k++) {
      const li = list.appendChild(document.createElement('li'));
      li.textContent = sampleWord(this.model, rng, T) || '(empty)';
    }
    setText(this, '.rsd-t', T.toFixed(1));
    const note = T === 0 ? ': greedy, the same word every time.' : '.';
    setText(this, '.demo-readout', `Seed ${this.seed}, τ = ` +
      `${T.toFixed(1)}${note}`);
  }
}

customElements.define('rnn-sample-demo', RnnSampleDemo);
