/**
 * Client for the digit recognizer's HTTP API.
 *
 *     GET  /health   → {"status": "healthy", "model_loaded": true}
 *     POST /predict  {"image": "data:image/png;base64,…", "model_input": true}
 *                    → {"digit": 7, "confidence": 0.98, "probabilities": {"0": …, "9": …}, "model_input": [784 numbers],
 *                       "digits": [{"digit": 2, "confidence": 0.97, "box": [x, y, w, h], "probabilities": {…}}, …], "number": "2026"}
 *                    (`model_input` for the most confident digit; it may be left out)
 *                    or, with status 400/413/422/503, {"error": "…"}
 */

const requestTimeoutMilliseconds = 10_000;

/** A failed request. `kind` is `'no-digit'` (422: the server found no ink), `'server'` or `'network'`. */
export class APIError extends Error {
  constructor(message, { kind, status = null }) {
    super(message);
    this.name = 'APIError';
    this.kind = kind;
    this.status = status;
  }
}

/**
 * Asks the server which digits the PNG data URL shows.
 *
 * @param {string} image a `data:image/png;base64,…` URL.
 * @param {{signal?: AbortSignal}} options aborting `signal` rejects with an `AbortError`.
 * @returns {Promise<{number: string, digits: {digit: number, confidence: number, probabilities: number[],
 *   box: number[] | null, modelInput: number[] | null}[]}>} the digits left to right, each with
 *   `probabilities[d]` for d = 0–9 and its box `[x, y, width, height]` in the drawing's pixels; the most
 *   confident one carries the 28×28 `modelInput` (row-major, 0–1) when the server sent it.
 * @throws {APIError}
 */
export async function predictDigit(image, { signal } = {}) {
  const body = await request('/predict', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    // The page draws the model input, which the server sends only when asked.
    body: JSON.stringify({ image, model_input: true }),
    signal,
  });
  const best = parsedDigit({ ...body, box: null });
  const digits = Array.isArray(body.digits) && body.digits.length > 0 ? body.digits.map(parsedDigit) : [best];
  if ([best, ...digits].includes(null)) {
    throw new APIError('The server sent an answer this page does not understand.', { kind: 'server', status: 200 });
  }
  const modelInput = Array.isArray(body.model_input) && body.model_input.length === 28 * 28 ? body.model_input : null;
  const mostConfident = digits.findIndex(({ confidence }) => confidence === Math.max(...digits.map((each) => each.confidence)));
  digits[mostConfident].modelInput = modelInput;
  return { number: digits.map(({ digit }) => String(digit)).join(''), digits };
}

/** One digit of the answer as the page uses it, or `null` when it lacks a digit, ten probabilities or a box of four numbers. */
function parsedDigit({ digit, confidence, probabilities, box }) {
  const values = Array.from({ length: 10 }, (_, index) => Number(probabilities?.[index]));
  const isBox = box === null || (Array.isArray(box) && box.length === 4 && box.every(Number.isFinite));
  if (!Number.isInteger(digit) || values.some(Number.isNaN) || !isBox) return null;
  return { digit, confidence: Number(confidence), probabilities: values, box, modelInput: null };
}

/**
 * Reads the server's health.
 *
 * @returns {Promise<{modelLoaded: boolean}>}
 * @throws {APIError}
 */
export async function checkHealth() {
  const body = await request('/health', { method: 'GET' });
  return { modelLoaded: body.model_loaded === true };
}

/** Sends a request and parses its JSON answer, turning any failure into an `APIError` (or an `AbortError` when `signal` aborts). */
async function request(path, { signal, ...options }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new APIError('The server took too long to answer.', { kind: 'network' })), requestTimeoutMilliseconds);
  const abort = () => controller.abort(signal.reason);
  signal?.addEventListener('abort', abort);
  try {
    let response;
    try {
      response = await fetch(path, { ...options, signal: controller.signal, cache: 'no-store' });
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new APIError('Cannot reach the server. Check that it is running and try again.', { kind: 'network' });
    }
    const body = await response.json().catch(() => ({}));
    if (response.ok) return body;
    const message = typeof body.error === 'string' ? body.error : `${response.status} ${response.statusText}`.trim();
    throw new APIError(message, { kind: response.status === 422 ? 'no-digit' : 'server', status: response.status });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}
