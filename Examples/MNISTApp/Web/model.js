/**
 * The seed CNN's forward pass in the browser (`Model/SeedCNN.swift`, inference mode), on
 * `Float32Array`s, over the weights in `model.bin` (`Prediction/WebModelFile.swift`).
 *
 *     Conv 3×3 same → BatchNorm → ReLU → MaxPool 2     [28, 28, 1]  → [14, 14, 32]
 *     Conv 3×3 same → BatchNorm → ReLU → MaxPool 2     [14, 14, 32] → [7, 7, 64]
 *     Conv 3×3 same → BatchNorm → ReLU                 [7, 7, 64]   → [7, 7, 96]
 *     Flatten → Dense 4704→128, ReLU → Dense 128→10 → softmax   (dropout is off in inference)
 *
 * Activations are `[height, width, channels]` row-major (NHWC for one image), filters
 * `[kernelHeight, kernelWidth, inputChannels, outputChannels]`, dense weights `[input, output]`:
 * the layouts of the Swift tensors, so the file's scalars are used as they are. Sums are
 * accumulated in doubles and stored as float32; the Swift kernels sum float32 in their own
 * order, so the two agree to about 1e-6, not bit for bit.
 *
 *     const model = SeedCNN.fromModelFile(await (await fetch('model.bin')).arrayBuffer());
 *     model.probabilities(input);   // Float32Array(10) for a Float32Array(784) input
 *     model.featureMaps(input);     // every layer's output, as the server's POST /inside (see saliency.js too)
 */

/** The first four bytes of a model file. */
export const modelFileMagic = 'NSWM';
/** The model file layout this reader understands. */
export const modelFileVersion = 1;

/** A `model.bin` this page cannot use. */
export class ModelFileError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ModelFileError';
  }
}

/**
 * The tensors of a model file: `{architecture, tensors: Map<name, {shape, values: Float32Array}>}`.
 *
 * @param {ArrayBuffer} buffer the whole file.
 * @throws {ModelFileError}
 */
export function readModelFile(buffer) {
  const view = new DataView(buffer);
  let position = 0;
  const need = (byteCount) => {
    if (position + byteCount > buffer.byteLength) throw new ModelFileError('the model file is truncated');
  };
  const uint32 = () => {
    need(4);
    position += 4;
    return view.getUint32(position - 4, true);
  };
  const string = () => {
    const length = uint32();
    need(length);
    position += length;
    return new TextDecoder().decode(new Uint8Array(buffer, position - length, length));
  };

  need(4);
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, 4));
  position = 4;
  if (magic !== modelFileMagic) throw new ModelFileError('not a NumSight model file');
  const version = uint32();
  if (version !== modelFileVersion) throw new ModelFileError(`model file version ${version}; this page reads ${modelFileVersion}`);
  const architecture = string();
  const count = uint32();
  const tensors = new Map();
  for (let index = 0; index < count; index += 1) {
    const name = string();
    const shape = Array.from({ length: uint32() }, uint32);
    const offset = uint32();
    const elementCount = shape.reduce((product, dimension) => product * dimension, 1);
    if (offset % 4 !== 0 || offset + 4 * elementCount > buffer.byteLength) {
      throw new ModelFileError(`tensor ${name} lies outside the file`);
    }
    // Read through the DataView, so a big-endian machine reads little-endian floats too.
    const values = new Float32Array(elementCount);
    for (let element = 0; element < elementCount; element += 1) values[element] = view.getFloat32(offset + 4 * element, true);
    tensors.set(name, { shape, values });
  }
  return { architecture, tensors };
}

/** The seed CNN with weights from a model file. */
export class SeedCNN {
  static architecture = 'mnist-seed-cnn';
  /** BatchNorm's epsilon, Keras' default and the Swift layer's. */
  static batchNormEpsilon = Math.fround(1e-3);

  #tensors;

