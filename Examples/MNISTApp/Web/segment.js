/**
 * The server's segmentation (`Preprocessing/DigitSegmenter.swift`) in the browser: a drawing's ink
 * → one segment per digit, left to right, each holding only its own ink, ready for
 * `preprocess.js`'s `stagesOfInk`. The same steps, in the same order, so that the page reads the
 * same pieces as the server (checked under Node by `segment_parity_test.mjs`):
 *
 * 1. Components: ink above `inkThreshold` (0), 8-connected.
 * 2. Specks and haze: components of fewer than `minimumPixelCount` (16) pixels, or whose strongest ink
 *    is below `minimumStrokeInk` (0.25), are dropped; of the rest, only the `maximumPieceCount` (64) largest are kept.
 * 3. Merging: pieces whose column ranges overlap by more than `mergingOverlap` (½) of the narrower
 *    one's width are one digit; again until no two do.
 * 4. Stray marks: pieces with less than `minimumShareOfLargest` (0.1) of the largest one's pixels go.
 * 5. Order: left to right by the middle of their columns, then by top.
 *
 *     const segments = digitSegments(ink);   // [{columns: [12, 60], rows: [40, 98], ink, inkPixelCount}, …]
 */

/**
 * @param {{width: number, height: number, values: Float32Array}} ink white on black, 0…1 (`preprocess.js`'s `inkOf`).
 * @returns {{columns: number[], rows: number[], ink: {width: number, height: number, values: Float32Array},
 *   inkPixelCount: number}[]} `columns` and `rows` as half-open `[start, end)` ranges of the drawing.
 */
export function digitSegments(ink, { inkThreshold = 0, minimumPixelCount = 16, mergingOverlap = 0.5,
  minimumShareOfLargest = 0.1, minimumStrokeInk = 0.25, maximumPieceCount = 64 } = {}) {
  const { labels, components } = connectedComponents(ink, { threshold: inkThreshold, minimumPixelCount, minimumStrokeInk });
  const kept = components.length <= maximumPieceCount
    ? components : components.toSorted((first, second) => second.pixelCount - first.pixelCount).slice(0, maximumPieceCount);
  let pieces = mergingOverlaps(kept, mergingOverlap);
  const largest = Math.max(0, ...pieces.map((piece) => piece.pixelCount));
  pieces = pieces.filter((piece) => !(piece.pixelCount < minimumShareOfLargest * largest));
  pieces.sort((first, second) => compareTuples([first.left + first.right, first.top], [second.left + second.right, second.top]));

  const owners = new Int32Array(components.length + 1).fill(-1);
  pieces.forEach((piece, index) => { for (const label of piece.labels) owners[label] = index; });
  return pieces.map((piece, index) => {
    const [width, height] = [piece.right - piece.left, piece.bottom - piece.top];
    const values = new Float32Array(width * height);
    for (let y = piece.top; y < piece.bottom; y += 1) {
      for (let x = piece.left; x < piece.right; x += 1) {
        const label = labels[y * ink.width + x];
        if (label > 0 && owners[label] === index) values[(y - piece.top) * width + x - piece.left] = ink.values[y * ink.width + x];
      }
    }
    return { columns: [piece.left, piece.right], rows: [piece.top, piece.bottom], ink: { width, height, values },
      inkPixelCount: piece.pixelCount };
  });
}

/**
 * Each pixel's component label (1, 2, … for the components kept, −1 for the ink of specks and haze, 0 for no ink)
 * and the components kept, label `l` at index `l − 1`: a breadth-first fill whose queue keeps the component's pixels.
 */
function connectedComponents({ width, height, values }, { threshold, minimumPixelCount, minimumStrokeInk }) {
  const labels = new Int32Array(width * height);
  const components = [];
  const queue = [];
  for (let start = 0; start < values.length; start += 1) {
    if (labels[start] !== 0 || !(values[start] > threshold)) continue;
    const label = components.length + 1;
    let [left, right, top, bottom, strongest] = [width, 0, height, 0, 0];
    labels[start] = label;
    queue.length = 0;
    queue.push(start);
    for (let next = 0; next < queue.length; next += 1) {
      const index = queue[next];
      const [y, x] = [Math.floor(index / width), index % width];
      [left, right, top, bottom] = [Math.min(left, x), Math.max(right, x), Math.min(top, y), Math.max(bottom, y)];
      strongest = Math.max(strongest, values[index]);
      for (let neighbourY = Math.max(y - 1, 0); neighbourY <= Math.min(y + 1, height - 1); neighbourY += 1) {
        for (let neighbourX = Math.max(x - 1, 0); neighbourX <= Math.min(x + 1, width - 1); neighbourX += 1) {
          const neighbour = neighbourY * width + neighbourX;
          if (labels[neighbour] === 0 && values[neighbour] > threshold) {
            labels[neighbour] = label;
            queue.push(neighbour);
          }
        }
      }
    }
    if (queue.length < minimumPixelCount || strongest < minimumStrokeInk) {
      for (const index of queue) labels[index] = -1;
      continue;
    }
    components.push({ labels: [label], left, right: right + 1, top, bottom: bottom + 1, pixelCount: queue.length });
  }
  return { labels, components };
}

/** `pieces` with every two whose columns overlap by more than `overlapShare` of the narrower width merged, until no two do. */
function mergingOverlaps(pieces, overlapShare) {
  for (;;) {
    pieces.sort((first, second) => compareTuples([first.left, first.top], [second.left, second.top]));
    const merged = [];
    const isAbsorbed = new Array(pieces.length).fill(false);
    for (let first = 0; first < pieces.length; first += 1) {
      if (isAbsorbed[first]) continue;
      let piece = pieces[first];
      // Sorted by left edge: the later pieces that overlap this one come right after it.
      for (let next = first + 1; next < pieces.length && pieces[next].left < piece.right; next += 1) {
        if (!isAbsorbed[next] && belongTogether(piece, pieces[next], overlapShare)) {
          piece = mergedPieces(piece, pieces[next]);
          isAbsorbed[next] = true;
        }
      }
      merged.push(piece);
    }
    if (merged.length === pieces.length) return merged;
    pieces = merged;
  }
}

function belongTogether(first, second, overlapShare) {
  const overlap = Math.min(first.right, second.right) - Math.max(first.left, second.left);
  return overlap > overlapShare * Math.min(first.right - first.left, second.right - second.left);
}

function mergedPieces(first, second) {
  return { labels: first.labels.concat(second.labels), left: Math.min(first.left, second.left), right: Math.max(first.right, second.right),
    top: Math.min(first.top, second.top), bottom: Math.max(first.bottom, second.bottom), pixelCount: first.pixelCount + second.pixelCount };
}

/** Lexicographic order of two arrays of numbers, as Swift compares tuples. */
function compareTuples(first, second) {
  for (let index = 0; index < first.length; index += 1) {
    if (first[index] !== second[index]) return first[index] - second[index];
  }
  return 0;
}
