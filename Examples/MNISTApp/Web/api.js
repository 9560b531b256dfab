/**
 * Client for the digit recognizer's HTTP API.
 *
 *     GET  /health   → {"status": "healthy", "model_loaded": true}
 *     POST /predict  {"image": "data:image/png;base64,…"}
 *                    → {"digit": 7, "confidence": 0.98, "probabilities": {"0": …, "9": …}, "model_input": [784 numbers]}
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
 * @returns {Promise<{digit: number, confidence: number, probabilities: number[], modelInput: number[] | null}>}
 *   `probabilities[d]` for each digit 0–9; `modelInput` is the 28×28 image row-major in [0, 1], when sent.
 * @throws {APIError}
 */
export async function predictDigit(image, { signal } = {}) {
  const body = await request('/predict', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ image }),
    signal,
  });
  const probabilities = Array.from({ length: 10 }, (_, digit) => Number(body.probabilities?.[digit]));
  if (!Number.isInteger(body.digit) || probabilities.some(Number.isNaN)) {
    throw new APIError('The server sent an answer this page does not understand.', { kind: 'server', status: 200 });
  }
  const modelInput = Array.isArray(body.model_input) && body.model_input.length === 28 * 28 ? body.model_input : null;
  return { digit: body.digit, confidence: Number(body.confidence), probabilities, modelInput };
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
