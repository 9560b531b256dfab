import { NumberView } from './number.js';

/**
 * Shows a prediction: the digit, its confidence, one probability bar per digit
 * and the 28×28 image the model saw; for several digits, the number they make
 * (`number.js`).
 *
 *     const view = new ResultView(document.getElementById('result'));
 *     view.show({ digit: 7, confidence: 0.98, probabilities: [...10 numbers], modelInput: [...784 numbers] });
 *     view.reset();
 */
export class ResultView {
  #root;
  #digit;
  #summary;
  #confidence;
  #bars = [];
  #modelInput;
  #number;

  /**
   * @param {HTMLElement} root the element holding `#predicted-digit`, `#result-summary`, `#confidence`, `#probabilities`,
   *   `#model-input` and `#number`; the digits' boxes go in the page's `#digit-boxes`.
   */
  constructor(root) {
    this.#root = root;
    this.#digit = root.querySelector('#predicted-digit');
    this.#summary = root.querySelector('#result-summary');
    this.#confidence = root.querySelector('#confidence');
    this.#modelInput = root.querySelector('#model-input');
    this.#number = new NumberView(root.querySelector('#number'), document.getElementById('digit-boxes'));
    const list = root.querySelector('#probabilities');
    for (let digit = 0; digit < 10; digit += 1) {
      const bar = probabilityBar(digit);
      list.append(bar.item);
      this.#bars.push(bar);
    }
    this.reset();
  }

  /** Marks the view as waiting for an answer (`aria-busy`), keeping what it shows. */
  set isBusy(isBusy) {
    this.#root.setAttribute('aria-busy', String(isBusy));
  }

  /**
   * @param {{digit: number, confidence: number, probabilities: number[], modelInput: number[] | null,
   *   digits?: {digit: number, confidence: number, box: number[]}[], number?: string | null}} prediction
   */
  show({ digit, confidence, probabilities, modelInput, digits = [], number = null }) {
    this.#digit.textContent = String(digit);
    this.#confidence.textContent = percent(confidence);
    this.#summary.textContent = `Looks like ${digit === 8 ? 'an' : 'a'} ${digit}`;
    probabilities.forEach((probability, index) => this.#bars[index].update(probability, index === digit));
    drawModelInput(this.#modelInput, modelInput);
    this.#number.show({ number, digits });
  }

  /** Back to the empty state of a fresh page. */
  reset() {
    this.#digit.textContent = '–';
    this.#confidence.textContent = '–';
    this.#summary.textContent = 'No prediction yet';
    for (const bar of this.#bars) bar.update(0, false);
    drawModelInput(this.#modelInput, null);
    this.#number.reset();
  }
}

/** `0.98765` → `"98.8%"`. */
function percent(probability) {
  return `${(probability * 100).toFixed(1)}%`;
}

/** One row of the chart: the digit, an ARIA progress bar, and the percentage as text. */
function probabilityBar(digit) {
  const item = document.createElement('li');
  item.className = 'probability';
  const label = document.createElement('span');
  label.className = 'probability-digit';
  label.textContent = String(digit);
  label.setAttribute('aria-hidden', 'true');
  const track = document.createElement('span');
  track.className = 'probability-track';
  track.setAttribute('role', 'progressbar');
  track.setAttribute('aria-label', `Probability of ${digit}`);
  track.setAttribute('aria-valuemin', '0');
  track.setAttribute('aria-valuemax', '100');
  track.dataset.digit = String(digit);
  const fill = document.createElement('span');
  fill.className = 'probability-fill';
  track.append(fill);
  const value = document.createElement('span');
  value.className = 'probability-value';
  value.setAttribute('aria-hidden', 'true');
  item.append(label, track, value);

  return {
    item,
    /** Sets the bar to `probability` (0–1) and highlights it when it is the predicted digit. */
    update(probability, isPredicted) {
      const text = percent(probability);
      track.setAttribute('aria-valuenow', (probability * 100).toFixed(1));
      track.setAttribute('aria-valuetext', text);
      fill.style.width = `${Math.min(Math.max(probability, 0), 1) * 100}%`;
      value.textContent = text;
      item.classList.toggle('is-predicted', isPredicted);
    },
  };
}

/** Paints the model's 28×28 input (row-major, 0 black to 1 white) into the 28×28 canvas; black when there is none. */
function drawModelInput(canvas, pixels) {
  const context = canvas.getContext('2d');
  const image = context.createImageData(28, 28);
  for (let index = 0; index < 28 * 28; index += 1) {
    const level = Math.round(Math.min(Math.max(pixels?.[index] ?? 0, 0), 1) * 255);
    image.data.set([level, level, level, 255], index * 4);
  }
  context.putImageData(image, 0, 0);
}
