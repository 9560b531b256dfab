/**
 * Wires the page together: the drawing pad, the buttons and keyboard shortcuts,
 * the API calls and the result view.
 *
 * Recognition runs on its own while drawing, 300 ms after the pen last moved
 * and as soon as it lifts; a newer request cancels an older one, and clearing
 * the canvas cancels any, so an answer never shows for a drawing that is gone.
 *
 * A drawing may hold several digits side by side: the server (`POST /predict`) and the browser
 * (`recognizer.js`, with `segment.js`) cut it into the same digits, so every reading, live or
 * confirmed, is the whole number. With the model in the browser (from `model.bin`), a reading
 * shows at every pen movement, before the server's confirms it; on the static site that
 * `export-web` writes (`deployment.js`), the browser's is the only one. The "Seeing inside"
 * panel (`inside.js`) and the correction (`feedback.js`) follow the digit picked in the reading.
 *
 * Keys work wherever focus is: Enter recognises, Escape (or Delete) clears.
 */
import { checkHealth, predictDigit } from './api.js';
import { isStaticSite } from './deployment.js';
import { DrawingPad } from './drawing.js';
import { fetchInsight, insightInBrowser, InsideView } from './inside.js';
import { FeedbackControl } from './feedback.js';
import { BrowserRecognizer, InstantPredictions, readDrawing } from './recognizer.js';
import { ResultView } from './results.js';

const recognitionDelayMilliseconds = 300;

const statusLine = document.getElementById('status');
const liveReading = document.getElementById('live-reading');
const canvas = document.getElementById('drawing-canvas');
const resultView = new ResultView(document.getElementById('result'), { onSelect: showPickedDigit });
const insideView = new InsideView(document.getElementById('inside'));
const instantPredictions = new InstantPredictions(canvas, { onPrediction: showReading });
const pad = new DrawingPad(canvas, {
  onDraw: () => {
    if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
    instantPredictions.request();
    scheduleRecognition();
  },
  onStrokeEnd: recognize,
});

document.getElementById('feedback').hidden = isStaticSite;  // no server to send corrections to
const feedback = isStaticSite ? null : new FeedbackControl(document.getElementById('feedback'), {
  drawing: () => drawingOf(resultView.selected),
});

const initialStatus = statusLine.textContent;
const readyMessage = 'Ready. Draw a digit from 0 to 9, or a few side by side.';
let recognitionTimer = null;
let currentRequest = null;
let browserRecognizer = null;

/** Shows `message` in the status line; `tone` is `'info'`, `'success'`, `'warning'` or `'error'`. */
function showStatus(message, tone = 'info') {
  statusLine.textContent = message;
  statusLine.dataset.tone = tone;
}

/** Recognizes the drawing once the pen has rested for a moment. */
function scheduleRecognition() {
  clearTimeout(recognitionTimer);
  recognitionTimer = setTimeout(recognize, recognitionDelayMilliseconds);
}

/** Shows a reading, live or confirmed, everywhere it appears. */
function showReading(reading) {
  resultView.show(reading);
  liveReading.textContent = reading.number;
}

/** Recognizes the drawing (on the server, or in the browser on the static site); a blank canvas is never sent. */
async function recognize() {
  clearTimeout(recognitionTimer);
  if (!pad.hasInk) {
    showStatus('Draw a digit first.', 'warning');
    return;
  }
  if (isStaticSite) {
    recognizeInBrowser();
    return;
  }
  currentRequest?.abort();
  const request = new AbortController();
  currentRequest = request;
  resultView.isBusy = true;
  try {
    const image = pad.toDataURL();
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const reading = withDigitsDrawn(await predictDigit(image, { signal: request.signal }), pixels, image);
    showReading(reading);
    showPickedDigit();
    showStatus(reading.digits.length > 1
      ? 'Tap a digit to see its probabilities. Keep drawing to refine, or clear to start over.'
      : 'Keep drawing to refine the prediction, or clear the canvas to start over.', 'success');
  } catch (error) {
    if (request.signal.aborted) return;
    if (error.kind === 'no-digit') {
      showNoDigit();
    } else if (error.kind === 'network') {
      showStatus(error.message, 'error');
    } else {
      showStatus(`The server could not recognize the drawing: ${error.message}`, 'error');
    }
  } finally {
    if (currentRequest === request) {
      currentRequest = null;
      resultView.isBusy = false;
    }
  }
}

/**
 * The server's `reading` with each digit's own drawing (`drawing`, a PNG data URL) and, where the
 * server sent none, its model input, from the browser's cut of the same `pixels`: the same pieces.
 */
function withDigitsDrawn(reading, pixels, image) {
  const cut = readDrawingOf(pixels);
  const agrees = cut?.digits.length === reading.digits.length
    && cut.digits.every(({ box }, index) => box.join() === reading.digits[index].box?.join());
  reading.digits.forEach((digit, index) => {
    digit.modelInput ??= agrees ? cut.digits[index].modelInput : null;
    digit.drawing = reading.digits.length === 1 ? image : (agrees ? digitAlone(pixels, cut.digits[index]) : null);
  });
  return reading;
}

/** The browser's cut of `pixels` into digits (`readDrawing`, not classified), or `null` when it finds no digit. */
function readDrawingOf(pixels) {
  try {
    return readDrawing(pixels);
  } catch (error) {
    if (error.kind === 'no-digit') return null;
    throw error;
  }
}

