// Client script of BoostingDemo.astro: a plain custom element. It fits
// the chapter's own gradient boosting (code/boosting, checked by
// tests/boosting.test.ts) to the noisy sine once, then redraws the
// model F_m and the residuals y_i − F_m(x_i) for the round m the slider
// selects.
import { Matrix } from '../../../code/linear-algebra/matrix.ts';
import {
  fitGradientBoosting,
  stagedScores,
} from '../../../code/boosting/gradient-boosting.ts';
import { goLive, scales, setText } from './demo-kit.ts';

interface DemoData {
  x: number[];
  y: number[];
  rounds: number;
  eta: number;
  maxDepth: number;
  minSamplesLeaf: number;
}

// The plot box in SVG units; keep in step with BOX in BoostingDemo.astro.
const Y0 = -1.8;
const Y1 = 1.8;
const { sx, sy } = scales({ L: 50, R: 470, T: 10, B: 285 },
  { x0: 0, x1: 1, y0: Y0, y1: Y1 });
const GRID = 201;

class BoostingDemo extends HTMLElement {
  slider!: HTMLInputElement;
  onGrid!: Float64Array[];
  atData!: Float64Array[];
  data!: DemoData;

  connectedCallback() {
    if (this.slider) return; // already set up
    const d: DemoData = JSON.parse(this.dataset.demo ?? '{}');
    this.data = d;
    const X = new Matrix(d.x.length, 1, Float64Array.from(d.x));
    const model = fitGradientBoosting(X, Float64Array.from(d.y), {
      nEstimators: d.rounds, eta: d.eta, maxDepth: d.maxDepth,
      minSamplesLeaf: d.minSamplesLeaf });
    const gx = Float64Array.from({ length: GRID }, (_, i) => i / (GRID - 1));
    this.onGrid = stagedScores(model, new Matrix(GRID, 1, gx));
    this.atData = stagedScores(model, X);
    this.slider = this.querySelector('input[type=range]')!;
    goLive(this);
    this.slider.addEventListener('input', () => this.render());
    this.render();
  }

  render() {
    const m = Number(this.slider.value);
    const clamp = (y: number) => Math.min(Math.max(y, Y0), Y1);
    const F = this.onGrid[m - 1];
    const path = Array.from(F, (f, i) =>
      `${i === 0 ? 'M' : 'L'}${sx(i / (GRID - 1)).toFixed(1)},` +
      `${sy(clamp(f)).toFixed(1)}`).join('');
    this.querySelector('.bd-curve')!.setAttribute('d', path);
    const fit = this.atData[m - 1];
    const { x, y } = this.data;
    const sticks = x.map((xi, i) => `M${sx(xi).toFixed(1)},` +
      `${sy(clamp(y[i])).toFixed(1)}V${sy(clamp(fit[i])).toFixed(1)}`);
    this.querySelector('.bd-sticks')!.setAttribute('d', sticks.join(''));
    let mse = 0;
    y.forEach((yi, i) => { mse += (yi - fit[i]) ** 2; });
    mse /= y.length;
    setText(this, '.bd-m', String(m));
    setText(this, '.demo-readout', `After ${m} round${m === 1 ? '' : 's'}: ` +
      `training MSE ${mse.toFixed(3)}.`);
  }
}

customElements.define('boosting-demo', BoostingDemo);
