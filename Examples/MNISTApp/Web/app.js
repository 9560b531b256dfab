/**
 * Wires the page together: the drawing pad, the buttons and keyboard shortcuts,
 * the API calls and the result view.
 *
 * Recognition runs on its own while drawing, 300 ms after the pen last moved
 * and as soon as it lifts; a newer request cancels an older one, and clearing
 * the canvas cancels any, so an answer never shows for a drawing that is gone.
 */
import { checkHealth, predictDigit } from './api.js';
import { DrawingPad } from './drawing.js';
import { ResultView } from './results.js';

const recognitionDelayMilliseconds = 300;

const statusLine = document.getElementById('status');
const resultView = new ResultView(document.getElementById('result'));
const pad = new DrawingPad(document.getElementById('drawing-canvas'), {
  onDraw: scheduleRecognition,
  onStrokeEnd: recognize,
});

const initialStatus = statusLine.textContent;
let recognitionTimer = null;
let currentRequest = null;

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
  currentRequest?.abort();
  const request = new AbortController();
  currentRequest = request;
  resultView.isBusy = true;
  try {
    const prediction = await predictDigit(pad.toDataURL(), { signal: request.signal });
    resultView.show(prediction);
    showStatus('Keep drawing to refine the prediction, or clear the canvas to start over.', 'success');
  } catch (error) {
    if (request.signal.aborted) return;
    if (error.kind === 'no-digit') {
      resultView.reset();
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

/** Empties the canvas and the result, cancelling any recognition under way. */
function clearCanvas() {
  clearTimeout(recognitionTimer);
  currentRequest?.abort();
  currentRequest = null;
  pad.clear();
  resultView.reset();
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

document.getElementById('recognize-button').addEventListener('click', recognize);
document.getElementById('clear-button').addEventListener('click', clearCanvas);
document.addEventListener('keydown', handleShortcut);
revealTrainingHistoryWhenLoaded();
reportServerHealth();
