/**
 * "Wrong? It was: [0] … [9]" under a prediction: one click sends the drawing with the
 * right digit to `POST /feedback`, which keeps it for `MNISTExample finetune`.
 *
 *     POST /feedback  {"image": "data:image/png;base64,…", "label": 7}
 *                     → 201 {"stored": 12}, or {"error": "…"} with 400/422/503/507
 *
 *     const feedback = new FeedbackControl(document.getElementById('feedback'), { drawing: () => pad.toDataURL() });
 *     feedback.show(prediction);  // after the server's prediction; hidden for several digits
 *     feedback.reset();           // the drawing is gone
 */

const requestTimeoutMilliseconds = 10_000;

export class FeedbackControl {
  #root;
  #buttons = [];
  #message;
  #drawing;

  /**
   * @param {HTMLElement} root an empty, hidden element to fill.
   * @param {{drawing: () => string}} options `drawing` gives the canvas as a PNG data URL when a digit is clicked.
   */
  constructor(root, { drawing }) {
    this.#root = root;
    this.#drawing = drawing;
    const label = document.createElement('span');
    label.id = 'feedback-label';
    label.className = 'feedback-label';
    label.textContent = 'Wrong? It was:';
    const group = document.createElement('div');
    group.className = 'feedback-digits';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', 'feedback-label');
    for (let digit = 0; digit < 10; digit += 1) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'feedback-digit';
      button.textContent = String(digit);
      button.setAttribute('aria-label', `It was ${digit}: send this drawing as a ${digit}`);
      button.addEventListener('click', () => this.#send(digit));
      group.append(button);
      this.#buttons.push(button);
    }
    this.#message = document.createElement('p');
    this.#message.className = 'feedback-message';
    this.#message.setAttribute('role', 'status');
    root.replaceChildren(label, group, this.#message);
    this.reset();
  }

  /** Offers the correction for a prediction of one digit; hides it for several. */
  show({ digits = [] }) {
    this.#root.hidden = digits.length > 1;
    this.#setMessage('');
  }

  /** Hides the control. */
  reset() {
    this.#root.hidden = true;
    this.#setMessage('');
  }

  async #send(label) {
    for (const button of this.#buttons) button.disabled = true;
    this.#setMessage('Sending…');
    try {
      const { stored } = await sendFeedback(this.#drawing(), label);
      this.#setMessage(`Thank you: saved as a ${label}. ${stored} correction${stored === 1 ? '' : 's'} collected.`, 'success');
    } catch (error) {
      this.#setMessage(`Not saved: ${error.message}`, 'error');
    } finally {
      for (const button of this.#buttons) button.disabled = false;
    }
  }

  #setMessage(text, tone = 'info') {
    this.#message.textContent = text;
    this.#message.dataset.tone = tone;
  }
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