  /** @param {ArrayBuffer} buffer the bytes of `model.bin`. */
  static fromModelFile(buffer) {
    const { architecture, tensors } = readModelFile(buffer);
    if (architecture !== SeedCNN.architecture) throw new ModelFileError(`the model file holds a ${architecture}, not a ${SeedCNN.architecture}`);
    return new SeedCNN(tensors);
  }

  /** @param {Map<string, {shape: number[], values: Float32Array}>} tensors by the Swift names (`layers.0.weight`). */
  constructor(tensors) {
    this.#tensors = tensors;
    const expected = {
      'layers.0.weight': [3, 3, 1, 32], 'layers.4.weight': [3, 3, 32, 64], 'layers.8.weight': [3, 3, 64, 96],
      'layers.13.weight': [4704, 128], 'layers.15.weight': [128, 10],
    };
    for (const [name, shape] of Object.entries(expected)) {
      if (String(tensors.get(name)?.shape) !== String(shape)) throw new ModelFileError(`${name} is missing or not ${shape.join('×')}`);
    }
  }

  /** The probability of each digit 0–9 for a 28×28 input (row-major, 0 to 1). */
  probabilities(input) {
    return softmax(this.logits(input));
  }

  /** The ten logits. */
  logits(input) {
    return this.#forward(input, () => {});
  }