/** One digit drawn alone: its own ink from `pixels`, on white, with a margin; as a PNG data URL. */
function digitAlone(pixels, { box: [left, top, width, height], ink }) {
  const margin = 20;
  const alone = document.createElement('canvas');
  [alone.width, alone.height] = [width + 2 * margin, height + 2 * margin];
  const context = alone.getContext('2d');
  const image = context.createImageData(alone.width, alone.height);
  image.data.fill(255);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!(ink.values[y * width + x] > 0)) continue;
      const from = ((top + y) * pixels.width + left + x) * 4;
      image.data.set(pixels.data.subarray(from, from + 4), ((margin + y) * alone.width + margin + x) * 4);
    }
  }
  context.putImageData(image, 0, 0);
  return alone.toDataURL('image/png');
}

/** The PNG the server reads for `digit` of the reading: the whole drawing for one digit, else the digit alone. */
function drawingOf(digit) {
  return digit?.drawing ?? pad.toDataURL();
}

/** Points "Seeing inside" and the correction at the picked digit. */
function showPickedDigit() {
  const digit = resultView.selected;
  if (digit === null) return;
  if (isStaticSite) {
    insideView.drawingDidChange(() => insightInBrowser(browserRecognizer.model, digit.modelInput));
  } else {
    const image = drawingOf(digit);
    insideView.drawingDidChange((signal) => fetchInsight(image, { signal }));
    feedback.show(digit);
  }
}

function showNoDigit() {
  resultView.reset();
  insideView.reset();
  feedback?.reset();
  liveReading.textContent = '–';
  showStatus('No digit found. Try drawing it larger, in the middle of the canvas.', 'warning');
}

/** The static site's recognition: the model in the browser, with the messages the server's answers get. */
function recognizeInBrowser() {
  if (browserRecognizer === null) {
    showStatus('The model is still loading…', 'warning');
    return;
  }
  try {
    const reading = browserRecognizer.recognize(canvas);
    showReading(reading);
    showPickedDigit();
    showStatus('Keep drawing to refine the prediction, or clear the canvas to start over.', 'success');
  } catch (error) {
    if (error.kind !== 'no-digit') throw error;
    showNoDigit();
  }
}

/** Empties the canvas and the result, cancelling any recognition under way. */
function clearCanvas() {
  clearTimeout(recognitionTimer);
  currentRequest?.abort();
  currentRequest = null;
  instantPredictions.cancel();
  pad.clear();
  resultView.reset();
  insideView.reset();
  feedback?.reset();
  resultView.isBusy = false;
  liveReading.textContent = '–';
  showStatus('Canvas cleared. Draw a digit from 0 to 9, or a few side by side.');
}

/** Enter recognizes and Escape or Delete clears, wherever focus is (Space still presses a focused button). */
function handleShortcut(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
  if (event.key === 'Enter') {
    event.preventDefault();
    if (!event.repeat) recognize();
  } else if (event.key === 'Escape' || event.key === 'Delete') {
    event.preventDefault();
    clearCanvas();
  }
}

/** A button clicked with the mouse or a finger lets go of focus, so it never keeps the keys' attention. */
function blurAfterPointerClick(event) {
  if (event.detail > 0) event.target.closest('button')?.blur();
}

/** Shows the training-history plot only once it has loaded, so a missing one (404) leaves no broken image. */
function revealTrainingHistoryWhenLoaded() {
  const figure = document.getElementById('training-history');
  const image = figure.querySelector('img');
  const reveal = () => { figure.hidden = false; };
  if (image.complete && image.naturalWidth > 0) {
    reveal();
  } else {
    image.addEventListener('load', reveal, { once: true });
  }
}

/** Tells whether the server is reachable and its model loaded. */
async function reportServerHealth() {
  try {
    const { modelLoaded } = await checkHealth();
    if (!modelLoaded) {
      showStatus('The server is running but its model is not loaded yet.', 'warning');
    } else if (statusLine.textContent === initialStatus) {
      showStatus(readyMessage);
    }
  } catch (error) {
    showStatus(error.kind === 'network' ? error.message : `The server reports a problem: ${error.message}`, 'error');
  }
}

/**
 * Loads `model.bin` for recognition in the browser. The served page does without when it cannot
 * (the server still recognises); the static site has nothing else, and says why.
 */
async function loadBrowserRecognizer() {
  if (isStaticSite) {
    showStatus('Loading the model…');
    document.getElementById('footer-note').textContent =
      'Built with NumSight, a dependency-free Swift framework. Runs entirely in your browser: your drawing never leaves it.';
  }
  try {
    browserRecognizer = await BrowserRecognizer.load();
    instantPredictions.recognizer = browserRecognizer;
    if (isStaticSite) showStatus(readyMessage);
  } catch (error) {
    if (isStaticSite) {
      showStatus(`Cannot load the model (${error.message}). Open this page from a web server, not as a file.`, 'error');
    }
  }
}

document.getElementById('recognize-button').addEventListener('click', recognize);
document.getElementById('clear-button').addEventListener('click', clearCanvas);
document.addEventListener('keydown', handleShortcut, { capture: true });
document.addEventListener('click', blurAfterPointerClick);
revealTrainingHistoryWhenLoaded();
loadBrowserRecognizer();
if (!isStaticSite) reportServerHealth();
