// Client script of AutodiffGraphDemo.astro: a plain custom element that
// shows one precomputed frame at a time. Nothing is computed here; the
// frames come from src/compute/autodiff.ts at build time.
import { goLive, setText } from './demo-kit.ts';

class AutodiffGraphDemo extends HTMLElement {
  private frames: HTMLElement[] = [];
  private texts: string[] = [];
  private at = 0;

  connectedCallback(): void {
    const tpl = this.querySelector<HTMLTemplateElement>('.agd-texts');
    if (!tpl || this.frames.length) return; // already set up
    this.frames = [...this.querySelectorAll<HTMLElement>('.agd-frame')];
    this.texts = JSON.parse(tpl.innerHTML) as string[];
    goLive(this);
    this.querySelector('[data-act="back"]')
      ?.addEventListener('click', () => this.go(this.at - 1));
    this.querySelector('[data-act="next"]')
      ?.addEventListener('click', () => this.go(this.at + 1));
    this.querySelector('.agd-stage')?.addEventListener('keydown', (e) => {
      const key = (e as KeyboardEvent).key;
      const to: Record<string, number> = {
        ArrowRight: this.at + 1, ArrowLeft: this.at - 1,
        Home: 0, End: this.frames.length - 1,
      };
      if (key in to) {
        e.preventDefault();
        this.go(to[key]);
      }
    });
    this.go(0);
  }

  private go(i: number): void {
    const n = this.frames.length;
    this.at = Math.min(n - 1, Math.max(0, i));
    this.frames.forEach((f, k) => { f.hidden = k !== this.at; });
    setText(this, '.agd-text', this.texts[this.at] ?? '');
    setText(this, '.agd-count', `step ${this.at} of ${n - 1}`);
  }
}

customElements.define('autodiff-graph-demo', AutodiffGraphDemo);
