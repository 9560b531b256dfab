/**
 * Client for the digit recognizer's HTTP API.
 *
 *     GET  /health   → {"status": "healthy", "model_loaded": true}
 *     POST /predict  {"image": "data:image/png;base64,…", "model_input": true}
 *                    → {"digit": 7, "confidence": 0.98, "probabilities": {"0": …, "9": …}, "model_input": [784 numbers],
 *                       "digits": [{"digit": 2, "confidence": 0.97, "box": [x, y, w, h], "probabilities": {…}}, …], "number": "2026"}
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
 * Asks the server which digit the PNG data URL shows.
 *
 * @param {string} image a `data:image/png;base64,…` URL.
 * @param {{signal?: AbortSignal}} options aborting `signal` rejects with an `AbortError`.
 * @returns {Promise<{digit: number, confidence: number, probabilities: number[], modelInput: number[] | null,
 *   digits: {digit: number, confidence: number, box: number[]}[], number: string | null}>}
 *   `probabilities[d]` for each digit 0–9; `modelInput` is the 28×28 image row-major in [0, 1], when sent;
 *   `digits`, left to right, each boxed `[x, y, width, height]` in the drawing's pixels, and the `number` they read,
 *   when sent (empty and `null` otherwise).
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
  const probabilities = Array.from({ length: 10 }, (_, digit) => Number(body.probabilities?.[digit]));
  if (!Number.isInteger(body.digit) || probabilities.some(Number.isNaN)) {
    throw new APIError('The server sent an answer this page does not understand.', { kind: 'server', status: 200 });
  }
  const modelInput = Array.isArray(body.model_input) && body.model_input.length === 28 * 28 ? body.model_input : null;
  const digits = Array.isArray(body.digits) ? body.digits.filter(isBoxedDigit) : [];
  const number = typeof body.number === 'string' ? body.number : null;
  return { digit: body.digit, confidence: Number(body.confidence), probabilities, modelInput, digits, number };
}

/** Whether `entry` of `digits` has a digit and a box of four numbers. */
function isBoxedDigit(entry) {
  return Number.isInteger(entry?.digit) && Array.isArray(entry.box) && entry.box.length === 4 && entry.box.every(Number.isFinite);
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
