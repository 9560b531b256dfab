/**
 * The server's preprocessing (`Preprocessing/DigitPreprocessor.swift`) in the browser:
 * a drawing's RGBA pixels → the 28×28 model input, row-major, 0 background to 1 ink.
 *
 * 1. Ink: composite alpha onto white, take the BT.601 luma, invert: `a·(1 − (0.299 r + 0.587 g + 0.114 b))`.
 * 2. Crop to the bounding box of the pixels whose ink exceeds `inkThreshold` (0); fewer than
 *    `minimumInkPixelCount` (16) such pixels throws a `NoDigitError`.
 * 3. Scale the longer side to 20 px by exact area averaging; the shorter side becomes ⌈S·20/L⌉.
 * 4. Put the top-left pixel at `round(14 − centre of mass)` (halves away from zero) in the 28×28
 *    field, clipping what falls outside, and clamp to [0, 1].
 *
 * Bit for bit the same numbers as Swift: Swift computes in `Float` (float32), JavaScript in
 * doubles, so every float32 operation here is rounded with `Math.fround` (or by storing into a
 * `Float32Array`) in the order Swift performs it: the luma as `(0.299 r + 0.587 g) + 0.114 b`,
 * each product rounded before its sum (Swift fuses no multiply-add), the area sums from the
 * first overlapped pixel to the last, rows before columns. A double result of one `+ − × ÷` on
 * two float32 values rounds to the same float32 as the float32 operation, so this is exact.
 * The centre of mass is a sum of doubles in both, in the same row-major order.
 *
 *     const input = modelInput(context.getImageData(0, 0, 280, 280));   // Float32Array(784)
 */

/** Side of the field the digit is placed in. */
export const fieldSide = 28;
/** Longer side of the digit after scaling. */
export const digitSide = 20;

const float32 = Math.fround;
const [redWeight, greenWeight, blueWeight] = [float32(0.299), float32(0.587), float32(0.114)];

/** A drawing without enough ink to be a digit; `kind` is `'no-digit'`, as `api.js` reports the server's 422. */
export class NoDigitError extends Error {
  constructor(inkPixelCount) {
    super(`no digit found: only ${inkPixelCount} pixels of ink`);
    this.name = 'NoDigitError';
    this.kind = 'no-digit';
    this.inkPixelCount = inkPixelCount;
  }
}

/**
 * The 784 model inputs for `image`.
 *
 * @param {{width: number, height: number, data: Uint8ClampedArray | Uint8Array}} image RGBA
 *   samples, 4 per pixel, row-major (an `ImageData` from `getImageData` will do).
 * @returns {Float32Array} 28×28, row-major.
 * @throws {NoDigitError}
 */
export function modelInput(image, options = {}) {
  return preprocessingStages(image, options).centred;
}

/** Every stage, as `DigitPreprocessingStages`: `{ink, inkBounds, cropped, scaled, offset, centred}`; images are `{width, height, values}`. */
export function preprocessingStages(image, options = {}) {
  return stagesOfInk(inkOf(image), options);
}

/** `DigitPreprocessor.stages(ofInk:)`: every stage for `ink` (from `inkOf`, or one digit's from `segment.js`). */
export function stagesOfInk(ink, { inkThreshold = 0, minimumInkPixelCount = 16 } = {}) {
  const inkPixelCount = ink.values.reduce((count, value) => count + (value > inkThreshold ? 1 : 0), 0);
  const inkBounds = bounds(ink, inkThreshold);
  if (inkPixelCount < minimumInkPixelCount || inkBounds === null) throw new NoDigitError(inkPixelCount);
  const cropped = crop(ink, inkBounds);
  const scaled = areaScaled(cropped, digitSide);
  const offset = centringOffset(scaled);
  const centred = new Float32Array(fieldSide * fieldSide);
  for (let y = 0; y < scaled.height; y += 1) {
    const row = offset.y + y;
    if (row < 0 || row >= fieldSide) continue;
    for (let x = 0; x < scaled.width; x += 1) {
      const column = offset.x + x;
      if (column < 0 || column >= fieldSide) continue;
      centred[row * fieldSide + column] = Math.min(Math.max(scaled.values[y * scaled.width + x], 0), 1);
    }
  }
  return { ink, inkBounds, cropped, scaled, offset, centred };
}

/** White ink on black, 0…1: `GreyscaleImage(inkOf:)`, `{width, height, values}`. */
export function inkOf({ width, height, data }) {
  const values = new Float32Array(width * height);
  for (let index = 0; index < values.length; index += 1) {
    const red = float32(data[4 * index] / 255);
    const green = float32(data[4 * index + 1] / 255);
    const blue = float32(data[4 * index + 2] / 255);
    const alpha = float32(data[4 * index + 3] / 255);
    const luma = float32(float32(float32(redWeight * red) + float32(greenWeight * green)) + float32(blueWeight * blue));
    values[index] = alpha * float32(1 - luma);
  }
  return { width, height, values };
}

