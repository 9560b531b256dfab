/**
 * Recognition in the browser: the canvas's pixels through `preprocess.js` and the model in
 * `model.bin` through `model.js`, with no request to any server once the model has loaded.
 * Answers have the shape `api.js`'s `predictDigit` resolves to, so the result view shows either.
 *
 *     const recognizer = await BrowserRecognizer.load();   // fetches model.bin beside this module
 *     recognizer.recognize(canvas);   // {digit, confidence, probabilities, modelInput}, or throws a NoDigitError
 *
 * About 30 ms a drawing on a laptop: `InstantPredictions` runs it at most once per frame.
 */
import { SeedCNN } from './model.js';
import { modelInput } from './preprocess.js';

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
   * The prediction for the drawing on `canvas`.
   *
   * @returns {{digit: number, confidence: number, probabilities: number[], modelInput: number[]}}
   * @throws {NoDigitError} (`kind` `'no-digit'`) when the drawing holds too little ink.
   */
  recognize(canvas) {
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const input = modelInput(pixels);
    const probabilities = Array.from(this.#model.probabilities(input));
    const digit = probabilities.indexOf(Math.max(...probabilities));
    return { digit, confidence: probabilities[digit], probabilities, modelInput: Array.from(input) };
  }
}

/**
 * Predictions while drawing, shown at once: `request()` after each pen movement runs the
 * recogniser at the next animation frame (one run a frame however often it is asked), and
 * hands the answer to `onPrediction`; a drawing without a digit yet is skipped quietly.
 */
export class InstantPredictions {
  #canvas;
  #onPrediction;
  #recognizer = null;
  #frame = null;

  /** @param {{onPrediction: (prediction) => void}} callbacks */
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
