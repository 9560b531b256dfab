/**
 * Recognition in the browser: the canvas's pixels cut into digits by `segment.js`, each through
 * `preprocess.js` and the model in `model.bin` through `model.js`, with no request to any server
 * once the model has loaded. Readings have the shape `api.js`'s `predictDigit` resolves to, so the
 * result view shows either.
 *
 *     const recognizer = await BrowserRecognizer.load();   // fetches model.bin beside this module
 *     recognizer.recognize(canvas);   // a reading (see `readDrawing`), or throws a NoDigitError
 *
 * About 30 ms a digit on a laptop: `InstantPredictions` runs it at most once per frame.
 */
import { SeedCNN } from './model.js';
import { inkOf, NoDigitError, stagesOfInk, withoutBackground } from './preprocess.js';
import { digitSegments } from './segment.js';

export class BrowserRecognizer {
  #model;

  /**
   * Fetches the model; over `file://` browsers refuse, so the page must come from a web server.
   *
   * @param {URL | string} url the model file, by default `model.bin` beside this module
   *   (the server's `GET /model.bin`, or the exported site's file).
   */
  static async load(url = new URL('model.bin', import.meta.url)) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
    return new BrowserRecognizer(SeedCNN.fromModelFile(await response.arrayBuffer()));
  }

  /** @param {SeedCNN} model */
  constructor(model) {
    this.#model = model;
  }

  /** The network, for looking inside it (`inside.js`). */
  get model() {
    return this.#model;
  }

  /**
   * The reading of the drawing on `canvas`, every digit classified.
   *
   * @throws {NoDigitError} (`kind` `'no-digit'`) when the drawing holds nothing but specks.
   */
  recognize(canvas) {
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return readDrawing(pixels, (input) => Array.from(this.#model.probabilities(input)));
  }
}

/**
 * The digits of a drawing's RGBA `pixels` (an `ImageData`), left to right, as the server cuts them (its ink
 * measured from the paper up, `withoutBackground`):
 * `{number, digits: [{digit, confidence, probabilities, box: [x, y, width, height], modelInput, ink}]}`,
 * `ink` being the digit's own ink (`segment.js`). `classify(modelInput)` gives the ten probabilities;
 * without it, digits carry only their box, input and ink (`digit` and `probabilities` `null`).
 *
 * @throws {NoDigitError} when the drawing holds nothing but specks.
 */
export function readDrawing(pixels, classify = null) {
  const ink = withoutBackground(inkOf(pixels));
  const segments = digitSegments(ink);
  if (segments.length === 0) throw new NoDigitError(ink.values.reduce((count, value) => count + (value > 0 ? 1 : 0), 0));
  const digits = segments.map((segment) => {
    const modelInput = Array.from(stagesOfInk(segment.ink).centred);
    const probabilities = classify?.(modelInput) ?? null;
    const digit = probabilities === null ? null : probabilities.indexOf(Math.max(...probabilities));
    const [[left, right], [top, bottom]] = [segment.columns, segment.rows];
    return { digit, confidence: probabilities?.[digit] ?? null, probabilities, box: [left, top, right - left, bottom - top],
      modelInput, ink: segment.ink };
  });
  return { number: classify === null ? null : digits.map(({ digit }) => String(digit)).join(''), digits };
}

/**
 * Predictions while drawing, shown at once: `request()` after each pen movement runs the
 * recogniser at the next animation frame (one run a frame however often it is asked), and
 * hands the reading to `onPrediction`; a drawing without a digit yet is skipped quietly.
 */
export class InstantPredictions {
  #canvas;
  #onPrediction;
  #recognizer = null;
  #frame = null;

  /** @param {{onPrediction: (reading) => void}} callbacks */
  constructor(canvas, { onPrediction }) {
    this.#canvas = canvas;
    this.#onPrediction = onPrediction;
  }

  /** Starts predicting with `recognizer` (until then, `request()` does nothing). */
  set recognizer(recognizer) {
    this.#recognizer = recognizer;
  }

  request() {
    if (this.#recognizer === null || this.#frame !== null) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = null;
      try {
        this.#onPrediction(this.#recognizer.recognize(this.#canvas));
      } catch (error) {
        if (error.kind !== 'no-digit') throw error;
      }
    });
  }

  /** Drops a prediction not yet run (when the canvas is cleared). */
  cancel() {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#frame = null;
  }
}