/**
 * `GreyscaleImage.removingBackground()`: the ink measured from the paper up, `max(0, v − b) / (1 − b)` for
 * the commonest level `b` (in steps of 1/255), so that tinted paper, or none, reads like white.
 */
export function withoutBackground(ink) {
  const counts = new Int32Array(256);
  for (const value of ink.values) counts[Math.round(float32(Math.min(Math.max(value, 0), 1) * 255))] += 1;
  let fullest = 0;
  for (let level = 1; level < 256; level += 1) if (counts[level] > counts[fullest]) fullest = level;
  const background = float32(fullest / 255);
  if (background === 0) return ink;
  if (background === 1) return { ...ink, values: new Float32Array(ink.values.length) };
  const scale = float32(1 / float32(1 - background));
  return { ...ink, values: ink.values.map((value) => Math.max(0, float32(value - background)) * scale) };
}

/** The smallest box holding every pixel above `threshold`, `{left, top, right, bottom}` (right and bottom exclusive), or `null`. */
function bounds({ width, height, values }, threshold) {
  let [left, right, top, bottom] = [width, -1, height, -1];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (values[y * width + x] > threshold) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = y;
      }
    }
  }
  return right < 0 ? null : { left, top, right: right + 1, bottom: bottom + 1 };
}

function crop(image, { left, top, right, bottom }) {
  const width = right - left;
  const values = new Float32Array(width * (bottom - top));
  for (let y = top; y < bottom; y += 1) {
    values.set(image.values.subarray(y * image.width + left, y * image.width + right), (y - top) * width);
  }
  return { width, height: bottom - top, values };
}

/** `GreyscaleImage.areaScaled(longerSide:)`: exact area averaging, rows then columns. */
function areaScaled(image, longerSide) {
  const { width, height } = image;
  const oldLonger = Math.max(width, height);
  const newWidth = Math.ceil((width * longerSide) / oldLonger);
  const newHeight = Math.ceil((height * longerSide) / oldLonger);
  const columnWeights = overlapWeights(width, newWidth, longerSide, oldLonger);
  const rowWeights = overlapWeights(height, newHeight, longerSide, oldLonger);

  const rowsScaled = new Float32Array(newWidth * height);
  for (let y = 0; y < height; y += 1) {
    columnWeights.forEach((weights, newX) => {
      let sum = 0;
      for (const { index, weight } of weights) sum = float32(sum + float32(weight * image.values[y * width + index]));
      rowsScaled[y * newWidth + newX] = sum;
    });
  }
  const values = new Float32Array(newWidth * newHeight);
  rowWeights.forEach((weights, newY) => {
    for (let x = 0; x < newWidth; x += 1) {
      let sum = 0;
      for (const { index, weight } of weights) sum = float32(sum + float32(weight * rowsScaled[index * newWidth + x]));
      values[newY * newWidth + x] = sum;
    }
  });
  return { width: newWidth, height: newHeight, values };
}

/** For each new pixel, the old pixels it overlaps and the fraction of it each covers, in whole units (see the Swift). */
function overlapWeights(oldCount, newCount, oldUnits, newUnits) {
  return Array.from({ length: newCount }, (_, newIndex) => {
    const start = newIndex * newUnits;
    const end = start + newUnits;
    const first = Math.floor(start / oldUnits);
    const last = Math.min(oldCount - 1, Math.floor((end - 1) / oldUnits));
    const weights = [];
    for (let oldIndex = first; oldIndex <= last; oldIndex += 1) {
      const overlap = Math.min(end, (oldIndex + 1) * oldUnits) - Math.max(start, oldIndex * oldUnits);
      weights.push({ index: oldIndex, weight: float32(overlap / newUnits) });
    }
    return weights;
  });
}

/** Where the scaled digit's top-left pixel goes: `round(14 − centre of mass)` per axis, halves away from zero. */
function centringOffset({ width, height, values }) {
  let [total, sumX, sumY] = [0, 0, 0];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const value = values[y * width + x];
      total += value;
      sumX += x * value;
      sumY += y * value;
    }
  }
  const mass = total > 0 ? { x: sumX / total, y: sumY / total } : { x: (width - 1) / 2, y: (height - 1) / 2 };
  const centre = fieldSide / 2;
  return { x: roundHalfAwayFromZero(centre - mass.x), y: roundHalfAwayFromZero(centre - mass.y) };
}

/** Swift's `rounded()`; `Math.round` sends −2.5 to −2. */
function roundHalfAwayFromZero(value) {
  return Math.sign(value) * Math.round(Math.abs(value)) + 0;
}
