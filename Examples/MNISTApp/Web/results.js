import { NumberView } from './number.js';

/**
 * Shows a reading: the number first, one tile per digit with its confidence (`number.js`), then
 * for the picked digit (the most confident until another is tapped or hovered) its confidence,
 * one probability bar per digit 0–9 and the 28×28 image the model saw.
 *
 *     const view = new ResultView(document.getElementById('result'), { onSelect: (digit) => … });
 *     view.show({ number: '2026', digits: [{ digit: 2, confidence: 0.97, probabilities: [...10], box, modelInput }, …] });
 *     view.selected;   // the picked digit
 *     view.reset();
 */
export class ResultView {
  #root;
  #summary;
  #confidence;
  #detailsHeading;
  #bars = [];
  #modelInput;
  #number;
  #onSelect;
  #reading = null;
  #selected = 0;

  /**
   * @param {HTMLElement} root the element holding `#reading`, `#result-summary`, `#confidence`, `#probabilities-heading`,
   *   `#probabilities` and `#model-input`; the digits' boxes go in the page's `#digit-boxes`.
   * @param {{onSelect?: (digit) => void}} callbacks `onSelect` when another digit is picked (not when previewed).
   */
  constructor(root, { onSelect = () => {} } = {}) {
    this.#root = root;
    this.#summary = root.querySelector('#result-summary');
    this.#confidence = root.querySelector('#confidence');
    this.#detailsHeading = root.querySelector('#probabilities-heading');
    this.#modelInput = root.querySelector('#model-input');
    this.#onSelect = onSelect;
    this.#number = new NumberView(root.querySelector('#reading'), document.getElementById('digit-boxes'), {
      onSelect: (index, { isPreview = false } = {}) => {
        this.#showDetails(index);
        if (isPreview) return;
        this.#selected = index;
        this.#onSelect(this.selected);
      },
    });
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

  /** The reading shown, or `null`. */
  get reading() {
    return this.#reading;
  }

  /** The picked digit of the reading, or `null`. */
  get selected() {
    return this.#reading?.digits[this.#selected] ?? null;
  }

  /**
   * Shows `reading`, picking the digit at the same place as before when the number has as many
   * digits, else the most confident.
   *
   * @param {{number: string, digits: {digit: number, confidence: number, probabilities: number[],
   *   box: number[] | null, modelInput: number[] | null}[]}} reading
   */
  show(reading) {
    const { number, digits } = reading;
    const keepsPick = this.#reading?.digits.length === digits.length && this.#selected < digits.length;
    const confidences = digits.map(({ confidence }) => confidence);
    this.#selected = keepsPick ? this.#selected : confidences.indexOf(Math.max(...confidences));
    this.#reading = reading;
    this.#root.dataset.number = number;
    this.#summary.textContent = digits.length > 1 ? `Reads ${number}` : `Looks like ${digits[0].digit === 8 ? 'an' : 'a'} ${number}`;
    this.#number.show(reading, this.#selected);
    this.#showDetails(this.#selected);
  }

  /** Back to the empty state of a fresh page. */
  reset() {
    this.#reading = null;
    this.#selected = 0;
    delete this.#root.dataset.number;
    this.#summary.textContent = 'No prediction yet';
    this.#confidence.textContent = '–';
    this.#detailsHeading.textContent = 'Probabilities';
    for (const bar of this.#bars) bar.update(0, false);
    drawModelInput(this.#modelInput, null);
    this.#number.reset();
  }

  /** The confidence, bars and model input of the digit at `index`. */
  #showDetails(index) {
    const { digits } = this.#reading;
    const { digit, confidence, probabilities, modelInput } = digits[index];
    this.#confidence.textContent = percent(confidence);
    this.#detailsHeading.textContent = digits.length > 1
      ? `Probabilities for digit ${index + 1} of ${digits.length}, the ${digit}` : 'Probabilities';
    probabilities.forEach((probability, each) => this.#bars[each].update(probability, each === digit));
    drawModelInput(this.#modelInput, modelInput);
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