  /**
   * Every layer's output for `input`, named and numbered as the server's `POST /inside`
   * (`Prediction/ModelInsight.swift`): `conv1`, `norm1`, `relu1`, `pool1`, …, `relu3`, `dense1`,
   * `dense2` (the logits), each `{name, layer, shape: [height, width, channels], values}` with
   * `layer` the position in the Swift `Sequential` (`layers.4.weight`) and `values` a `Float32Array` in HWC
   * order; a dense layer's shape is `[1, 1, units]`. Flatten and Dropout change nothing worth showing.
   */
  featureMaps(input) {
    const maps = [];
    this.#forward(input, (name, layer, { height, width, channels, values }) => {
      maps.push({ name, layer, shape: [height, width, channels], values: Float32Array.from(values) });
    });
    return maps;
  }

  /** The tensor named `name` in the model file (`layers.0.weight`): `{shape, values: Float32Array}`. */
  tensor(name) {
    const tensor = this.#tensors.get(name);
    if (!tensor) throw new ModelFileError(`the model file has no ${name}`);
    return tensor;
  }

  /** The forward pass, handing each layer's output to `record(name, layerIndex, image)` before the next changes it. */
  #forward(input, record) {
    let image = { height: 28, width: 28, channels: 1, values: Float32Array.from(input) };
    for (const [block, first, pools] of [[1, 0, true], [2, 4, true], [3, 8, false]]) {
      const [conv, norm] = [`layers.${first}`, `layers.${first + 1}`];
      image = conv2DSame(image, this.tensor(`${conv}.weight`), this.#values(`${conv}.bias`));
      record(`conv${block}`, first, image);
      batchNormalize(image.values, this.#values(`${norm}.scale`), this.#values(`${norm}.offset`),
        this.#values(`${norm}.runningMean`), this.#values(`${norm}.runningVariance`), SeedCNN.batchNormEpsilon);
      record(`norm${block}`, first + 1, image);
      relu(image.values);
      record(`relu${block}`, first + 2, image);
      if (pools) {
        image = maxPool2(image);
        record(`pool${block}`, first + 3, image);
      }
    }
    const hidden = relu(dense(image.values, this.#values('layers.13.weight'), this.#values('layers.13.bias')));
    record('dense1', 13, { height: 1, width: 1, channels: hidden.length, values: hidden });
    const logits = dense(hidden, this.#values('layers.15.weight'), this.#values('layers.15.bias'));
    record('dense2', 15, { height: 1, width: 1, channels: logits.length, values: logits });
    return logits;
  }

  #values(name) {
    return this.tensor(name).values;
  }
}

/**
 * Convolution with stride 1 and "same" zero padding (odd kernels): output `[height, width, outputChannels]`,
 * `out[y][x][o] = bias[o] + Σ in[y + i − ⌊kh/2⌋][x + j − ⌊kw/2⌋][c] · filter[i][j][c][o]`.
 */
export function conv2DSame({ height, width, channels, values }, filter, bias) {
  const [kernelHeight, kernelWidth, inputChannels, outputChannels] = filter.shape;
  if (inputChannels !== channels) throw new RangeError(`a filter for ${inputChannels} channels on an image of ${channels}`);
  const output = new Float32Array(height * width * outputChannels);
  const sums = new Float64Array(outputChannels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      sums.set(bias);
      for (let i = 0; i < kernelHeight; i += 1) {
        const inputY = y + i - (kernelHeight >> 1);
        if (inputY < 0 || inputY >= height) continue;
        for (let j = 0; j < kernelWidth; j += 1) {
          const inputX = x + j - (kernelWidth >> 1);
          if (inputX < 0 || inputX >= width) continue;
          const pixel = (inputY * width + inputX) * channels;
          const tap = (i * kernelWidth + j) * channels * outputChannels;
          for (let c = 0; c < channels; c += 1) {
            const value = values[pixel + c];
            if (value === 0) continue;  // after ReLU, most are
            const row = tap + c * outputChannels;
            for (let o = 0; o < outputChannels; o += 1) sums[o] += value * filter.values[row + o];
          }
        }
      }
      output.set(sums, (y * width + x) * outputChannels);
    }
  }
  return { height, width, channels: outputChannels, values: output };
}

/** Batch normalisation in inference, in place, over the last axis: `(x − mean) / √(variance + ε) · scale + offset`. */
export function batchNormalize(values, scale, offset, mean, variance, epsilon) {
  const channels = scale.length;
  const factors = Float64Array.from(variance, (v, c) => scale[c] / Math.sqrt(Math.fround(v + epsilon)));
  for (let index = 0; index < values.length; index += 1) {
    const c = index % channels;
    values[index] = (values[index] - mean[c]) * factors[c] + offset[c];
  }
  return values;
}

/** `max(x, 0)`, in place. */
export function relu(values) {
  for (let index = 0; index < values.length; index += 1) if (values[index] < 0) values[index] = 0;
  return values;
}

/** 2×2 max pooling with stride 2 (odd edges dropped): `[height, width, c]` → `[⌊height/2⌋, ⌊width/2⌋, c]`. */
export function maxPool2({ height, width, channels, values }) {
  const [outputHeight, outputWidth] = [height >> 1, width >> 1];
  const output = new Float32Array(outputHeight * outputWidth * channels).fill(-Infinity);
  for (let y = 0; y < 2 * outputHeight; y += 1) {
    for (let x = 0; x < 2 * outputWidth; x += 1) {
      const from = (y * width + x) * channels;
      const to = ((y >> 1) * outputWidth + (x >> 1)) * channels;
      for (let c = 0; c < channels; c += 1) output[to + c] = Math.max(output[to + c], values[from + c]);
    }
  }
  return { height: outputHeight, width: outputWidth, channels, values: output };
}

/** `input · weight + bias` for one input, `weight` `[inputSize, outputSize]` row-major. */
export function dense(input, weight, bias) {
  const outputSize = bias.length;
  const sums = Float64Array.from(bias);
  for (let i = 0; i < input.length; i += 1) {
    const value = input[i];
    if (value === 0) continue;
    const row = i * outputSize;
    for (let o = 0; o < outputSize; o += 1) sums[o] += value * weight[row + o];
  }
  return Float32Array.from(sums);
}

/** `exp(x − max) / Σ exp(x − max)`. */
export function softmax(logits) {
  const largest = Math.max(...logits);
  const exponentials = Array.from(logits, (logit) => Math.exp(logit - largest));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return Float32Array.from(exponentials, (value) => value / total);
}
