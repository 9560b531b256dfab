/**
 * The "Seeing inside" panel: for the last prediction, where the network looked (the saliency
 * map over the 28×28 input), what its first layer looks for (the 32 learned 3×3 filters), and
 * every layer's feature maps, one small greyscale tile per channel.
 *
 * The panel does its work only while open. On the served page it asks the server
 * (`POST /inside`, see `Prediction/ModelInsightResponse.swift`); on the static site the
 * browser computes the same with `model.js`'s forward pass and `saliency.js`.
 *
 *     const view = new InsideView(document.getElementById('inside'));
 *     view.drawingDidChange((signal) => fetchInsight(dataURL, { signal }));        // served page
 *     view.drawingDidChange(() => insightInBrowser(recognizer.model, modelInput));  // static site
 *     view.reset();
 *
 * An insight is `{digit, modelInput, layers: [{name, layer, shape: [h, w, c], scale: [min, max],
 * values}], filters: {shape, values}, saliency}`, values in HWC order.
 */
import { saliencyMap } from './saliency.js';

const requestTimeoutMilliseconds = 20_000;

/**
 * Asks the server to look inside the network for a drawing (the body of `/predict`).
 *
 * @param {string} image a `data:image/png;base64,…` URL.
 * @throws {Error} with `kind` `'no-digit'` (422), `'server'` or `'network'`; an `AbortError` when `signal` aborts.
 */
export async function fetchInsight(image, { signal } = {}) {
  const timeout = AbortSignal.timeout(requestTimeoutMilliseconds);
  let response;
  try {
    response = await fetch('/inside', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ image }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw Object.assign(new Error('Cannot reach the server.'), { kind: 'network' });
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = typeof body.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
    throw Object.assign(new Error(message), { kind: response.status === 422 ? 'no-digit' : 'server' });
  }
  return decodeInsight(body);
}

/** The server's JSON as an insight: each layer's bytes back to numbers over its `scale`. */
export function decodeInsight(body) {
  const layers = body.layers.map(({ name, layer, shape, scale: [low, high], data }) => {
    const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
    const step = (high - low) / 255;
    return { name, layer, shape, scale: [low, high], values: Float32Array.from(bytes, (byte) => low + byte * step) };
  });
  return {
    digit: body.digit, modelInput: body.model_input, layers,
    filters: { shape: body.filters.shape, values: Float32Array.from(body.filters.values) },
    saliency: Float64Array.from(body.saliency.values),
  };
}

/** The same insight as the server's, computed in the browser from `model` (`model.js`'s `SeedCNN`). */
export function insightInBrowser(model, modelInput) {
  const maps = model.featureMaps(modelInput);
  const { digit, saliency } = saliencyMap(model, modelInput, null, maps);
  const layers = maps.map((map) => ({ ...map, scale: range(map.values) }));
  const filters = model.tensor('layers.0.weight');
  return { digit, modelInput: Array.from(modelInput), layers, filters, saliency };
}

export class InsideView {
  #root;
  #status;
  #saliency;
  #saliencyCaption;
  #filters;
  #layers;
  #loadInsight = null;
  #shown = false;
  #request = null;

