/**
 * Wires the page together: the drawing pad, the buttons and keyboard shortcuts,
 * the API calls and the result view.
 *
 * Recognition runs on its own while drawing, 300 ms after the pen last moved
 * and as soon as it lifts; a newer request cancels an older one, and clearing
 * the canvas cancels any, so an answer never shows for a drawing that is gone.
 *
 * With the model in the browser (`recognizer.js`, from `model.bin`), a prediction also shows
 * at every pen movement, before the server's confirms it; on the static site that
 * `export-web` writes (`deployment.js`), the browser's is the only one. The "Seeing inside"
 * panel (`inside.js`) follows each confirmed prediction.
 */
import { checkHealth, predictDigit } from './api.js';
import { isStaticSite } from './deployment.js';
import { DrawingPad } from './drawing.js';
import { fetchInsight, insightInBrowser, InsideView } from './inside.js';
import { FeedbackControl } from './feedback.js';
import { BrowserRecognizer, InstantPredictions } from './recognizer.js';
import { ResultView } from './results.js';

const recognitionDelayMilliseconds = 300;

const statusLine = document.getElementById('status');
const resultView = new ResultView(document.getElementById('result'));
const insideView = new InsideView(document.getElementById('inside'));
const canvas = document.getElementById('drawing-canvas');
const instantPredictions = new InstantPredictions(canvas, { onPrediction: (prediction) => resultView.show(prediction) });
const pad = new DrawingPad(canvas, {
  onDraw: () => {
    instantPredictions.request();
    scheduleRecognition();
  },
  onStrokeEnd: recognize,
});

const feedback = isStaticSite ? null : new FeedbackControl(document.getElementById('feedback'), { drawing: () => pad.toDataURL() });

const initialStatus = statusLine.textContent;
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

/** Sends the drawing to the server and shows the answer; a blank canvas is never sent. */
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
    const prediction = await predictDigit(image, { signal: request.signal });
    resultView.show(prediction);
    insideView.drawingDidChange((signal) => fetchInsight(image, { signal }));
    feedback?.show(prediction);
    showStatus('Keep drawing to refine the prediction, or clear the canvas to start over.', 'success');
  } catch (error) {
    if (request.signal.aborted) return;
    if (error.kind === 'no-digit') {
      resultView.reset();
      insideView.reset();
      feedback?.reset();
      showStatus('No digit found. Try drawing it larger, in the middle of the canvas.', 'warning');
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

/** The static site's recognition: the model in the browser, with the messages the server's answers get. */
function recognizeInBrowser() {
  if (browserRecognizer === null) {
    showStatus('The model is still loading…', 'warning');
    return;
  }
  try {
    const prediction = browserRecognizer.recognize(canvas);
    resultView.show(prediction);
    insideView.drawingDidChange(() => insightInBrowser(browserRecognizer.model, prediction.modelInput));
    showStatus('Keep drawing to refine the prediction, or clear the canvas to start over.', 'success');
  } catch (error) {
    if (error.kind !== 'no-digit') throw error;
    resultView.reset();
    insideView.reset();
    showStatus('No digit found. Try drawing it larger, in the middle of the canvas.', 'warning');
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
  showStatus('Canvas cleared. Draw a digit from 0 to 9.');
}

/** Enter recognizes (unless a control has focus, which Enter activates); Escape and Delete clear. */
function handleShortcut(event) {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'Enter' && !event.repeat && !event.target.closest?.('button, a, input, select, textarea')) {
    event.preventDefault();
    recognize();
  } else if (event.key === 'Escape' || event.key === 'Delete') {
    event.preventDefault();
    clearCanvas();
  }
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
      showStatus('Ready. Draw a digit from 0 to 9.');
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
    document.querySelector('.page-footer p').textContent =
      'Built with NumSight, a dependency-free Swift framework. Runs entirely in your browser: your drawing never leaves it.';
  }
  try {
    browserRecognizer = await BrowserRecognizer.load();
    instantPredictions.recognizer = browserRecognizer;
    if (isStaticSite) showStatus('Ready. Draw a digit from 0 to 9.');
  } catch (error) {
    if (isStaticSite) {
      showStatus(`Cannot load the model (${error.message}). Open this page from a web server, not as a file.`, 'error');
    }
  }
}

document.getElementById('recognize-button').addEventListener('click', recognize);
document.getElementById('clear-button').addEventListener('click', clearCanvas);
document.addEventListener('keydown', handleShortcut);
revealTrainingHistoryWhenLoaded();
loadBrowserRecognizer();
if (!isStaticSite) reportServerHealth();
