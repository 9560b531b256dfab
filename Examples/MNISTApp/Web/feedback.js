/**
 * The correction of a reading: "Wrong? It was: [0] … [9]" for the picked digit, which sends that
 * digit's drawing with the right label to `POST /feedback`, kept for `MNISTExample finetune`.
 *
 *     POST /feedback  {"image": "data:image/png;base64,…", "label": 7}
 *                     → 201 {"stored": 12}, or {"error": "…"} with 400/422/503/507
 *
 * Offered where it matters: open at once when the digit's confidence is below
 * `FeedbackControl.openBelowConfidence`, behind a "Wrong?" button otherwise. One correction per
 * drawing: a pick shows "Sending as a 7 · Undo" for `undoMilliseconds`, is sent, and is marked
 * sent until the canvas is cleared (clearing sends a pending pick at once). The control keeps its
 * height in every state, so nothing below or above it moves.
 *
 *     const feedback = new FeedbackControl(document.getElementById('feedback'), { drawing: () => dataURLOfThePickedDigit });
 *     feedback.show(resultView.selected);   // after each reading, and when another digit is picked
 *     feedback.reset();                     // the drawing is gone
 */

const requestTimeoutMilliseconds = 10_000;

export class FeedbackControl {
  static openBelowConfidence = 0.8;
  static undoMilliseconds = 4000;

  #root;
  #offer;
  #choices;
  #buttons = [];
  #message;
  #undo;
  #drawing;
  #state = 'empty';
  #pending = null;

  /**
   * @param {HTMLElement} root an empty element to fill.
   * @param {{drawing: () => string}} options `drawing` gives the picked digit's drawing as a PNG data URL.
   */
  constructor(root, { drawing }) {
    this.#root = root;
    this.#drawing = drawing;
    this.#offer = button('Wrong? Correct it', 'feedback-offer', () => this.#setState('open'));
    const label = document.createElement('span');
    label.id = 'feedback-label';
    label.className = 'feedback-label';
    label.textContent = 'It was:';
    const group = document.createElement('div');
    group.className = 'feedback-digits';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', 'feedback-label');
    for (let digit = 0; digit < 10; digit += 1) {
      const choice = button(String(digit), 'feedback-digit', () => this.#pick(digit));
      choice.setAttribute('aria-label', `It was ${digit}: send this drawing as a ${digit}`);
      group.append(choice);
      this.#buttons.push(choice);
    }
    this.#choices = document.createElement('div');
    this.#choices.className = 'feedback-choices';
    this.#choices.append(label, group);
    this.#message = document.createElement('p');
    this.#message.className = 'feedback-message';
    this.#message.setAttribute('role', 'status');
    this.#undo = button('Undo', 'feedback-undo', () => this.#cancelPending());
    const messageLine = document.createElement('div');
    messageLine.className = 'feedback-result';
    messageLine.append(this.#message, this.#undo);
    root.replaceChildren(this.#offer, this.#choices, messageLine);
    this.reset();
  }

  /** Offers the correction of `digit` (`{digit, confidence}`), unless this drawing's is already sent. */
  show({ confidence }) {
    if (this.#state === 'pending' || this.#state === 'sending' || this.#state === 'sent') return;
    this.#setState(confidence < FeedbackControl.openBelowConfidence ? 'open' : 'offer');
  }

  /** Nothing offered: the drawing is gone. A pick waiting for its undo is sent now. */
  reset() {
    if (this.#pending !== null) {
      clearTimeout(this.#pending.timer);
      this.#pending.send();
    }
    this.#setState('empty');
  }

  #pick(label) {
    const image = this.#drawing();
    const send = () => {
      this.#pending = null;
      this.#transmit(image, label);
    };
    this.#pending = { label, send, timer: setTimeout(send, FeedbackControl.undoMilliseconds) };
    this.#setState('pending', `Sending this drawing as a ${label}…`);
  }

  #cancelPending() {
    clearTimeout(this.#pending?.timer);
    this.#pending = null;
    this.#setState('open');
  }

  async #transmit(image, label) {
    const isCurrent = this.#state === 'pending';
    if (isCurrent) this.#setState('sending', `Sending this drawing as a ${label}…`);
    try {
      const { stored } = await sendFeedback(image, label);
      if (isCurrent && this.#state === 'sending') {
        this.#setState('sent', `Sent as a ${label}. Thank you: ${stored} correction${stored === 1 ? '' : 's'} collected.`, 'success');
      }
    } catch (error) {
      if (isCurrent && this.#state === 'sending') this.#setState('open', `Not saved: ${error.message}`, 'error');
    }
  }

  /** `empty` (space kept), `offer`, `open`, `pending` (undo possible), `sending` or `sent`. */
  #setState(state, message = '', tone = 'info') {
    this.#state = state;
    this.#root.dataset.state = state;
    this.#offer.hidden = state !== 'offer';
    this.#choices.hidden = state !== 'open';
    this.#undo.hidden = state !== 'pending';
    this.#message.textContent = message;
    this.#message.dataset.tone = tone;
  }
}

/** A `type="button"` button that runs `action` when clicked. */
function button(text, className, action) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.addEventListener('click', action);
  return element;
}

/**
 * Sends `image` (a PNG data URL) as a drawing of `label`.
 *
 * @returns {Promise<{stored: number}>} how many corrections the server holds.
 * @throws {Error} with the server's message, or saying it cannot be reached.
 */
async function sendFeedback(image, label) {
  let response;
  try {
    response = await fetch('/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ image, label }),
      cache: 'no-store',
      signal: AbortSignal.timeout(requestTimeoutMilliseconds),
    });
  } catch {
    throw new Error('cannot reach the server.');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(typeof body.error === 'string' ? body.error : `${response.status} ${response.statusText}`.trim());
  }
  return { stored: Number(body.stored) };
}