  /** @param {HTMLDetailsElement} root holding `.inside-status`, `#inside-saliency`, `#inside-filters` and `.inside-layers`. */
  constructor(root) {
    this.#root = root;
    this.#status = root.querySelector('.inside-status');
    this.#saliency = root.querySelector('#inside-saliency');
    this.#saliencyCaption = root.querySelector('#inside-saliency-caption');
    this.#filters = root.querySelector('#inside-filters');
    this.#layers = root.querySelector('.inside-layers');
    root.addEventListener('toggle', () => this.#refresh());
    this.reset();
  }

  /**
   * A new prediction: `loadInsight(signal)` resolves to its insight. Called now if the panel is
   * open, else when it opens; a newer drawing cancels an older request.
   */
  drawingDidChange(loadInsight) {
    this.#loadInsight = loadInsight;
    this.#shown = false;
    this.#refresh();
  }

  /** Back to the empty panel (the canvas was cleared). */
  reset() {
    this.#request?.abort();
    this.#request = null;
    this.#loadInsight = null;
    this.#shown = false;
    this.#root.dataset.state = 'empty';
    this.#status.textContent = 'Draw a digit: once it is recognised, this panel shows what the network computed.';
    for (const canvas of [this.#saliency, this.#filters]) canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    this.#layers.replaceChildren();
  }

  async #refresh() {
    if (!this.#root.open || this.#shown || this.#loadInsight === null) return;
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.#root.dataset.state = 'loading';
    this.#status.textContent = 'Looking inside…';
    try {
      const insight = await this.#loadInsight(request.signal);
      if (request.signal.aborted) return;
      this.#show(insight);
      this.#shown = true;
      this.#root.dataset.state = 'shown';
      this.#status.textContent = `Inside the network for the ${insight.digit} it sees.`;
    } catch (error) {
      if (request.signal.aborted) return;
      this.#root.dataset.state = 'error';
      this.#status.textContent = error.kind === 'no-digit' ? 'No digit found to look inside.' : `Cannot look inside: ${error.message}`;
    } finally {
      if (this.#request === request) this.#request = null;
    }
  }

  #show({ digit, modelInput, layers, filters, saliency }) {
    drawSaliency(this.#saliency, modelInput, saliency);
    this.#saliencyCaption.textContent = `Where the network looked: red pixels, with more ink, would raise the score of ${digit}; `
      + 'blue ones would lower it (the gradient of that score with respect to each pixel).';
    drawFilters(this.#filters, filters);
    this.#layers.replaceChildren(...layers.map(layerFigure));
  }
}

/** `[min, max]` of `values`. */
function range(values) {
  let [low, high] = [Infinity, -Infinity];
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

/** Channels per row of a layer's grid: about twice as wide as tall. */
function columnsFor(channels) {
  return { 32: 8, 64: 16, 96: 16 }[channels] ?? Math.ceil(Math.sqrt(2 * channels));
}

/** A figure with one layer's channels as a grid of greyscale tiles, black at the layer's minimum, white at its maximum. */
function layerFigure({ name, layer, shape: [height, width, channels], scale, values }) {
  const figure = document.createElement('figure');
  figure.className = 'inside-layer';
  const [low, high] = scale;
  const level = (value) => (high > low ? Math.round(((value - low) / (high - low)) * 255) : 0);
  if (height === 1 && width === 1 && channels === 10) {
    figure.append(scoresStrip(values, level));
  } else {
    const canvas = document.createElement('canvas');
    if (height === 1 && width === 1) {
      // A dense layer's units, as one strip of cells.
      const columns = channels <= 16 ? channels : 16;
      drawTiles(canvas, { tileWidth: columns, tileHeight: Math.ceil(channels / columns), count: 1, columns: 1 },
        (_, x, y) => (y * columns + x < channels ? level(values[y * columns + x]) : null));
    } else {
      drawTiles(canvas, { tileWidth: width, tileHeight: height, count: channels, columns: columnsFor(channels) },
        (channel, x, y) => level(values[(y * width + x) * channels + channel]));
    }
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${name}: ${channels} feature maps of ${height} by ${width}`);
    figure.append(canvas);
  }
  const caption = document.createElement('figcaption');
  caption.innerHTML = `<strong>${name}</strong> <span>${height}×${width}×${channels} · layers.${layer}</span>`;
  figure.append(caption);
  return figure;
}

/** The ten scores as ten labelled cells, 0 to 9, grey by `level`; the winner outlined, its label in contrast. */
function scoresStrip(values, level) {
  const winner = values.indexOf(Math.max(...values));
  const strip = document.createElement('ol');
  strip.className = 'inside-scores';
  strip.setAttribute('aria-label', `The ten scores; the highest is the ${winner}'s`);
  values.forEach((value, digit) => {
    const cell = document.createElement('li');
    const grey = level(value);
    cell.style.background = `rgb(${grey} ${grey} ${grey})`;
    cell.style.color = grey > 127 ? '#000' : '#fff';
    cell.textContent = String(digit);
    cell.title = `score of ${digit}: ${value.toFixed(2)}`;
    cell.classList.toggle('is-winner', digit === winner);
    strip.append(cell);
  });
  return strip;
}

/** The first layer's filters `[kh, kw, 1, count]`, grey at 0, white at the largest positive weight, black at the most negative. */
function drawFilters(canvas, { shape: [kernelHeight, kernelWidth, , count], values }) {
  const extent = Math.max(...Array.from(values, Math.abs)) || 1;
  drawTiles(canvas, { tileWidth: kernelWidth, tileHeight: kernelHeight, count, columns: 8, gap: 1 },
    (filter, x, y) => Math.round(127.5 + (127.5 * values[(y * kernelWidth + x) * count + filter]) / extent));
}

/**
 * Paints `count` tiles of `tileWidth × tileHeight` pixels into `canvas` (resized to fit), `columns` a
 * row with a `gap` between; `level(tile, x, y)` is a grey level 0–255, or `null` for none.
 */
function drawTiles(canvas, { tileWidth, tileHeight, count, columns, gap = 1 }, level) {
  const rows = Math.ceil(count / columns);
  canvas.width = columns * (tileWidth + gap) - gap;
  canvas.height = rows * (tileHeight + gap) - gap;
  const context = canvas.getContext('2d');
  const image = context.createImageData(canvas.width, canvas.height);
  image.data.fill(0);  // gaps stay transparent: the page shows through
  for (let tile = 0; tile < count; tile += 1) {
    const [left, top] = [(tile % columns) * (tileWidth + gap), Math.floor(tile / columns) * (tileHeight + gap)];
    for (let y = 0; y < tileHeight; y += 1) {
      for (let x = 0; x < tileWidth; x += 1) {
        const grey = level(tile, x, y);
        if (grey === null) continue;
        image.data.set([grey, grey, grey, 255], ((top + y) * canvas.width + left + x) * 4);
      }
    }
  }
  context.putImageData(image, 0, 0);
}

/** The input, dimmed, with the saliency over it: red where positive, blue where negative, stronger where larger. */
function drawSaliency(canvas, modelInput, saliency) {
  const context = canvas.getContext('2d');
  const image = context.createImageData(28, 28);
  const extent = Math.max(...Array.from(saliency, Math.abs)) || 1;
  for (let index = 0; index < 28 * 28; index += 1) {
    const grey = 0.35 * 255 * Math.min(Math.max(modelInput[index], 0), 1);
    const strength = Math.min(Math.abs(saliency[index]) / extent, 1);
    const hue = saliency[index] >= 0 ? [255, 70, 40] : [60, 140, 255];
    image.data.set([...hue.map((channel) => Math.round(grey + (channel - grey) * strength)), 255], index * 4);
  }
  context.putImageData(image, 0, 0);
}
